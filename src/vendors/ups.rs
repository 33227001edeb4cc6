//! UPS: the legacy XML APIs' `Response/Error`, SOAP faults of the web
//! services (`Errors/ErrorDetail`), and REST JSON `response.errors`.
//!
//! The legacy XML APIs answer with a `<Call>Response` root without namespace
//! whose `Response` holds `ResponseStatusCode` (`1` success, `0` failure),
//! `ResponseStatusDescription` and, on failure (and for warnings), `Error`s:
//! `ErrorSeverity` (`Hard`, `Transient`, `Warning`), `ErrorCode`,
//! `ErrorDescription`, `MinimumRetrySeconds`, `ErrorLocation`, `ErrorDigest`
//! (UPS's XML schema; Shopify/active_shipping's UPS carrier, commit 323470ac,
//! succeeds on `ResponseStatusCode` 1). UPS defines the severities: a
//! `Transient` error is temporary ("the request may be issued successfully at
//! a later time"), a `Hard` one must not be resubmitted until fixed, a
//! `Warning` accompanies a success (UPS, "Introduction to the UPS Developer
//! Kit", "Error Responses"). So an `Error` is an error when its severity is
//! `Hard` or `Transient` (without a severity: unless the status said
//! success); a `ResponseStatusCode` 0 with no such `Error` is still reported
//! (its first `Error`'s code and text when there is one, else the code
//! `Failure`). The class is the catalog's, else the severity's (`Transient`
//! transient, `Hard` permanent); `MinimumRetrySeconds` is the delay;
//! `ErrorLocation` and `ErrorDigest` go to `detail`; `command` is the call
//! (`RatingServiceSelection`).
//!
//! This part is hand-written, not a profile: the severity chooses the class
//! of a code the catalog does not know, and the status code gates. The SOAP
//! faults and the REST JSON fit a profile and are read by one: a fault whose detail holds
//! `Errors/ErrorDetail/PrimaryErrorCode/{Code, Description}` in
//! `http://www.ups.com/XMLSchema/XOLTWS/Error/v1.1` (its
//! `MinimumRetrySeconds` the delay; the class the catalog's, else the fault
//! code's); `{"response": {"errors": [{"code", "message"}]}}`.
//!
//! Claimed under auto: a fault with a detail child in a
//! `http://www.ups.com/XMLSchema/XOLTWS/` namespace; a document element
//! without namespace named as one of UPS's legacy responses that no other
//! vendor uses (`AddressValidationResponse`,
//! `RatingServiceSelectionResponse`, `ShipmentAcceptResponse`,
//! `ShipmentConfirmResponse`, `TimeInTransitResponse`,
//! `VoidShipmentResponse`). `TrackResponse` is not among them: USPS Web Tools
//! answers tracking with a root of the same name, and which of the two it is
//! shows only in its children (`Response/ResponseStatusCode` for UPS,
//! `TrackInfo` for USPS), so that root is left to the [`usps`](super::usps)
//! reader, which hands a UPS one to this reader. The REST JSON is claimed only when the
//! whole body is its error shape: `{"response": {"errors": [...]}}` with no
//! other member, every error an object with a string `code` of digits and a
//! string `message` (a `response` member alone is too common to claim a body
//! by), which a body cut short cannot show, so such a body is not claimed. Under `--vendor ups`: every document element and SOAP body item (as
//! a legacy response), every fault, every JSON body.
//!
//! # Auto-detection
//!
//! What auto-detection claims for `ups`, beside the other vendors and in
//! their order: [`detection`](crate::detection#ups).
//!
//! # Codes and retry classes
//!
#![doc = include_str!("../catalog/ups.md")]
#![doc = include_str!("../../docs/catalog/ups.md")]

use std::time::Duration;

