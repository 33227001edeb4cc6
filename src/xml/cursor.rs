//! [`Cursor`]: a pull walker over XML events.
//!
//! A reader asks for the children of an element it holds ([`Cursor::next_child`]),
//! looks at the one it got (name, namespace, attributes), and either goes
//! into it or asks for the next one: whatever it did not read is skipped at
//! event-loop speed, with no namespace work and no copies. Only the elements
//! a reader is handed are copied (their start tag, into one reused buffer)
//! and only the text it asks for is kept.

use std::borrow::Cow;

use quick_xml::XmlVersion;
use quick_xml::escape::resolve_xml_entity;
use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::QName;

use super::namespaces::{Namespaces, split_qname};
use super::source::EventSource;
use super::text::{Kept, TextBuilder};
use crate::limits::{Limit, Limits};
use crate::parse_error::ParseError;

/// An element a reader was handed: its depth (the root is 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Node {
    depth: u32,
}

/// A leaf of a subtree: the path of local names below the subtree's root
/// (`serviceException/code`; empty for the root's own text) and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Leaf {
    pub(crate) path: String,
    pub(crate) text: String,
}

/// Leaves as one line, `path: text` pairs joined by `; `, whitespace runs
/// folded, cut at `max` bytes.
pub(crate) fn render_leaves(leaves: &[Leaf], max: usize) -> Kept {
    let mut out = TextBuilder::new(max);
    out.reserve(leaves.iter().map(|l| l.path.len() + l.text.len() + 4).sum());
    for (i, leaf) in leaves.iter().enumerate() {
        if i > 0 {
            out.push("; ");
        }
        if !leaf.path.is_empty() {
            out.push(&leaf.path);
            out.push(": ");
        }
        for (j, word) in leaf.text.split_whitespace().enumerate() {
            if j > 0 {
                out.push(" ");
            }
            out.push(word);
        }
    }
    out.finish()
}

/// A QName written as text (`<faultcode>q0:Server</faultcode>`), resolved
/// against the declarations in scope where it was written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct QNameText {
    /// As written, trimmed.
    pub(crate) raw: String,
    /// The namespace of its prefix (or the default namespace when it has none).
    pub(crate) ns: Option<String>,
    pub(crate) local: String,
}

/// The start tag of the element most recently handed out.
#[derive(Debug, Default)]
struct Current {
    /// Tag content without `<`, `>` and a trailing `/`.
    raw: String,
    name_len: usize,
}

/// The pull walker. See the module docs.
pub(crate) struct Cursor<S> {
    src: S,
    scope: Scope,
}

/// Where the cursor is: kept apart from the source so that an event borrowed
/// from the source can be copied into it.
struct Scope {
    /// Number of open elements.
    depth: u32,
    max_depth: u32,
    ns: Namespaces,
    current: Current,
    /// Bindings of the element just closed by a text read stay visible until
    /// the next move, so a QName in its text can still be resolved.
    unbind_pending: bool,
}

/// The source's next event, or a return with the error.
macro_rules! next {
    ($cursor:ident) => {
        match $cursor.src.next_event() {
            Ok(event) => event,
            Err(e) => return Err($cursor.fail(e)),
        }
    };
}

impl<S: EventSource> Cursor<S> {
    /// A source error as a [`ParseError`], with the open element count
    /// filled into a truncation.
    #[cold]
    fn fail(&mut self, err: quick_xml::Error) -> ParseError {
        match self.src.error(err) {
            ParseError::Truncated { .. } => self.truncated(),
            other => other,
        }
    }

    pub(crate) fn new(src: S, limits: &Limits) -> Self {
        let scope = Scope {
            depth: 0,
            max_depth: limits.max_depth,
            ns: Namespaces::default(),
            current: Current::default(),
            unbind_pending: false,
        };
        Cursor { src, scope }
    }

    fn settle(&mut self) {
        if self.scope.unbind_pending {
            self.scope.ns.unbind_deeper_than(self.scope.depth);
            self.scope.unbind_pending = false;
        }
    }

    fn too_deep(&self) -> ParseError {
        ParseError::Limit { limit: Limit::Depth, max: u64::from(self.scope.max_depth), offset: self.src.offset() }
    }

    fn truncated(&mut self) -> ParseError {
        ParseError::Truncated { offset: self.src.end_offset(), open: self.scope.depth }
    }

