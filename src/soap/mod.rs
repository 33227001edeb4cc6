//! SOAP 1.1 and 1.2: envelopes, faults, and the generic reading of a fault
//! as a [`VendorError`](crate::VendorError).

mod fault;

use crate::emit::{Emitter, Halt};
use crate::error::VendorError;
use crate::limits::Limits;
use crate::parse_error::ParseError;
use crate::xml::{Element, Source};

pub(crate) use fault::{Fault, read_fault};

/// SOAP 1.1 envelope namespace.
pub const SOAP11_NS: &str = "http://schemas.xmlsoap.org/soap/envelope/";
/// SOAP 1.2 envelope namespace.
pub const SOAP12_NS: &str = "http://www.w3.org/2003/05/soap-envelope";
/// SOAP 1.2 drafts still seen in the wild; read as SOAP 1.2.
const SOAP12_DRAFT_NS: [&str; 2] =
    ["http://www.w3.org/2002/12/soap-envelope", "http://www.w3.org/2001/12/soap-envelope"];

/// `ns` as the crate's own constant, when it is the SOAP 1.1 or 1.2 envelope namespace.
pub(crate) fn envelope_ns(ns: &str) -> Option<&'static str> {
    [SOAP11_NS, SOAP12_NS].into_iter().find(|known| *known == ns)
}

/// Is `ns` a SOAP envelope namespace (1.1, 1.2 or a 1.2 draft)?
pub(crate) fn is_envelope_ns(ns: Option<&str>) -> bool {
    matches!(ns, Some(ns) if ns == SOAP11_NS || ns == SOAP12_NS || SOAP12_DRAFT_NS.contains(&ns))
}

/// Is this element `local` in a SOAP envelope namespace?
pub(crate) fn is_soap<S: Source>(element: &Element<'_, S>, local: &str) -> bool {
    element.local_name() == local && is_envelope_ns(element.namespace())
}

/// What a SOAP body holds besides faults, and what faults mean: the
/// vendors' business, kept apart from reading the envelope.
pub(crate) trait BodyReader {
    /// Reads a child of `Body` that is not a fault (a method's response),
    /// or hands it back when no reader claims it.
    fn read_item<'c, S: Source>(
        &mut self,
        item: Element<'c, S>,
        out: &mut Emitter,
    ) -> Result<Option<Element<'c, S>>, Halt>;
    /// The error a fault stands for.
    fn fault_error(&self, fault: Fault) -> VendorError;
}

/// Reads an `Envelope`: headers are skipped, each `Fault` in `Body` becomes an
/// error through `body`, other body content goes to `body` too; content no
/// reader claims is searched for faults nested at any depth (some servers
/// wrap the fault in their own elements).
pub(crate) fn read_envelope<S: Source>(
    mut envelope: Element<'_, S>,
    limits: &Limits,
    out: &mut Emitter,
    body: &mut impl BodyReader,
) -> Result<(), Halt> {
    while let Some(mut part) = envelope.next_child()? {
        if !is_soap(&part, "Body") {
            continue;
        }
        while let Some(item) = part.next_child()? {
            if is_soap(&item, "Fault") {
                read_fault_salvaging(item, limits, out, |fault| body.fault_error(fault))?;
            } else if let Some(mut unclaimed) = body.read_item(item, out)? {
                while let Some(nested) = unclaimed.next_descendant("Fault")? {
                    // A `Fault` of another namespace is the application's business.
                    if is_soap(&nested, "Fault") {
                        read_fault_salvaging(nested, limits, out, |fault| body.fault_error(fault))?;
                    }
                }
            }
        }
    }
    Ok(())
}

/// Reads a `Fault` and reports it as `to_error` reads it. When the body
/// breaks off inside the fault after its code and message were read, the
/// fault is still reported (the caller marks it incomplete) before the break
/// is returned; a fault cut before that is not reported at all.
pub(crate) fn read_fault_salvaging<S: Source>(
    fault: Element<'_, S>,
    limits: &Limits,
    out: &mut Emitter,
    to_error: impl FnOnce(Fault) -> VendorError,
) -> Result<(), Halt> {
    let mut read = Fault::default();
    let outcome = read_fault(fault, limits, &mut read);
    // Broken off (the body ended, the read failed, a limit stopped it): the
    // rest of the fault exists but was not read. A fault malformed in its
    // middle has no rest to read: what was read is all it says.
    read.cut = outcome.as_ref().is_err_and(ParseError::is_break);
    if outcome.is_ok() || read.is_identified() {
        out.push(to_error(read))?;
    }
    Ok(outcome?)
}