use crate::emit::{Emitter, Halt};
use crate::error::VendorError;
use crate::profile::{FaultSpec, JsonSpec, ProfileSpec};
use crate::retry::{Evidence, RetryClass};
use crate::soap::{self, Fault};
use crate::text::CappedString;
use crate::vendor::{Code, Vendor, VendorHint};
use crate::vendors::profile::{BuiltinProfile, compile};
use crate::vendors::table::Reader;
use crate::vendors::{Ctx, operation_of};
use crate::xml::{Element, Leaves, Source};

/// The legacy responses claimed by name under auto: those of UPS's XML APIs
/// in active_shipping's fixtures, all UPS's own.
pub(crate) const ROOTS: &[&str] = &[
    "AddressValidationResponse",
    "RatingServiceSelectionResponse",
    "ShipmentAcceptResponse",
    "ShipmentConfirmResponse",
    "TimeInTransitResponse",
    "VoidShipmentResponse",
];

/// Most leaves read from one `Error`.
const MAX_LEAVES: usize = 32;

/// UPS's reader: legacy XML by hand, faults and JSON by a profile.
pub(crate) struct Ups;

/// The web services' faults and the REST JSON, as a profile.
fn spec() -> ProfileSpec {
    ProfileSpec::new("ups")
        .detect_namespace("http://www.ups.com/XMLSchema/XOLTWS/*")
        .fault(
            FaultSpec::new()
                .code("ErrorDetail/PrimaryErrorCode/Code")
                .message("ErrorDetail/PrimaryErrorCode/Description")
                .retry_after_secs("ErrorDetail/MinimumRetrySeconds"),
        )
        .detect_json_key("response")
        .json(JsonSpec::at("/response/errors/*").code("code").message("message"))
}

/// Is this JSON body exactly UPS's REST error shape: `{"response":
/// {"errors": [...]}}` and nothing else, each error an object with a code
/// of digits and a message, both strings?
fn is_rest_error(body: &serde_json::Value) -> bool {
    let only = |v: &serde_json::Value, key: &str| v.as_object().is_some_and(|o| o.len() == 1 && o.contains_key(key));
    let Some(errors) = body.get("response").and_then(|r| r.get("errors")).and_then(|e| e.as_array()) else {
        return false;
    };
    let is_error = |e: &serde_json::Value| {
        let code = e.get("code").and_then(|c| c.as_str());
        code.is_some_and(|c| !c.is_empty() && c.bytes().all(|b| b.is_ascii_digit()))
            && e.get("message").is_some_and(serde_json::Value::is_string)
    };
    only(body, "response") && body.get("response").is_some_and(|r| only(r, "errors")) && !errors.is_empty()
        && errors.iter().all(is_error)
}

/// UPS's faults and REST JSON, as a profile.
pub(crate) static PROFILE: BuiltinProfile = BuiltinProfile::new(Vendor::Ups, VendorHint::Ups, || compile(&spec()));

/// Is this document element a UPS legacy response?
fn claims_root<S: Source>(root: &Element<'_, S>, ctx: Ctx<'_>) -> bool {
    ctx.named(VendorHint::Ups)
        || ctx.may_read(VendorHint::Ups) && root.namespace().is_none() && ROOTS.contains(&root.local_name())
}

/// Reads a UPS legacy response (a document element such as
/// `RatingServiceSelectionResponse` or UPS's `TrackResponse`): its
/// `Response`'s status and errors. See the module docs.
pub(crate) fn read_root<S: Source>(mut root: Element<'_, S>, ctx: Ctx<'_>, out: &mut Emitter) -> Result<(), Halt> {
    let command = operation_of(root.local_name()).to_owned();
    while let Some(child) = root.next_child()? {
        if soap::is_soap(&child, "Fault") {
            soap::read_fault_salvaging(child, ctx.limits, out, |fault| super::fault_error(fault, ctx))?;
        } else if child.local_name() == "Response" {
            read_status(child, &command, ctx, out)?;
        }
    }
    Ok(())
}

/// What the status of a `Response` said.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    Unknown,
    Success,
    Failure,
}

