//! Text before the envelope: some servers and proxies send an HTML page, a
//! PHP notice or a log line, then the SOAP response, in one body. This
//! finds where the envelope starts, within a bound, in the body's charset:
//! the bytes themselves in UTF-8 and in every charset that keeps ASCII as
//! ASCII (ISO-8859-*, windows-125*, Shift_JIS, GBK, EUC-*...: a `<` byte is
//! a `<` there, never part of another character, and so are the ASCII
//! letters of a name that follow it), the code units in UTF-16; and the
//! XML declaration just before it, which may say how to read the envelope
//! when nothing else did.

/// The offset of the first start tag named `Envelope` (any prefix) in
/// `text`, if any. Whether it is a SOAP envelope is the XML reader's
/// call, once it has read its namespace declarations.
///
/// ```text
/// <html>...</html><?xml version="1.0"?><soap:Envelope xmlns:soap=...>
///                                      ^ here
/// ```
pub(crate) fn find_envelope(text: &[u8]) -> Option<usize> {
    memchr::memchr_iter(b'<', text).find(|&at| names_envelope(&text[at + 1..]))
}

/// [`find_envelope`] for UTF-16 text (`big_endian` or little-endian, BOM
/// removed): the offset in bytes of the code unit `<` that starts the
/// envelope's start tag. Each code unit is looked at as the ASCII byte it
/// is, or as a byte that is no part of a name when it is not ASCII; the
/// copy is at most half of `text`.
pub(crate) fn find_envelope_utf16(text: &[u8], big_endian: bool) -> Option<usize> {
    let units: Vec<u8> = text
        .chunks_exact(2)
        .map(|pair| {
            let unit = if big_endian {
                u16::from_be_bytes([pair[0], pair[1]])
            } else {
                u16::from_le_bytes([pair[0], pair[1]])
            };
            u8::try_from(unit).ok().filter(u8::is_ascii).unwrap_or(0x80)
        })
        .collect();
    find_envelope(&units).map(|at| at * 2)
}

/// The `encoding` an XML declaration just before `at` (nothing but
/// whitespace between them) gives, in bytes that read as ASCII.
pub(crate) fn declaration_before(text: &[u8], at: usize) -> Option<&str> {
    let before = &text[..at];
    let start = memchr::memmem::rfind(before, b"<?xml")?;
    let decl = &before[start..];
    let end = memchr::memmem::find(decl, b"?>")? + 2;
    decl[end..].iter().all(u8::is_ascii_whitespace).then_some(())?;
    super::sniff::declared_encoding(&decl[..end])
}

/// Does a start tag whose name begins `tag` name `Envelope` (`Envelope`,
/// `soap:Envelope`, `SOAP-ENV:Envelope`...)?
fn names_envelope(tag: &[u8]) -> bool {
    let name_len = tag.iter().position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b':')));
    let Some(name_len) = name_len else { return false };
    let name = &tag[..name_len];
    let local = name.rsplit(|b| *b == b':').next().unwrap_or(name);
    local == b"Envelope"
        && name.first().is_some_and(|b| b.is_ascii_alphabetic() || *b == b'_')
        && matches!(tag[name_len], b' ' | b'\t' | b'\r' | b'\n' | b'>' | b'/')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_an_envelope_after_a_page() {
        let body =
            b"<html><title>Error</title><p>Envelope</p></html>\r\n<?xml version='1.0'?><soap:Envelope xmlns:soap='x'>";
        let at = find_envelope(body).unwrap();
        assert!(body[at..].starts_with(b"<soap:Envelope "));
        assert_eq!(find_envelope(b"Warning: x in y.php\n<Envelope>").map(|at| at > 0), Some(true));
        assert_eq!(find_envelope(b"<S:Envelope/>"), Some(0));
    }

    #[test]
    fn utf16_code_units_are_searched() {
        let text = "Notice: 漢字 é\r\n<?xml version='1.0'?><soap:Envelope xmlns:soap='x'>";
        let at = text.find("<soap:Envelope").unwrap();
        let chars_before = text[..at].encode_utf16().count();
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(find_envelope_utf16(&le, false), Some(2 * chars_before));
        assert_eq!(find_envelope_utf16(&be, true), Some(2 * chars_before));
        // Read the wrong way round, the units are no ASCII text.
        assert_eq!(find_envelope_utf16(&le, true), None);
        // A code unit whose low byte is `<` is not one.
        let tricky: Vec<u8> = [0x013C, u16::from(b'E')].iter().flat_map(|u: &u16| u.to_le_bytes()).collect();
        assert_eq!(find_envelope_utf16(&tricky, false), None);
    }

    #[test]
    fn the_declaration_just_before_the_envelope() {
        let body = b"Warning: x\n<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\r\n<S:Envelope>";
        let at = find_envelope(body).unwrap();
        assert_eq!(declaration_before(body, at), Some("ISO-8859-1"));
        let body = b"<?xml version='1.0' encoding='windows-1252'?><p>text</p><S:Envelope>";
        assert_eq!(declaration_before(body, find_envelope(body).unwrap()), None);
        let body = b"<?xml version='1.0'?><S:Envelope>";
        assert_eq!(declaration_before(body, find_envelope(body).unwrap()), None);
        assert_eq!(declaration_before(b"<?xml encoding='x'<S:Envelope>", 18), None);
    }

    #[test]
    fn other_names_are_not_envelopes() {
        for text in [&b"<EnvelopeX>"[..], b"<x:Envelopes>", b"<Envelope", b"< Envelope>", b"<a:b:>", b"<:Envelope>"] {
            assert_eq!(find_envelope(text), None, "{:?}", String::from_utf8_lossy(text));
        }
    }
}
