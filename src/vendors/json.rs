//! Generic JSON error bodies (vendor `json`): the formats many APIs share,
//! read when no vendor reader (Salesforce, Google, Kubernetes, Marketo,
//! Salto KS) claimed the body. Recognised by their members, never by `Content-Type`.
//!
//! A top-level object is read as the first of these that applies:
//!
//! 1. JSON-RPC (a `jsonrpc` member): its `error` object; code the numeric
//!    `code`, message `message`, `detail` the `data` rendered compactly.
//!    A response with `result` or a null `error` is a success.
//! 2. RFC 9457 / RFC 7807 problem details: a `type` or `title` string with a
//!    `status` of 400–599 (a number, or a string of digits); or, without a
//!    `status` member, with a `detail` string when the `type` is a URI
//!    reference (holds `:` or `/`) or the response's status is an error. (A
//!    `status` member that is not an error status means it is not a problem;
//!    a bare `title` and `detail` on a success status are a resource, not a
//!    problem.) Code: the `type`, unless absent or `about:blank`; then the
//!    problem's `status`, else the response's error status, else the literal
//!    `about:blank` (the type RFC 9457 §3.1.1 assumes when none is given: it
//!    says "nothing beyond the status", and there is no status to say more).
//!    Message: `detail`, else `title`. `detail` field: the `title` (when the
//!    message is the problem's `detail`), `instance`, and an `errors`
//!    extension, rendered compactly.
//! 3. `error` member:
//!    - an object (the `{"code", "message", "status"}` shape Google made
//!      common, when the body lacks Google's own signals, which send it to
//!      the `google` reader; Stripe's `{"type", "code", "message"}`...):
//!      code a symbolic `status` (`RESOURCE_EXHAUSTED`), else
//!      `code`, `errorCode` or GraphQL's `extensions.code` (a number stays
//!      a number, a string stays a string), else a `type` string other
//!      than `about:blank` (OpenAI's, Stripe's without a `code`), else a
//!      numeric `status`; message `message`, else `detail`, `title`,
//!      `description`; `detail` field: the `type` when it is not the code,
//!      Stripe's `decline_code`, and `param`. Neither code nor message
//!      (`"error": {}`): no error.
//!    - a string: an OAuth 2.0 error (RFC 6749 §5.2, RFC 6750 §3.1, RFC 8628
//!      §3.5) when it is a registered code (the catalog's lower-case rows,
//!      matched exactly: OAuth codes are case-sensitive) or comes with
//!      `error_description` or `error_uri`. Code the string; message
//!      `error_description`, else `message`, else the code; `detail` the
//!      `error_uri`. Any other string (`{"error": "internal"}`, Spring's
//!      `{"error": "Not Found", "message": ..}`) is not recognised: too many
//!      bodies use `error` for a bare word or a reason phrase. With an error
//!      status the HTTP fallback reports it (a string holding spaces is
//!      then its message); with `--vendor json` it is read as an error,
//!      code the string, or for a sentence the fallback code below.
//!    - `null`, `false`, or anything else: no error from it.
//! 4. `errors` member, an array: one error per item, `index` its position.
//!    A string item is a message. An object item (JSON:API, GraphQL, ...):
//!    code and message as for an `error` object; `detail` field: the
//!    `title` when the message is the item's `detail`, then `resource`,
//!    `source`, `pointer`, `path`, `field`, `fields`. Items with neither
//!    code nor message are skipped. An item without a message of its own
//!    takes the body's top-level `message` (GitHub's "Validation Failed"
//!    over `{resource, field, code}` items): the text the body carries,
//!    never one made of the code when the body has one.
//! 5. GitHub's error shape, when no `errors` item gave an error: a
//!    top-level `message` string with a `documentation_url` string (an
//!    empty `errors` list beside them too), unless the response's status is a
//!    success (a `301` carries the same members). Code: the response's
//!    error status, else the body's own `status` (GitHub writes `"404"`),
//!    else `error`; message: `message`.
//! 6. Only with `--vendor json`: a top-level `message` string (with
//!    `code`/`errorCode` when present) is one error.
//!
//! A top-level array is read item by item (with `index`): JSON-RPC batch
//! responses (items with `jsonrpc`) give their errors, and objects with a
//! `message` string and an `errorCode` or `code` (Salesforce-style REST
//! arrays the Salesforce reader did not claim) one error each, `detail` as
//! for an `errors` item (`fields: Amount, Currency`).
//!
//! An error with a message but no code takes the response's error status
//! as its code, else the literal `error`. Messages are capped at
//! `max_message_bytes`, `detail` at `max_detail_bytes`, codes at
//! `max_message_bytes`; cuts set `truncated`. Nothing here recurses: nested
//! values are rendered by serde_json, whose depth the parser already bounds.
//!
//! Classes come from the retry chain: the `json` catalog for codes it knows
//! (OAuth, `google.rpc.Code`, JSON-RPC), else the response's status, else
//! permanent. A problem's own `status` stands for the response's when the
//! caller gave none: RFC 9457 §3.1.2 makes it advisory but meant for
//! exactly this, a body kept without its HTTP response. The caller's
//! status wins when both are known: it is what came on the wire.
//!
//! A body cut short is read as the value it had become (complete members
//! and entries; an open `error` object only with its code and message). Three rules above need members
//! that may have come after the break, and are decided without them only
//! where what was read already decides: a problem is one when its `title`
//! or `detail` was read and its code and class are known, from its own
//! `status` or from a `type` with the response's error status (its `status`
//! and `detail` may come after the break); GitHub's shape and the
//! `--vendor json` `message` need their code read (the response's error
//! status, else the body's `status`; a `code`).
//!
//! # Auto-detection
//!
//! What auto-detection claims for `json`, beside the other vendors and in
//! their order: [`detection`](crate::detection#json).
//!
//! # Codes and retry classes
//!
#![doc = include_str!("../catalog/json.md")]
#![doc = include_str!("../../docs/catalog/json.md")]

