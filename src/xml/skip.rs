//! The fast path past an element nobody reads: its content scanned with
//! `memchr` for markup, without building events.
//!
//! The scan hands quick-xml back exactly what it would have seen: it skips
//! an element's content only when tokenizing that content would have raised
//! no error, and otherwise declines (the content is then read event by event,
//! as before, and the error, if any, reported as before). So a skip never
//! changes an answer, only its cost, and the slice and the stream agree
//! whichever of them could skip. It is at least as strict as the reader:
//!
//! - the content is valid UTF-8 (quick-xml checks every event);
//! - every start tag has its end tag, names compared as quick-xml compares
//!   them, and at most [`MAX_NESTING`] elements deep (deeper declines);
//! - every `&` in text is closed by a `;` before the next `&` or `<`;
//! - no element goes past the depth limit, and no text run or tag is longer
//!   than the event size limit;
//! - comments, CDATA sections, processing instructions and declarations are
//!   not skipped (the scan declines: they are rare in data).
//!
//! The element's own end tag is left for quick-xml (or the lean path),
//! which checks it against the start tag it read.
//!
//! The same scan, told to mark where each event ends
//! ([`content_len_marked`]), vouches for the regions of the lean path
//! (`super::lean`).

use memchr::{memchr, memchr2, memchr3};
use quick_xml::utils::{is_whitespace, name_len};

/// Deepest nesting the scan keeps names for.
pub(crate) const MAX_NESTING: usize = 32;

/// The length of the content of the element whose start tag was just read
/// (`rest` starts right after it): where its end tag's `<` is.
///
/// `Err(seen)` when the content cannot be skipped as quick-xml would read it
/// (markup the scan does not skip, anything quick-xml would refuse, more
/// than `max_open` elements open inside it, a text run or tag longer than
/// `max_event` bytes, or the end of `rest` before the end tag): the scan
/// looked at the first `seen` bytes. A caller does not scan them again (a
/// descendant's content inside them would be declined for the same reason),
/// which keeps skipping linear in the body however deep it declines.
///
/// `avoid`, a local name: the scan also declines at the first start tag
/// (or empty element) of that local name, in any namespace, so that a
/// search for such elements can pass over content that has none.
pub(crate) fn content_len(rest: &[u8], max_open: u32, max_event: usize, avoid: Option<&[u8]>) -> Result<usize, usize> {
    content_len_marked(rest, max_open, max_event, avoid, &mut ())
}

/// Where the events a scan passes over end, for a caller that hands them
/// out later without reading them again (`super::lean`).
pub(crate) trait Marks {
    /// An event ends at `end` (an offset in the scanned bytes); false when
    /// no more can be kept, which ends the scan there.
    fn mark(&mut self, end: usize) -> bool;
    /// The event just marked was a start tag (not an empty element).
    fn opened(&mut self) {}
    /// The event just marked was an end tag.
    fn closed(&mut self) {}
    /// Does the scan check that the content is UTF-8 (a caller that checks
    /// more than the content at once need not have it checked twice)?
    fn checks_utf8(&self) -> bool {
        true
    }
}

/// Nothing kept: a plain skip.
impl Marks for () {
    #[inline(always)]
    fn mark(&mut self, _end: usize) -> bool {
        true
    }
}