    /// The root element, after the prolog (declaration, comments, PIs, DOCTYPE).
    pub(crate) fn root(&mut self) -> Result<Node, ParseError> {
        loop {
            let offset = self.src.offset();
            match next!(self) {
                Event::Start(e) => return self.scope.enter(&e, false, offset),
                Event::Empty(e) => return self.scope.enter(&e, true, offset),
                Event::Text(t) if !t.trim_ascii().is_empty() => {
                    return Err(ParseError::Xml { offset, reason: "text before the root element".into() });
                }
                Event::CData(_) | Event::GeneralRef(_) | Event::End(_) => {
                    return Err(ParseError::Xml { offset, reason: "content before the root element".into() });
                }
                Event::Eof => return Err(ParseError::Xml { offset, reason: "no root element".into() }),
                _ => {}
            }
        }
    }

    /// Reads what follows the root element: only comments, PIs and whitespace may.
    pub(crate) fn finish(&mut self) -> Result<(), ParseError> {
        self.settle();
        // A reader may stop early: skip the rest of the root first.
        while self.scope.depth > 0 {
            self.skip_to_depth(self.scope.depth - 1)?;
        }
        loop {
            let offset = self.src.offset();
            match next!(self) {
                Event::Eof => return Ok(()),
                Event::Comment(_) | Event::PI(_) => {}
                Event::Text(t) if t.trim_ascii().is_empty() => {}
                _ => return Err(ParseError::Xml { offset, reason: "content after the root element".into() }),
            }
        }
    }

    /// The next child element of `parent`, skipping whatever of `parent`'s
    /// content was not read; `None` once `parent` is closed.
    pub(crate) fn next_child(&mut self, parent: Node) -> Result<Option<Node>, ParseError> {
        self.settle();
        while self.scope.depth >= parent.depth {
            let offset = self.src.offset();
            match next!(self) {
                Event::Start(e) => {
                    if self.scope.depth == parent.depth {
                        return self.scope.enter(&e, false, offset).map(Some);
                    }
                    if !self.scope.open() {
                        return Err(self.too_deep());
                    }
                }
                Event::Empty(e) => {
                    if self.scope.depth == parent.depth {
                        return self.scope.enter(&e, true, offset).map(Some);
                    }
                    if self.scope.empty_too_deep() {
                        return Err(self.too_deep());
                    }
                }
                Event::End(_) => self.scope.close(0),
                Event::Eof => return Err(self.truncated()),
                _ => {}
            }
        }
        Ok(None)
    }

    /// Skips events until only `depth` elements are open.
    #[allow(clippy::collapsible_match, reason = "open() counts the element: a match guard would hide that")]
    fn skip_to_depth(&mut self, depth: u32) -> Result<(), ParseError> {
        while self.scope.depth > depth {
            match next!(self) {
                Event::Start(_) => {
                    if !self.scope.open() {
                        return Err(self.too_deep());
                    }
                }
                Event::Empty(_) if self.scope.empty_too_deep() => return Err(self.too_deep()),
                Event::End(_) => self.scope.close(0),
                Event::Eof => return Err(self.truncated()),
                _ => {}
            }
        }
        Ok(())
    }

    /// Qualified name of the current element, as written.
    pub(crate) fn name(&self) -> &str {
        &self.scope.current.raw[..self.scope.current.name_len]
    }

    /// Local name of the current element.
    pub(crate) fn local_name(&self) -> &str {
        split_qname(self.name()).1
    }

    /// Namespace URI of the current element.
    pub(crate) fn namespace(&self) -> Option<&str> {
        self.scope.ns.resolve(split_qname(self.name()).0.unwrap_or(""))
    }