use crate::catalog::Entry;
use crate::vendors::table::Reader;
use std::io;

use serde_json::{Map, Value};

use crate::catalog;
use crate::emit::{Emitter, Stopped};
use crate::text::{Capped, CappedString, collapse_whitespace};
use crate::vendor::{Code, Vendor, VendorHint, parse_decimal};
use crate::vendors::Ctx;

/// Keys of an error object's message, in order of preference.
const MESSAGE_KEYS: [&str; 4] = ["message", "detail", "title", "description"];
/// Keys of an `errors` item said in `detail`: where the error is.
const WHERE_KEYS: [&str; 6] = ["resource", "source", "pointer", "path", "field", "fields"];
/// Keys of an `error` object said in `detail` besides its code and message
/// (Stripe's `decline_code` and `param`, a `type` that is not the code).
const ERROR_DETAIL_KEYS: [&str; 3] = ["type", "decline_code", "param"];

/// One error as read, before the catalog and the chain see it.
struct Found {
    code: Option<Code>,
    message: Option<Capped>,
    detail: Option<Capped>,
    /// A status the body states (a problem's `status`), for the chain.
    status: Option<u16>,
    index: Option<usize>,
    /// The code itself was cut at the limit.
    truncated: bool,
}

impl Found {
    fn new() -> Self {
        Found { code: None, message: None, detail: None, status: None, index: None, truncated: false }
    }
}

/// Reads a JSON body; false when it holds none of the formats above.
fn read_json(body: &Value, ctx: Ctx<'_>, out: &mut Emitter) -> Result<bool, Stopped> {
    let mut found = Reported { ctx, out, claimed: false };
    match body {
        Value::Object(object) => read_object(object, &mut found)?,
        Value::Array(items) => read_array(items, &mut found)?,
        _ => {}
    }
    Ok(found.claimed)
}

/// The text of an `error` member that is a sentence, for the HTTP fallback
/// when nothing claimed the body (`{"error": "Invalid API key"}`).
pub(crate) fn error_sentence(body: &Value, max: usize) -> Option<String> {
    let text = body.get("error")?.as_str()?.trim();
    text.contains(char::is_whitespace).then(|| collapse_whitespace(text, max).text)
}

/// Where errors go as they are found: straight to the emitter, so a long
/// `errors` array costs no memory for the errors already handed on.
struct Reported<'a, 'b, 's> {
    ctx: Ctx<'a>,
    out: &'b mut Emitter<'s>,
    claimed: bool,
}

impl Reported<'_, '_, '_> {
    /// Reports `found`, if anything was, at `index` among the body's items.
    fn push(&mut self, found: Option<Found>, index: Option<usize>) -> Result<(), Stopped> {
        if let Some(mut found) = found {
            found.index = index;
            self.claimed = true;
            push(found, self.ctx, self.out)?;
        }
        Ok(())
    }
}

/// The errors of a top-level object, by the first shape that applies.
fn read_object(object: &Map<String, Value>, sink: &mut Reported<'_, '_, '_>) -> Result<(), Stopped> {
    let ctx = sink.ctx;
    if object.contains_key("jsonrpc") {
        return sink.push(rpc_error(object, ctx), None);
    }
    if let Some(problem) = problem(object, ctx) {
        return sink.push(Some(problem), None);
    }
    let from_error = match object.get("error") {
        Some(Value::Object(inner)) => error_member(inner, ctx),
        Some(Value::String(code)) => oauth_error(code, object, ctx),
        _ => None,
    };
    if from_error.is_some() {
        return sink.push(from_error, None);
    }
    // The body's own sentence, for items that carry none (GitHub's
    // "Validation Failed" over `{resource, field, code}` items).
    let max = ctx.limits.max_message_bytes;
    let body_message = text_of(object, &["message"], max);
    if let Some(Value::Array(items)) = object.get("errors") {
        for (i, item) in items.iter().enumerate() {
            let mut found = errors_item(item, ctx);
            if let Some(found) = found.as_mut().filter(|f| f.message.is_none()) {
                found.message.clone_from(&body_message);
            }
            sink.push(found, Some(i))?;
        }
        if sink.claimed {
            return Ok(());
        }
    }
    if let Some(found) = documented_message(object, ctx) {
        sink.push(Some(found), None)?;
    } else if ctx.named(VendorHint::Json)
        && object.get("message").is_some_and(Value::is_string)
        && !matches!(object.get("errors"), Some(Value::Array(_)))
    {
        // Cut short before a code: the code may have come after the break.
        let found = error_object(object, ctx).filter(|f| f.code.is_some() || !ctx.cut);
        sink.push(found, None)?;
    }
    Ok(())
}

/// GitHub's error shape when its `errors` list gives nothing: a `message` and a
/// `documentation_url`, with no success status. Code: the response's
/// error status, else the body's own `status` (GitHub writes it as a
/// string of digits), else `error`; message: the body's `message`.
fn documented_message(object: &Map<String, Value>, ctx: Ctx<'_>) -> Option<Found> {
    let documented = object.get("documentation_url").is_some_and(Value::is_string);
    let success = ctx.status.is_some_and(|s| s < 400);
    if !documented || success {
        return None;
    }
    let mut found = Found::new();
    found.message = Some(text_of(object, &["message"], ctx.limits.max_message_bytes)?);
    found.status = object.get("status").and_then(error_status);
    found.code = response_error_status(ctx).or(found.status).map(|s| Code::Num(i64::from(s)));
    // Cut short before its own `status`, with no status from the response:
    // its code is not known.
    (found.code.is_some() || !ctx.cut).then_some(found)
}

