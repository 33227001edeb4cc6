//! Kubernetes API server: `Status` objects (`metav1.Status`), the body the
//! API server (and aggregated API servers, webhooks behind it) sends for
//! every failed call and for some successful ones:
//! `{"kind": "Status", "apiVersion": "v1", "status": "Failure", "message",
//! "reason", "details": {"name", "group", "kind", "causes": [..],
//! "retryAfterSeconds"}, "code": 429}`.
//!
//! A `Status` is an error only when its `status` is `Failure`; a `Success`
//! one (a `DELETE` may answer with it) reports nothing. One error per
//! `Status`:
//! - code: `reason` (`NotFound`, `TooManyRequests`...); an empty or absent
//!   reason is types.go's `StatusReasonUnknown`, which says nothing but the
//!   HTTP status: the code is then the `Status`'s own `code` (the HTTP
//!   status it suggests, `404`), else `Unknown`;
//! - message: `message` (else the catalog's description);
//! - delay: `details.retryAfterSeconds` (a positive whole number of
//!   seconds), the vendor's own back-off beside `Retry-After`;
//! - class: the catalog's row for the reason, then the retry chain with
//!   the response's status, else the `Status`'s `code` (the status it
//!   suggests, for a body kept without its response);
//! - `detail`: the resource (`details.kind`, `name`, `group`) and the
//!   `causes` (each `field: message (reason)`, at most 16).
//!
//! What auto-detection claims: a top-level object with `"kind": "Status"`,
//! `"apiVersion": "v1"` and a `status` of `Success` or `Failure` (a success
//! is claimed too, and reports nothing). With `--vendor kubernetes`, any
//! `"kind": "Status"` object is read, whatever its `apiVersion`, and one
//! without a `status` member is a failure when it has a reason or an
//! error `code`.
//!
//! A body cut short before its
//! `reason`, which the API server writes after `message`, reports nothing:
//! its code is not known (the response's status then speaks, marked
//! incomplete). One cut short before any `status` member is not claimed:
//! a `status` after the break could make it a success.
//!
//! # Auto-detection
//!
//! What auto-detection claims for `kubernetes`, beside the other vendors and in
//! their order: [`detection`](crate::detection#kubernetes).
//!
//! # Codes and retry classes
//!
#![doc = include_str!("../catalog/kubernetes.md")]
#![doc = include_str!("../../docs/catalog/kubernetes.md")]

use std::time::Duration;

use serde_json::{Map, Value};

use crate::catalog::{self, Entry};
use crate::emit::{Emitter, Stopped};
use crate::retry::Evidence;
use crate::text::{CappedString, collapse_whitespace};
use crate::vendor::{Code, Vendor, VendorHint};
use crate::vendors::Ctx;
use crate::vendors::table::Reader;

/// Most causes said in one error's `detail`.
const MAX_CAUSES: usize = 16;

/// A non-blank string member, trimmed.
fn text<'a>(object: &'a Map<String, Value>, key: &str) -> Option<&'a str> {
    object.get(key).and_then(Value::as_str).map(str::trim).filter(|t| !t.is_empty())
}

/// What a top-level object is, for this reader.
enum Kind {
    /// A `Status` reporting a failure.
    Failure,
    /// A `Status` reporting success, or anything else this reader claims without an error.
    Success,
    /// Not a `Status` (or not one this reader may claim).
    Other,
}

/// Is `object` a `Status`, and does it report a failure (rules in the module docs)?
fn kind(object: &Map<String, Value>, ctx: Ctx<'_>) -> Kind {
    if text(object, "kind") != Some("Status") {
        return Kind::Other;
    }
    let named = ctx.named(VendorHint::Kubernetes);
    if !named && text(object, "apiVersion") != Some("v1") {
        return Kind::Other;
    }
    match text(object, "status") {
        Some("Failure") => Kind::Failure,
        Some("Success") => Kind::Success,
        // Cut short with no `status` yet: it may come after the break, and
        // say what the other members cannot.
        None if ctx.cut => Kind::Other,
        None if named => {
            let error_code = object.get("code").and_then(Value::as_i64).is_some_and(|c| c >= 400);
            if error_code || text(object, "reason").is_some() { Kind::Failure } else { Kind::Success }
        }
        _ if named => Kind::Success,
        _ => Kind::Other,
    }
}

