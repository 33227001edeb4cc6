//! Profiles read from TOML files (feature `profile-files`): what the CLI's
//! `--profile FILE` reads, and the one-line error it says for a profile that
//! cannot be used (the file, the line where known, the key, what is wrong).

use std::fmt;
use std::fs;
use std::io;
use std::ops::Range;
use std::path::{Path, PathBuf};

use toml::de::{DeTable, DeValue};

use super::{KeyPart, Profile, ProfileError, ProfileSpec};

/// A profile file that cannot be used: it cannot be read, is not TOML, is
/// not a valid profile, or teaches a vendor an earlier file teaches already.
///
/// Its `Display` is one line, the CLI's `--profile` error without the
/// program's name: `profile FILE:LINE: KEY: what is wrong` (the line and the
/// key where known), or `cannot read profile FILE: why`.
///
/// ```
/// let err = vendor_errors::profile::load_files(&["no/such/profile.toml"]).unwrap_err();
/// assert!(err.to_string().starts_with("cannot read profile no/such/profile.toml: "));
/// assert_eq!(err.path(), std::path::Path::new("no/such/profile.toml"));
/// assert_eq!((err.line(), err.key()), (None, None));
/// ```
#[derive(Debug)]
pub struct ProfileFileError {
    path: PathBuf,
    line: Option<usize>,
    key: Option<String>,
    reason: String,
    io: Option<io::Error>,
}

impl ProfileFileError {
    /// The file, as given.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The 1-based line where the problem is, when known.
    pub fn line(&self) -> Option<usize> {
        self.line
    }

    /// The key where the problem is, as TOML writes it (`element[1].at`),
    /// when known.
    pub fn key(&self) -> Option<&str> {
        self.key.as_deref()
    }

    /// What is wrong, without the file, line and key.
    pub fn reason(&self) -> &str {
        &self.reason
    }
}

impl fmt::Display for ProfileFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown = self.path.display();
        if self.io.is_some() {
            return write!(f, "cannot read profile {shown}: {}", self.reason);
        }
        let line = self.line.map(|n| format!(":{n}")).unwrap_or_default();
        let key = self.key.as_deref().map(|k| format!("{k}: ")).unwrap_or_default();
        f.write_str(&one_line(&format!("profile {shown}{line}: {key}{}", self.reason)))
    }
}

impl std::error::Error for ProfileFileError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.io.as_ref().map(|e| e as _)
    }
}

/// Every profile in `paths`, in the order given (the order
/// [`Options::profile`](crate::Options::profile) tries them); or the first
/// that cannot be used. Two files teaching the same vendor are an error.
///
/// ```
/// let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/profiles");
/// let profiles = vendor_errors::profile::load_files(&[dir.join("acme.toml"), dir.join("fulfil.toml")])?;
/// assert_eq!(profiles[1].name().as_str(), "fulfil");
///
/// let err = vendor_errors::profile::load_files(&[dir.join("acme.toml"), dir.join("acme.toml")]).unwrap_err();
/// assert!(err.to_string().contains(r#"acme.toml: vendor: "acme" is the vendor of "#));
///
/// let err = vendor_errors::profile::load_files(&[dir.join("bad/invalid-class.toml")]).unwrap_err();
/// assert_eq!((err.line(), err.key()), (Some(5), Some("codes.E1002")));
/// # Ok::<(), vendor_errors::profile::ProfileFileError>(())
/// ```
pub fn load_files<P: AsRef<Path>>(paths: &[P]) -> Result<Vec<Profile>, ProfileFileError> {
    let mut loaded: Vec<(Profile, &Path)> = Vec::with_capacity(paths.len());
    for path in paths {
        let path = path.as_ref();
        let profile = load_file(path)?;
        if let Some((_, first)) = loaded.iter().find(|(p, _)| p.name() == profile.name()) {
            return Err(ProfileFileError {
                path: path.to_owned(),
                line: None,
                key: Some("vendor".to_owned()),
                reason: format!("\"{}\" is the vendor of {} already", profile.name(), first.display()),
                io: None,
            });
        }
        loaded.push((profile, path));
    }
    Ok(loaded.into_iter().map(|(profile, _)| profile).collect())
}

/// One profile file.
///
/// ```
/// let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/profiles/acme.toml");
/// assert_eq!(vendor_errors::profile::load_file(&path)?.name().as_str(), "acme");
/// # Ok::<(), vendor_errors::profile::ProfileFileError>(())
/// ```
pub fn load_file(path: impl AsRef<Path>) -> Result<Profile, ProfileFileError> {
    let path = path.as_ref();
    let error = |line: Option<usize>, key: Option<String>, reason: String| ProfileFileError {
        path: path.to_owned(),
        line,
        key,
        reason,
        io: None,
    };
    let text = match fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) => {
            return Err(ProfileFileError {
                path: path.to_owned(),
                line: None,
                key: None,
                reason: e.to_string(),
                io: Some(e),
            });
        }
    };
    let table = match DeTable::parse(&text) {
        Ok(table) => table,
        Err(e) => return Err(error(line_of(&text, e.span()), None, format!("not TOML: {}", e.message()))),
    };
    let spec: ProfileSpec = match toml::from_str(&text) {
        Ok(spec) => spec,
        Err(e) => {
            // An empty span (a key missing from the top table) says no place.
            let span = e.span().filter(|span| !span.is_empty());
            let key = span.as_ref().map(|span| key_at(table.get_ref(), span.start)).filter(|k| !k.is_empty());
            return Err(error(line_of(&text, span), key, e.message().to_owned()));
        }
    };
    spec.build().map_err(|e| validation(&text, table.get_ref(), &e, error))
}

