//! The entry points: sniff the body, pick a reader, and turn what it found
//! (or failed to find) into a [`Report`] with the HTTP context applied.

use std::io::{BufRead, Read};
use std::ops::ControlFlow;

use crate::emit::{Counted, Emitter, Halt, Sink};
use crate::http::{self, Page, fallback_error, parse_retry_after};
use crate::input::io_to_parse_error;
use crate::input::limited::Limited;
use crate::input::multipart::Multipart;
use crate::input::preamble;
use crate::input::sniff::{self, BodyKind, Charset, PREFIX_LEN};
use crate::input::transcode::Transcoder;
use crate::options::Options;
use crate::parse_error::ParseError;
use crate::report::{Report, ReportBuilder};
use crate::scan::Scanned;
use crate::soap;
use crate::text::escape_start;
use crate::vendors::{self, Ctx, SoapBody};
use crate::xml::{self, Cursor, Source};

/// Reads a body held in memory. UTF-8 bodies are read in place, without
/// copying; the result is the same as [`from_reader`]'s on the same bytes.
///
/// `Ok` with no errors: a success response. `Ok` with errors: what the body
/// (or, failing that, an HTTP status of 400 or more) reports. `Err`: the body
/// was not understood and no HTTP status of 400 or more was given.
///
/// ```
/// use vendor_errors::{Options, Vendor, RetryClass};
///
/// let body = br#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>
///   <s:Fault><faultcode>s:Server</faultcode><faultstring>Database is down</faultstring></s:Fault>
/// </s:Body></s:Envelope>"#;
/// let report = vendor_errors::from_slice(body, &Options::new().status(500)).unwrap();
/// let e = &report.errors[0];
/// assert_eq!((e.vendor, e.code.to_string().as_str(), e.message.as_str()), (Vendor::Soap, "Server", "Database is down"));
/// assert_eq!(e.retry.class(), RetryClass::Transient);
/// assert_eq!(e.http_status, Some(500));
/// ```
pub fn from_slice(body: &[u8], opts: &Options) -> Result<Report, ParseError> {
    collect(opts, |sink| scan_slice_with(body, opts, sink))
}

/// Reads a body in any byte buffer, owned or borrowed — what HTTP clients
/// hand out: a [`bytes::Bytes`] (reqwest's `Response::bytes()`, hyper,
/// `http` bodies), a `Vec<u8>` (ureq's `read_to_vec()`), a `String`, a
/// `&[u8]` — so the caller need not borrow it first. The same answer as
/// [`from_slice`] on the same bytes; the buffer is dropped on return.
///
/// ```
/// use vendor_errors::{Options, RetryClass};
///
/// let body = bytes::Bytes::from_static(b"<html><title>503 Service Unavailable</title></html>");
/// let report = vendor_errors::from_bytes(body, &Options::new().status(503)).unwrap();
/// assert_eq!(report.retry().map(|r| r.class()), Some(RetryClass::Transient));
///
/// let body: Vec<u8> = br#"{"message": "Too many requests"}"#.to_vec();
/// let report = vendor_errors::from_bytes(body, &Options::new().status(429)).unwrap();
/// assert_eq!(report.errors[0].message, "Too many requests");
/// ```
pub fn from_bytes(body: impl AsRef<[u8]>, opts: &Options) -> Result<Report, ParseError> {
    from_slice(body.as_ref(), opts)
}

/// Reads a body from a stream. Memory stays bounded by the current XML event
/// (at most [`Limits::max_event_bytes`](crate::Limits::max_event_bytes)) and
/// the text kept, not by the body.
///
/// ```
/// use vendor_errors::Options;
///
/// let body = std::io::Cursor::new("<html><title>502 Bad Gateway</title></html>");
/// let report = vendor_errors::from_reader(body, &Options::new().status(502)).unwrap();
/// assert_eq!(report.errors[0].message, "502 Bad Gateway");
/// assert!(report.errors[0].retryable());
/// ```
pub fn from_reader<R: BufRead>(body: R, opts: &Options) -> Result<Report, ParseError> {
    collect(opts, |sink| scan_reader_with(body, opts, sink))
}

