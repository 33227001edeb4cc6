//! eBay Trading and Shopping APIs (XML and SOAP): `Ack` and `Errors` in
//! responses, and SOAP faults with a `FaultDetail`.
//!
//! A hand-written reader (shared with [`paypal`](super::paypal): the
//! response shape [below](#the-response-shape-ebay-and-paypal-share)), not a
//! built-in profile: a profile's `[[element]]` rule with `severity` could
//! skip the `Warning` entries, but not what eBay's `Ack` decides (a
//! `Failure` whose entries lack an `Error` severity must still fail, an entry
//! nested in a successful call's payload is data), nor take the class of a
//! code without a catalog row from the entry's `ErrorClassification`
//! (`SystemError` transient, `RequestError` permanent, eBay's own rule).
//! The SOAP faults do fit a profile, and are read by one.
//!
//! Claimed under auto: a document element or SOAP body item in
//! `urn:ebay:apis:eBLBaseComponents` (every Trading and Shopping response,
//! `<GetItemResponse xmlns="urn:ebay:apis:eBLBaseComponents">`); a fault
//! whose detail holds `FaultDetail` in that namespace (the SOAP API's
//! infrastructure errors: `ErrorCode`, `Severity`, `DetailedMessage`; sent
//! with HTTP 500, classed by the catalog, else by the fault code: `Server`
//! transient, `Client` permanent). PayPal's classic API uses the same
//! namespace for its common children but answers with its operation element
//! in `urn:ebay:api:PayPalAPI`, which `paypal` (before `ebay` in the table)
//! claims. A fault detail in the shared namespace is eBay's under auto,
//! PayPal's under `--vendor paypal`. Under `--vendor ebay`: every document
//! element and SOAP body item, every fault.
//!
//! What is an error, and how each is read: the shape below.
//!
//! # The response shape eBay and PayPal share
//!
#![doc = include_str!("ebl.md")]
//!
//! # Auto-detection
//!
//! What auto-detection claims for `ebay`, beside the other vendors and in
//! their order: [`detection`](crate::detection#ebay).
//!
//! # Codes and retry classes
//!
#![doc = include_str!("../catalog/ebay.md")]
#![doc = include_str!("../../docs/catalog/ebay.md")]

use crate::emit::{Emitter, Halt};
use crate::error::VendorError;
use crate::profile::{FaultSpec, ProfileSpec};
use crate::soap::Fault;
use crate::vendor::{Vendor, VendorHint};
use crate::vendors::Ctx;
use crate::vendors::ebl::{self, EBL_NS};
use crate::vendors::profile::{BuiltinProfile, compile};
use crate::vendors::table::Reader;
use crate::xml::{Element, Source};

/// eBay's reader: the shared response reader, and a profile for faults.
pub(crate) struct Ebay;

/// The faults, as a profile: `FaultDetail/ErrorCode`, `FaultDetail/DetailedMessage`.
fn spec() -> ProfileSpec {
    ProfileSpec::new("ebay")
        .detect_namespace(EBL_NS)
        .fault(FaultSpec::new().code("FaultDetail/ErrorCode").message("FaultDetail/DetailedMessage"))
}

/// eBay's SOAP faults, as a profile.
pub(crate) static PROFILE: BuiltinProfile = BuiltinProfile::new(Vendor::Ebay, VendorHint::Ebay, || compile(&spec()));

/// Is this document element or SOAP body item eBay's?
fn claims<S: Source>(el: &Element<'_, S>, ctx: Ctx<'_>) -> bool {
    ctx.named(VendorHint::Ebay) || ctx.may_read(VendorHint::Ebay) && el.namespace() == Some(EBL_NS)
}

impl Reader for Ebay {
    const CATALOG: &'static [crate::catalog::Entry] = crate::catalog::ebay::ENTRIES;

    fn builtin_profile() -> Option<&'static BuiltinProfile> {
        Some(&PROFILE)
    }

    fn read_fault(fault: &mut Fault, ctx: Ctx<'_>) -> Option<VendorError> {
        PROFILE.read_fault(fault, ctx)
    }

    fn claims_root<S: Source>(root: &Element<'_, S>, ctx: Ctx<'_>) -> bool {
        claims(root, ctx)
    }

    fn read_root<S: Source>(root: Element<'_, S>, ctx: Ctx<'_>, out: &mut Emitter) -> Result<(), Halt> {
        ebl::read_response(root, Vendor::Ebay, ctx, out)
    }

    fn claims_item<S: Source>(item: &Element<'_, S>, ctx: Ctx<'_>) -> bool {
        claims(item, ctx)
    }

    fn read_item<S: Source>(item: Element<'_, S>, ctx: Ctx<'_>, out: &mut Emitter) -> Result<(), Halt> {
        ebl::read_response(item, Vendor::Ebay, ctx, out)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_fault_profile_compiles() {
        crate::profile::builtin_rules(&super::spec()).unwrap();
    }
}
