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
//!   value an earlier rule matched is not read again; `index` is its
//!   position among the values the rule's `at` matched, when `at` has a `*`
//!   (a pointer without one matches one value: no `index`).
//!
//! The class comes from the retry chain with the profile's `[codes]` as the
//! vendor catalog; a delay the body gives is the vendor's own back-off (the
//! larger of it and `Retry-After` wins, then the cap).

use std::collections::HashSet;
use std::sync::LazyLock;
use std::time::Duration;

use serde_json::Value;

use super::Ctx;
use crate::emit::{Emitter, Halt, Stopped};
use crate::error::VendorError;
use crate::profile::rules::ElementRule;
use crate::profile::{NsPattern, Profile, ProfileSpec, Rules, builtin_rules};
use crate::retry::Evidence;
use crate::soap::{self, Fault};
use crate::vendor::{Code, Vendor, VendorHint};
use crate::xml::{Element, Source};

/// Most leaves read from one matched element.
const MAX_LEAVES: usize = 64;

/// How far below a claimed element the walk looks for rule matches.
const MAX_WALK_DEPTH: u32 = 256;

/// Who taught a set of rules, and so how its errors are made: a user's
/// [`Profile`] (its name, its `[codes]`) or a built-in vendor written as a
/// profile (its [`Vendor`], its catalog).
#[derive(Debug, Clone, Copy)]
pub(crate) enum Teacher<'a> {
    /// A profile given in [`Options`](crate::Options).
    User(&'a Profile),
    /// A row of the vendor table whose reader is a profile.
    BuiltIn(&'a BuiltinProfile),
}

impl<'a> Teacher<'a> {
    fn rules(self) -> &'a Rules {
        match self {
            Teacher::User(p) => p.rules(),
            Teacher::BuiltIn(b) => b.rules(),
        }
    }

    fn hint(self) -> VendorHint {
        match self {
            Teacher::User(p) => p.hint(),
            Teacher::BuiltIn(b) => b.hint,
        }
    }

    /// Was it named by the hint (so it reads without signals)?
    fn named(self, ctx: Ctx<'_>) -> bool {
        ctx.named(self.hint())
    }

    /// Its error with `code`: name, description and class from its codes
    /// (a profile's `[codes]`, a built-in vendor's catalog) and the chain;
    /// the message is `message` when the body gave one.
    fn error(
        self,
        code: Code,
        message: Option<String>,
        backoff: Option<Duration>,
        ctx: Ctx<'_>,
        evidence: Evidence<'_>,
    ) -> VendorError {
        match self {
            Teacher::User(profile) => profile_error(profile, code, message, backoff, ctx, evidence),
            Teacher::BuiltIn(b) => ctx.catalog_error_with(b.vendor, code, message, Evidence { backoff, ..evidence }),
        }
    }
}

/// The profiles a body may be read with: all of them under `auto`, the one
/// named under its hint, none under a built-in vendor's hint.
fn allowed<'a>(ctx: Ctx<'a>) -> impl Iterator<Item = Teacher<'a>> {
    ctx.profiles.iter().map(|p| Teacher::User(p)).filter(move |t| ctx.may_read(t.hint()))
}

/// A user profile's error with `code`: name, description and class from
/// its `[codes]` and the chain; the message is `message` when the body gave one.
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
    let teacher = allowed(ctx).find(|t| claims_fault(*t, fault, ctx))?;
    Some(fault_error(teacher, fault, ctx))
}

/// Would the rest of a fault cut short leave the code the profile of
/// `vendor` found in the part read as it is (see
/// [`FaultRule::code_is_final`](crate::profile::FaultRule::code_is_final))?
/// True when no profile of `vendor` reads faults: its own reader says.
pub(crate) fn code_is_final(vendor: Vendor, fault: &Fault, ctx: Ctx<'_>) -> bool {
    let rules = match ctx.profiles.iter().find(|p| p.vendor() == vendor) {
        Some(profile) => Some(profile.rules()),
        None => super::builtin::profiles().find(|b| b.vendor == vendor).map(BuiltinProfile::rules),
    };
    rules
        .and_then(Rules::fault_rule)
        .is_none_or(|rule| rule.code_is_final(|| fault.detail.items().map(|l| (l.path, l.text))))
}

