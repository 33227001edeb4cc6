//! Text kept from a body, whatever its format (XML, JSON, an HTML page):
//! pieces joined up to a byte budget, trimmed, and visibly marked when cut.

/// The mark appended to text cut at its limit.
pub(crate) const CUT_MARK: char = '…';

/// Text kept within a byte budget, and whether it had to be cut.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Capped {
    pub(crate) text: String,
    pub(crate) truncated: bool,
}

/// Text kept at the tail of a buffer shared with other texts (from `start`),
/// within `max` bytes: leading whitespace skipped, trailing whitespace
/// trimmed on [`finish`](Self::finish), cut at a character boundary and
/// marked once the budget is spent. [`CappedString`] is one on its own buffer.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CappedTail {
    start: usize,
    max: usize,
    truncated: bool,
}

impl CappedTail {
    /// A text that starts at `start` of its buffer (the buffer's length now).
    pub(crate) fn new(start: usize, max: usize) -> Self {
        CappedTail { start, max, truncated: false }
    }

    /// Where the text starts in its buffer.
    pub(crate) fn start(&self) -> usize {
        self.start
    }

    /// Appends `piece` to `buf`, cutting it at a character boundary once the budget is spent.
    pub(crate) fn push(&mut self, buf: &mut String, piece: &str) {
        if self.truncated {
            return;
        }
        let len = buf.len() - self.start;
        // Leading whitespace is skipped; most pieces have none (checked on the first byte).
        let piece = match piece.as_bytes().first() {
            Some(&b) if len == 0 && (!b.is_ascii() || is_ascii_space(b)) => piece.trim_start(),
            _ => piece,
        };
        let room = self.max - len;
        if piece.len() <= room {
            buf.push_str(piece);
        } else {
            buf.push_str(&piece[..floor_char_boundary(piece, room)]);
            self.truncated = true;
        }
    }

    /// Trims the text's trailing whitespace and marks a cut; true when it was cut.
    pub(crate) fn finish(self, buf: &mut String) -> bool {
        let kept = buf[self.start..].trim_end().len();
        buf.truncate(self.start + kept);
        if self.truncated {
            buf.push(CUT_MARK);
        }
        self.truncated
    }
}

/// A string that grows up to `max` bytes, then only records that it was cut.
/// Leading whitespace is skipped; trailing whitespace is trimmed on
/// [`finish`](Self::finish).
#[derive(Debug)]
pub(crate) struct CappedString {
    text: String,
    tail: CappedTail,
}

impl CappedString {
    pub(crate) fn new(max: usize) -> Self {
        CappedString { text: String::new(), tail: CappedTail::new(0, max) }
    }

    /// Room for `additional` more bytes, within the budget.
    pub(crate) fn reserve(&mut self, additional: usize) {
        self.text.reserve(additional.min(self.tail.max - self.text.len()));
    }

    /// Appends `piece`, cutting it at a character boundary once the budget is spent.
    pub(crate) fn push(&mut self, piece: &str) {
        if self.text.capacity() == 0 {
            // Room for what usually follows (the rest of a text split by a
            // reference), so that a text is one allocation, not several.
            self.reserve(piece.len().saturating_mul(2).max(32));
        }
        self.tail.push(&mut self.text, piece);
    }

    /// Appends the words of `text`, whitespace runs folded to one space.
    pub(crate) fn push_words(&mut self, text: &str) {
        if is_folded(text) {
            self.push(text);
            return;
        }
        for (i, word) in text.split_whitespace().enumerate() {
            if i > 0 {
                self.push(" ");
            }
            self.push(word);
        }
    }

    pub(crate) fn finish(mut self) -> Capped {
        let truncated = self.tail.finish(&mut self.text);
        Capped { text: self.text, truncated }
    }
}

/// Is `text` already as [`CappedString::push_words`] would write it: ASCII
/// (no Unicode whitespace to fold), no leading, trailing or doubled spaces,
/// and no other whitespace? Most texts are, and are then copied whole.
fn is_folded(text: &str) -> bool {
    // One pass: `prev` starts and ends as a space to refuse leading and trailing ones.
    let mut prev = b' ';
    let mut bytes = text.as_bytes();
    // Eight bytes at a time while none is a space, a control or non-ASCII
    // (each byte in 0x21..=0x7F: no high bit before or after taking 0x21).
    while let Some((word, rest)) = bytes.split_first_chunk::<8>() {
        let x = u64::from_le_bytes(*word);
        if (x.wrapping_sub(0x2121_2121_2121_2121) | x) & 0x8080_8080_8080_8080 != 0 {
            break;
        }
        prev = word[7];
        bytes = rest;
    }
    for &b in bytes {
        let space = b == b' ';
        if !b.is_ascii() || (!space && is_ascii_space(b)) || (space && prev == b' ') {
            return false;
        }
        prev = b;
    }
    prev != b' ' || text.is_empty()
}

