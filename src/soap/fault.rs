//! A SOAP `Fault` read into plain data ([`Fault`]), and its generic reading
//! as a [`VendorError`] (vendor modules refine it from the detail).

use super::{SOAP11_NS, SOAP12_NS, SoapVersion};
use crate::catalog::{self, Entry};
use crate::error::{LangText, VendorError};
use crate::limits::Limits;
use crate::parse_error::ParseError;
use crate::retry::{Retry, RetryClass};
use crate::vendor::{Code, Vendor};
use crate::xml::cursor::{Leaf, QNameText, render_leaves};
use crate::xml::namespaces::XML_NS;
use crate::xml::source::EventSource;
use crate::xml::text::Kept;
use crate::xml::{Cursor, Node};

/// WS-Security 1.0 secext namespace: its fault codes are in the SOAP catalog.
const WSSE_NS: &str = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";

/// Most `Reason/Text` translations kept.
const MAX_REASONS: usize = 16;
/// Most detail leaves kept.
const MAX_DETAIL_LEAVES: usize = 32;

/// A fault as written, before any vendor reads meaning into it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Fault {
    pub(crate) version: SoapVersion,
    /// `faultcode` (1.1) or `Code/Value` (1.2).
    pub(crate) code: QNameText,
    /// `Subcode/Value`s, outermost first.
    pub(crate) subcodes: Vec<QNameText>,
    /// `faultstring` (1.1) or every `Reason/Text` (1.2).
    pub(crate) reasons: Vec<LangText>,
    pub(crate) actor: Option<String>,
    pub(crate) node: Option<String>,
    pub(crate) role: Option<String>,
    /// `detail`/`Detail` leaves.
    pub(crate) detail: Vec<Leaf>,
    /// Some text was cut at a limit.
    pub(crate) truncated: bool,
}

/// Reads the `Fault` element `fault`. Children are matched by local name, in
/// any order and any namespace, so slightly off servers are read too.
pub(crate) fn read_fault<S: EventSource>(
    cur: &mut Cursor<S>,
    fault: Node,
    version: SoapVersion,
    limits: &Limits,
) -> Result<Fault, ParseError> {
    let max = limits.max_message_bytes;
    let mut f = Fault {
        version,
        code: QNameText::default(),
        subcodes: Vec::new(),
        reasons: Vec::new(),
        actor: None,
        node: None,
        role: None,
        detail: Vec::new(),
        truncated: false,
    };
    while let Some(child) = cur.next_child(fault)? {
        match cur.local_name() {
            "faultcode" => f.code = cur.qname_text(child, max)?,
            "Code" => read_code(cur, child, max, &mut f)?,
            "faultstring" => {
                let lang = cur.attr_ns(XML_NS, "lang");
                let kept = cur.text(child, max)?;
                f.truncated |= kept.truncated;
                f.reasons.push(LangText { lang, text: kept.text });
            }
            "Reason" => {
                while let Some(text) = cur.next_child(child)? {
                    if cur.local_name() != "Text" {
                        continue;
                    }
                    if f.reasons.len() == MAX_REASONS {
                        f.truncated = true;
                        continue;
                    }
                    let lang = cur.attr_ns(XML_NS, "lang");
                    let kept = cur.text(text, max)?;
                    f.truncated |= kept.truncated;
                    f.reasons.push(LangText { lang, text: kept.text });
                }
            }
            name @ ("faultactor" | "Node" | "Role") => {
                let slot = match name {
                    "faultactor" => &mut f.actor,
                    "Node" => &mut f.node,
                    _ => &mut f.role,
                };
                let kept = cur.text(child, max)?;
                f.truncated |= kept.truncated;
                *slot = Some(kept.text).filter(|t| !t.is_empty());
            }
            "detail" | "Detail" => {
                let (leaves, truncated) = cur.leaves(child, MAX_DETAIL_LEAVES, limits.max_detail_bytes)?;
                f.detail = leaves;
                f.truncated |= truncated;
            }
            _ => {}
        }
    }
    Ok(f)
}

