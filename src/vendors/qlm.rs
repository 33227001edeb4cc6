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

use crate::catalog::{self, EntryCode};
use crate::parse_error::ParseError;
use crate::report::Report;
use crate::vendor::{Code, Vendor, VendorHint, parse_decimal};
use crate::vendors::{Ctx, catalog_error};
use crate::xml::source::{EventSource, SliceSource};
use crate::xml::text::Kept;
use crate::xml::{Cursor, Node};

/// Longest escaped fragment read from a SOAP or `<string>` wrapper (signed
/// success fragments run to a few KiB).
const MAX_EMBEDDED_BYTES: usize = 64 * 1024;

/// The code for a message-only error that matches no description.
const GENERIC_LICENSE_ERROR: i64 = 200;

/// Is the current element a QLM fragment root?
pub(crate) fn is_fragment_root<S: EventSource>(cur: &Cursor<S>) -> bool {
    cur.local_name() == "QuickLicenseManager"
}

/// A code written as text: a number only.
fn code_text(text: &str) -> Option<i64> {
    parse_decimal(text.trim())
}

/// Reads a `<QuickLicenseManager>` fragment.
pub(crate) fn read_fragment<S: EventSource>(
    cur: &mut Cursor<S>,
    root: Node,
    ctx: Ctx<'_>,
    report: &mut Report,
) -> Result<(), ParseError> {
    let max = ctx.limits.max_message_bytes;
    let mut message: Option<Kept> = None;
    let mut code = None;
    while let Some(child) = cur.next_child(root)? {
        let local = cur.local_name();
        if local.eq_ignore_ascii_case("error") {
            code = code.or_else(|| cur.attr("code").or_else(|| cur.attr("errorCode")).as_deref().and_then(code_text));
            // The message is the error's own text; a code element inside is read too.
            let mut text = crate::xml::text::TextBuilder::new(max);
            let (leaves, truncated) = cur.leaves(child, 8, max)?;
            for leaf in &leaves {
                let name = leaf.path.rsplit('/').next().unwrap_or_default();
                if name.eq_ignore_ascii_case("errorCode") || name.eq_ignore_ascii_case("serverErrorCode") {
                    code = code.or_else(|| code_text(&leaf.text));
                } else {
                    text.push(&leaf.text);
                }
            }
            let mut kept = text.finish();
            kept.truncated |= truncated;
            message = Some(kept);
        } else if local.eq_ignore_ascii_case("errorCode") || local.eq_ignore_ascii_case("serverErrorCode") {
            let text = cur.text(child, 64)?.text;
            code = code.or_else(|| code_text(&text));
        }
    }
    let message = message.filter(|m| !m.text.is_empty());
    let informational = |c: i64| catalog::lookup(Vendor::Qlm, &c.to_string()).is_some_and(|e| e.informational);
    let code = match (code, &message) {
        (Some(c), _) if informational(c) => return Ok(()),
        (Some(c), _) => c,
        (None, Some(m)) => code_for_message(&m.text),
        (None, None) => return Ok(()),
    };
    let truncated = message.as_ref().is_some_and(|m| m.truncated);
    let mut e = catalog_error(Vendor::Qlm, Code::Num(code), message.map(|m| m.text));
    e.truncated = truncated;
    report.push(e, ctx.limits.max_errors);
    Ok(())
}

/// The code whose description is `message` (ignoring case and a final
/// period), else the generic license error.
fn code_for_message(message: &str) -> i64 {
    let wanted = message.trim().trim_end_matches('.');
    catalog::entries(Vendor::Qlm)
        .iter()
        .find(|e| !e.informational && e.description.trim_end_matches('.').eq_ignore_ascii_case(wanted))
        .and_then(|e| match e.code {
            EntryCode::Num(n) => Some(n),
            EntryCode::Text(_) => None,
        })
        .unwrap_or(GENERIC_LICENSE_ERROR)
}

/// Reads escaped text as a QLM fragment; false when it is not one (or is
/// not well-formed: nothing is invented from a broken fragment).
fn read_embedded(text: &str, ctx: Ctx<'_>, report: &mut Report) -> bool {
    let text = text.trim_start_matches('\u{feff}').trim_start();
    if !text.starts_with('<') {
        return false;
    }
    let limits = ctx.limits;
    let mut cur = Cursor::new(SliceSource::new(text.as_bytes(), 0, limits), limits);
    let mut nested = Report::default();
    let read = cur.root().and_then(|root| {
        if !is_fragment_root(&cur) {
            return Ok(false);
        }
        read_fragment(&mut cur, root, ctx, &mut nested)?;
        cur.finish().map(|()| true)
    });
    if !matches!(read, Ok(true)) {
        return false;
    }
    for e in nested.errors {
        report.push(e, limits.max_errors);
    }
    true
}

/// Reads an element whose text may be an escaped fragment.
pub(crate) fn read_wrapper<S: EventSource>(
    cur: &mut Cursor<S>,
    wrapper: Node,
    ctx: Ctx<'_>,
    report: &mut Report,
) -> Result<(), ParseError> {
    let kept = cur.text(wrapper, MAX_EMBEDDED_BYTES)?;
    if !kept.truncated {
        read_embedded(&kept.text, ctx, report);
    }
    Ok(())
}

/// Should this SOAP body item (the cursor is on it) be read as QLM's? QLM
/// is an ASP.NET service: its items are `PascalCaseResponse`.
pub(crate) fn claims_item<S: EventSource>(cur: &Cursor<S>, ctx: Ctx<'_>) -> bool {
    let local = cur.local_name();
    ctx.insists(VendorHint::Qlm)
        || ctx.allows(VendorHint::Qlm)
            && local.len() > "Response".len()
            && local.ends_with("Response")
            && local.starts_with(|c: char| c.is_ascii_uppercase())
}

/// Reads a SOAP method response: its `...Result` and `response` parts.
pub(crate) fn read_soap_item<S: EventSource>(
    cur: &mut Cursor<S>,
    item: Node,
    ctx: Ctx<'_>,
    report: &mut Report,
) -> Result<(), ParseError> {
    let result_part = format!("{}Result", cur.local_name().strip_suffix("Response").unwrap_or_default());
    while let Some(part) = cur.next_child(item)? {
        let local = cur.local_name();
        if local == result_part || local.eq_ignore_ascii_case("response") || ctx.insists(VendorHint::Qlm) {
            read_wrapper(cur, part, ctx, report)?;
        }
    }
    Ok(())
}
