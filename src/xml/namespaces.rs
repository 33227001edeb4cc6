//! Namespace bindings in scope, for the elements the cursor has entered.
//!
//! One string arena and one vector, reused for the whole body: entering an
//! element that declares nothing costs nothing, and nothing is allocated once
//! the arena has grown to the deepest set of declarations seen.
//!
//! Bindings are dropped lazily, when an element is entered at their depth or
//! above, and every lookup names the depth it is made at: so a closed
//! element's bindings never leak into its parent's lookups, and an element
//! just read can still resolve a QName in its own text.

/// The namespace the `xml` prefix is bound to by definition.
pub(crate) const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";

#[derive(Debug, Clone, Copy)]
struct Binding {
    depth: u32,
    /// `arena[start..mid]` is the prefix (empty for the default namespace),
    /// `arena[mid..end]` the URI (empty when `xmlns=""` undeclares it).
    start: usize,
    mid: usize,
    end: usize,
}

/// Prefix bindings of the entered elements on the path, innermost last.
#[derive(Debug)]
pub(crate) struct Namespaces {
    arena: String,
    bindings: Vec<Binding>,
}

impl Default for Namespaces {
    /// No room yet (nothing allocated).
    fn default() -> Self {
        Namespaces { arena: String::new(), bindings: Vec::new() }
    }
}

impl Namespaces {
    /// Room for the declarations of a typical envelope: one allocation each.
    pub(crate) fn with_room() -> Self {
        Namespaces { arena: String::with_capacity(512), bindings: Vec::with_capacity(8) }
    }

    /// Forgets every binding, keeping the room.
    pub(crate) fn clear(&mut self) {
        self.arena.clear();
        self.bindings.clear();
    }

    /// Bytes of room held.
    pub(crate) fn capacity(&self) -> usize {
        self.arena.capacity() + self.bindings.capacity() * std::mem::size_of::<Binding>()
    }

    /// Forgets the bindings made at `depth` or deeper: an element is being
    /// entered there.
    pub(crate) fn enter(&mut self, depth: u32) {
        while let Some(last) = self.bindings.last() {
            if last.depth < depth {
                break;
            }
            self.arena.truncate(last.start);
            self.bindings.pop();
        }
    }

    /// Binds `prefix` (empty: the default namespace) for the element at `depth`.
    pub(crate) fn bind(&mut self, depth: u32, prefix: &str, uri: &str) {
        let start = self.arena.len();
        self.arena.push_str(prefix);
        let mid = self.arena.len();
        self.arena.push_str(uri);
        self.bindings.push(Binding { depth, start, mid, end: self.arena.len() });
    }

    /// Bytes of prefixes and URIs kept along the path.
    pub(crate) fn bytes(&self) -> usize {
        self.arena.len()
    }

    /// The URI `prefix` is bound to in the scope of the element at `depth`
    /// (empty prefix: the default namespace).
    pub(crate) fn resolve(&self, prefix: &str, depth: u32) -> Option<&str> {
        if prefix == "xml" {
            return Some(XML_NS);
        }
        let b = self.bindings.iter().rev().find(|b| b.depth <= depth && &self.arena[b.start..b.mid] == prefix)?;
        let uri = &self.arena[b.mid..b.end];
        (!uri.is_empty()).then_some(uri)
    }
}

/// Splits a qualified name into its prefix (if any) and local part.
pub(crate) fn split_qname(qname: &str) -> (Option<&str>, &str) {
    // A byte search: names are short, and a `char` pattern costs more than the name.
    match qname.bytes().position(|b| b == b':') {
        Some(at) => (Some(&qname[..at]), &qname[at + 1..]),
        None => (None, qname),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inner_bindings_shadow_outer_and_go_away() {
        let mut ns = Namespaces::default();
        ns.bind(1, "", "urn:outer");
        ns.bind(1, "a", "urn:a");
        ns.bind(2, "", "urn:inner");
        assert_eq!(ns.resolve("", 2), Some("urn:inner"));
        assert_eq!(ns.resolve("a", 2), Some("urn:a"));
        // The parent does not see its closed child's bindings.
        assert_eq!(ns.resolve("", 1), Some("urn:outer"));
        ns.enter(2);
        ns.bind(2, "", "");
        assert_eq!(ns.resolve("", 2), None);
        assert_eq!(ns.resolve("xml", 2), Some(XML_NS));
        assert_eq!(ns.resolve("b", 2), None);
    }
}
