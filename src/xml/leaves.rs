//! The leaves of a subtree (a fault's `detail`, an OpenAir `<errors>`):
//! each text-only element's path and text, for lookups and for one-line
//! rendering in `detail`.
//!
//! Every path, text and name is kept in one buffer, back to back: reading a
//! detail of a few leaves costs a few allocations, not a few per leaf.

use crate::text::{Capped, CappedString, CappedTail};

/// A leaf of a subtree: the path of local names below the subtree's root
/// (`serviceException/code`; empty for the root's own text) and its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Leaf<'a> {
    pub(crate) path: &'a str,
    pub(crate) text: &'a str,
}

impl Leaf<'_> {
    /// The last segment of the path: the leaf element's local name.
    pub(crate) fn name(&self) -> &str {
        self.path.rsplit('/').next().unwrap_or_default()
    }

    /// True when the path is `suffix` or ends with `/suffix` (whole segments).
    fn path_ends_with(&self, suffix: &str) -> bool {
        self.path == suffix || self.path.strip_suffix(suffix).is_some_and(|head| head.ends_with('/'))
    }
}

/// A child element of the subtree's root: its namespace and local name
/// (a fault detail's entries, which say whose fault it is).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Child<'a> {
    pub(crate) ns: Option<&'a str>,
    pub(crate) local: &'a str,
}

/// Where a leaf sits in the buffer: its path, then its text, up to `end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct LeafSpan {
    path: usize,
    text: usize,
    end: usize,
}

/// Where a child's names sit in the buffer: its namespace (`None` when it
/// has none), then its local name, up to `end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct ChildSpan {
    ns: Option<usize>,
    local: usize,
    end: usize,
}

/// The leaves of one subtree, in document order, and whether any was cut
/// (or left out past the count read); and the root's child elements.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Leaves {
    /// Paths, texts and names, back to back; past the last kept one, the
    /// leaf being read.
    buf: String,
    items: Vec<LeafSpan>,
    children: Vec<ChildSpan>,
    /// The end of the last leaf or child kept: past it, the leaf being read.
    kept: usize,
    pub(crate) truncated: bool,
}

impl Leaves {
    /// Room for a few leaves of the usual size (a fault detail): most are read
    /// without growing.
    pub(crate) fn with_room() -> Self {
        Leaves {
            buf: String::with_capacity(256),
            items: Vec::with_capacity(8),
            children: Vec::with_capacity(2),
            kept: 0,
            truncated: false,
        }
    }

    /// Leaves to fill: the thread's spare ones when it has some (see
    /// [`recycle`](Self::recycle)).
    pub(crate) fn reused() -> Self {
        super::scratch::take_leaves()
    }

    /// Done with: the buffers are kept for the next detail read on this thread.
    pub(crate) fn recycle(self) {
        super::scratch::give_back_leaves(self);
    }

    /// Forgets every leaf and child, keeping the room.
    pub(crate) fn clear(&mut self) {
        self.buf.clear();
        self.items.clear();
        self.children.clear();
        self.kept = 0;
        self.truncated = false;
    }

    /// Bytes of room held.
    pub(crate) fn capacity(&self) -> usize {
        self.buf.capacity()
            + self.items.capacity() * std::mem::size_of::<LeafSpan>()
            + self.children.capacity() * std::mem::size_of::<ChildSpan>()
    }

