//! Buffers a read needs only while it runs (the cursor's start tags and
//! namespace declarations, the leaves of a detail while they are looked up
//! and rendered, the lean path's region marks), kept per thread from one body to the next: reading a
//! small body then allocates little more than what it hands out. A buffer
//! that grew past [`MAX_KEPT`] bytes is dropped rather than kept, so what a
//! thread holds on to stays small whatever it read.

use std::cell::RefCell;

use super::lean::RegionMarks;
use super::leaves::Leaves;
use super::namespaces::Namespaces;
use super::tags::Tags;

/// Largest buffer kept for the next body, in bytes.
pub(crate) const MAX_KEPT: usize = 16 * 1024;

/// What the cursor works in.
#[derive(Debug)]
pub(crate) struct CursorScratch {
    pub(crate) tags: Tags,
    pub(crate) ns: Namespaces,
    /// A leaf's path while leaves are read, and where its segments start.
    pub(crate) path: String,
    pub(crate) segments: Vec<usize>,
}

thread_local! {
    static CURSOR: RefCell<Option<CursorScratch>> = const { RefCell::new(None) };
    static LEAVES: RefCell<Option<Leaves>> = const { RefCell::new(None) };
    static MARKS: RefCell<Option<Box<RegionMarks>>> = const { RefCell::new(None) };
    static REGION_TEXT: RefCell<Option<String>> = const { RefCell::new(None) };
}

impl CursorScratch {
    /// The thread's spare, or new buffers.
    pub(crate) fn take() -> Self {
        let spare = CURSOR.try_with(|spare| spare.borrow_mut().take()).ok().flatten();
        spare.unwrap_or_else(|| CursorScratch {
            tags: Tags::with_room(),
            ns: Namespaces::with_room(),
            path: String::with_capacity(64),
            segments: Vec::with_capacity(8),
        })
    }

    /// Keeps the buffers for the next body on this thread, emptied, unless
    /// they grew large or the thread keeps some already (a document read
    /// inside another's text).
    pub(crate) fn give_back(mut self) {
        if self.tags.capacity() + self.ns.capacity() + self.path.capacity() > MAX_KEPT {
            return;
        }
        self.tags.clear();
        self.ns.clear();
        self.path.clear();
        self.segments.clear();
        keep(&CURSOR, self);
    }
}

/// The thread's spare leaves (emptied), or new ones.
pub(crate) fn take_leaves() -> Leaves {
    LEAVES.try_with(|spare| spare.borrow_mut().take()).ok().flatten().unwrap_or_else(Leaves::with_room)
}

/// Keeps leaves for the next detail on this thread, emptied, unless they grew large.
pub(crate) fn give_back_leaves(mut leaves: Leaves) {
    if leaves.capacity() > MAX_KEPT {
        return;
    }
    leaves.clear();
    keep(&LEAVES, leaves);
}

/// The thread's spare region marks, or new ones. They are 2 KiB of
/// arrays: kept, they are neither zeroed nor moved for each body.
pub(crate) fn take_marks() -> Box<RegionMarks> {
    MARKS.try_with(|spare| spare.borrow_mut().take()).ok().flatten().unwrap_or_default()
}

/// Keeps region marks for the next body on this thread (their size is
/// fixed), emptied: a source must not start inside the last body's region.
pub(crate) fn give_back_marks(mut marks: Box<RegionMarks>) {
    marks.clear();
    keep(&MARKS, marks);
}

/// The thread's spare buffer for a lean region's text (read from a
/// stream, `super::source::BufSource`), or a new one.
pub(crate) fn take_region_text() -> String {
    REGION_TEXT.try_with(|spare| spare.borrow_mut().take()).ok().flatten().unwrap_or_default()
}

/// Keeps a region's text buffer for the next body on this thread, emptied
/// (a region is at most 8 KiB, so it stays small).
pub(crate) fn give_back_region_text(mut text: String) {
    text.clear();
    keep(&REGION_TEXT, text);
}

/// Puts `value` in the thread's empty `slot`; drops it when the slot is
/// taken (or the thread is ending).
fn keep<T: 'static>(slot: &'static std::thread::LocalKey<RefCell<Option<T>>>, value: T) {
    let _ = slot.try_with(|spare| {
        if let Ok(mut spare) = spare.try_borrow_mut()
            && spare.is_none()
        {
            *spare = Some(value);
        }
    });
}
