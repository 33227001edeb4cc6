//! Google Ad Manager (and the sunset AdWords API) over SOAP: a built-in
//! profile, with one addition a profile cannot say.
//!
//! A failed call is a SOAP 1.1 fault whose `detail` holds an
//! `ApiExceptionFault` in the service's namespace
//! (`https://www.google.com/apis/ads/publisher/v202602`,
//! `https://adwords.google.com/api/adwords/cm/v201809`) with a summary
//! `message` and one `errors` entry per error: `xsi:type` the error type,
//! `fieldPath`, `trigger`, `errorString` (`RateExceededError.RATE_EXCEEDED`)
//! and `reason` (`RATE_EXCEEDED`); a `RateExceededError` adds `rateName`,
//! `rateScope` and `retryAfterSeconds`.
//!
//! Claimed under auto by a detail child in either namespace family
//! (decisive: no one else uses Google's namespaces); under `--vendor
//! googleads` every fault. The code is the first entry's `errorString` (see
//! [below](#codes-and-retry-classes) for why not `reason`), else its `reason`, else
//! the fault code's local name; the other entries stay in the error's
//! `detail` (the fault's detail, rendered as for any fault). The message is
//! the fault string (the same bracketed summary as `ApiExceptionFault/message`,
//! which names every error). The first `retryAfterSeconds` is the delay.
//!
//! The class is the catalog's. The addition: an `errorString` with no row is
//! classed by its error type (`RateExceededError`/`QuotaError` throttled,
//! `ServerError`/`InternalApiError` transient, any other permanent), not by
//! the fault code, which Google sends as `soap:Server` even for a request
//! that lacks its network code. A profile classes an unknown code by the
//! fault code, so this reader is the profile's `read_fault` followed by that
//! one decision.
//!
//! Not read: AdWords' `partialFailureErrors` in a successful mutate (a
//! sunset API); Ad Manager's SOAP API has no in-band errors or warnings.
//!
//! The profile, as a user would write it in TOML:
//!
//! ```toml
//! vendor = "googleads"
//! [detect]
//! namespaces = ["https://www.google.com/apis/ads/publisher/*", "https://adwords.google.com/api/adwords/*"]
//! [fault]
//! code = ["errors/errorString", "errors/reason"]
//! retry_after_secs = "errors/retryAfterSeconds"
//! ```
//!
//! # Auto-detection
//!
//! What auto-detection claims for `googleads`, beside the other vendors and in
//! their order: [`detection`](crate::detection#googleads).
//!
//! # Codes and retry classes
//!
#![doc = include_str!("../catalog/googleads.md")]
#![doc = include_str!("../../docs/catalog/googleads.md")]

use std::time::Duration;

use crate::catalog::{self, Entry};
use crate::error::VendorError;
use crate::profile::rules::{Unit, parse_delay};
use crate::profile::{FaultSpec, ProfileSpec};
use crate::retry::{self, Evidence, RetryClass};
use crate::soap::Fault;
use crate::vendor::{Code, Vendor, VendorHint};
use crate::vendors::Ctx;
use crate::vendors::profile::{BuiltinProfile, compile};
use crate::vendors::table::Reader;
use crate::xml::Leaves;

/// Detail paths of an `errors` entry's parts.
const ERROR_STRING: &str = "errors/errorString";
const REASON: &str = "errors/reason";
const RETRY_AFTER: &str = "errors/retryAfterSeconds";

/// The profile: what it claims and where the code and delay are.
fn spec() -> ProfileSpec {
    ProfileSpec::new("googleads")
        .detect_namespace("https://www.google.com/apis/ads/publisher/*")
        .detect_namespace("https://adwords.google.com/api/adwords/*")
        .fault(FaultSpec::new().code([ERROR_STRING, REASON]).retry_after_secs(RETRY_AFTER))
}

/// The vendor's rules, as a profile.
static PROFILE: BuiltinProfile = BuiltinProfile::new(Vendor::GoogleAds, VendorHint::GoogleAds, || compile(&spec()));

/// The class of an `errorString` the catalog lacks, by its error type
/// (name-based); `None` for a code that is not `Type.REASON`.
fn class_by_type(code: &Code) -> Option<RetryClass> {
    let Code::Text(text) = code else { return None };
    let (kind, reason) = text.split_once('.')?;
    if kind.is_empty() || reason.is_empty() {
        return None;
    }
    Some(match kind {
        "RateExceededError" | "QuotaError" => RetryClass::Throttled,
        "ServerError" | "InternalApiError" => RetryClass::Transient,
        _ => RetryClass::Permanent,
    })
}

/// The first valid `retryAfterSeconds`, as the profile reads it.
fn retry_after(detail: &Leaves) -> Option<Duration> {
    let at = |path: &str| path == RETRY_AFTER || path.strip_suffix(RETRY_AFTER).is_some_and(|h| h.ends_with('/'));
    detail.items().filter(|l| at(l.path)).find_map(|l| parse_delay(l.text, Unit::Secs))
}

/// Google Ad Manager / AdWords in the vendor table.
pub(crate) struct GoogleAds;