/// An ASCII byte that `str::trim` and `split_whitespace` take for whitespace
/// (Unicode's White_Space: `u8::is_ascii_whitespace` and the vertical tab).
fn is_ascii_space(b: u8) -> bool {
    b.is_ascii_whitespace() || b == 0x0b
}

/// `text` with whitespace runs folded to one space, cut at `max` bytes and marked.
pub(crate) fn collapse_whitespace(text: &str, max: usize) -> Capped {
    let mut out = CappedString::new(max);
    out.push_words(text);
    out.finish()
}

/// The largest index `<= at` that is a char boundary of `s`.
pub(crate) fn floor_char_boundary(s: &str, at: usize) -> usize {
    if at >= s.len() {
        return s.len();
    }
    (0..=at).rev().find(|&i| s.is_char_boundary(i)).unwrap_or(0)
}

/// The first `max_chars` characters of `bytes` for a one-line message,
/// with escapes only: printable characters as they are; `"`, `\\`, control
/// characters and line ends as escapes (`\"`, `\n`, `\x1b`, `\u{85}`);
/// bytes that are not UTF-8 as `\xNN` (never a replacement character); `…`
/// when cut.
pub(crate) fn escape_start(bytes: &[u8], max_chars: usize) -> String {
    let mut out = String::new();
    let mut count = 0;
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            if count == max_chars {
                out.push(CUT_MARK);
                return out;
            }
            count += 1;
            match c {
                '"' | '\\' | '\n' | '\r' | '\t' => out.extend(c.escape_default()),
                c if c.is_ascii_control() => out.push_str(&format!("\\x{:02x}", c as u32)),
                c if c.is_control() || c == '\u{FFFD}' || c.is_whitespace() && c != ' ' => {
                    out.extend(c.escape_unicode())
                }
                c => out.push(c),
            }
        }
        for b in chunk.invalid() {
            if count == max_chars {
                out.push(CUT_MARK);
                return out;
            }
            count += 1;
            out.push_str(&format!("\\x{b:02x}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_folded_eight_at_a_time_agrees_with_one_at_a_time() {
        fn one_at_a_time(text: &str) -> bool {
            let mut prev = b' ';
            for &b in text.as_bytes() {
                let space = b == b' ';
                if !b.is_ascii() || (!space && is_ascii_space(b)) || (space && prev == b' ') {
                    return false;
                }
                prev = b;
            }
            prev != b' ' || text.is_empty()
        }
        let alphabet = ["a", " ", "\t", "é", "\x0b", "Z", "~", "\x7f", "!", "\0", "\u{a0}"];
        let mut seed = 0x2545_f491_u64;
        for len in 0..40 {
            for _ in 0..200 {
                let text: String = (0..len)
                    .map(|_| {
                        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                        // Mostly letters, so that long clean runs occur.
                        let pick = (seed >> 33) as usize % (alphabet.len() * 4);
                        alphabet.get(pick).copied().unwrap_or("x")
                    })
                    .collect();
                assert_eq!(is_folded(&text), one_at_a_time(&text), "{text:?}");
            }
        }
    }

    #[test]
    fn escapes_only() {
        assert_eq!(escape_start(b"\x17x\x9c\xff ok\r\n\"q\" \xc3\xa9", 40), r#"\x17x\x9c\xff ok\r\n\"q\" é"#);
        assert_eq!(escape_start("\u{FFFD}\u{1b}[2J\u{85}".as_bytes(), 40), r"\u{fffd}\x1b[2J\u{85}");
        assert_eq!(escape_start(b"\x1f\x8b\x08\x00", 3), r"\x1f\x8b\x08…");
        assert_eq!(escape_start(b"abc", 3), "abc");
    }

    #[test]
    fn trims_and_cuts_at_char_boundaries() {
        let mut b = CappedString::new(6);
        b.push("  \n ab");
        b.push("cdé!");
        let kept = b.finish();
        assert_eq!(kept.text, "abcdé…");
        assert!(kept.truncated);
    }

    #[test]
    fn collapses_whitespace() {
        for text in ["a b", " a", "a ", "a  b", "a\tb", "a\u{a0}b", "a\u{2003}b", "\u{b}x\u{c}", "", "é é"] {
            assert_eq!(collapse_whitespace(text, 10).text, text.split_whitespace().collect::<Vec<_>>().join(" "));
        }
        assert_eq!(collapse_whitespace(" a \n\t b ", 10).text, "a b");
        assert_eq!(collapse_whitespace("abc def", 5).text, "abc d…");
    }
}
