//! Soraco Quick License Manager: the license server's XML fragment,
//! `<QuickLicenseManager>`, read as a document of its own or as escaped text
//! inside a SOAP response (the method's `...Result`, or its `response` out
//! parameter) or an ASP.NET `<string>` wrapper.
//!
//! The fragment reports a failure with an `<error>` element holding a
//! message. Where a numeric `EServerErrorCode` is given — as an `errorCode`
//! or `serverErrorCode` element (any case) beside or inside `<error>`, or as
//! a `code`/`errorCode` attribute of `<error>` (QLM does not document which;
//! all are read) — it is the code. A message-only error gets the code whose
//! catalog description is exactly its text (so "The license key is not
//! valid" is 205); failing that, **code 200 (`License_Error`, generic
//! license error)**, permanent. Codes 0 (no error) and 226 (activation
//! count decremented) are successes and never reported.
//!
//! # Auto-detection
//!
//! What auto-detection claims for `qlm`, beside the other vendors and in
//! their order: [`detection`](crate::detection#qlm).
//!
//! # Codes and retry classes
//!
#![doc = include_str!("../catalog/qlm.md")]
#![doc = include_str!("../../docs/catalog/qlm.md")]

use crate::catalog;
use crate::catalog::Entry;
use crate::emit::{Emitter, Halt, Stopped};
use crate::error::VendorError;
use crate::parse_error::ParseError;
use crate::text::{Capped, CappedString};
use crate::vendor::{Code, Vendor, VendorHint, parse_decimal};
use crate::vendors::table::Reader;
use crate::vendors::{Ctx, operation_of};
use crate::xml::{self, Element, Source};

/// Longest escaped fragment read from a SOAP or `<string>` wrapper (signed
/// success fragments run to a few KiB).
const MAX_EMBEDDED_BYTES: usize = 64 * 1024;

/// The code for a message-only error that matches no description.
const GENERIC_LICENSE_ERROR: i64 = 200;

/// Is this element a QLM fragment root?
fn is_fragment_root<S: Source>(root: &Element<'_, S>) -> bool {
    root.local_name() == "QuickLicenseManager"
}

/// A code written as text: a number only.
fn code_text(text: &str) -> Option<i64> {
    parse_decimal(text.trim())
}

/// Is this element (or leaf) name one QLM gives its code in?
fn is_code_name(name: &str) -> bool {
    name.eq_ignore_ascii_case("errorCode") || name.eq_ignore_ascii_case("serverErrorCode")
}

/// Reads a `<QuickLicenseManager>` fragment.
fn read_fragment<S: Source>(root: Element<'_, S>, ctx: Ctx<'_>, out: &mut Emitter) -> Result<(), Halt> {
    if let Some(e) = fragment_error(root, ctx)? {
        out.push(e)?;
    }
    Ok(())
}

/// The error a `<QuickLicenseManager>` fragment reports, if any.
fn fragment_error<S: Source>(mut root: Element<'_, S>, ctx: Ctx<'_>) -> Result<Option<VendorError>, ParseError> {
    let max = ctx.limits.max_message_bytes;
    let mut message: Option<Capped> = None;
    let mut code = None;
    while let Some(child) = root.next_child()? {
        let local = child.local_name();
        if local.eq_ignore_ascii_case("error") {
            code =
                code.or_else(|| child.attr("code").or_else(|| child.attr("errorCode")).as_deref().and_then(code_text));
            // The message is the error's own text; a code element inside is read too.
            let mut text = CappedString::new(max);
            let leaves = child.leaves(8, max)?;
            for leaf in leaves.items() {
                if is_code_name(leaf.name()) {
                    code = code.or_else(|| code_text(leaf.text));
                } else {
                    text.push(leaf.text);
                }
            }
            let mut kept = text.finish();
            kept.truncated |= leaves.truncated;
            message = Some(kept);
        } else if is_code_name(local) {
            let text = child.text(64)?.text;
            code = code.or_else(|| code_text(&text));
        }
    }
    let message = message.filter(|m| !m.text.is_empty());
    let informational = |c: i64| catalog::entry(Vendor::Qlm, &Code::Num(c)).is_some_and(|e| e.informational);
    let code = match (code, &message) {
        (Some(c), _) if informational(c) => return Ok(None),
        (Some(c), _) => c,
        (None, Some(m)) => code_for_message(&m.text),
        (None, None) => return Ok(None),
    };
    let truncated = message.as_ref().is_some_and(|m| m.truncated);
    let mut e = ctx.catalog_error(Vendor::Qlm, Code::Num(code), message.map(|m| m.text));
    e.truncated |= truncated;
    Ok(Some(e))
}

