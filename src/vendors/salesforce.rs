//! Salesforce: SOAP API faults, per-record results, REST errors.
//!
//! SOAP faults (partner `urn:fault.partner.soap.sforce.com` and enterprise
//! `urn:fault.enterprise.soap.sforce.com` namespaces): the code is the
//! detail's `exceptionCode`, else the fault code's local name
//! (`sf:INVALID_SESSION_ID`, or bare `INVALID_LOGIN`); the message is the
//! detail's `exceptionMessage`, else the fault string without its `CODE: `
//! prefix. Under auto-detection a fault is Salesforce's when its code or a
//! detail entry is in a Salesforce fault namespace.
//!
//! Per-record results: in a method response of the partner or enterprise
//! API (`createResponse`, `updateResponse`, `upsertResponse`,
//! `deleteResponse`, `undeleteResponse`, any `...Response` in those
//! namespaces), every `result` whose `success` is not `true` gives one error
//! per `errors` entry (`statusCode`, `message`, `fields`), with the
//! operation as `command` and the result's position as `index`. Errors that
//! come with `success` true (duplicate-rule alerts on an allowed save) are
//! not failures.
//!
//! REST: a JSON array of `{message, errorCode, fields}` (one error each,
//! with its position as `index`), and the XML form `<Errors><Error>` with
//! `errorCode`, `message`, `fields` (an entry with no `errorCode` but the
//! common `Code` and `Message` is no Salesforce error: it is reported as
//! the generic `xml` reader's, or Salesforce's with the hint). Under auto-detection the array is
//! claimed when its objects carry an upper-case `errorCode` or one the
//! catalog knows. Bulk API 2.0 errors are this array (`[{"errorCode":
//! "INVALIDJOB", "message": ..}]`, `INVALID_SESSION_ID` on a 401): read
//! as Salesforce's by the same rule.
//!
//! Bulk API 1.0: a document whose root is `error` in the async API
//! namespace `http://www.force.com/2009/06/asyncapi/dataload` is one error,
//! code its `exceptionCode` (`InvalidSessionId`, camel case), message its
//! `exceptionMessage`. Other documents in that namespace (`jobInfo`,
//! `batchInfo`, whose `state` may be `Failed` with a `stateMessage`) report
//! a job's or batch's state, not a failed request: they are not claimed.
//! The Bulk API's JSON form, an object with `exceptionCode` and
//! `exceptionMessage`, is claimed when the code is in the catalog. With the
//! hint, an `error` root in no namespace, and any JSON object with an
//! `exceptionCode` string, are read too.
//!
//! The Metadata (`http://soap.sforce.com/2006/04/metadata`), Apex
//! (`http://soap.sforce.com/2006/08/apex`) and Tooling
//! (`urn:tooling.soap.sforce.com`, `urn:*tooling.soap.sforce.com`) APIs:
//! a fault whose code or a detail entry is in one of these namespaces is
//! Salesforce's (the Metadata API binds `sf:` to its own namespace and puts
//! the code in the fault code, with no detail). Method responses in these
//! namespaces are read for per-item results like the partner API's: the
//! Metadata API's `createMetadata`, `updateMetadata`, `upsertMetadata`,
//! `deleteMetadata` and `renameMetadata` answer with one `result`
//! (`SaveResult`, `UpsertResult`, `DeleteResult`) per component, whose
//! `errors` count when `success` is not `true`; the component's `fullName`
//! is said in `detail`. Results without `errors` children (a deployment's
//! `DeployResult`, `executeAnonymous`'s compile problems) report nothing:
//! they are the outcome of work the call itself did not fail.
//!
//! Salesforce says the lists of codes depend on the org and the API
//! version: codes the catalog lacks are kept as written.
//!
//! # Auto-detection
//!
//! What auto-detection claims for `salesforce`, beside the other vendors and in
//! their order: [`detection`](crate::detection#salesforce).
//!
//! # Codes and retry classes
//!
#![doc = include_str!("../catalog/salesforce.md")]
#![doc = include_str!("../../docs/catalog/salesforce.md")]

use crate::catalog::{self, Entry};
use crate::vendors::table::Reader;
use serde_json::Value;

use crate::emit::{Emitter, Halt, Pending, Said, Stopped, say_in_detail};
use crate::error::VendorError;
use crate::parse_error::ParseError;
use crate::soap::Fault;
use crate::text::{CappedString, collapse_whitespace};
use crate::vendor::{Code, Vendor, VendorHint};
use crate::vendors::{Ctx, operation_of};
use crate::xml::{Element, Source};

