//! Vendor readers: one module per vendor, each offering the same few hooks
//! (a fault refiner, a reader for its own XML roots, a reader for in-band
//! results in a SOAP body). This module dispatches to them.
//!
//! Under [`VendorHint::Auto`] a reader claims only what the body makes
//! unambiguous; under its own hint it also reads what is merely likely.

pub(crate) mod openair;

use crate::error::VendorError;
use crate::limits::Limits;
use crate::parse_error::ParseError;
use crate::report::Report;
use crate::soap::{BodyReader, Fault};
use crate::vendor::VendorHint;
use crate::xml::source::EventSource;
use crate::xml::{Cursor, Node};

/// What every vendor reader is told.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Ctx<'a> {
    pub(crate) hint: VendorHint,
    pub(crate) limits: &'a Limits,
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

/// A fault as the vendor that sent it reads it, else as a generic SOAP fault.
pub(crate) fn fault_error(fault: Fault, ctx: Ctx<'_>) -> VendorError {
    if let Some(code) = openair::fault_code(&fault, ctx) {
        return openair::fault_error(fault, code, ctx);
    }
    fault.into_generic_error(ctx.limits)
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
    Ok(false)
}

/// In-band results in a SOAP body (not faults), read by the vendors allowed.
pub(crate) struct SoapBody<'a> {
    pub(crate) ctx: Ctx<'a>,
}

impl<S: EventSource> BodyReader<S> for SoapBody<'_> {
    fn read_item(&mut self, cur: &mut Cursor<S>, item: Node, report: &mut Report) -> Result<(), ParseError> {
        if self.ctx.allows(VendorHint::OpenAir) {
            openair::read_soap_results(cur, item, self.ctx, report)?;
        }
        Ok(())
    }
}
