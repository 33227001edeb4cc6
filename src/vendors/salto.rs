//! Salto KS REST API: JSON error bodies, read with the HTTP status.
//!
//! Salto documents its codes and statuses but not its error body's shape,
//! so the reader accepts the common ones without guessing further: the
//! error object is the body itself, its `error`/`Error` object, or each
//! object of its `errors`/`Errors` array; in it, the code is the first of
//! `ErrorCode`, `error_code`, `Code` (keys matched ignoring case) holding a
//! number or a numeric string, and the message the first of `Message`,
//! `ErrorMessage`, `error_message`, `Description`, `error_description`,
//! `Detail`. Under auto-detection only codes in Salto's catalog are claimed.
//!
//! The class comes from the retry chain ([`crate::retry`]): the catalog's
//! for codes it knows, the status's for codes it does not. The status is
//! kept as received even when it disagrees with the catalog (2211 arrives
//! with 200).
//!
//! # Auto-detection
//!
//! What auto-detection claims for `salto`, beside the other vendors and in
//! their order: [`detection`](crate::detection#salto).
//!
//! # Codes and retry classes
//!
#![doc = include_str!("../catalog/salto.md")]
#![doc = include_str!("../../docs/catalog/salto.md")]

use crate::catalog::Entry;
use crate::vendors::table::Reader;
use serde_json::{Map, Value};

use crate::catalog;
use crate::emit::{Emitter, Stopped};
use crate::text::collapse_whitespace;
use crate::vendor::{Vendor, VendorHint};
use crate::vendors::{Ctx, json_code};

const CODE_KEYS: [&str; 3] = ["errorcode", "error_code", "code"];
const MESSAGE_KEYS: [&str; 6] =
    ["message", "errormessage", "error_message", "description", "error_description", "detail"];

/// The value of the first of `keys` present in `object`, keys compared ignoring case.
fn field<'a>(object: &'a Map<String, Value>, keys: &[&str]) -> Option<&'a Value> {
    keys.iter().find_map(|wanted| object.iter().find(|(k, _)| k.eq_ignore_ascii_case(wanted)).map(|(_, v)| v))
}

/// The error objects of a body: itself, its `error`, or its `errors`.
fn error_objects(body: &Value) -> Vec<&Map<String, Value>> {
    let Some(object) = body.as_object() else { return Vec::new() };
    if let Some(list) = field(object, &["errors"]).and_then(Value::as_array) {
        return list.iter().filter_map(Value::as_object).collect();
    }
    match field(object, &["error"]).and_then(Value::as_object) {
        Some(inner) => vec![inner],
        None => vec![object],
    }
}

/// The first message-like text of a JSON error body, whoever sent it.
pub(crate) fn message_of(body: &Value, max: usize) -> Option<String> {
    error_objects(body).into_iter().find_map(|object| {
        let text = field(object, &MESSAGE_KEYS)?.as_str()?;
        Some(collapse_whitespace(text, max).text).filter(|t| !t.is_empty())
    })
}

/// Reads a JSON body; false when nothing in it is Salto's.
fn read_json(body: &Value, ctx: Ctx<'_>, out: &mut Emitter) -> Result<bool, Stopped> {
    let mut claimed = false;
    for object in error_objects(body) {
        let Some(code) = field(object, &CODE_KEYS).and_then(json_code).filter(|c| c.as_num().is_some()) else {
            continue;
        };
        let known = catalog::entry(Vendor::SaltoKs, &code).is_some();
        if !known && !ctx.named(VendorHint::SaltoKs) {
            continue;
        }
        claimed = true;
        let message = field(object, &MESSAGE_KEYS)
            .and_then(Value::as_str)
            .map(|m| collapse_whitespace(m, ctx.limits.max_message_bytes).text);
        out.push(ctx.catalog_error(Vendor::SaltoKs, code, message))?;
    }
    Ok(claimed)
}

/// Salto KS in the vendor table.
pub(crate) struct SaltoKs;

impl Reader for SaltoKs {
    const CATALOG: &'static [Entry] = catalog::salto::ENTRIES;

    fn read_json(body: &Value, ctx: Ctx<'_>, out: &mut Emitter) -> Result<bool, Stopped> {
        Ok(ctx.may_read(VendorHint::SaltoKs) && read_json(body, ctx, out)?)
    }
}
