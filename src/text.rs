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

/// A string that grows up to `max` bytes, then only records that it was cut.
/// Leading whitespace is skipped; trailing whitespace is trimmed on
/// [`finish`](Self::finish).
#[derive(Debug)]
pub(crate) struct CappedString {
    text: String,
    max: usize,
    truncated: bool,
}

impl CappedString {
    pub(crate) fn new(max: usize) -> Self {
        CappedString { text: String::new(), max, truncated: false }
    }

    /// Room for `additional` more bytes, within the budget.
    pub(crate) fn reserve(&mut self, additional: usize) {
        self.text.reserve(additional.min(self.max - self.text.len()));
    }

    /// Appends `piece`, cutting it at a character boundary once the budget is spent.
    pub(crate) fn push(&mut self, piece: &str) {
        if self.truncated {
            return;
        }
        let piece = if self.text.is_empty() { piece.trim_start() } else { piece };
        let room = self.max - self.text.len();
        if piece.len() <= room {
            // Most texts are one piece: allocate once, at its size.
            self.text.reserve(piece.len());
            self.text.push_str(piece);
        } else {
            self.text.push_str(&piece[..floor_char_boundary(piece, room)]);
            self.truncated = true;
        }
    }

    /// Appends the words of `text`, whitespace runs folded to one space.
    pub(crate) fn push_words(&mut self, text: &str) {
        for (i, word) in text.split_whitespace().enumerate() {
            if i > 0 {
                self.push(" ");
            }
            self.push(word);
        }
    }

    pub(crate) fn finish(self) -> Capped {
        let mut text = self.text;
        text.truncate(text.trim_end().len());
        if self.truncated {
            text.push(CUT_MARK);
        }
        Capped { text, truncated: self.truncated }
    }
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
        assert_eq!(collapse_whitespace(" a \n\t b ", 10).text, "a b");
        assert_eq!(collapse_whitespace("abc def", 5).text, "abc d…");
    }
}