/// Does `teacher` claim this fault: named, or a namespace signal in it?
fn claims_fault(teacher: Teacher<'_>, fault: &Fault, ctx: Ctx<'_>) -> bool {
    teacher.named(ctx) || fault_has_signal(teacher.rules(), fault)
}

/// The fault as `teacher` reads it (taken out of `fault`).
fn fault_error(teacher: Teacher<'_>, fault: &mut Fault, ctx: Ctx<'_>) -> VendorError {
    let (code, message, backoff) = match teacher.rules().fault_rule() {
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
    let mut e = teacher.error(code, message, backoff, ctx, evidence);
    e.lang = lang;
    std::mem::take(fault).move_context_into(&mut e, ctx.limits);
    e
}

/// A namespace signal in a fault: its code's QName, or a detail child.
fn fault_has_signal(rules: &Rules, fault: &Fault) -> bool {
    fault_namespaces(fault).any(|ns| rules.claims_namespace(ns))
}

/// The namespaces in a fault that may be a profile's signal: its code's
/// (unless the envelope's), then its detail children's.
fn fault_namespaces(fault: &Fault) -> impl Iterator<Item = &str> {
    let code_ns = fault.code.ns.as_deref().filter(|ns| !soap::is_envelope_ns(Some(ns)));
    code_ns.into_iter().chain(fault.detail.children().filter_map(|c| c.ns))
}

/// Every built-in profile's namespace signals in one list, in the table's
/// order: a fault's namespaces are looked up in it once, rather than once
/// for each profile.
static BUILTIN_SIGNALS: LazyLock<Box<[(&'static NsPattern, &'static BuiltinProfile)]>> = LazyLock::new(|| {
    super::builtin::profiles()
        .flat_map(|profile| profile.rules().namespace_signals().iter().map(move |signal| (signal, profile)))
        .collect()
});

/// The built-in profiles with a namespace signal in a fault: what each
/// one's [`claims_fault`](BuiltinProfile::claims_fault) looks for, found
/// for all of them in one pass.
pub(crate) struct FaultSignals {
    /// The profiles signalled, in the order found.
    found: [Option<&'static BuiltinProfile>; 4],
    /// More were signalled than `found` holds: every profile is asked.
    more: bool,
}

impl FaultSignals {
    /// The signals in `fault`.
    pub(crate) fn of(fault: &Fault) -> FaultSignals {
        let mut signals = FaultSignals { found: [None; 4], more: false };
        for ns in fault_namespaces(fault) {
            for &(signal, profile) in BUILTIN_SIGNALS.iter() {
                if signal.matches(ns) {
                    signals.add(profile);
                }
            }
        }
        signals
    }

    fn add(&mut self, profile: &'static BuiltinProfile) {
        if self.has(profile) {
            return;
        }
        match self.found.iter_mut().find(|slot| slot.is_none()) {
            Some(slot) => *slot = Some(profile),
            None => self.more = true,
        }
    }

    fn has(&self, profile: &BuiltinProfile) -> bool {
        self.more || self.found.iter().flatten().any(|found| std::ptr::eq(*found, profile))
    }

    /// False only when `profile` declines the fault: it may not read
    /// here, or it is neither named nor signalled.
    pub(crate) fn may_be_claimed_by(&self, profile: &BuiltinProfile, ctx: Ctx<'_>) -> bool {
        ctx.may_read(profile.hint) && (ctx.named(profile.hint) || self.has(profile))
    }
}

/// Reads a document element (XML that is not SOAP) with the first allowed
/// profile that claims it, or hands it back.
pub(crate) fn read_root<'c, S: Source>(
    root: Element<'c, S>,
    ctx: Ctx<'_>,
    out: &mut Emitter,
) -> Result<Option<Element<'c, S>>, Halt> {
    match allowed(ctx).find(|t| claims_root(*t, &root, ctx)) {
        Some(teacher) => read_elements(teacher, root, ctx, out).map(|()| None),
        None => Ok(Some(root)),
    }
}

/// Reads a SOAP body item with the first allowed profile that claims it,
/// or hands it back.
pub(crate) fn read_item<'c, S: Source>(
    item: Element<'c, S>,
    ctx: Ctx<'_>,
    out: &mut Emitter,
) -> Result<Option<Element<'c, S>>, Halt> {
    match allowed(ctx).find(|t| claims_item(*t, &item, ctx)) {
        Some(teacher) => read_elements(teacher, item, ctx, out).map(|()| None),
        None => Ok(Some(item)),
    }
}

