//! Amazon Web Services: the error bodies of every AWS protocol, one per
//! service family (the protocol follows from the service's Smithy model).
//!
//! - **S3 (REST-XML, unwrapped)**: a root `<Error>` (no namespace) with
//!   `Code`, `Message` and code-specific siblings (`Resource`, `Key`,
//!   `BucketName`...), `RequestId` and `HostId`. Also inside an HTTP 200:
//!   `CompleteMultipartUpload`, `CopyObject` and `UploadPartCopy` answer
//!   200 at once and may end the body in an `<Error>`; such an error is
//!   classed as if it came with 500, as botocore (`_handle_200_error`) and
//!   smithy-rs (the S3 response interceptor) do: an unknown code is then
//!   transient. Leading whitespace (S3 keeps the connection alive with it)
//!   is passed over like any other.
//! - **S3 `DeleteObjects`**: a `DeleteResult` (namespace
//!   `http://s3.amazonaws.com/doc/2006-03-01/`) holds `Deleted` entries
//!   (not errors) and one `Error` per key left behind: an item error each,
//!   `command` `DeleteObjects`, `index` its position among the `Error`
//!   entries, the `Key` (and `VersionId`) in `detail`.
//! - **Query protocol and wrapped REST-XML** (IAM, STS, SNS, SES, RDS,
//!   CloudFront, Route 53, Amazon MWS): `<ErrorResponse><Error>` with
//!   `Type` (`Sender` or `Receiver`), `Code`, `Message`, and a `RequestId`
//!   beside `Error`. `Type` counts like a SOAP fault code when the catalog
//!   and the status leave the class open: `Receiver` transient, `Sender`
//!   permanent.
//! - **EC2 query**: `<Response><Errors><Error>` with `Code`, `Message`, and
//!   `RequestID` (capital D) beside `Errors`; one error per `Error`.
//! - **awsJson 1.0/1.1** (DynamoDB, Kinesis, SQS...): `{"__type":
//!   "ns#Name", "message": ...}`; **restJson1** (API Gateway, Lambda...):
//!   `{"code"|"Code", "message"|"Message"}`. The code is the
//!   `x-amzn-ErrorType` header when given, else the body's `code`/`Code`,
//!   else `__type` (smithy-rs's order); each is sanitised as the awsJson
//!   protocol says: the part before any `:`, after the last `#`
//!   (`com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException`
//!   is `ProvisionedThroughputExceededException`). Message: `message`,
//!   `Message` or `errorMessage`.
//! - **Headers alone**: `x-amzn-ErrorType` with an empty body, or a body that
//!   holds no error (an HTML page, foreign XML), under an error status: the
//!   header's code, the page's text as message when it has one.
//!
//! Codes are kept as text. An entry with a message but no code (nor
//! `x-amzn-ErrorType`) takes the response's error status as its code, else
//! `error`. Messages are cut at `max_message_bytes`; `detail` holds the
//! other children as `Name: text`, then `RequestId` and `HostId` (from the
//! body, else from the `x-amz-request-id` and `x-amz-id-2` headers).
//! `x-amz-retry-after` (milliseconds) is the delay of every transient or
//! throttled error (with `Retry-After`, the longer wins).
//!
//! What auto-detection claims: an `ErrorResponse` or `DeleteResult` in an
//! `http(s)://<service>.amazonaws.com/doc/<YYYY-MM-DD>/` namespace (or
//! MWS's `https://mws.amazonservices.com/...`); an `<Error>` document
//! (no namespace) that came with `x-amz-request-id` or `x-amz-id-2`; a JSON
//! body that came with `x-amzn-ErrorType`, or whose `__type` names a
//! `com.amazon…` shape (`com.amazonaws.dynamodb…#Name`). An `<Error>`
//! with `RequestId` and `HostId` children and an EC2 `Response` with a
//! `RequestID` are named AWS by the generic XML reader (see
//! [`xml`](super::xml)), which reads them with this module. With the
//! `aws` hint: an `Error`, `ErrorResponse`, `Response` or `DeleteResult`
//! root in any namespace, and any JSON object with `__type` or `code`/`Code`.
//!
//! # Auto-detection
//!
//! What auto-detection claims for `aws`, beside the other vendors and in
//! their order: [`detection`](crate::detection#aws).
//!
//! # Codes and retry classes
//!
#![doc = include_str!("../catalog/aws.md")]
#![doc = include_str!("../../docs/catalog/aws.md")]

