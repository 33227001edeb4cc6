//! `--profile FILE`: vendor profiles read from TOML before anything else is
//! read. A bad one is a usage error said on one line: the file, the line
//! where known, the key, and what is wrong.

use std::fs;
use std::ops::Range;
use std::path::{Path, PathBuf};

use toml::de::{DeTable, DeValue};
use vendor_errors::Profile;
use vendor_errors::profile::{KeyPart, ProfileError, ProfileSpec};

use super::output::one_line;

/// Every profile, in the order given; or the one line that says why one
/// cannot be used.
pub(crate) fn load(paths: &[PathBuf]) -> Result<Vec<Profile>, String> {
    let mut loaded: Vec<(Profile, &Path)> = Vec::with_capacity(paths.len());
    for path in paths {
        let profile = load_one(path)?;
        if let Some((_, first)) = loaded.iter().find(|(p, _)| p.name() == profile.name()) {
            let (this, first) = (path.display(), first.display());
            let name = profile.name();
            return Err(one_line(&format!(
                "vendor-errors: profile {this}: vendor: \"{name}\" is the vendor of {first} already"
            )));
        }
        loaded.push((profile, path));
    }
    Ok(loaded.into_iter().map(|(profile, _)| profile).collect())
}

/// One profile file.
fn load_one(path: &Path) -> Result<Profile, String> {
    let shown = path.display();
    let text = fs::read_to_string(path).map_err(|e| format!("vendor-errors: cannot read profile {shown}: {e}"))?;
    let table = match DeTable::parse(&text) {
        Ok(table) => table,
        Err(e) => return Err(said(&shown, line_of(&text, e.span()), None, &format!("not TOML: {}", e.message()))),
    };
    let spec: ProfileSpec = match toml::from_str(&text) {
        Ok(spec) => spec,
        Err(e) => {
            // An empty span (a key missing from the top table) says no place.
            let span = e.span().filter(|span| !span.is_empty());
            let key = span.as_ref().map(|span| key_at(table.get_ref(), span.start)).filter(|k| !k.is_empty());
            return Err(said(&shown, line_of(&text, span), key.as_deref(), e.message()));
        }
    };
    spec.build().map_err(|e| validation(&shown, &text, table.get_ref(), &e))
}

/// A validation error, at the line of its key where the file has it.
fn validation(shown: &dyn std::fmt::Display, text: &str, table: &DeTable<'_>, e: &ProfileError) -> String {
    let line = line_of(text, span_of(table, e.key_path()));
    let key = e.key();
    said(shown, line, (!key.is_empty()).then_some(&key), e.reason())
}

/// The one line: `vendor-errors: profile FILE:LINE: KEY: what`.
fn said(shown: &dyn std::fmt::Display, line: Option<usize>, key: Option<&str>, what: &str) -> String {
    let line = line.map(|n| format!(":{n}")).unwrap_or_default();
    let key = key.map(|k| format!("{k}: ")).unwrap_or_default();
    one_line(&format!("vendor-errors: profile {shown}{line}: {key}{what}"))
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
            _ => return span,
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
}
