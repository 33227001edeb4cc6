//! eBay's base components (`urn:ebay:apis:eBLBaseComponents`): the response
//! shape eBay's Trading and Shopping APIs and PayPal's classic SOAP API share,
//! read for both (`ebay.rs`, `paypal.rs`). Not a profile: the response's
//! `Ack` gates what a profile's `[[element]]` rule cannot.
//!
//! A response (`<Call>Response`, a document element or a SOAP body item)
//! holds an `Ack` and zero or more `Errors` (eBay's and PayPal's
//! `ErrorType`: `ShortMessage`, `LongMessage`, `ErrorCode`, `SeverityCode`,
//! eBay's `ErrorClassification`, `ErrorParameters`), before the call's own
//! payload; items of a batch carry their own error entries deeper down
//! (eBay's `AddItemResponseContainer/Errors`, PayPal's
//! `PaymentInfo/PaymentError` for each payment of a parallel payment, both
//! `ErrorType`).
//!
//! - `Ack`: `Success`, `Warning` (eBay) and `SuccessWithWarning` (PayPal)
//!   are successes; `Failure`, `FailureWithWarning`, `PartialFailure` (eBay)
//!   and `PartialSuccess` (PayPal) say that something failed.
//! - An entry is an error when its `SeverityCode` is `Error`; one without a
//!   `SeverityCode` (public NVP captures show PayPal leaving it empty) is an
//!   error unless the `Ack` read before it is a success. `Warning` entries
//!   (and PayPal's `PartialSuccess` severity) are not errors. An entry nested
//!   in the payload (an item's) counts only when the `Ack` is not a success:
//!   below a successful call it is data.
//! - When the `Ack` says something failed and no entry was an error, the
//!   call's failure is still reported: with the first entry's code and
//!   message when there is one (the vendor's own explanation, if only a
//!   warning), else with the `Ack` word as the code.
//!
//! Each error: `ErrorCode` as the code (a number), `LongMessage` (else
//! `ShortMessage`) as the message, the `ErrorParameters` values in `detail`,
//! the operation as `command` (`GetItem` for `GetItemResponse`); an item's
//! error has `index`, its item's position among the same-named items
//! (`PaymentInfo` 0, 1, ...). The class is the catalog's; for a code without
//! a row, eBay's `ErrorClassification` (`SystemError` transient,
//! `RequestError` permanent), else the common chain.
//!
//! A SOAP `Fault` met in the response is read as a fault, as everywhere in
//! a body.

use crate::emit::{Emitter, Halt};
use crate::retry::{Evidence, RetryClass};
use crate::soap;
use crate::vendor::{Code, Vendor};
use crate::vendors::{Ctx, operation_of};
use crate::xml::{Element, Leaves, Source};

/// eBay's base components namespace: eBay's responses, and the common
/// children of PayPal's.
pub(crate) const EBL_NS: &str = "urn:ebay:apis:eBLBaseComponents";

/// How deep below the response element the walk looks for item errors.
const MAX_DEPTH: u32 = 32;

/// Most leaves read from one error entry.
const MAX_LEAVES: usize = 32;

/// Most `ErrorParameters` values kept in `detail`.
const MAX_PARAMETERS: usize = 8;

/// What an `Ack` says of the call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ack {
    /// `Success`, `Warning`, `SuccessWithWarning`.
    Success,
    /// `Failure`, `FailureWithWarning`, `PartialFailure`, `PartialSuccess`.
    Failed,
    /// `CustomCode`, or a word neither vendor documents.
    Other,
}

impl Ack {
    fn parse(word: &str) -> Ack {
        match word {
            "Success" | "Warning" | "SuccessWithWarning" => Ack::Success,
            "Failure" | "FailureWithWarning" | "PartialFailure" | "PartialSuccess" => Ack::Failed,
            _ => Ack::Other,
        }
    }
}

/// One error entry as read.
struct Entry {
    code: Option<Code>,
    message: Option<String>,
    severity: Option<String>,
    class: Option<RetryClass>,
    detail: Option<String>,
    truncated: bool,
}

/// The walk over one response.
struct Walk<'c> {
    vendor: Vendor,
    ctx: Ctx<'c>,
    command: String,
    ack: Option<(Ack, String)>,
    reported: bool,
    /// The first entry met, for a failed `Ack` without an error entry.
    first: Option<(Code, Option<String>)>,
}

/// Reads one response element (a document element or a SOAP body item) of
/// `vendor`: see the module docs.
pub(crate) fn read_response<S: Source>(
    mut response: Element<'_, S>,
    vendor: Vendor,
    ctx: Ctx<'_>,
    out: &mut Emitter,
) -> Result<(), Halt> {
    let command = operation_of(response.local_name()).to_owned();
    let mut walk = Walk { vendor, ctx, command, ack: None, reported: false, first: None };
    let mut siblings = Siblings::default();
    while let Some(child) = response.next_child()? {
        let position = siblings.next(child.local_name());
        walk.visit(child, 0, None, position, out)?;
    }
    walk.finish(out)
}

/// Positions of consecutive same-named siblings (repeated elements of a
/// schema sequence are consecutive).
#[derive(Default)]
struct Siblings {
    last: String,
    count: u32,
}

