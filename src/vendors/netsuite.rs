//! NetSuite SuiteTalk SOAP web services: faults carrying a `platformFaults`
//! element, and in-band `status` elements of write and read responses.
//!
//! Faults: the detail holds one fault element in a
//! `urn:faults_<version>.platform.webservices.netsuite.com` namespace
//! (`invalidSessionFault`, `exceededConcurrentRequestLimitFault`, ...) with
//! `code` and `message`. The code is that `code` (`WS_CONCUR_SESSION_DISALLWD`),
//! the message that `message` (else the fault string), and the fault
//! element's name is the error's `name`. When the catalog lacks the code, the
//! fault type's row gives the class (an unknown code in an
//! `invalidSessionFault` is still a session to renew).
//!
//! In-band: in a method response of the messages namespace
//! (`urn:messages_<version>.platform.webservices.netsuite.com`), every
//! `status` whose `isSuccess` attribute is `false` gives one error per
//! `statusDetail` of `type="ERROR"` (`code`, `message`); `WARN` and `INFO`
//! details are not errors. `command` is the operation (`add` for
//! `addResponse`, `addList` for `addListResponse`) and `index` the position
//! of the `writeResponse`/`readResponse` among its siblings (none for the
//! status of the whole list). Record data (`record`, `recordList`,
//! `baseRef`, `searchRowList`) is skipped unread.
//!
//! # Auto-detection
//!
//! What auto-detection claims for `netsuite`, beside the other vendors and in
//! their order: [`detection`](crate::detection#netsuite).
//!
//! # Codes and retry classes
//!
#![doc = include_str!("../catalog/netsuite.md")]
#![doc = include_str!("../../docs/catalog/netsuite.md")]

use crate::catalog;
use crate::catalog::Entry;
use crate::emit::{Emitter, Halt};
use crate::error::VendorError;
use crate::parse_error::ParseError;
use crate::retry::Evidence;
use crate::soap::Fault;
use crate::text::Capped;
use crate::vendor::{Code, Vendor, VendorHint};
use crate::vendors::table::Reader;
use crate::vendors::{Ctx, operation_of};
use crate::xml::{Element, Source};

/// Any SuiteTalk namespace: `urn:<kind>_<version>.platform.webservices.netsuite.com`.
fn is_netsuite_ns(ns: &str) -> bool {
    ns.starts_with("urn:") && ns.ends_with(".platform.webservices.netsuite.com")
}

/// The faults namespace, any version.
fn is_faults_ns(ns: &str) -> bool {
    ns.starts_with("urn:faults_") && is_netsuite_ns(ns)
}

/// The code and fault type a fault carries, if this reader claims it.
fn fault_code(fault: &Fault, ctx: Ctx<'_>) -> Option<(Code, String)> {
    if !ctx.may_read(VendorHint::NetSuite) {
        return None;
    }
    let entry = fault.detail.child_in(is_faults_ns).or_else(|| {
        let insisted = ctx.named(VendorHint::NetSuite);
        fault.detail.children().find(|c| insisted && c.local.ends_with("Fault"))
    })?;
    let code = fault.detail.at(&format!("{}/code", entry.local)).map(str::trim).filter(|c| !c.is_empty());
    // The fault type stands in for a missing code, but not for one the cut
    // may have taken: that fault is read generically.
    if code.is_none() && fault.cut {
        return None;
    }
    Some((Code::text(code.unwrap_or(entry.local)), entry.local.to_owned()))
}

/// The fault as a NetSuite error (from [`fault_code`]).
fn fault_error(fault: Fault, code: Code, fault_type: String, ctx: Ctx<'_>) -> VendorError {
    let message = fault
        .detail
        .at(&format!("{fault_type}/message"))
        .map(str::trim)
        .filter(|m| !m.is_empty())
        .map(str::to_owned)
        .or_else(|| fault.reason().map(|r| r.text.clone()));
    let by_type = catalog::entry(Vendor::NetSuite, &Code::text(fault_type.as_str())).map(|e| e.retry);
    let evidence = Evidence { catalog: by_type, ..fault.evidence(ctx.evidence()) };
    let mut e = ctx.catalog_error_with(Vendor::NetSuite, code, message, evidence);
    e.name = Some(fault_type);
    fault.move_context_into(&mut e, ctx.limits);
    e
}