/// A [`Report`] of what a scan hands out: at most `max_errors` kept, the
/// rest counted; every error marked incomplete when the body broke off.
fn collect(opts: &Options, scan: impl FnOnce(Sink<'_>) -> Result<Scanned, ParseError>) -> Result<Report, ParseError> {
    let mut kept = ReportBuilder::new(opts.limits.max_errors);
    let scanned = scan(&mut |e| {
        kept.keep(e);
        ControlFlow::Continue(())
    })?;
    kept.count(Counted { count: scanned.omitted, retry: scanned.omitted_retry });
    if let Some(broke) = scanned.incomplete {
        kept.mark_incomplete(broke, opts.limits.max_detail_bytes);
    }
    Ok(kept.finish(scanned.notes))
}

/// Reads a body held in memory, handing each error to `sink` as it is
/// found, until the sink asks to stop.
pub(crate) fn scan_slice_with(body: &[u8], opts: &Options, sink: Sink<'_>) -> Result<Scanned, ParseError> {
    if body.len() as u64 > opts.limits.max_body_bytes {
        // The stream reader stops at the limit exactly where it is crossed.
        return scan_reader_with(body, opts, sink);
    }
    let mut out = Emitter::new(sink, opts);
    let prefix = &body[..body.len().min(PREFIX_LEN)];
    if let Some(parts) = multipart_of(prefix, opts) {
        let mut framed = body;
        return match parts.open_root(&mut framed) {
            Ok(root) => {
                let len = parts.content_len(framed);
                let frame = Frame { base: root.offset, content_type: root.content_type.as_deref() };
                read_slice(&framed[..len], frame, opts, &mut out)
            }
            Err(e) => conclude(&mut out, Err(e.into()), &Head::sniff(prefix, Frame::whole(opts)), opts),
        };
    }
    read_slice(body, Frame::whole(opts), opts, &mut out)
}

/// Reads a body from a stream, handing each error to `sink` as it is
/// found, until the sink asks to stop.
pub(crate) fn scan_reader_with<R: BufRead>(body: R, opts: &Options, sink: Sink<'_>) -> Result<Scanned, ParseError> {
    let mut out = Emitter::new(sink, opts);
    let (prefix, rest) = read_prefix(body);
    if let Some(parts) = multipart_of(&prefix, opts) {
        let mut framed = (&prefix[..]).chain(rest);
        return match parts.open_root(&mut framed) {
            Ok(root) => {
                let frame = Frame { base: root.offset, content_type: root.content_type.as_deref() };
                let (prefix, rest) = read_prefix(parts.content(framed));
                read_stream_body(&prefix, rest, frame, opts, &mut out)
            }
            Err(e) => conclude(&mut out, Err(e.into()), &Head::sniff(&prefix, Frame::whole(opts)), opts),
        };
    }
    read_stream_body(&prefix, rest, Frame::whole(opts), opts, &mut out)
}

/// Where the body to read sits in the response: the whole body, or the
/// root part of a multipart one.
#[derive(Debug, Clone, Copy)]
struct Frame<'a> {
    /// Offset of its first byte in the body as received.
    base: u64,
    /// Its `Content-Type` (the part's own, for a part).
    content_type: Option<&'a str>,
}

impl<'a> Frame<'a> {
    fn whole(opts: &'a Options) -> Self {
        Frame { base: 0, content_type: opts.content_type.as_deref() }
    }
}

/// The framing of a multipart body: from the `Content-Type` header when one
/// was given, else from the body's first line; `None` unless a delimiter
/// line is among the first bytes (`prefix`), so that a body announced as
/// multipart but sent whole is still read.
fn multipart_of(prefix: &[u8], opts: &Options) -> Option<Multipart> {
    let parts = match opts.content_type.as_deref() {
        Some(content_type) => Multipart::from_content_type(content_type)?,
        None => Multipart::from_first_line(prefix)?,
    };
    parts.has_delimiter_line(prefix).then_some(parts)
}

/// Reads the first bytes for sniffing. A read that fails this early still
/// lets what came before it be read: the failure is handed on, where the
/// prefix ends.
fn read_prefix<R: BufRead>(mut body: R) -> (Vec<u8>, Rest<R>) {
    let mut prefix = Vec::with_capacity(PREFIX_LEN);
    let rest = match body.by_ref().take(PREFIX_LEN as u64).read_to_end(&mut prefix) {
        Ok(_) => Rest::Body(body),
        Err(e) => Rest::Failed(Some(e)),
    };
    (prefix, rest)
}

