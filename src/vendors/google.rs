//! Google APIs' JSON errors: `{"error": {"code", "message", "status",
//! "errors": [..], "details": [..]}}`, the body every Google REST API
//! (Cloud, Workspace, YouTube, Analytics...) sends with an error status.
//!
//! Two shapes share the `error` object, often in the same body: the
//! legacy one, whose `errors` array holds `{domain, reason, message,
//! location, locationType}` entries, and the `google.rpc.Status` one
//! (AIP-193), whose `status` is a canonical code name (`PERMISSION_DENIED`)
//! and whose `details` hold typed messages (`@type`
//! `type.googleapis.com/google.rpc.ErrorInfo`, `...RetryInfo`, ...).
//!
//! One error per `error` object:
//! - code: the `ErrorInfo` detail's `reason` (`RATE_LIMIT_EXCEEDED`), else
//!   the first `errors` entry's `reason` (`rateLimitExceeded`), else the
//!   canonical `status`, else the numeric `code`;
//! - message: `error.message`, the body's own text, else the first
//!   `errors` entry's `message` (else the catalog's description);
//! - delay: the `RetryInfo` detail's `retryDelay`, a protobuf `Duration`
//!   string (`"30s"`, `"1.5s"`: decimal seconds, at most nine fractional
//!   digits, suffix `s`, at most 315,576,000,000 s as protobuf bounds it),
//!   read strictly: anything else is no delay;
//! - class: the catalog's row for the code; a reason the catalog does not
//!   know takes its canonical `status`'s class; then the retry chain
//!   (the response's status, else the body's `code` when it is an HTTP
//!   error status, as Google's JSON mapping writes it). A rate-limit
//!   reason is throttled whatever status carries it: Google's own Python
//!   client retries a 403 exactly when its reason is `rateLimitExceeded`
//!   or `userRateLimitExceeded`. A body cut before any reason was read is
//!   transient: a reason may have followed and decided the code;
//! - `detail`: the `status` (when the code is a reason), the `domain`, the
//!   `ErrorInfo` metadata and the legacy entry's `location`.
//!
//! What auto-detection claims: a top-level object whose `error` object
//! carries one of Google's own signals —
//! 1. a `details` entry whose `@type` starts with
//!    `type.googleapis.com/google.rpc.`;
//! 2. an `errors` entry with both a `domain` and a `reason` string (the
//!    legacy format);
//! 3. a canonical `google.rpc.Code` name as `status` together with a
//!    numeric `code` that is that name's HTTP mapping (code.proto:
//!    `PERMISSION_DENIED` with 403) or its `google.rpc.Code` number (7):
//!    the pair is the `google.rpc.Status` JSON mapping, where an imitator's
//!    `{"code", "message", "status"}` rarely agrees by chance.
//!
//! Other `{"error": {"code", "message", "status"}}` bodies stay with the
//! generic `json` reader, which reads them as before. A top-level array
//! (streamed responses end with an error object) gives one error per item
//! that carries the signals, with the item's position as `index`. With
//! `--vendor google`, any `error` object with a code, a status or a
//! message is read.
//!
//! Not an error: a long-running operation (`google.longrunning.Operation`:
//! a `name` and a boolean `done` beside its `error`) is the success of the
//! call that fetched it; its `error` is the operation's outcome, data of
//! the response, which a retry of that call would fetch again. Such a body
//! is claimed and reports nothing.
//!
//! # Auto-detection
//!
//! What auto-detection claims for `google`, beside the other vendors and in
//! their order: [`detection`](crate::detection#google).
//!
//! # Codes and retry classes
//!
#![doc = include_str!("../catalog/google.md")]
#![doc = include_str!("../../docs/catalog/google.md")]

use std::time::Duration;

use serde_json::{Map, Value};

use crate::catalog::{self, Entry};
use crate::emit::{Emitter, Stopped};
use crate::retry::{self, Evidence};
use crate::text::collapse_whitespace;
use crate::vendor::{Code, Vendor, VendorHint, parse_decimal};
use crate::vendors::table::Reader;
use crate::vendors::{Ctx, json};