/// Should this SOAP body item be read as NetSuite's?
fn claims_item<S: Source>(item: &Element<'_, S>, ctx: Ctx<'_>) -> bool {
    ctx.named(VendorHint::NetSuite)
        || ctx.may_read(VendorHint::NetSuite) && item.namespace().is_some_and(is_netsuite_ns)
}

/// Reads a method response for failed statuses.
fn read_response<S: Source>(item: Element<'_, S>, ctx: Ctx<'_>, out: &mut Emitter) -> Result<(), Halt> {
    let command = operation_of(item.local_name()).to_owned();
    walk(item, None, &command, ctx, out)
}

/// Looks for `status` elements under `node`, which is the item at `index`.
fn walk<S: Source>(
    mut node: Element<'_, S>,
    index: Option<u32>,
    command: &str,
    ctx: Ctx<'_>,
    out: &mut Emitter,
) -> Result<(), Halt> {
    let mut position = 0u32;
    while let Some(child) = node.next_child()? {
        match child.local_name() {
            "status" => read_status(child, index, command, ctx, out)?,
            "writeResponse" | "readResponse" => {
                let item = position;
                position = position.saturating_add(1);
                walk(child, Some(item), command, ctx, out)?;
            }
            // Record data: nothing to find there, skipped at full speed.
            "record" | "recordList" | "baseRef" | "searchRowList" => {}
            _ => walk(child, index, command, ctx, out)?,
        }
    }
    Ok(())
}

/// A `status`: nothing when it succeeded, else one error per ERROR detail.
fn read_status<S: Source>(
    mut status: Element<'_, S>,
    index: Option<u32>,
    command: &str,
    ctx: Ctx<'_>,
    out: &mut Emitter,
) -> Result<(), Halt> {
    let failed = status.attr("isSuccess").is_some_and(|v| v.trim() == "false");
    if !failed {
        return Ok(());
    }
    while let Some(detail) = status.next_child()? {
        let is_error = detail.local_name() == "statusDetail"
            && detail.attr("type").is_some_and(|t| t.trim().eq_ignore_ascii_case("ERROR"));
        if !is_error {
            continue;
        }
        if let Some(mut e) = read_detail(detail, ctx)? {
            e.command = Some(command.to_owned());
            e.index = index;
            out.push(e)?;
        }
    }
    Ok(())
}

/// One ERROR `statusDetail`: its `code` and `message`; `None` without a code.
fn read_detail<S: Source>(mut detail: Element<'_, S>, ctx: Ctx<'_>) -> Result<Option<VendorError>, ParseError> {
    let max = ctx.limits.max_message_bytes;
    let (mut code, mut message) = (None, Capped::default());
    while let Some(child) = detail.next_child()? {
        match child.local_name() {
            "code" => code = Some(child.text(max)?.text),
            "message" => message = child.text(max)?,
            _ => {}
        }
    }
    let Some(code) = code.filter(|c| !c.is_empty()) else { return Ok(None) };
    let mut e = ctx.catalog_error(Vendor::NetSuite, Code::text(code), Some(message.text));
    e.truncated |= message.truncated;
    Ok(Some(e))
}

/// NetSuite SuiteTalk in the vendor table.
pub(crate) struct NetSuite;

impl Reader for NetSuite {
    const CATALOG: &'static [Entry] = catalog::netsuite::ENTRIES;

    fn read_fault(fault: &mut Fault, ctx: Ctx<'_>) -> Option<VendorError> {
        let (code, fault_type) = fault_code(fault, ctx)?;
        Some(fault_error(std::mem::take(fault), code, fault_type, ctx))
    }

    fn claims_item<S: Source>(item: &Element<'_, S>, ctx: Ctx<'_>) -> bool {
        claims_item(item, ctx)
    }

    fn read_item<S: Source>(item: Element<'_, S>, ctx: Ctx<'_>, out: &mut Emitter) -> Result<(), Halt> {
        read_response(item, ctx, out)
    }
}