/// The object of an `{"error": {..}}` body: an error object whose `detail`
/// says its `type` (when the code is another member), `decline_code` and
/// `param`.
fn error_member(object: &Map<String, Value>, ctx: Ctx<'_>) -> Option<Found> {
    let mut found = error_object(object, ctx)?;
    let type_is_code = matches!((&found.code, object.get("type")), (Some(Code::Text(c)), Some(Value::String(t))) if c == t.trim());
    let pieces: Vec<(&str, &Value)> = ERROR_DETAIL_KEYS
        .iter()
        .filter(|k| !(type_is_code && **k == "type"))
        .filter_map(|k| object.get(*k).map(|v| (*k, v)))
        .collect();
    found.detail = detail_of(&pieces, ctx.limits.max_detail_bytes);
    Some(found)
}

/// The errors of a top-level array: JSON-RPC batch responses and
/// `{message, errorCode|code}` objects, each with its position.
fn read_array(items: &[Value], sink: &mut Reported<'_, '_, '_>) -> Result<(), Stopped> {
    let ctx = sink.ctx;
    for (i, item) in items.iter().enumerate() {
        let Some(object) = item.as_object() else { continue };
        let one = if object.contains_key("jsonrpc") {
            rpc_error(object, ctx)
        } else if object.get("message").is_some_and(Value::is_string)
            && ["errorCode", "code"].iter().any(|k| object.get(*k).is_some_and(|v| v.is_string() || v.is_number()))
        {
            located_error(object, ctx)
        } else {
            None
        };
        sink.push(one, Some(i))?;
    }
    Ok(())
}

/// A JSON-RPC response's error: `None` for a success.
fn rpc_error(response: &Map<String, Value>, ctx: Ctx<'_>) -> Option<Found> {
    let error = response.get("error")?.as_object()?;
    let mut found = Found::new();
    found.code = error.get("code").and_then(|c| value_code(c, ctx, &mut found.truncated));
    found.message = text_of(error, &["message"], ctx.limits.max_message_bytes);
    let data = error.get("data").map(|d| ("data", d));
    found.detail = detail_of(&data.into_iter().collect::<Vec<_>>(), ctx.limits.max_detail_bytes);
    (found.code.is_some() || found.message.is_some()).then_some(found)
}

/// An error status (400–599) written as a number or a string of digits.
fn error_status(value: &Value) -> Option<u16> {
    let n = match value {
        Value::Number(n) => n.as_i64()?,
        Value::String(s) => parse_decimal(s.trim())?,
        _ => return None,
    };
    u16::try_from(n).ok().filter(|s| (400..=599).contains(s))
}

/// The response's status, when it is an error status.
fn response_error_status(ctx: Ctx<'_>) -> Option<u16> {
    ctx.status.filter(|s| *s >= 400)
}

/// RFC 9457 problem details, when the object is one (rules in the module docs).
fn problem(object: &Map<String, Value>, ctx: Ctx<'_>) -> Option<Found> {
    let kind = object.get("type").and_then(Value::as_str).map(str::trim).filter(|t| !t.is_empty());
    let title = object.get("title").and_then(Value::as_str).filter(|t| !t.trim().is_empty());
    if kind.is_none() && title.is_none() {
        return None;
    }
    let status = match object.get("status") {
        Some(value) => Some(error_status(value)?),
        None => None,
    };
    let detail = object.get("detail").and_then(Value::as_str).filter(|d| !d.trim().is_empty());
    if ctx.cut {
        // Cut short: the members still to come could not refute a problem
        // whose message and code were read, with the class its status or
        // the response's gives it (module docs).
        let typed = kind.is_some_and(|t| !t.eq_ignore_ascii_case("about:blank"));
        let decided = status.is_some() || typed && response_error_status(ctx).is_some();
        if detail.or(title).is_none() || !decided {
            return None;
        }
    } else if status.is_none() {
        let uri_like = kind.is_some_and(|t| t.contains([':', '/']));
        if detail.is_none() || !(uri_like || response_error_status(ctx).is_some()) {
            return None;
        }
    }
    let max = ctx.limits.max_message_bytes;
    let mut found = Found::new();
    found.status = status;
    found.code = match kind.filter(|t| !t.eq_ignore_ascii_case("about:blank")) {
        Some(kind) => text_code(kind, max, &mut found.truncated),
        None => Some(match status.or_else(|| response_error_status(ctx)) {
            Some(status) => Code::Num(i64::from(status)),
            None => Code::from("about:blank"),
        }),
    };
    found.message = detail.or(title).map(|m| collapse_whitespace(m, max));
    let mut pieces: Vec<(&str, &Value)> = Vec::new();
    if let (Some(_), Some(title)) = (detail, object.get("title")) {
        pieces.push(("title", title));
    }
    pieces.extend(["instance", "errors"].iter().filter_map(|k| object.get(*k).map(|v| (*k, v))));
    found.detail = detail_of(&pieces, ctx.limits.max_detail_bytes);
    Some(found)
}

/// `{"error": {..}}`'s object, an `errors` item, or a REST array's item:
/// `None` when it has neither code nor message.
fn error_object(object: &Map<String, Value>, ctx: Ctx<'_>) -> Option<Found> {
    let mut found = Found::new();
    found.code = code_of(object, ctx, &mut found.truncated);
    found.message = text_of(object, &MESSAGE_KEYS, ctx.limits.max_message_bytes);
    (found.code.is_some() || found.message.is_some()).then_some(found)
}

/// The code of an error object: a symbolic `status`, `code`, `errorCode`,
/// GraphQL's `extensions.code`, a `type`, or a numeric `status`.
fn code_of(object: &Map<String, Value>, ctx: Ctx<'_>, truncated: &mut bool) -> Option<Code> {
    let status = object.get("status");
    let symbolic = status.and_then(Value::as_str).map(str::trim).filter(|s| parse_decimal(s).is_none());
    let max = ctx.limits.max_message_bytes;
    if let Some(code) = symbolic.and_then(|s| text_code(s, max, truncated)) {
        return Some(code);
    }
    let extensions = object.get("extensions").and_then(|e| e.get("code"));
    let candidates = [object.get("code"), object.get("errorCode"), extensions];
    if let Some(code) = candidates.into_iter().flatten().find_map(|v| value_code(v, ctx, truncated)) {
        return Some(code);
    }
    let kind = object.get("type").and_then(Value::as_str).filter(|t| !t.trim().eq_ignore_ascii_case("about:blank"));
    if let Some(code) = kind.and_then(|t| text_code(t, max, truncated)) {
        return Some(code);
    }
    status.and_then(error_status).map(|s| Code::Num(i64::from(s)))
}