/// Reads a legacy response's `Response` element, for the call `command`.
pub(crate) fn read_status<S: Source>(
    mut response: Element<'_, S>,
    command: &str,
    ctx: Ctx<'_>,
    out: &mut Emitter,
) -> Result<(), Halt> {
    let max = ctx.limits.max_message_bytes;
    let (mut status, mut description) = (Status::Unknown, None);
    let mut reported = false;
    let mut first: Option<(Code, Option<String>)> = None;
    while let Some(child) = response.next_child()? {
        match child.local_name() {
            "ResponseStatusCode" => {
                status = match child.text(16)?.text.trim() {
                    "1" => Status::Success,
                    "0" => Status::Failure,
                    _ => Status::Unknown,
                };
            }
            "ResponseStatusDescription" => description = Some(child.text(max)?.text),
            "Error" => {
                let leaves = child.leaves(MAX_LEAVES, max)?;
                let Some(error) = read_error(&leaves, status, ctx) else { continue };
                if first.is_none() {
                    first = Some((error.code.clone(), error.message.clone()));
                }
                if error.is_error {
                    let mut e = error_of(error, &leaves, ctx);
                    e.command = Some(command.to_owned());
                    reported = true;
                    out.push(e)?;
                }
            }
            _ => {}
        }
    }
    if status == Status::Failure && !reported {
        let (code, message) = first.unwrap_or_else(|| {
            let said = description.as_deref().map(str::trim).filter(|d| !d.is_empty()).unwrap_or("Failure");
            let text = format!("ups {command}: ResponseStatusCode 0 ({said}) without an error");
            (Code::text("Failure"), Some(crate::text::collapse_whitespace(&text, max).text))
        });
        let mut e = ctx.catalog_error(Vendor::Ups, code, message);
        e.command = Some(command.to_owned());
        out.push(e)?;
    }
    Ok(())
}

/// One `Error` as read.
struct UpsError {
    code: Code,
    message: Option<String>,
    is_error: bool,
    class: Option<RetryClass>,
    delay: Option<Duration>,
}

/// Reads an `Error`'s leaves: `None` without code or description.
fn read_error(leaves: &Leaves, status: Status, _ctx: Ctx<'_>) -> Option<UpsError> {
    let text = |name: &str| leaves.named(name).map(str::trim).filter(|t| !t.is_empty());
    let message = text("ErrorDescription").map(str::to_owned);
    let code = text("ErrorCode").map(Code::parse).or_else(|| message.is_some().then(|| Code::text("unknown")))?;
    let severity = text("ErrorSeverity");
    let is_error = match severity {
        Some(s) => s.eq_ignore_ascii_case("Hard") || s.eq_ignore_ascii_case("Transient"),
        None => status != Status::Success,
    };
    let class = match severity {
        Some(s) if s.eq_ignore_ascii_case("Transient") => Some(RetryClass::Transient),
        Some(s) if s.eq_ignore_ascii_case("Hard") => Some(RetryClass::Permanent),
        _ => None,
    };
    let delay = text("MinimumRetrySeconds").and_then(|s| s.parse::<u64>().ok()).map(Duration::from_secs);
    Some(UpsError { code, message, is_error, class, delay })
}

/// The error an `Error` gives: class and delay, and its location and digest in `detail`.
fn error_of(error: UpsError, leaves: &Leaves, ctx: Ctx<'_>) -> VendorError {
    let evidence = Evidence { catalog: error.class, backoff: error.delay, ..ctx.evidence() };
    let mut e = ctx.catalog_error_with(Vendor::Ups, error.code, error.message, evidence);
    let mut detail = CappedString::new(ctx.limits.max_detail_bytes);
    let mut any = false;
    for leaf in leaves.items().filter(|l| l.path.starts_with("ErrorLocation") || l.path.starts_with("ErrorDigest")) {
        if any {
            detail.push("; ");
        }
        detail.push(leaf.path);
        detail.push(": ");
        detail.push_words(leaf.text);
        any = true;
    }
    let detail = detail.finish();
    if any {
        e.detail = Some(detail.text);
        e.truncated |= detail.truncated;
    }
    e.truncated |= leaves.truncated;
    e
}

