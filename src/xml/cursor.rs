//! [`Cursor`] and [`Element`]: a pull walker over XML events that hands out
//! element handles.
//!
//! A reader holds an [`Element`] (the root first), asks it for its children
//! one at a time ([`Element::next_child`]), looks at the child it got (name,
//! namespace, attributes: each handle answers for itself, whatever was read
//! since), and either goes into it or drops it and asks for the next one:
//! an element it dropped unread is skipped by a `memchr` scan of its
//! content when the source can vouch for it (`super::skip`), else event by
//! event, with no namespace work and no copies. Only the start tags of
//! elements handed out are copied (into one arena, kept per thread) and
//! only the text asked for is kept.
//!
//! Every depth-counting loop (finding a child, passing over content, reading
//! text or leaves) goes through one step, [`Cursor::step`], which also
//! enforces the depth limit and turns the end of input into a truncation.

use std::borrow::Cow;

use quick_xml::XmlVersion;
use quick_xml::escape::resolve_xml_entity;
use quick_xml::events::attributes::{Attribute, Attributes};
use quick_xml::events::{BytesCData, BytesRef, BytesStart, BytesText, Event};

use super::leaves::Leaves;
use super::namespaces::{Namespaces, split_qname};
use super::scratch::CursorScratch;
use super::source::EventSource;
use super::tags::Tags;
use crate::limits::{Limit, Limits};
use crate::parse_error::ParseError;
use crate::text::{Capped, CappedString, collapse_whitespace};

/// A QName written as text (`<faultcode>q0:Server</faultcode>`), resolved
/// against the declarations in scope where it was written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct QNameText {
    /// As written, trimmed.
    pub(crate) raw: String,
    /// The namespace of its prefix (or the default namespace when it has
    /// none); the SOAP envelope namespaces, which most fault codes are in,
    /// are not copied.
    pub(crate) ns: Option<Cow<'static, str>>,
}

impl QNameText {
    /// The local name: what follows the prefix.
    pub(crate) fn local(&self) -> &str {
        split_qname(&self.raw).1
    }
}

/// The pull walker over one document. See the module docs.
pub(crate) struct Cursor<S> {
    src: S,
    /// Number of open elements.
    depth: u32,
    max_depth: u32,
    /// Bound on one event, and on the tags and declarations kept along the path.
    max_event: usize,
    ns: Namespaces,
    tags: Tags,
    /// Reused by [`leaves`](Self::leaves): a leaf's path, its segments' starts.
    leaf_path: String,
    leaf_segments: Vec<usize>,
    /// The last event was the start tag of the innermost open element, handed
    /// out: if it is dropped unread, its content may be skipped without
    /// events ([`EventSource::skip_content`]).
    fresh: bool,
}

impl<S> Drop for Cursor<S> {
    /// The tag, namespace and leaf-path buffers go back to the thread for the next body.
    fn drop(&mut self) {
        let scratch = CursorScratch {
            tags: std::mem::take(&mut self.tags),
            ns: std::mem::take(&mut self.ns),
            path: std::mem::take(&mut self.leaf_path),
            segments: std::mem::take(&mut self.leaf_segments),
        };
        scratch.give_back();
    }
}