/// A code written as a JSON value: a number stays a number (an integer,
/// else as written), a string stays a string.
fn value_code(value: &Value, ctx: Ctx<'_>, truncated: &mut bool) -> Option<Code> {
    match value {
        Value::Number(n) => Some(n.as_i64().map_or_else(|| Code::text(n.to_string()), Code::Num)),
        Value::String(s) => text_code(s, ctx.limits.max_message_bytes, truncated),
        _ => None,
    }
}

/// A symbolic code: trimmed, whitespace folded, cut at `max`; `None` when empty.
fn text_code(text: &str, max: usize, truncated: &mut bool) -> Option<Code> {
    let kept = collapse_whitespace(text, max);
    *truncated |= kept.truncated;
    (!kept.text.is_empty()).then(|| Code::text(kept.text))
}

/// The first of `keys` holding a non-blank string, folded and capped.
fn text_of(object: &Map<String, Value>, keys: &[&str], max: usize) -> Option<Capped> {
    keys.iter()
        .find_map(|k| object.get(*k).and_then(Value::as_str).filter(|t| !t.trim().is_empty()))
        .map(|t| collapse_whitespace(t, max))
}

/// An `{"error": "<string>"}` body: an OAuth error when it has OAuth's
/// context, or when `--vendor json` asks for it (rules in the module docs).
fn oauth_error(error: &str, object: &Map<String, Value>, ctx: Ctx<'_>) -> Option<Found> {
    let error = error.trim();
    let registered = catalog::entry(Vendor::Json, &Code::text(error))
        .is_some_and(|e| matches!(&e.code, Code::Text(t) if t == error && !t.bytes().any(|b| b.is_ascii_uppercase())));
    let described = ["error_description", "error_uri"].iter().any(|k| object.get(*k).is_some_and(Value::is_string));
    if error.is_empty() || !(registered || described || ctx.named(VendorHint::Json)) {
        return None;
    }
    let max = ctx.limits.max_message_bytes;
    let mut found = Found::new();
    let sentence = error.contains(char::is_whitespace) && !(registered || described);
    found.code = if sentence { None } else { text_code(error, max, &mut found.truncated) };
    found.message =
        text_of(object, &["error_description", "message"], max).or_else(|| Some(collapse_whitespace(error, max)));
    let uri = object.get("error_uri").filter(|u| u.is_string());
    found.detail =
        detail_of(&uri.map(|u| ("error_uri", u)).into_iter().collect::<Vec<_>>(), ctx.limits.max_detail_bytes);
    Some(found)
}

/// One item of an `errors` array: a message string or an error object.
fn errors_item(item: &Value, ctx: Ctx<'_>) -> Option<Found> {
    match item {
        Value::String(text) if !text.trim().is_empty() => {
            let mut found = Found::new();
            found.message = Some(collapse_whitespace(text, ctx.limits.max_message_bytes));
            Some(found)
        }
        Value::Object(object) => located_error(object, ctx),
        _ => None,
    }
}

/// An error object whose `detail` says where the error is (`source`,
/// `path`, `fields`...), after its `title` when the message is its `detail`.
fn located_error(object: &Map<String, Value>, ctx: Ctx<'_>) -> Option<Found> {
    let mut found = error_object(object, ctx)?;
    let mut pieces: Vec<(&str, &Value)> = Vec::new();
    let has = |k: &str| object.get(k).is_some_and(Value::is_string);
    if let (false, true, Some(title)) = (has("message"), has("detail"), object.get("title")) {
        pieces.push(("title", title));
    }
    pieces.extend(WHERE_KEYS.iter().filter_map(|k| object.get(*k).map(|v| (*k, v))));
    found.detail = detail_of(&pieces, ctx.limits.max_detail_bytes);
    Some(found)
}

/// `key: value` pieces joined by `; `, values rendered compactly; `None`
/// when there are none (nulls, blank strings and empty containers say nothing).
pub(crate) fn detail_of(pieces: &[(&str, &Value)], max: usize) -> Option<Capped> {
    let says_something = |v: &Value| match v {
        Value::Null => false,
        Value::String(s) => !s.trim().is_empty(),
        Value::Array(items) => !items.is_empty(),
        Value::Object(members) => !members.is_empty(),
        _ => true,
    };
    let mut detail = CappedString::new(max);
    let mut any = false;
    for (key, value) in pieces.iter().filter(|(_, v)| says_something(v)) {
        detail.push(if any { "; " } else { "" });
        detail.push(key);
        detail.push(": ");
        render(value, &mut detail, max);
        any = true;
    }
    any.then(|| detail.finish())
}

/// A value in a short text: a string as its words, an array of scalars
/// as a comma-separated list, anything else as compact JSON. Stops
/// serializing once `max` bytes are written.
fn render(value: &Value, out: &mut CappedString, max: usize) {
    let scalar = |v: &Value| matches!(v, Value::String(_) | Value::Number(_) | Value::Bool(_));
    match value {
        Value::String(text) => out.push_words(text),
        Value::Array(items) if items.iter().all(scalar) => {
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(", ");
                }
                render(item, out, max);
            }
        }
        _ => {
            // The writer refuses bytes past the budget, which ends the
            // serialization; what it took is pushed at once (the same text
            // as piece by piece: the pieces are whole characters).
            let mut bytes = Vec::with_capacity(max.min(256));
            let _ = serde_json::to_writer(Budget { bytes: &mut bytes, left: max }, value);
            out.push(&String::from_utf8_lossy(&bytes));
        }
    }
}

