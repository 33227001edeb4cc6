//! Event sources: quick-xml's borrowed slice reader and its buffered
//! reader, each with the lean path (`super::lean`) for what the skip scan
//! vouches for, behind one trait, with quick-xml errors turned into
//! [`ParseError`]s.

use std::io::BufRead;

use quick_xml::Reader;
use quick_xml::encoding::EncodingError;
use quick_xml::errors::{IllFormedError, SyntaxError};
use quick_xml::events::Event;

use super::{lean, scratch, skip};
use crate::input::limited::Limited;
use crate::input::{InputFault, io_to_parse_error};
use crate::limits::{Limit, Limits};
use crate::parse_error::ParseError;
use crate::text::collapse_whitespace;

/// Longest reader message kept in a [`ParseError::Xml`].
const MAX_REASON_BYTES: usize = 256;

/// Where XML events come from.
///
/// `next_event` hands quick-xml's own result through untouched: repacking
/// every event into another `Result` type costs more than the rest of a skip
/// loop. Errors are turned into [`ParseError`]s by [`error`](Self::error).
pub(crate) trait EventSource {
    /// The next event; the event size limit is enforced here.
    fn next_event(&mut self) -> quick_xml::Result<Event<'_>>;
    /// The error `next_event` just returned, as a [`ParseError`].
    fn error(&self, err: quick_xml::Error) -> ParseError;
    /// Offset in the body just after the last event.
    fn offset(&self) -> u64;
    /// Offset in the body where the last event started.
    fn event_start(&self) -> u64;
    /// Skips the content of the element whose start tag was the last event,
    /// up to its end tag, when [`skip::content_len`] finds it can (in the
    /// bytes at hand: for a stream, those already buffered); reads nothing
    /// when it declines. `max_open` is how many more elements the depth
    /// limit allows; `avoid`, a local name the scan declines at
    /// ([`skip::content_len`]). An error is one reading would have met at
    /// the same place.
    fn skip_content(&mut self, max_open: u32, avoid: Option<&[u8]>) -> quick_xml::Result<()>;
    /// Does the content of the element whose start tag was the last event
    /// begin, after any text, with a child element's start tag? False when
    /// it does not or when the bytes at hand do not say (a stream's buffer).
    fn child_comes_first(&mut self) -> bool;
    /// Where the body ends, once the reader reached its end: the offset a
    /// truncation is reported at, the same for both sources. (The XML reader
    /// may stop a few bytes short of the end when markup is left open.)
    fn end_offset(&mut self) -> u64;
}

/// An event over the size limit, carried as quick-xml's I/O error.
fn too_large(max: u64, offset: u64) -> quick_xml::Error {
    let fault = InputFault::Limit { limit: Limit::EventSize, max, offset };
    quick_xml::Error::Io(std::sync::Arc::new(fault.into_io()))
}

fn configure<R>(reader: &mut Reader<R>) {
    let config = reader.config_mut();
    config.check_end_names = true;
    config.expand_empty_elements = false;
    config.trim_text(false);
    config.allow_unmatched_ends = false;
}

/// A quick-xml error as a [`ParseError`]; `event_start` is where the event
/// being read starts, `event_end` where the bytes it took end, `offset`
/// where the reader says it stopped, `read_to` where the input ended
/// (`u64::MAX` while it has not).
fn xml_error(err: quick_xml::Error, event_start: u64, event_end: u64, offset: u64, read_to: u64) -> ParseError {
    match err {
        quick_xml::Error::Io(io) => io_to_parse_error(io, offset),
        // quick-xml checks UTF-8 per event; the error says how far the event was valid.
        // A character the end of input cut in two (the event's bytes ran to
        // the end, and the last character of them is unfinished): the body
        // was cut. One that markup follows (`\xEF&`) is malformed wherever
        // the body ends.
        quick_xml::Error::Encoding(EncodingError::Utf8(e))
            if e.error_len().is_none()
                && event_end >= read_to
                && event_start + e.valid_up_to() as u64 + 4 > read_to =>
        {
            ParseError::Truncated { offset, open: 0 }
        }
        quick_xml::Error::Encoding(EncodingError::Utf8(e)) => {
            ParseError::Encoding { offset: event_start + e.valid_up_to() as u64, encoding: "UTF-8".into() }
        }
        quick_xml::Error::Encoding(_) => ParseError::Encoding { offset: event_start, encoding: "UTF-8".into() },
        // Markup still open at the end of input: the body was cut. The cursor
        // knows how many elements were open.
        quick_xml::Error::Syntax(
            SyntaxError::UnclosedPI
            | SyntaxError::UnclosedXmlDecl
            | SyntaxError::UnclosedComment
            | SyntaxError::UnclosedDoctype
            | SyntaxError::UnclosedCData
            | SyntaxError::UnclosedTag
            | SyntaxError::UnclosedSingleQuotedAttributeValue
            | SyntaxError::UnclosedDoubleQuotedAttributeValue,
        ) => ParseError::Truncated { offset, open: 0 },
        // A reference (`&` up to `;`) the end of input left open: the body
        // was cut inside it, for all its bytes show (a `;` may have come).
        quick_xml::Error::IllFormed(IllFormedError::UnclosedReference) => ParseError::Truncated { offset, open: 0 },
        // `<!` and nothing after it: the end of input came where the kind of
        // markup (comment, CDATA, DOCTYPE) would have been said.
        quick_xml::Error::Syntax(SyntaxError::InvalidBangMarkup) if offset + 2 >= read_to => {
            ParseError::Truncated { offset, open: 0 }
        }
        // quick-xml's text quotes names from the body, which can be huge.
        other => ParseError::Xml { offset, reason: collapse_whitespace(&other.to_string(), MAX_REASON_BYTES).text },
    }
}

