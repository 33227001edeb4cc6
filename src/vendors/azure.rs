//! Azure Storage (Blob, Queue, File, Table, Data Lake): the `<Error>`
//! document every service answers a failed request with, and the
//! `x-ms-error-code` header.
//!
//! - XML: a root `<Error>` (no namespace) with `Code`, `Message` and
//!   code-specific siblings (`AuthenticationErrorDetail`,
//!   `QueryParameterName`, `QueryParameterValue`, `Reason`,
//!   `ExtendedErrorDetail`...). The `Message` ends with the request's id and
//!   the server's time (`RequestId:<guid>` and `Time:<ISO-8601>`, on lines
//!   of their own or after a space): the message is the text before
//!   `RequestId:`, folded to one line, and those lines go to `detail`
//!   after the other children.
//! - JSON: `{"error": {"code", "message"}}` (Data Lake and other JSON
//!   endpoints) and the Table service's OData `{"odata.error": {"code",
//!   "message": {"lang", "value"}}}`.
//! - The code: the body's, else `x-ms-error-code` (the Python SDK's
//!   `process_storage_error` takes the header, then lets a body's code
//!   replace it). A `HEAD` response has no body: `x-ms-error-code` alone,
//!   under an error status, gives the error (message: the catalog's).
//! - Delays: `Retry-After`, `retry-after-ms`, `x-ms-retry-after-ms` (the
//!   last two in milliseconds, as azure-core reads them; the longest wins).
//!
//! Codes are kept as text. An error with a message but no code takes the
//! response's error status as its code, else `error`.
//!
//! What auto-detection claims: an `<Error>` document (no namespace), and a
//! JSON `odata.error` body, that came with `x-ms-error-code` or
//! `x-ms-request-id`; a JSON `{"error": {..}}` body that came with
//! `x-ms-error-code` (with only `x-ms-request-id` it may be any Azure
//! service's, and the generic JSON reader reads it). An `<Error>` whose
//! `Message` holds a `RequestId:` line is named Azure Storage's by the
//! generic XML reader (see [`xml`](super::xml)), which reads it with
//! this module. With the `azure` hint: any `<Error>` root, any JSON
//! `error` or `odata.error` object.
//!
//! # Auto-detection
//!
//! What auto-detection claims for `azure`, beside the other vendors and in
//! their order: [`detection`](crate::detection#azure).
//!
//! # Codes and retry classes
//!
#![doc = include_str!("../catalog/azure.md")]
#![doc = include_str!("../../docs/catalog/azure.md")]

use serde_json::Value;

use crate::catalog::{self, Entry};
use crate::emit::{Emitter, Halt, Stopped};
use crate::error::VendorError;
use crate::options::VendorHeader;
use crate::text::{Capped, collapse_whitespace};
use crate::vendor::{Code, Vendor, VendorHint};
use crate::vendors::Ctx;
use crate::vendors::table::Reader;
use crate::vendors::xml::{Fields, code_without_one, read_root_error, set_detail};
use crate::xml::{Element, Source};

/// Where the request id starts in a Storage message.
const REQUEST_LINE: &str = "RequestId:";

/// Does a message carry Azure Storage's `RequestId:` line?
pub(crate) fn has_request_line(message: &str) -> bool {
    message.contains(REQUEST_LINE)
}

/// A message cut before its `RequestId:` line, folded; and the rest, folded.
fn split_message(message: &str, max: usize) -> (Capped, Option<String>) {
    match message.find(REQUEST_LINE) {
        Some(at) => {
            let rest = collapse_whitespace(&message[at..], max).text;
            (collapse_whitespace(&message[..at], max), Some(rest))
        }
        None => (collapse_whitespace(message, max), None),
    }
}

/// The code `x-ms-error-code` gives, when the response came with one (and
/// the hint allows Azure).
pub(crate) fn header_code(ctx: Ctx<'_>) -> Option<Code> {
    if !ctx.may_read(VendorHint::Azure) {
        return None;
    }
    let code = ctx.header(VendorHeader::MsErrorCode).filter(|c| !c.is_empty())?;
    Some(Code::text(collapse_whitespace(code, ctx.limits.max_message_bytes).text))
}

