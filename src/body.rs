//! One pipeline for every body, in memory or streamed: unwrap (content
//! coding, decoded as it streams; then a `multipart/related` root part), sniff (charset and kind
//! from the first bytes), read (a SOAP envelope after a page, XML, JSON),
//! conclude (`crate::fallback`). The stages see a body only through
//! [`Body`], written once for a slice and once for a stream, so a new
//! wrapper is one adapter and one line here.

use std::io::{self, BufRead, Read};

use serde_json::error::Category;

use crate::emit::{Emitter, Halt, Sink};
use crate::entry::Scanned;
use crate::fallback::{conclude, html_title};
#[cfg(feature = "gzip")]
use crate::input::content_encoding;
use crate::input::content_encoding::ContentCoding;
use crate::input::io_to_parse_error;
use crate::input::limited::Limited;
use crate::input::multipart::{Multipart, PartContent, RootPart};
use crate::input::preamble;
use crate::input::sniff::{self, BodyKind, Charset, PREFIX_LEN};
use crate::input::transcode::Transcoder;
use crate::json_cut::{self, Parsed};
use crate::limits::Limits;
use crate::options::Options;
use crate::parse_error::ParseError;
use crate::soap;
use crate::text::escape_start;
use crate::vendors::{self, Ctx, Response, SoapBody};
use crate::xml::{self, BufSource, Cursor, SliceSource, Source};

/// Reads a body held in memory, handing each error to `sink` as it is
/// found, until the sink asks to stop. UTF-8 XML is read in place.
pub(crate) fn scan_slice_with(body: &[u8], opts: &Options, sink: Sink<'_>) -> Result<Scanned, ParseError> {
    // The stream reader stops at the limit exactly where it is crossed, and
    // decodes a coded body as it streams.
    if body.len() as u64 > opts.limits.max_body_bytes || opts.content_encoding.is_some() {
        return scan_reader_with(body, opts, sink);
    }
    let response = Response::new(opts);
    read_framed(SliceBody(body), &response, &mut Emitter::new(sink, opts))
}

/// Reads a body from a stream, handing each error to `sink` as it is
/// found, until the sink asks to stop (nothing more is read then).
pub(crate) fn scan_reader_with<R: BufRead>(body: R, opts: &Options, sink: Sink<'_>) -> Result<Scanned, ParseError> {
    let response = Response::new(opts);
    let out = &mut Emitter::new(sink, opts);
    match ContentCoding::from_header(opts.content_encoding.as_deref()) {
        Ok(ContentCoding::Identity) => read_framed(StreamBody::new(body), &response, out),
        #[cfg(feature = "gzip")]
        Ok(coding) => {
            let decoded = content_encoding::decoder(body, coding, opts.limits.max_body_bytes);
            read_framed(StreamBody::new(decoded), &response, out)
        }
        Err(unsupported) => {
            let broke = ParseError::UnsupportedCoding { coding: unsupported.coding };
            conclude(out, Err(broke.into()), &Head::sniff(&[], Frame::whole(opts)), &[], &response)
        }
    }
}

/// A body as the stages see it: its first bytes, read again as often as
/// needed, and the rest as XML events or as a stream, from any byte of
/// those first ones.
trait Body {
    type Xml<'s>: Source
    where
        Self: 's;
    type Stream<'s>: BufRead
    where
        Self: 's;
    type Part<'s>: Body
    where
        Self: 's;

    /// The first `len` bytes (fewer when the body is shorter, or when a
    /// read failed: the failure then comes after them).
    fn head(&mut self, len: usize) -> &[u8];
    /// The failure that cut the first bytes short, if any (taken).
    fn take_failure(&mut self) -> Option<io::Error>;
    /// The body from byte `from` of the first ones, as XML (UTF-8).
    fn xml(&mut self, from: usize, base: u64, limits: &Limits) -> Cursor<Self::Xml<'_>>;
    /// The body from byte `from` of the first ones, as a stream.
    fn stream(&mut self, from: usize) -> Self::Stream<'_>;
    /// The body from byte `from` of the first ones, when it is all in memory.
    fn in_memory(&self, from: usize) -> Option<&[u8]>;
    /// The root part of a `multipart/related` body: its content, and its
    /// offset and headers.
    fn root_part(&mut self, parts: &Multipart) -> Result<(Self::Part<'_>, RootPart), ParseError>;
}

/// A body held in memory.
struct SliceBody<'a>(&'a [u8]);