/// Does quick-xml, after `event`, wait for text or markup, as it does
/// after an element (so a lean region may start there)? Not after text:
/// it has taken the `<` that ended it.
fn waits_for_text(event: &quick_xml::Result<Event<'_>>) -> bool {
    matches!(
        event,
        Ok(Event::Start(_)
            | Event::End(_)
            | Event::Empty(_)
            | Event::Decl(_)
            | Event::Comment(_)
            | Event::PI(_)
            | Event::DocType(_)
            | Event::CData(_)
            | Event::GeneralRef(_))
    )
}

/// Is the first markup in `content` a start tag (or an empty element)?
fn starts_with_child(content: &[u8]) -> bool {
    memchr::memchr(b'<', content).and_then(|lt| content.get(lt + 1)).is_some_and(|b| !matches!(b, b'/' | b'!' | b'?'))
}

/// Where a source is on the lean path (`super::lean`): the marks of the
/// region it reads (or declined), the next of them, and whether a region may
/// start here. The region's text is the source's own (borrowed from a slice,
/// copied from a stream).
struct LeanPath {
    /// Taken from the thread's scratch and given back on drop; `None` only
    /// after that, or where a test turns the lean path off.
    marks: Option<Box<lean::RegionMarks>>,
    next_mark: usize,
    /// quick-xml has read an event, and not text: it waits for text or
    /// markup, as it does after an element, so a region may start.
    may_vouch: bool,
    /// No region is tried before this offset: the scan declined there.
    no_vouch_until: u64,
    /// How many events the lean path handed out.
    #[cfg(test)]
    handed_out: usize,
}

impl LeanPath {
    fn new() -> Self {
        LeanPath {
            marks: Some(scratch::take_marks()),
            next_mark: 0,
            may_vouch: false,
            no_vouch_until: 0,
            #[cfg(test)]
            handed_out: 0,
        }
    }

    /// The marks of the region being read, if one is.
    #[inline(always)]
    fn region_marks(&self) -> Option<&lean::RegionMarks> {
        self.marks.as_deref().filter(|marks| self.next_mark < marks.len())
    }

    /// Is a region being read?
    #[inline(always)]
    fn in_region(&self) -> bool {
        self.marks.as_ref().is_some_and(|marks| self.next_mark < marks.len())
    }

    /// Should a region be tried where the next event starts, at `at`?
    #[inline(always)]
    fn should_vouch(&self, at: u64) -> bool {
        !self.in_region() && self.may_vouch && at >= self.no_vouch_until
    }

    /// Leaves the region (or the attempt at one): quick-xml reads on.
    fn leave(&mut self) {
        self.next_mark = self.marks.as_deref().map_or(0, lean::RegionMarks::len);
    }

    /// The scan declined a region at `at` after `seen` bytes.
    fn declined(&mut self, at: u64, seen: usize) {
        self.no_vouch_until = at + seen.max(1) as u64;
        self.leave();
    }

