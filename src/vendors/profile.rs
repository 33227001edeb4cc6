//! The reader of vendor profiles ([`Profile`]): a vendor taught without
//! code. Profiles are tried before the built-in vendors, in the order given.
//!
//! When a profile claims a body:
//! - under its own hint (`--vendor NAME`, [`Profile::hint`]) it reads every
//!   body, whatever its signals;
//! - under `auto`, only where a `[detect]` signal is present in what it
//!   looks at: a SOAP fault whose code is a QName in a matching namespace,
//!   or whose detail has a child element in one; a SOAP body item (a
//!   method response) in a matching namespace; a document element (XML that
//!   is not SOAP) whose local name is one of `roots` or whose namespace
//!   matches; a JSON body whose top-level object has one of `json_keys`. A
//!   profile without `[detect]` reads only under its hint.
//!
//! What it reads:
//! - a SOAP fault it claims is its error: the code from the `[fault]` paths
//!   in the detail, else the fault code's local name; the message from the
//!   `[fault]` paths, else the fault's `faultstring` / `Reason`; the
//!   fault's context (fault code as written, subcodes, actor, detail) kept;
//! - a document element or SOAP body item it claims is walked whole (at
//!   most [`MAX_WALK_DEPTH`] levels below it; a SOAP `Fault` met on the way
//!   is read as a fault, as everywhere in a body), and each element whose
//!   local-name path ends with an `[[element]]` rule's `at` is read by the
//!   first such rule (its leaves, at most [`MAX_LEAVES`], also rendered as
//!   the error's `detail`); `index` is its position among the elements
//!   that rule matched;
//! - a JSON body it claims is read by each `[[json]]` rule in order; a
//!   value an earlier rule matched is not read again.
//!
//! The class comes from the retry chain with the profile's `[codes]` as the
//! vendor catalog; a delay the body gives is the vendor's own back-off (the
//! larger of it and `Retry-After` wins, then the cap).

use std::collections::HashSet;
use std::sync::Arc;
use std::time::Duration;

use serde_json::Value;

use super::Ctx;
use crate::emit::{Emitter, Halt, Stopped};
use crate::error::VendorError;
use crate::profile::Profile;
use crate::profile::rules::ElementRule;
use crate::retry::Evidence;
use crate::soap::{self, Fault};
use crate::vendor::Code;
use crate::xml::{Element, Source};

/// Most leaves read from one matched element.
const MAX_LEAVES: usize = 64;

/// How far below a claimed element the walk looks for rule matches.
const MAX_WALK_DEPTH: u32 = 256;

/// The profiles a body may be read with: all of them under `auto`, the one
/// named under its hint, none under a built-in vendor's hint.
fn allowed<'a>(ctx: Ctx<'a>) -> impl Iterator<Item = &'a Profile> {
    ctx.profiles.iter().map(Arc::as_ref).filter(move |p| ctx.may_read(p.hint()))
}

/// Was this profile named by the hint (so it reads without signals)?
fn named(profile: &Profile, ctx: Ctx<'_>) -> bool {
    ctx.named(profile.hint())
}

/// A profile's error with `code`: name, description and class from its
/// `[codes]` and the chain; the message is `message` when the body gave one.
fn profile_error(
    profile: &Profile,
    code: Code,
    message: Option<String>,
    backoff: Option<Duration>,
    ctx: Ctx<'_>,
    evidence: Evidence<'_>,
) -> VendorError {
    let entry = profile.entry(&code);
    let mut truncated = false;
    let description = entry.and_then(|e| e.description.clone()).filter(|d| !d.is_empty());
    let message = message.filter(|m| !m.is_empty()).or(description).unwrap_or_else(|| {
        let said = super::generic_message(profile.name().as_str(), &code, ctx.limits.max_message_bytes);
        truncated = said.truncated;
        said.text
    });
    let evidence = Evidence { catalog: entry.map(|e| e.retry), backoff, ..evidence };
    let mut e = VendorError::new(profile.vendor(), code, message, crate::retry::decide(&evidence));
    e.name = entry.and_then(|e| e.name.clone());
    e.truncated = truncated;
    e
}