impl<'a> Body for SliceBody<'a> {
    type Xml<'s>
        = SliceSource<'a>
    where
        Self: 's;
    type Stream<'s>
        = &'a [u8]
    where
        Self: 's;
    type Part<'s>
        = SliceBody<'a>
    where
        Self: 's;

    fn head(&mut self, len: usize) -> &[u8] {
        &self.0[..self.0.len().min(len)]
    }

    fn take_failure(&mut self) -> Option<io::Error> {
        None
    }

    fn xml(&mut self, from: usize, base: u64, limits: &Limits) -> Cursor<SliceSource<'a>> {
        xml::from_slice(&self.0[from..], base + from as u64, limits)
    }

    fn stream(&mut self, from: usize) -> &'a [u8] {
        &self.0[from..]
    }

    fn in_memory(&self, from: usize) -> Option<&[u8]> {
        self.0.get(from..)
    }

    fn root_part(&mut self, parts: &Multipart) -> Result<(SliceBody<'a>, RootPart), ParseError> {
        let mut framed = self.0;
        let root = parts.open_root(&mut framed)?;
        let len = parts.content_len(framed);
        Ok((SliceBody(&framed[..len]), root))
    }
}

/// A body read from a stream: its first bytes buffered (at most the sniffed
/// prefix, or the preamble window when a page may precede an envelope),
/// then the rest.
struct StreamBody<R> {
    first: Vec<u8>,
    rest: Rest<R>,
}

impl<R: BufRead> StreamBody<R> {
    fn new(body: R) -> Self {
        StreamBody { first: Vec::new(), rest: Rest::Body(body) }
    }
}

impl<R: BufRead> Body for StreamBody<R> {
    type Xml<'s>
        = BufSource<io::Chain<&'s [u8], &'s mut Rest<R>>>
    where
        Self: 's;
    type Stream<'s>
        = io::Chain<&'s [u8], &'s mut Rest<R>>
    where
        Self: 's;
    type Part<'s>
        = StreamBody<PartContent<io::Chain<&'s [u8], &'s mut Rest<R>>>>
    where
        Self: 's;

    fn head(&mut self, len: usize) -> &[u8] {
        let more = len.saturating_sub(self.first.len());
        if more > 0
            && let Rest::Body(body) = &mut self.rest
            && let Err(e) = body.take(more as u64).read_to_end(&mut self.first)
        {
            // What came before the failure is still read; the failure follows it.
            self.rest = Rest::Failed(Some(e));
        }
        &self.first[..self.first.len().min(len)]
    }

    fn take_failure(&mut self) -> Option<io::Error> {
        match &mut self.rest {
            Rest::Failed(failure) => failure.take(),
            Rest::Body(_) => None,
        }
    }

    fn xml(&mut self, from: usize, base: u64, limits: &Limits) -> Cursor<Self::Xml<'_>> {
        xml::from_reader(self.stream(from), base + from as u64, limits)
    }

    fn stream(&mut self, from: usize) -> Self::Stream<'_> {
        self.first.get(from..).unwrap_or_default().chain(&mut self.rest)
    }

    fn in_memory(&self, _: usize) -> Option<&[u8]> {
        None
    }

    fn root_part(&mut self, parts: &Multipart) -> Result<(Self::Part<'_>, RootPart), ParseError> {
        let mut framed = self.stream(0);
        let root = parts.open_root(&mut framed)?;
        Ok((StreamBody::new(parts.content(framed)), root))
    }
}

/// What follows the buffered first bytes: the rest of the body, or the
/// read error that cut them short.
enum Rest<R> {
    Body(R),
    Failed(Option<io::Error>),
}

impl<R: BufRead> Read for Rest<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        crate::input::read_from_buf(self, out)
    }
}