impl Siblings {
    /// The position of the next sibling, named `local`.
    fn next(&mut self, local: &str) -> u32 {
        if self.last == local {
            self.count = self.count.saturating_add(1);
        } else {
            self.last.clear();
            self.last.push_str(local);
            self.count = 0;
        }
        self.count
    }
}

impl Walk<'_> {
    /// One element below the response: `depth` 0 for the response's
    /// children; `item` the position of the item (the parent) it sits in,
    /// `position` its own among its same-named siblings.
    fn visit<S: Source>(
        &mut self,
        mut el: Element<'_, S>,
        depth: u32,
        item: Option<u32>,
        position: u32,
        out: &mut Emitter,
    ) -> Result<(), Halt> {
        if soap::is_soap(&el, "Fault") {
            let ctx = self.ctx;
            return soap::read_fault_salvaging(el, ctx.limits, out, |fault| super::fault_error(fault, ctx));
        }
        match el.local_name() {
            "Ack" if depth == 0 => {
                let word = el.text(32)?.text;
                self.ack = Some((Ack::parse(word.trim()), word.trim().to_owned()));
            }
            "Errors" | "PaymentError" => {
                let entry = read_entry(el, self.ctx)?;
                self.entry(entry, depth, item, out)?;
            }
            _ if depth < MAX_DEPTH => {
                let mut siblings = Siblings::default();
                while let Some(child) = el.next_child()? {
                    let child_position = siblings.next(child.local_name());
                    self.visit(child, depth + 1, Some(position), child_position, out)?;
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// Is the call known to have succeeded (an `Ack` read that says so)?
    fn succeeded(&self) -> bool {
        matches!(self.ack, Some((Ack::Success, _)))
    }

    /// An entry: reported when it is an error (see the module docs).
    fn entry(&mut self, entry: Entry, depth: u32, item: Option<u32>, out: &mut Emitter) -> Result<(), Halt> {
        let code = entry.code.clone().or_else(|| entry.message.is_some().then(|| Code::from("unknown")));
        let Some(code) = code else { return Ok(()) };
        if self.first.is_none() {
            self.first = Some((code.clone(), entry.message.clone()));
        }
        let is_error = match entry.severity.as_deref() {
            None | Some("") => !self.succeeded(),
            Some(word) => word.eq_ignore_ascii_case("Error") && (depth == 0 || !self.succeeded()),
        };
        if !is_error {
            return Ok(());
        }
        let evidence = Evidence { catalog: entry.class, ..self.ctx.evidence() };
        let mut e = self.ctx.catalog_error_with(self.vendor, code, entry.message, evidence);
        e.command = Some(self.command.clone());
        e.index = if depth == 0 { None } else { item };
        e.detail = entry.detail;
        e.truncated |= entry.truncated;
        self.reported = true;
        out.push(e)?;
        Ok(())
    }

    /// After the response: a failed `Ack` with no error entry is reported.
    fn finish(self, out: &mut Emitter) -> Result<(), Halt> {
        let Some((Ack::Failed, word)) = self.ack else { return Ok(()) };
        if self.reported {
            return Ok(());
        }
        let (code, message) = match self.first {
            Some((code, message)) => (code, message),
            None => {
                let text = format!("{} {}: Ack {word} without an error entry", self.vendor, self.command);
                (Code::from(word.as_str()), Some(crate::text::collapse_whitespace(&text, self.ctx.limits.max_message_bytes).text))
            }
        };
        let mut e = self.ctx.catalog_error(self.vendor, code, message);
        e.command = Some(self.command);
        out.push(e)?;
        Ok(())
    }
}

/// Reads one `ErrorType` entry.
fn read_entry<S: Source>(el: Element<'_, S>, ctx: Ctx<'_>) -> Result<Entry, Halt> {
    let leaves = el.leaves(MAX_LEAVES, ctx.limits.max_message_bytes)?;
    let text = |name: &str| leaves.named(name).map(str::trim).filter(|t| !t.is_empty());
    let code = text("ErrorCode").map(Code::parse);
    let message = text("LongMessage").or_else(|| text("ShortMessage")).map(str::to_owned);
    let severity = leaves.named("SeverityCode").map(|s| s.trim().to_owned());
    let class = match text("ErrorClassification") {
        Some("SystemError") => Some(RetryClass::Transient),
        Some("RequestError") => Some(RetryClass::Permanent),
        _ => None,
    };
    let (detail, detail_cut) = parameters(&leaves, ctx.limits.max_detail_bytes);
    Ok(Entry { code, message, severity, class, detail, truncated: leaves.truncated || detail_cut })
}

/// The `ErrorParameters` values, as `ErrorParameters: a, b`.
fn parameters(leaves: &Leaves, max: usize) -> (Option<String>, bool) {
    let mut out = crate::text::CappedString::new(max);
    let mut count = 0;
    for leaf in leaves.items().filter(|l| l.path.starts_with("ErrorParameters")) {
        if count == MAX_PARAMETERS {
            break;
        }
        out.push(if count == 0 { "ErrorParameters: " } else { ", " });
        out.push_words(leaf.text);
        count += 1;
    }
    let kept = out.finish();
    ((count > 0).then_some(kept.text), kept.truncated)
}
