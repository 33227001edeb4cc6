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
//!
//! # Auto-detection
//!
//! What auto-detection claims for `openair`, beside the other vendors and in
//! their order: [`detection`](crate::detection#openair).
//!
//! # Codes and retry classes
//!
#![doc = include_str!("../catalog/openair.md")]
#![doc = include_str!("../../docs/catalog/openair.md")]

use crate::catalog::{self, Entry};
use crate::vendors::table::Reader;
use std::borrow::Cow;

use crate::emit::{Emitter, Halt};
use crate::error::VendorError;
use crate::parse_error::ParseError;
use crate::retry::{Evidence, RetryClass};
use crate::soap::{self, Fault, is_envelope_ns};
use crate::text::{Capped, collapse_whitespace};
use crate::vendor::{Code, Vendor, VendorHint, parse_decimal};
use crate::vendors::{Ctx, operation_of};
use crate::xml::{Element, Leaves, Source};

const XSI_NS: &str = "http://www.w3.org/2001/XMLSchema-instance";
const SOAP_ENC_NS: &str = "http://schemas.xmlsoap.org/soap/encoding/";

/// Most leaves read from one `<errors>` or `oaError`.
const MAX_LEAVES: usize = 16;

/// The leaves an `<errors>` element's message may be in, by preference.
const MESSAGE_LEAVES: [&str; 4] = ["text", "comment", "message", "description"];

/// A status attribute's value as a code: `None` for success (`0`), and in
/// auto mode for anything that is not a number (then it is not OpenAir's).
fn status_code(status: &str, ctx: Ctx<'_>) -> Option<Code> {
    let status = status.trim();
    match parse_decimal(status) {
        Some(0) => None,
        Some(n) => Some(Code::Num(n)),
        // The attribute's text, cut as a body's text is (it is not capped on its way in).
        None if ctx.named(VendorHint::OpenAir) && !status.is_empty() => {
            Some(Code::text(collapse_whitespace(status, ctx.limits.max_message_bytes).text))
        }
        None => None,
    }
}

/// Is this (root) element the XML API's `<response>`?
fn is_xml_api_root<S: Source>(root: &Element<'_, S>) -> bool {
    root.local_name() == "response" && root.namespace().is_none()
}

/// Reads an XML API `<response>`.
fn read_xml_api<S: Source>(mut response: Element<'_, S>, ctx: Ctx<'_>, out: &mut Emitter) -> Result<(), Halt> {
    let limits = ctx.limits;
    if let Some(code) = response.attr("status").and_then(|s| status_code(&s, ctx)) {
        let Capped { text, truncated } = response.text(limits.max_message_bytes)?;
        // The request itself was malformed: sending it again fails again,
        // whatever the code's class elsewhere ("unknown error" for 1).
        let verdict = Evidence { stated: Some(RetryClass::Permanent), ..ctx.evidence() };
        let mut e = ctx.catalog_error_with(Vendor::OpenAir, code, Some(text), verdict);
        e.name = Some("Request not parsed".to_owned());
        e.truncated |= truncated;
        out.push(e)?;
        return Ok(());
    }
    let mut index = 0u32;
    while let Some(command) = response.next_child()? {
        let position = index;
        index = index.saturating_add(1);
        let Some(code) = command.attr("status").and_then(|s| status_code(&s, ctx)) else {
            continue;
        };
        let name = command.local_name().to_owned();
        let (message, detail) = read_command_errors(command, ctx)?;
        let mut e = ctx.catalog_error(Vendor::OpenAir, code, message.as_ref().map(|m| m.text.clone()));
        e.truncated |= message.is_some_and(|m| m.truncated) || detail.as_ref().is_some_and(|d| d.truncated);
        e.detail = detail.map(|d| d.text);
        e.command = Some(name);
        e.index = Some(position);
        out.push(e)?;
    }
    Ok(())
}

/// The message and detail of a failed command's first `<errors>` child.
fn read_command_errors<S: Source>(
    mut command: Element<'_, S>,
    ctx: Ctx<'_>,
) -> Result<(Option<Capped>, Option<Capped>), ParseError> {
    while let Some(child) = command.next_child()? {
        if child.local_name() != "errors" {
            continue;
        }
        let leaves = child.leaves(MAX_LEAVES, ctx.limits.max_message_bytes)?;
        let truncated = leaves.truncated;
        let mut items = leaves.items();
        return Ok(match (items.next(), items.next()) {
            (None, _) => (None, None),
            (Some(only), None) if only.path.is_empty() => {
                (Some(Capped { text: only.text.to_owned(), truncated }), None)
            }
            _ => {
                let message = MESSAGE_LEAVES
                    .iter()
                    .find_map(|name| leaves.named(name))
                    .map(|text| Capped { text: text.to_owned(), truncated });
                (message, Some(leaves.render(ctx.limits.max_detail_bytes)))
            }
        });
    }
    Ok((None, None))
}