/// The prefix of every `google.rpc` detail's `@type`.
const RPC_TYPE_PREFIX: &str = "type.googleapis.com/google.rpc.";
/// `google.rpc.ErrorInfo`: `reason`, `domain`, `metadata`.
const ERROR_INFO: &str = "type.googleapis.com/google.rpc.ErrorInfo";
/// `google.rpc.RetryInfo`: `retryDelay`.
const RETRY_INFO: &str = "type.googleapis.com/google.rpc.RetryInfo";

/// The canonical codes (google/rpc/code.proto): name, number, HTTP mapping.
const CANONICAL: [(&str, i64, i64); 16] = [
    ("CANCELLED", 1, 499),
    ("UNKNOWN", 2, 500),
    ("INVALID_ARGUMENT", 3, 400),
    ("DEADLINE_EXCEEDED", 4, 504),
    ("NOT_FOUND", 5, 404),
    ("ALREADY_EXISTS", 6, 409),
    ("PERMISSION_DENIED", 7, 403),
    ("RESOURCE_EXHAUSTED", 8, 429),
    ("FAILED_PRECONDITION", 9, 400),
    ("ABORTED", 10, 409),
    ("OUT_OF_RANGE", 11, 400),
    ("UNIMPLEMENTED", 12, 501),
    ("INTERNAL", 13, 500),
    ("UNAVAILABLE", 14, 503),
    ("DATA_LOSS", 15, 500),
    ("UNAUTHENTICATED", 16, 401),
];

/// protobuf's bound on a `Duration`'s seconds (10,000 years).
const MAX_DURATION_SECS: u64 = 315_576_000_000;

/// A non-blank string member, trimmed.
fn text<'a>(object: &'a Map<String, Value>, key: &str) -> Option<&'a str> {
    object.get(key).and_then(Value::as_str).map(str::trim).filter(|t| !t.is_empty())
}

/// The objects of an array member (none when it is absent or not an array).
fn objects<'a>(object: &'a Map<String, Value>, key: &str) -> impl Iterator<Item = &'a Map<String, Value>> {
    object.get(key).and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_object)
}

/// The first `details` entry of the given `@type`.
fn detail_of_type<'a>(error: &'a Map<String, Value>, kind: &str) -> Option<&'a Map<String, Value>> {
    objects(error, "details").find(|d| text(d, "@type") == Some(kind))
}

/// Does this `error` object carry one of Google's own signals (module docs)?
fn has_signals(error: &Map<String, Value>) -> bool {
    let rpc_detail = objects(error, "details").any(|d| text(d, "@type").is_some_and(|t| t.starts_with(RPC_TYPE_PREFIX)));
    let legacy = objects(error, "errors").any(|e| text(e, "domain").is_some() && text(e, "reason").is_some());
    rpc_detail || legacy || canonical_pair(error)
}

/// A canonical `status` with the numeric `code` that goes with it.
fn canonical_pair(error: &Map<String, Value>) -> bool {
    let (Some(status), Some(code)) = (text(error, "status"), error.get("code").and_then(Value::as_i64)) else {
        return false;
    };
    CANONICAL.iter().any(|(name, number, http)| *name == status && (code == *number || code == *http))
}

/// A protobuf `Duration` in its JSON form (`"30s"`, `"1.5s"`), strictly:
/// decimal seconds, at most nine fractional digits, the `s` suffix, within
/// protobuf's bounds; `None` for anything else (negative delays included).
pub(crate) fn parse_duration(text: &str) -> Option<Duration> {
    let number = text.strip_suffix('s')?;
    let (whole, fraction) = match number.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (number, None),
    };
    let digits = |s: &str, max: usize| !s.is_empty() && s.len() <= max && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole, 12) || fraction.is_some_and(|f| !digits(f, 9)) {
        return None;
    }
    let secs: u64 = whole.parse().ok().filter(|s| *s <= MAX_DURATION_SECS)?;
    let nanos = match fraction {
        // Right-padded to nine digits: "5" is 500,000,000 ns.
        Some(f) => f.parse::<u32>().ok()?.checked_mul(10u32.pow(9 - f.len() as u32))?,
        None => 0,
    };
    if secs == MAX_DURATION_SECS && nanos > 0 {
        return None;
    }
    Some(Duration::new(secs, nanos))
}