/// The code whose description is `message` (ignoring case and a final
/// period), else the generic license error.
fn code_for_message(message: &str) -> i64 {
    let wanted = message.trim().trim_end_matches('.');
    catalog::entries(Vendor::Qlm)
        .iter()
        .find(|e| !e.informational && e.description.trim_end_matches('.').eq_ignore_ascii_case(wanted))
        .and_then(|e| e.num())
        .unwrap_or(GENERIC_LICENSE_ERROR)
}

/// Reads escaped text as a QLM fragment; nothing when it is not one (or is
/// not well-formed: nothing is invented from a broken fragment).
fn read_embedded(text: &str, ctx: Ctx<'_>, out: &mut Emitter) -> Result<(), Stopped> {
    let text = text.trim_start_matches('\u{feff}').trim_start();
    if !text.starts_with('<') {
        return Ok(());
    }
    let read = xml::read_embedded(text, ctx.limits, |root| match is_fragment_root(&root) {
        true => fragment_error(root, ctx),
        false => Ok(None),
    });
    match read {
        Ok(Some(e)) => out.push(e),
        _ => Ok(()),
    }
}

/// Reads an element whose text may be an escaped fragment. One with child
/// elements holds no string: it is passed over, not read for its text (a
/// method's records, on a service that only looks like QLM's).
fn read_wrapper<S: Source>(wrapper: Element<'_, S>, ctx: Ctx<'_>, out: &mut Emitter) -> Result<(), Halt> {
    match wrapper.leaf_text(MAX_EMBEDDED_BYTES)? {
        Some(kept) if !kept.truncated => Ok(read_embedded(&kept.text, ctx, out)?),
        _ => Ok(()),
    }
}

/// Should this SOAP body item be read as QLM's? QLM is an ASP.NET service:
/// its items are `PascalCaseResponse`.
fn claims_item<S: Source>(item: &Element<'_, S>, ctx: Ctx<'_>) -> bool {
    let local = item.local_name();
    ctx.named(VendorHint::Qlm)
        || ctx.may_read(VendorHint::Qlm)
            && local.len() > "Response".len()
            && local.ends_with("Response")
            && local.starts_with(|c: char| c.is_ascii_uppercase())
}

/// Reads a SOAP method response: its `...Result` and `response` parts.
fn read_soap_item<S: Source>(mut item: Element<'_, S>, ctx: Ctx<'_>, out: &mut Emitter) -> Result<(), Halt> {
    // The operation's name outlives the borrow of `item`: copied to the
    // stack when it fits, so that a success body allocates nothing here.
    let mut inline = [0u8; 96];
    let on_heap: String;
    let operation = match operation_of(item.local_name()) {
        op if op.len() <= inline.len() => {
            inline[..op.len()].copy_from_slice(op.as_bytes());
            std::str::from_utf8(&inline[..op.len()]).unwrap_or_default()
        }
        op => {
            on_heap = op.to_owned();
            on_heap.as_str()
        }
    };
    while let Some(part) = item.next_child()? {
        let local = part.local_name();
        let is_result = local.strip_suffix("Result") == Some(operation);
        if is_result || local.eq_ignore_ascii_case("response") || ctx.named(VendorHint::Qlm) {
            read_wrapper(part, ctx, out)?;
        }
    }
    Ok(())
}

/// Quick License Manager in the vendor table.
pub(crate) struct Qlm;

impl Reader for Qlm {
    const CATALOG: &'static [Entry] = catalog::qlm::ENTRIES;

    fn claims_item<S: Source>(item: &Element<'_, S>, ctx: Ctx<'_>) -> bool {
        claims_item(item, ctx)
    }

    fn read_item<S: Source>(item: Element<'_, S>, ctx: Ctx<'_>, out: &mut Emitter) -> Result<(), Halt> {
        read_soap_item(item, ctx, out)
    }

    /// A `<QuickLicenseManager>` fragment, or the `<string>` ASP.NET's HTTP
    /// GET/POST bindings wrap a string result in.
    fn claims_root<S: Source>(root: &Element<'_, S>, ctx: Ctx<'_>) -> bool {
        ctx.may_read(VendorHint::Qlm) && (is_fragment_root(root) || root.local_name() == "string")
    }

    fn read_root<S: Source>(root: Element<'_, S>, ctx: Ctx<'_>, out: &mut Emitter) -> Result<(), Halt> {
        match is_fragment_root(&root) {
            true => read_fragment(root, ctx, out),
            false => read_wrapper(root, ctx, out),
        }
    }
}