impl<R: BufRead> BufRead for Rest<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        match self {
            Rest::Body(body) => body.fill_buf(),
            Rest::Failed(error) => error.take().map_or(Ok(&[]), Err),
        }
    }

    fn consume(&mut self, n: usize) {
        if let Rest::Body(body) = self {
            body.consume(n);
        }
    }
}

/// Where the body to read sits in the response: the whole body, or the
/// root part of a multipart one.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Frame<'a> {
    /// Offset of its first byte in the body as received.
    pub(crate) base: u64,
    /// Its `Content-Type` (the part's own, for a part).
    pub(crate) content_type: Option<&'a str>,
}

impl<'a> Frame<'a> {
    fn whole(opts: &'a Options) -> Self {
        Frame { base: 0, content_type: opts.content_type.as_deref() }
    }
}

/// Unwraps a `multipart/related` body to its root part, then reads it.
fn read_framed(mut body: impl Body, response: &Response<'_>, out: &mut Emitter) -> Result<Scanned, ParseError> {
    let opts = response.opts;
    let Some(parts) = multipart_of(body.head(PREFIX_LEN), opts) else {
        return read_body(body, Frame::whole(opts), response, out);
    };
    let broke = match body.root_part(&parts) {
        Ok((part, root)) => {
            let frame = Frame { base: root.offset, content_type: root.content_type.as_deref() };
            return read_body(part, frame, response, out);
        }
        Err(e) => e,
    };
    let head = Head::sniff(body.head(PREFIX_LEN), Frame::whole(opts));
    conclude(out, Err(broke.into()), &head, body.head(PREFIX_LEN), response)
}

/// The framing of a multipart body: from the `Content-Type` header when one
/// was given, else from the body's first line; `None` unless a delimiter
/// line is among the first bytes (`prefix`), so that a body announced as
/// multipart but sent whole is still read.
fn multipart_of(prefix: &[u8], opts: &Options) -> Option<Multipart> {
    let parts = match opts.content_type.as_deref() {
        Some(content_type) => Multipart::from_content_type(content_type)?,
        None => Multipart::from_first_line(prefix, prefix.len() < PREFIX_LEN)?,
    };
    parts.has_delimiter_line(prefix).then_some(parts)
}

/// Reads a body (or a multipart body's root part): sniffs it, looks for an
/// envelope after a page, reads it by its kind, and concludes.
fn read_body(
    mut body: impl Body,
    frame: Frame<'_>,
    response: &Response<'_>,
    out: &mut Emitter,
) -> Result<Scanned, ParseError> {
    let opts = response.opts;
    let head = Head::sniff(body.head(PREFIX_LEN), frame);
    if head.kind == BodyKind::Empty
        && let Some(failure) = body.take_failure()
    {
        // Nothing but the failure came: that is the answer.
        let broke = io_to_parse_error(failure, frame.base + body.head(PREFIX_LEN).len() as u64);
        return conclude(out, Err(broke.into()), &head, body.head(PREFIX_LEN), response);
    }
    if let Some(charset) = head.may_precede_envelope() {
        let (bom_len, max) = (charset.bom_len, opts.limits.max_preamble_bytes);
        let window = body.head(bom_len.saturating_add(max));
        let searched = &window[bom_len.min(window.len())..];
        if let Some(found) = Envelope::find(&searched[..searched.len().min(max)], charset, head.declared) {
            let start = bom_len + found.at;
            let note = preamble_note(&head, body.head(PREFIX_LEN), &found);
            let limits = &opts.limits;
            let read = if found.encoding == encoding_rs::UTF_8 {
                read_after_preamble(body.xml(start, frame.base, limits), note, response, out)
            } else {
                // Offsets past this point count UTF-8 bytes after decoding.
                let utf8 = Transcoder::new(body.stream(start), found.encoding, frame.base + start as u64);
                let doc = xml::from_reader(io::BufReader::new(utf8), found.decoded_before, limits);
                read_after_preamble(doc, note, response, out)
            };
            if let Some(read) = read {
                return conclude(out, read, &head, body.head(PREFIX_LEN), response);
            }
        }
        // Answered as the page it starts with: nothing more is read.
        let page = body.head(PREFIX_LEN);
        return conclude(out, Err(head.unreadable(page, opts).into()), &head, page, response);
    }
    let result = match head.charset.clone() {
        Ok(charset) => read_by_kind(&mut body, &head, charset, response, out),
        Err(e) => Err(e.into()),
    };
    conclude(out, result, &head, body.head(PREFIX_LEN), response)
}