/// A writer into a buffer that fails once its budget is spent.
struct Budget<'a> {
    bytes: &'a mut Vec<u8>,
    left: usize,
}

impl io::Write for Budget<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.left == 0 {
            return Err(io::ErrorKind::WriteZero.into());
        }
        // serde_json writes whole strings and escapes: valid UTF-8 in each call.
        self.bytes.extend_from_slice(buf);
        self.left = self.left.saturating_sub(buf.len());
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The error for what was found: the code's catalog row and the chain.
fn push(found: Found, ctx: Ctx<'_>, out: &mut Emitter) -> Result<(), Stopped> {
    let code = found.code.unwrap_or_else(|| match response_error_status(ctx) {
        Some(status) => Code::Num(i64::from(status)),
        None => Code::from("error"),
    });
    let mut evidence = ctx.evidence();
    evidence.status = ctx.status.or(found.status);
    let mut truncated = found.truncated;
    let message = found.message.map(|m| {
        truncated |= m.truncated;
        m.text
    });
    // A body cut short read generically: the members after the break might
    // have named a vendor, or chosen another of the shapes above (an OAuth
    // error is one with its `error_description` or `error_uri`), whose code
    // and class differ.
    if ctx.cut {
        evidence = evidence.unsettled();
    }
    let mut e = ctx.catalog_error_with(Vendor::Json, code, message, evidence);
    if let Some(detail) = found.detail {
        truncated |= detail.truncated;
        e.detail = Some(detail.text);
    }
    e.index = found.index.and_then(|i| u32::try_from(i).ok());
    e.truncated |= truncated;
    out.push(e)
}

/// The generic JSON formats in the vendor table.
pub(crate) struct Json;

impl Reader for Json {
    const CATALOG: &'static [Entry] = catalog::json::ENTRIES;

    fn read_json(body: &Value, ctx: Ctx<'_>, out: &mut Emitter) -> Result<bool, Stopped> {
        Ok(ctx.may_read(VendorHint::Json) && read_json(body, ctx, out)?)
    }
}

#[cfg(test)]
mod tests {
    use crate::{Code, Limits, Options, Retry, RetryClass, Vendor, VendorError, VendorHint};