/// An error of Azure Storage with this code (else the header's) and
/// message; `None` with neither.
fn error_of(code: Option<&str>, message: Option<&str>, ctx: Ctx<'_>) -> Option<(VendorError, Option<String>)> {
    let max = ctx.limits.max_message_bytes;
    let (message, rest) = match message {
        Some(m) => {
            let (kept, rest) = split_message(m, max);
            (Some(kept).filter(|k| !k.text.is_empty()), rest)
        }
        None => (None, None),
    };
    let code = match code {
        Some(code) => Code::text(collapse_whitespace(code, max).text),
        None => header_code(ctx).or_else(|| message.as_ref().map(|_| code_without_one(ctx)))?,
    };
    let truncated = message.as_ref().is_some_and(|m| m.truncated);
    let mut e = ctx.catalog_error(Vendor::Azure, code, message.map(|m| m.text));
    e.truncated |= truncated;
    Some((e, rest))
}

/// A Storage `<Error>` document's error.
pub(crate) fn storage_error(fields: &Fields, ctx: Ctx<'_>) -> Option<VendorError> {
    let (mut e, rest) = error_of(fields.code(), fields.message(), ctx)?;
    e.truncated |= fields.truncated;
    let header_id = ctx.header(VendorHeader::MsRequestId).filter(|_| rest.is_none());
    let parts = [("", rest.as_deref()), ("RequestId", header_id)];
    set_detail(&mut e, &fields.others, &parts, ctx.limits.max_detail_bytes);
    Some(e)
}

/// Did the response come with a Storage header?
fn storage_headers(ctx: Ctx<'_>) -> bool {
    ctx.header(VendorHeader::MsErrorCode).is_some() || ctx.header(VendorHeader::MsRequestId).is_some()
}

/// Reads a JSON error body; false when it is not Azure Storage's.
fn read_json(body: &Value, ctx: Ctx<'_>, out: &mut Emitter) -> Result<bool, Stopped> {
    let named = ctx.named(VendorHint::Azure);
    let (error, odata) = match (body.get("odata.error"), body.get("error")) {
        (Some(e), _) if e.is_object() && (named || storage_headers(ctx)) => (e, true),
        (_, Some(e)) if e.is_object() && (named || ctx.header(VendorHeader::MsErrorCode).is_some()) => (e, false),
        _ => return Ok(false),
    };
    let code = error.get("code").and_then(Value::as_str).map(str::trim).filter(|c| !c.is_empty());
    let message = match (odata, error.get("message")) {
        (true, Some(Value::Object(m))) => m.get("value").and_then(Value::as_str),
        (_, Some(m)) => m.as_str(),
        _ => None,
    };
    let Some((mut e, rest)) = error_of(code, message.filter(|m| !m.trim().is_empty()), ctx) else { return Ok(false) };
    if let Some(rest) = rest {
        let kept = collapse_whitespace(&rest, ctx.limits.max_detail_bytes);
        e.detail = Some(kept.text);
        e.truncated |= kept.truncated;
    }
    out.push(e)?;
    Ok(true)
}

/// Azure Storage in the vendor table.
pub(crate) struct Azure;

impl Reader for Azure {
    const CATALOG: &'static [Entry] = catalog::azure::ENTRIES;

    fn claims_root<S: Source>(root: &Element<'_, S>, ctx: Ctx<'_>) -> bool {
        ctx.may_read(VendorHint::Azure)
            && root.local_name() == "Error"
            && (ctx.named(VendorHint::Azure) || root.namespace().is_none() && storage_headers(ctx))
    }

    fn read_root<S: Source>(root: Element<'_, S>, ctx: Ctx<'_>, out: &mut Emitter) -> Result<(), Halt> {
        read_root_error(root, ctx, out, storage_error)
    }

