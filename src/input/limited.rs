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
    /// The inner reader said its input ended (an empty `fill_buf`).
    ended: bool,
    max_event: u64,
    /// `consumed` may reach this and no further: one byte past the nearer
    /// limit, so that crossing it is seen on the next call. Recomputed once
    /// per event, it keeps `fill_buf` (called several times per event) to a
    /// subtraction and a comparison.
    stop_at: u64,
}

impl<R: BufRead> Limited<R> {
    pub(crate) fn new(inner: R, base: u64, max_body: u64, max_event: u64) -> Self {
        let mut limited =
            Limited { inner, consumed: 0, base, max_body, event_start: 0, ended: false, max_event, stop_at: 0 };
        limited.mark_event_start();
        limited
    }

    /// Bytes consumed so far, as an offset into the body.
    pub(crate) fn offset(&self) -> u64 {
        self.base + self.consumed
    }

    /// Where the input ended, once it did.
    pub(crate) fn end(&self) -> Option<u64> {
        self.ended.then(|| self.offset())
    }

    /// Where the current event starts, as an offset into the body.
    pub(crate) fn event_start(&self) -> u64 {
        self.base + self.event_start
    }

    /// Starts the count for the next event.
    #[inline]
    pub(crate) fn mark_event_start(&mut self) {
        self.event_start = self.consumed;
        let body_stop = self.max_body.saturating_sub(self.base).saturating_add(1);
        let event_stop = self.consumed.saturating_add(self.max_event).saturating_add(1);
        self.stop_at = body_stop.min(event_stop);
    }

    /// The bytes buffered that the next event may take without passing a
    /// limit: [`fill_buf`](BufRead::fill_buf) without the one byte past the
    /// nearer limit it hands out, so that what is read from them is what
    /// quick-xml could have read before its next read met the limit.
    pub(crate) fn within_limits(&mut self) -> io::Result<&[u8]> {
        let room = self.stop_at.saturating_sub(self.consumed).saturating_sub(1);
        let buf = self.fill_buf()?;
        Ok(match usize::try_from(room) {
            Ok(room) if room < buf.len() => &buf[..room],
            _ => buf,
        })
    }

    #[cold]
    fn limit_error(&self) -> io::Error {
        let fault = if self.base + self.consumed > self.max_body {
            InputFault::Limit { limit: Limit::BodySize, max: self.max_body, offset: self.max_body }
        } else {
            InputFault::Limit { limit: Limit::EventSize, max: self.max_event, offset: self.base + self.event_start }
        };
        fault.into_io()
    }
}

impl<R: BufRead> Read for Limited<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        super::read_from_buf(self, out)
    }
}

impl<R: BufRead> BufRead for Limited<R> {
    #[inline]
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        let room = self.stop_at.saturating_sub(self.consumed);
        if room == 0 {
            return Err(self.limit_error());
        }
        let buf = self.inner.fill_buf()?;
        self.ended |= buf.is_empty();
        Ok(match usize::try_from(room) {
            Ok(room) if room < buf.len() => &buf[..room],
            _ => buf,
        })
    }

    #[inline]
    fn consume(&mut self, amt: usize) {
        self.inner.consume(amt);
        self.consumed += amt as u64;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fault(err: &io::Error) -> InputFault {
        InputFault::from_io(err).unwrap().clone()
    }

    #[test]
    fn stops_one_byte_past_the_event_limit() {
        let mut l = Limited::new(&b"0123456789"[..], 0, 100, 4);
        assert_eq!(l.fill_buf().unwrap(), b"01234");
        l.consume(5);
        let err = l.fill_buf().unwrap_err();
        assert_eq!(fault(&err), InputFault::Limit { limit: Limit::EventSize, max: 4, offset: 0 });
        l.mark_event_start();
        assert_eq!(l.fill_buf().unwrap(), b"56789");
    }

    #[test]
    fn body_limit_counts_from_the_body_start() {
        let mut l = Limited::new(&b"abcdef"[..], 3, 5, 100);
        assert_eq!(l.fill_buf().unwrap(), b"abc");
        l.consume(3);
        let err = l.fill_buf().unwrap_err();
        assert_eq!(fault(&err), InputFault::Limit { limit: Limit::BodySize, max: 5, offset: 5 });
    }
}