/// Reads a body (or a multipart body's root part) held in memory.
fn read_slice(body: &[u8], frame: Frame<'_>, opts: &Options, out: &mut Emitter) -> Result<Scanned, ParseError> {
    let prefix = &body[..body.len().min(PREFIX_LEN)];
    let head = Head::sniff(prefix, frame);
    if let Some(bom_len) = head.may_precede_envelope() {
        let text = &body[bom_len..];
        let window = &text[..text.len().min(opts.limits.max_preamble_bytes)];
        if let Some(at) = preamble::find_envelope(window) {
            let start = bom_len + at;
            let doc = xml::from_slice(&body[start..], frame.base + start as u64, &opts.limits);
            if let Some(outcome) = read_after_preamble(doc, &head, at, opts, out) {
                return outcome;
            }
        }
    }
    let result = head.charset.clone().map_err(Halt::from).and_then(|charset| {
        if head.kind == BodyKind::Xml && charset.is_utf8() {
            let body = &body[charset.bom_len..];
            let doc = xml::from_slice(body, frame.base + charset.bom_len as u64, &opts.limits);
            read_xml(doc, opts, out, false)
        } else {
            read_stream(&body[charset.bom_len..], &head, charset, opts, out)
        }
    });
    conclude(out, result, &head, opts)
}

/// Reads a body (or a multipart body's root part) from a stream, its first
/// bytes (`prefix`) already read.
fn read_stream_body<R: BufRead>(
    prefix: &[u8],
    mut rest: Rest<R>,
    frame: Frame<'_>,
    opts: &Options,
    out: &mut Emitter,
) -> Result<Scanned, ParseError> {
    let head = Head::sniff(prefix, frame);
    if let (BodyKind::Empty, Rest::Failed(failure)) = (head.kind, &mut rest) {
        // Nothing but the failure came: that is the answer.
        let broke = failure.take().map(|e| io_to_parse_error(e, frame.base + prefix.len() as u64));
        return conclude(out, Err(broke.unwrap_or(ParseError::Empty).into()), &head, opts);
    }
    if let Some(bom_len) = head.may_precede_envelope() {
        // The search window, buffered: at most `max_preamble_bytes`.
        let mut window = prefix[bom_len..].to_vec();
        let more = opts.limits.max_preamble_bytes.saturating_sub(window.len());
        if let Err(e) = rest.by_ref().take(more as u64).read_to_end(&mut window) {
            rest = Rest::Failed(Some(e));
        }
        let searched = &window[..window.len().min(opts.limits.max_preamble_bytes)];
        if let Some(at) = preamble::find_envelope(searched) {
            let start = frame.base + (bom_len + at) as u64;
            let doc = xml::from_reader((&window[at..]).chain(rest), start, &opts.limits);
            if let Some(outcome) = read_after_preamble(doc, &head, at, opts, out) {
                return outcome;
            }
        }
        // Answered as the page it starts with: nothing more is read.
        return conclude(out, Err(head.unreadable(opts).into()), &head, opts);
    }
    let result = head
        .charset
        .clone()
        .map_err(Halt::from)
        .and_then(|charset| read_stream((&prefix[charset.bom_len..]).chain(rest), &head, charset, opts, out));
    conclude(out, result, &head, opts)
}

/// What follows the sniffed prefix: the rest of the body, or the read
/// error that cut the prefix short.
enum Rest<R> {
    Body(R),
    Failed(Option<std::io::Error>),
}

impl<R: BufRead> Read for Rest<R> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        crate::input::read_from_buf(self, out)
    }
}

impl<R: BufRead> BufRead for Rest<R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
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

/// What the first bytes say.
struct Head<'a> {
    charset: Result<Charset, ParseError>,
    kind: BodyKind,
    /// The first bytes decoded, for classification and the HTTP fallback.
    text: std::borrow::Cow<'a, str>,
    /// Offset of the first byte in the body as received.
    base: u64,
    /// The first bytes as received.
    raw: &'a [u8],
}

