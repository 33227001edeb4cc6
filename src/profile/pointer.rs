//! JSON Pointers (RFC 6901) with one addition: a `*` segment stands for
//! every array element and every object member, in document order.
//!
//! Object members are visited in the order `serde_json::Map` keeps them:
//! sorted by key unless serde_json's `preserve_order` feature is on (this
//! crate does not turn it on), in which case in document order.
//!
//! A member literally named `*` cannot be addressed (RFC 6901 has no escape
//! for it); `~0` and `~1` stand for `~` and `/` as the RFC says.

use serde_json::Value;

/// One reference token.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Segment {
    /// A member name, and the array index it is when it is one (RFC 6901:
    /// `0` or digits without a leading zero).
    Key { name: Box<str>, index: Option<usize> },
    /// `*`: every element or member.
    Any,
}

/// A compiled pointer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Pointer {
    /// As written.
    text: Box<str>,
    segments: Box<[Segment]>,
}

impl Pointer {
    /// A pointer into the whole document: empty (the document) or starting
    /// with `/`. The reason when it is none.
    pub(crate) fn absolute(text: &str) -> Result<Pointer, String> {
        match text.strip_prefix('/') {
            Some(rest) => Pointer::tokens(text, Some(rest)),
            None if text.is_empty() => Pointer::tokens(text, None),
            None => Err(format!("invalid pointer {text:?}: must start with '/'")),
        }
    }

    /// A pointer relative to a matched value: the leading `/` may be left
    /// out (`kind` is `/kind`); empty is the value itself.
    pub(crate) fn relative(text: &str) -> Result<Pointer, String> {
        let rest = text.strip_prefix('/').unwrap_or(text);
        Pointer::tokens(text, (!text.is_empty()).then_some(rest))
    }

    /// Compiles the tokens of `rest` (`None`: no token at all).
    fn tokens(text: &str, rest: Option<&str>) -> Result<Pointer, String> {
        let segments: Box<[Segment]> = match rest {
            None => Box::default(),
            Some(rest) => rest
                .split('/')
                .map(segment)
                .collect::<Result<_, _>>()
                .map_err(|why| format!("invalid pointer {text:?}: {why}"))?,
        };
        Ok(Pointer { text: text.into(), segments })
    }

    #[cfg(test)]
    /// The pointer as written.
    pub(crate) fn as_str(&self) -> &str {
        &self.text
    }

    /// True when a segment is `*`.
    pub(crate) fn has_wildcard(&self) -> bool {
        self.segments.contains(&Segment::Any)
    }

    /// Every value the pointer reaches from `root`, in document order.
    /// Allocates only when it has a `*` (a stack of one iterator per `*`).
    pub(crate) fn each<'p, 'v>(&'p self, root: &'v Value) -> Matches<'p, 'v> {
        Matches { segments: &self.segments, start: Some(root), stack: Vec::new() }
    }

    /// The first value the pointer reaches from `root`, in document order.
    pub(crate) fn first<'v>(&self, root: &'v Value) -> Option<&'v Value> {
        self.each(root).next()
    }
}

/// One token, unescaped: `~1` is `/`, `~0` is `~`; `*` alone is every member.
fn segment(token: &str) -> Result<Segment, String> {
    if token == "*" {
        return Ok(Segment::Any);
    }
    let mut name = String::with_capacity(token.len());
    let mut chars = token.chars();
    while let Some(c) = chars.next() {
        if c != '~' {
            name.push(c);
            continue;
        }
        match chars.next() {
            Some('0') => name.push('~'),
            Some('1') => name.push('/'),
            _ => return Err("'~' must be followed by 0 or 1".to_owned()),
        }
    }
    let digits = !name.is_empty() && name.bytes().all(|b| b.is_ascii_digit());
    let index = if digits && (name == "0" || !name.starts_with('0')) { name.parse().ok() } else { None };
    Ok(Segment::Key { name: name.into(), index })
}

/// The children of a value a `*` stands for.
enum Children<'v> {
    Array(std::slice::Iter<'v, Value>),
    Object(serde_json::map::Values<'v>),
}

impl<'v> Iterator for Children<'v> {
    type Item = &'v Value;
    fn next(&mut self) -> Option<&'v Value> {
        match self {
            Children::Array(items) => items.next(),
            Children::Object(values) => values.next(),
        }
    }
}

/// The values a pointer reaches, depth first in document order.
pub(crate) struct Matches<'p, 'v> {
    segments: &'p [Segment],
    /// The root, until it is walked from.
    start: Option<&'v Value>,
    /// For each `*` being expanded: the segment after it, and the children left.
    stack: Vec<(usize, Children<'v>)>,
}

impl<'v> Matches<'_, 'v> {
    /// Follows the segments from `from` starting at `value`: the value
    /// reached, or `None` when a segment does not resolve or a `*` was met
    /// (its children are then pushed for `next` to walk).
    fn descend(&mut self, mut value: &'v Value, from: usize) -> Option<&'v Value> {
        for (i, segment) in self.segments.iter().enumerate().skip(from) {
            value = match (segment, value) {
                (Segment::Key { name, .. }, Value::Object(map)) => map.get(&**name)?,
                (Segment::Key { index, .. }, Value::Array(items)) => items.get((*index)?)?,
                (Segment::Any, Value::Object(map)) => {
                    self.stack.push((i + 1, Children::Object(map.values())));
                    return None;
                }
                (Segment::Any, Value::Array(items)) => {
                    self.stack.push((i + 1, Children::Array(items.iter())));
                    return None;
                }
                _ => return None,
            };
        }
        Some(value)
    }
}

impl<'v> Iterator for Matches<'_, 'v> {
    type Item = &'v Value;