/// The error of one `error` object (rules in the module docs).
fn read_error(error: &Map<String, Value>, index: Option<usize>, ctx: Ctx<'_>, out: &mut Emitter) -> Result<(), Stopped> {
    let max = ctx.limits.max_message_bytes;
    let info = detail_of_type(error, ERROR_INFO);
    let legacy = objects(error, "errors").next();
    let status = text(error, "status").filter(|s| parse_decimal(s).is_none());
    let numeric = error.get("code").and_then(Value::as_i64);
    // The body's `code` is the HTTP status in Google's JSON mapping.
    let body_status = numeric.and_then(|c| u16::try_from(c).ok()).filter(|s| (400..=599).contains(s));
    let reason = info.and_then(|i| text(i, "reason")).or_else(|| legacy.and_then(|l| text(l, "reason")));
    let mut truncated = false;
    let code = match reason.or(status) {
        Some(symbol) => {
            let kept = collapse_whitespace(symbol, max);
            truncated |= kept.truncated;
            Code::text(kept.text)
        }
        None => match numeric.or_else(|| ctx.status.filter(|s| *s >= 400).map(i64::from)) {
            Some(n) => Code::Num(n),
            None => Code::text("UNKNOWN"),
        },
    };
    let message = text(error, "message").or_else(|| legacy.and_then(|l| text(l, "message"))).map(|m| {
        let kept = collapse_whitespace(m, max);
        truncated |= kept.truncated;
        kept.text
    });
    // A reason the catalog does not know takes its canonical status's class
    // (unless that status leaves the class to the HTTP status).
    let status_row = status.and_then(|s| catalog::entry_text(Vendor::Google, s)).filter(|row| !row.status_decides);
    let delay = detail_of_type(error, RETRY_INFO).and_then(|r| text(r, "retryDelay")).and_then(parse_duration);
    let evidence = Evidence {
        catalog: status_row.map(|row| row.retry),
        status: ctx.status.or(body_status),
        backoff: delay,
        ..ctx.evidence()
    };
    let code_is_status = reason.is_none();
    let mut e = ctx.catalog_error_with(Vendor::Google, code, message, evidence);
    // Cut before any reason: one may have followed (in `details`, after
    // `status`) and decided the code; the status's code is not settled,
    // and its class is no more final than transient.
    if ctx.cut && reason.is_none() {
        e.retry = retry::decide(&evidence.unsettled());
    }
    let mut pieces: Vec<(&str, &Value)> = Vec::new();
    if let (false, Some(value)) = (code_is_status, error.get("status")) {
        pieces.push(("status", value));
    }
    let domain = info.and_then(|i| i.get("domain")).or_else(|| legacy.and_then(|l| l.get("domain")));
    pieces.extend(domain.map(|d| ("domain", d)));
    pieces.extend(info.and_then(|i| i.get("metadata")).map(|m| ("metadata", m)));
    pieces.extend(legacy.and_then(|l| l.get("location")).map(|l| ("location", l)));
    if let Some(detail) = json::detail_of(&pieces, ctx.limits.max_detail_bytes) {
        truncated |= detail.truncated;
        e.detail = Some(detail.text);
    }
    e.truncated |= truncated;
    e.index = index.and_then(|i| u32::try_from(i).ok());
    out.push(e)
}

/// An `error` object this reader may read: one with Google's signals, or
/// under the hint one with a code, a status or a message.
fn readable(error: &Map<String, Value>, ctx: Ctx<'_>) -> bool {
    has_signals(error)
        || ctx.named(VendorHint::Google)
            && (error.get("code").is_some_and(Value::is_i64)
                || ["status", "message"].iter().any(|k| text(error, k).is_some()))
}

/// A long-running operation: its `error` is the operation's outcome.
fn is_operation(object: &Map<String, Value>) -> bool {
    object.get("done").is_some_and(Value::is_boolean) && text(object, "name").is_some()
}