/// The OpenAir code a fault carries, if this reader claims it.
fn fault_code(fault: &Fault, ctx: Ctx<'_>) -> Option<i64> {
    if !ctx.may_read(VendorHint::OpenAir) {
        return None;
    }
    let ns = fault.code.ns.as_deref();
    let in_envelope_ns = ns.is_none() || is_envelope_ns(ns);
    let from_code = parse_decimal(fault.code.local()).filter(|_| in_envelope_ns);
    if from_code.is_none() && !ctx.named(VendorHint::OpenAir) {
        return None;
    }
    let from_detail = fault.detail.at("Error/code").and_then(parse_decimal);
    match (from_detail, from_code) {
        (Some(detail), _) if from_code.is_some() || ctx.named(VendorHint::OpenAir) => Some(detail),
        (_, code) => code,
    }
}

/// The fault as an OpenAir error with `code` (from [`fault_code`]).
fn fault_error(fault: Fault, code: i64, ctx: Ctx<'_>) -> VendorError {
    let message = fault.reason().map(|r| r.text.clone());
    let lang = fault.reason().and_then(|r| r.lang.clone());
    let mut e = ctx.catalog_error_with(Vendor::OpenAir, Code::Num(code), message, fault.evidence(ctx.evidence()));
    e.lang = lang;
    fault.move_context_into(&mut e, ctx.limits);
    e
}

/// Reads a SOAP body item (a method's response) for `oaError`s.
fn read_soap_results<S: Source>(item: Element<'_, S>, ctx: Ctx<'_>, out: &mut Emitter) -> Result<(), Halt> {
    let command = operation_of(item.local_name()).to_owned();
    walk_results(item, 0, &command, ctx, out)
}

/// Walks `node` (at `position` among its siblings) looking for `errors` arrays.
fn walk_results<S: Source>(
    mut node: Element<'_, S>,
    position: u32,
    command: &str,
    ctx: Ctx<'_>,
    out: &mut Emitter,
) -> Result<(), Halt> {
    let mut index = 0u32;
    while let Some(child) = node.next_child()? {
        let child_position = index;
        index = index.saturating_add(1);
        match child.local_name() {
            "errors" => read_oa_errors(child, position, command, ctx, out)?,
            // A SOAP fault nested in the results (any server may wrap one).
            "Fault" if soap::is_soap(&child, "Fault") => {
                soap::read_fault_salvaging(child, ctx.limits, out, |fault| super::fault_error(fault, ctx))?;
            }
            // Record data: nothing to find there, skipped at full speed.
            "objects" => {}
            _ => walk_results(child, child_position, command, ctx, out)?,
        }
    }
    Ok(())
}

fn is_true(value: Option<Cow<'_, str>>) -> bool {
    value.is_some_and(|v| matches!(v.trim(), "true" | "1"))
}

/// One error per `oaError` in an `errors` array.
fn read_oa_errors<S: Source>(
    mut errors: Element<'_, S>,
    position: u32,
    command: &str,
    ctx: Ctx<'_>,
    out: &mut Emitter,
) -> Result<(), Halt> {
    if is_true(errors.attr_ns(XSI_NS, "nil")) {
        return Ok(());
    }
    let array_of_oa = errors.attr_ns(SOAP_ENC_NS, "arrayType").is_some_and(|t| t.contains("oaError"));
    while let Some(item) = errors.next_child()? {
        let typed = array_of_oa || item.attr_ns(XSI_NS, "type").is_some_and(|t| t.ends_with("oaError"));
        if !typed && !ctx.named(VendorHint::OpenAir) {
            continue;
        }
        let leaves: Leaves = item.leaves(MAX_LEAVES, ctx.limits.max_message_bytes)?;
        let Some(code) = leaves.named("code").map(|c| Code::parse(c.trim())) else {
            continue;
        };
        let text = leaves.named("text");
        let comment = leaves.named("comment");
        let mut e = ctx.catalog_error(Vendor::OpenAir, code, text.or(comment).map(str::to_owned));
        if text.is_some() {
            e.detail = comment.map(str::to_owned);
        }
        e.truncated |= leaves.truncated;
        e.command = Some(command.to_owned());
        e.index = Some(position);
        out.push(e)?;
    }
    Ok(())
}

/// NetSuite OpenAir in the vendor table.
pub(crate) struct OpenAir;

impl Reader for OpenAir {
    const CATALOG: &'static [Entry] = catalog::openair::ENTRIES;

    fn read_fault(fault: &mut Fault, ctx: Ctx<'_>) -> Option<VendorError> {
        let code = fault_code(fault, ctx)?;
        Some(fault_error(std::mem::take(fault), code, ctx))
    }

    /// Every method response: OpenAir's results walk reads every element
    /// (nested faults too), so it comes after the readers that claim by
    /// namespace or name.
    fn claims_item<S: Source>(_item: &Element<'_, S>, ctx: Ctx<'_>) -> bool {
        ctx.may_read(VendorHint::OpenAir)
    }

    fn read_item<S: Source>(item: Element<'_, S>, ctx: Ctx<'_>, out: &mut Emitter) -> Result<(), Halt> {
        read_soap_results(item, ctx, out)
    }

    fn claims_root<S: Source>(root: &Element<'_, S>, ctx: Ctx<'_>) -> bool {
        ctx.may_read(VendorHint::OpenAir) && is_xml_api_root(root)
    }

    fn read_root<S: Source>(root: Element<'_, S>, ctx: Ctx<'_>, out: &mut Emitter) -> Result<(), Halt> {
        read_xml_api(root, ctx, out)
    }
}