/// Reads a body whose kind the first bytes told (BOM skipped), transcoding
/// it to UTF-8 when it is in another charset.
fn read_by_kind(
    body: &mut impl Body,
    head: &Head,
    charset: Charset,
    response: &Response<'_>,
    out: &mut Emitter,
) -> Result<(), Halt> {
    let (opts, ctx) = (response.opts, response.ctx());
    let limits = &opts.limits;
    let (bom, base) = (charset.bom_len, head.base);
    match head.kind {
        BodyKind::Xml if charset.is_utf8() => read_xml(body.xml(bom, base, limits), ctx, out, false),
        // Offsets past this point count UTF-8 bytes after decoding.
        BodyKind::Xml => {
            let utf8 = Transcoder::new(body.stream(bom), charset.encoding, base + bom as u64);
            read_xml(xml::from_reader(io::BufReader::new(utf8), 0, limits), ctx, out, false)
        }
        BodyKind::Json if charset.is_utf8() => match body.in_memory(bom) {
            Some(bytes) => read_json_slice(bytes, base + bom as u64, ctx, out),
            None => read_json(body.stream(bom), base + bom as u64, ctx, out),
        },
        BodyKind::Json => {
            let utf8 = Transcoder::new(body.stream(bom), charset.encoding, base + bom as u64);
            read_json(io::BufReader::new(utf8), 0, ctx, out)
        }
        _ => Err(head.unreadable(body.head(PREFIX_LEN), opts).into()),
    }
}

/// What the first bytes say.
pub(crate) struct Head {
    pub(crate) charset: Result<Charset, ParseError>,
    /// The charset was declared (BOM, `Content-Type`, an XML declaration at
    /// the start), not UTF-8 by default.
    declared: bool,
    pub(crate) kind: BodyKind,
    /// Offset of the first byte in the body as received.
    pub(crate) base: u64,
}

impl Head {
    fn sniff(prefix: &[u8], frame: Frame<'_>) -> Self {
        let label = frame.content_type.and_then(sniff::content_type_charset);
        let (charset, declared) = sniff::sniff_charset_declared(prefix, label);
        let kind = sniff::body_kind(&Head::decode(&charset, prefix));
        Head { charset, declared, kind, base: frame.base }
    }

    /// The first bytes (`prefix`) decoded in the sniffed charset (UTF-8 if
    /// it is not known), for classification and the HTTP fallback.
    pub(crate) fn text<'p>(&self, prefix: &'p [u8]) -> std::borrow::Cow<'p, str> {
        Head::decode(&self.charset, prefix)
    }

    fn decode<'p>(charset: &Result<Charset, ParseError>, prefix: &'p [u8]) -> std::borrow::Cow<'p, str> {
        let decode_as = charset.clone().unwrap_or(Charset { encoding: encoding_rs::UTF_8, bom_len: 0 });
        sniff::decode_prefix(prefix, decode_as)
    }

    /// The charset, when the body starts as a page or text that a SOAP
    /// envelope may follow, in a charset it can be looked for in: UTF-16,
    /// or one that keeps ASCII as ASCII (not ISO-2022-JP, whose escapes
    /// make `<` a part of other characters).
    fn may_precede_envelope(&self) -> Option<Charset> {
        let charset = *self.charset.as_ref().ok()?;
        let searchable = charset.encoding.is_ascii_compatible() || charset.is_utf16();
        (searchable && matches!(self.kind, BodyKind::Html | BodyKind::Text(_))).then_some(charset)
    }

    /// The verdict for bodies that are not XML or JSON (`prefix`: the first bytes).
    fn unreadable(&self, prefix: &[u8], opts: &Options) -> ParseError {
        let text = self.text(prefix);
        match self.kind {
            BodyKind::Empty => ParseError::Empty,
            BodyKind::Text(at) => ParseError::NotMarkup {
                offset: self.base + at as u64 + self.charset.as_ref().map_or(0, |c| c.bom_len as u64),
                // The bytes themselves where they are UTF-8 (so undecodable ones show as `\xNN`).
                start: match &self.charset {
                    Ok(c) if c.is_utf8() => {
                        escape_start(prefix.get(c.bom_len + at..).unwrap_or_default().trim_ascii_end(), 40)
                    }
                    _ => escape_start(text[at..].trim_end().as_bytes(), 40),
                },
            },
            _ => ParseError::Html { title: html_title(&text, opts.limits.max_message_bytes).map(|k| k.text) },
        }
    }
}

