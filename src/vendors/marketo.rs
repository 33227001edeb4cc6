//! Marketo: SOAP faults carrying a `serviceException` in their detail, and
//! the REST API's JSON errors.
//!
//! SOAP: the fault's `detail/serviceException` (namespace
//! `http://www.marketo.com/mktows/`) holds `name` (`mktServiceException`),
//! `message` (ending in ` (code)`) and `code`. The code is taken from
//! `code`, else from the leading digits of `faultstring` (`20014 - ...`),
//! else from the `(NNNNN)` at the end of `message`. The message is the
//! exception's `message` without its `(code)` suffix, else the fault string
//! without its `code - ` prefix, else the catalog's. Under auto-detection a
//! fault is Marketo's when its detail holds a `serviceException` named
//! `mktServiceException` or with a code the catalog knows; other faults stay
//! generic SOAP errors.
//!
//! REST: `{"requestId": .., "success": false, "errors": [{"code": "601",
//! "message": ..}]}` gives one error per entry; records skipped in a
//! successful call (`result[i].reasons`) give one error per reason, with
//! the record's position as `index`. Auto-detection needs `requestId` and
//! `success`.
//!
//! # Auto-detection
//!
//! What auto-detection claims for `marketo`, beside the other vendors and in
//! their order: [`detection`](crate::detection#marketo).
//!
//! # Codes and retry classes
//!
#![doc = include_str!("../catalog/marketo.md")]
#![doc = include_str!("../../docs/catalog/marketo.md")]

use crate::catalog::Entry;
use crate::vendors::table::Reader;
use serde_json::Value;

use crate::catalog;
use crate::emit::{Emitter, Stopped};
use crate::error::VendorError;
use crate::soap::Fault;
use crate::text::collapse_whitespace;
use crate::vendor::{Code, Vendor, VendorHint, parse_decimal};
use crate::vendors::{Ctx, json_code};

/// The Marketo code a fault carries, if this reader claims it.
fn fault_code(fault: &Fault, ctx: Ctx<'_>) -> Option<i64> {
    if !ctx.may_read(VendorHint::Marketo) {
        return None;
    }
    let has_exception = fault.detail.items().any(|l| l.path.starts_with("serviceException/"));
    if !has_exception {
        return None;
    }
    let code = fault
        .detail
        .at("serviceException/code")
        .and_then(|c| parse_decimal(c.trim()))
        .or_else(|| fault.reason().and_then(|r| leading_code(&r.text)))
        .or_else(|| fault.detail.at("serviceException/message").and_then(trailing_code))?;
    let named = fault.detail.at("serviceException/name") == Some("mktServiceException");
    let known = catalog::entry(Vendor::Marketo, &Code::Num(code)).is_some();
    (named || known || ctx.named(VendorHint::Marketo)).then_some(code)
}

/// `20014` in `20014 - Authentication failed`.
fn leading_code(text: &str) -> Option<i64> {
    let digits = text.split(|c: char| !c.is_ascii_digit()).next()?;
    parse_decimal(digits)
}

/// `20103` in `No lead found with EMAIL = x (20103)`.
fn trailing_code(text: &str) -> Option<i64> {
    let inner = text.trim_end().strip_suffix(')')?;
    parse_decimal(&inner[inner.rfind('(')? + 1..])
}

/// The fault as a Marketo error with `code` (from [`fault_code`]).
fn fault_error(fault: Fault, code: i64, ctx: Ctx<'_>) -> VendorError {
    let suffix = format!("({code})");
    let from_exception = fault
        .detail
        .at("serviceException/message")
        .map(|m| m.trim_end().strip_suffix(&suffix).unwrap_or(m).trim_end().to_owned());
    let from_faultstring = fault.reason().map(|r| {
        let prefix = code.to_string();
        let text =
            r.text.strip_prefix(&prefix).map_or(r.text.as_str(), |rest| rest.trim_start().trim_start_matches('-'));
        text.trim().to_owned()
    });
    let message = from_exception.filter(|m| !m.is_empty()).or(from_faultstring);
    let mut e = ctx.catalog_error_with(Vendor::Marketo, Code::Num(code), message, fault.evidence(ctx.evidence()));
    fault.move_context_into(&mut e, ctx.limits);
    e
}

fn json_text(value: Option<&Value>, max: usize) -> Option<String> {
    value.and_then(Value::as_str).map(|s| collapse_whitespace(s, max).text)
}

fn is_false(value: &Value) -> bool {
    matches!(value, Value::Bool(false)) || value.as_str().is_some_and(|s| s.eq_ignore_ascii_case("false"))
}

/// One error per `{code, message}` object of `list`, at `index`.
fn push_errors(list: Option<&Value>, index: Option<u32>, ctx: Ctx<'_>, out: &mut Emitter) -> Result<(), Stopped> {
    for item in list.and_then(Value::as_array).into_iter().flatten() {
        let Some(code) = item.get("code").and_then(json_code) else { continue };
        let message = json_text(item.get("message"), ctx.limits.max_message_bytes);
        let mut e = ctx.catalog_error(Vendor::Marketo, code, message);
        e.index = index;
        out.push(e)?;
    }
    Ok(())
}

/// Reads a REST response; false when it is not Marketo's.
fn read_json(body: &Value, ctx: Ctx<'_>, out: &mut Emitter) -> Result<bool, Stopped> {
    let Some(object) = body.as_object() else { return Ok(false) };
    let success = object.get("success");
    let claimed = ctx.named(VendorHint::Marketo) || object.contains_key("requestId") && success.is_some();
    if !claimed {
        return Ok(false);
    }
    if success.is_some_and(is_false) {
        push_errors(object.get("errors"), None, ctx, out)?;
    }
    for (i, record) in object.get("result").and_then(Value::as_array).into_iter().flatten().enumerate() {
        let skipped = record.get("status").and_then(Value::as_str).is_some_and(|s| matches!(s, "skipped" | "failed"));
        if skipped {
            push_errors(record.get("reasons"), u32::try_from(i).ok(), ctx, out)?;
        }
    }
    Ok(true)
}

/// Marketo in the vendor table.
pub(crate) struct Marketo;

impl Reader for Marketo {
    const CATALOG: &'static [Entry] = catalog::marketo::ENTRIES;

    fn read_fault(fault: &mut Fault, ctx: Ctx<'_>) -> Option<VendorError> {
        let code = fault_code(fault, ctx)?;
        Some(fault_error(std::mem::take(fault), code, ctx))
    }

    fn read_json(body: &Value, ctx: Ctx<'_>, out: &mut Emitter) -> Result<bool, Stopped> {
        Ok(ctx.may_read(VendorHint::Marketo) && read_json(body, ctx, out)?)
    }
}