/// The error of a failed `Status` (rules in the module docs).
fn read_failure(status: &Map<String, Value>, ctx: Ctx<'_>, out: &mut Emitter) -> Result<(), Stopped> {
    let max = ctx.limits.max_message_bytes;
    let number = status.get("code").and_then(Value::as_i64).filter(|c| *c > 0);
    let suggested = number.and_then(|c| u16::try_from(c).ok()).filter(|c| (400..=599).contains(c));
    let mut truncated = false;
    let code = match text(status, "reason") {
        Some(reason) => {
            let kept = collapse_whitespace(reason, max);
            truncated |= kept.truncated;
            Code::text(kept.text)
        }
        None => number.map_or_else(|| Code::text("Unknown"), Code::Num),
    };
    let message = text(status, "message").map(|m| {
        let kept = collapse_whitespace(m, max);
        truncated |= kept.truncated;
        kept.text
    });
    let details = status.get("details").and_then(Value::as_object);
    let delay = details
        .and_then(|d| d.get("retryAfterSeconds"))
        .and_then(Value::as_u64)
        .filter(|s| (1..=u64::from(u32::MAX)).contains(s))
        .map(Duration::from_secs);
    let evidence = Evidence { status: ctx.status.or(suggested), backoff: delay, ..ctx.evidence() };
    let mut e = ctx.catalog_error_with(Vendor::Kubernetes, code, message, evidence);
    if let Some(details) = details {
        let kept = detail(details, ctx.limits.max_detail_bytes);
        if !kept.text.is_empty() {
            truncated |= kept.truncated;
            e.detail = Some(kept.text);
        }
    }
    e.truncated |= truncated;
    out.push(e)
}

/// The resource and the causes of a `Status`'s `details`, within `max` bytes.
fn detail(details: &Map<String, Value>, max: usize) -> crate::text::Capped {
    let mut out = CappedString::new(max);
    let mut any = false;
    for key in ["kind", "name", "group"] {
        if let Some(value) = text(details, key) {
            out.push(if any { "; " } else { "" });
            out.push(key);
            out.push(": ");
            out.push_words(value);
            any = true;
        }
    }
    let causes = details.get("causes").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_object);
    for (i, cause) in causes.take(MAX_CAUSES).enumerate() {
        if i == 0 {
            out.push(if any { "; causes: " } else { "causes: " });
            any = true;
        } else {
            out.push(", ");
        }
        if let Some(field) = text(cause, "field") {
            out.push_words(field);
            out.push(": ");
        }
        out.push_words(text(cause, "message").unwrap_or("(no message)"));
        if let Some(reason) = text(cause, "reason") {
            out.push(" (");
            out.push_words(reason);
            out.push(")");
        }
    }
    out.finish()
}

/// Reads a JSON body; false when it is not a `Status`.
fn read_json(body: &Value, ctx: Ctx<'_>, out: &mut Emitter) -> Result<bool, Stopped> {
    let Some(object) = body.as_object() else { return Ok(false) };
    match kind(object, ctx) {
        // Cut short before its `reason` (which follows `message`): its code is not known.
        Kind::Failure if ctx.cut && text(object, "reason").is_none() => Ok(true),
        Kind::Failure => read_failure(object, ctx, out).map(|()| true),
        Kind::Success => Ok(true),
        Kind::Other => Ok(false),
    }
}

/// The Kubernetes API server in the vendor table.
pub(crate) struct Kubernetes;

impl Reader for Kubernetes {
    const CATALOG: &'static [Entry] = catalog::kubernetes::ENTRIES;