/// Where a SOAP envelope after a page or text starts, and how to read it.
struct Envelope {
    /// Offset of its start tag in the bytes searched.
    at: usize,
    /// The charset it is read in.
    encoding: &'static encoding_rs::Encoding,
    /// The length of the text before it, decoded to UTF-8 (where offsets
    /// in the envelope start, when it is not UTF-8).
    decoded_before: u64,
}

impl Envelope {
    /// The envelope after the page or text `searched` (the window after the
    /// BOM), in the body's `charset` when it was `declared` (or is UTF-16),
    /// else in the charset of the XML declaration just before the envelope,
    /// else in UTF-8. A declaration's label this crate does not know is
    /// passed over (UTF-8), as before it was looked for.
    fn find(searched: &[u8], charset: Charset, declared: bool) -> Option<Envelope> {
        let at = match charset.is_utf16() {
            true => preamble::find_envelope_utf16(searched, charset.encoding == encoding_rs::UTF_16BE)?,
            false => preamble::find_envelope(searched)?,
        };
        let encoding = match declared || charset.is_utf16() {
            true => charset.encoding,
            false => preamble::declaration_before(searched, at)
                .and_then(|label| sniff::encoding_for_label(label, &searched[at..]))
                .unwrap_or(encoding_rs::UTF_8),
        };
        let decoded_before = match encoding == encoding_rs::UTF_8 {
            true => 0,
            false => encoding.decode_without_bom_handling(&searched[..at]).0.len() as u64,
        };
        Some(Envelope { at, encoding, decoded_before })
    }
}

/// Local names of HTML roots: such a body is a web page, not an API response.
const HTML_ROOTS: [&str; 6] = ["html", "head", "body", "title", "h1", "p"];

/// What each error of an envelope that follows a page says of the page
/// (`prefix`: the body's first bytes). A page in no declared charset that
/// is not UTF-8 is read in the envelope's (the one its declaration names).
fn preamble_note(head: &Head, prefix: &[u8], envelope: &Envelope) -> String {
    let page = match head.kind {
        BodyKind::Html => {
            let page = &prefix[..prefix.len().min(envelope.at)];
            let not_utf8 = std::str::from_utf8(page).is_err_and(|e| e.error_len().is_some());
            let text = match !head.declared && not_utf8 {
                true => envelope.encoding.decode_without_bom_handling(page).0,
                false => head.text(prefix),
            };
            html_title(&text, 200).map(|title| format!("an HTML page titled {:?}", title.text))
        }
        _ => None,
    };
    let text = page.unwrap_or_else(|| format!("{} bytes of other text", envelope.at));
    format!("the envelope followed {text}")
}

/// Reads a SOAP envelope that follows a page or text, each error noting the
/// page in its detail: `None` when it is no envelope, or was not understood
/// and gave no error, so that the body is answered as the page it starts with.
fn read_after_preamble<S: Source>(
    doc: Cursor<S>,
    note: String,
    response: &Response<'_>,
    out: &mut Emitter,
) -> Option<Result<(), Halt>> {
    out.note_on_each(Some(note));
    let result = read_xml(doc, response.ctx(), out, true);
    out.note_on_each(None);
    (result.is_ok() || !out.is_empty()).then_some(result)
}