use serde_json::Value;

use crate::catalog::{self, Entry};
use crate::emit::{Emitter, Halt, Pending, Stopped};
use crate::error::VendorError;
use crate::options::VendorHeader;
use crate::retry::{Evidence, RetryClass};
use crate::text::collapse_whitespace;
use crate::vendor::{Code, Vendor, VendorHint};
use crate::vendors::table::Reader;
use crate::vendors::xml::{Entries, Fields, Layout, code_without_one, read_root_error, set_detail};
use crate::vendors::{Ctx, json_code};
use crate::xml::{Element, Source};

/// The namespace of S3's REST-XML documents (`DeleteResult`).
const S3_NS: &str = "http://s3.amazonaws.com/doc/2006-03-01/";

/// Is `ns` an AWS document namespace: `http(s)://<host>.amazonaws.com/doc/<YYYY-MM-DD>/`
/// (the trailing slash optional), or Amazon MWS's `https://mws.amazonservices.com/...`?
fn is_aws_ns(ns: &str) -> bool {
    let Some(rest) = ns.strip_prefix("https://").or_else(|| ns.strip_prefix("http://")) else { return false };
    if rest.starts_with("mws.amazonservices.com/") {
        return true;
    }
    let Some((host, path)) = rest.split_once('/') else { return false };
    let Some(date) = path.strip_prefix("doc/") else { return false };
    let date = date.strip_suffix('/').unwrap_or(date);
    let is_date = date.len() == 10
        && date.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
    host.ends_with(".amazonaws.com") && is_date
}

/// Did the response come with S3's request id headers?
fn s3_headers(ctx: Ctx<'_>) -> bool {
    ctx.header(VendorHeader::AmzRequestId).is_some() || ctx.header(VendorHeader::AmzId2).is_some()
}

/// An awsJson error type as a code: the part before any `:`, after the last `#`.
fn sanitize(raw: &str) -> &str {
    let raw = raw.split(':').next().unwrap_or(raw);
    raw.rsplit('#').next().unwrap_or(raw).trim()
}

/// The code `x-amzn-ErrorType` gives, when the response came with one (and
/// the hint allows AWS).
pub(crate) fn header_code(ctx: Ctx<'_>) -> Option<Code> {
    if !ctx.may_read(VendorHint::Aws) {
        return None;
    }
    let code = sanitize(ctx.header(VendorHeader::AmznErrorType)?);
    (!code.is_empty()).then(|| Code::text(collapse_whitespace(code, ctx.limits.max_message_bytes).text))
}

/// The code of an entry: its own, else the header's, else (with a message)
/// the response's error status or `error`; `None` without code or message.
fn code_of(fields: &Fields, ctx: Ctx<'_>) -> Option<Code> {
    match fields.code() {
        Some(code) => Some(Code::text(code)),
        None => header_code(ctx).or_else(|| fields.message().map(|_| code_without_one(ctx))),
    }
}

