//! Vendor readers: one module per vendor, each offering the same few hooks
//! (a fault refiner, a reader for its own XML roots, a reader for in-band
//! results in a SOAP body). This module dispatches to them.
//!
//! Under [`VendorHint::Auto`] a reader claims only what the body makes
//! unambiguous; under its own hint it also reads what is merely likely.

pub(crate) mod marketo;
pub(crate) mod openair;
pub(crate) mod qlm;
pub(crate) mod salto;
pub(crate) mod superoffice;

use crate::catalog;
use crate::error::VendorError;
use crate::limits::Limits;
use crate::parse_error::ParseError;
use crate::report::Report;
use crate::retry::{Retry, RetryClass};
use crate::soap::{BodyReader, Fault};
use crate::vendor::VendorHint;
use crate::vendor::{Code, Vendor};
use crate::xml::source::EventSource;
use crate::xml::{Cursor, Node};

/// What every vendor reader is told.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Ctx<'a> {
    pub(crate) hint: VendorHint,
    pub(crate) limits: &'a Limits,
    /// The HTTP status the body came with, for readers whose class depends on it.
    pub(crate) status: Option<u16>,
}

impl Ctx<'_> {
    /// May the reader for `hint` look at this body at all?
    pub(crate) fn allows(&self, hint: VendorHint) -> bool {
        self.hint == hint || self.hint == VendorHint::Auto
    }

    /// Was the reader for `hint` asked for by name (so it may read what is merely likely)?
    pub(crate) fn insists(&self, hint: VendorHint) -> bool {
        self.hint == hint
    }
}

/// An error of `vendor` with `code`: name, class and informational mark
/// from the catalog; the message is `message` when the body gave one, else
/// the catalog's description. Codes the catalog lacks are permanent.
pub(crate) fn catalog_error(vendor: Vendor, code: Code, message: Option<String>) -> VendorError {
    let entry = match &code {
        Code::Num(n) => catalog::lookup(vendor, &n.to_string()),
        Code::Text(t) => catalog::lookup(vendor, t),
    };
    let message = message.filter(|m| !m.is_empty()).unwrap_or_else(|| match entry {
        Some(e) => e.description.to_owned(),
        None => format!("{vendor} error {code}"),
    });
    let retry = Retry::from(entry.map_or(RetryClass::Permanent, |e| e.retry));
    let mut e = VendorError::new(vendor, code, message, retry);
    // Catalogs without symbolic names (Salto KS) repeat the description there.
    e.name = entry.filter(|e| e.name != e.description).map(|e| e.name.to_owned());
    e.informational = entry.is_some_and(|e| e.informational);
    e
}

/// A fault as the vendor that sent it reads it, else as a generic SOAP fault.
pub(crate) fn fault_error(fault: Fault, ctx: Ctx<'_>) -> VendorError {
    if let Some(code) = marketo::fault_code(&fault, ctx) {
        return marketo::fault_error(fault, code, ctx);
    }
    if let Some(code) = openair::fault_code(&fault, ctx) {
        return openair::fault_error(fault, code, ctx);
    }
    let mut e = fault.into_generic_error(ctx.limits);
    // A fault from an endpoint the caller named keeps that vendor.
    if let Some(vendor) = ctx.hint.vendor().filter(|v| *v == Vendor::SuperOffice) {
        e.vendor = vendor;
    }
    e
}

/// Reads a JSON body for the vendors allowed.
pub(crate) fn read_json(body: &serde_json::Value, ctx: Ctx<'_>, report: &mut Report) {
    let claimed = ctx.allows(VendorHint::Marketo) && marketo::read_json(body, ctx, report)
        || ctx.allows(VendorHint::SaltoKs) && salto::read_json(body, ctx, report);
    if !claimed {
        report.page_message = salto::message_of(body, ctx.limits.max_message_bytes);
    }
}

/// Reads a root element no SOAP envelope claimed: `Ok(true)` when a vendor
/// recognised it (and read it), `Ok(false)` when none did.
pub(crate) fn read_root<S: EventSource>(
    cur: &mut Cursor<S>,
    root: Node,
    ctx: Ctx<'_>,
    report: &mut Report,
) -> Result<bool, ParseError> {
    if ctx.allows(VendorHint::OpenAir) && openair::is_xml_api_root(cur) {
        openair::read_xml_api(cur, root, ctx, report)?;
        return Ok(true);
    }
    if ctx.allows(VendorHint::Qlm) {
        if qlm::is_fragment_root(cur) {
            qlm::read_fragment(cur, root, ctx, report)?;
            return Ok(true);
        }
        // ASP.NET's HTTP GET/POST bindings wrap a string result in <string>.
        if cur.local_name() == "string" {
            qlm::read_wrapper(cur, root, ctx, report)?;
            return Ok(true);
        }
    }
    Ok(false)
}

/// In-band results in a SOAP body (not faults), read by the vendors allowed.
pub(crate) struct SoapBody<'a> {
    pub(crate) ctx: Ctx<'a>,
}

impl<S: EventSource> BodyReader<S> for SoapBody<'_> {
    fn read_item(&mut self, cur: &mut Cursor<S>, item: Node, report: &mut Report) -> Result<(), ParseError> {
        // One reader per item: it is read once, as it streams by.
        if superoffice::claims_item(cur, self.ctx) {
            superoffice::read_response(cur, item, self.ctx, report)
        } else if qlm::claims_item(cur, self.ctx) {
            qlm::read_soap_item(cur, item, self.ctx, report)
        } else if self.ctx.allows(VendorHint::OpenAir) {
            openair::read_soap_results(cur, item, self.ctx, report)
        } else {
            Ok(())
        }
    }
}