    /// No leaf at all.
    pub(crate) fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The leaves, in document order.
    pub(crate) fn items(&self) -> impl Iterator<Item = Leaf<'_>> {
        self.items.iter().map(|s| Leaf { path: &self.buf[s.path..s.text], text: &self.buf[s.text..s.end] })
    }

    /// The root's child elements, in document order.
    pub(crate) fn children(&self) -> impl Iterator<Item = Child<'_>> {
        self.children
            .iter()
            .map(|s| Child { ns: s.ns.map(|ns| &self.buf[ns..s.local]), local: &self.buf[s.local..s.end] })
    }

    /// The first child of the root whose namespace `ns` accepts.
    pub(crate) fn child_in(&self, ns: impl Fn(&str) -> bool) -> Option<Child<'_>> {
        self.children().find(|c| c.ns.is_some_and(&ns))
    }

    /// The text of the first leaf whose path is `suffix` or ends with `/suffix`.
    pub(crate) fn at(&self, suffix: &str) -> Option<&str> {
        self.items().find(|l| l.path_ends_with(suffix)).map(|l| l.text)
    }

    /// The text of the first non-empty leaf named `name`.
    pub(crate) fn named(&self, name: &str) -> Option<&str> {
        self.items().find(|l| l.name() == name && !l.text.is_empty()).map(|l| l.text)
    }

    /// The leaves as one line, `path: text` pairs joined by `; `, whitespace
    /// runs folded, cut at `max` bytes.
    pub(crate) fn render(&self, max: usize) -> Capped {
        let mut out = CappedString::new(max);
        out.reserve(self.items.iter().map(|s| s.end - s.path + 4).sum());
        for (i, leaf) in self.items().enumerate() {
            if i > 0 {
                out.push("; ");
            }
            if !leaf.path.is_empty() {
                out.push(leaf.path);
                out.push(": ");
            }
            out.push_words(leaf.text);
        }
        out.finish()
    }

    // Building, for the cursor: a leaf is opened, its text added, and it is
    // closed (kept when it has text) or dropped (when a child element shows
    // it is no leaf).

    /// Starts the leaf at `path`, dropping the one being read (which, having
    /// a child element, is none); its text is cut at `max` bytes.
    pub(crate) fn open(&mut self, path: &str, max: usize) -> OpenLeaf {
        self.drop_open();
        let start = self.buf.len();
        self.buf.push_str(path);
        OpenLeaf { path: start, text: CappedTail::new(self.buf.len(), max) }
    }

    /// Adds text to the leaf being read.
    pub(crate) fn push_text(&mut self, leaf: &mut OpenLeaf, piece: &str) {
        leaf.text.push(&mut self.buf, piece);
    }

    /// Drops whatever was written past the last kept leaf or child.
    pub(crate) fn drop_open(&mut self) {
        self.buf.truncate(self.kept);
    }

    /// Keeps the leaf being read, unless it is empty or `max_leaves` are kept already.
    pub(crate) fn close(&mut self, leaf: OpenLeaf, max_leaves: usize) {
        let text = leaf.text.start();
        let cut = leaf.text.finish(&mut self.buf);
        if self.buf.len() == text {
            self.drop_open();
            return;
        }
        if self.items.len() == max_leaves {
            self.truncated = true;
            self.drop_open();
            return;
        }
        self.truncated |= cut;
        self.items.push(LeafSpan { path: leaf.path, text, end: self.buf.len() });
        self.kept = self.buf.len();
    }

    /// Records a child of the root (at most `max_children`); drops the leaf being read.
    pub(crate) fn add_child(&mut self, ns: Option<&str>, local: &str, max_children: usize) {
        self.drop_open();
        if self.children.len() == max_children {
            return;
        }
        let ns_start = self.buf.len();
        self.buf.push_str(ns.unwrap_or_default());
        let local_start = self.buf.len();
        self.buf.push_str(local);
        self.children.push(ChildSpan { ns: ns.map(|_| ns_start), local: local_start, end: self.buf.len() });
        self.kept = self.buf.len();
    }
}

/// A leaf being read: where its path and text start in the buffer.
#[derive(Debug)]
pub(crate) struct OpenLeaf {
    path: usize,
    text: CappedTail,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leaves(pairs: &[(&str, &str)]) -> Leaves {
        let mut l = Leaves::default();
        for (path, text) in pairs {
            let mut leaf = l.open(path, 100);
            l.push_text(&mut leaf, text);
            l.close(leaf, 8);
        }
        l
    }

    #[test]
    fn lookups_match_whole_segments() {
        let l = leaves(&[("fault/xcode", "1"), ("fault/code", "2"), ("text", "t")]);
        assert_eq!(l.at("code"), Some("2"));
        assert_eq!(l.at("fault/code"), Some("2"));
        assert_eq!(l.named("text"), Some("t"));
        assert_eq!(l.named("ault"), None);
    }

    #[test]
    fn renders_one_line() {
        let l = leaves(&[("a", "x\n  y"), ("", "root text")]);
        assert_eq!(l.render(100).text, "a: x y; root text");
        assert_eq!(l.render(4).text, "a: x…");
    }

    #[test]
    fn empty_and_dropped_leaves_leave_nothing_behind() {
        let mut l = Leaves::default();
        let mut parent = l.open("e", 100);
        l.push_text(&mut parent, "  ");
        l.add_child(Some("urn:x"), "e", 4);
        let empty = l.open("e/blank", 100);
        l.close(empty, 8);
        let mut leaf = l.open("e/code", 3);
        l.push_text(&mut leaf, " 1234 ");
        l.close(leaf, 8);
        assert_eq!(l.items().collect::<Vec<_>>(), [Leaf { path: "e/code", text: "123…" }]);
        assert_eq!(l.children().collect::<Vec<_>>(), [Child { ns: Some("urn:x"), local: "e" }]);
        assert!(l.truncated);
        let mut over = l.open("e/more", 100);
        l.push_text(&mut over, "x");
        l.close(over, 1);
        assert_eq!(l.items().count(), 1);
    }
}
