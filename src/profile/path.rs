//! XML paths of local names (`Problems/Problem`), matched by whole
//! segments at their end, and namespace patterns (`urn:acme:*`).
//!
//! A path is matched against the local names of the elements above a point,
//! outermost first (a stack): it matches when the stack ends with its
//! segments. The same holds for a leaf's `/`-joined path (as
//! `Leaves::at` matches): `errors/reason` matches the leaves
//! `errors/reason` and `ApiFault/errors/reason`, not `xerrors/reason`.

/// A path of local names joined by `/`, as written (validated).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LocalPath(Box<str>);

impl LocalPath {
    /// A path: non-empty local names joined by `/`; the reason when it is none.
    pub(crate) fn parse(path: &str) -> Result<LocalPath, String> {
        if path.is_empty() {
            return Err("invalid path \"\": empty".to_owned());
        }
        for segment in path.split('/') {
            check_local_name(segment).map_err(|why| format!("invalid path {path:?}: {why}"))?;
        }
        Ok(LocalPath(path.into()))
    }

    #[cfg(test)]
    /// The path as written.
    pub(crate) fn as_str(&self) -> &str {
        &self.0
    }

    /// Its segments, innermost first.
    fn rev_segments(&self) -> impl Iterator<Item = &str> {
        self.0.rsplit('/')
    }

    /// True when `names` (local names, innermost first: a stack read from
    /// its top) starts with the path's segments, innermost first.
    pub(crate) fn matches_rev<'n>(&self, mut names: impl Iterator<Item = &'n str>) -> bool {
        self.rev_segments().all(|segment| names.next() == Some(segment))
    }

    #[cfg(test)]
    /// True when the stack of local names (outermost first) ends with the
    /// path: `Problems/Problem` matches `[Envelope, Body, Problems, Problem]`.
    pub(crate) fn matches_stack<S: AsRef<str>>(&self, stack: &[S]) -> bool {
        self.matches_rev(stack.iter().rev().map(AsRef::as_ref))
    }

    /// True when the `/`-joined `path` is this path or ends with `/` and it
    /// (whole segments, as `Leaves::at` matches a leaf's path).
    pub(crate) fn matches_joined(&self, path: &str) -> bool {
        self.matches_rev(path.rsplit('/'))
    }
}

/// The text of the first leaf, in `paths`' order and then in document
/// order, whose path one of `paths` matches and whose text is not blank:
/// "the first present wins". `leaves` gives `(path, text)` pairs afresh at
/// each call (paths relative to the base, `/`-joined).
pub(crate) fn first_present<'t, I>(paths: &[LocalPath], leaves: impl Fn() -> I) -> Option<&'t str>
where
    I: Iterator<Item = (&'t str, &'t str)>,
{
    paths
        .iter()
        .find_map(|p| leaves().find(|(path, text)| p.matches_joined(path) && !text.trim().is_empty()))
        .map(|(_, text)| text.trim())
}

/// A local name: non-empty, no prefix, nothing XML does not allow in a name.
pub(crate) fn check_local_name(name: &str) -> Result<(), String> {
    if name.is_empty() {
        return Err("empty segment".to_owned());
    }
    if name.contains(':') {
        return Err(format!("{name:?} has a prefix (local names only)"));
    }
    match name.chars().find(|&c| c.is_whitespace() || c.is_control() || "<>&\"'=*/".contains(c)) {
        Some(c) => Err(format!("{c:?} in {name:?} (no local name holds it)")),
        None => Ok(()),
    }
}

/// A namespace URI to claim: exact, or with a trailing `*` any that starts
/// with the rest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum NsPattern {
    /// This namespace.
    Exact(Box<str>),
    /// Any namespace starting with this (not empty).
    Prefix(Box<str>),
}

impl NsPattern {
    /// A pattern; the reason when it is none.
    pub(crate) fn parse(pattern: &str) -> Result<NsPattern, String> {
        let (head, star) = match pattern.strip_suffix('*') {
            Some(head) => (head, true),
            None => (pattern, false),
        };
        if head.contains('*') {
            return Err(format!("invalid namespace {pattern:?}: '*' only at the end"));
        }
        if head.trim() != head || head.chars().any(char::is_control) {
            return Err(format!("invalid namespace {pattern:?}: blank or control characters"));
        }
        match (head.is_empty(), star) {
            (true, false) => Err("invalid namespace \"\": empty".to_owned()),
            (true, true) => Err(format!("invalid namespace {pattern:?}: matches every namespace")),
            (false, false) => Ok(NsPattern::Exact(head.into())),
            (false, true) => Ok(NsPattern::Prefix(head.into())),
        }
    }

