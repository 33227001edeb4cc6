//! The streaming XML core: a pull cursor over quick-xml events that knows
//! namespaces, depth and limits, and nothing of vendors.
//!
//! Readers see a narrow interface: a document ([`Cursor`], made by
//! [`from_slice`] or [`from_reader`]) hands out [`Element`]s, which answer for
//! their name, namespace and attributes and read their own children, text
//! ([`QNameText`] for QNames) or [`Leaves`]. Where the events come from
//! ([`Source`]) is this module's business.

mod cursor;
mod lean;
mod leaves;
mod namespaces;
mod scratch;
mod skip;
mod source;
mod tags;

use std::io::BufRead;

pub(crate) use cursor::{Cursor, Element, QNameText};
pub(crate) use leaves::Leaves;
pub(crate) use namespaces::XML_NS;
pub(crate) use source::EventSource as Source;

use crate::limits::Limits;
use crate::parse_error::ParseError;
pub(crate) use source::{BufSource, SliceSource};

/// A document held in memory as UTF-8 (BOM removed); `base` is the number
/// of bytes before it in the body as received, for offsets.
pub(crate) fn from_slice<'a>(body: &'a [u8], base: u64, limits: &Limits) -> Cursor<SliceSource<'a>> {
    Cursor::new(SliceSource::new(body, base, limits), limits)
}

/// A document streamed as UTF-8 (BOM removed), within the limits.
pub(crate) fn from_reader<R: BufRead>(body: R, base: u64, limits: &Limits) -> Cursor<BufSource<R>> {
    Cursor::new(BufSource::new(body, base, limits), limits)
}

/// Reads `text` as a document of its own (XML escaped inside another
/// document's text): `read` gets its root; the rest must be well-formed.
pub(crate) fn read_embedded<T>(
    text: &str,
    limits: &Limits,
    read: impl FnOnce(Element<'_, SliceSource<'_>>) -> Result<T, ParseError>,
) -> Result<T, ParseError> {
    let mut cur = Cursor::new(SliceSource::new(text.as_bytes(), 0, limits), limits);
    let value = read(cur.root()?)?;
    cur.finish()?;
    Ok(value)
}