    fn current_start(&self) -> BytesStart<'_> {
        BytesStart::from_content(self.scope.current.raw.as_str(), self.scope.current.name_len)
    }

    /// Value of the current element's unprefixed attribute `local`.
    pub(crate) fn attr(&self, local: &str) -> Option<String> {
        let start = self.current_start();
        let attr = start.attributes().with_checks(false).flatten().find(|a| a.key.as_ref() == local)?;
        Some(attr_value(&attr).into_owned())
    }

    /// Value of the current element's attribute `{ns}local`, any prefix.
    pub(crate) fn attr_ns(&self, ns: &str, local: &str) -> Option<String> {
        let start = self.current_start();
        let attr = start.attributes().with_checks(false).flatten().find(|a| {
            let (prefix, name) = split_qname(a.key.as_ref());
            name == local && prefix.is_some_and(|p| p != "xmlns" && self.scope.ns.resolve(p) == Some(ns))
        })?;
        Some(attr_value(&attr).into_owned())
    }

    /// The text content of `node` (all descendant text, entities resolved),
    /// trimmed and cut at `max` bytes; leaves the cursor after `node`.
    #[allow(clippy::collapsible_match, reason = "open() counts the element: a match guard would hide that")]
    pub(crate) fn text(&mut self, node: Node, max: usize) -> Result<Kept, ParseError> {
        self.settle();
        let mut text = TextBuilder::new(max);
        while self.scope.depth >= node.depth {
            match next!(self) {
                Event::Text(t) => text.push(&t.xml10_content()),
                Event::CData(t) => text.push(&t.xml10_content()),
                Event::GeneralRef(r) => text.push_ref(&r),
                Event::Start(_) => {
                    if !self.scope.open() {
                        return Err(self.too_deep());
                    }
                }
                Event::Empty(_) if self.scope.empty_too_deep() => return Err(self.too_deep()),
                Event::End(_) => self.scope.close(node.depth),
                Event::Eof => return Err(self.truncated()),
                _ => {}
            }
        }
        Ok(text.finish())
    }

    /// The text of `node` read as a QName and resolved in `node`'s scope.
    pub(crate) fn qname_text(&mut self, node: Node, max: usize) -> Result<QNameText, ParseError> {
        let kept = self.text(node, max)?;
        let (prefix, local) = split_qname(&kept.text);
        let ns = self.scope.ns.resolve(prefix.unwrap_or("")).map(str::to_owned);
        let local = local.to_owned();
        self.settle();
        Ok(QNameText { raw: kept.text, ns, local })
    }

    /// The leaves of `node`'s subtree, at most `max_leaves`, each text cut at
    /// `max` bytes; leaves the cursor after `node`.
    pub(crate) fn leaves(
        &mut self,
        node: Node,
        max_leaves: usize,
        max: usize,
    ) -> Result<(Vec<Leaf>, bool), ParseError> {
        self.settle();
        let mut leaves = Vec::new();
        let mut truncated = false;
        let mut path = String::new();
        let mut segments: Vec<usize> = Vec::new();
        // Text of the innermost open element while it has no child element.
        let mut text: Option<TextBuilder> = Some(TextBuilder::new(max));
        let push_leaf = |path: &str, text: Option<TextBuilder>, leaves: &mut Vec<Leaf>, truncated: &mut bool| {
            let Some(text) = text else { return };
            let kept = text.finish();
            if kept.text.is_empty() {
                return;
            }
            if leaves.len() == max_leaves {
                *truncated = true;
                return;
            }
            *truncated |= kept.truncated;
            leaves.push(Leaf { path: path.to_owned(), text: kept.text });
        };
        while self.scope.depth >= node.depth {
            match next!(self) {
                Event::Text(t) => {
                    if let Some(b) = text.as_mut() {
                        b.push(&t.xml10_content());
                    }
                }
                Event::CData(t) => {
                    if let Some(b) = text.as_mut() {
                        b.push(&t.xml10_content());
                    }
                }
                Event::GeneralRef(r) => {
                    if let Some(b) = text.as_mut() {
                        b.push_ref(&r);
                    }
                }
                Event::Start(e) => {
                    if !self.scope.open() {
                        return Err(self.too_deep());
                    }
                    segments.push(path.len());
                    if !path.is_empty() {
                        path.push('/');
                    }
                    path.push_str(local_of(&e.name()));
                    text = Some(TextBuilder::new(max));
                }
                Event::Empty(_) => {
                    if self.scope.empty_too_deep() {
                        return Err(self.too_deep());
                    }
                    text = None;
                }
                Event::End(_) => {
                    self.scope.close(node.depth);
                    push_leaf(&path, text.take(), &mut leaves, &mut truncated);
                    if let Some(len) = segments.pop() {
                        path.truncate(len);
                    }
                }
                Event::Eof => return Err(self.truncated()),
                _ => {}
            }
        }
        Ok((leaves, truncated))
    }
}

impl Scope {
    /// One more element open; false when that is deeper than allowed.
    #[inline]
    fn open(&mut self) -> bool {
        self.depth += 1;
        self.depth <= self.max_depth
    }

    /// Would an empty element here be deeper than allowed?
    #[inline]
    fn empty_too_deep(&self) -> bool {
        self.depth >= self.max_depth
    }

    /// One element closed. Once fewer than `keep_below` elements are open,
    /// the closed element's bindings stay until the next move (see `unbind_pending`).
    #[inline]
    fn close(&mut self, keep_below: u32) {
        self.depth -= 1;
        if self.depth < keep_below {
            self.unbind_pending = true;
        } else {
            self.ns.unbind_deeper_than(self.depth);
        }
    }
    /// Makes `e` the current element: copies its tag and binds its namespaces.
    fn enter(&mut self, e: &BytesStart<'_>, empty: bool, offset: u64) -> Result<Node, ParseError> {
        let depth = self.depth + 1;
        if depth > self.max_depth {
            return Err(ParseError::Limit { limit: Limit::Depth, max: u64::from(self.max_depth), offset });
        }
        let raw: &str = e;
        self.current.raw.clear();
        self.current.raw.push_str(raw);
        self.current.name_len = e.name().as_ref().len();
        if raw.contains("xmlns") {
            // Duplicates are not looked for: that costs an allocation per tag.
            for attr in e.attributes().with_checks(false) {
                let attr = attr.map_err(|err| ParseError::Xml { offset, reason: err.to_string() })?;
                let key = attr.key.as_ref();
                let prefix = if key == "xmlns" {
                    ""
                } else if let Some(prefix) = key.strip_prefix("xmlns:") {
                    prefix
                } else {
                    continue;
                };
                let uri = attr_value(&attr);
                self.ns.bind(depth, prefix, &uri);
            }
        }
        if empty {
            // Closed already: its bindings last until the next move.
            self.unbind_pending = true;
        } else {
            self.depth = depth;
        }
        Ok(Node { depth })
    }
}

