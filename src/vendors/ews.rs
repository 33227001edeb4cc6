//! Microsoft Exchange Web Services: SOAP faults with an EWS response code,
//! and `ResponseClass="Error"` response messages.
//!
//! Faults: a fault is EWS's when its code is in the EWS types namespace
//! (`a:ErrorServerBusy`) or its detail holds an entry in the EWS errors
//! namespace. The code is the detail's `ResponseCode`, else the fault code's
//! local name; the message the detail's `Message`, else the fault string.
//! EWS throttles with HTTP 500 and an `ErrorServerBusy` fault whose
//! `MessageXml` holds `<t:Value Name="BackOffMilliseconds">`: that delay is
//! the error's own back-off (the longer of it and `Retry-After` wins).
//!
//! Response messages: in a method response of the messages namespace
//! (`m:GetItemResponse`), each `m:ResponseMessages` child with
//! `ResponseClass="Error"` gives one error: `ResponseCode`, `MessageText`,
//! and a `BackOffMilliseconds` value in its `MessageXml` if any; `command`
//! is the operation (`GetItem`) and `index` the message's position (one per
//! item of the request). `Warning` messages (`ErrorBatchProcessingStopped`:
//! not processed because an earlier item failed) and `Success` ones are not
//! errors. A response that carries `ResponseClass` itself, or holds a single
//! `ResponseMessage` (operations without a `ResponseMessages` list), is read
//! as one message, without `index`.
//!
//! # Auto-detection
//!
//! What auto-detection claims for `ews`, beside the other vendors and in
//! their order: [`detection`](crate::detection#ews).
//!
//! # Codes and retry classes
//!
#![doc = include_str!("../catalog/ews.md")]
#![doc = include_str!("../../docs/catalog/ews.md")]

use crate::catalog::{self, Entry};
use crate::vendors::table::Reader;
use std::time::Duration;

use crate::emit::{Emitter, Halt};
use crate::error::VendorError;
use crate::retry::Evidence;
use crate::soap::Fault;
use crate::vendor::{Code, Vendor, VendorHint};
use crate::vendors::{Ctx, operation_of};
use crate::xml::{Element, Leaves, Source};

const MESSAGES_NS: &str = "http://schemas.microsoft.com/exchange/services/2006/messages";
const TYPES_NS: &str = "http://schemas.microsoft.com/exchange/services/2006/types";
const ERRORS_NS: &str = "http://schemas.microsoft.com/exchange/services/2006/errors";

/// The leaf path of EWS's back-off value in `MessageXml`.
const BACK_OFF: &str = "Value[BackOffMilliseconds]";

/// Most leaves read from one `MessageXml`.
const MAX_LEAVES: usize = 16;

/// `BackOffMilliseconds` from leaves, as a delay.
fn back_off(leaves: &Leaves) -> Option<Duration> {
    let millis: u64 = leaves.at(BACK_OFF)?.trim().parse().ok()?;
    Some(Duration::from_millis(millis))
}

/// The EWS code a fault carries, if this reader claims it.
fn fault_code(fault: &Fault, ctx: Ctx<'_>) -> Option<Code> {
    if !ctx.may_read(VendorHint::Ews) {
        return None;
    }
    let ours = fault.code.ns.as_deref() == Some(TYPES_NS) || fault.detail.child_in(|ns| ns == ERRORS_NS).is_some();
    if !ours && !ctx.named(VendorHint::Ews) {
        return None;
    }
    let from_detail = fault.detail.at("ResponseCode").map(str::trim).filter(|c| !c.is_empty());
    let likely = from_detail.is_some() || fault.code.local().starts_with("Error");
    let insisted = ctx.named(VendorHint::Ews) && likely;
    if !(ours || insisted) {
        return None;
    }
    let code = from_detail.unwrap_or(fault.code.local());
    (!code.is_empty()).then(|| Code::text(code))
}