/// One event, with the depth already counted.
enum Step<'e> {
    /// A start tag: one more element is open.
    Open(BytesStart<'e>),
    /// An empty element: opened and closed at once.
    Empty(BytesStart<'e>),
    /// An end tag: one element fewer is open.
    Close,
    Text(BytesText<'e>),
    CData(BytesCData<'e>),
    Ref(BytesRef<'e>),
    /// Comments, PIs, DOCTYPE, declarations: nothing to count or keep.
    Other,
}

/// Why a step could not give an event.
enum Stop {
    Source(quick_xml::Error),
    TooDeep,
    /// The input ended with elements still open.
    Eof,
}

/// The next step, or a return with the error (kept out of [`Cursor::step`]
/// so that the event's borrow of the source ends before the error is built).
macro_rules! step {
    ($cur:expr) => {{
        $cur.fresh = false;
        match Cursor::step(&mut $cur.src, &mut $cur.depth, $cur.max_depth) {
            Ok(step) => step,
            Err(stop) => return Err($cur.fail(stop)),
        }
    }};
}

impl<S: EventSource> Cursor<S> {
    pub(crate) fn new(src: S, limits: &Limits) -> Self {
        let CursorScratch { tags, ns, path, segments } = CursorScratch::take();
        Cursor {
            src,
            depth: 0,
            max_depth: limits.max_depth,
            max_event: limits.max_event_bytes,
            ns,
            tags,
            leaf_path: path,
            leaf_segments: segments,
            fresh: false,
        }
    }

    /// Reads one event and counts depth. The only place depth changes
    /// while reading content.
    #[inline(always)]
    fn step<'s>(src: &'s mut S, depth: &mut u32, max_depth: u32) -> Result<Step<'s>, Stop> {
        match src.next_event() {
            Ok(Event::Start(e)) => {
                *depth += 1;
                if *depth > max_depth {
                    return Err(Stop::TooDeep);
                }
                Ok(Step::Open(e))
            }
            Ok(Event::Empty(e)) => {
                if *depth >= max_depth {
                    return Err(Stop::TooDeep);
                }
                Ok(Step::Empty(e))
            }
            Ok(Event::End(_)) => {
                *depth -= 1;
                Ok(Step::Close)
            }
            Ok(Event::Text(t)) => Ok(Step::Text(t)),
            Ok(Event::CData(t)) => Ok(Step::CData(t)),
            Ok(Event::GeneralRef(r)) => Ok(Step::Ref(r)),
            Ok(Event::Eof) => Err(Stop::Eof),
            Ok(_) => Ok(Step::Other),
            Err(e) => Err(Stop::Source(e)),
        }
    }

    /// A stop as a [`ParseError`], with the open element count filled into a truncation.
    #[cold]
    fn fail(&mut self, stop: Stop) -> ParseError {
        match stop {
            Stop::Source(err) => match self.src.error(err) {
                ParseError::Truncated { .. } => self.truncated(),
                other => other,
            },
            Stop::TooDeep => self.too_deep(),
            Stop::Eof => self.truncated(),
        }
    }

    /// The depth limit, crossed by the tag that starts at the last event.
    fn too_deep(&self) -> ParseError {
        ParseError::Limit { limit: Limit::Depth, max: u64::from(self.max_depth), offset: self.src.event_start() }
    }

    fn truncated(&mut self) -> ParseError {
        ParseError::Truncated { offset: self.src.end_offset(), open: self.depth }
    }

    /// The root element, after the prolog (declaration, comments, PIs, DOCTYPE).
    pub(crate) fn root(&mut self) -> Result<Element<'_, S>, ParseError> {
        loop {
            let offset = self.src.offset();
            let (start, empty) = match self.src.next_event() {
                Ok(Event::Start(e)) => (e, false),
                Ok(Event::Empty(e)) => (e, true),
                Ok(Event::Text(t)) if !t.trim_ascii().is_empty() => {
                    return Err(ParseError::Xml { offset, reason: "text before the root element".into() });
                }
                Ok(Event::CData(_) | Event::GeneralRef(_) | Event::End(_)) => {
                    return Err(ParseError::Xml { offset, reason: "content before the root element".into() });
                }
                Ok(Event::Eof) => return Err(ParseError::Xml { offset, reason: "no root element".into() }),
                Ok(_) => continue,
                Err(e) => return Err(self.fail(Stop::Source(e))),
            };
            if self.max_depth == 0 {
                return Err(ParseError::Limit { limit: Limit::Depth, max: 0, offset });
            }
            if !empty {
                self.depth = 1;
                self.fresh = true;
            }
            enter(&mut self.ns, &mut self.tags, &start, 1, offset, self.max_event)?;
            return Ok(Element { cur: self, depth: 1 });
        }
    }

    /// Reads what follows the root element: only comments, PIs and whitespace may.
    pub(crate) fn finish(&mut self) -> Result<(), ParseError> {
        // A reader may stop early: skip the rest of the root first.
        while self.depth > 0 {
            self.skip_if_unread(1)?;
            if let Step::Open(_) = step!(self) {
                self.fresh = true;
            }
        }
        loop {
            let offset = self.src.offset();
            match self.src.next_event() {
                Ok(Event::Eof) => return Ok(()),
                Ok(Event::Comment(_) | Event::PI(_)) => {}
                Ok(Event::Text(t)) if t.trim_ascii().is_empty() => {}
                Ok(_) => return Err(ParseError::Xml { offset, reason: "content after the root element".into() }),
                Err(e) => return Err(self.fail(Stop::Source(e))),
            }
        }
    }

    /// The next child element of the element at `parent` depth, skipping
    /// whatever of its content was not read; `None` once it is closed.
    fn next_child(&mut self, parent: u32) -> Result<Option<Element<'_, S>>, ParseError> {
        while self.depth >= parent {
            self.skip_if_unread(parent + 1)?;
            let offset = self.src.offset();
            let (child, fresh) = match step!(self) {
                Step::Open(e) if self.depth == parent + 1 => (e, true),
                Step::Empty(e) if self.depth == parent => (e, false),
                // A descendant passed over: its content may be skipped whole.
                Step::Open(_) => {
                    self.fresh = true;
                    continue;
                }
                _ => continue,
            };
            let depth = parent + 1;
            enter(&mut self.ns, &mut self.tags, &child, depth, offset, self.max_event)?;
            self.fresh = fresh;
            return Ok(Some(Element { cur: self, depth }));
        }
        Ok(None)
    }

    /// Skips the content of the innermost open element when it is at
    /// `min_depth` or deeper and nothing of it was read since its start tag
    /// (a reader dropped it, or it is passed over), and the source can
    /// ([`EventSource::skip_content`]); its end tag is then the next event.
    fn skip_if_unread(&mut self, min_depth: u32) -> Result<(), ParseError> {
        self.skip_if_unread_avoiding(min_depth, None)
    }

    /// [`skip_if_unread`](Self::skip_if_unread), declining where an element
    /// whose local name is `avoid` starts (a search would find it there).
    fn skip_if_unread_avoiding(&mut self, min_depth: u32, avoid: Option<&str>) -> Result<(), ParseError> {
        if !self.fresh || self.depth < min_depth {
            return Ok(());
        }
        self.fresh = false;
        let avoid = avoid.map(str::as_bytes);
        self.src.skip_content(self.max_depth - self.depth, avoid).map_err(|e| self.fail(Stop::Source(e)))
    }

    /// The next descendant of the element at `ancestor` depth whose local
    /// name is `local`, skipping everything else (and, once found, whatever
    /// of the previous one was not read); `None` once the ancestor is closed.
    ///
    /// Skipped elements' namespace declarations are kept in scope (only
    /// tags that mention `xmlns` cost more than the skip), so the element
    /// found resolves its namespace as if every ancestor had been entered.
    fn next_descendant(&mut self, ancestor: u32, local: &str) -> Result<Option<Element<'_, S>>, ParseError> {
        while self.depth >= ancestor {
            // Content with no element named `local` is passed over by a scan.
            self.skip_if_unread_avoiding(ancestor, Some(local))?;
            let offset = self.src.offset();
            let (e, depth, open) = match step!(self) {
                Step::Open(e) => (e, self.depth, true),
                Step::Empty(e) => (e, self.depth + 1, false),
                _ => continue,
            };
            if split_qname(e.name().as_ref()).1 == local {
                let fresh = depth == self.depth;
                enter(&mut self.ns, &mut self.tags, &e, depth, offset, self.max_event)?;
                self.fresh = fresh;
                return Ok(Some(Element { cur: self, depth }));
            }
            self.ns.enter(depth);
            let content: &str = &e;
            if has_attributes(&e) && mentions_xmlns(content) {
                bind_declarations(&mut self.ns, content, e.name().as_ref().len(), depth, offset)?;
                if self.tags.bytes() + self.ns.bytes() > self.max_event {
                    let max = self.max_event as u64;
                    return Err(ParseError::Limit { limit: Limit::EventSize, max, offset });
                }
            }
            self.fresh = open;
        }
        Ok(None)
    }

    /// The text content of the element at `depth` (all descendant text,
    /// references resolved), trimmed and cut at `max` bytes.
    fn text(&mut self, depth: u32, max: usize) -> Result<Capped, ParseError> {
        Ok(self.gather_text(depth, max, false)?.unwrap_or_default())
    }

    /// The text of the element at `depth` when it has no child element;
    /// `None` at its first child, whose content is then left to be skipped.
    fn leaf_text(&mut self, depth: u32, max: usize) -> Result<Option<Capped>, ParseError> {
        // A child first: the whole content is passed over in one scan.
        if self.fresh && self.depth == depth && self.src.child_comes_first() {
            self.skip_if_unread(depth)?;
            return Ok(None);
        }
        self.gather_text(depth, max, true)
    }

    /// The text of the element at `depth`: its text, CDATA sections and
    /// references, in order, through every descendant; or, for a `leaf`,
    /// `None` at its first child element. Inlined, so that each caller's
    /// copy has `leaf` folded away.
    #[inline(always)]
    fn gather_text(&mut self, depth: u32, max: usize, leaf: bool) -> Result<Option<Capped>, ParseError> {
        let mut text = CappedString::new(max);
        while self.depth >= depth {
            match step!(self) {
                Step::Text(t) => text.push(&t.xml10_content()),
                Step::CData(t) => text.push(&t.xml10_content()),
                Step::Ref(r) => push_reference(&mut |piece| text.push(piece), &r),
                Step::Open(_) if leaf => {
                    self.fresh = true;
                    return Ok(None);
                }
                Step::Empty(_) if leaf => return Ok(None),
                _ => {}
            }
        }
        Ok(Some(text.finish()))
    }

    /// The leaves of the subtree of the element at `depth`.
    fn leaves(&mut self, depth: u32, leaves: &mut Leaves, max_leaves: usize, max: usize) -> Result<(), ParseError> {
        let mut path = std::mem::take(&mut self.leaf_path);
        let mut segments = std::mem::take(&mut self.leaf_segments);
        path.clear();
        segments.clear();
        // The innermost open element, while it has no child element.
        let mut leaf = Some(leaves.open("", max));
        while self.depth >= depth {
            match step!(self) {
                Step::Text(t) => {
                    if let Some(open) = leaf.as_mut() {
                        leaves.push_text(open, &t.xml10_content());
                    }
                }
                Step::CData(t) => {
                    if let Some(open) = leaf.as_mut() {
                        leaves.push_text(open, &t.xml10_content());
                    }
                }
                Step::Ref(r) => {
                    if let Some(open) = leaf.as_mut() {
                        push_reference(&mut |piece| leaves.push_text(open, piece), &r);
                    }
                }
                Step::Open(e) => {
                    if self.depth == depth + 1 {
                        note_child(leaves, &e, &self.ns, depth, max_leaves);
                    }
                    segments.push(path.len());
                    push_segment(&mut path, &e);
                    leaf = Some(leaves.open(&path, max));
                }
                Step::Empty(e) => {
                    if self.depth == depth {
                        note_child(leaves, &e, &self.ns, depth, max_leaves);
                    }
                    // An element with a child element is not a leaf.
                    leaves.drop_open();
                    leaf = None;
                }
                Step::Close => {
                    if let Some(open) = leaf.take() {
                        leaves.close(open, max_leaves);
                    }
                    if let Some(len) = segments.pop() {
                        path.truncate(len);
                    }
                }
                Step::Other => {}
            }
        }
        (self.leaf_path, self.leaf_segments) = (path, segments);
        Ok(())
    }
}