/// `Code`: its `Value`, then the `Subcode` chain.
fn read_code<S: EventSource>(cur: &mut Cursor<S>, code: Node, max: usize, f: &mut Fault) -> Result<(), ParseError> {
    let mut level = code;
    let mut outermost = true;
    loop {
        let mut subcode = None;
        while let Some(child) = cur.next_child(level)? {
            match cur.local_name() {
                "Value" => {
                    let value = cur.qname_text(child, max)?;
                    if outermost {
                        f.code = value;
                    } else {
                        f.subcodes.push(value);
                    }
                }
                "Subcode" => {
                    subcode = Some(child);
                    break;
                }
                _ => {}
            }
        }
        match subcode {
            Some(next) => {
                level = next;
                outermost = false;
            }
            None => return Ok(()),
        }
    }
}

impl Fault {
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

    /// The detail as one short line (see [`render_leaves`]).
    pub(crate) fn detail_text(&self, max: usize) -> Option<Kept> {
        (!self.detail.is_empty()).then(|| render_leaves(&self.detail, max))
    }

    /// The text of the first detail leaf whose path is `suffix` or ends with
    /// `/suffix` (whole segments).
    pub(crate) fn detail_leaf(&self, suffix: &str) -> Option<&str> {
        self.detail
            .iter()
            .find(|l| l.path == suffix || l.path.strip_suffix(suffix).is_some_and(|head| head.ends_with('/')))
            .map(|l| l.text.as_str())
    }

    /// The catalog entry of the standard or WS-Security code this fault carries, if any.
    fn standard_entry(&self) -> Option<&'static Entry> {
        let wsse = std::iter::once(&self.code)
            .chain(&self.subcodes)
            .find(|q| q.ns.as_deref() == Some(WSSE_NS))
            .and_then(|q| catalog::lookup(Vendor::Soap, &q.local));
        if wsse.is_some() {
            return wsse;
        }
        // Unprefixed or unbound codes are read as the standard ones they name.
        match self.code.ns.as_deref() {
            None | Some(SOAP11_NS | SOAP12_NS) => {}
            Some(ns) if SoapVersion::of(Some(ns)).is_some() => {}
            Some(_) => return None,
        }
        let class = self.code.local.split('.').next().unwrap_or_default();
        catalog::lookup(Vendor::Soap, class)
    }

    /// Moves the fault's context (fault code, subcodes, actor/node/role,
    /// reasons, detail) into `e`; the reasons stay only when there are several.
    pub(crate) fn move_context_into(self, e: &mut VendorError, limits: &Limits) {
        if let Some(Kept { text, truncated }) = self.detail_text(limits.max_detail_bytes) {
            e.detail = Some(text);
            e.truncated |= truncated;
        }
        e.fault_code = Some(self.code.raw).filter(|c| !c.is_empty());
        e.subcodes = self.subcodes.into_iter().map(|q| q.local).collect();
        e.actor = self.actor;
        e.node = self.node;
        e.role = self.role;
        if self.reasons.len() > 1 {
            e.reasons = self.reasons;
        }
        e.truncated |= self.truncated;
    }

    /// The fault as a generic SOAP error: the code is the fault code's local
    /// name; standard codes get their catalog class, custom ones are permanent.
    pub(crate) fn into_generic_error(self, limits: &Limits) -> VendorError {
        let entry = self.standard_entry();
        let class = entry.map_or(RetryClass::Permanent, |e| e.retry);
        let (message, lang) = match self.reason().filter(|r| !r.text.is_empty()) {
            Some(r) => (r.text.clone(), r.lang.clone()),
            None => (entry.map_or_else(|| "SOAP fault".to_owned(), |e| e.description.to_owned()), None),
        };
        let code = if self.code.local.is_empty() { "Fault".to_owned() } else { self.code.local.clone() };
        let mut e = VendorError::new(Vendor::Soap, Code::Text(code), message, Retry::from(class));
        e.lang = lang;
        self.move_context_into(&mut e, limits);
        e
    }
}