/// Most `fields` kept for one error.
const MAX_FIELDS: usize = 16;

/// The Metadata API's namespace (its messages and its faults' codes).
const METADATA_NS: &str = "http://soap.sforce.com/2006/04/metadata";
/// The Apex API's namespace.
const APEX_NS: &str = "http://soap.sforce.com/2006/08/apex";
/// The Bulk API 1.0 (async API) namespace.
const BULK_NS: &str = "http://www.force.com/2009/06/asyncapi/dataload";

/// A Salesforce SOAP fault namespace (partner, enterprise, tooling...).
fn is_fault_ns(ns: &str) -> bool {
    ns.starts_with("urn:fault.") && ns.ends_with(".soap.sforce.com")
}

/// The namespace of an API whose faults carry the code in the fault code
/// itself: Metadata, Apex, Tooling (`urn:tooling.soap.sforce.com`,
/// `urn:metadata.tooling.soap.sforce.com`, ...).
fn is_other_api_ns(ns: &str) -> bool {
    ns == METADATA_NS || ns == APEX_NS || ns.starts_with("urn:") && ns.ends_with("tooling.soap.sforce.com")
}

/// Any namespace a Salesforce fault's code or detail entry is in.
fn is_salesforce_fault_ns(ns: &str) -> bool {
    is_fault_ns(ns) || is_other_api_ns(ns)
}

/// A Salesforce SOAP API message namespace (`urn:partner.soap.sforce.com`, ...).
fn is_api_ns(ns: &str) -> bool {
    ns.starts_with("urn:") && ns.ends_with(".soap.sforce.com")
}

/// An exception or status code as Salesforce writes them: `INVALID_SESSION_ID`.
fn looks_like_code(text: &str) -> bool {
    !text.is_empty()
        && text.starts_with(|c: char| c.is_ascii_uppercase())
        && text.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
}

/// The Salesforce code a fault carries, if this reader claims it.
fn fault_code(fault: &Fault, ctx: Ctx<'_>) -> Option<Code> {
    if !ctx.may_read(VendorHint::Salesforce) {
        return None;
    }
    let ours = fault.code.ns.as_deref().is_some_and(is_salesforce_fault_ns)
        || fault.detail.child_in(is_salesforce_fault_ns).is_some();
    if !ours && !ctx.named(VendorHint::Salesforce) {
        return None;
    }
    let from_detail = fault.detail.at("exceptionCode").map(str::trim).filter(|c| !c.is_empty());
    let likely = from_detail.is_some() || looks_like_code(fault.code.local());
    let insisted = ctx.named(VendorHint::Salesforce) && likely;
    if !(ours || insisted) {
        return None;
    }
    let code = from_detail.unwrap_or(fault.code.local());
    (!code.is_empty()).then(|| Code::text(code))
}

/// The fault as a Salesforce error with `code` (from [`fault_code`]).
fn fault_error(fault: Fault, code: Code, ctx: Ctx<'_>) -> VendorError {
    let from_detail = fault.detail.at("exceptionMessage").map(str::trim).filter(|m| !m.is_empty());
    let message = from_detail.map(str::to_owned).or_else(|| {
        // `INVALID_SESSION_ID: Invalid Session ID found in SessionHeader`
        let text = fault.reason()?.text.as_str();
        let prefix = format!("{code}:");
        Some(text.strip_prefix(&prefix).map_or(text, str::trim_start).to_owned())
    });
    let lang = fault.reason().filter(|_| from_detail.is_none()).and_then(|r| r.lang.clone());
    let mut e = ctx.catalog_error_with(Vendor::Salesforce, code, message, fault.evidence(ctx.evidence()));
    e.lang = lang;
    fault.move_context_into(&mut e, ctx.limits);
    e
}

/// Should this SOAP body item be read as Salesforce's?
fn claims_item<S: Source>(item: &Element<'_, S>, ctx: Ctx<'_>) -> bool {
    let ours = item.namespace().is_some_and(|ns| is_api_ns(ns) || ns == METADATA_NS || ns == APEX_NS);
    ctx.named(VendorHint::Salesforce) || ctx.may_read(VendorHint::Salesforce) && ours
}

