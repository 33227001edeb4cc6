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
//! `errorCode`, `message`, `fields`. Under auto-detection the array is
//! claimed when its objects carry an upper-case `errorCode`.
//!
//! Salesforce says the lists of codes depend on the org and the API
//! version: codes the catalog lacks are kept as written.

use crate::catalog::{self, Entry};
use crate::vendors::table::Reader;
use serde_json::Value;

use crate::emit::{Emitter, Halt, Pending, Stopped};
use crate::error::VendorError;
use crate::parse_error::ParseError;
use crate::soap::Fault;
use crate::text::{CappedString, collapse_whitespace};
use crate::vendor::{Code, Vendor, VendorHint};
use crate::vendors::{Ctx, operation_of};
use crate::xml::{Element, Source};

/// Most `fields` kept for one error.
const MAX_FIELDS: usize = 16;

/// A Salesforce SOAP fault namespace (partner, enterprise, tooling...).
fn is_fault_ns(ns: &str) -> bool {
    ns.starts_with("urn:fault.") && ns.ends_with(".soap.sforce.com")
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
    let from_detail = fault.detail.at("exceptionCode").map(str::trim).filter(|c| !c.is_empty());
    let ours = fault.code.ns.as_deref().is_some_and(is_fault_ns) || fault.detail.child_in(is_fault_ns).is_some();
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
    ctx.named(VendorHint::Salesforce) || ctx.may_read(VendorHint::Salesforce) && item.namespace().is_some_and(is_api_ns)
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
            _ => {}
        }
    }
    if !success {
        out.push_pending(pending)?;
    }
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
    let mut fields = CappedString::new(ctx.limits.max_detail_bytes);
    let mut field_count = 0;
    while let Some(child) = entry.next_child()? {
        let local = child.local_name();
        if local == code_name {
            code = Some(child.text(max)?.text);
        } else if local == "message" {
            let kept = child.text(max)?;
            truncated |= kept.truncated;
            message = Some(kept.text);
        } else if local == "fields" && field_count < MAX_FIELDS {
            fields.push(if field_count == 0 { "fields: " } else { ", " });
            fields.push(&child.text(max)?.text);
            field_count += 1;
        }
    }
    let Some(code) = code.filter(|c| !c.is_empty()) else { return Ok(None) };
    let mut e = ctx.catalog_error(Vendor::Salesforce, Code::text(code), message);
    let fields = fields.finish();
    if field_count > 0 {
        e.detail = Some(fields.text);
        truncated |= fields.truncated;
    }
    e.truncated |= truncated;
    Ok(Some(e))
}

/// Is this (root) element the REST API's XML `<Errors>`?
fn is_rest_xml_root<S: Source>(root: &Element<'_, S>) -> bool {
    root.local_name() == "Errors" && root.namespace().is_none()
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
    let Some(items) = body.as_array() else { return Ok(false) };
    fn code_of(item: &Value) -> Option<&str> {
        item.get("errorCode").and_then(Value::as_str).map(str::trim)
    }
    let ours = items.iter().any(|item| code_of(item).is_some_and(looks_like_code));
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
        ctx.may_read(VendorHint::Salesforce) && is_rest_xml_root(root)
    }

    fn read_root<S: Source>(root: Element<'_, S>, ctx: Ctx<'_>, out: &mut Emitter) -> Result<(), Halt> {
        read_rest_xml(root, ctx, out)
    }

    fn read_json(body: &Value, ctx: Ctx<'_>, out: &mut Emitter) -> Result<bool, Stopped> {
        Ok(ctx.may_read(VendorHint::Salesforce) && read_json(body, ctx, out)?)
    }
}
