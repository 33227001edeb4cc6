//! PayPal classic SOAP API: `Ack` and `Errors` in operation responses, each
//! payment's `PaymentError`, and SOAP faults with a `FaultDetail`.
//!
//! A hand-written reader (shared with [`ebay`](super::ebay), the response
//! shape being eBay's: [below](#the-response-shape-ebay-and-paypal-share)),
//! not a built-in profile: PayPal's `Ack`
//! decides what a profile's `severity` cannot (`Failure` with entries whose
//! `SeverityCode` is missing, as public captures show, is still a failure;
//! `PartialSuccess` says some payment failed), and an entry nested in a
//! successful call's payload is data. The faults fit a profile.
//!
//! The response element (`DoExpressCheckoutPaymentResponse`) is in
//! `urn:ebay:api:PayPalAPI`; its common children (`Timestamp`, `Ack`,
//! `CorrelationID`, `Errors`, `Version`, `Build`) are in eBay's
//! `urn:ebay:apis:eBLBaseComponents` (activemerchant
//! `paypal_common_api.rb`, its `eBLBaseComponents.xsd`). `Ack`:
//! `Success`, `SuccessWithWarning` (successes), `Failure`,
//! `FailureWithWarning`, `PartialSuccess`; `SeverityCode`: `Error`,
//! `Warning`, `PartialSuccess` (only `Error` is an error). The same code
//! can be a warning or an error (10001), which the severity settles. A
//! parallel payment's `PaymentInfo` (and `PaymentRequestInfo`) holds a
//! `PaymentError` of the same type: it is reported with `index`, the
//! payment's position.
//!
//! Claimed under auto: a document element or SOAP body item in
//! `urn:ebay:api:PayPalAPI` (so `paypal` comes before `ebay`, whose
//! namespace PayPal's children share); a fault whose code or a detail child
//! is in that namespace. Under `--vendor paypal`: every document element
//! and SOAP body item, every fault (its `FaultDetail/ErrorCode` when it has
//! one). The NVP form (`ACK=Failure&L_ERRORCODE0=...`) is not read.
//!
//! # The response shape eBay and PayPal share
//!
#![doc = include_str!("ebl.md")]
//!
//! # Auto-detection
//!
//! What auto-detection claims for `paypal`, beside the other vendors and in
//! their order: [`detection`](crate::detection#paypal).
//!
//! # Codes and retry classes
//!
#![doc = include_str!("../catalog/paypal.md")]
#![doc = include_str!("../../docs/catalog/paypal.md")]

use crate::emit::{Emitter, Halt};
use crate::error::VendorError;
use crate::profile::{FaultSpec, ProfileSpec};
use crate::soap::Fault;
use crate::vendor::{Vendor, VendorHint};
use crate::vendors::Ctx;
use crate::vendors::ebl;
use crate::vendors::profile::{BuiltinProfile, compile};
use crate::vendors::table::Reader;
use crate::xml::{Element, Source};

/// PayPal's API namespace: its operation requests and responses.
const API_NS: &str = "urn:ebay:api:PayPalAPI";

/// PayPal's reader: the shared response reader, and a profile for faults.
pub(crate) struct Paypal;

/// The faults, as a profile: `FaultDetail/ErrorCode`, `FaultDetail/DetailedMessage`.
fn spec() -> ProfileSpec {
    ProfileSpec::new("paypal")
        .detect_namespace(API_NS)
        .fault(FaultSpec::new().code("FaultDetail/ErrorCode").message("FaultDetail/DetailedMessage"))
}

/// PayPal's SOAP faults, as a profile.
pub(crate) static PROFILE: BuiltinProfile =
    BuiltinProfile::new(Vendor::Paypal, VendorHint::Paypal, || compile(&spec()));

/// Is this document element or SOAP body item PayPal's?
fn claims<S: Source>(el: &Element<'_, S>, ctx: Ctx<'_>) -> bool {
    ctx.named(VendorHint::Paypal) || ctx.may_read(VendorHint::Paypal) && el.namespace() == Some(API_NS)
}

impl Reader for Paypal {
    const CATALOG: &'static [crate::catalog::Entry] = crate::catalog::paypal::ENTRIES;

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
        ebl::read_response(root, Vendor::Paypal, ctx, out)
    }

    fn claims_item<S: Source>(item: &Element<'_, S>, ctx: Ctx<'_>) -> bool {
        claims(item, ctx)
    }

    fn read_item<S: Source>(item: Element<'_, S>, ctx: Ctx<'_>, out: &mut Emitter) -> Result<(), Halt> {
        ebl::read_response(item, Vendor::Paypal, ctx, out)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_fault_profile_compiles() {
        crate::profile::builtin_rules(&super::spec()).unwrap();
    }
}
