//! Event sources: quick-xml's borrowed slice reader and its buffered reader,
//! behind one trait, with quick-xml errors turned into [`ParseError`]s.

use std::io::BufRead;

use quick_xml::Reader;
use quick_xml::encoding::EncodingError;
use quick_xml::errors::SyntaxError;
use quick_xml::events::Event;

use crate::input::io_to_parse_error;
use crate::input::limited::Limited;
use crate::limits::{Limit, Limits};
use crate::parse_error::ParseError;

/// Where XML events come from.
pub(crate) trait EventSource {
    /// The next event; the event size limit is enforced here.
    fn next_event(&mut self) -> Result<Event<'_>, ParseError>;
    /// Offset in the body just after the last event.
    fn offset(&self) -> u64;
}

fn configure<R>(reader: &mut Reader<R>) {
    let config = reader.config_mut();
    config.check_end_names = true;
    config.expand_empty_elements = false;
    config.trim_text(false);
    config.allow_unmatched_ends = false;
}

/// A quick-xml error as a [`ParseError`]; `event_start` is where the event
/// being read starts, `offset` where the reader says it stopped.
fn xml_error(err: quick_xml::Error, event_start: u64, offset: u64) -> ParseError {
    match err {
        quick_xml::Error::Io(io) => io_to_parse_error(&io, offset),
        // quick-xml checks UTF-8 per event; the error says how far the event was valid.
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
        other => ParseError::Xml { offset, reason: other.to_string() },
    }
}

/// Events borrowed straight from an in-memory UTF-8 body: no copy, no buffer.
pub(crate) struct SliceSource<'a> {
    reader: Reader<&'a [u8]>,
    base: u64,
    max_event: u64,
}

impl<'a> SliceSource<'a> {
    /// `body` starts `base` bytes into the received body (after a BOM).
    pub(crate) fn new(body: &'a [u8], base: u64, limits: &Limits) -> Self {
        let mut reader = Reader::from_reader(body);
        configure(&mut reader);
        SliceSource { reader, base, max_event: limits.max_event_bytes as u64 }
    }

    fn event_too_large(&self, start: u64) -> ParseError {
        ParseError::Limit { limit: Limit::EventSize, max: self.max_event, offset: self.base + start }
    }
}

impl EventSource for SliceSource<'_> {
    fn next_event(&mut self) -> Result<Event<'_>, ParseError> {
        let start = self.reader.buffer_position();
        match self.reader.read_event() {
            Ok(event) => {
                if self.reader.buffer_position() - start > self.max_event {
                    return Err(self.event_too_large(start));
                }
                Ok(event)
            }
            // Match the buffered source, which stops reading at the limit.
            Err(_) if self.reader.buffer_position() - start > self.max_event => Err(self.event_too_large(start)),
            Err(e) => Err(xml_error(e, self.base + start, self.base + self.reader.error_position())),
        }
    }

    fn offset(&self) -> u64 {
        self.base + self.reader.buffer_position()
    }
}

/// Events read from a stream into one reused buffer, bounded by the limits.
pub(crate) struct BufSource<R> {
    reader: Reader<Limited<R>>,
    buf: Vec<u8>,
    base: u64,
    max_event: u64,
}

impl<R: BufRead> BufSource<R> {
    /// `body` starts `base` bytes into the received body (after a BOM).
    pub(crate) fn new(body: R, base: u64, limits: &Limits) -> Self {
        let max_event = limits.max_event_bytes as u64;
        let mut reader = Reader::from_reader(Limited::new(body, base, limits.max_body_bytes, max_event));
        configure(&mut reader);
        BufSource { reader, buf: Vec::new(), base, max_event }
    }
}

impl<R: BufRead> EventSource for BufSource<R> {
    fn next_event(&mut self) -> Result<Event<'_>, ParseError> {
        self.buf.clear();
        self.reader.get_mut().mark_event_start();
        let start = self.reader.get_ref().offset();
        match self.reader.read_event_into(&mut self.buf) {
            Ok(event) => {
                if self.reader.get_ref().offset() - start > self.max_event {
                    return Err(ParseError::Limit { limit: Limit::EventSize, max: self.max_event, offset: start });
                }
                Ok(event)
            }
            Err(e) => Err(xml_error(e, start, self.base + self.reader.error_position())),
        }
    }

    fn offset(&self) -> u64 {
        self.reader.get_ref().offset()
    }
}