/// The fault as the first allowed profile that claims it reads it (taken
/// out of `fault`); `None` when none does.
pub(crate) fn read_fault(fault: &mut Fault, ctx: Ctx<'_>) -> Option<VendorError> {
    let profile = allowed(ctx).find(|p| named(p, ctx) || fault_has_signal(p, fault))?;
    let (code, message, backoff) = match profile.fault_rule() {
        Some(rule) => rule.read(|| fault.detail.items().map(|l| (l.path, l.text))),
        None => (None, None, None),
    };
    let code = code.unwrap_or_else(|| match fault.code.local() {
        "" => Code::from("Fault"),
        local => Code::parse(local),
    });
    let message = message.map(str::to_owned).or_else(|| fault.reason().map(|r| r.text.clone()));
    let lang = fault.reason().filter(|r| message.as_deref() == Some(r.text.as_str())).and_then(|r| r.lang.clone());
    let evidence = fault.evidence(ctx.evidence());
    let mut e = profile_error(profile, code, message, backoff, ctx, evidence);
    e.lang = lang;
    std::mem::take(fault).move_context_into(&mut e, ctx.limits);
    Some(e)
}

/// A namespace signal in a fault: its code's QName, or a detail child.
fn fault_has_signal(profile: &Profile, fault: &Fault) -> bool {
    let code_ns = fault.code.ns.as_deref().filter(|ns| !soap::is_envelope_ns(Some(ns)));
    code_ns.is_some_and(|ns| profile.claims_namespace(ns))
        || fault.detail.child_in(|ns| profile.claims_namespace(ns)).is_some()
}

/// Reads a document element (XML that is not SOAP) with the first allowed
/// profile that claims it, or hands it back.
pub(crate) fn read_root<'c, S: Source>(
    root: Element<'c, S>,
    ctx: Ctx<'_>,
    out: &mut Emitter,
) -> Result<Option<Element<'c, S>>, Halt> {
    read_claimed(root, ctx, out, |p, root| p.claims_root(root.local_name()))
}

/// Reads a SOAP body item with the first allowed profile that claims it,
/// or hands it back.
pub(crate) fn read_item<'c, S: Source>(
    item: Element<'c, S>,
    ctx: Ctx<'_>,
    out: &mut Emitter,
) -> Result<Option<Element<'c, S>>, Halt> {
    read_claimed(item, ctx, out, |_, _| false)
}

/// Reads `el` with the first allowed profile with `[[element]]` rules that
/// claims it (named, its namespace, or `also`), or hands it back.
fn read_claimed<'c, S: Source>(
    el: Element<'c, S>,
    ctx: Ctx<'_>,
    out: &mut Emitter,
    also: impl Fn(&Profile, &Element<'c, S>) -> bool,
) -> Result<Option<Element<'c, S>>, Halt> {
    let in_ns = |p: &Profile| el.namespace().is_some_and(|ns| p.claims_namespace(ns));
    let claims = |p: &Profile| !p.element_rules().is_empty() && (named(p, ctx) || in_ns(p) || also(p, &el));
    let found = allowed(ctx).find(|p| claims(p));
    match found {
        Some(profile) => read_elements(profile, el, ctx, out).map(|()| None),
        None => Ok(Some(el)),
    }
}

/// The local names from the claimed element down to the current one, in
/// one buffer (no allocation per element once it has grown).
#[derive(Default)]
struct NamePath {
    names: String,
    ends: Vec<usize>,
}

impl NamePath {
    fn push(&mut self, local: &str) {
        self.names.push_str(local);
        self.ends.push(self.names.len());
    }

    fn pop(&mut self) {
        self.ends.pop();
        self.names.truncate(self.ends.last().copied().unwrap_or(0));
    }

    /// The names, innermost first.
    fn rev(&self) -> impl Iterator<Item = &str> {
        (0..self.ends.len()).rev().map(|i| {
            let start = if i == 0 { 0 } else { self.ends[i - 1] };
            &self.names[start..self.ends[i]]
        })
    }
}