/// Reads a method response: each failed `result`'s errors.
fn read_results<S: Source>(mut item: Element<'_, S>, ctx: Ctx<'_>, out: &mut Emitter) -> Result<(), Halt> {
    let command = operation_of(item.local_name()).to_owned();
    let mut index = 0u32;
    while let Some(result) = item.next_child()? {
        if result.local_name() != "result" {
            continue;
        }
        let position = index;
        index = index.saturating_add(1);
        read_result(result, &command, position, ctx, out)?;
    }
    Ok(())
}

/// One `result`: its errors count only when `success` is not `true`, and
/// `success` comes after them, so they wait (see [`Pending`]).
fn read_result<S: Source>(
    mut result: Element<'_, S>,
    command: &str,
    position: u32,
    ctx: Ctx<'_>,
    out: &mut Emitter,
) -> Result<(), Halt> {
    let mut pending = Pending::new(ctx.limits.max_errors);
    let mut success = false;
    let mut full_name = None;
    while let Some(child) = result.next_child()? {
        match child.local_name() {
            "errors" => {
                if let Some(mut e) = read_error(child, "statusCode", ctx)? {
                    e.command = Some(command.to_owned());
                    e.index = Some(position);
                    pending.push(e);
                }
            }
            "success" => success = child.text(16)?.text == "true",
            // Metadata results name their component.
            "fullName" => full_name = Some(child.text(ctx.limits.max_detail_bytes)?.text),
            _ => {}
        }
    }
    if success {
        return Ok(());
    }
    if let Some(name) = full_name.filter(|n| !n.is_empty()) {
        let said = format!("fullName: {name}");
        for e in pending.errors_mut() {
            say_in_detail(e, &said, Said::Before, ctx.limits.max_detail_bytes);
        }
    }
    out.push_pending(pending)?;
    Ok(())
}

/// One error entry: its code (`statusCode` in SOAP, `errorCode` in REST
/// XML), `message` and `fields`; `None` without a code.
fn read_error<S: Source>(
    mut entry: Element<'_, S>,
    code_name: &str,
    ctx: Ctx<'_>,
) -> Result<Option<VendorError>, ParseError> {
    let max = ctx.limits.max_message_bytes;
    let (mut code, mut message, mut truncated) = (None, None, false);
    // The REST form's `<Errors>` root is also the common generic shape
    // (`<Errors><Error><Code>..<Message>..`): its `Code` is kept apart.
    let mut generic_code = None;
    let rest = code_name == "errorCode";
    let mut fields = CappedString::new(ctx.limits.max_detail_bytes);
    let mut field_count = 0;
    while let Some(child) = entry.next_child()? {
        let local = child.local_name();
        if local == code_name {
            code = Some(child.text(max)?.text);
        } else if rest && (local == "Code" || local == "code") {
            generic_code = Some(child.text(max)?.text);
        } else if local == "message" || (rest && local == "Message") {
            let kept = child.text(max)?;
            truncated |= kept.truncated;
            message = Some(kept.text);
        } else if local == "fields" && field_count < MAX_FIELDS {
            fields.push(if field_count == 0 { "fields: " } else { ", " });
            fields.push(&child.text(max)?.text);
            field_count += 1;
        }
    }
    let Some(code) = code.filter(|c| !c.is_empty()) else {
        return Ok(generic_error(generic_code, message, truncated, ctx));
    };
    let mut e = ctx.catalog_error(Vendor::Salesforce, Code::text(code), message);
    let fields = fields.finish();
    if field_count > 0 {
        e.detail = Some(fields.text);
        truncated |= fields.truncated;
    }
    e.truncated |= truncated;
    Ok(Some(e))
}

/// An `<Errors><Error>` entry in the common generic shape (a `Code` and a
/// message, no `errorCode`): not Salesforce's form, so under auto it is the
/// generic `xml` reader's error (as that reader would read it, had this one
/// not claimed the root); with the Salesforce hint, Salesforce's.
fn generic_error(code: Option<String>, message: Option<String>, truncated: bool, ctx: Ctx<'_>) -> Option<VendorError> {
    let code = code.filter(|c| !c.is_empty())?;
    message.as_ref().filter(|m| !m.is_empty())?;
    let vendor = if ctx.named(VendorHint::Salesforce) { Vendor::Salesforce } else { Vendor::Xml };
    let mut e = ctx.catalog_error(vendor, Code::parse(&code), message);
    e.truncated |= truncated;
    Some(e)
}

/// Is this (root) element the REST API's XML `<Errors>`?
fn is_rest_xml_root<S: Source>(root: &Element<'_, S>) -> bool {
    root.local_name() == "Errors" && root.namespace().is_none()
}