/// [`content_len`], telling `marks` where each event of the content ends
/// (every text run, reference and tag, in order), and last where the
/// element's own end tag ends (its name is not checked: the scan does not
/// know it). Declines where `marks` is full.
pub(crate) fn content_len_marked(
    rest: &[u8],
    max_open: u32,
    max_event: usize,
    avoid: Option<&[u8]>,
    marks: &mut impl Marks,
) -> Result<usize, usize> {
    // Start and end of the names of the elements open inside the content.
    let mut names = [(0usize, 0usize); MAX_NESTING];
    let mut open = 0usize;
    let mut at = 0;
    loop {
        let Some(lt) = text_end(rest, at, marks) else { return Err(rest.len()) };
        if lt - at > max_event {
            return Err(lt);
        }
        match rest.get(lt + 1) {
            None => return Err(rest.len()),
            Some(b'/') => {
                // Most end tags are `</name>` of the innermost open element, written tight.
                if let Some(&(start, end)) = open.checked_sub(1).and_then(|i| names.get(i)) {
                    let gt = lt + 2 + (end - start);
                    if rest.get(gt) == Some(&b'>') && rest[lt + 2..gt] == rest[start..end] && gt + 1 - lt <= max_event {
                        if !marks.mark(gt + 1) {
                            return Err(lt);
                        }
                        marks.closed();
                        open -= 1;
                        at = gt + 1;
                        continue;
                    }
                }
                let Some(gt) = memchr(b'>', &rest[lt + 2..]).map(|i| lt + 2 + i) else { return Err(rest.len()) };
                if gt + 1 - lt > max_event {
                    return Err(lt);
                }
                if open == 0 {
                    // The element's own end tag: quick-xml reads it (or
                    // the lean path, which checks its name).
                    if !marks.mark(gt + 1) {
                        return Err(lt);
                    }
                    if !marks.checks_utf8() {
                        return Ok(lt);
                    }
                    return match std::str::from_utf8(&rest[..lt]) {
                        Ok(_) => Ok(lt),
                        Err(e) => Err(e.valid_up_to()),
                    };
                }
                open -= 1;
                let (start, end) = names[open];
                if trim_end_whitespace(&rest[lt + 2..gt]) != &rest[start..end] || !marks.mark(gt + 1) {
                    return Err(lt);
                }
                marks.closed();
                at = gt + 1;
            }
            Some(b'!' | b'?') => return Err(lt),
            Some(_) => {
                let Some(gt) = tag_end(rest, lt + 1) else { return Err(rest.len()) };
                if gt + 1 - lt > max_event || open as u32 >= max_open {
                    return Err(lt);
                }
                let content = &rest[lt + 1..gt];
                let empty = content.last() == Some(&b'/');
                // The name as quick-xml delimits it.
                let name = name_len(if empty { &content[..content.len() - 1] } else { content });
                if avoid.is_some_and(|avoid| local_part(&content[..name]) == avoid) {
                    return Err(lt);
                }
                if !empty {
                    if name == 0 || open == MAX_NESTING {
                        return Err(lt);
                    }
                    names[open] = (lt + 1, lt + 1 + name);
                    open += 1;
                }
                if !marks.mark(gt + 1) {
                    return Err(lt);
                }
                if !empty {
                    marks.opened();
                }
                at = gt + 1;
            }
        }
    }
}

/// The `<` that ends the text starting at `at`, when every reference in
/// the text is closed (`&` ... `;` before the next `&` or `<`); `None` at
/// the end of `rest`, at a reference left open, or where `marks` is full.
/// `marks` is told where each of its events ends: each run of text (none
/// when empty) and each reference, as quick-xml splits text.
#[inline(always)]
pub(super) fn text_end(rest: &[u8], mut at: usize, marks: &mut impl Marks) -> Option<usize> {
    loop {
        let i = at + find(&rest[at..], [b'<', b'&'], |hay| memchr2(b'<', b'&', hay))?;
        if i > at && !marks.mark(i) {
            return None;
        }
        if rest[i] == b'<' {
            return Some(i);
        }
        let tail = &rest[i + 1..];
        let j = i + 1 + find(tail, [b';', b'&', b'<'], |hay| memchr3(b';', b'&', b'<', hay))?;
        if rest[j] != b';' || !marks.mark(j + 1) {
            return None;
        }
        at = j + 1;
    }
}

/// The `>` that closes the tag whose content starts at `at`, quoted
/// attribute values skipped (as quick-xml's element parser does).
#[inline(always)]
pub(super) fn tag_end(rest: &[u8], mut at: usize) -> Option<usize> {
    loop {
        let i = at + find(&rest[at..], [b'>', b'"', b'\''], |hay| memchr3(b'>', b'"', b'\'', hay))?;
        let q = rest[i];
        if q == b'>' {
            return Some(i);
        }
        at = i + 1 + find(&rest[i + 1..], [q], |hay| memchr(q, hay))?;
        at += 1;
    }
}

/// The first byte of `hay` that is one of `bytes`: the first [`SHORT`]
/// bytes eight at a time in a machine word (most text runs, tags and
/// values in data are short, and a vector search costs more to set up than
/// that), the rest by `search` (`memchr`).
#[inline(always)]
fn find<const N: usize>(hay: &[u8], bytes: [u8; N], search: impl FnOnce(&[u8]) -> Option<usize>) -> Option<usize> {
    const SHORT: usize = 64;
    const ONES: u64 = u64::from_ne_bytes([1; 8]);
    const HIGHS: u64 = ONES * 0x80;
    let head = &hay[..hay.len().min(SHORT)];
    let mut words = head.chunks_exact(8);
    let mut at = 0;
    for word in &mut words {
        let word = u64::from_le_bytes(word.try_into().unwrap_or_default());
        // A byte of `word` equal to `b` is a zero byte of `word ^ b…b`; the
        // lowest byte flagged is always a true match.
        let mut hits = 0;
        for b in bytes {
            let x = word ^ (ONES * u64::from(b));
            hits |= x.wrapping_sub(ONES) & !x & HIGHS;
        }
        if hits != 0 {
            return Some(at + hits.trailing_zeros() as usize / 8);
        }
        at += 8;
    }
    if let Some(i) = words.remainder().iter().position(|b| bytes.contains(b)) {
        return Some(at + i);
    }
    match hay.len() > SHORT {
        true => search(&hay[SHORT..]).map(|i| SHORT + i),
        false => None,
    }
}