/// Does `teacher` claim this document element: it has `[[element]]` rules
/// and is named, or the root's name or namespace is a signal?
fn claims_root<S: Source>(teacher: Teacher<'_>, root: &Element<'_, S>, ctx: Ctx<'_>) -> bool {
    claims_item(teacher, root, ctx) || (has_elements(teacher) && teacher.rules().claims_root(root.local_name()))
}

/// Does `teacher` claim this SOAP body item: it has `[[element]]` rules and
/// is named, or the item's namespace is a signal?
fn claims_item<S: Source>(teacher: Teacher<'_>, item: &Element<'_, S>, ctx: Ctx<'_>) -> bool {
    let in_ns = || item.namespace().is_some_and(|ns| teacher.rules().claims_namespace(ns));
    has_elements(teacher) && (teacher.named(ctx) || in_ns())
}

fn has_elements(teacher: Teacher<'_>) -> bool {
    !teacher.rules().element_rules().is_empty()
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

/// What a walk over a claimed element keeps: who taught the rules, the
/// path and the matches counted per rule.
struct Walk<'p> {
    teacher: Teacher<'p>,
    path: NamePath,
    matched: Vec<u32>,
}

/// Walks a claimed element with the `[[element]]` rules.
fn read_elements<S: Source>(
    teacher: Teacher<'_>,
    top: Element<'_, S>,
    ctx: Ctx<'_>,
    out: &mut Emitter,
) -> Result<(), Halt> {
    let rules = teacher.rules().element_rules();
    let mut walk = Walk { teacher, path: NamePath::default(), matched: vec![0; rules.len()] };
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
        let rules = self.teacher.rules().element_rules();
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
        let mut e = self.teacher.error(found.code, message, found.retry_after, ctx, ctx.evidence());
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
    match allowed(ctx).find(|t| claims_json(*t, body, ctx)) {
        Some(teacher) => read_json_with(teacher, body, ctx, out).map(|()| true),
        None => Ok(false),
    }
}

/// Does `teacher` claim this JSON body: it has `[[json]]` rules and is
/// named, or a `json_keys` member is there?
fn claims_json(teacher: Teacher<'_>, body: &Value, ctx: Ctx<'_>) -> bool {
    !teacher.rules().json_rules().is_empty() && (teacher.named(ctx) || teacher.rules().claims_json(body))
}

/// Reads a JSON body `teacher` claimed, rule by rule.
fn read_json_with(teacher: Teacher<'_>, body: &Value, ctx: Ctx<'_>, out: &mut Emitter) -> Result<(), Stopped> {
    let rules = teacher.rules().json_rules();
    // Values an earlier rule matched, by address: one error each.
    let mut taken: HashSet<*const Value> = HashSet::new();
    let several = rules.len() > 1;
    for rule in rules {
        for found in rule.matches(body) {
            if several && !taken.insert(std::ptr::from_ref(found.value)) {
                continue;
            }
            let message = found.message.map(|m| crate::text::collapse_whitespace(&m, ctx.limits.max_message_bytes));
            let truncated = message.as_ref().is_some_and(|m| m.truncated);
            let mut e = teacher.error(found.code, message.map(|m| m.text), found.retry_after, ctx, ctx.evidence());
            e.index = found.index.and_then(|i| u32::try_from(i).ok());
            e.truncated |= truncated;
            out.push(e)?;
        }
    }
    Ok(())
}

/// A built-in vendor whose reader is a profile: its rules, written with
/// [`ProfileSpec`] in its module and compiled on first use, and its
/// catalog (in `src/catalog/`). It reads as a user's profile does (see the
/// module docs), under its vendor's hint and claims; its errors carry its
/// [`Vendor`] and their classes come from its catalog.
#[derive(Debug)]
pub(crate) struct BuiltinProfile {
    vendor: Vendor,
    hint: VendorHint,
    rules: LazyLock<Rules>,
}

impl BuiltinProfile {
    /// The profile of `vendor` (and its `hint`), compiled from `spec` on
    /// first use. A spec that does not compile reads nothing; every
    /// built-in spec is compiled by a test.
    pub(crate) const fn new(vendor: Vendor, hint: VendorHint, spec: fn() -> Rules) -> Self {
        BuiltinProfile { vendor, hint, rules: LazyLock::new(spec) }
    }

    /// The compiled rules.
    pub(crate) fn rules(&self) -> &Rules {
        &self.rules
    }

