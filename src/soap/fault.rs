//! A SOAP `Fault` read into plain data ([`Fault`]), and its generic reading
//! as a [`VendorError`] (vendor modules refine it from the detail).

use std::borrow::Cow;

use super::is_envelope_ns;
use crate::catalog::{self, Entry};
use crate::error::{LangText, VendorError};
use crate::limits::Limits;
use crate::parse_error::ParseError;
use crate::retry::{self, Evidence};
use crate::text::Capped;
use crate::vendor::{Code, Vendor};
use crate::xml::{Element, Leaves, QNameText, Source, XML_NS};

/// WS-Security 1.0 secext namespace: its fault codes are in the SOAP catalog.
const WSSE_NS: &str = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";

/// WS-Trust namespaces (February 2005, OASIS 1.3, OASIS 1.4): their
/// `FailedAuthentication` and `InvalidSecurityToken` mean what WS-Security's do.
const WST_NS: [&str; 3] = [
    "http://schemas.xmlsoap.org/ws/2005/02/trust",
    "http://docs.oasis-open.org/ws-sx/ws-trust/200512",
    "http://docs.oasis-open.org/ws-sx/ws-trust/200802",
];

/// The WS-Trust codes read as their WS-Security namesakes.
const WST_AUTH_CODES: [&str; 2] = ["FailedAuthentication", "InvalidSecurityToken"];

/// Most `Reason/Text` translations kept.
const MAX_REASONS: usize = 16;
/// Most detail leaves kept.
const MAX_DETAIL_LEAVES: usize = 32;

/// A fault as written, before any vendor reads meaning into it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Fault {
    /// `faultcode` (1.1) or `Code/Value` (1.2).
    pub(crate) code: QNameText,
    /// `Subcode/Value`s, outermost first.
    pub(crate) subcodes: Vec<QNameText>,
    /// `faultstring` (1.1) or every `Reason/Text` (1.2).
    pub(crate) reasons: Reasons,
    pub(crate) actor: Option<String>,
    pub(crate) node: Option<String>,
    pub(crate) role: Option<String>,
    /// `detail`/`Detail` leaves.
    pub(crate) detail: Leaves,
    /// Some text was cut at a limit.
    pub(crate) truncated: bool,
    /// The `faultstring` or `Reason` element was read to its end (so the
    /// message chosen among translations is the one the whole fault gives).
    reason_read: bool,
    /// A `faultcode` (or `Code`) element was begun: another is not read.
    code_read: bool,
    /// A `detail` (or `Detail`) element was begun: another is not read.
    detail_read: bool,
    /// The body broke off inside the fault: what was read is what the
    /// bytes prove, and a part read later (a detail, a detail's code) could
    /// have changed the reading. See [`vendors::fault_error`](crate::vendors).
    pub(crate) cut: bool,
}

/// A fault's `faultstring` or `Reason/Text`s, in order: most faults have
/// one, kept without a vector.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Reasons {
    first: Option<LangText>,
    rest: Vec<LangText>,
}