/// Longest `Name` attribute written into a leaf's path.
const MAX_NAME_ATTR: usize = 64;

/// Adds an element's segment to a leaf path: its local name, and, for the
/// name/value pattern of .NET services (`<t:Value Name="BackOffMilliseconds">`),
/// its `Name` attribute in brackets: `Value[BackOffMilliseconds]`.
fn push_segment(path: &mut String, e: &BytesStart<'_>) {
    if !path.is_empty() {
        path.push('/');
    }
    path.push_str(split_qname(e.name().as_ref()).1);
    if !has_attributes(e) {
        return;
    }
    let named = e.attributes().with_checks(false).flatten().find(|a| a.key.as_ref() == "Name");
    if let Some(attr) = named {
        path.push('[');
        path.push_str(&collapse_whitespace(&attr_value(&attr), MAX_NAME_ATTR).text);
        path.push(']');
    }
}

/// Records the namespace and local name of a child of the subtree's root
/// (a fault detail's entries), resolved with its own declarations first.
fn note_child(leaves: &mut Leaves, e: &BytesStart<'_>, ns: &Namespaces, depth: u32, max_children: usize) {
    let name = e.name();
    let (prefix, local) = split_qname(name.as_ref());
    let prefix = prefix.unwrap_or("");
    let declared = has_attributes(e)
        .then(|| {
            e.attributes()
                .with_checks(false)
                .flatten()
                .find_map(|a| (declared_prefix(a.key.as_ref()) == Some(prefix)).then(|| attr_value(&a)))
        })
        .flatten();
    let uri = declared.as_deref().or_else(|| ns.resolve(prefix, depth)).filter(|u| !u.is_empty());
    leaves.add_child(uri, local, max_children);
}

