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
//! catalog's (`src/catalog/fedex.rs`), else the common chain.
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
