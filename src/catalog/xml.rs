#![doc = include_str!("xml.md")]

use super::Entry;

/// No rows: see the module docs.
pub(crate) const ENTRIES: &[Entry] = &[];
