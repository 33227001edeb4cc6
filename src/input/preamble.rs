//! Text before the envelope: some servers and proxies send an HTML page, a
//! PHP notice or a log line, then the SOAP response, in one body. This
//! finds where the envelope starts, within a bound.

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
    fn other_names_are_not_envelopes() {
        for text in [&b"<EnvelopeX>"[..], b"<x:Envelopes>", b"<Envelope", b"< Envelope>", b"<a:b:>", b"<:Envelope>"] {
            assert_eq!(find_envelope(text), None, "{:?}", String::from_utf8_lossy(text));
        }
    }
}