impl Reader for Ups {
    const CATALOG: &'static [crate::catalog::Entry] = crate::catalog::ups::ENTRIES;

    fn builtin_profile() -> Option<&'static BuiltinProfile> {
        Some(&PROFILE)
    }

    fn read_fault(fault: &mut Fault, ctx: Ctx<'_>) -> Option<VendorError> {
        PROFILE.read_fault(fault, ctx)
    }

    fn claims_root<S: Source>(root: &Element<'_, S>, ctx: Ctx<'_>) -> bool {
        claims_root(root, ctx)
    }

    fn read_root<S: Source>(root: Element<'_, S>, ctx: Ctx<'_>, out: &mut Emitter) -> Result<(), Halt> {
        read_root(root, ctx, out)
    }

    fn claims_item<S: Source>(_item: &Element<'_, S>, ctx: Ctx<'_>) -> bool {
        ctx.named(VendorHint::Ups)
    }

    fn read_item<S: Source>(item: Element<'_, S>, ctx: Ctx<'_>, out: &mut Emitter) -> Result<(), Halt> {
        read_root(item, ctx, out)
    }

    fn read_json(body: &serde_json::Value, ctx: Ctx<'_>, out: &mut Emitter) -> Result<bool, crate::emit::Stopped> {
        // The profile's `response` key is too common to claim by alone:
        // under auto the whole body must be UPS's error shape, which a body
        // cut short cannot show (a member or an error after the break may
        // not fit it: then the whole body is not UPS's).
        if !(ctx.named(VendorHint::Ups) || !ctx.cut && is_rest_error(body)) {
            return Ok(false);
        }
        PROFILE.read_json(body, ctx, out)
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use crate::{Code, Options, RetryClass, Vendor, VendorError, VendorHint};

    #[test]
    fn the_profile_compiles() {
        crate::profile::builtin_rules(&super::spec()).unwrap();
    }

    /// The published page names every root claimed by name.
    #[test]
    fn the_page_names_every_root() {
        let page: String = include_str!("ups.rs").lines().take_while(|l| l.starts_with("//!")).collect();
        for root in super::ROOTS {
            assert!(page.contains(&format!("`{root}`")), "{root} is not named in the module's documentation");
        }
    }

    fn errors_with(body: &str, opts: &Options) -> Vec<VendorError> {
        crate::from_slice(body.as_bytes(), opts).unwrap().errors
    }

    fn errors(body: &str) -> Vec<VendorError> {
        errors_with(body, &Options::new())
    }

    fn legacy(root: &str, status: &str, error: &str) -> String {
        format!("<{root}><Response><ResponseStatusCode>{status}</ResponseStatusCode>{error}</Response></{root}>")
    }

    #[test]
    fn severities_decide() {
        let hard = "<Error><ErrorSeverity>Hard</ErrorSeverity><ErrorCode>20008</ErrorCode><ErrorDescription>bad</ErrorDescription></Error>";
        let e = &errors(&legacy("ShipmentConfirmResponse", "0", hard))[0];
        assert_eq!((e.vendor, e.code.clone(), e.retry.class()), (Vendor::Ups, Code::Num(20008), RetryClass::Permanent));
        let warning = "<Error><ErrorSeverity>Warning</ErrorSeverity><ErrorCode>1</ErrorCode><ErrorDescription>w</ErrorDescription></Error>";
        assert!(errors(&legacy("ShipmentConfirmResponse", "1", warning)).is_empty());
        // No severity: an error unless the status said success.
        let bare = "<Error><ErrorCode>7</ErrorCode></Error>";
        assert!(errors(&legacy("VoidShipmentResponse", "1", bare)).is_empty());
        assert_eq!(errors(&legacy("VoidShipmentResponse", "0", bare))[0].code, Code::Num(7));
        // A description without a code: `unknown`; neither: the status's failure.
        let text_only = "<Error><ErrorSeverity>Hard</ErrorSeverity><ErrorDescription>only text</ErrorDescription></Error>";
        assert_eq!(errors(&legacy("VoidShipmentResponse", "0", text_only))[0].code, Code::from("unknown"));
        let empty = "<Error><ErrorSeverity>Hard</ErrorSeverity></Error>";
        assert_eq!(errors(&legacy("VoidShipmentResponse", "0", empty))[0].code, Code::from("Failure"));
        // A transient error without a delay: transient, no delay.
        let transient = "<Error><ErrorSeverity>Transient</ErrorSeverity><ErrorCode>123456</ErrorCode><MinimumRetrySeconds>soon</MinimumRetrySeconds></Error>";
        let e = &errors(&legacy("VoidShipmentResponse", "0", transient))[0];
        assert_eq!((e.retry.class(), e.retry.after()), (RetryClass::Transient, None));
    }

    #[test]
    fn roots_claimed_by_name_only_without_namespace() {
        let hard = "<Error><ErrorSeverity>Hard</ErrorSeverity><ErrorCode>1</ErrorCode></Error>";
        assert!(errors(&legacy("SomeOtherResponse", "0", hard)).is_empty());
        let namespaced = r#"<RatingServiceSelectionResponse xmlns="urn:x"><Response><ResponseStatusCode>0</ResponseStatusCode></Response></RatingServiceSelectionResponse>"#;
        assert!(errors(namespaced).is_empty());
        // Under the hint, any root.
        let opts = Options::new().vendor(VendorHint::Ups);
        assert_eq!(errors_with(&legacy("SomeOtherResponse", "0", hard), &opts).len(), 1);
    }

    #[test]
    fn a_broken_body_keeps_what_was_read() {
        let whole = legacy("ShipmentAcceptResponse", "0", "<Error><ErrorSeverity>Hard</ErrorSeverity><ErrorCode>20007</ErrorCode></Error><Error>");
        let report = crate::from_slice(whole.as_bytes(), &Options::new()).unwrap();
        assert_eq!(report.errors.len(), 1);
        assert!(report.incomplete.is_some());
    }

    #[test]
    fn a_rest_body_cut_short_is_not_claimed_under_auto() {
        let body = r#"{"response": {"errors": [{"code": "111210", "message": "Unavailable."}, {"note": "not an error of UPS's shape", "message": "m"}]}}"#;
        // Whole, the second error does not fit: not UPS's (and nothing else's).
        let whole = crate::from_slice(body.as_bytes(), &Options::new()).unwrap();
        assert!(whole.errors.iter().all(|e| e.vendor != Vendor::Ups), "{whole:?}");
        // Cut inside it, what was read fits, but what followed may not.
        let cut = &body[..body.find("not an error").unwrap()];
        let answer = crate::from_slice(cut.as_bytes(), &Options::new());
        assert!(answer.as_ref().map_or(true, |r| r.errors.iter().all(|e| e.vendor != Vendor::Ups)), "{answer:?}");
        // Under its own hint it reads what was read.
        let e = &errors_with(cut, &Options::new().vendor(VendorHint::Ups))[0];
        assert_eq!((e.vendor, e.code.clone(), e.incomplete), (Vendor::Ups, Code::Num(111210), true));
    }

    #[test]
    fn the_rest_shape_is_exact() {
        assert!(super::is_rest_error(&json!({"response": {"errors": [{"code": "250002", "message": "m"}]}})));
        for other in [
            json!({"response": {"errors": [{"code": "250002", "message": "m"}]}, "other": 1}),
            json!({"response": {"errors": [{"code": "250002", "message": "m"}], "x": 1}}),
            json!({"response": {"errors": [{"code": "E1", "message": "m"}]}}),
            json!({"response": {"errors": [{"code": 250002, "message": "m"}]}}),
            json!({"response": {"errors": [{"code": "1"}]}}),
            json!({"response": {"errors": []}}),
            json!({"response": []}),
            json!([1]),
        ] {
            assert!(!super::is_rest_error(&other), "{other}");
        }
    }
}