    fn teacher(&self) -> Teacher<'_> {
        Teacher::BuiltIn(self)
    }

    /// Would [`read_fault`](Self::read_fault) claim this fault?
    pub(crate) fn claims_fault(&self, fault: &Fault, ctx: Ctx<'_>) -> bool {
        ctx.may_read(self.hint) && claims_fault(self.teacher(), fault, ctx)
    }

    /// [`Reader::read_fault`](super::table::Reader::read_fault) by the profile.
    pub(crate) fn read_fault(&self, fault: &mut Fault, ctx: Ctx<'_>) -> Option<VendorError> {
        self.claims_fault(fault, ctx).then(|| fault_error(self.teacher(), fault, ctx))
    }

    /// [`Reader::claims_root`](super::table::Reader::claims_root) by the profile.
    pub(crate) fn claims_root<S: Source>(&self, root: &Element<'_, S>, ctx: Ctx<'_>) -> bool {
        ctx.may_read(self.hint) && claims_root(self.teacher(), root, ctx)
    }

    /// [`Reader::claims_item`](super::table::Reader::claims_item) by the profile.
    pub(crate) fn claims_item<S: Source>(&self, item: &Element<'_, S>, ctx: Ctx<'_>) -> bool {
        ctx.may_read(self.hint) && claims_item(self.teacher(), item, ctx)
    }

    /// Reads an element it claimed (a document element or a SOAP body item).
    pub(crate) fn read_elements<S: Source>(
        &self,
        el: Element<'_, S>,
        ctx: Ctx<'_>,
        out: &mut Emitter,
    ) -> Result<(), Halt> {
        read_elements(self.teacher(), el, ctx, out)
    }

    /// [`Reader::read_json`](super::table::Reader::read_json) by the profile.
    pub(crate) fn read_json(&self, body: &Value, ctx: Ctx<'_>, out: &mut Emitter) -> Result<bool, Stopped> {
        if !(ctx.may_read(self.hint) && claims_json(self.teacher(), body, ctx)) {
            return Ok(false);
        }
        read_json_with(self.teacher(), body, ctx, out).map(|()| true)
    }
}

/// Compiles a built-in vendor's spec (see [`BuiltinProfile::new`]): the
/// empty rules, which read nothing, if it does not compile (a test checks
/// that every one does).
pub(crate) fn compile(spec: &ProfileSpec) -> Rules {
    builtin_rules(spec).unwrap_or_default()
}

/// A built-in vendor whose reader is a profile: the reader struct, its
/// vendor (a variant of both [`Vendor`] and [`VendorHint`]), its catalog,
/// and its [`ProfileSpec`] (an expression). Writes the static
/// [`BuiltinProfile`] `PROFILE`, the [`Reader`](super::table::Reader)
/// whose every hook is the profile's, and a test that the spec compiles.
macro_rules! builtin_profile {
    ($reader:ident, $variant:ident, $catalog:expr, $spec:expr $(,)?) => {
        /// The vendor's rules, as a profile.
        pub(crate) static PROFILE: $crate::vendors::profile::BuiltinProfile =
            $crate::vendors::profile::BuiltinProfile::new(
                $crate::vendor::Vendor::$variant,
                $crate::vendor::VendorHint::$variant,
                || $crate::vendors::profile::compile(&$spec),
            );

        impl $crate::vendors::table::Reader for $reader {
            const CATALOG: &'static [$crate::catalog::Entry] = $catalog;

            fn read_fault(
                fault: &mut $crate::soap::Fault,
                ctx: $crate::vendors::Ctx<'_>,
            ) -> Option<$crate::error::VendorError> {
                PROFILE.read_fault(fault, ctx)
            }

            fn builtin_profile() -> Option<&'static $crate::vendors::profile::BuiltinProfile> {
                Some(&PROFILE)
            }

            fn claims_root<S: $crate::xml::Source>(
                root: &$crate::xml::Element<'_, S>,
                ctx: $crate::vendors::Ctx<'_>,
            ) -> bool {
                PROFILE.claims_root(root, ctx)
            }

            fn read_root<S: $crate::xml::Source>(
                root: $crate::xml::Element<'_, S>,
                ctx: $crate::vendors::Ctx<'_>,
                out: &mut $crate::emit::Emitter,
            ) -> Result<(), $crate::emit::Halt> {
                PROFILE.read_elements(root, ctx, out)
            }

            fn claims_item<S: $crate::xml::Source>(
                item: &$crate::xml::Element<'_, S>,
                ctx: $crate::vendors::Ctx<'_>,
            ) -> bool {
                PROFILE.claims_item(item, ctx)
            }

            fn read_item<S: $crate::xml::Source>(
                item: $crate::xml::Element<'_, S>,
                ctx: $crate::vendors::Ctx<'_>,
                out: &mut $crate::emit::Emitter,
            ) -> Result<(), $crate::emit::Halt> {
                PROFILE.read_elements(item, ctx, out)
            }

            fn read_json(
                body: &serde_json::Value,
                ctx: $crate::vendors::Ctx<'_>,
                out: &mut $crate::emit::Emitter,
            ) -> Result<bool, $crate::emit::Stopped> {
                PROFILE.read_json(body, ctx, out)
            }
        }

        #[cfg(test)]
        #[test]
        fn builtin_profile_compiles() {
            if let Err(e) = $crate::profile::builtin_rules(&$spec) {
                panic!("the built-in profile of {} does not compile: {e}", stringify!($variant));
            }
        }
    };
}