/// Reads a JSON body; false when it is not Google's.
fn read_json(body: &Value, ctx: Ctx<'_>, out: &mut Emitter) -> Result<bool, Stopped> {
    match body {
        Value::Object(object) => {
            let Some(error) = object.get("error").and_then(Value::as_object) else { return Ok(false) };
            if !readable(error, ctx) {
                return Ok(false);
            }
            if !is_operation(object) {
                read_error(error, None, ctx, out)?;
            }
            Ok(true)
        }
        Value::Array(items) => {
            let mut claimed = false;
            for (i, item) in items.iter().enumerate() {
                let Some(object) = item.as_object() else { continue };
                let Some(error) = object.get("error").and_then(Value::as_object) else { continue };
                if readable(error, ctx) && !is_operation(object) {
                    claimed = true;
                    read_error(error, Some(i), ctx, out)?;
                }
            }
            Ok(claimed)
        }
        _ => Ok(false),
    }
}

/// Google APIs in the vendor table.
pub(crate) struct Google;

impl Reader for Google {
    const CATALOG: &'static [Entry] = catalog::google::ENTRIES;

    fn read_json(body: &Value, ctx: Ctx<'_>, out: &mut Emitter) -> Result<bool, Stopped> {
        Ok(ctx.may_read(VendorHint::Google) && read_json(body, ctx, out)?)
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::parse_duration;
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

    #[test]
    fn durations_are_read_strictly() {
        assert_eq!(parse_duration("30s"), Some(Duration::from_secs(30)));
        assert_eq!(parse_duration("1.5s"), Some(Duration::from_millis(1500)));
        assert_eq!(parse_duration("0.000000001s"), Some(Duration::from_nanos(1)));
        assert_eq!(parse_duration("315576000000s"), Some(Duration::from_secs(315_576_000_000)));
        for bad in [
            "", "s", "30", "-1s", "+1s", " 1s", "1 s", "1.s", ".5s", "1.0000000001s", "1e3s", "315576000001s",
            "315576000000.5s", "9999999999999s", "1,5s", "１s",
        ] {
            assert_eq!(parse_duration(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn rate_limit_reasons_are_throttled_whatever_the_status() {
        let body = r#"{"error":{"code":403,"message":"Rate Limit Exceeded","errors":[{"domain":"usageLimits","reason":"rateLimitExceeded","message":"Rate Limit Exceeded"}]}}"#;
        let e = one(body, Some(403));
        assert_eq!((e.vendor, e.code.clone(), e.retry), (Vendor::Google, Code::from("rateLimitExceeded"), Retry::Throttled { after: None }));
        assert_eq!((e.message.as_str(), e.detail.as_deref()), ("Rate Limit Exceeded", Some("domain: usageLimits")));
        // No status given: the body's `code` stands for it, the reason still decides.
        assert_eq!(one(body, None).retry.class(), RetryClass::Throttled);
    }

    #[test]
    fn error_info_reason_wins_and_retry_info_sets_the_delay() {
        let body = r#"{"error":{"code":429,"message":"Quota exceeded.","status":"RESOURCE_EXHAUSTED","details":[
            {"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"RATE_LIMIT_EXCEEDED","domain":"googleapis.com","metadata":{"service":"x.googleapis.com"}},
            {"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"12.5s"}]}}"#;
        let e = one(body, Some(429));
        assert_eq!(e.code, Code::from("RATE_LIMIT_EXCEEDED"));
        assert_eq!(e.retry, Retry::Throttled { after: Some(Duration::from_secs(13)) });
        assert_eq!(
            e.detail.as_deref(),
            Some(r#"status: RESOURCE_EXHAUSTED; domain: googleapis.com; metadata: {"service":"x.googleapis.com"}"#)
        );
    }

    #[test]
    fn an_unknown_reason_takes_its_status_class() {
        let body = r#"{"error":{"code":503,"message":"m","status":"UNAVAILABLE","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"SOMETHING_NEW"}]}}"#;
        let e = one(body, Some(400));
        assert_eq!((e.code, e.retry.class()), (Code::from("SOMETHING_NEW"), RetryClass::Transient));
        // UNKNOWN leaves the class to the response's status.
        let body = r#"{"error":{"code":500,"message":"m","status":"UNKNOWN","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"SOMETHING_NEW"}]}}"#;
        assert_eq!(one(body, Some(503)).retry.class(), RetryClass::Transient);
        assert_eq!(one(body, Some(403)).retry.class(), RetryClass::Permanent);
    }

    #[test]
    fn canonical_status_and_matching_code_are_google() {
        let e = one(r#"{"error":{"code":401,"message":"Expired","status":"UNAUTHENTICATED"}}"#, None);
        assert_eq!((e.vendor, e.retry), (Vendor::Google, Retry::Reauth));
        let e = one(r#"{"error":{"code":14,"message":"down","status":"UNAVAILABLE"}}"#, None);
        assert_eq!(e.vendor, Vendor::Google);
        // A code that does not go with the status: an imitator, the json reader's.
        let e = one(r#"{"error":{"code":418,"message":"m","status":"UNAVAILABLE"}}"#, None);
        assert_eq!((e.vendor, e.code), (Vendor::Json, Code::from("UNAVAILABLE")));
        let e = one(r#"{"error":{"code":"RATE_LIMITED","message":"m","status":429}}"#, Some(429));
        assert_eq!(e.vendor, Vendor::Json);
    }

    #[test]
    fn missing_message_and_code() {
        // No message: the legacy entry's, else the catalog's.
        let e = one(r#"{"error":{"errors":[{"domain":"global","reason":"notFound","message":"File not found"}]}}"#, Some(404));
        assert_eq!(e.message, "File not found");
        let e = one(r#"{"error":{"errors":[{"domain":"global","reason":"notFound"}]}}"#, Some(404));
        assert_eq!(e.message, "The requested resource was not found.");
        // Only a numeric code and a detail type.
        let e = one(r#"{"error":{"code":400,"details":[{"@type":"type.googleapis.com/google.rpc.BadRequest"}]}}"#, None);
        assert_eq!((e.code, e.retry), (Code::Num(400), Retry::Permanent));
        assert_eq!(e.message, "google error 400");
    }

    #[test]
    fn operations_and_plain_objects_are_not_errors() {
        let opts = Options::new();
        let operation = r#"{"name":"operations/op-1","done":true,"error":{"code":3,"message":"bad","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"X"}]}}"#;
        assert!(read_with(operation, &opts).is_empty());
        assert!(read_with(operation, &opts.clone().vendor(VendorHint::Google)).is_empty());
        for body in [r#"{"error":null}"#, r#"{"error":{}}"#, r#"{"errors":[{"domain":"d","reason":"r"}]}"#, "[]", "[1,{}]"] {
            assert!(read_with(body, &opts.clone().vendor(VendorHint::Google)).is_empty(), "{body}");
        }
    }

    #[test]
    fn the_hint_reads_what_is_merely_likely() {
        let opts = Options::new().vendor(VendorHint::Google).status(500);
        let e = read_with(r#"{"error":{"message":"Backend failure"}}"#, &opts).remove(0);
        assert_eq!((e.vendor, e.code, e.retry.class()), (Vendor::Google, Code::Num(500), RetryClass::Transient));
        // Under auto the same body is the generic reader's.
        let e = one(r#"{"error":{"message":"Backend failure"}}"#, Some(500));
        assert_eq!(e.vendor, Vendor::Json);
    }

    #[test]
    fn arrays_give_each_failed_item_with_its_index() {
        let body = r#"[{"result":1},{"error":{"code":429,"message":"slow","status":"RESOURCE_EXHAUSTED"}}]"#;
        let e = one(body, Some(200));
        assert_eq!((e.vendor, e.index, e.retry.class()), (Vendor::Google, Some(1), RetryClass::Throttled));
    }

    #[test]
    fn texts_are_capped() {
        let limits = Limits { max_message_bytes: 16, max_detail_bytes: 24, ..Limits::default() };
        let body = format!(
            r#"{{"error":{{"code":403,"message":"{}","errors":[{{"domain":"{}","reason":"{}"}}]}}}}"#,
            "m".repeat(100),
            "d".repeat(100),
            "R".repeat(100)
        );
        let e = read_with(&body, &Options::new().limits(limits)).remove(0);
        assert!(e.truncated);
        assert!(e.message.len() <= 16 + '…'.len_utf8());
        assert!(e.code.to_string().len() <= 16 + '…'.len_utf8());
        assert!(e.detail.as_ref().is_some_and(|d| d.len() <= 24 + '…'.len_utf8()));
    }
}