/// Reads an XML body into `out`. On an error, `out` keeps the errors read
/// before it (see [`conclude`]). With `envelope_only`, a root that is not a
/// SOAP envelope is an error.
fn read_xml<S: Source>(mut doc: Cursor<S>, ctx: Ctx<'_>, out: &mut Emitter, envelope_only: bool) -> Result<(), Halt> {
    let root = doc.root()?;
    if envelope_only && !soap::is_soap(&root, "Envelope") {
        return Err(ParseError::Xml { offset: 0, reason: "no SOAP envelope".into() }.into());
    }
    if soap::is_soap(&root, "Envelope") {
        soap::read_envelope(root, ctx.limits, out, &mut SoapBody { ctx })?;
    } else if soap::is_soap(&root, "Fault") {
        soap::read_fault_salvaging(root, ctx.limits, out, |fault| vendors::fault_error(fault, ctx))?;
    } else if HTML_ROOTS.iter().any(|h| root.local_name().eq_ignore_ascii_case(h)) {
        return Err(ParseError::Html { title: None }.into());
    } else {
        vendors::read_root(root, ctx, out)?;
    }
    Ok(doc.finish()?)
}

/// JSON bodies from a stream: read into memory (they are error bodies, and
/// bounded by `max_event_bytes` as one event would be), then read as a
/// slice. A read that failed (or crossed a limit) is replayed to
/// [`read_json_stream`] with its failure where it came.
fn read_json<R: BufRead>(body: R, base: u64, ctx: Ctx<'_>, out: &mut Emitter) -> Result<(), Halt> {
    let limits = ctx.limits;
    let mut bytes = Vec::new();
    let read = Limited::new(body, base, limits.max_body_bytes, limits.max_event_bytes as u64).read_to_end(&mut bytes);
    match read {
        Ok(_) => read_json_slice(&bytes, base, ctx, out),
        Err(failure) => read_json_stream((&bytes[..]).chain(Rest::<&[u8]>::Failed(Some(failure))), base, ctx, out),
    }
}

/// A JSON body held in memory (from byte `base` of the body as received):
/// read whole in place when it is within the limits and whole, then given
/// to the vendors; otherwise read by [`read_json_stream`], which says why
/// it failed as a stream of the same bytes would.
fn read_json_slice(bytes: &[u8], base: u64, ctx: Ctx<'_>, out: &mut Emitter) -> Result<(), Halt> {
    let limits = ctx.limits;
    let len = bytes.len() as u64;
    let fits = len <= limits.max_event_bytes as u64 && base.saturating_add(len) <= limits.max_body_bytes;
    if let Some(value) = fits.then(|| json_cut::parse_whole(bytes)).flatten() {
        return Ok(vendors::read_json(&value, ctx, out)?);
    }
    read_json_stream(bytes, base, ctx, out)
}

/// JSON bodies read in one pass as a stream, then given to the vendors. A
/// body cut short (its end reached inside a value, or a read that failed)
/// is read as the value it had become (`crate::json_cut`): the errors its
/// complete parts hold are reported, then the break; one malformed before
/// its end, or refused by a limit or its encoding, is only that error.
fn read_json_stream<R: BufRead>(body: R, base: u64, ctx: Ctx<'_>, out: &mut Emitter) -> Result<(), Halt> {
    let limits = ctx.limits;
    let mut counted = Limited::new(body, base, limits.max_body_bytes, limits.max_event_bytes as u64);
    let (kept, open, error) = match json_cut::parse(&mut counted) {
        Parsed::Whole(value) => return Ok(vendors::read_json(&value, ctx, out)?),
        Parsed::Failed { kept, open, error } => (kept, open, error),
    };
    let broke = match error.classify() {
        Category::Io => io_to_parse_error(io::Error::from(error), counted.offset()),
        Category::Eof => ParseError::Truncated { offset: counted.offset(), open },
        Category::Syntax | Category::Data => {
            ParseError::Json { offset: counted.offset().saturating_sub(1), reason: error.to_string() }
        }
    };
    if let (ParseError::Truncated { .. } | ParseError::Io { .. }, Some(kept)) = (&broke, kept) {
        vendors::read_json(&kept, ctx.cut_short(), out)?;
    }
    Err(broke.into())
}

#[cfg(test)]
mod tests {
    use std::io::BufReader;

    use crate::{Limits, Options, ParseError, Report};