/// What a walk over a claimed element keeps: the profile, the path and the
/// matches counted per rule.
struct Walk<'p> {
    profile: &'p Profile,
    path: NamePath,
    matched: Vec<u32>,
}

/// Walks a claimed element with the profile's `[[element]]` rules.
fn read_elements<S: Source>(
    profile: &Profile,
    top: Element<'_, S>,
    ctx: Ctx<'_>,
    out: &mut Emitter,
) -> Result<(), Halt> {
    let mut walk = Walk { profile, path: NamePath::default(), matched: vec![0; profile.element_rules().len()] };
    walk.visit(top, 0, ctx, out)
}

impl Walk<'_> {
    /// One element: read as an error when a rule matches it, else walked
    /// into (within [`MAX_WALK_DEPTH`]).
    fn visit<S: Source>(
        &mut self,
        mut el: Element<'_, S>,
        depth: u32,
        ctx: Ctx<'_>,
        out: &mut Emitter,
    ) -> Result<(), Halt> {
        if soap::is_soap(&el, "Fault") {
            // A SOAP fault anywhere in the body is reported, as everywhere.
            return soap::read_fault_salvaging(el, ctx.limits, out, |fault| super::fault_error(fault, ctx));
        }
        self.path.push(el.local_name());
        let rules = self.profile.element_rules();
        if let Some(at) = rules.iter().position(|r| r.at().matches_rev(self.path.rev())) {
            let index = self.matched[at];
            self.matched[at] = index.saturating_add(1);
            self.read_match(&rules[at], el, index, ctx, out)?;
        } else if depth < MAX_WALK_DEPTH {
            while let Some(child) = el.next_child()? {
                self.visit(child, depth + 1, ctx, out)?;
            }
        }
        self.path.pop();
        Ok(())
    }

    /// A matched element: its error, if the rule finds one.
    fn read_match<S: Source>(
        &self,
        rule: &ElementRule,
        el: Element<'_, S>,
        index: u32,
        ctx: Ctx<'_>,
        out: &mut Emitter,
    ) -> Result<(), Halt> {
        let leaves = el.leaves(MAX_LEAVES, ctx.limits.max_message_bytes)?;
        let Some(found) = rule.read(|| leaves.items().map(|l| (l.path, l.text))) else { return Ok(()) };
        let message = found.message.map(str::to_owned);
        let mut e = profile_error(self.profile, found.code, message, found.retry_after, ctx, ctx.evidence());
        e.index = Some(index);
        // The element's leaves, as a fault's detail is given: for logs.
        let detail = leaves.render(ctx.limits.max_detail_bytes);
        e.truncated |= leaves.truncated || detail.truncated;
        e.detail = Some(detail.text).filter(|d| !d.is_empty());
        out.push(e)?;
        Ok(())
    }
}

/// Reads a JSON body with the first allowed profile that claims it; `false`
/// when none does.
pub(crate) fn read_json(body: &Value, ctx: Ctx<'_>, out: &mut Emitter) -> Result<bool, Stopped> {
    let claims = |p: &Profile| named(p, ctx) || p.claims_json(body);
    let Some(profile) = allowed(ctx).find(|p| !p.json_rules().is_empty() && claims(p)) else { return Ok(false) };
    // Values an earlier rule matched, by address: one error each.
    let mut taken: HashSet<*const Value> = HashSet::new();
    let several = profile.json_rules().len() > 1;
    for rule in profile.json_rules() {
        for found in rule.matches(body) {
            if several && !taken.insert(std::ptr::from_ref(found.value)) {
                continue;
            }
            let message = found.message.map(|m| crate::text::collapse_whitespace(&m, ctx.limits.max_message_bytes));
            let truncated = message.as_ref().is_some_and(|m| m.truncated);
            let mut e =
                profile_error(profile, found.code, message.map(|m| m.text), found.retry_after, ctx, ctx.evidence());
            e.index = u32::try_from(found.index).ok();
            e.truncated |= truncated;
            out.push(e)?;
        }
    }
    Ok(true)
}
