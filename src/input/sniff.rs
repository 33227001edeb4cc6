//! What a body is, from its first bytes: its encoding (BOM, `Content-Type`
//! charset, XML declaration) and its kind (XML, JSON, HTML, text, empty).

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

use crate::parse_error::ParseError;
use crate::text::collapse_whitespace;

/// How many bytes are looked at before choosing a reader. The HTTP fallback
/// also takes a page's title or first words from these.
pub(crate) const PREFIX_LEN: usize = 8 * 1024;

/// Longest encoding label quoted in an error (real labels are under 40 bytes).
const MAX_LABEL_BYTES: usize = 64;

/// The body's encoding and the length of its byte order mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Charset {
    pub(crate) encoding: &'static Encoding,
    pub(crate) bom_len: usize,
}

impl Charset {
    pub(crate) fn is_utf8(self) -> bool {
        self.encoding == UTF_8
    }

    pub(crate) fn is_utf16(self) -> bool {
        self.encoding == UTF_16LE || self.encoding == UTF_16BE
    }
}

/// The encoding [`sniff_charset_declared`] chooses.
#[cfg(test)]
pub(crate) fn sniff_charset(prefix: &[u8], content_type_charset: Option<&str>) -> Result<Charset, ParseError> {
    sniff_charset_declared(prefix, content_type_charset).0
}

/// The encoding (a BOM wins, then the `Content-Type` charset (RFC 7303),
/// then the XML declaration at the start; UTF-8 otherwise), and whether
/// one of the three declared it rather than UTF-8 by default.
pub(crate) fn sniff_charset_declared(
    prefix: &[u8],
    content_type_charset: Option<&str>,
) -> (Result<Charset, ParseError>, bool) {
    if let Some((encoding, bom_len)) = Encoding::for_bom(prefix) {
        return (Ok(Charset { encoding, bom_len }), true);
    }
    if prefix.starts_with(&[b'<', 0, b'?', 0]) {
        return (Ok(Charset { encoding: UTF_16LE, bom_len: 0 }), true);
    }
    if prefix.starts_with(&[0, b'<', 0, b'?']) {
        return (Ok(Charset { encoding: UTF_16BE, bom_len: 0 }), true);
    }
    let label = content_type_charset.or_else(|| declared_encoding(prefix));
    let Some(label) = label else {
        return (Ok(Charset { encoding: UTF_8, bom_len: 0 }), false);
    };
    let charset = encoding_for_label(label, prefix)
        .map(|encoding| Charset { encoding, bom_len: 0 })
        .ok_or_else(|| ParseError::UnsupportedEncoding { label: collapse_whitespace(label, MAX_LABEL_BYTES).text });
    (charset, true)
}

/// The encoding `label` names, for a body (without a BOM) whose first bytes
/// are `text`; `None` for a label this crate does not know. A UTF-16 label
/// holds only when the bytes look like UTF-16 text, one of the first two
/// zero and the other not (`N\0` little-endian, `\0N` big-endian, whichever
/// the label says): bytes that read as ASCII cannot be UTF-16 without a
/// BOM, so the label is wrong (often a body re-encoded by a proxy), and
/// they are read as UTF-8.
pub(crate) fn encoding_for_label(label: &str, text: &[u8]) -> Option<&'static Encoding> {
    let label = label.trim().as_bytes();
    if label.eq_ignore_ascii_case(b"utf-8") {
        // The common label, without the label table.
        return Some(UTF_8);
    }
    let encoding = Encoding::for_label(label).filter(|e| *e != encoding_rs::REPLACEMENT)?;
    if encoding != UTF_16LE && encoding != UTF_16BE {
        return Some(encoding);
    }
    Some(match text {
        [first, 0, ..] if *first != 0 => UTF_16LE,
        [0, second, ..] if *second != 0 => UTF_16BE,
        _ => UTF_8,
    })
}

/// The `encoding` pseudo-attribute of an XML declaration at the very start.
pub(crate) fn declared_encoding(prefix: &[u8]) -> Option<&str> {
    let rest = prefix.strip_prefix(b"<?xml")?;
    if !rest.first().is_some_and(u8::is_ascii_whitespace) {
        return None;
    }
    let end = find(rest, b"?>")?;
    let decl = std::str::from_utf8(&rest[..end]).ok()?;
    let at = find(decl.as_bytes(), b"encoding")?;
    let value = decl[at + "encoding".len()..].trim_start().strip_prefix('=')?.trim_start();
    let quote = value.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let value = &value[1..];
    Some(&value[..value.find(quote)?])
}

/// Where `needle` (a few bytes, the first rare) first occurs in `hay`: the
/// prefix's short searches, cheaper than a general substring search's setup.
fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let (&first, rest) = needle.split_first()?;
    let mut from = 0;
    while let Some(at) = memchr::memchr(first, &hay[from..]) {
        let at = from + at;
        if hay[at + 1..].starts_with(rest) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// The charset parameter of a `Content-Type` header value.
pub(crate) fn content_type_charset(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        name.trim().eq_ignore_ascii_case("charset").then(|| value.trim().trim_matches('"'))
    })
}

/// What the first non-blank characters of a body say it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BodyKind {
    Empty,
    Xml,
    Html,
    Json,
    /// Plain text or binary; the offset of its first non-blank byte.
    Text(usize),
}