/// Does the tag content mention `xmlns` (so may declare a namespace)?
/// A byte search for its first letter: cheaper than a substring search's setup.
fn mentions_xmlns(content: &str) -> bool {
    let bytes = content.as_bytes();
    memchr::memchr_iter(b'x', bytes).any(|at| bytes[at..].starts_with(b"xmlns"))
}

/// Does the tag have anything after its name (most have not: no attribute
/// to look through)?
fn has_attributes(e: &BytesStart<'_>) -> bool {
    e.len() > e.name().as_ref().len()
}

/// The prefix an attribute named `key` declares: `""` for `xmlns` (the
/// default namespace), `p` for `xmlns:p`; `None` for other attributes.
fn declared_prefix(key: &str) -> Option<&str> {
    if key == "xmlns" { Some("") } else { key.strip_prefix("xmlns:") }
}

/// Records the element handed out at `depth`: its tag, and its namespace
/// declarations (scanned only when the tag mentions `xmlns`). What is kept
/// along the path is bounded like one event: `max_event` bytes.
fn enter(
    ns: &mut Namespaces,
    tags: &mut Tags,
    e: &BytesStart<'_>,
    depth: u32,
    offset: u64,
    max_event: usize,
) -> Result<(), ParseError> {
    let content: &str = e;
    let name_len = e.name().as_ref().len();
    tags.set(depth, content, name_len);
    ns.enter(depth);
    if content.len() > name_len && mentions_xmlns(content) {
        bind_declarations(ns, content, name_len, depth, offset)?;
    }
    if tags.bytes() + ns.bytes() > max_event {
        return Err(ParseError::Limit { limit: Limit::EventSize, max: max_event as u64, offset });
    }
    Ok(())
}