    /// The region's next event, from its `text`, and its length; `None`
    /// past its last mark (or, not reached in a vouched region, where the
    /// marks give none): the caller leaves the region then.
    #[inline(always)]
    fn next_event<'r>(&mut self, text: &'r str) -> Option<(Event<'r>, usize)> {
        let next = self.marks.as_deref().and_then(|marks| lean::event(text, marks, self.next_mark))?;
        self.next_mark += 1;
        #[cfg(test)]
        {
            self.handed_out += 1;
        }
        Some(next)
    }

    /// Passes over the content of the element the region's last event
    /// started, from its `text`, as the scan would: its length, or how far
    /// the scan saw before declining. `None` when no region is read.
    fn skip(&mut self, text: &str, max_open: u32, avoid: Option<&[u8]>) -> Option<Result<usize, usize>> {
        let marks = self.region_marks()?;
        Some(lean::skip(text, marks, self.next_mark, max_open, avoid).map(|(len, end_tag)| {
            self.next_mark = end_tag;
            len
        }))
    }
}

impl Drop for LeanPath {
    /// The marks go back to the thread for the next body.
    fn drop(&mut self) {
        if let Some(marks) = self.marks.take() {
            scratch::give_back_marks(marks);
        }
    }
}

/// Events borrowed straight from an in-memory UTF-8 body: no copy, no buffer.
pub(crate) struct SliceSource<'a> {
    reader: Reader<&'a [u8]>,
    base: u64,
    max_event: u64,
    /// False when the whole body fits in one event's limit: nothing to check.
    check_event_size: bool,
    /// Where the last event started, relative to `base`.
    event_start: u64,
    len: u64,
    /// Bytes skipped past the reader ([`EventSource::skip_content`]): its
    /// own positions do not count them.
    skipped: u64,
    /// No skip is tried before this position: a scan declined there.
    no_skip_until: u64,
    /// The region read on the lean path, borrowed from the body; quick-xml
    /// reads when every one of its events was handed out.
    region: &'a str,
    lean: LeanPath,
}

impl<'a> SliceSource<'a> {
    /// `body` starts `base` bytes into the received body (after a BOM).
    pub(crate) fn new(body: &'a [u8], base: u64, limits: &Limits) -> Self {
        let mut reader = Reader::from_reader(body);
        configure(&mut reader);
        let max_event = limits.max_event_bytes as u64;
        let len = body.len() as u64;
        SliceSource {
            reader,
            base,
            max_event,
            check_event_size: len > max_event,
            event_start: 0,
            len,
            skipped: 0,
            no_skip_until: 0,
            region: "",
            lean: LeanPath::new(),
        }
    }

    /// Where the reader is, relative to `base`.
    fn position(&self) -> u64 {
        self.reader.buffer_position() + self.skipped
    }

    /// Moves the reader `n` bytes on, past what was read or skipped without it.
    fn advance(&mut self, n: usize) {
        let rest: &'a [u8] = self.reader.get_ref();
        *self.reader.get_mut() = rest.get(n..).unwrap_or_default();
        self.skipped += n as u64;
    }

    /// How many events the lean path handed out.
    #[cfg(test)]
    pub(crate) fn lean_events(&self) -> usize {
        self.lean.handed_out
    }

    /// Is a lean region being read?
    #[cfg(test)]
    pub(crate) fn in_region(&self) -> bool {
        self.lean.in_region()
    }

    /// Starts a lean region here when the scan vouches for one.
    fn vouch(&mut self) {
        let rest: &'a [u8] = self.reader.get_ref();
        let max_event = if self.check_event_size { self.max_event as usize } else { usize::MAX };
        let Some(marks) = self.lean.marks.as_deref_mut() else { return };
        match lean::region(rest, max_event, marks) {
            Ok(region) => {
                self.region = region;
                self.lean.next_mark = 0;
            }
            Err(seen) => self.lean.declined(self.position(), seen),
        }
    }

    /// The next event of the lean region (a vouched region holds no event
    /// over the limit). Where its marks give none (not reached: the region
    /// was vouched for), it is left, and quick-xml reads on.
    fn lean_event(&mut self) -> quick_xml::Result<Event<'a>> {
        let region: &'a str = self.region;
        let Some((event, len)) = self.lean.next_event(region) else {
            self.lean.leave();
            return self.quick_xml_event();
        };
        self.advance(len);
        Ok(event)
    }

    /// The next event as quick-xml reads it, checked against the event size limit.
    fn quick_xml_event(&mut self) -> quick_xml::Result<Event<'a>> {
        let event = self.reader.read_event();
        self.lean.may_vouch = waits_for_text(&event);
        // Judged as the buffered source judges it: more than the limit read
        // for one event, complete or failed, is over the limit.
        if self.check_event_size && self.position() - self.event_start > self.max_event {
            return Err(too_large(self.max_event, self.base + self.event_start));
        }
        event
    }
}

