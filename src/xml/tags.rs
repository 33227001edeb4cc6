//! The start tags of the elements on the cursor's path, one per depth.
//!
//! Only elements a reader was handed are kept (their ancestors were handed
//! out before them, so the path has no gaps). Small tags share one string
//! arena, reused for the whole body; a large tag (a huge attribute) gets a
//! string of its own, sized exactly, so that the tags of its children never
//! make the arena grow by doubling around it.

/// Tags longer than this are kept apart from the arena.
const SMALL_TAG: usize = 1024;

#[derive(Debug)]
enum Kept {
    /// `arena[start..end]`.
    Arena {
        start: usize,
        end: usize,
    },
    Own(Box<str>),
}

#[derive(Debug)]
struct Slot {
    /// Tag content: no `<`, `>` or trailing `/`.
    kept: Kept,
    name_len: usize,
    /// The arena's length once this slot was set.
    arena_end: usize,
}

/// Start tags on the path, indexed by depth - 1.
#[derive(Debug)]
pub(crate) struct Tags {
    arena: String,
    slots: Vec<Slot>,
    /// Bytes of the tags kept apart.
    own_bytes: usize,
}

impl Default for Tags {
    /// No room yet (nothing allocated).
    fn default() -> Self {
        Tags { arena: String::new(), slots: Vec::new(), own_bytes: 0 }
    }
}

impl Tags {
    /// Room for an envelope's tags: no allocation after the first few.
    pub(crate) fn with_room() -> Self {
        Tags { arena: String::with_capacity(512), slots: Vec::with_capacity(8), own_bytes: 0 }
    }

    /// Forgets every tag, keeping the room.
    pub(crate) fn clear(&mut self) {
        self.arena.clear();
        self.slots.clear();
        self.own_bytes = 0;
    }

    /// Bytes of room held.
    pub(crate) fn capacity(&self) -> usize {
        self.arena.capacity() + self.slots.capacity() * std::mem::size_of::<Slot>()
    }

    /// Records the tag of the element handed out at `depth`, replacing
    /// whatever was kept at that depth and below (depths above it that were
    /// never handed out are kept empty).
    pub(crate) fn set(&mut self, depth: u32, content: &str, name_len: usize) {
        let keep = (depth as usize).saturating_sub(1).min(self.slots.len());
        for dropped in self.slots.drain(keep..) {
            if let Kept::Own(own) = dropped.kept {
                self.own_bytes -= own.len();
            }
        }
        self.arena.truncate(self.slots.last().map_or(0, |s| s.arena_end));
        // Ancestors found by a descendant search were skipped, not handed out.
        while self.slots.len() + 1 < depth as usize {
            let at = self.arena.len();
            self.slots.push(Slot { kept: Kept::Arena { start: at, end: at }, name_len: 0, arena_end: at });
        }
        let kept = if content.len() <= SMALL_TAG {
            let start = self.arena.len();
            self.arena.push_str(content);
            Kept::Arena { start, end: self.arena.len() }
        } else {
            self.own_bytes += content.len();
            Kept::Own(content.into())
        };
        self.slots.push(Slot { kept, name_len, arena_end: self.arena.len() });
    }

    /// The tag content at `depth` and the length of its name (empty when
    /// nothing was handed out there).
    pub(crate) fn get(&self, depth: u32) -> (&str, usize) {
        match (depth as usize).checked_sub(1).and_then(|i| self.slots.get(i)) {
            Some(Slot { kept: Kept::Arena { start, end }, name_len, .. }) => (&self.arena[*start..*end], *name_len),
            Some(Slot { kept: Kept::Own(own), name_len, .. }) => (own, *name_len),
            None => ("", 0),
        }
    }

    /// Bytes of tag content kept along the path.
    pub(crate) fn bytes(&self) -> usize {
        self.arena.len() + self.own_bytes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_sibling_replaces_the_old_and_its_subtree() {
        let mut tags = Tags::default();
        tags.set(1, "r a='1'", 1);
        tags.set(2, "x", 1);
        tags.set(3, "deep", 4);
        tags.set(2, "y k='v'", 1);
        assert_eq!(tags.get(1), ("r a='1'", 1));
        assert_eq!(tags.get(2), ("y k='v'", 1));
        assert_eq!(tags.get(3), ("", 0));
        assert_eq!(tags.bytes(), "r a='1'y k='v'".len());
    }

    #[test]
    fn depths_skipped_on_the_way_down_are_empty() {
        let mut tags = Tags::default();
        tags.set(1, "r", 1);
        tags.set(4, "found", 5);
        assert_eq!((tags.get(2), tags.get(3), tags.get(4)), (("", 0), ("", 0), ("found", 5)));
        tags.set(2, "x", 1);
        assert_eq!((tags.get(2), tags.get(4)), (("x", 1), ("", 0)));
    }

    #[test]
    fn large_tags_are_kept_apart_and_released() {
        let mut tags = Tags::default();
        let big = format!("big a='{}'", "x".repeat(5000));
        tags.set(1, "r", 1);
        tags.set(2, &big, 3);
        tags.set(3, "child", 5);
        assert_eq!((tags.get(2).0.len(), tags.get(3).0), (big.len(), "child"));
        assert_eq!(tags.bytes(), 1 + big.len() + 5);
        tags.set(2, "small", 5);
        assert_eq!(tags.bytes(), 6);
    }
}