impl<'a> Head<'a> {
    fn sniff(prefix: &'a [u8], frame: Frame<'_>) -> Self {
        let charset = sniff::sniff_charset(prefix, frame.content_type.and_then(sniff::content_type_charset));
        let decode_as = charset.clone().unwrap_or(Charset { encoding: encoding_rs::UTF_8, bom_len: 0 });
        let text = sniff::decode_prefix(prefix, decode_as);
        let kind = sniff::body_kind(&text);
        Head { charset, kind, text, base: frame.base, raw: prefix }
    }

    /// The length of the BOM, when the body starts as a page or text that a
    /// SOAP envelope may follow (UTF-8 bodies only).
    fn may_precede_envelope(&self) -> Option<usize> {
        let charset = self.charset.as_ref().ok().filter(|c| c.is_utf8())?;
        matches!(self.kind, BodyKind::Html | BodyKind::Text(_)).then_some(charset.bom_len)
    }

    /// The verdict for bodies that are not XML or JSON.
    fn unreadable(&self, opts: &Options) -> ParseError {
        match self.kind {
            BodyKind::Empty => ParseError::Empty,
            BodyKind::Text(at) => ParseError::NotMarkup {
                offset: self.base + at as u64 + self.charset.as_ref().map_or(0, |c| c.bom_len as u64),
                // The bytes themselves where they are UTF-8 (so undecodable ones show as `\xNN`).
                start: match &self.charset {
                    Ok(c) if c.is_utf8() => {
                        escape_start(self.raw.get(c.bom_len + at..).unwrap_or_default().trim_ascii_end(), 40)
                    }
                    _ => escape_start(self.text[at..].trim_end().as_bytes(), 40),
                },
            },
            _ => {
                ParseError::Html { title: http::html_title(&self.text, opts.limits.max_message_bytes).map(|k| k.text) }
            }
        }
    }
}

/// Reads a body (BOM removed) as a stream, transcoding it when it is not UTF-8.
fn read_stream<R: BufRead>(
    body: R,
    head: &Head<'_>,
    charset: Charset,
    opts: &Options,
    out: &mut Emitter,
) -> Result<(), Halt> {
    let limits = &opts.limits;
    let base = head.base + charset.bom_len as u64;
    match head.kind {
        BodyKind::Xml if charset.is_utf8() => read_xml(xml::from_reader(body, base, limits), opts, out, false),
        // Offsets past this point count UTF-8 bytes after decoding.
        BodyKind::Xml => {
            let utf8 = Transcoder::new(body, charset.encoding, base);
            let doc = xml::from_reader(std::io::BufReader::new(utf8), 0, limits);
            read_xml(doc, opts, out, false)
        }
        BodyKind::Json if charset.is_utf8() => read_json(body, base, opts, out),
        BodyKind::Json => {
            read_json(std::io::BufReader::new(Transcoder::new(body, charset.encoding, base)), 0, opts, out)
        }
        _ => Err(head.unreadable(opts).into()),
    }
}

/// Local names of HTML roots: such a body is a web page, not an API response.
const HTML_ROOTS: [&str; 6] = ["html", "head", "body", "title", "h1", "p"];

/// What the readers are told: the hint, the limits, the response's status
/// and its `Retry-After`.
fn context(opts: &Options) -> Ctx<'_> {
    Ctx {
        hint: opts.vendor,
        limits: &opts.limits,
        status: opts.status,
        retry_after: opts.retry_after.as_deref().and_then(|v| parse_retry_after(v, opts.clock())),
    }
}

/// Reads a SOAP envelope that follows a page or text (`at` bytes of it),
/// each error noting the page in its detail: `None` when it is no
/// envelope, or was not understood and gave no error, so that the body is
/// answered as the page it starts with.
fn read_after_preamble<S: Source>(
    doc: Cursor<S>,
    head: &Head<'_>,
    at: usize,
    opts: &Options,
    out: &mut Emitter,
) -> Option<Result<Scanned, ParseError>> {
    let page = match head.kind {
        BodyKind::Html => {
            http::html_title(&head.text, 200).map(|title| format!("an HTML page titled {:?}", title.text))
        }
        _ => None,
    };
    let text = page.unwrap_or_else(|| format!("{at} bytes of other text"));
    out.note_on_each(Some(format!("the envelope followed {text}")));
    let result = read_xml(doc, opts, out, true);
    out.note_on_each(None);
    if result.is_err() && out.is_empty() {
        return None;
    }
    Some(conclude(out, result, head, opts))
}