impl EventSource for SliceSource<'_> {
    #[inline]
    fn next_event(&mut self) -> quick_xml::Result<Event<'_>> {
        self.event_start = self.position();
        if self.lean.should_vouch(self.event_start) {
            self.vouch();
        }
        if self.lean.in_region() {
            return self.lean_event();
        }
        self.quick_xml_event()
    }

    fn error(&self, err: quick_xml::Error) -> ParseError {
        let offset = self.base + self.skipped + self.reader.error_position();
        xml_error(err, self.base + self.event_start, self.base + self.position(), offset, self.base + self.len)
    }

    fn offset(&self) -> u64 {
        self.base + self.position()
    }

    fn skip_content(&mut self, max_open: u32, avoid: Option<&[u8]>) -> quick_xml::Result<()> {
        let at = self.position();
        if at < self.no_skip_until {
            return Ok(());
        }
        // Passed over by the region's marks: what the scan would answer.
        if let Some(skipped) = self.lean.skip(self.region, max_open, avoid) {
            match skipped {
                Ok(len) => self.advance(len),
                Err(seen) => self.no_skip_until = at + seen as u64,
            }
            return Ok(());
        }
        let max_event = if self.check_event_size { self.max_event as usize } else { usize::MAX };
        let rest: &[u8] = self.reader.get_ref();
        match skip::content_len(rest, max_open, max_event, avoid) {
            Ok(len) => self.advance(len),
            Err(seen) => {
                self.no_skip_until = at + seen as u64;
            }
        }
        Ok(())
    }

    fn event_start(&self) -> u64 {
        self.base + self.event_start
    }

    fn child_comes_first(&mut self) -> bool {
        starts_with_child(self.reader.get_ref())
    }

    fn end_offset(&mut self) -> u64 {
        self.base + self.len
    }
}

/// Events read from a stream into one reused buffer, bounded by the limits.
pub(crate) struct BufSource<R> {
    reader: Reader<Limited<R>>,
    buf: Vec<u8>,
    base: u64,
    max_event: u64,
    /// Bytes skipped past the reader ([`EventSource::skip_content`]): its
    /// own positions do not count them.
    skipped: u64,
    /// No skip is tried before this offset: a scan declined there.
    no_skip_until: u64,
    /// The lean path over the bytes the input holds buffered: the region's
    /// text, copied out (its bytes are consumed from the input event by
    /// event as they are handed out, so offsets and limits count as when
    /// quick-xml reads them); from the thread's scratch, given back on drop.
    region: String,
    lean: LeanPath,
}

impl<R: BufRead> BufSource<R> {
    /// `body` starts `base` bytes into the received body (after a BOM).
    pub(crate) fn new(body: R, base: u64, limits: &Limits) -> Self {
        let max_event = limits.max_event_bytes as u64;
        let mut reader = Reader::from_reader(Limited::new(body, base, limits.max_body_bytes, max_event));
        configure(&mut reader);
        BufSource {
            reader,
            buf: Vec::new(),
            base,
            max_event,
            skipped: 0,
            no_skip_until: 0,
            region: scratch::take_region_text(),
            lean: LeanPath::new(),
        }
    }

    /// How many events the lean path handed out.
    #[cfg(test)]
    pub(crate) fn lean_events(&self) -> usize {
        self.lean.handed_out
    }

    /// The source as it was before it had the lean path: what the lean
    /// path must agree with.
    #[cfg(test)]
    pub(crate) fn without_lean_path(body: R, base: u64, limits: &Limits) -> Self {
        let mut source = BufSource::new(body, base, limits);
        if let Some(marks) = source.lean.marks.take() {
            scratch::give_back_marks(marks);
        }
        source
    }

    /// Is a lean region being read?
    #[cfg(test)]
    pub(crate) fn in_region(&self) -> bool {
        self.lean.in_region()
    }

    /// Starts a lean region here when the scan vouches for one in the
    /// bytes the input holds within the limits. An input that fails here
    /// fails as it would have for quick-xml's next read.
    fn vouch(&mut self) -> quick_xml::Result<()> {
        let Some(marks) = self.lean.marks.as_deref_mut() else { return Ok(()) };
        let input = self.reader.get_mut();
        input.mark_event_start();
        let at = input.offset();
        let window = match input.within_limits() {
            Ok(window) => window,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => return Ok(()),
            Err(e) => return Err(quick_xml::Error::Io(std::sync::Arc::new(e))),
        };
        let max_event = usize::try_from(self.max_event).unwrap_or(usize::MAX);
        match lean::region(window, max_event, marks) {
            Ok(text) => {
                self.region.clear();
                self.region.push_str(text);
                self.lean.next_mark = 0;
            }
            Err(seen) => self.lean.declined(at, seen),
        }
        Ok(())
    }
}