    /// True when `ns` is this namespace (or starts with the prefix).
    pub(crate) fn matches(&self, ns: &str) -> bool {
        match self {
            NsPattern::Exact(exact) => ns == &**exact,
            NsPattern::Prefix(prefix) => ns.starts_with(&**prefix),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(p: &str) -> LocalPath {
        LocalPath::parse(p).unwrap()
    }

    #[test]
    fn paths_are_local_names_joined_by_slashes() {
        assert_eq!(path("Problems/Problem").as_str(), "Problems/Problem");
        let why = |p: &str| LocalPath::parse(p).unwrap_err();
        assert_eq!(why(""), "invalid path \"\": empty");
        assert_eq!(why("Problems//Problem"), "invalid path \"Problems//Problem\": empty segment");
        assert_eq!(why("/Problem"), "invalid path \"/Problem\": empty segment");
        assert_eq!(why("Problem/"), "invalid path \"Problem/\": empty segment");
        assert_eq!(why("a:Problem"), "invalid path \"a:Problem\": \"a:Problem\" has a prefix (local names only)");
        assert!(why("Pro blem").contains("' '"));
        assert!(why("Problems/*").contains("'*'"));
        assert!(why("a<b").contains("'<'"));
    }

    #[test]
    fn a_path_matches_the_end_of_a_stack_by_whole_segments() {
        let p = path("Problems/Problem");
        assert!(p.matches_stack(&["Envelope", "Body", "Problems", "Problem"]));
        assert!(p.matches_stack(&["Problems", "Problem"]));
        assert!(!p.matches_stack(&["Problem"]));
        assert!(!p.matches_stack(&["Problems", "Problem", "Id"]));
        assert!(!p.matches_stack(&["XProblems", "Problem"]));
        assert!(!p.matches_stack::<&str>(&[]));
        assert!(path("Problem").matches_stack(&[String::from("Problem")]));
        assert!(p.matches_rev(["Problem", "Problems", "Root"].into_iter()));
    }

    #[test]
    fn a_path_matches_the_end_of_a_joined_path() {
        let p = path("errors/reason");
        assert!(p.matches_joined("errors/reason"));
        assert!(p.matches_joined("ApiFault/errors/reason"));
        assert!(!p.matches_joined("ApiFault/xerrors/reason"));
        assert!(!p.matches_joined("reason"));
        assert!(!p.matches_joined("errors/reason/x"));
        assert!(!p.matches_joined(""));
    }

    #[test]
    fn the_first_present_wins_in_list_order_then_document_order() {
        let leaves = [
            ("ApiFault/message", "  "),
            ("ApiFault/errors/reason", " QUOTA "),
            ("errorCode", "E1"),
            ("x/errorCode", "E2"),
        ];
        let all = || leaves.iter().copied();
        assert_eq!(first_present(&[path("errors/reason"), path("errorCode")], all), Some("QUOTA"));
        assert_eq!(first_present(&[path("errorCode"), path("errors/reason")], all), Some("E1"));
        assert_eq!(first_present(&[path("message"), path("nothing")], all), None);
        assert_eq!(first_present(&[], all), None);
    }

    #[test]
    fn namespace_patterns() {
        let exact = NsPattern::parse("urn:acme:billing").unwrap();
        assert!(exact.matches("urn:acme:billing") && !exact.matches("urn:acme:billing:v2"));
        let prefix = NsPattern::parse("urn:acme:*").unwrap();
        assert!(prefix.matches("urn:acme:") && prefix.matches("urn:acme:billing:v2") && !prefix.matches("urn:acm"));
        for bad in ["", "*", "urn:*:x", " urn:acme", "urn:a\n"] {
            assert!(NsPattern::parse(bad).is_err(), "{bad:?}");
        }
        assert_eq!(NsPattern::parse("*").unwrap_err(), "invalid namespace \"*\": matches every namespace");
    }
}