/// The fault as an EWS error with `code` (from [`fault_code`]).
fn fault_error(fault: Fault, code: Code, ctx: Ctx<'_>) -> VendorError {
    let from_detail = fault.detail.at("Message").map(str::trim).filter(|m| !m.is_empty()).map(str::to_owned);
    let lang = fault.reason().filter(|_| from_detail.is_none()).and_then(|r| r.lang.clone());
    let message = from_detail.or_else(|| fault.reason().map(|r| r.text.clone()));
    let evidence = Evidence { backoff: back_off(&fault.detail), ..fault.evidence(ctx.evidence()) };
    let mut e = ctx.catalog_error_with(Vendor::Ews, code, message, evidence);
    e.lang = lang;
    fault.move_context_into(&mut e, ctx.limits);
    e
}

/// Should this SOAP body item be read as EWS's?
fn claims_item<S: Source>(item: &Element<'_, S>, ctx: Ctx<'_>) -> bool {
    ctx.named(VendorHint::Ews) || ctx.may_read(VendorHint::Ews) && item.namespace() == Some(MESSAGES_NS)
}

/// Reads a method response: its response messages of class `Error`.
fn read_response<S: Source>(mut item: Element<'_, S>, ctx: Ctx<'_>, out: &mut Emitter) -> Result<(), Halt> {
    let command = operation_of(item.local_name()).to_owned();
    if item.attr("ResponseClass").is_some() {
        return read_message(item, &command, None, ctx, out);
    }
    while let Some(mut child) = item.next_child()? {
        if child.local_name() == "ResponseMessages" {
            let mut index = 0u32;
            while let Some(message) = child.next_child()? {
                let position = index;
                index = index.saturating_add(1);
                read_message(message, &command, Some(position), ctx, out)?;
            }
        } else if child.attr("ResponseClass").is_some() {
            // A single message without a list (`GetUserOofSettings`).
            read_message(child, &command, None, ctx, out)?;
        }
    }
    Ok(())
}

/// One response message: an error when its class is `Error`.
fn read_message<S: Source>(
    mut message: Element<'_, S>,
    command: &str,
    index: Option<u32>,
    ctx: Ctx<'_>,
    out: &mut Emitter,
) -> Result<(), Halt> {
    let is_error = message.attr("ResponseClass").is_some_and(|c| c.trim() == "Error");
    if !is_error {
        return Ok(());
    }
    let max = ctx.limits.max_message_bytes;
    let (mut code, mut text, mut truncated, mut delay) = (None, None, false, None);
    while let Some(child) = message.next_child()? {
        match child.local_name() {
            "ResponseCode" => code = Some(child.text(max)?.text),
            "MessageText" => {
                let kept = child.text(max)?;
                truncated |= kept.truncated;
                text = Some(kept.text);
            }
            "MessageXml" => delay = back_off(&child.leaves(MAX_LEAVES, max)?),
            // Items, folders and the like: the payload, skipped unread.
            _ => {}
        }
    }
    let Some(code) = code.filter(|c| !c.is_empty()) else { return Ok(()) };
    let evidence = Evidence { backoff: delay, ..ctx.evidence() };
    let mut e = ctx.catalog_error_with(Vendor::Ews, Code::text(code), text, evidence);
    e.truncated |= truncated;
    e.command = Some(command.to_owned());
    e.index = index;
    out.push(e)?;
    Ok(())
}

/// Exchange Web Services in the vendor table.
pub(crate) struct Ews;

impl Reader for Ews {
    const CATALOG: &'static [Entry] = catalog::ews::ENTRIES;

    fn read_fault(fault: &mut Fault, ctx: Ctx<'_>) -> Option<VendorError> {
        let code = fault_code(fault, ctx)?;
        Some(fault_error(std::mem::take(fault), code, ctx))
    }

    fn claims_item<S: Source>(item: &Element<'_, S>, ctx: Ctx<'_>) -> bool {
        claims_item(item, ctx)
    }

    fn read_item<S: Source>(item: Element<'_, S>, ctx: Ctx<'_>, out: &mut Emitter) -> Result<(), Halt> {
        read_response(item, ctx, out)
    }
}