impl Reasons {
    pub(crate) fn len(&self) -> usize {
        usize::from(self.first.is_some()) + self.rest.len()
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = &LangText> {
        self.first.iter().chain(&self.rest)
    }

    pub(crate) fn first(&self) -> Option<&LangText> {
        self.first.as_ref()
    }

    fn push(&mut self, reason: LangText) {
        match self.first {
            None => self.first = Some(reason),
            Some(_) => self.rest.push(reason),
        }
    }

    fn into_vec(self) -> Vec<LangText> {
        let mut all = self.rest;
        if let Some(first) = self.first {
            all.insert(0, first);
        }
        all
    }
}

/// Reads the `Fault` element into `f`. Children are matched by local name,
/// in any order and any namespace, so slightly off servers are read too.
///
/// On an error, `f` keeps what was read before it: a caller may still
/// report the fault when it [is identified](Fault::is_identified).
pub(crate) fn read_fault<S: Source>(
    mut fault: Element<'_, S>,
    limits: &Limits,
    f: &mut Fault,
) -> Result<(), ParseError> {
    let max = limits.max_message_bytes;
    while let Some(mut child) = fault.next_child()? {
        match child.local_name() {
            // The first code only, as the first detail: a later part does
            // not change what an earlier one settled.
            "faultcode" if !f.code_read => {
                f.code_read = true;
                f.code = child.qname_text(max)?;
            }
            "Code" if !f.code_read => {
                f.code_read = true;
                read_code(child, max, true, f)?;
            }
            "faultstring" => {
                f.add_reason(child, max)?;
                f.reason_read = true;
            }
            "Reason" => {
                while let Some(text) = child.next_child()? {
                    if text.local_name() != "Text" {
                        continue;
                    }
                    if f.reasons.len() == MAX_REASONS {
                        f.truncated = true;
                        continue;
                    }
                    f.add_reason(text, max)?;
                }
                f.reason_read = true;
            }
            "faultactor" => f.actor = f.keep(child.text(max)?),
            "Node" => f.node = f.keep(child.text(max)?),
            "Role" => f.role = f.keep(child.text(max)?),
            // The first detail only: what it settles, a later one cannot change.
            "detail" | "Detail" if !f.detail_read => {
                f.detail_read = true;
                // Filled in place: a detail cut short keeps the leaves and
                // children read before the cut.
                f.detail = Leaves::reused();
                let read = child.leaves_into(&mut f.detail, MAX_DETAIL_LEAVES, limits.max_detail_bytes);
                f.truncated |= f.detail.truncated;
                read?;
            }
            _ => {}
        }
    }
    Ok(())
}

/// `Code` (or a `Subcode`): its `Value`, then the next `Subcode` down.
fn read_code<S: Source>(
    mut level: Element<'_, S>,
    max: usize,
    outermost: bool,
    f: &mut Fault,
) -> Result<(), ParseError> {
    while let Some(child) = level.next_child()? {
        match child.local_name() {
            "Value" => {
                let value = child.qname_text(max)?;
                if outermost {
                    f.code = value;
                } else {
                    f.subcodes.push(value);
                }
            }
            "Subcode" => return read_code(child, max, false, f),
            _ => {}
        }
    }
    Ok(())
}

impl Fault {
    /// Does `code` read as the text of one of the detail's leaves that were
    /// read whole (trimmed; decimal text as its number), or as the name of
    /// one of its children (with or without its `Fault` suffix: vSphere's
    /// fault types), whose start tag was read whole? A code so settled stays
    /// what it is when the rest of the detail is cut away.
    /// A `faultcode` leaf is not one: it is the code of another fault
    /// carried in the detail, which says nothing of this fault's own detail.
    pub(crate) fn detail_settles(&self, code: &Code) -> bool {
        let nested_fault_code = |path: &str| path.rsplit('/').next().is_some_and(|last| last.ends_with("faultcode"));
        self.detail.items().any(|leaf| *code == leaf.text.trim() && !nested_fault_code(leaf.path))
            || self
                .detail
                .children()
                .any(|c| *code == c.local || c.local.strip_suffix("Fault").is_some_and(|t| *code == t))
    }

    /// Were the parts that identify a fault read: its code, and its message
    /// (every translation of it, so that the one chosen is the one the whole
    /// fault gives)?
    /// Only such a fault is reported when the body breaks off inside it.
    pub(crate) fn is_identified(&self) -> bool {
        !self.code.local().is_empty() && self.reason_read && self.reasons.iter().any(|r| !r.text.is_empty())
    }

    /// Adds a `faultstring` or `Reason/Text` with its `xml:lang`.
    fn add_reason<S: Source>(&mut self, text: Element<'_, S>, max: usize) -> Result<(), ParseError> {
        let lang = text.attr_ns(XML_NS, "lang").map(Cow::into_owned);
        let kept = text.text(max)?;
        self.truncated |= kept.truncated;
        self.reasons.push(LangText { lang, text: kept.text });
        Ok(())
    }

    /// A kept text as an optional field, noting a cut.
    fn keep(&mut self, kept: Capped) -> Option<String> {
        self.truncated |= kept.truncated;
        Some(kept.text).filter(|t| !t.is_empty())
    }