    const NOTICE: &str = "Notice: Größe – ungültig in /srv/api.php on line 9\r\n";
    const FAULT: &str = "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><s:Fault>\
        <faultcode>s:Client</faultcode><faultstring>Kunde Müller unbekannt</faultstring></s:Fault></s:Body></s:Envelope>";

    fn read(body: &[u8], opts: &Options) -> Result<Report, ParseError> {
        let from_slice = crate::from_slice(body, opts);
        assert_eq!(from_slice, crate::from_reader(BufReader::with_capacity(1, body), opts), "slice and stream");
        from_slice
    }

    fn encoded(text: &str, encoding: &'static encoding_rs::Encoding) -> Vec<u8> {
        match encoding.name() {
            "UTF-16LE" => text.encode_utf16().flat_map(u16::to_le_bytes).collect(),
            "UTF-16BE" => text.encode_utf16().flat_map(u16::to_be_bytes).collect(),
            _ => encoding.encode(text).0.into_owned(),
        }
    }

    #[test]
    fn an_envelope_after_text_is_found_in_the_charset_declared() {
        let text = format!("{NOTICE}{FAULT}");
        let declared = format!("{NOTICE}<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n{FAULT}");
        let cases: [(Vec<u8>, Option<&str>); 7] = [
            (encoded(&text, encoding_rs::WINDOWS_1252), Some("text/xml; charset=ISO-8859-1")),
            (encoded(&text, encoding_rs::WINDOWS_1252), Some("text/xml; charset=windows-1252")),
            ([&[0xFF, 0xFE][..], &encoded(&text, encoding_rs::UTF_16LE)].concat(), None),
            ([&[0xFE, 0xFF][..], &encoded(&text, encoding_rs::UTF_16BE)].concat(), None),
            (encoded(&text, encoding_rs::UTF_16LE), Some("text/xml; charset=utf-16")),
            (encoded(&text, encoding_rs::UTF_16BE), Some("application/soap+xml; charset=UTF-16BE")),
            (encoded(&declared, encoding_rs::WINDOWS_1252), None),
        ];
        for (i, (body, content_type)) in cases.iter().enumerate() {
            let opts = content_type.map_or_else(Options::new, |ct| Options::new().header("Content-Type", ct));
            let report = read(body, &opts).unwrap_or_else(|e| panic!("case {i}: {e}"));
            assert_eq!(report.errors.len(), 1, "case {i}");
            assert_eq!(report.errors[0].message, "Kunde Müller unbekannt", "case {i}");
        }
    }

    #[test]
    fn the_window_is_counted_in_bytes_in_every_charset() {
        let text = format!("{NOTICE}{FAULT}");
        let before = NOTICE.encode_utf16().count() * 2;
        let body = [&[0xFF, 0xFE][..], &encoded(&text, encoding_rs::UTF_16LE)].concat();
        // The start tag's name and the byte after it must be in the window:
        // `<s:Envelope ` is 12 code units, 24 bytes in UTF-16, 12 in UTF-8.
        for (max, found) in [(before + 24, true), (before + 23, false)] {
            let opts = Options::new().limits(Limits { max_preamble_bytes: max, ..Limits::default() });
            assert_eq!(read(&body, &opts).is_ok(), found, "max {max}");
        }
        let before = NOTICE.len();
        for (max, found) in [(before + 12, true), (before + 11, false)] {
            let opts = Options::new().limits(Limits { max_preamble_bytes: max, ..Limits::default() });
            assert_eq!(read(text.as_bytes(), &opts).is_ok(), found, "max {max}");
        }
    }

    #[test]
    fn charsets_that_hide_ascii_are_not_searched() {
        let body = format!("{NOTICE}{FAULT}");
        let opts = Options::new().header("Content-Type", "text/xml; charset=ISO-2022-JP");
        assert!(matches!(read(body.as_bytes(), &opts), Err(ParseError::NotMarkup { .. })));
        let refused = Options::new().header("Content-Type", "text/xml; charset=klingon");
        assert!(matches!(read(body.as_bytes(), &refused), Err(ParseError::UnsupportedEncoding { .. })));
    }
}