/// Reads an XML body into `out`. On an error, `out` keeps the errors read
/// before it (see [`conclude`]). With `envelope_only`, a root that is not a
/// SOAP envelope is an error.
fn read_xml<S: Source>(mut doc: Cursor<S>, opts: &Options, out: &mut Emitter, envelope_only: bool) -> Result<(), Halt> {
    let ctx = context(opts);
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

/// JSON bodies: read whole (they are error bodies, and bounded by
/// `max_event_bytes` as one event would be), then given to the vendors.
fn read_json<R: BufRead>(body: R, base: u64, opts: &Options, out: &mut Emitter) -> Result<(), Halt> {
    let limits = &opts.limits;
    let mut counted = Limited::new(body, base, limits.max_body_bytes, limits.max_event_bytes as u64);
    let mut de = serde_json::Deserializer::from_reader(&mut counted);
    let parsed = <serde_json::Value as serde::Deserialize>::deserialize(&mut de).and_then(|v| de.end().map(|()| v));
    drop(de);
    match parsed {
        Ok(value) => Ok(vendors::read_json(&value, context(opts), out)?),
        Err(e) => Err(match e.io_error_kind() {
            Some(_) => json_io_error(e, counted.offset()),
            None => ParseError::Json { offset: counted.offset().saturating_sub(1), reason: e.to_string() },
        }
        .into()),
    }
}

fn json_io_error(e: serde_json::Error, offset: u64) -> ParseError {
    let io: std::io::Error = e.into();
    io_to_parse_error(io, offset)
}

/// Applies the HTTP context: the fallback error when the body reported none
/// but the status is an error. (Classes and delays were decided by the
/// retry chain as each error was found, the status set as it was handed on.)
///
/// A body that broke off (`result` is an error) after errors were read
/// from it has those errors reported, and the break said in
/// [`Scanned::incomplete`]: they are real, and the break is no reason to
/// hide them.
fn conclude(
    out: &mut Emitter,
    result: Result<(), Halt>,
    head: &Head<'_>,
    opts: &Options,
) -> Result<Scanned, ParseError> {
    let result = match result {
        Err(Halt::Stopped) => return Ok(scanned(out, true, None, opts)),
        Err(Halt::Failed(e)) => Err(e),
        Ok(()) => Ok(()),
    };
    let status = opts.status;
    let error_status = status.filter(|s| *s >= 400);
    let limits = &opts.limits;
    let incomplete = match (result, error_status) {
        (Ok(()), _) if !out.is_empty() => None,
        (Ok(()), None) => None,
        (Err(broke), _) if !out.is_empty() => Some(broke),
        (Err(ParseError::Empty), None) if status.is_some() => None,
        (Err(e), None) => return Err(e),
        (outcome, Some(status)) => {
            let (page_message, cause) = match outcome {
                Ok(()) => (out.page_message.take(), None),
                Err(e) => (None, Some(e)),
            };
            let page = match (&cause, head.kind, &page_message) {
                (Some(ParseError::Html { .. }), _, _) | (_, BodyKind::Html, _) => Page::Html(&head.text),
                (Some(ParseError::NotMarkup { .. }), BodyKind::Text(at), _) => Page::Text(&head.text[at..]),
                (None, _, Some(message)) => Page::Message(message),
                _ => Page::Other,
            };
            let ctx = context(opts);
            let mut e = fallback_error(
                status,
                ctx.retry_after,
                page,
                cause.as_ref(),
                limits.max_message_bytes,
                limits.max_detail_bytes,
            );
            // A body cut short, or whose reading failed, may have said more.
            let broke = cause.filter(|c| matches!(c, ParseError::Truncated { .. } | ParseError::Io { .. }));
            e.incomplete = broke.is_some();
            let stopped = out.push(e).is_err();
            return Ok(scanned(out, stopped, broke, opts));
        }
    };
    Ok(scanned(out, false, incomplete, opts))
}

/// How a scan ended, from what its emitter saw.
fn scanned(out: &Emitter, stopped: bool, incomplete: Option<ParseError>, opts: &Options) -> Scanned {
    let counted = out.counted();
    Scanned {
        handed: out.handed(),
        omitted: counted.count,
        omitted_retry: counted.retry,
        stopped,
        incomplete,
        notes: out.notes(opts),
    }
}