fn local_of<'a>(name: &'a QName<'_>) -> &'a str {
    split_qname(name.as_ref()).1
}

/// An attribute's value, normalized; a reference to an undeclared entity
/// keeps the value as written rather than failing or expanding anything.
fn attr_value<'a>(attr: &'a Attribute<'a>) -> Cow<'a, str> {
    attr.normalized_value_with(XmlVersion::Implicit1_0, 1, resolve_xml_entity)
        .unwrap_or_else(|_| Cow::Borrowed(&attr.value))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::xml::source::SliceSource;

    fn cursor(xml: &str) -> Cursor<SliceSource<'_>> {
        Cursor::new(SliceSource::new(xml.as_bytes(), 0, &Limits::default()), &Limits::default())
    }

    #[test]
    fn walks_children_and_skips_the_rest() {
        let mut c =
            cursor("<r xmlns='urn:d' xmlns:p='urn:p'><a><deep><x/></deep></a><p:b k='v&amp;w'>t<i>u</i></p:b><c/></r>");
        let root = c.root().unwrap();
        assert_eq!((c.local_name(), c.namespace()), ("r", Some("urn:d")));
        let a = c.next_child(root).unwrap().unwrap();
        assert_eq!((c.local_name(), c.namespace()), ("a", Some("urn:d")));
        let _ = a;
        let b = c.next_child(root).unwrap().unwrap();
        assert_eq!((c.local_name(), c.namespace()), ("b", Some("urn:p")));
        assert_eq!(c.attr("k").as_deref(), Some("v&w"));
        assert_eq!(c.text(b, 100).unwrap().text, "tu");
        assert!(c.next_child(root).unwrap().is_some());
        assert_eq!(c.local_name(), "c");
        assert!(c.next_child(root).unwrap().is_none());
        c.finish().unwrap();
    }

    #[test]
    fn qname_text_resolves_in_the_elements_scope() {
        let mut c = cursor(
            "<r xmlns:q='urn:outer'><code xmlns:q='urn:inner'> q:Server </code><code>q:Client</code><code>Plain</code></r>",
        );
        let root = c.root().unwrap();
        let code = c.next_child(root).unwrap().unwrap();
        let q = c.qname_text(code, 100).unwrap();
        assert_eq!((q.raw.as_str(), q.ns.as_deref(), q.local.as_str()), ("q:Server", Some("urn:inner"), "Server"));
        let code = c.next_child(root).unwrap().unwrap();
        assert_eq!(c.qname_text(code, 100).unwrap().ns.as_deref(), Some("urn:outer"));
        let code = c.next_child(root).unwrap().unwrap();
        assert_eq!(c.qname_text(code, 100).unwrap().ns, None);
    }

    #[test]
    fn leaves_carry_paths() {
        let mut c = cursor("<d><e><name>n</name><code> 7 </code><cause/></e>x</d>");
        let d = c.root().unwrap();
        let (leaves, truncated) = c.leaves(d, 8, 100).unwrap();
        let got: Vec<_> = leaves.iter().map(|l| (l.path.as_str(), l.text.as_str())).collect();
        assert_eq!(got, [("e/name", "n"), ("e/code", "7")]);
        assert!(!truncated);
    }

    #[test]
    fn depth_limit_applies_while_skipping() {
        let xml = format!("<r>{}{}</r>", "<a>".repeat(300), "</a>".repeat(300));
        let mut c = cursor(&xml);
        let root = c.root().unwrap();
        let err = c.next_child(root).and_then(|_| c.next_child(root)).unwrap_err();
        assert!(matches!(err, ParseError::Limit { limit: Limit::Depth, .. }), "{err:?}");
    }

    #[test]
    fn truncation_is_reported() {
        let mut c = cursor("<r><a>text");
        let root = c.root().unwrap();
        let a = c.next_child(root).unwrap().unwrap();
        assert!(matches!(c.text(a, 10), Err(ParseError::Truncated { open: 2, .. })));
    }
}