    fn next(&mut self) -> Option<&'v Value> {
        if let Some(found) = self.start.take().and_then(|root| self.descend(root, 0)) {
            return Some(found);
        }
        loop {
            let (from, children) = self.stack.last_mut()?;
            let from = *from;
            match children.next() {
                Some(child) => {
                    if let Some(found) = self.descend(child, from) {
                        return Some(found);
                    }
                }
                None => {
                    self.stack.pop();
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn all<'v>(pointer: &str, doc: &'v Value) -> Vec<&'v Value> {
        Pointer::absolute(pointer).unwrap().each(doc).collect()
    }

    #[test]
    fn rfc_6901_examples() {
        let doc = json!({"foo": ["bar", "baz"], "": 0, "a/b": 1, "c%d": 2, "e^f": 3, "g|h": 4, "i\\j": 5,
            "k\"l": 6, " ": 7, "m~n": 8});
        let one = |p: &str| Pointer::absolute(p).unwrap().first(&doc).cloned();
        assert_eq!(one(""), Some(doc.clone()));
        assert_eq!(one("/foo"), Some(json!(["bar", "baz"])));
        assert_eq!(one("/foo/0"), Some(json!("bar")));
        for (p, n) in [("/", 0), ("/a~1b", 1), ("/c%d", 2), ("/e^f", 3), ("/g|h", 4), ("/i\\j", 5), ("/k\"l", 6)] {
            assert_eq!(one(p), Some(json!(n)), "{p}");
        }
        assert_eq!(one("/ "), Some(json!(7)));
        assert_eq!(one("/m~0n"), Some(json!(8)));
    }

    #[test]
    fn missing_and_mismatched_values_are_not_found() {
        let doc = json!({"a": [1, 2], "s": "text", "n": null});
        for p in ["/b", "/a/2", "/a/-", "/a/01", "/a/x", "/s/0", "/n/x", "/a/0/x", "/a/99999999999999999999999"] {
            assert!(all(p, &doc).is_empty(), "{p}");
        }
        // Digits are a member name in an object.
        assert_eq!(all("/0", &json!({"0": "zero"})), [&json!("zero")]);
        assert_eq!(all("/01", &json!({"01": "one"})), [&json!("one")]);
    }

    #[test]
    fn a_star_is_every_element_and_member_in_order() {
        let doc = json!({"failures": [{"kind": "A"}, {"kind": "B"}, {"other": 1}], "ok": false});
        let kinds: Vec<_> = all("/failures/*/kind", &doc);
        assert_eq!(kinds, [&json!("A"), &json!("B")]);
        assert_eq!(all("/failures/*", &doc).len(), 3);
        // Members: serde_json's map order (sorted keys without preserve_order).
        let doc = json!({"b": {"x": 2}, "a": {"x": 1}, "c": 3});
        assert_eq!(all("/*/x", &doc), [&json!(1), &json!(2)]);
        assert_eq!(all("/*", &doc).len(), 3);
        // Nested stars: depth first.
        let doc = json!([[1, 2], [], [3], "s", {"k": 4}]);
        assert_eq!(all("/*/*", &doc), [&json!(1), &json!(2), &json!(3), &json!(4)]);
        assert!(all("/*", &json!("scalar")).is_empty());
        assert!(all("/*", &json!([])).is_empty());
    }

    #[test]
    fn relative_pointers_may_leave_out_the_slash() {
        let doc = json!({"kind": "A", "": "empty", "d": {"e": 1}});
        let rel = |p: &str| Pointer::relative(p).unwrap().first(&doc).cloned();
        assert_eq!(rel("kind"), Some(json!("A")));
        assert_eq!(rel("/kind"), Some(json!("A")));
        assert_eq!(rel("d/e"), Some(json!(1)));
        assert_eq!(rel(""), Some(doc.clone()));
        assert_eq!(rel("/"), Some(json!("empty")));
        assert_eq!(Pointer::relative("kind").unwrap().as_str(), "kind");
    }

    #[test]
    fn invalid_pointers_say_why() {
        assert_eq!(Pointer::absolute("failures").unwrap_err(), "invalid pointer \"failures\": must start with '/'");
        assert_eq!(Pointer::absolute("/a~2").unwrap_err(), "invalid pointer \"/a~2\": '~' must be followed by 0 or 1");
        assert!(Pointer::absolute("/a~").is_err());
        assert!(Pointer::relative("a/~x").is_err());
        assert!(Pointer::absolute("/a/*").unwrap().has_wildcard());
        assert!(!Pointer::absolute("/a/b*").unwrap().has_wildcard());
    }
}