    /// The message: the English reason when there is one, else the first.
    pub(crate) fn reason(&self) -> Option<&LangText> {
        let english = self.reasons.iter().find(|r| {
            r.lang.as_deref().is_some_and(|l| {
                let l = l.as_bytes();
                l.eq_ignore_ascii_case(b"en") || (l.len() > 3 && l[..3].eq_ignore_ascii_case(b"en-"))
            })
        });
        english.or_else(|| self.reasons.first())
    }

    /// The message, taken out: the reason [`reason`](Self::reason) picks when
    /// it has text. With several reasons, the others stay (and a copy of it,
    /// for [`VendorError::reasons`]).
    fn take_reason(&mut self) -> Option<LangText> {
        let picked = self.reason().filter(|r| !r.text.is_empty())?;
        if self.reasons.len() > 1 {
            return Some(picked.clone());
        }
        self.reasons.first.take()
    }

    /// The catalog entry of the standard or WS-Security code this fault carries, if any.
    fn standard_entry(&self) -> Option<&'static Entry> {
        let security = |q: &&QNameText| match q.ns.as_deref() {
            Some(WSSE_NS) => true,
            Some(ns) => WST_NS.contains(&ns) && WST_AUTH_CODES.contains(&q.local()),
            None => false,
        };
        let wsse = std::iter::once(&self.code)
            .chain(&self.subcodes)
            .find(security)
            .and_then(|q| catalog::entry_text(Vendor::Soap, q.local()));
        if wsse.is_some() {
            return wsse;
        }
        // Unprefixed or unbound codes are read as the standard ones they name.
        let ns = self.code.ns.as_deref();
        if ns.is_some() && !is_envelope_ns(ns) {
            return None;
        }
        let class = self.code.local().split('.').next().unwrap_or_default();
        catalog::entry_text(Vendor::Soap, class)
    }

    /// The retry evidence the fault code gives (rule 4 of the chain):
    /// standard codes their catalog class, custom codes permanent.
    pub(crate) fn evidence<'a>(&self, base: Evidence<'a>) -> Evidence<'a> {
        evidence_of(self.standard_entry(), base)
    }

    /// Moves the fault's context (fault code, subcodes, actor/node/role,
    /// reasons, detail) into `e`; the reasons stay only when there are several.
    pub(crate) fn move_context_into(self, e: &mut VendorError, limits: &Limits) {
        if !self.detail.is_empty() {
            let Capped { text, truncated } = self.detail.render(limits.max_detail_bytes);
            e.detail = Some(text);
            e.truncated |= truncated;
        }
        self.detail.recycle();
        e.fault_code = Some(self.code.raw).filter(|c| !c.is_empty());
        e.subcodes = self.subcodes.iter().map(|q| q.local().to_owned()).collect();
        e.actor = self.actor;
        e.node = self.node;
        e.role = self.role;
        if self.reasons.len() > 1 {
            e.reasons = self.reasons.into_vec();
        }
        e.truncated |= self.truncated;
    }

    /// The fault as a generic SOAP error: the code is the fault code's local
    /// name; its class comes from the chain with the code's standard class.
    pub(crate) fn into_generic_error(mut self, base: Evidence<'_>, limits: &Limits) -> VendorError {
        let entry = self.standard_entry();
        let retry = retry::decide(&evidence_of(entry, base));
        let local = self.code.local();
        // The catalog's own code when it is written the same: nothing to copy.
        let code = match entry {
            Some(e) if matches!(&e.code, Code::Text(c) if c == local) => e.code.clone(),
            _ if local.is_empty() => Code::from("Fault"),
            _ => Code::text(local),
        };
        let mut e = VendorError::new(Vendor::Soap, code, String::new(), retry);
        match self.take_reason() {
            Some(r) => (e.message, e.lang) = (r.text, r.lang),
            None => e.message = entry.map_or("SOAP fault", |e| e.description).to_owned(),
        }
        self.move_context_into(&mut e, limits);
        e
    }
}

/// The evidence of a fault whose standard catalog entry is `entry`.
fn evidence_of<'a>(entry: Option<&'static Entry>, base: Evidence<'a>) -> Evidence<'a> {
    let class = entry.map_or(retry::RetryClass::Permanent, |e| e.retry);
    Evidence { protocol: Some(class), ..base }
}