/// What follows a name's prefix, as `split_qname` splits it (at the first `:`).
pub(super) fn local_part(name: &[u8]) -> &[u8] {
    memchr(b':', name).map_or(name, |at| &name[at + 1..])
}

pub(super) fn trim_end_whitespace(bytes: &[u8]) -> &[u8] {
    let end = bytes.iter().rposition(|&b| !is_whitespace(b)).map_or(0, |i| i + 1);
    &bytes[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn skip(rest: &str) -> Option<usize> {
        content_len(rest.as_bytes(), 8, 1 << 20, None).ok()
    }

    #[test]
    fn skips_to_the_elements_own_end_tag() {
        let rest = "<a k='x>y'>t &amp; u</a ><b/><c\n/>text</x><after/>";
        assert_eq!(skip(rest), rest.find("</x>"));
        assert_eq!(skip("</x>"), Some(0));
        let rest = "é<p:q xmlns:p=\"urn:p\">&#233;</p:q\n></x>";
        assert_eq!(skip(rest), rest.find("</x>"));
    }

    #[test]
    fn declines_what_it_does_not_check_or_quick_xml_refuses() {
        for rest in [
            "<a></b></x>",       // mismatched end tag
            "<a>",               // cut before the end
            "t & u</x>",         // unclosed reference
            "t &amp u</x>",      // unclosed reference
            "<!-- c --></x>",    // comment
            "<![CDATA[c]]></x>", // CDATA
            "<?pi?></x>",        // processing instruction
            "<a\n></x>",         // a start tag with no end tag
            "< a></ a></x>",     // no name
            "<a k='></a></x>",   // unclosed quote
        ] {
            assert_eq!(skip(rest), None, "{rest:?}");
        }
        assert_eq!(content_len(b"ab\xff</x>", 8, 100, None), Err(2), "not UTF-8");
        assert_eq!(content_len(b"<a/><!-- c --></x>", 8, 100, None), Err(4), "declined where the comment starts");
        assert_eq!(content_len(b"<a/><b>", 8, 100, None), Err(7), "declined at the end");
    }

    #[test]
    fn find_agrees_with_a_byte_by_byte_search() {
        // Every length around the word and head sizes, every place of a hit,
        // and bytes with the high bit set (where a word search could err).
        let fill = [b'a', 0x80, 0xff, b'=', 0x3b ^ 0x80];
        for len in 0..150 {
            for hit in (0..len).step_by(3).map(Some).chain([None]) {
                for f in fill {
                    let mut hay = vec![f; len];
                    if let Some(i) = hit {
                        hay[i] = b'&';
                        if i + 1 < len {
                            hay[i + 1] = b'<';
                        }
                    }
                    let want = hay.iter().position(|b| matches!(b, b'<' | b'&'));
                    assert_eq!(find(&hay, [b'<', b'&'], |h| memchr2(b'<', b'&', h)), want, "{len} {hit:?} {f}");
                    let want = hay.iter().position(|&b| b == b'<');
                    assert_eq!(find(&hay, [b'<'], |h| memchr(b'<', h)), want, "{len} {hit:?} {f}");
                }
            }
        }
    }

    #[test]
    fn declines_at_the_name_it_is_told_to_avoid() {
        let avoid = Some(&b"Fault"[..]);
        let rest = b"<a><faults>Fault</faults><b:FaultX/></a></x>";
        assert_eq!(content_len(rest, 8, 100, avoid), Ok(rest.len() - 4));
        let rest = b"<a><b/><s:Fault xmlns:s='u'><c/></s:Fault></a></x>";
        assert_eq!(content_len(rest, 8, 100, avoid), Err(7), "a prefixed start tag");
        assert_eq!(content_len(b"t<Fault/></x>", 8, 100, avoid), Err(1), "an empty element");
        assert_eq!(content_len(b"t<Fault\n/></x>", 8, 100, avoid), Err(1), "an empty element, whitespace");
        assert_eq!(content_len(b"t<Fault/></x>", 8, 100, None), Ok(9));
    }

    #[test]
    fn keeps_the_depth_and_event_limits() {
        assert_eq!(content_len(b"<a><b/></a></x>", 2, 100, None), Ok(11));
        assert_eq!(content_len(b"<a><b/></a></x>", 1, 100, None), Err(3));
        assert_eq!(content_len(b"<a/></x>", 0, 100, None), Err(0));
        assert_eq!(content_len(b"0123456789</x>", 8, 10, None), Ok(10));
        assert_eq!(content_len(b"01234567890</x>", 8, 10, None), Err(11));
        let deep = format!("{}{}</x>", "<a>".repeat(MAX_NESTING + 1), "</a>".repeat(MAX_NESTING + 1));
        assert!(content_len(deep.as_bytes(), 1000, 1 << 20, None).is_err());
    }
}
