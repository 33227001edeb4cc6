//! A `BufRead` adapter that counts bytes and enforces the body and event
//! size limits, so the XML reader's buffer never grows past them.

use std::io::{self, BufRead, Read};

use super::InputFault;
use crate::limits::Limit;

/// Counts consumed bytes; refuses to hand out bytes past `max_body` or past
/// `max_event` since the last [`mark_event_start`](Self::mark_event_start).
#[derive(Debug)]
pub(crate) struct Limited<R> {
    inner: R,
    consumed: u64,
    /// Offset of `consumed == 0` in the body (bytes already taken by sniffing a BOM).
    base: u64,
    max_body: u64,
    event_start: u64,
    max_event: u64,
}

impl<R: BufRead> Limited<R> {
    pub(crate) fn new(inner: R, base: u64, max_body: u64, max_event: u64) -> Self {
        Limited { inner, consumed: 0, base, max_body, event_start: 0, max_event }
    }

    /// Bytes consumed so far, as an offset into the body.
    pub(crate) fn offset(&self) -> u64 {
        self.base + self.consumed
    }

    /// Where the current event starts, as an offset into the body.
    pub(crate) fn event_start(&self) -> u64 {
        self.base + self.event_start
    }

    /// Starts the count for the next event.
    pub(crate) fn mark_event_start(&mut self) {
        self.event_start = self.consumed;
    }
}

impl<R: BufRead> Read for Limited<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let avail = self.fill_buf()?;
        let n = avail.len().min(out.len());
        out[..n].copy_from_slice(&avail[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Limited<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        let body_total = self.base + self.consumed;
        if body_total > self.max_body {
            return Err(
                InputFault::Limit { limit: Limit::BodySize, max: self.max_body, offset: self.max_body }.into_io()
            );
        }
        let in_event = self.consumed - self.event_start;
        if in_event > self.max_event {
            let offset = self.base + self.event_start;
            return Err(InputFault::Limit { limit: Limit::EventSize, max: self.max_event, offset }.into_io());
        }
        // Hand out at most one byte past either limit, so crossing it is seen
        // on the next call and never after a buffer has grown past it.
        let room = (self.max_body - body_total).min(self.max_event - in_event).saturating_add(1);
        let buf = self.inner.fill_buf()?;
        let n = usize::try_from(room).map_or(buf.len(), |room| buf.len().min(room));
        Ok(&buf[..n])
    }

    fn consume(&mut self, amt: usize) {
        self.inner.consume(amt);
        self.consumed += amt as u64;
    }
}