/// Binds the namespace declarations of the tag `content` for `depth`.
fn bind_declarations(
    ns: &mut Namespaces,
    content: &str,
    name_len: usize,
    depth: u32,
    offset: u64,
) -> Result<(), ParseError> {
    // Most tags: every attribute `key="value"` with nothing to normalize,
    // read here without quick-xml's iterator, with the same outcome.
    let bind = |key: &str, value: &str| {
        if let Some(prefix) = declared_prefix(key) {
            ns.bind(depth, prefix, value);
        }
    };
    if plain_attributes(content, name_len, bind) {
        return Ok(());
    }
    // Duplicates are not looked for: that costs an allocation per tag.
    let mut attributes = Attributes::new(content, name_len);
    attributes.with_checks(false);
    for attr in attributes {
        let attr = attr.map_err(|err| ParseError::Xml { offset, reason: err.to_string() })?;
        if let Some(prefix) = declared_prefix(attr.key.as_ref()) {
            ns.bind(depth, prefix, &attr_value(&attr));
        }
    }
    Ok(())
}

/// Reads the attributes of a tag (`content`, its name `name_len` bytes) as
/// quick-xml's iterator does without duplicate checks, calling `each(key,
/// value)`, when every one is well formed and its value has nothing to
/// normalize (no `&`, tab or line break); false (before any call) when one
/// is not, for the iterator to read them and give its error or normalize.
fn plain_attributes<'a>(content: &'a str, name_len: usize, mut each: impl FnMut(&'a str, &'a str)) -> bool {
    let bytes = content.as_bytes();
    let is_space = |b: u8| matches!(b, b' ' | b'\t' | b'\r' | b'\n');
    let mut at = name_len;
    let mut found: [(usize, usize, usize, usize); 8] = [(0, 0, 0, 0); 8];
    let mut n = 0;
    loop {
        while at < bytes.len() && is_space(bytes[at]) {
            at += 1;
        }
        if at == bytes.len() {
            break;
        }
        let key_start = at;
        while at < bytes.len() && bytes[at] != b'=' && !is_space(bytes[at]) {
            at += 1;
        }
        let key_end = at;
        while at < bytes.len() && is_space(bytes[at]) {
            at += 1;
        }
        if bytes.get(at) != Some(&b'=') {
            return false;
        }
        at += 1;
        while at < bytes.len() && is_space(bytes[at]) {
            at += 1;
        }
        let Some(&quote) = bytes.get(at).filter(|q| matches!(q, b'"' | b'\'')) else { return false };
        let value_start = at + 1;
        let Some(len) = memchr::memchr(quote, &bytes[value_start..]) else { return false };
        let value_end = value_start + len;
        if n == found.len() || bytes[value_start..value_end].iter().any(|b| matches!(b, b'&' | b'\t' | b'\n' | b'\r')) {
            return false;
        }
        found[n] = (key_start, key_end, value_start, value_end);
        n += 1;
        at = value_end + 1;
    }
    // Spans start and end at ASCII bytes: character boundaries.
    for &(key_start, key_end, value_start, value_end) in &found[..n] {
        each(&content[key_start..key_end], &content[value_start..value_end]);
    }
    true
}

/// A general reference: character and predefined references resolved,
/// anything else (an entity from a DTD) kept as written, never expanded.
fn push_reference(push: &mut impl FnMut(&str), reference: &BytesRef<'_>) {
    let name: &str = reference;
    if let Ok(Some(ch)) = reference.resolve_char_ref() {
        push(ch.encode_utf8(&mut [0; 4]));
    } else if let Some(resolved) = resolve_xml_entity(name) {
        push(resolved);
    } else {
        push("&");
        push(name);
        push(";");
    }
}

/// An attribute's value, normalized; a reference to an undeclared entity
/// keeps the value as written rather than failing or expanding anything.
fn attr_value<'a>(attr: &Attribute<'a>) -> Cow<'a, str> {
    // Most values (namespace URIs, codes) have nothing to normalize: borrowed as they are.
    if !attr.value.bytes().any(|b| matches!(b, b'&' | b'\t' | b'\n' | b'\r')) {
        return attr.value.clone();
    }
    attr.normalized_value_with(XmlVersion::Implicit1_0, 1, resolve_xml_entity).unwrap_or_else(|_| attr.value.clone())
}

/// An element handed out by the cursor: it answers for its own name,
/// namespace and attributes, and reads its own content. Holding it borrows
/// the cursor, so the document is read in order: a child's handle must be
/// dropped before its parent moves on.
pub(crate) struct Element<'c, S> {
    cur: &'c mut Cursor<S>,
    depth: u32,
}

impl<'c, S: EventSource> Element<'c, S> {
    /// The tag content (name and attributes) and the name's length.
    fn tag(&self) -> (&str, usize) {
        self.cur.tags.get(self.depth)
    }

    /// The qualified name, as written.
    pub(crate) fn name(&self) -> &str {
        let (tag, name_len) = self.tag();
        &tag[..name_len]
    }

    /// The local name.
    pub(crate) fn local_name(&self) -> &str {
        split_qname(self.name()).1
    }

