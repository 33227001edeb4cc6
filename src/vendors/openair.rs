//! NetSuite OpenAir (SuiteProjects Pro): the XML API's `status` attributes
//! and `<errors>`, SOAP faults with OpenAir codes, and the SOAP API's
//! `oaError`s inside command results.
//!
//! XML API (`<response>` root, no namespace):
//! - `<response status="N">text</response>`: the request was rejected as
//!   malformed; one permanent error, code N, the parser's text as message.
//! - each child of `<response>` is a command (any name) with its own
//!   `status`; every one not `0` is an error carrying the command's name and
//!   its 0-based position among the commands. The message is the `<errors>`
//!   content (plain text; or, if structured, its `text`, `comment` or
//!   `message` leaf), else the catalog's description. Successful commands are
//!   skipped at event-loop speed however large.
//!
//! SOAP API:
//! - a fault whose code is a number in the envelope namespace
//!   (`SOAP-ENV:9`), or whose `detail/Error/code` is a number, is an OpenAir
//!   error with that code. When both are given and differ, the detail's typed
//!   `code` wins; `fault_code` keeps the fault code as written.
//! - in a normal response, every `errors` array of a command result holds
//!   `oaError`s (`code`, `text`, `comment`); each is one error carrying the
//!   command (`add` for `addResponse`) and the result's position.
//!   Auto-detection claims them when they are typed `oaError` (`xsi:type`
//!   or the array's `SOAP-ENC:arrayType`); `--vendor openair` reads untyped
//!   ones too. Record data (`objects`) is skipped.
//!
//! Codes without a catalog entry are permanent, with a generic message.

use crate::error::VendorError;
use crate::parse_error::ParseError;
use crate::report::Report;
use crate::retry::Retry;
use crate::soap::{Fault, SOAP11_NS, SOAP12_NS};
use crate::vendor::{Code, Vendor, VendorHint, parse_decimal};
use crate::vendors::{Ctx, catalog_error};
use crate::xml::cursor::{Leaf, render_leaves};
use crate::xml::source::EventSource;
use crate::xml::text::Kept;
use crate::xml::{Cursor, Node};

const XSI_NS: &str = "http://www.w3.org/2001/XMLSchema-instance";
const SOAP_ENC_NS: &str = "http://schemas.xmlsoap.org/soap/encoding/";

/// Most leaves read from one `<errors>` or `oaError`.
const MAX_LEAVES: usize = 16;

fn openair_error(code: Code, message: Option<String>) -> VendorError {
    catalog_error(Vendor::OpenAir, code, message)
}

/// A status attribute's value as a code: `None` for success (`0`), and in
/// auto mode for anything that is not a number (then it is not OpenAir's).
fn status_code(status: &str, ctx: Ctx<'_>) -> Option<Code> {
    let status = status.trim();
    match parse_decimal(status) {
        Some(0) => None,
        Some(n) => Some(Code::Num(n)),
        None if ctx.insists(VendorHint::OpenAir) && !status.is_empty() => Some(Code::Text(status.to_owned())),
        None => None,
    }
}

/// Is the current (root) element the XML API's `<response>`?
pub(crate) fn is_xml_api_root<S: EventSource>(cur: &Cursor<S>) -> bool {
    cur.local_name() == "response" && cur.namespace().is_none()
}

/// Reads an XML API `<response>`.
pub(crate) fn read_xml_api<S: EventSource>(
    cur: &mut Cursor<S>,
    response: Node,
    ctx: Ctx<'_>,
    report: &mut Report,
) -> Result<(), ParseError> {
    let limits = ctx.limits;
    if let Some(code) = cur.attr("status").and_then(|s| status_code(&s, ctx)) {
        let Kept { text, truncated } = cur.text(response, limits.max_message_bytes)?;
        let mut e = openair_error(code, Some(text));
        // The request itself was malformed: sending it again fails again,
        // whatever the code's class elsewhere ("unknown error" for 1).
        e.retry = Retry::Permanent;
        e.name = Some("Request not parsed".to_owned());
        e.truncated = truncated;
        report.push(e, limits.max_errors);
        return Ok(());
    }
    let mut index = 0u32;
    while let Some(command) = cur.next_child(response)? {
        let position = index;
        index = index.saturating_add(1);
        let Some(code) = cur.attr("status").and_then(|s| status_code(&s, ctx)) else {
            continue;
        };
        let name = cur.local_name().to_owned();
        let (message, detail) = read_command_errors(cur, command, ctx)?;
        let mut e = openair_error(code, message.as_ref().map(|m| m.text.clone()));
        e.truncated = message.is_some_and(|m| m.truncated) || detail.as_ref().is_some_and(|d| d.truncated);
        e.detail = detail.map(|d| d.text);
        e.command = Some(name);
        e.index = Some(position);
        report.push(e, limits.max_errors);
    }
    Ok(())
}