/// Is this (root) element a Bulk API 1.0 `<error>` (with the hint, one in
/// no namespace too)?
fn is_bulk_error_root<S: Source>(root: &Element<'_, S>, ctx: Ctx<'_>) -> bool {
    root.local_name() == "error"
        && match root.namespace() {
            Some(ns) => ns == BULK_NS,
            None => ctx.named(VendorHint::Salesforce),
        }
}

/// Reads a Bulk API 1.0 `<error>`: `exceptionCode` and `exceptionMessage`.
fn read_bulk_error<S: Source>(mut root: Element<'_, S>, ctx: Ctx<'_>, out: &mut Emitter) -> Result<(), Halt> {
    let max = ctx.limits.max_message_bytes;
    let (mut code, mut message, mut truncated) = (None, None, false);
    while let Some(child) = root.next_child()? {
        match child.local_name() {
            "exceptionCode" => {
                let kept = child.text(max)?;
                truncated |= kept.truncated;
                code = Some(kept.text);
            }
            "exceptionMessage" => {
                let kept = child.text(max)?;
                truncated |= kept.truncated;
                message = Some(kept.text);
            }
            _ => {}
        }
    }
    // A message without a code is still the body's failure.
    let code = match code.filter(|c| !c.is_empty()) {
        Some(code) => Code::text(code),
        None if message.as_ref().is_some_and(|m| !m.is_empty()) => Code::text("Unknown"),
        None => return Ok(()),
    };
    let mut e = ctx.catalog_error(Vendor::Salesforce, code, message);
    e.truncated |= truncated;
    out.push(e)?;
    Ok(())
}

/// The Bulk API's JSON error object, `{"exceptionCode", "exceptionMessage"}`:
/// under auto-detection when the code is in the catalog and the message is
/// there (other APIs use the same member names), with the hint whenever
/// there is a code.
fn read_bulk_json(body: &Value, ctx: Ctx<'_>, out: &mut Emitter) -> Result<bool, Stopped> {
    let code = body.get("exceptionCode").and_then(Value::as_str).map(str::trim).filter(|c| !c.is_empty());
    let message = body.get("exceptionMessage").and_then(Value::as_str);
    let ours = |code: &&str| {
        ctx.named(VendorHint::Salesforce)
            || message.is_some() && catalog::entry_text(Vendor::Salesforce, code).is_some()
    };
    let Some(code) = code.filter(ours) else { return Ok(false) };
    let max = ctx.limits.max_message_bytes;
    let message = message.map(|m| collapse_whitespace(m, max));
    let code = collapse_whitespace(code, max);
    let truncated = code.truncated || message.as_ref().is_some_and(|m| m.truncated);
    let mut e = ctx.catalog_error(Vendor::Salesforce, Code::text(code.text), message.map(|m| m.text));
    e.truncated |= truncated;
    out.push(e)?;
    Ok(true)
}

/// Reads a REST `<Errors>` document: one error per `<Error>`.
fn read_rest_xml<S: Source>(mut root: Element<'_, S>, ctx: Ctx<'_>, out: &mut Emitter) -> Result<(), Halt> {
    let mut index = 0u32;
    while let Some(entry) = root.next_child()? {
        if entry.local_name() != "Error" {
            continue;
        }
        let position = index;
        index = index.saturating_add(1);
        if let Some(mut e) = read_error(entry, "errorCode", ctx)? {
            e.index = Some(position);
            out.push(e)?;
        }
    }
    Ok(())
}

/// Reads a REST error array; false when it is not Salesforce's.
fn read_json(body: &Value, ctx: Ctx<'_>, out: &mut Emitter) -> Result<bool, Stopped> {
    let Some(items) = body.as_array() else { return read_bulk_json(body, ctx, out) };
    fn code_of(item: &Value) -> Option<&str> {
        item.get("errorCode").and_then(Value::as_str).map(str::trim)
    }
    let known = |code: &str| catalog::entry_text(Vendor::Salesforce, code).is_some();
    let ours = items.iter().any(|item| code_of(item).is_some_and(|c| looks_like_code(c) || known(c)));
    let insisted = ctx.named(VendorHint::Salesforce) && items.iter().any(|i| code_of(i).is_some());
    if !(ours || insisted) {
        return Ok(false);
    }
    for (i, item) in items.iter().enumerate() {
        let Some(code) = code_of(item).filter(|c| !c.is_empty()) else { continue };
        let message = item
            .get("message")
            .and_then(Value::as_str)
            .map(|m| collapse_whitespace(m, ctx.limits.max_message_bytes).text);
        let mut e = ctx.catalog_error(Vendor::Salesforce, Code::text(code), message);
        let fields: Vec<&str> = item
            .get("fields")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .take(MAX_FIELDS)
            .collect();
        if !fields.is_empty() {
            let kept = collapse_whitespace(&format!("fields: {}", fields.join(", ")), ctx.limits.max_detail_bytes);
            e.detail = Some(kept.text);
            e.truncated |= kept.truncated;
        }
        e.index = u32::try_from(i).ok();
        out.push(e)?;
    }
    Ok(true)
}