    /// The namespace URI, resolved in this element's scope.
    pub(crate) fn namespace(&self) -> Option<&str> {
        self.resolve(split_qname(self.name()).0.unwrap_or(""))
    }

    /// The URI `prefix` is bound to in this element's scope.
    fn resolve(&self, prefix: &str) -> Option<&str> {
        self.cur.ns.resolve(prefix, self.depth)
    }

    fn attributes(&self) -> impl Iterator<Item = Attribute<'_>> {
        let (tag, name_len) = self.tag();
        let mut attributes = Attributes::new(tag, name_len);
        attributes.with_checks(false);
        attributes.flatten()
    }

    /// The value of the first attribute whose key `pick` accepts: read by
    /// [`plain_attributes`] when it can, else by quick-xml's iterator
    /// (malformed attributes passed over, values normalized).
    fn attr_where(&self, pick: impl Fn(&str) -> bool) -> Option<Cow<'_, str>> {
        let (tag, name_len) = self.tag();
        let mut found = None;
        let plain = plain_attributes(tag, name_len, |key, value| {
            if found.is_none() && pick(key) {
                found = Some(value);
            }
        });
        if plain {
            return found.map(Cow::Borrowed);
        }
        self.attributes().find(|a| pick(a.key.as_ref())).map(|a| attr_value(&a))
    }

    /// The value of the unprefixed attribute `local`.
    pub(crate) fn attr(&self, local: &str) -> Option<Cow<'_, str>> {
        self.attr_where(|key| key == local)
    }

    /// The value of the attribute `{ns}local`, whatever its prefix.
    pub(crate) fn attr_ns(&self, ns: &str, local: &str) -> Option<Cow<'_, str>> {
        self.attr_where(|key| {
            let (prefix, name) = split_qname(key);
            name == local && prefix.is_some_and(|p| p != "xmlns" && self.resolve(p) == Some(ns))
        })
    }

    /// The next child element, skipping whatever of the previous one was
    /// not read; `None` once this element is closed.
    pub(crate) fn next_child(&mut self) -> Result<Option<Element<'_, S>>, ParseError> {
        self.cur.next_child(self.depth)
    }

    /// The next descendant named `local` (any namespace), skipping the
    /// rest; see [`Cursor::next_descendant`].
    pub(crate) fn next_descendant(&mut self, local: &str) -> Result<Option<Element<'_, S>>, ParseError> {
        self.cur.next_descendant(self.depth, local)
    }

    /// All descendant text, references resolved, trimmed and cut at `max` bytes.
    pub(crate) fn text(self, max: usize) -> Result<Capped, ParseError> {
        self.cur.text(self.depth, max)
    }

    /// The text, as [`text`](Self::text) reads it, of an element with no
    /// child element; `None` when it has one (the rest of the element is
    /// then passed over as a dropped element is).
    pub(crate) fn leaf_text(self, max: usize) -> Result<Option<Capped>, ParseError> {
        self.cur.leaf_text(self.depth, max)
    }

    /// The text read as a QName, resolved in this element's scope.
    pub(crate) fn qname_text(self, max: usize) -> Result<QNameText, ParseError> {
        let kept = self.cur.text(self.depth, max)?;
        let prefix = split_qname(&kept.text).0;
        let ns = self.resolve(prefix.unwrap_or("")).map(|ns| match crate::soap::envelope_ns(ns) {
            Some(known) => Cow::Borrowed(known),
            None => Cow::Owned(ns.to_owned()),
        });
        Ok(QNameText { raw: kept.text, ns })
    }

    /// The leaves of the subtree, at most `max_leaves`, each text cut at `max` bytes.
    pub(crate) fn leaves(self, max_leaves: usize, max: usize) -> Result<Leaves, ParseError> {
        let mut leaves = Leaves::reused();
        self.cur.leaves(self.depth, &mut leaves, max_leaves, max)?;
        Ok(leaves)
    }

    /// [`leaves`](Self::leaves) into `leaves`, which keeps, when the body
    /// breaks off, every leaf read to its end before the break and every
    /// child whose start tag was read.
    pub(crate) fn leaves_into(self, leaves: &mut Leaves, max_leaves: usize, max: usize) -> Result<(), ParseError> {
        self.cur.leaves(self.depth, leaves, max_leaves, max)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::xml::source::SliceSource;

    fn cursor(xml: &str) -> Cursor<SliceSource<'_>> {
        Cursor::new(SliceSource::new(xml.as_bytes(), 0, &Limits::default()), &Limits::default())
    }

    #[test]
    fn plain_attributes_read_as_quick_xml_does() {
        let pieces = ["a", " ", "xmlns", ":", "=", "\"", "'", "v", "&amp;", "\t", "\n", "<", "p:k", "/", "urn:x", "é"];
        let mut seed = 0x9e37_79b9_u64;
        let mut plain = 0;
        for _ in 0..20_000 {
            let len = (seed >> 40) as usize % 14;
            let mut tag = String::from("t");
            for _ in 0..len {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                tag.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            let mut ours = Vec::new();
            if !plain_attributes(&tag, 1, |k, v| ours.push((k.to_owned(), v.to_owned()))) {
                continue;
            }
            plain += 1;
            let mut attributes = Attributes::new(&tag, 1);
            attributes.with_checks(false);
            let theirs: Vec<(String, String)> = attributes
                .map(|a| {
                    let a = a.unwrap_or_else(|e| panic!("{tag:?}: plain, but quick-xml says {e}"));
                    (a.key.as_ref().to_owned(), attr_value(&a).into_owned())
                })
                .collect();
            assert_eq!(ours, theirs, "{tag:?}");
        }
        assert!(plain > 1_000, "only {plain} plain tags generated");
        let mut seen = Vec::new();
        assert!(plain_attributes("a xmlns='urn:a'  p:k = \"v\"", 1, |k, v| seen.push((k, v))));
        assert_eq!(seen, [("xmlns", "urn:a"), ("p:k", "v")]);
    }

    #[test]
    fn walks_children_and_skips_the_rest() {
        let mut c =
            cursor("<r xmlns='urn:d' xmlns:p='urn:p'><a><deep><x/></deep></a><p:b k='v&amp;w'>t<i>u</i></p:b><c/></r>");
        let mut root = c.root().unwrap();
        assert_eq!((root.local_name(), root.namespace()), ("r", Some("urn:d")));
        let a = root.next_child().unwrap().unwrap();
        assert_eq!((a.local_name(), a.namespace()), ("a", Some("urn:d")));
        let b = root.next_child().unwrap().unwrap();
        assert_eq!((b.local_name(), b.namespace()), ("b", Some("urn:p")));
        assert_eq!(b.attr("k").as_deref(), Some("v&w"));
        assert_eq!(b.text(100).unwrap().text, "tu");
        let c_el = root.next_child().unwrap().unwrap();
        assert_eq!(c_el.local_name(), "c");
        assert!(root.next_child().unwrap().is_none());
        // The root still answers for itself after its children were read.
        assert_eq!((root.local_name(), root.namespace()), ("r", Some("urn:d")));
        c.finish().unwrap();
    }

    #[test]
    fn a_parent_keeps_its_own_name_and_scope_after_reading_children() {
        let mut c = cursor("<r xmlns:p='urn:r'><p:item a='1'><p:x xmlns:p='urn:x' a='2'/></p:item></r>");
        let mut root = c.root().unwrap();
        let mut item = root.next_child().unwrap().unwrap();
        let x = item.next_child().unwrap().unwrap();
        assert_eq!((x.namespace(), x.attr("a").as_deref()), (Some("urn:x"), Some("2")));
        assert!(item.next_child().unwrap().is_none());
        assert_eq!((item.name(), item.namespace(), item.attr("a").as_deref()), ("p:item", Some("urn:r"), Some("1")));
    }

    #[test]
    fn qname_text_resolves_in_the_elements_scope() {
        let mut c = cursor(
            "<r xmlns:q='urn:outer'><code xmlns:q='urn:inner'> q:Server </code><code>q:Client</code><code>Plain</code></r>",
        );
        let mut root = c.root().unwrap();
        let q = root.next_child().unwrap().unwrap().qname_text(100).unwrap();
        assert_eq!((q.raw.as_str(), q.ns.as_deref(), q.local()), ("q:Server", Some("urn:inner"), "Server"));
        let q = root.next_child().unwrap().unwrap().qname_text(100).unwrap();
        assert_eq!(q.ns.as_deref(), Some("urn:outer"));
        let q = root.next_child().unwrap().unwrap().qname_text(100).unwrap();
        assert_eq!(q.ns, None);
    }

    #[test]
    fn descendants_resolve_declarations_of_skipped_ancestors() {
        let mut c = cursor(
            "<r xmlns:s='urn:soap'><item><a xmlns:s='urn:other'><s:Fault n='1'/></a>\
             <b><deep><s:Fault n='2'><s:Fault n='3'/></s:Fault></deep></b><w xmlns:x='urn:x'><x:Fault n='4'/></w></item></r>",
        );
        let mut root = c.root().unwrap();
        let mut item = root.next_child().unwrap().unwrap();
        let mut found = Vec::new();
        while let Some(f) = item.next_descendant("Fault").unwrap() {
            found.push((f.attr("n").unwrap().into_owned(), f.namespace().map(str::to_owned)));
        }
        let want = [("1", "urn:other"), ("2", "urn:soap"), ("3", "urn:soap"), ("4", "urn:x")];
        assert_eq!(found, want.map(|(n, ns)| (n.to_owned(), Some(ns.to_owned()))));
        // The item still answers for itself, and the root goes on.
        assert_eq!(item.name(), "item");
        assert!(root.next_child().unwrap().is_none());
        c.finish().unwrap();
    }

    #[test]
    fn a_descendant_search_passes_over_content_without_the_name() {
        // No Fault in the item: the search ends, and the reader goes on.
        let mut c = cursor("<r><item a='1'><x k='v'>t &amp; u<y/></x><Faults/><FaultX/></item><next/></r>");
        let mut root = c.root().unwrap();
        let mut item = root.next_child().unwrap().unwrap();
        assert!(item.next_descendant("Fault").unwrap().is_none());
        assert_eq!(item.attr("a").as_deref(), Some("1"));
        assert_eq!(root.next_child().unwrap().unwrap().local_name(), "next");
        c.finish().unwrap();
        // What the scan cannot vouch for is still read and reported.
        let mut c = cursor("<r><item><x>t &amp u</x></item></r>");
        let mut root = c.root().unwrap();
        let mut item = root.next_child().unwrap().unwrap();
        assert!(item.next_descendant("Fault").is_err());
    }

    #[test]
    fn leaf_text_reads_text_only_elements() {
        let mut c = cursor("<r><a> x &lt; y <![CDATA[z]]></a><b>t<c>u</c>v</b><d><e/>w</d><f/></r>");
        let mut root = c.root().unwrap();
        let a = root.next_child().unwrap().unwrap().leaf_text(100).unwrap().unwrap();
        assert_eq!(a.text, "x < y z");
        // A child after text, and a child first: no text, the rest passed over.
        assert!(root.next_child().unwrap().unwrap().leaf_text(100).unwrap().is_none());
        assert!(root.next_child().unwrap().unwrap().leaf_text(100).unwrap().is_none());
        assert_eq!(root.next_child().unwrap().unwrap().leaf_text(100).unwrap().unwrap().text, "");
        assert!(root.next_child().unwrap().is_none());
        c.finish().unwrap();
    }

    #[test]
    fn leaves_carry_paths() {
        let mut c = cursor("<d><e><name>n</name><code> 7 </code><cause/></e>x</d>");
        let leaves = c.root().unwrap().leaves(8, 100).unwrap();
        let got: Vec<_> = leaves.items().map(|l| (l.path, l.text)).collect();
        assert_eq!(got, [("e/name", "n"), ("e/code", "7")]);
        assert!(!leaves.truncated);
    }

    #[test]
    fn leaves_name_the_roots_children_and_name_attributes() {
        let mut c = cursor(
            "<detail xmlns:e='urn:errors'><e:ResponseCode>ErrorServerBusy</e:ResponseCode>\
             <t:MessageXml xmlns:t='urn:types'><t:Value Name='BackOffMilliseconds'>297749</t:Value></t:MessageXml>\
             <plain/></detail>",
        );
        let leaves = c.root().unwrap().leaves(8, 100).unwrap();
        assert_eq!(leaves.at("MessageXml/Value[BackOffMilliseconds]"), Some("297749"));
        let children: Vec<_> = leaves.children().map(|c| (c.ns, c.local)).collect();
        assert_eq!(
            children,
            [(Some("urn:errors"), "ResponseCode"), (Some("urn:types"), "MessageXml"), (None, "plain")]
        );
        assert_eq!(leaves.child_in(|ns| ns == "urn:types").map(|c| c.local), Some("MessageXml"));
    }

    #[test]
    fn depth_limit_applies_while_skipping() {
        let xml = format!("<r>{}{}</r>", "<a>".repeat(300), "</a>".repeat(300));
        let mut c = cursor(&xml);
        let mut root = c.root().unwrap();
        assert!(root.next_child().unwrap().is_some());
        let err = root.next_child().map(|_| ()).unwrap_err();
        // Reported where the tag that crossed the limit starts.
        let at = 3 + 3 * 255;
        assert_eq!(err, ParseError::Limit { limit: Limit::Depth, max: 256, offset: at });
    }

    #[test]
    fn tags_kept_along_the_path_count_against_the_event_limit() {
        let limits = Limits { max_event_bytes: 100, ..Limits::default() };
        let attr = "a".repeat(60);
        let xml = format!("<r><x k='{attr}'><y k='{attr}'/></x></r>");
        let mut c = Cursor::new(SliceSource::new(xml.as_bytes(), 0, &limits), &limits);
        let mut root = c.root().unwrap();
        let mut x = root.next_child().unwrap().unwrap();
        let err = x.next_child().map(|_| ()).unwrap_err();
        assert_eq!(err, ParseError::Limit { limit: Limit::EventSize, max: 100, offset: 71 });
    }

    #[test]
    fn truncation_is_reported() {
        let mut c = cursor("<r><a>text");
        let mut root = c.root().unwrap();
        let a = root.next_child().unwrap().unwrap();
        assert!(matches!(a.text(10), Err(ParseError::Truncated { open: 2, .. })));
    }
}