    fn read_json(body: &Value, ctx: Ctx<'_>, out: &mut Emitter) -> Result<bool, Stopped> {
        Ok(ctx.may_read(VendorHint::Azure) && read_json(body, ctx, out)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_lose_their_request_lines() {
        let (kept, rest) = split_message("Ingress is over the account limit.\nRequestId:0000-1\nTime:2026-01-01T00:00:00Z", 100);
        assert_eq!(kept.text, "Ingress is over the account limit.");
        assert_eq!(rest.as_deref(), Some("RequestId:0000-1 Time:2026-01-01T00:00:00Z"));
        let (kept, rest) = split_message("Server failed to authenticate the request.\r\n  more text", 100);
        assert_eq!(kept.text, "Server failed to authenticate the request. more text");
        assert_eq!(rest, None);
        let (kept, _) = split_message("RequestId:1 Time:2", 100);
        assert_eq!(kept.text, "");
    }
}

#[cfg(test)]
mod reading {
    use crate::{Options, RetryClass, Vendor, VendorHint};

    fn errors(body: &str, opts: &Options) -> Vec<crate::VendorError> {
        crate::from_slice(body.as_bytes(), opts).unwrap().errors
    }

    #[test]
    fn a_body_without_code_takes_the_header_s() {
        let opts = Options::new().status(503).header("x-ms-error-code", "ServerBusy");
        let e = &errors("<Error><Message>Busy.\nRequestId:r\nTime:t</Message></Error>", &opts)[0];
        assert_eq!((e.vendor, e.code.to_string().as_str(), e.message.as_str()), (Vendor::Azure, "ServerBusy", "Busy."));
        assert_eq!(e.retry.class(), RetryClass::Throttled);
        // The body's code wins over the header's (the SDK's order).
        let e = &errors("<Error><Code>InternalError</Code><Message>m</Message></Error>", &opts)[0];
        assert_eq!(e.code.to_string(), "InternalError");
    }

    #[test]
    fn an_error_code_header_of_control_characters_is_none() {
        // RFC 9110 5.5: each is read as a space, and nothing is left: the
        // status stands in, as without the header.
        let opts = Options::new().status(503).header("x-ms-error-code", "\0\u{1b}");
        let e = &errors("<Error><Message>Busy.\nRequestId:r\nTime:t</Message></Error>", &opts)[0];
        assert_eq!((e.vendor, e.code.to_string().as_str()), (Vendor::Azure, "503"));
    }

    #[test]
    fn a_missing_message_is_the_catalog_s_and_the_header_id_is_kept() {
        let opts = Options::new().status(404).header("x-ms-request-id", "id-1");
        let e = &errors("<Error><Code>ContainerNotFound</Code></Error>", &opts)[0];
        assert_eq!(e.message, "The specified container does not exist.");
        assert_eq!(e.detail.as_deref(), Some("RequestId: id-1"));
    }

    #[test]
    fn a_truncated_storage_error_keeps_what_was_read() {
        let opts = Options::new().status(500).header("x-ms-request-id", "id-2");
        let report = crate::from_slice(b"<Error><Code>InternalError</Code><Message>m</Message><Extra>", &opts).unwrap();
        let e = &report.errors[0];
        assert_eq!((e.vendor, e.incomplete), (Vendor::Azure, true));
    }

    #[test]
    fn json_needs_an_azure_header_or_the_hint() {
        let body = r#"{"error": {"code": "PathNotFound", "message": "gone"}}"#;
        assert_eq!(errors(body, &Options::new().status(404))[0].vendor, Vendor::Json);
        // `x-ms-request-id` alone may be any Azure service's.
        assert_eq!(errors(body, &Options::new().status(404).header("x-ms-request-id", "r"))[0].vendor, Vendor::Json);
        let e = &errors(body, &Options::new().status(404).vendor(VendorHint::Azure))[0];
        assert_eq!((e.vendor, e.code.to_string().as_str()), (Vendor::Azure, "PathNotFound"));
        let odata = r#"{"odata.error": {"code": "TableNotFound", "message": {"lang": "en", "value": "no table"}}}"#;
        assert!(crate::from_slice(odata.as_bytes(), &Options::new().status(200)).unwrap().is_success());
        let e = &errors(odata, &Options::new().status(404).header("x-ms-request-id", "r"))[0];
        assert_eq!((e.vendor, e.message.as_str()), (Vendor::Azure, "no table"));
    }

    #[test]
    fn an_error_root_without_azure_signals_is_not_azure() {
        let e = &errors("<Error><Code>ServerBusy</Code><Message>busy</Message></Error>", &Options::new().status(503))[0];
        assert_eq!(e.vendor, Vendor::Xml);
        let e = &errors(
            "<Error><Code>ServerBusy</Code><Message>busy</Message></Error>",
            &Options::new().status(503).vendor(VendorHint::Azure),
        )[0];
        assert_eq!((e.vendor, e.retry.class()), (Vendor::Azure, RetryClass::Throttled));
    }
}