/// An S3 `<Error>` document's error. In a 2xx response it is classed as
/// if it came with 500 (see the module docs).
pub(crate) fn s3_error(fields: &Fields, ctx: Ctx<'_>) -> Option<VendorError> {
    let code = code_of(fields, ctx)?;
    let status = match ctx.status {
        Some(s) if (200..300).contains(&s) => Some(500),
        other => other,
    };
    let evidence = Evidence { status, ..ctx.evidence() };
    let mut e = ctx.catalog_error_with(Vendor::Aws, code, fields.message().map(str::to_owned), evidence);
    e.truncated |= fields.truncated;
    let request_id = fields.request_id.as_deref().or_else(|| ctx.header(VendorHeader::AmzRequestId));
    let host_id = fields.host_id.as_deref().or_else(|| ctx.header(VendorHeader::AmzId2));
    let parts = [("Key", fields.key.as_deref()), ("RequestId", request_id), ("HostId", host_id)];
    set_detail(&mut e, &fields.others, &parts, ctx.limits.max_detail_bytes);
    Some(e)
}

/// A query-protocol `ErrorResponse/Error`'s error; `request_id` the one beside it.
fn query_error(fields: &Fields, request_id: Option<&str>, ctx: Ctx<'_>) -> Option<VendorError> {
    let code = code_of(fields, ctx)?;
    // `Type` says whose fault it is, as a SOAP fault code would.
    let protocol = match fields.kind.as_deref().map(str::trim) {
        Some("Receiver") => Some(RetryClass::Transient),
        Some("Sender") => Some(RetryClass::Permanent),
        _ => None,
    };
    let evidence = Evidence { protocol, ..ctx.evidence() };
    let mut e = ctx.catalog_error_with(Vendor::Aws, code, fields.message().map(str::to_owned), evidence);
    e.truncated |= fields.truncated;
    let parts = [("Type", fields.kind.as_deref()), ("RequestId", request_id)];
    set_detail(&mut e, &fields.others, &parts, ctx.limits.max_detail_bytes);
    Some(e)
}

/// An EC2 `Response/Errors/Error`'s error; `request_id` the `RequestID` beside them.
pub(crate) fn ec2_error(fields: &Fields, request_id: Option<&str>, ctx: Ctx<'_>) -> Option<VendorError> {
    let code = code_of(fields, ctx)?;
    let mut e = ctx.catalog_error(Vendor::Aws, code, fields.message().map(str::to_owned));
    e.truncated |= fields.truncated;
    set_detail(&mut e, &fields.others, &[("RequestID", request_id)], ctx.limits.max_detail_bytes);
    Some(e)
}

/// Reads an `ErrorResponse` (query protocol) or an EC2 `Response`: one
/// error per entry, each with the request id that follows them.
fn read_entries<S: Source>(root: Element<'_, S>, layout: Layout, ctx: Ctx<'_>, out: &mut Emitter) -> Result<(), Halt> {
    let build = |fields: &Fields, request_id: Option<&str>| match layout {
        Layout::Children => query_error(fields, request_id, ctx),
        Layout::InErrors => ec2_error(fields, request_id, ctx),
    };
    let mut over = Pending::new(0);
    let entries = Entries::read(root, layout, ctx, &mut |f| {
        if let Some(e) = build(&f, None) {
            over.push(e);
        }
    })?;
    for fields in &entries.held {
        if let Some(e) = build(fields, entries.request_id()) {
            out.push(e)?;
        }
    }
    out.push_pending(over)?;
    Ok(())
}

/// Reads a `DeleteResult`: one item error per `Error` entry (a key left
/// behind); `Deleted` entries are successes.
fn read_delete_result<S: Source>(mut root: Element<'_, S>, ctx: Ctx<'_>, out: &mut Emitter) -> Result<(), Halt> {
    let mut index = 0u32;
    while let Some(entry) = root.next_child()? {
        if entry.local_name() != "Error" {
            continue;
        }
        let position = index;
        index = index.saturating_add(1);
        let fields = Fields::read(entry, ctx.limits)?;
        let Some(code) = fields.code().map(Code::text).or_else(|| {
            fields.message().map(|_| code_without_one(ctx))
        }) else {
            continue;
        };
        let mut e = ctx.catalog_error(Vendor::Aws, code, fields.message().map(str::to_owned));
        e.truncated |= fields.truncated;
        e.command = Some("DeleteObjects".to_owned());
        e.index = Some(position);
        let parts = [("Key", fields.key.as_deref()), ("VersionId", fields.version_id.as_deref())];
        set_detail(&mut e, &fields.others, &parts, ctx.limits.max_detail_bytes);
        out.push(e)?;
    }
    Ok(())
}

