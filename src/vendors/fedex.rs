//! FedEx Web Services (SOAP and XML): notifications of severity `ERROR` or
//! `FAILURE` in a reply. A built-in profile.
//!
//! Every reply (`TrackReply`, `RateReply`, `ProcessShipmentReply`, ... in a
//! namespace `http://fedex.com/ws/<service>/v<N>`) has a `HighestSeverity`
//! and repeated `Notifications` (`Severity`, `Source`, `Code`, `Message`,
//! `LocalizedMessage`, `MessageParameters`); items deeper down have their
//! own: a tracked package's `TrackDetails/Notification`, a
//! `CompletedTrackDetails/Notifications` (Shopify/active_shipping's FedEx
//! carrier and fixtures, commit 590bc805). Severities: `SUCCESS`, `NOTE`,
//! `WARNING` (the call succeeded: not errors, as active_shipping's
//! `response_success?` holds), `ERROR`, `FAILURE` (errors). Each
//! notification is read on its own, so a package that failed under a
//! `HighestSeverity` of `SUCCESS` (a `TrackDetails/Notification` with
//! `FAILURE`, code 9045, "retry later") is reported, with `index`.
//!
//! One exception: a tracked package's `Signature/Notifications` says only
//! whether a signature image can be shown; active_shipping's fixture of a
//! package in transit has one with `ERROR` (4550, "Signature images are not
//! available for display for shipments to this country") under a successful
//! reply. There only `FAILURE` is an error.
//!
//! Claimed under auto: a document element or SOAP body item in a
//! `http://fedex.com/ws/` namespace. Under `--vendor fedex`: every document
//! element and SOAP body item, every fault (its fault code as the code: no
//! FedEx fault detail was documented in the sources read). The code is
//! `Code`, the message `Message` (else `LocalizedMessage`), the class the
//! catalog's ([below](#codes-and-retry-classes)), else the common chain.
//!
//! The profile, as a user would write it in TOML:
//!
//! ```toml
//! vendor = "fedex"
//! [detect]
//! namespaces = ["http://fedex.com/ws/*"]
//! [[element]]
//! at = "Signature/Notifications"
//! code = "Code"
//! message = ["Message", "LocalizedMessage"]
//! severity = "Severity"
//! errors_when = ["FAILURE"]
//! [[element]]
//! at = "Notifications"
//! code = "Code"
//! message = ["Message", "LocalizedMessage"]
//! severity = "Severity"
//! errors_when = ["ERROR", "FAILURE"]
//! [[element]]
//! at = "Notification"
//! code = "Code"
//! message = ["Message", "LocalizedMessage"]
//! severity = "Severity"
//! errors_when = ["ERROR", "FAILURE"]
//! ```
//!
//! # Auto-detection
//!
//! What auto-detection claims for `fedex`, beside the other vendors and in
//! their order: [`detection`](crate::detection#fedex).
//!
//! # Codes and retry classes
//!
#![doc = include_str!("../catalog/fedex.md")]
#![doc = include_str!("../../docs/catalog/fedex.md")]

use crate::profile::{ElementSpec, ProfileSpec};

/// FedEx's reader: a built-in profile.
pub(crate) struct Fedex;

/// A notification rule at `at`, an error when its severity is one of `errors`.
fn notification(at: &str, errors: &[&str]) -> ElementSpec {
    ElementSpec::at(at).code("Code").message(["Message", "LocalizedMessage"]).severity("Severity", errors.iter().copied())
}

super::profile::builtin_profile!(
    Fedex,
    Fedex,
    crate::catalog::fedex::ENTRIES,
    ProfileSpec::new("fedex")
        .detect_namespace("http://fedex.com/ws/*")
        .element(notification("Signature/Notifications", &["FAILURE"]))
        .element(notification("Notifications", &["ERROR", "FAILURE"]))
        .element(notification("Notification", &["ERROR", "FAILURE"]))
);

#[cfg(test)]
mod tests {
    use crate::{Code, Options, Vendor, VendorError, VendorHint};

    fn errors_with(body: &str, opts: &Options) -> Vec<VendorError> {
        crate::from_slice(body.as_bytes(), opts).unwrap().errors
    }

    fn reply(ns: &str, inner: &str) -> String {
        format!(r#"<TrackReply xmlns="{ns}"><HighestSeverity>SUCCESS</HighestSeverity>{inner}</TrackReply>"#)
    }

    #[test]
    fn severities_and_places() {
        let ns = "http://fedex.com/ws/track/v19";
        let errors = |inner: &str| errors_with(&reply(ns, inner), &Options::new());
        assert!(errors("<Notifications><Severity>WARNING</Severity><Code>1</Code><Message>w</Message></Notifications>").is_empty());
        assert!(errors("<Notifications><Severity>NOTE</Severity><Code>1</Code></Notifications>").is_empty());
        assert!(errors("<Notifications><Code>1</Code><Message>no severity</Message></Notifications>").is_empty());
        let e = &errors("<Notifications><Severity>error</Severity><Message>lower case, no code</Message></Notifications>")[0];
        assert_eq!((e.vendor, e.code.clone()), (Vendor::Fedex, Code::from("unknown")));
        // A signature's notification: only FAILURE.
        let signature = |severity: &str| {
            errors(&format!("<TrackDetails><Signature><Notifications><Severity>{severity}</Severity><Code>4550</Code></Notifications></Signature></TrackDetails>"))
        };
        assert!(signature("ERROR").is_empty());
        assert_eq!(signature("FAILURE")[0].code, Code::Num(4550));
    }

    #[test]
    fn claimed_by_namespace_or_hint() {
        let inner = "<Notifications><Severity>ERROR</Severity><Code>5508</Code></Notifications>";
        assert!(errors_with(&reply("urn:other", inner), &Options::new()).is_empty());
        let opts = Options::new().vendor(VendorHint::Fedex);
        assert_eq!(errors_with(&reply("urn:other", inner), &opts)[0].code, Code::Num(5508));
    }
}