/// A validation error, at the line of its key where the file has it.
fn validation(
    text: &str,
    table: &DeTable<'_>,
    e: &ProfileError,
    error: impl Fn(Option<usize>, Option<String>, String) -> ProfileFileError,
) -> ProfileFileError {
    let line = line_of(text, span_of(table, e.key_path()));
    let key = e.key();
    error(line, (!key.is_empty()).then_some(key), e.reason().to_owned())
}

/// Text made safe for one line: whitespace runs folded to one space, other
/// control characters shown as escapes (as the CLI shows text from a body).
fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, word) in text.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        for c in word.chars() {
            if c.is_control() {
                out.extend(c.escape_unicode());
            } else {
                out.push(c);
            }
        }
    }
    out
}

/// The 1-based line where `span` starts.
fn line_of(text: &str, span: Option<Range<usize>>) -> Option<usize> {
    let start = span?.start.min(text.len());
    Some(text.as_bytes()[..start].iter().filter(|&&b| b == b'\n').count() + 1)
}

/// Where the key at `path` is written: the key itself, or for an array
/// element the element.
fn span_of(table: &DeTable<'_>, path: &[KeyPart]) -> Option<Range<usize>> {
    let mut table = Some(table);
    let mut array: Option<&[toml::Spanned<DeValue<'_>>]> = None;
    let mut span = None;
    for part in path {
        let value = match part {
            KeyPart::Key(key) => {
                let (k, v) = table?.iter().find(|(k, _)| k.get_ref() == key)?;
                span = Some(k.span());
                v
            }
            KeyPart::Index(i) => {
                let v = array?.get(*i)?;
                span = Some(v.span());
                v
            }
        };
        table = value.get_ref().as_table();
        array = value.get_ref().as_array().map(|a| &a[..]);
    }
    span
}

/// The key path (as TOML writes it) of the innermost key whose key or
/// value holds the byte at `pos` (empty when none does).
fn key_at(table: &DeTable<'_>, pos: usize) -> String {
    let mut path = Vec::new();
    find_key(table, pos, &mut path);
    let mut out = String::new();
    for part in path {
        match part {
            Part::Key(key) => push_key(&mut out, key),
            Part::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

/// A step of a key path found in a document.
enum Part<'t> {
    Key(&'t str),
    Index(usize),
}

/// Pushes onto `path` the way to the innermost key or value holding `pos`
/// below `table`; false (and `path` as it was) when there is none. Every
/// child is searched: a table's own span is only its header.
fn find_key<'t>(table: &'t DeTable<'_>, pos: usize, path: &mut Vec<Part<'t>>) -> bool {
    table.iter().any(|(key, value)| {
        path.push(Part::Key(key.get_ref()));
        let found = key.span().contains(&pos) || find_in(value, pos, path) || value.span().contains(&pos);
        if !found {
            path.pop();
        }
        found
    })
}

/// [`find_key`] below any value.
fn find_in<'t>(value: &'t toml::Spanned<DeValue<'_>>, pos: usize, path: &mut Vec<Part<'t>>) -> bool {
    match value.get_ref() {
        DeValue::Table(table) => find_key(table, pos, path),
        DeValue::Array(items) => items.iter().enumerate().any(|(i, item)| {
            path.push(Part::Index(i));
            let found = find_in(item, pos, path) || item.span().contains(&pos);
            if !found {
                path.pop();
            }
            found
        }),
        _ => false,
    }
}

/// Appends `.key` (or `key` first), bare when TOML allows, else quoted.
fn push_key(out: &mut String, key: &str) {
    if !out.is_empty() {
        out.push('.');
    }
    if !key.is_empty() && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-') {
        out.push_str(key);
    } else {
        out.push_str(&format!("{key:?}"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "vendor = \"acme\"\n\n[[element]]\nat = \"A\"\ncode = \"Id\"\n\n[[element]]\nat = \"B\"\nmessage = [\"x\", 5]\n\n[codes]\n\"a.b\" = { retry = \"x\" }\n";

    fn table() -> toml::Spanned<DeTable<'static>> {
        DeTable::parse(TEXT).unwrap()
    }

    #[test]
    fn keys_are_found_by_position() {
        let table = table();
        let at = |needle: &str| key_at(table.get_ref(), TEXT.find(needle).unwrap());
        assert_eq!(at("vendor"), "vendor");
        assert_eq!(at("\"acme\""), "vendor");
        assert_eq!(at("code"), "element[0].code");
        assert_eq!(at("5]"), "element[1].message[1]");
        assert_eq!(at("[[element]]\nat = \"B\""), "element[1]");
        assert_eq!(at("\"x\" }"), "codes.\"a.b\".retry");
        assert_eq!(key_at(table.get_ref(), TEXT.len() + 10), "");
    }

    #[test]
    fn lines_are_found_by_key() {
        let table = table();
        let line = |path: &[KeyPart]| line_of(TEXT, span_of(table.get_ref(), path));
        let key = |k: &str| KeyPart::Key(k.to_owned());
        assert_eq!(line(&[key("vendor")]), Some(1));
        assert_eq!(line(&[key("element"), KeyPart::Index(1)]), Some(7));
        assert_eq!(line(&[key("element"), KeyPart::Index(1), key("message")]), Some(9));
        assert_eq!(line(&[key("codes"), key("a.b"), key("retry")]), Some(12));
        assert_eq!(line(&[key("element"), KeyPart::Index(7)]), None);
        assert_eq!(line(&[key("nothing")]), None);
        assert_eq!(line_of(TEXT, Some(10_000..10_001)), Some(TEXT.lines().count() + 1));
    }

    #[test]
    fn lines_are_one_line() {
        assert_eq!(one_line(" a \n\tb\x1b "), "a b\\u{1b}");
    }
}
