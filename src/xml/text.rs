//! Text kept from a body: pieces joined, entities resolved, trimmed and cut
//! at a byte budget with a visible mark.

use quick_xml::escape::resolve_xml_entity;
use quick_xml::events::BytesRef;

/// The mark appended to text cut at its limit.
pub(crate) const TRUNCATION_MARK: char = '…';

/// Text that was kept, and whether it was cut.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Kept {
    pub(crate) text: String,
    pub(crate) truncated: bool,
}

/// Joins text pieces up to `max` bytes, skipping leading whitespace.
#[derive(Debug)]
pub(crate) struct TextBuilder {
    text: String,
    max: usize,
    truncated: bool,
}

impl TextBuilder {
    pub(crate) fn new(max: usize) -> Self {
        TextBuilder { text: String::new(), max, truncated: false }
    }

    /// Room for `additional` more bytes, within the budget.
    pub(crate) fn reserve(&mut self, additional: usize) {
        self.text.reserve(additional.min(self.max - self.text.len()));
    }

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

    /// A general reference: character and predefined references resolved,
    /// anything else (an entity from a DTD) kept as written, never expanded.
    pub(crate) fn push_ref(&mut self, reference: &BytesRef<'_>) {
        let name: &str = reference;
        if let Ok(Some(ch)) = reference.resolve_char_ref() {
            self.push(ch.encode_utf8(&mut [0; 4]));
        } else if let Some(resolved) = resolve_xml_entity(name) {
            self.push(resolved);
        } else {
            self.push("&");
            self.push(name);
            self.push(";");
        }
    }

    pub(crate) fn finish(self) -> Kept {
        let mut text = self.text;
        text.truncate(text.trim_end().len());
        if self.truncated {
            text.push(TRUNCATION_MARK);
        }
        Kept { text, truncated: self.truncated }
    }
}

/// Cuts `text` to at most `max` bytes, marked, with whitespace runs folded to one space.
pub(crate) fn squeeze(text: &str, max: usize) -> Kept {
    let mut b = TextBuilder::new(max);
    for (i, word) in text.split_whitespace().enumerate() {
        if i > 0 {
            b.push(" ");
        }
        b.push(word);
    }
    b.finish()
}

/// The largest index `<= at` that is a char boundary of `s`.
pub(crate) fn floor_char_boundary(s: &str, at: usize) -> usize {
    if at >= s.len() {
        return s.len();
    }
    (0..=at).rev().find(|&i| s.is_char_boundary(i)).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_and_cuts_at_char_boundaries() {
        let mut b = TextBuilder::new(6);
        b.push("  \n ab");
        b.push("cdé!");
        let kept = b.finish();
        assert_eq!(kept.text, "abcdé…");
        assert!(kept.truncated);
    }

    #[test]
    fn references() {
        let mut b = TextBuilder::new(100);
        for r in ["lt", "#x41", "#66", "amp", "xxe", "#xD800"] {
            b.push_ref(&BytesRef::new(r));
        }
        assert_eq!(b.finish().text, "<AB&&xxe;&#xD800;");
    }

    #[test]
    fn squeezes_whitespace() {
        assert_eq!(squeeze(" a \n\t b ", 10).text, "a b");
        assert_eq!(squeeze("abc def", 5).text, "abc d…");
    }
}