impl Reader for GoogleAds {
    const CATALOG: &'static [Entry] = catalog::googleads::ENTRIES;

    fn builtin_profile() -> Option<&'static BuiltinProfile> {
        Some(&PROFILE)
    }

    fn read_fault(fault: &mut Fault, ctx: Ctx<'_>) -> Option<VendorError> {
        if !PROFILE.claims_fault(fault, ctx) {
            return None;
        }
        // Read before the profile takes the fault.
        let backoff = retry_after(&fault.detail);
        let mut e = PROFILE.read_fault(fault, ctx)?;
        if catalog::entry(Vendor::GoogleAds, &e.code).is_none()
            && let Some(class) = class_by_type(&e.code)
        {
            e.retry = retry::decide(&Evidence { catalog: Some(class), backoff, ..ctx.evidence() });
        }
        Some(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Options, Retry};

    #[test]
    fn the_profile_compiles() {
        if let Err(e) = crate::profile::builtin_rules(&spec()) {
            panic!("the googleads profile does not compile: {e}");
        }
    }

    fn fault(detail: &str) -> String {
        format!(
            r#"<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault>
            <faultcode>soap:Server</faultcode><faultstring>[summary]</faultstring>
            <detail>{detail}</detail></soap:Fault></soap:Body></soap:Envelope>"#
        )
    }

    fn api_fault(errors: &str) -> String {
        fault(&format!(
            r#"<ApiExceptionFault xmlns="https://www.google.com/apis/ads/publisher/v202602"><message>[summary]</message>{errors}</ApiExceptionFault>"#
        ))
    }

    fn read(body: &str, opts: &Options) -> Vec<VendorError> {
        crate::from_slice(body.as_bytes(), opts).unwrap().errors
    }

    #[test]
    fn unknown_error_strings_are_classed_by_type_not_by_the_fault_code() {
        let opts = Options::new().status(500);
        let class = |s: &str| {
            let errors = read(&api_fault(&format!("<errors><errorString>{s}</errorString></errors>")), &opts);
            assert_eq!(errors.len(), 1);
            assert_eq!(errors[0].vendor, Vendor::GoogleAds);
            errors[0].retry.class()
        };
        assert_eq!(class("ServerError.SOMETHING_NEW"), RetryClass::Transient);
        assert_eq!(class("InternalApiError.SOMETHING_NEW"), RetryClass::Transient);
        assert_eq!(class("QuotaError.SOMETHING_NEW"), RetryClass::Throttled);
        assert_eq!(class("LineItemError.ALREADY_STARTED"), RetryClass::Permanent);
        // A catalog row wins.
        assert_eq!(class("ServerError.SERVER_BUSY"), RetryClass::Transient);
        assert_eq!(class("InternalApiError.ERROR_GENERATING_RESPONSE"), RetryClass::Permanent);
        // Not Type.REASON: the fault code decides, as for any profile.
        assert_eq!(class("JUST_A_WORD"), RetryClass::Transient);
        assert_eq!(class(".X"), RetryClass::Transient);
    }

    #[test]
    fn an_unknown_rate_error_keeps_its_delay() {
        let body = api_fault(
            "<errors><errorString>RateExceededError.NEW_REASON</errorString><retryAfterSeconds> 12 </retryAfterSeconds></errors>",
        );
        let errors = read(&body, &Options::new().status(500));
        assert_eq!(errors[0].retry, Retry::Throttled { after: Some(Duration::from_secs(12)) });
    }

    #[test]
    fn reason_without_error_string_and_no_errors_at_all() {
        let errors = read(&api_fault("<errors><reason>NOT_FOUND</reason></errors>"), &Options::new());
        assert_eq!(errors[0].code, Code::from("NOT_FOUND"));
        // Only a message: the fault code is the code.
        let errors = read(&api_fault(""), &Options::new());
        assert_eq!((errors[0].vendor, &errors[0].code), (Vendor::GoogleAds, &Code::from("Server")));
        assert_eq!(errors[0].message, "[summary]");
    }

    #[test]
    fn other_namespaces_are_not_claimed_but_the_hint_reads_them() {
        let body = fault(r#"<ApiExceptionFault xmlns="urn:other"><errors><errorString>QuotaError.EXCEEDED_QUOTA</errorString></errors></ApiExceptionFault>"#);
        assert_eq!(read(&body, &Options::new())[0].vendor, Vendor::Soap);
        let errors = read(&body, &Options::new().vendor(VendorHint::GoogleAds));
        assert_eq!((errors[0].vendor, errors[0].retry.class()), (Vendor::GoogleAds, RetryClass::Throttled));
    }

    #[test]
    fn a_bad_delay_is_no_delay() {
        for bad in ["soon", "-3", ""] {
            let body = api_fault(&format!(
                "<errors><errorString>RateExceededError.RATE_EXCEEDED</errorString><retryAfterSeconds>{bad}</retryAfterSeconds></errors>"
            ));
            assert_eq!(read(&body, &Options::new())[0].retry, Retry::Throttled { after: None }, "{bad}");
        }
    }
}