impl<R> Drop for BufSource<R> {
    /// The region's text goes back to the thread for the next body.
    fn drop(&mut self) {
        scratch::give_back_region_text(std::mem::take(&mut self.region));
    }
}

impl<R: BufRead> EventSource for BufSource<R> {
    #[inline]
    fn next_event(&mut self) -> quick_xml::Result<Event<'_>> {
        if self.lean.should_vouch(self.reader.get_ref().offset()) {
            self.vouch()?;
        }
        if self.lean.in_region()
            && let Some((event, len)) = self.lean.next_event(&self.region)
        {
            // A vouched region holds no event over the limit.
            let input = self.reader.get_mut();
            input.mark_event_start();
            input.consume(len);
            self.skipped += len as u64;
            return Ok(event);
        }
        // Not in a region (or, not reached, its marks ran out): quick-xml
        // reads on.
        self.lean.leave();
        self.buf.clear();
        self.reader.get_mut().mark_event_start();
        let event = self.reader.read_event_into(&mut self.buf);
        self.lean.may_vouch = waits_for_text(&event);
        let input = self.reader.get_ref();
        // An event that took more than the limit is over it, whether it was
        // read whole or failed (as the slice source judges it); a failure of
        // the input itself (a limit, bad bytes) is reported as it is.
        let input_failed = matches!(&event, Err(quick_xml::Error::Io(_)));
        if !input_failed && input.offset() - input.event_start() > self.max_event {
            return Err(too_large(self.max_event, input.event_start()));
        }
        event
    }

    fn error(&self, err: quick_xml::Error) -> ParseError {
        // A failed read happened where the input stopped giving bytes: the
        // XML reader's own error position is not kept for those.
        let offset = match &err {
            quick_xml::Error::Io(_) => self.reader.get_ref().offset(),
            _ => self.base + self.skipped + self.reader.error_position(),
        };
        let read_to = self.reader.get_ref().end().unwrap_or(u64::MAX);
        let input = self.reader.get_ref();
        xml_error(err, input.event_start(), input.offset(), offset, read_to)
    }

    fn offset(&self) -> u64 {
        self.reader.get_ref().offset()
    }

    fn event_start(&self) -> u64 {
        self.reader.get_ref().event_start()
    }

    fn skip_content(&mut self, max_open: u32, avoid: Option<&[u8]>) -> quick_xml::Result<()> {
        let input = self.reader.get_mut();
        let at = input.offset();
        if at < self.no_skip_until {
            return Ok(());
        }
        // Passed over by the region's marks: what the scan would answer.
        if let Some(skipped) = self.lean.skip(&self.region, max_open, avoid) {
            match skipped {
                Ok(len) => {
                    input.mark_event_start();
                    input.consume(len);
                    self.skipped += len as u64;
                }
                Err(seen) => self.no_skip_until = at + seen as u64,
            }
            return Ok(());
        }
        // The window the next event would get: what is over the limits is
        // refused here as it would be there.
        input.mark_event_start();
        let rest = match input.fill_buf() {
            Ok(rest) => rest,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => return Ok(()),
            Err(e) => return Err(quick_xml::Error::Io(std::sync::Arc::new(e))),
        };
        match skip::content_len(rest, max_open, self.max_event as usize, avoid) {
            Ok(len) => {
                input.consume(len);
                self.skipped += len as u64;
            }
            Err(seen) => {
                self.no_skip_until = at + seen as u64;
            }
        }
        Ok(())
    }

    fn child_comes_first(&mut self) -> bool {
        let input = self.reader.get_mut();
        input.mark_event_start();
        input.fill_buf().is_ok_and(starts_with_child)
    }

    fn end_offset(&mut self) -> u64 {
        self.lean.leave();
        // Count what the reader left unread; a failure to read stops the count.
        let input = self.reader.get_mut();
        input.mark_event_start();
        while let Ok(buf) = input.fill_buf() {
            let n = buf.len();
            if n == 0 {
                break;
            }
            input.consume(n);
            input.mark_event_start();
        }
        input.offset()
    }
}