/// The documents this reader reads, by root name.
#[derive(Clone, Copy)]
enum Doc {
    Error,
    ErrorResponse,
    Response,
    DeleteResult,
}

impl Doc {
    fn of(local: &str) -> Option<Doc> {
        Some(match local {
            "Error" => Doc::Error,
            "ErrorResponse" => Doc::ErrorResponse,
            "Response" => Doc::Response,
            "DeleteResult" => Doc::DeleteResult,
            _ => return None,
        })
    }
}

/// Does this reader claim the document element `root`?
fn claims_root<S: Source>(root: &Element<'_, S>, ctx: Ctx<'_>) -> bool {
    if !ctx.may_read(VendorHint::Aws) {
        return false;
    }
    let Some(doc) = Doc::of(root.local_name()) else { return false };
    if ctx.named(VendorHint::Aws) {
        return true;
    }
    let ns = root.namespace();
    match doc {
        Doc::Error => ns.is_none() && s3_headers(ctx),
        Doc::ErrorResponse => ns.is_some_and(is_aws_ns),
        Doc::DeleteResult => ns == Some(S3_NS),
        // EC2's is named by its `RequestID`, which follows the errors: the
        // generic XML reader reads it (see the module docs).
        Doc::Response => false,
    }
}

/// Reads a document it claimed.
fn read_root<S: Source>(root: Element<'_, S>, ctx: Ctx<'_>, out: &mut Emitter) -> Result<(), Halt> {
    match Doc::of(root.local_name()) {
        Some(Doc::Error) => read_root_error(root, ctx, out, s3_error),
        Some(Doc::ErrorResponse) => read_entries(root, Layout::Children, ctx, out),
        Some(Doc::Response) => read_entries(root, Layout::InErrors, ctx, out),
        Some(Doc::DeleteResult) => read_delete_result(root, ctx, out),
        None => Ok(()),
    }
}

/// A JSON error type names a `com.amazon…` shape (`ns#Name`)?
fn is_amazon_type(value: &str) -> bool {
    value.split_once('#').is_some_and(|(ns, _)| ns.starts_with("com.amazon"))
}

/// Reads an awsJson or restJson error body; false when it is not AWS's.
fn read_json(body: &Value, ctx: Ctx<'_>, out: &mut Emitter) -> Result<bool, Stopped> {
    let object = body.as_object();
    let member = |key: &str| object.and_then(|o| o.get(key));
    let kind = member("__type").and_then(Value::as_str);
    let body_code = member("code").or_else(|| member("Code")).filter(|c| !c.is_null());
    let header = header_code(ctx);
    let ours = header.is_some()
        || kind.is_some_and(is_amazon_type)
        || ctx.named(VendorHint::Aws) && (kind.is_some() || body_code.is_some());
    if !ours {
        return Ok(false);
    }
    let max = ctx.limits.max_message_bytes;
    let message = ["message", "Message", "errorMessage"]
        .iter()
        .find_map(|k| member(k).and_then(Value::as_str))
        .map(|m| collapse_whitespace(m, max))
        .filter(|m| !m.text.is_empty());
    let sanitized = |text: &str| Code::text(collapse_whitespace(sanitize(text), max).text);
    let code = header
        .or_else(|| match body_code {
            Some(Value::String(text)) => Some(sanitized(text)),
            Some(other) => json_code(other),
            None => None,
        })
        .or_else(|| kind.map(sanitized))
        .filter(|c| !matches!(c, Code::Text(t) if t.is_empty()));
    let code = match (code, &message) {
        (Some(code), _) => code,
        (None, Some(_)) => code_without_one(ctx),
        (None, None) => return Ok(false),
    };
    let truncated = message.as_ref().is_some_and(|m| m.truncated);
    let mut e = ctx.catalog_error(Vendor::Aws, code, message.map(|m| m.text));
    e.truncated |= truncated;
    out.push(e)?;
    Ok(true)
}