pub(crate) use builtin_profile;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::limits::Limits;
    use crate::options::Options;
    use crate::profile::NsPattern;
    use crate::vendors::{Response, builtin};

    /// A fault read from `xml` (a SOAP 1.1 `Fault` element).
    fn fault(xml: &str) -> Fault {
        let limits = Limits::default();
        crate::xml::read_embedded(xml, &limits, |root| {
            let mut fault = Fault::default();
            soap::read_fault(root, &limits, &mut fault)?;
            Ok(fault)
        })
        .expect("a well-formed fault")
    }

    /// A namespace `signal` matches.
    fn matching(signal: &NsPattern) -> String {
        match signal {
            NsPattern::Exact(ns) => ns.to_string(),
            NsPattern::Prefix(prefix) => format!("{prefix}v1"),
        }
    }

    /// The one lookup for every profile agrees with each profile's own
    /// claim, for faults with no signal, a signal in the code or in a
    /// detail child (each of every profile's), and more signals than the
    /// lookup keeps, under auto-detection and under every hint.
    #[test]
    fn fault_signals_agree_with_each_profiles_claim() {
        let env = r#"xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/""#;
        let mut faults = vec![
            format!("<soap:Fault {env}><faultcode>soap:Server</faultcode><faultstring>x</faultstring></soap:Fault>"),
            format!(
                "<soap:Fault {env}><faultcode>soap:Client</faultcode><faultstring>x</faultstring>\
                 <detail><e:E xmlns:e='urn:example:other'><e:Code>1</e:Code></e:E></detail></soap:Fault>"
            ),
        ];
        let signals: Vec<String> =
            builtin::profiles().flat_map(|p| p.rules().namespace_signals().iter().map(matching)).collect();
        assert!(signals.len() >= 8, "{signals:?}");
        for ns in &signals {
            faults.push(format!(
                "<soap:Fault {env}><faultcode xmlns:v='{ns}'>v:Bad</faultcode><faultstring>x</faultstring></soap:Fault>"
            ));
            faults.push(format!(
                "<soap:Fault {env}><faultcode>soap:Client</faultcode><faultstring>x</faultstring>\
                 <detail><a/><v:E xmlns:v='{ns}'><v:Code>1</v:Code></v:E></detail></soap:Fault>"
            ));
        }
        let every: String = signals.iter().map(|ns| format!("<v:E xmlns:v='{ns}'/>")).collect();
        faults.push(format!(
            "<soap:Fault {env}><faultcode>soap:Client</faultcode><faultstring>x</faultstring><detail>{every}</detail></soap:Fault>"
        ));
        let hints = [VendorHint::Auto, VendorHint::Soap].into_iter().chain(builtin::profiles().map(|p| p.hint));
        for hint in hints {
            let opts = Options::default().vendor(hint);
            let response = Response::new(&opts);
            let ctx = response.ctx();
            for xml in &faults {
                let fault = fault(xml);
                let signals = FaultSignals::of(&fault);
                for profile in builtin::profiles() {
                    assert_eq!(
                        signals.may_be_claimed_by(profile, ctx),
                        profile.claims_fault(&fault, ctx),
                        "{:?} under {hint:?}: {xml}",
                        profile.vendor
                    );
                }
            }
        }
    }
}