/// Classifies a decoded prefix (the body's first bytes, BOM removed).
pub(crate) fn body_kind(text: &str) -> BodyKind {
    let start = text.len() - text.trim_start().len();
    let rest = &text[start..];
    match rest.as_bytes().first() {
        None => BodyKind::Empty,
        Some(b'{' | b'[') => BodyKind::Json,
        Some(b'<') if looks_like_html(rest) => BodyKind::Html,
        Some(b'<') => BodyKind::Xml,
        Some(_) => BodyKind::Text(start),
    }
}

/// An HTML doctype or `<html>` start, after any XML declaration and comments.
fn looks_like_html(mut rest: &str) -> bool {
    loop {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix("<?") {
            match find(after.as_bytes(), b"?>") {
                Some(end) => rest = &after[end + 2..],
                None => return false,
            }
        } else if let Some(after) = rest.strip_prefix("<!--") {
            match find(after.as_bytes(), b"-->") {
                Some(end) => rest = &after[end + 3..],
                None => return false,
            }
        } else {
            break;
        }
    }
    let starts_with = |prefix: &str| {
        rest.len() >= prefix.len() && rest.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
    };
    let after_html = rest.as_bytes().get(5).copied();
    starts_with("<!doctype html")
        || starts_with("<html") && !after_html.is_some_and(|b| b.is_ascii_alphanumeric() || b == b':')
}

/// Decodes a prefix for classification and messages; bad bytes become U+FFFD.
pub(crate) fn decode_prefix(prefix: &[u8], charset: Charset) -> std::borrow::Cow<'_, str> {
    charset.encoding.decode_without_bom_handling(&prefix[charset.bom_len..]).0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_beats_charset_and_declaration() {
        let c = sniff_charset(b"\xFF\xFE<\0", Some("iso-8859-1")).unwrap();
        assert_eq!((c.encoding, c.bom_len), (UTF_16LE, 2));
        let c = sniff_charset(b"\xEF\xBB\xBF<?xml version='1.0' encoding='windows-1252'?>", None).unwrap();
        assert_eq!((c.encoding, c.bom_len), (UTF_8, 3));
    }

    #[test]
    fn charset_beats_declaration() {
        let body = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a/>";
        assert_eq!(sniff_charset(body, None).unwrap().encoding, encoding_rs::WINDOWS_1252);
        assert_eq!(sniff_charset(body, Some("utf-8")).unwrap().encoding, UTF_8);
    }

    #[test]
    fn utf16_labels_hold_only_for_utf16_bytes() {
        let le: Vec<u8> = "Notice".encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = "Notice".encode_utf16().flat_map(u16::to_be_bytes).collect();
        for label in ["utf-16", "UTF-16LE", "utf-16be"] {
            assert_eq!(sniff_charset(&le, Some(label)).unwrap().encoding, UTF_16LE, "{label}");
            assert_eq!(sniff_charset(&be, Some(label)).unwrap().encoding, UTF_16BE, "{label}");
            assert_eq!(sniff_charset(b"Notice", Some(label)).unwrap().encoding, UTF_8, "{label}");
        }
        let declared = |prefix: &[u8], label| sniff_charset_declared(prefix, label).1;
        assert!(declared(&le, Some("utf-16")));
        assert!(!declared(b"Notice: x\n<?xml version='1.0' encoding='ISO-8859-1'?>", None));
        assert!(declared(b"<?xml version='1.0' encoding='ISO-8859-1'?><html>", None));
        assert!(declared(b"\xEF\xBB\xBF<a/>", None));
        assert!(!declared(b"<?xml version='1.0'?><a/>", None));
        // The short searches: `?>` and `encoding` found wherever they are.
        assert_eq!(declared_encoding(b"<?xml version='1.0' encoding = 'x-e'?>"), Some("x-e"));
        assert_eq!(declared_encoding(b"<?xml eeee encoding=\"e\" ?>"), Some("e"));
        assert_eq!(declared_encoding(b"<?xml version='1.0' encodin='x'?>"), None);
        assert_eq!(declared_encoding(b"<?xml encoding='x'"), None);
    }

    #[test]
    fn unknown_labels_are_refused() {
        let body = b"<?xml version='1.0' encoding='klingon'?><a/>";
        assert!(matches!(sniff_charset(body, None), Err(ParseError::UnsupportedEncoding { .. })));
        let huge = "x".repeat(5000);
        let Err(ParseError::UnsupportedEncoding { label }) = sniff_charset(b"<a/>", Some(&huge)) else { panic!() };
        assert_eq!(label.len(), MAX_LABEL_BYTES + '…'.len_utf8());
    }

    #[test]
    fn content_type_parameters() {
        assert_eq!(content_type_charset("text/xml; charset=\"UTF-8\""), Some("UTF-8"));
        assert_eq!(content_type_charset("application/soap+xml;action=x;Charset=latin1"), Some("latin1"));
        assert_eq!(content_type_charset("text/xml"), None);
    }

    #[test]
    fn kinds() {
        assert_eq!(body_kind("  \r\n"), BodyKind::Empty);
        assert_eq!(body_kind(" <?xml version='1.0'?><a/>"), BodyKind::Xml);
        assert_eq!(body_kind("<!DOCTYPE HTML PUBLIC><html>"), BodyKind::Html);
        assert_eq!(body_kind("<?xml version='1.0'?>\n<!-- x --><HTML lang=en>"), BodyKind::Html);
        assert_eq!(body_kind("<htmlish/>"), BodyKind::Xml);
        assert_eq!(body_kind("{\"a\":1}"), BodyKind::Json);
        assert_eq!(body_kind("  Bad gateway"), BodyKind::Text(2));
    }
}
