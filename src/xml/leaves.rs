//! The leaves of a subtree (a fault's `detail`, an OpenAir `<errors>`):
//! each text-only element's path and text, for lookups and for one-line
//! rendering in `detail`.

use crate::text::{Capped, CappedString};

/// A leaf of a subtree: the path of local names below the subtree's root
/// (`serviceException/code`; empty for the root's own text) and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Leaf {
    pub(crate) path: String,
    pub(crate) text: String,
}

impl Leaf {
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Child {
    pub(crate) ns: Option<String>,
    pub(crate) local: String,
}

/// The leaves of one subtree, in document order, and whether any was cut
/// (or left out past the count read); and the root's child elements.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Leaves {
    pub(crate) items: Vec<Leaf>,
    pub(crate) truncated: bool,
    pub(crate) children: Vec<Child>,
}

impl Leaves {
    pub(crate) fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The first child of the root whose namespace passes `ns`.
    pub(crate) fn child_in(&self, ns: impl Fn(&str) -> bool) -> Option<&Child> {
        self.children.iter().find(|c| c.ns.as_deref().is_some_and(&ns))
    }

    /// The text of the first leaf whose path is `suffix` or ends with `/suffix`.
    pub(crate) fn at(&self, suffix: &str) -> Option<&str> {
        self.items.iter().find(|l| l.path_ends_with(suffix)).map(|l| l.text.as_str())
    }

    /// The text of the first non-empty leaf whose element is named `name`.
    pub(crate) fn named(&self, name: &str) -> Option<&str> {
        self.items.iter().find(|l| l.name() == name && !l.text.is_empty()).map(|l| l.text.as_str())
    }

    /// The leaves as one line, `path: text` pairs joined by `; `, whitespace
    /// runs folded, cut at `max` bytes.
    pub(crate) fn render(&self, max: usize) -> Capped {
        let mut out = CappedString::new(max);
        out.reserve(self.items.iter().map(|l| l.path.len() + l.text.len() + 4).sum());
        for (i, leaf) in self.items.iter().enumerate() {
            if i > 0 {
                out.push("; ");
            }
            if !leaf.path.is_empty() {
                out.push(&leaf.path);
                out.push(": ");
            }
            out.push_words(&leaf.text);
        }
        out.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leaves(pairs: &[(&str, &str)]) -> Leaves {
        let items = pairs.iter().map(|(p, t)| Leaf { path: (*p).into(), text: (*t).into() }).collect();
        Leaves { items, truncated: false, children: Vec::new() }
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
}
