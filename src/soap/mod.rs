//! SOAP 1.1 and 1.2: envelopes, faults, and the generic reading of a fault
//! as a [`VendorError`].

pub(crate) mod fault;

use crate::limits::Limits;
use crate::parse_error::ParseError;
use crate::report::Report;
use crate::xml::source::EventSource;
use crate::xml::{Cursor, Node};

pub(crate) use fault::{Fault, read_fault};

/// SOAP 1.1 envelope namespace.
pub const SOAP11_NS: &str = "http://schemas.xmlsoap.org/soap/envelope/";
/// SOAP 1.2 envelope namespace.
pub const SOAP12_NS: &str = "http://www.w3.org/2003/05/soap-envelope";
/// SOAP 1.2 drafts still seen in the wild; read as SOAP 1.2.
const SOAP12_DRAFT_NS: [&str; 2] =
    ["http://www.w3.org/2002/12/soap-envelope", "http://www.w3.org/2001/12/soap-envelope"];

/// Which SOAP an envelope is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SoapVersion {
    V11,
    V12,
}

impl SoapVersion {
    /// The version whose envelope namespace is `ns`.
    pub(crate) fn of(ns: Option<&str>) -> Option<SoapVersion> {
        match ns? {
            SOAP11_NS => Some(SoapVersion::V11),
            ns if ns == SOAP12_NS || SOAP12_DRAFT_NS.contains(&ns) => Some(SoapVersion::V12),
            _ => None,
        }
    }
}

/// Reads what a SOAP body holds besides faults (vendors' in-band errors).
pub(crate) trait BodyReader<S> {
    /// Called for each child of `Body` that is not a fault, with the cursor on it.
    fn read_item(&mut self, cur: &mut Cursor<S>, item: Node, report: &mut Report) -> Result<(), ParseError>;
}

/// Reads an `Envelope`: headers are skipped, each `Fault` in `Body` becomes an
/// error through `on_fault`, other body content goes to `body`.
pub(crate) fn read_envelope<S: EventSource>(
    cur: &mut Cursor<S>,
    envelope: Node,
    version: SoapVersion,
    limits: &Limits,
    report: &mut Report,
    body: &mut dyn BodyReader<S>,
    on_fault: &dyn Fn(Fault) -> crate::error::VendorError,
) -> Result<(), ParseError> {
    while let Some(part) = cur.next_child(envelope)? {
        if cur.local_name() != "Body" || SoapVersion::of(cur.namespace()).is_none() {
            continue;
        }
        while let Some(item) = cur.next_child(part)? {
            if cur.local_name() == "Fault" && SoapVersion::of(cur.namespace()).is_some() {
                let fault = read_fault(cur, item, version, limits)?;
                report.push(on_fault(fault), limits.max_errors);
            } else {
                body.read_item(cur, item, report)?;
            }
        }
    }
    Ok(())
}