/// Salesforce in the vendor table.
pub(crate) struct Salesforce;

impl Reader for Salesforce {
    const CATALOG: &'static [Entry] = catalog::salesforce::ENTRIES;

    fn read_fault(fault: &mut Fault, ctx: Ctx<'_>) -> Option<VendorError> {
        let code = fault_code(fault, ctx)?;
        Some(fault_error(std::mem::take(fault), code, ctx))
    }

    fn claims_item<S: Source>(item: &Element<'_, S>, ctx: Ctx<'_>) -> bool {
        claims_item(item, ctx)
    }

    fn read_item<S: Source>(item: Element<'_, S>, ctx: Ctx<'_>, out: &mut Emitter) -> Result<(), Halt> {
        read_results(item, ctx, out)
    }

    fn claims_root<S: Source>(root: &Element<'_, S>, ctx: Ctx<'_>) -> bool {
        ctx.may_read(VendorHint::Salesforce) && (is_rest_xml_root(root) || is_bulk_error_root(root, ctx))
    }

    fn read_root<S: Source>(root: Element<'_, S>, ctx: Ctx<'_>, out: &mut Emitter) -> Result<(), Halt> {
        if is_rest_xml_root(&root) { read_rest_xml(root, ctx, out) } else { read_bulk_error(root, ctx, out) }
    }

    fn read_json(body: &Value, ctx: Ctx<'_>, out: &mut Emitter) -> Result<bool, Stopped> {
        Ok(ctx.may_read(VendorHint::Salesforce) && read_json(body, ctx, out)?)
    }
}

#[cfg(test)]
mod tests {
    use crate::{Code, Options, ParseError, Retry, RetryClass, Vendor, VendorError, VendorHint};

    fn read(body: &str, opts: &Options) -> Result<Vec<VendorError>, ParseError> {
        crate::from_slice(body.as_bytes(), opts).map(|r| r.errors)
    }

    fn one(body: &str, opts: &Options) -> VendorError {
        let mut errors = read(body, opts).unwrap();
        assert_eq!(errors.len(), 1, "{body}: {errors:?}");
        errors.remove(0)
    }

    const BULK: &str = "http://www.force.com/2009/06/asyncapi/dataload";