    fn read_json(body: &Value, ctx: Ctx<'_>, out: &mut Emitter) -> Result<bool, Stopped> {
        Ok(ctx.may_read(VendorHint::Kubernetes) && read_json(body, ctx, out)?)
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use crate::{Code, Limits, Options, Retry, RetryClass, Vendor, VendorError, VendorHint};

    fn read_with(body: &str, opts: &Options) -> Vec<VendorError> {
        crate::from_slice(body.as_bytes(), opts).unwrap().errors
    }

    fn one(body: &str, status: Option<u16>) -> VendorError {
        let opts = status.map_or_else(Options::new, |s| Options::new().status(s));
        let mut errors = read_with(body, &opts);
        assert_eq!(errors.len(), 1, "{body}: {errors:?}");
        errors.remove(0)
    }

    fn status(fields: &str) -> String {
        format!(r#"{{"kind":"Status","apiVersion":"v1","metadata":{{}},{fields}}}"#)
    }

    #[test]
    fn a_status_cut_before_its_status_member_is_not_decided() {
        // Named, a `Status` without `status` is a failure by its reason; but
        // cut before a `status` that comes late, it may yet be a success.
        let body = r#"{"kind": "Status", "apiVersion": "v1", "reason": "TooManyRequests", "code": 429, "status": "Success"}"#;
        let opts = Options::new().vendor(VendorHint::Kubernetes);
        assert!(crate::from_slice(body.as_bytes(), &opts).unwrap().errors.is_empty());
        let cut = &body[..body.find(r#""status""#).unwrap()];
        let answer = crate::from_slice(cut.as_bytes(), &opts);
        assert!(answer.as_ref().map_or(true, |r| r.errors.is_empty()), "{answer:?}");
        // With its status read, a cut failure is still read.
        let failed = body.replace(r#""status": "Success""#, r#""status": "Failure""#);
        let moved = failed.replace(r#""kind": "Status","#, r#""kind": "Status", "status": "Failure","#);
        let cut = &moved[..moved.rfind(r#""status""#).unwrap()];
        let e = &crate::from_slice(cut.as_bytes(), &opts).unwrap().errors[0];
        assert_eq!((e.vendor, e.code.to_string().as_str()), (Vendor::Kubernetes, "TooManyRequests"));
    }

    #[test]
    fn a_status_cut_before_its_reason_is_not_read() {
        let head = r#"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"pods \"web-0\" not found""#;
        let report = crate::from_slice(format!("{head},\"rea").as_bytes(), &Options::new().status(404)).unwrap();
        assert_eq!((report.errors[0].vendor, report.errors[0].incomplete), (Vendor::Http, true));
        let body = format!(r#"{head},"reason":"NotFound","details":{{"name":"web-0","kind":"pods"}},"co"#);
        let report = crate::from_slice(body.as_bytes(), &Options::new().status(404)).unwrap();
        let e = &report.errors[0];
        assert_eq!((e.vendor, e.code.clone(), e.incomplete), (Vendor::Kubernetes, Code::from("NotFound"), true));
    }

    #[test]
    fn failures_give_reason_message_and_delay() {
        let body = status(
            r#""status":"Failure","message":"too many requests, please try again later","reason":"TooManyRequests","details":{"retryAfterSeconds":7},"code":429"#,
        );
        let e = one(&body, Some(429));
        assert_eq!((e.vendor, e.code.clone()), (Vendor::Kubernetes, Code::from("TooManyRequests")));
        assert_eq!(e.retry, Retry::Throttled { after: Some(Duration::from_secs(7)) });
        assert_eq!(e.message, "too many requests, please try again later");
        // The Status's own code stands for a status the caller did not give.
        let e = one(&status(r#""status":"Failure","reason":"ServiceUnavailable","code":503"#), None);
        assert_eq!(e.retry.class(), RetryClass::Transient);
    }

    #[test]
    fn an_empty_reason_is_the_code_or_unknown() {
        let e = one(&status(r#""status":"Failure","message":"m","reason":"","code":404"#), None);
        assert_eq!((e.code, e.retry), (Code::Num(404), Retry::Permanent));
        let e = one(&status(r#""status":"Failure","message":"m""#), None);
        assert_eq!((e.code, e.retry), (Code::from("Unknown"), Retry::Permanent));
        let e = one(&status(r#""status":"Failure","message":"m""#), Some(503));
        assert_eq!((e.code, e.retry.class()), (Code::from("Unknown"), RetryClass::Transient));
        // No message: the catalog's.
        let e = one(&status(r#""status":"Failure","reason":"Conflict","code":409"#), None);
        assert!(e.message.starts_with("The operation conflicts"), "{}", e.message);
        assert_eq!(e.retry.class(), RetryClass::Transient);
    }

    #[test]
    fn details_say_the_resource_and_causes() {
        let body = status(
            r#""status":"Failure","message":"invalid","reason":"Invalid","details":{"name":"web","group":"apps","kind":"deployments","causes":[{"reason":"FieldValueInvalid","message":"must be >= 0","field":"spec.replicas"},{"message":"bare"}]},"code":422"#,
        );
        let e = one(&body, Some(422));
        assert_eq!(
            e.detail.as_deref(),
            Some("kind: deployments; name: web; group: apps; causes: spec.replicas: must be >= 0 (FieldValueInvalid), bare")
        );
        let limits = Limits { max_detail_bytes: 20, ..Limits::default() };
        let e = read_with(&body, &Options::new().limits(limits)).remove(0);
        assert!(e.truncated && e.detail.is_some_and(|d| d.len() <= 20 + '…'.len_utf8()));
    }

    #[test]
    fn successes_and_other_objects_report_nothing() {
        let opts = Options::new();
        for body in [
            status(r#""status":"Success","code":200"#),
            status(r#""status":"Success","reason":"NotFound","message":"looks like an error","code":200"#),
            r#"{"kind":"Pod","apiVersion":"v1","status":{"phase":"Failed","reason":"Evicted","message":"m"}}"#.into(),
            r#"{"kind":"Status","apiVersion":"v1","status":"Weird","reason":"NotFound"}"#.into(),
        ] {
            assert!(read_with(&body, &opts).is_empty(), "{body}");
        }
    }

    #[test]
    fn the_hint_reads_any_status_object() {
        let opts = Options::new().vendor(VendorHint::Kubernetes);
        let body = r#"{"kind":"Status","apiVersion":"meta.k8s.io/v1","status":"Failure","reason":"Forbidden","code":403}"#;
        assert!(read_with(body, &Options::new()).is_empty());
        assert_eq!(read_with(body, &opts)[0].code, Code::from("Forbidden"));
        let body = r#"{"kind":"Status","reason":"Gone","code":410}"#;
        assert_eq!(read_with(body, &opts)[0].code, Code::from("Gone"));
        assert!(read_with(r#"{"kind":"Status","code":200}"#, &opts).is_empty());
    }

    #[test]
    fn bad_delays_are_no_delay() {
        for delay in ["0", "-5", "1.5", "\"7\"", "99999999999"] {
            let body = status(&format!(
                r#""status":"Failure","reason":"TooManyRequests","details":{{"retryAfterSeconds":{delay}}},"code":429"#
            ));
            assert_eq!(one(&body, Some(429)).retry, Retry::Throttled { after: None }, "{delay}");
        }
    }
}