/// The message and detail of a failed command's first `<errors>` child.
fn read_command_errors<S: EventSource>(
    cur: &mut Cursor<S>,
    command: Node,
    ctx: Ctx<'_>,
) -> Result<(Option<Kept>, Option<Kept>), ParseError> {
    while let Some(child) = cur.next_child(command)? {
        if cur.local_name() != "errors" {
            continue;
        }
        let (leaves, truncated) = cur.leaves(child, MAX_LEAVES, ctx.limits.max_message_bytes)?;
        return Ok(match leaves.as_slice() {
            [] => (None, None),
            [only] if only.path.is_empty() => (Some(Kept { text: only.text.clone(), truncated }), None),
            structured => {
                let message = ["text", "comment", "message", "description"]
                    .iter()
                    .find_map(|name| leaf(structured, name))
                    .map(|text| Kept { text: text.to_owned(), truncated });
                (message, Some(render_leaves(structured, ctx.limits.max_detail_bytes)))
            }
        });
    }
    Ok((None, None))
}

/// The text of the first leaf whose last path segment is `name`.
fn leaf<'a>(leaves: &'a [Leaf], name: &str) -> Option<&'a str> {
    leaves.iter().find(|l| l.path.rsplit('/').next() == Some(name) && !l.text.is_empty()).map(|l| l.text.as_str())
}

/// The OpenAir code a fault carries, if this reader claims it.
pub(crate) fn fault_code(fault: &Fault, ctx: Ctx<'_>) -> Option<i64> {
    if !ctx.allows(VendorHint::OpenAir) {
        return None;
    }
    let in_envelope_ns = matches!(fault.code.ns.as_deref(), None | Some(SOAP11_NS | SOAP12_NS));
    let from_code = parse_decimal(&fault.code.local).filter(|_| in_envelope_ns);
    let from_detail = fault.detail_leaf("Error/code").and_then(parse_decimal);
    match (from_detail, from_code) {
        (Some(detail), _) if from_code.is_some() || ctx.insists(VendorHint::OpenAir) => Some(detail),
        (_, code) => code,
    }
}

/// The fault as an OpenAir error with `code` (from [`fault_code`]).
pub(crate) fn fault_error(fault: Fault, code: i64, ctx: Ctx<'_>) -> VendorError {
    let message = fault.reason().map(|r| r.text.clone());
    let lang = fault.reason().and_then(|r| r.lang.clone());
    let mut e = openair_error(Code::Num(code), message);
    e.lang = lang;
    fault.move_context_into(&mut e, ctx.limits);
    e
}

/// Reads a SOAP body item (a method's response) for `oaError`s.
pub(crate) fn read_soap_results<S: EventSource>(
    cur: &mut Cursor<S>,
    item: Node,
    ctx: Ctx<'_>,
    report: &mut Report,
) -> Result<(), ParseError> {
    let name = cur.local_name();
    let command = name.strip_suffix("Response").unwrap_or(name).to_owned();
    walk_results(cur, item, 0, &command, ctx, report)
}

/// Walks `node` (at `position` among its siblings) looking for `errors` arrays.
fn walk_results<S: EventSource>(
    cur: &mut Cursor<S>,
    node: Node,
    position: u32,
    command: &str,
    ctx: Ctx<'_>,
    report: &mut Report,
) -> Result<(), ParseError> {
    let mut index = 0u32;
    while let Some(child) = cur.next_child(node)? {
        let child_position = index;
        index = index.saturating_add(1);
        match cur.local_name() {
            "errors" => read_oa_errors(cur, child, position, command, ctx, report)?,
            // Record data: nothing to find there, skipped at full speed.
            "objects" => {}
            _ => walk_results(cur, child, child_position, command, ctx, report)?,
        }
    }
    Ok(())
}

fn is_true(value: Option<String>) -> bool {
    value.is_some_and(|v| matches!(v.trim(), "true" | "1"))
}

/// One error per `oaError` in an `errors` array.
fn read_oa_errors<S: EventSource>(
    cur: &mut Cursor<S>,
    errors: Node,
    position: u32,
    command: &str,
    ctx: Ctx<'_>,
    report: &mut Report,
) -> Result<(), ParseError> {
    if is_true(cur.attr_ns(XSI_NS, "nil")) {
        return Ok(());
    }
    let array_of_oa = cur.attr_ns(SOAP_ENC_NS, "arrayType").is_some_and(|t| t.contains("oaError"));
    while let Some(item) = cur.next_child(errors)? {
        let typed = array_of_oa || cur.attr_ns(XSI_NS, "type").is_some_and(|t| t.ends_with("oaError"));
        if !typed && !ctx.insists(VendorHint::OpenAir) {
            continue;
        }
        let (leaves, truncated) = cur.leaves(item, MAX_LEAVES, ctx.limits.max_message_bytes)?;
        let Some(code) = leaf(&leaves, "code").map(|c| Code::parse(c.trim())) else {
            continue;
        };
        let text = leaf(&leaves, "text");
        let comment = leaf(&leaves, "comment");
        let mut e = openair_error(code, text.or(comment).map(str::to_owned));
        if text.is_some() {
            e.detail = comment.map(str::to_owned);
        }
        e.truncated = truncated;
        e.command = Some(command.to_owned());
        e.index = Some(position);
        report.push(e, ctx.limits.max_errors);
    }
    Ok(())
}