/// AWS in the vendor table.
pub(crate) struct Aws;

impl Reader for Aws {
    const CATALOG: &'static [Entry] = catalog::aws::ENTRIES;

    fn claims_root<S: Source>(root: &Element<'_, S>, ctx: Ctx<'_>) -> bool {
        claims_root(root, ctx)
    }

    fn read_root<S: Source>(root: Element<'_, S>, ctx: Ctx<'_>, out: &mut Emitter) -> Result<(), Halt> {
        read_root(root, ctx, out)
    }

    fn read_json(body: &Value, ctx: Ctx<'_>, out: &mut Emitter) -> Result<bool, Stopped> {
        Ok(ctx.may_read(VendorHint::Aws) && read_json(body, ctx, out)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aws_namespaces() {
        for ns in [
            "https://sts.amazonaws.com/doc/2011-06-15/",
            "http://autoscaling.amazonaws.com/doc/2011-01-01/",
            "http://s3.amazonaws.com/doc/2006-03-01/",
            "https://route53.amazonaws.com/doc/2013-04-01",
            "https://mws.amazonservices.com/Orders/2013-09-01",
        ] {
            assert!(is_aws_ns(ns), "{ns}");
        }
        for ns in [
            "https://sts.amazonaws.com/doc/",
            "https://amazonaws.com.example.org/doc/2011-06-15/",
            "https://sts.amazonaws.com/docs/2011-06-15/",
            "https://sts.amazonaws.com/doc/2011-6-15/",
            "urn:sts.amazonaws.com/doc/2011-06-15/",
            "https://example.com/doc/2011-06-15/",
        ] {
            assert!(!is_aws_ns(ns), "{ns}");
        }
    }

    #[test]
    fn error_types_are_sanitized() {
        assert_eq!(sanitize("com.amazonaws.dynamodb.v20120810#ResourceNotFoundException"), "ResourceNotFoundException");
        assert_eq!(sanitize("FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/"), "FooError");
        assert_eq!(sanitize("aws.protocoltests#FooError:http://internal.amazon.com/"), "FooError");
        assert_eq!(sanitize(" ThrottlingException "), "ThrottlingException");
        assert_eq!(sanitize("a#b#Name"), "Name");
        assert_eq!(sanitize(":"), "");
    }
}

#[cfg(test)]
mod reading {
    use std::time::Duration;

    use crate::{Code, Limits, Note, Options, Retry, RetryClass, Vendor, VendorHint};

    fn read(body: &str, opts: &Options) -> crate::Report {
        crate::from_slice(body.as_bytes(), opts).unwrap()
    }

    const S3_IDS: &str = "<RequestId>R1</RequestId><HostId>H1</HostId>";

    #[test]
    fn s3_request_ids_come_from_the_headers_when_the_body_has_none() {
        let opts = Options::new().status(404).header("x-amz-request-id", "R2").header("x-amz-id-2", "H2");
        let report = read("<Error><Code>NoSuchBucket</Code><Message>gone</Message></Error>", &opts);
        let e = &report.errors[0];
        assert_eq!((e.vendor, e.code.to_string().as_str(), e.retry), (Vendor::Aws, "NoSuchBucket", Retry::Permanent));
        assert_eq!(e.detail.as_deref(), Some("RequestId: R2; HostId: H2"));
    }

    #[test]
    fn a_missing_code_is_the_header_s_else_the_status() {
        let body = format!("<Error><Message>Slow down, please.</Message>{S3_IDS}</Error>");
        let e = &read(&body, &Options::new().status(503)).errors[0];
        assert_eq!((e.vendor, &e.code), (Vendor::Aws, &Code::Num(503)));
        let opts = Options::new().status(503).header("x-amzn-ErrorType", "SlowDown");
        let e = &read(&body, &opts).errors[0];
        assert_eq!((e.code.to_string().as_str(), e.retry.class()), ("SlowDown", RetryClass::Throttled));
    }

    #[test]
    fn a_missing_message_is_the_catalog_s() {
        let body = format!("<Error><Code>NoSuchBucket</Code>{S3_IDS}</Error>");
        let e = &read(&body, &Options::new().status(404)).errors[0];
        assert_eq!((e.vendor, e.message.as_str()), (Vendor::Aws, "The specified bucket does not exist."));
    }

    #[test]
    fn neither_code_nor_message_is_no_aws_error() {
        let body = format!("<Error>{S3_IDS}</Error>");
        assert!(read(&body, &Options::new().status(200)).is_success());
        let e = &read(&body, &Options::new().status(500)).errors[0];
        assert_eq!(e.vendor, Vendor::Http);
    }

    #[test]
    fn a_truncated_s3_error_keeps_what_was_read() {
        let opts = Options::new().status(200).header("x-amz-request-id", "R3");
        let report = read("<Error><Code>SlowDown</Code><Message>Reduce your rate.</Message><Host", &opts);
        let e = &report.errors[0];
        assert_eq!((e.vendor, e.retry.class(), e.incomplete), (Vendor::Aws, RetryClass::Throttled, true));
        assert!(report.incomplete.is_some());
        // Cut before the message: nothing to report, and no status to fall back on.
        let cut = crate::from_slice(b"<Error><Code>SlowDown</Code><Mess", &opts);
        assert!(cut.is_err());
    }

    #[test]
    fn delete_result_needs_the_s3_namespace_or_the_hint() {
        let body = "<DeleteResult><Error><Key>k</Key><Code>AccessDenied</Code><Message>no</Message></Error></DeleteResult>";
        assert!(read(body, &Options::new().status(200)).is_success());
        let e = &read(body, &Options::new().status(200).vendor(VendorHint::Aws)).errors[0];
        assert_eq!((e.index, e.detail.as_deref()), (Some(0), Some("Key: k")));
    }

    #[test]
    fn an_error_response_in_another_namespace_is_generic() {
        let body = "<ErrorResponse xmlns='urn:example:api'><Error><Code>Throttling</Code><Message>m</Message></Error></ErrorResponse>";
        let e = &read(body, &Options::new().status(400)).errors[0];
        assert_eq!((e.vendor, e.retry), (Vendor::Xml, Retry::Permanent));
    }

    #[test]
    fn json_types_of_other_platforms_are_not_aws() {
        for body in [
            r#"{"__type": "ExceptionDetail:#System.ServiceModel", "Message": "m"}"#,
            r#"{"__type": "Throttling", "message": "m"}"#,
            r#"{"code": "Throttling", "message": "m"}"#,
        ] {
            let report = read(body, &Options::new().status(400));
            assert!(report.errors.iter().all(|e| e.vendor != Vendor::Aws), "{body}");
        }
        let e = &read(r#"{"__type": "Throttling", "message": "m"}"#, &Options::new().status(400).vendor(VendorHint::Aws))
            .errors[0];
        assert_eq!((e.vendor, e.retry.class()), (Vendor::Aws, RetryClass::Throttled));
    }

    #[test]
    fn the_error_type_header_settles_any_json_body() {
        let opts = Options::new().status(400).header("x-amzn-ErrorType", "com.example#ValidationException:extra");
        let e = &read("[1, 2]", &opts).errors[0];
        assert_eq!((e.vendor, e.code.to_string().as_str()), (Vendor::Aws, "ValidationException"));
        // The header wins over the body's code (smithy-rs's order).
        let e = &read(r#"{"code": "Other", "message": "m"}"#, &opts).errors[0];
        assert_eq!((e.code.to_string().as_str(), e.message.as_str()), ("ValidationException", "m"));
    }

    #[test]
    fn control_characters_in_the_error_type_header_are_spaces() {
        // RFC 9110 5.5: a recipient reads each as a space. Nothing else is
        // no code: the status stands in, as without the header.
        let body = format!("<Error><Message>Slow down, please.</Message>{S3_IDS}</Error>");
        for value in ["\0", "\r\n", "\u{7f}\u{1}"] {
            let e = &read(&body, &Options::new().status(503).header("x-amzn-ErrorType", value)).errors[0];
            assert_eq!((e.vendor, &e.code), (Vendor::Aws, &Code::Num(503)), "{value:?}");
        }
        let opts = Options::new().status(503).header("x-amzn-ErrorType", "\0Slow\0Down\r\n");
        assert_eq!(read(&body, &opts).errors[0].code.to_string(), "Slow Down");
        // Raw bytes, as a client hands them over: the same.
        let raw = [("x-amzn-ErrorType", b"\x00SlowDown\x00".as_slice())];
        assert_eq!(read(&body, &Options::new().status(503).headers(raw)).errors[0].code.to_string(), "SlowDown");
    }

    #[test]
    fn the_error_type_header_under_a_page_quotes_the_page() {
        let opts = Options::new().status(503).header("x-amzn-ErrorType", "ServiceUnavailable");
        let e = &read("<html><title>Maintenance</title></html>", &opts).errors[0];
        assert_eq!((e.vendor, e.message.as_str(), e.retry.class()), (Vendor::Aws, "Maintenance", RetryClass::Transient));
        // Another hint: the header is not read.
        let e = &read("", &opts.clone().vendor(VendorHint::Soap)).errors[0];
        assert_eq!(e.vendor, Vendor::Http);
        // No error status: no error.
        assert!(read("", &Options::new().status(200).header("x-amzn-ErrorType", "X")).is_success());
    }

    #[test]
    fn an_unparsable_delay_header_is_noted_and_ignored() {
        let opts = Options::new().status(503).header("x-amz-retry-after", "soon");
        let report = read(&format!("<Error><Code>SlowDown</Code><Message>m</Message>{S3_IDS}</Error>"), &opts);
        assert_eq!(report.errors[0].retry, Retry::Throttled { after: None });
        assert_eq!(report.notes, [Note::DelayHeaderUnparsable { header: "x-amz-retry-after".into(), value: "soon".into() }]);
        let opts = Options::new().status(503).header("x-amz-retry-after", "7200000");
        let report = read(&format!("<Error><Code>SlowDown</Code><Message>m</Message>{S3_IDS}</Error>"), &opts);
        assert_eq!(report.errors[0].retry, Retry::Throttled { after: Some(Duration::from_secs(3600)) });
        assert!(matches!(report.notes[..], [Note::DelayCapped { .. }]));
    }

    #[test]
    fn ec2_errors_past_max_errors_are_counted_as_aws_errors() {
        let entry = "<Error><Code>RequestLimitExceeded</Code><Message>m</Message></Error>";
        let body = format!("<Response><Errors>{entry}{entry}{entry}</Errors><RequestID>R</RequestID></Response>");
        let limits = Limits { max_errors: 1, ..Limits::default() };
        let report = read(&body, &Options::new().status(503).limits(limits.clone()));
        assert_eq!((report.errors.len(), report.omitted), (1, 2));
        assert_eq!(report.errors[0].vendor, Vendor::Aws);
        assert_eq!(report.retry().map(|r| r.class()), Some(RetryClass::Throttled));
        // Without `RequestID`, the same entries are generic: the status decides.
        let body = format!("<Response><Errors>{entry}{entry}{entry}</Errors></Response>");
        let report = read(&body, &Options::new().status(503).limits(limits));
        assert_eq!(report.errors[0].vendor, Vendor::Xml);
        assert_eq!(report.retry().map(|r| r.class()), Some(RetryClass::Transient));
    }
}