    /// A detail rendered at once is the one its pieces pushed one by one gave, at every cap.
    #[test]
    fn details_render_as_their_pieces_did() {
        use std::io;

        use serde_json::json;

        use crate::text::CappedString;
        struct Pieces<'a>(&'a mut CappedString, usize);
        impl io::Write for Pieces<'_> {
            fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
                if self.1 == 0 {
                    return Err(io::ErrorKind::WriteZero.into());
                }
                self.0.push(std::str::from_utf8(buf).unwrap());
                self.1 = self.1.saturating_sub(buf.len());
                Ok(buf.len())
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let values = [
            json!({"pointer": "/data/attributes/ünïcode", "n": [1, -2.5, null, true], "q": "a \"b\"\n\u{1}€"}),
            json!([{"code": "E1", "field": "a"}, {"code": "E2", "path": ["x", 0]}]),
            json!({"a": {"b": {"c": "日本語のテキスト"}}}),
        ];
        for value in &values {
            for max in 0..160 {
                let mut once = CappedString::new(max);
                once.push("errors: ");
                super::render(value, &mut once, max);
                let mut pieces = CappedString::new(max);
                pieces.push("errors: ");
                let _ = serde_json::to_writer(Pieces(&mut pieces, max), value);
                let (once, pieces) = (once.finish(), pieces.finish());
                assert_eq!((once.text, once.truncated), (pieces.text, pieces.truncated), "{value} at {max}");
            }
        }
    }

    fn read_with(body: &str, opts: &Options) -> Vec<VendorError> {
        crate::from_slice(body.as_bytes(), opts).unwrap().errors
    }

    fn read(body: &str, status: Option<u16>) -> Vec<VendorError> {
        let opts = Options::new();
        read_with(body, &status.map_or(opts.clone(), |s| opts.status(s)))
    }

    fn one(body: &str, status: Option<u16>) -> VendorError {
        let mut errors = read(body, status);
        assert_eq!(errors.len(), 1, "{body}: {errors:?}");
        errors.remove(0)
    }

    fn text(code: &str) -> Code {
        Code::text(code)
    }

    #[test]
    fn problem_code_is_the_type_unless_about_blank() {
        let e = one(r#"{"type":"https://example.net/probs/stale","title":"Stale","status":409}"#, Some(409));
        assert_eq!(
            (e.vendor, e.code, e.message.as_str()),
            (Vendor::Json, text("https://example.net/probs/stale"), "Stale")
        );
        let e = one(r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"no user 7"}"#, None);
        assert_eq!(
            (e.code, e.message.as_str(), e.detail.as_deref()),
            (Code::Num(404), "no user 7", Some("title: Not Found"))
        );
        // No type, no status member: the response's status.
        let e = one(r#"{"title":"Gone","detail":"deleted yesterday"}"#, Some(410));
        assert_eq!(e.code, Code::Num(410));
        // No status anywhere: the type RFC 9457 assumes.
        let e = one(r#"{"type":"about:blank","detail":"something"}"#, None);
        assert_eq!((e.code, e.retry), (text("about:blank"), Retry::Permanent));
    }

    #[test]
    fn a_problems_status_decides_only_when_the_caller_gave_none() {
        let body = r#"{"title":"Service Unavailable","status":503}"#;
        assert_eq!(one(body, None).retry.class(), RetryClass::Transient);
        assert_eq!(one(body, None).http_status, None);
        // The caller's status is what came on the wire.
        let e = one(body, Some(400));
        assert_eq!((e.code, e.retry.class(), e.http_status), (Code::Num(503), RetryClass::Permanent, Some(400)));
    }

    #[test]
    fn resources_with_title_and_detail_are_not_problems() {
        assert!(read(r#"{"title":"My post","detail":"text"}"#, Some(200)).is_empty());
        assert!(read(r#"{"title":"My post","detail":"text"}"#, None).is_empty());
        assert!(read(r#"{"type":"comment","detail":"text"}"#, None).is_empty());
        assert!(read(r#"{"type":"https://x/t","title":"OK","status":200,"detail":"d"}"#, None).is_empty());
        // A URI-like type says "problem" even without a status.
        assert_eq!(one(r#"{"type":"/probs/x","detail":"d"}"#, None).code, text("/probs/x"));
    }

    #[test]
    fn oauth_errors_need_a_registered_code_or_oauth_members() {
        let e = one(r#"{"error":"invalid_token"}"#, Some(401));
        assert_eq!((e.code, e.message.as_str(), e.retry), (text("invalid_token"), "invalid_token", Retry::Reauth));
        let e = one(r#"{"error":"custom_thing","error_description":"Went wrong","error_uri":"https://x/e"}"#, None);
        assert_eq!((e.code, e.message.as_str()), (text("custom_thing"), "Went wrong"));
        assert_eq!(e.detail.as_deref(), Some("error_uri: https://x/e"));
        // OAuth codes are case-sensitive; a bare word is not OAuth.
        for body in [r#"{"error":"INVALID_TOKEN"}"#, r#"{"error":"internal"}"#, r#"{"error":"Bad thing"}"#] {
            assert!(read(body, None).is_empty(), "{body}");
            assert_eq!(one(body, Some(500)).vendor, Vendor::Http, "{body}");
        }
        // A sentence is the fallback's message.
        assert_eq!(one(r#"{"error":"Bad thing"}"#, Some(500)).message, "Bad thing");
    }

    #[test]
    fn oauth_classes() {
        let class = |code: &str| one(&format!(r#"{{"error":"{code}"}}"#), None).retry.class();
        assert_eq!(class("expired_token"), RetryClass::Reauth);
        assert_eq!(class("slow_down"), RetryClass::Throttled);
        assert_eq!(class("authorization_pending"), RetryClass::Permanent);
        assert_eq!(class("server_error"), RetryClass::Permanent);
        assert_eq!(class("temporarily_unavailable"), RetryClass::Transient);
        assert_eq!(class("invalid_grant"), RetryClass::Permanent);
        assert_eq!(class("insufficient_scope"), RetryClass::Permanent);
    }

    #[test]
    fn vendor_json_reads_what_is_merely_likely() {
        let opts = Options::new().vendor(VendorHint::Json);
        let e = read_with(r#"{"error":"internal","trace":"x"}"#, &opts).remove(0);
        assert_eq!((e.code, e.message.as_str()), (text("internal"), "internal"));
        let e = read_with(r#"{"error":"Invalid API key"}"#, &opts.clone().status(403)).remove(0);
        assert_eq!((e.code, e.message.as_str()), (Code::Num(403), "Invalid API key"));
        let e = read_with(r#"{"error":"Invalid API key"}"#, &opts).remove(0);
        assert_eq!(e.code, text("error"));
        let e = read_with(r#"{"code":"E42","message":"Nope"}"#, &opts).remove(0);
        assert_eq!((e.code, e.message.as_str()), (text("E42"), "Nope"));
        // Under auto these are no recognised format.
        assert!(read(r#"{"code":"E42","message":"Nope"}"#, None).is_empty());
    }

    #[test]
    fn no_error_members_no_error() {
        for body in [
            r#"{"error":null,"result":{"id":1}}"#,
            r#"{"error":false}"#,
            r#"{"errors":[]}"#,
            r#"{"error":{}}"#,
            r#"{"errors":[1,null,{},{"id":3}]}"#,
            r#"{"jsonrpc":"2.0","result":7,"id":1}"#,
            r#"{"jsonrpc":"2.0","error":null,"id":1}"#,
            r#"{"id":1,"name":"x","status":"active"}"#,
            r#"[{"code":"DE","name":"Germany"}]"#,
            r#"[]"#,
        ] {
            assert!(read(body, None).is_empty(), "{body}");
        }
    }

    #[test]
    fn error_object_codes() {
        let code = |body: &str| one(body, None).code;
        assert_eq!(
            code(r#"{"error":{"code":8,"message":"m","status":"RESOURCE_EXHAUSTED"}}"#),
            text("RESOURCE_EXHAUSTED")
        );
        assert_eq!(code(r#"{"error":{"code":404,"message":"m","status":"404"}}"#), Code::Num(404));
        assert_eq!(code(r#"{"error":{"code":"404","message":"m"}}"#), text("404"));
        assert_eq!(
            code(r#"{"error":{"code":null,"type":"invalid_request_error","message":"m"}}"#),
            text("invalid_request_error")
        );
        assert_eq!(code(r#"{"error":{"message":"m","status":503}}"#), Code::Num(503));
        assert_eq!(code(r#"{"error":{"code":1.5,"message":"m"}}"#), text("1.5"));
        assert_eq!(code(r#"{"error":{"message":"m"}}"#), text("error"));
        let e = one(r#"{"error":{"code":14,"message":"down","status":"UNAVAILABLE"}}"#, Some(200));
        assert_eq!(e.retry.class(), RetryClass::Transient);
    }

    #[test]
    fn errors_items_keep_their_positions() {
        let body = r#"{"errors":["first",42,{"message":"third","code":"E3","path":["a",0]},{},{"detail":"fifth","source":{"pointer":"/x"}}]}"#;
        let errors = read(body, Some(422));
        let got: Vec<_> = errors.iter().map(|e| (e.index, e.code.clone(), e.message.as_str())).collect();
        assert_eq!(
            got,
            [(Some(0), Code::Num(422), "first"), (Some(2), text("E3"), "third"), (Some(4), Code::Num(422), "fifth")]
        );
        assert_eq!(errors[1].detail.as_deref(), Some("path: a, 0"));
        assert_eq!(errors[2].detail.as_deref(), Some(r#"source: {"pointer":"/x"}"#));
    }

    #[test]
    fn json_rpc_batches_give_failed_responses_with_their_index() {
        let body = r#"[{"jsonrpc":"2.0","result":1,"id":1},{"jsonrpc":"2.0","error":{"code":-32603,"message":"Internal error"},"id":2},
            {"jsonrpc":"2.0","error":{"code":-32001,"message":"Custom","data":"busy"},"id":3}]"#;
        let errors = read(body, None);
        assert_eq!(errors.len(), 2);
        assert_eq!((errors[0].index, errors[0].retry.class()), (Some(1), RetryClass::Transient));
        assert_eq!((errors[1].index, errors[1].code.clone()), (Some(2), Code::Num(-32001)));
        assert_eq!((errors[1].retry.class(), errors[1].detail.as_deref()), (RetryClass::Permanent, Some("data: busy")));
    }

    #[test]
    fn rest_arrays_the_salesforce_reader_leaves_keep_their_messages() {
        let e = one(r#"[{"message":"Bad field","errorCode":"bad_field"},{"id":1}]"#, Some(400));
        assert_eq!(
            (e.vendor, e.code, e.message.as_str(), e.index),
            (Vendor::Json, text("bad_field"), "Bad field", Some(0))
        );
        let e = one(r#"[{"message":"Limit","code":7}]"#, Some(400));
        assert_eq!(e.code, Code::Num(7));
        // Upper-case codes stay Salesforce's.
        assert_eq!(one(r#"[{"message":"m","errorCode":"NOT_FOUND"}]"#, Some(404)).vendor, Vendor::Salesforce);
    }

    #[test]
    fn vendor_readers_claim_first() {
        assert_eq!(one(r#"{"errors":[{"code":1500,"message":"m"}]}"#, Some(401)).vendor, Vendor::SaltoKs);
        assert_eq!(
            one(r#"{"requestId":"r","success":false,"errors":[{"code":"606","message":"m"}]}"#, None).vendor,
            Vendor::Marketo
        );
        let salto_only = Options::new().vendor(VendorHint::SaltoKs);
        assert!(read_with(r#"{"error":"invalid_token"}"#, &salto_only).is_empty());
    }

    #[test]
    fn messages_codes_and_details_are_capped() {
        let limits = Limits { max_message_bytes: 16, max_detail_bytes: 24, ..Limits::default() };
        let opts = Options::new().limits(limits);
        let body = format!(
            r#"{{"jsonrpc":"2.0","error":{{"code":-1,"message":"{}","data":{{"list":[{}]}}}},"id":1}}"#,
            "m".repeat(100),
            vec!["1"; 10_000].join(",")
        );
        let e = read_with(&body, &opts).remove(0);
        assert!(e.truncated && e.message.len() <= 16 + '…'.len_utf8(), "{e:?}");
        assert!(e.detail.as_ref().is_some_and(|d| d.len() <= 24 + '…'.len_utf8() && d.ends_with('…')), "{e:?}");
        let body = format!(r#"{{"error":{{"code":"{}","message":"m"}}}}"#, "C".repeat(100));
        let e = read_with(&body, &opts).remove(0);
        assert!(e.truncated && e.code.to_string().len() <= 16 + '…'.len_utf8());
    }

    #[test]
    fn empty_details_say_nothing() {
        let e = one(r#"[{"message":"m","errorCode":"x","fields":[]}]"#, Some(400));
        assert_eq!(e.detail, None);
        let e = one(r#"{"jsonrpc":"2.0","error":{"code":-32600,"message":"m","data":""},"id":null}"#, None);
        assert_eq!(e.detail, None);
    }

    #[test]
    fn a_long_errors_array_keeps_max_errors() {
        let body = format!(r#"{{"errors":[{}]}}"#, vec![r#""x""#; 5000].join(","));
        let report = crate::from_slice(body.as_bytes(), &Options::new()).unwrap();
        assert_eq!((report.errors.len(), report.omitted), (1000, 4000));
        assert_eq!(report.errors[999].index, Some(999));
    }

    #[test]
    fn github_bodies_keep_their_own_message() {
        let body = r#"{"message":"Validation Failed","errors":[{"resource":"Issue","field":"title","code":"missing_field"},
            {"resource":"Issue","field":"body","code":"custom","message":"body is too long"}],
            "documentation_url":"https://docs.github.com/rest","status":"422"}"#;
        let errors = read(body, Some(422));
        let got: Vec<_> = errors.iter().map(|e| (e.code.clone(), e.message.as_str(), e.detail.as_deref())).collect();
        assert_eq!(
            got,
            [
                (text("missing_field"), "Validation Failed", Some("resource: Issue; field: title")),
                (text("custom"), "body is too long", Some("resource: Issue; field: body")),
            ]
        );
        // Without an `errors` list: the message with the status as code.
        let body = r#"{"message":"Bad credentials","documentation_url":"https://docs.github.com/rest","status":"401"}"#;
        let e = one(body, Some(401));
        assert_eq!((e.vendor, e.code, e.message.as_str(), e.retry), (Vendor::Json, Code::Num(401), "Bad credentials", Retry::Reauth));
        // The body's own status stands for one the caller did not give.
        assert_eq!(one(body, None).code, Code::Num(401));
        // An empty `errors` list: the body's message still.
        let body = r#"{"message":"Validation Failed","errors":[],"documentation_url":"https://docs.github.com/rest"}"#;
        assert_eq!(one(body, None).message, "Validation Failed");
        // A redirect carries the same members: a success status says it is none.
        let moved = r#"{"message":"Moved Permanently","url":"https://x/y","documentation_url":"https://docs.github.com/rest"}"#;
        assert!(read(moved, Some(301)).is_empty());
        // A body without a message of its own keeps the code's generic text.
        assert_eq!(one(r#"{"errors":[{"code":"E1"}]}"#, None).message, "json error E1");
    }

    #[test]
    fn stripe_errors_say_type_decline_code_and_param() {
        let body = r#"{"error":{"type":"card_error","code":"card_declined","decline_code":"insufficient_funds",
            "message":"Your card has insufficient funds.","param":"","doc_url":"https://x/card-declined"}}"#;
        let e = one(body, Some(402));
        assert_eq!((e.code, e.message.as_str()), (text("card_declined"), "Your card has insufficient funds."));
        assert_eq!(e.detail.as_deref(), Some("type: card_error; decline_code: insufficient_funds"));
        // Without a code the type is the code, and not said twice.
        let e = one(r#"{"error":{"type":"api_error","message":"Something went wrong."}}"#, Some(500));
        assert_eq!((e.code, e.detail, e.retry.class()), (text("api_error"), None, RetryClass::Transient));
    }

    #[test]
    fn retry_after_applies() {
        let opts = Options::new().status(429).header("Retry-After", "30");
        let e = read_with(r#"{"error":{"code":429,"message":"slow","status":"RESOURCE_EXHAUSTED"}}"#, &opts).remove(0);
        assert_eq!(e.retry, Retry::Throttled { after: Some(std::time::Duration::from_secs(30)) });
    }

    /// A body cut short: its report, which must say the break.
    fn cut(body: &str, status: Option<u16>) -> crate::Report {
        let opts = status.map_or_else(Options::new, |s| Options::new().status(s));
        let report = crate::from_slice(body.as_bytes(), &opts).unwrap();
        assert!(matches!(report.incomplete, Some(crate::ParseError::Truncated { .. })), "{body}: {report:?}");
        assert!(report.errors.iter().all(|e| e.incomplete), "{body}: {report:?}");
        report
    }

    #[test]
    fn a_problem_cut_short_needs_its_message_and_a_decided_code() {
        let head = r#"{"type":"https://x.example/probs/down","title":"Down for maintenance""#;
        // Its status and detail were to come: the response's status decides.
        let e = cut(&format!("{head},\"sta"), Some(503)).errors.remove(0);
        assert_eq!((e.code, e.message.as_str()), (text("https://x.example/probs/down"), "Down for maintenance"));
        assert_eq!(e.retry.class(), RetryClass::Transient);
        // Without a status from anywhere the class is not known.
        assert_eq!(crate::from_slice(head.as_bytes(), &Options::new()).unwrap_err().offset(), head.len() as u64);
        // Its own status read: that decides, as for a whole body.
        let e = cut(&format!("{head},\"status\":503,\"detail\":\"Back at 6"), None).errors.remove(0);
        assert_eq!((e.code, e.retry.class()), (text("https://x.example/probs/down"), RetryClass::Transient));
        // `about:blank` (or no type) takes its code from a status that may be still to come.
        let report = cut(r#"{"type":"about:blank","title":"Not Found","#, Some(404));
        assert_eq!((report.errors[0].vendor, report.errors[0].code.clone()), (Vendor::Http, Code::Num(404)));
        // A type without a title or detail: no message read.
        assert_eq!(cut(r#"{"type":"https://x.example/probs/down","#, Some(503)).errors[0].vendor, Vendor::Http);
    }

    #[test]
    fn github_and_hinted_messages_cut_short_need_their_code() {
        let body = r#"{"message":"Bad credentials","documentation_url":"https://docs.github.com/rest","#;
        assert_eq!(cut(body, Some(401)).errors[0].code, Code::Num(401));
        assert!(crate::from_slice(body.as_bytes(), &Options::new()).is_err());
        let opts = Options::new().vendor(VendorHint::Json);
        assert!(crate::from_slice(br#"{"message":"Nope","co"#, &opts).is_err());
        let e = crate::from_slice(br#"{"code":"E42","message":"Nope","#, &opts).unwrap().errors.remove(0);
        assert_eq!((e.code, e.incomplete), (text("E42"), true));
    }

    #[test]
    fn bodies_cut_before_anything_decisive() {
        for body in ["{", "[", "[{", r#"{"errors":["#, r#"{"errors":[{"code":"E1","message":"Na"#, r#"{"error":{"code":"E1""#]
        {
            let err = crate::from_slice(body.as_bytes(), &Options::new()).unwrap_err();
            assert!(matches!(err, crate::ParseError::Truncated { .. }), "{body}: {err}");
            let report = cut(body, Some(502));
            assert_eq!((report.errors.len(), report.errors[0].vendor), (1, Vendor::Http), "{body}");
            assert!(report.errors[0].detail.as_deref().unwrap().contains("body ends early"), "{body}");
        }
    }

    #[test]
    fn a_failed_read_keeps_the_complete_entries() {
        struct Reset<'a>(&'a [u8]);
        impl std::io::Read for Reset<'_> {
            fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
                if self.0.is_empty() {
                    return Err(std::io::Error::new(std::io::ErrorKind::ConnectionReset, "peer reset"));
                }
                let n = out.len().min(self.0.len()).min(5);
                out[..n].copy_from_slice(&self.0[..n]);
                self.0 = &self.0[n..];
                Ok(n)
            }
        }
        let body = br#"[{"message":"Bad field","errorCode":"bad_field"},{"message":"Too lo"#;
        let report = crate::from_reader(std::io::BufReader::new(Reset(body)), &Options::new().status(400)).unwrap();
        assert_eq!(report.errors.len(), 1);
        assert_eq!((report.errors[0].code.clone(), report.errors[0].incomplete), (text("bad_field"), true));
        assert!(matches!(report.incomplete, Some(crate::ParseError::Io { .. })), "{report:?}");
    }

    #[test]
    fn a_body_malformed_before_its_end_is_not_cut() {
        let err = crate::from_slice(br#"{"errors":[{"code":"E1","message":"m"} {"#, &Options::new()).unwrap_err();
        assert!(matches!(err, crate::ParseError::Json { .. }), "{err}");
        let report = crate::from_slice(br#"{"errors":["a" "b"]}"#, &Options::new().status(400)).unwrap();
        assert_eq!((report.errors[0].vendor, report.errors[0].incomplete), (Vendor::Http, false));
    }
}