    fn bulk(children: &str) -> String {
        format!(r#"<?xml version="1.0" encoding="UTF-8"?><error xmlns="{BULK}">{children}</error>"#)
    }

    #[test]
    fn bulk_errors_give_code_and_message() {
        let e = one(&bulk("<exceptionCode>InvalidSessionId</exceptionCode><exceptionMessage>Invalid session id</exceptionMessage>"), &Options::new());
        assert_eq!((e.vendor, e.code, e.message.as_str(), e.retry), (Vendor::Salesforce, Code::from("InvalidSessionId"), "Invalid session id", Retry::Reauth));
        let e = one(&bulk("<exceptionCode>TooManyLockFailure</exceptionCode>"), &Options::new().status(400));
        assert_eq!(e.retry.class(), RetryClass::Transient);
        assert!(e.message.starts_with("Bulk API: too many record lock failures"), "{}", e.message);
        // A message without a code is still a failure.
        let e = one(&bulk("<exceptionMessage>Something broke</exceptionMessage>"), &Options::new().status(500));
        assert_eq!((e.code, e.message.as_str(), e.retry.class()), (Code::from("Unknown"), "Something broke", RetryClass::Transient));
        // Neither: nothing but the status.
        let errors = read(&bulk("<other/>"), &Options::new().status(400)).unwrap();
        assert_eq!(errors[0].vendor, Vendor::Http);
    }

    #[test]
    fn a_cut_bulk_error_is_not_half_read() {
        let whole = bulk("<exceptionCode>InvalidSessionId</exceptionCode><exceptionMessage>Invalid session id</exceptionMessage>");
        let cut = &whole[..whole.find("session id").unwrap() + 3];
        assert!(matches!(read(cut, &Options::new()), Err(ParseError::Truncated { .. })), "{cut}");
        assert_eq!(one(cut, &Options::new().status(400)).vendor, Vendor::Http);
    }

    #[test]
    fn other_bulk_documents_and_foreign_errors_are_not_errors() {
        let batch = format!(
            r#"<batchInfo xmlns="{BULK}"><id>b</id><state>Failed</state><stateMessage>InvalidBatch : Failed to process query</stateMessage></batchInfo>"#
        );
        assert!(read(&batch, &Options::new()).unwrap().is_empty());
        let foreign = "<error><exceptionCode>InvalidSessionId</exceptionCode></error>";
        assert!(read(foreign, &Options::new()).unwrap().is_empty());
        let e = one(foreign, &Options::new().vendor(VendorHint::Salesforce));
        assert_eq!(e.code, Code::from("InvalidSessionId"));
    }

    #[test]
    fn bulk_json_needs_a_known_code_or_the_hint() {
        let known = r#"{"exceptionCode":"InvalidJob","exceptionMessage":"Invalid job id"}"#;
        assert_eq!(one(known, &Options::new()).vendor, Vendor::Salesforce);
        let foreign = r#"{"exceptionCode":"passkey.invalid","exceptionMessage":"Not allowed"}"#;
        assert!(read(foreign, &Options::new()).unwrap().is_empty());
        assert_eq!(one(foreign, &Options::new().vendor(VendorHint::Salesforce)).code, Code::from("passkey.invalid"));
        // Bulk API 2.0: the REST array, camel-case codes the catalog knows too.
        let e = one(r#"[{"errorCode":"NotFound","message":"The requested resource does not exist"}]"#, &Options::new().status(404));
        assert_eq!((e.vendor, e.index), (Vendor::Salesforce, Some(0)));
    }

    fn fault(ns: &str, code: &str) -> String {
        format!(
            r#"<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:sf="{ns}"><soapenv:Body><soapenv:Fault><faultcode>sf:{code}</faultcode><faultstring>{code}: text</faultstring></soapenv:Fault></soapenv:Body></soapenv:Envelope>"#
        )
    }

    #[test]
    fn metadata_tooling_and_apex_faults_are_salesforces() {
        for ns in [
            "http://soap.sforce.com/2006/04/metadata",
            "http://soap.sforce.com/2006/08/apex",
            "urn:tooling.soap.sforce.com",
            "urn:metadata.tooling.soap.sforce.com",
            "urn:fault.tooling.soap.sforce.com",
        ] {
            let e = one(&fault(ns, "REQUEST_LIMIT_EXCEEDED"), &Options::new().status(500));
            assert_eq!((e.vendor, e.message.as_str(), e.retry.class()), (Vendor::Salesforce, "text", RetryClass::Throttled), "{ns}");
        }
        let e = one(&fault("http://example.com/not-salesforce", "INVALID_SESSION_ID"), &Options::new());
        assert_eq!(e.vendor, Vendor::Soap);
    }

    fn metadata_results(results: &str) -> String {
        format!(
            r#"<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><deleteMetadataResponse xmlns="http://soap.sforce.com/2006/04/metadata">{results}</deleteMetadataResponse></soapenv:Body></soapenv:Envelope>"#
        )
    }

    #[test]
    fn metadata_results_give_failed_components_with_index() {
        let body = metadata_results(
            "<result><fullName>A__c</fullName><success>true</success></result>\
             <result><errors><message>Cannot delete</message><statusCode>CANNOT_DELETE_MANAGED_OBJECT</statusCode></errors><fullName>B__c</fullName><success>false</success></result>",
        );
        let e = one(&body, &Options::new());
        assert_eq!((e.command.as_deref(), e.index, e.detail.as_deref()), (Some("deleteMetadata"), Some(1), Some("fullName: B__c")));
        // Errors beside success=true (warnings of an allowed save) are no failure.
        let body = metadata_results(
            "<result><errors><message>m</message><statusCode>DUPLICATES_DETECTED</statusCode></errors><fullName>A__c</fullName><success>true</success></result>",
        );
        assert!(read(&body, &Options::new()).unwrap().is_empty());
    }
}
