//! The entry points: sniff the body, pick a reader, and turn what it found
//! (or failed to find) into a [`Report`] with the HTTP context applied.

use std::io::{BufRead, Read};

use crate::http::{self, Page, fallback_error, parse_retry_after};
use crate::input::io_to_parse_error;
use crate::input::limited::Limited;
use crate::input::sniff::{self, BodyKind, Charset, PREFIX_LEN};
use crate::input::transcode::Transcoder;
use crate::options::Options;
use crate::parse_error::ParseError;
use crate::report::{Collector, Report};
use crate::soap::{self, read_fault};
use crate::text::collapse_whitespace;
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
    if body.len() as u64 > opts.limits.max_body_bytes {
        // The stream reader stops at the limit exactly where it is crossed.
        return from_reader(body, opts);
    }
    let prefix = &body[..body.len().min(PREFIX_LEN)];
    let head = Head::sniff(prefix, opts);
    let result = head.charset.clone().and_then(|charset| {
        if head.kind == BodyKind::Xml && charset.is_utf8() {
            let body = &body[charset.bom_len..];
            read_xml(xml::from_slice(body, charset.bom_len as u64, &opts.limits), opts)
        } else {
            read_stream(&body[charset.bom_len..], &head, charset, opts)
        }
    });
    conclude(result, &head, opts)
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
pub fn from_reader<R: BufRead>(mut body: R, opts: &Options) -> Result<Report, ParseError> {
    let mut prefix = Vec::with_capacity(PREFIX_LEN);
    if let Err(e) = body.by_ref().take(PREFIX_LEN as u64).read_to_end(&mut prefix) {
        return conclude(Err(io_to_parse_error(e, prefix.len() as u64)), &Head::sniff(&prefix, opts), opts);
    }
    let head = Head::sniff(&prefix, opts);
    let result = head
        .charset
        .clone()
        .and_then(|charset| read_stream((&prefix[charset.bom_len..]).chain(body), &head, charset, opts));
    conclude(result, &head, opts)
}

/// What the first bytes say.
struct Head<'a> {
    charset: Result<Charset, ParseError>,
    kind: BodyKind,
    /// The first bytes decoded, for classification and the HTTP fallback.
    text: std::borrow::Cow<'a, str>,
}

impl<'a> Head<'a> {
    fn sniff(prefix: &'a [u8], opts: &Options) -> Self {
        let charset = sniff::sniff_charset(prefix, opts.content_type.as_deref().and_then(sniff::content_type_charset));
        let decode_as = charset.clone().unwrap_or(Charset { encoding: encoding_rs::UTF_8, bom_len: 0 });
        let text = sniff::decode_prefix(prefix, decode_as);
        let kind = sniff::body_kind(&text);
        Head { charset, kind, text }
    }

    /// The verdict for bodies that are not XML or JSON.
    fn unreadable(&self, opts: &Options) -> ParseError {
        match self.kind {
            BodyKind::Empty => ParseError::Empty,
            BodyKind::Text(at) => ParseError::NotMarkup {
                offset: at as u64 + self.charset.as_ref().map_or(0, |c| c.bom_len as u64),
                start: collapse_whitespace(&self.text[at..], 40).text,
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
) -> Result<Collector, ParseError> {
    let limits = &opts.limits;
    let base = charset.bom_len as u64;
    match head.kind {
        BodyKind::Xml if charset.is_utf8() => read_xml(xml::from_reader(body, base, limits), opts),
        // Offsets past this point count UTF-8 bytes after decoding.
        BodyKind::Xml => {
            let utf8 = Transcoder::new(body, charset.encoding, base);
            read_xml(xml::from_reader(std::io::BufReader::new(utf8), 0, limits), opts)
        }
        BodyKind::Json if charset.is_utf8() => read_json(body, base, opts),
        BodyKind::Json => read_json(std::io::BufReader::new(Transcoder::new(body, charset.encoding, base)), 0, opts),
        _ => Err(head.unreadable(opts)),
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

fn read_xml<S: Source>(mut doc: Cursor<S>, opts: &Options) -> Result<Collector, ParseError> {
    let ctx = context(opts);
    let mut out = Collector::new(opts.limits.max_errors);
    let root = doc.root()?;
    if soap::is_soap(&root, "Envelope") {
        soap::read_envelope(root, ctx.limits, &mut out, &mut SoapBody { ctx })?;
    } else if soap::is_soap(&root, "Fault") {
        let fault = read_fault(root, ctx.limits)?;
        out.push(vendors::fault_error(fault, ctx));
    } else if HTML_ROOTS.iter().any(|h| root.local_name().eq_ignore_ascii_case(h)) {
        return Err(ParseError::Html { title: None });
    } else {
        vendors::read_root(root, ctx, &mut out)?;
    }
    doc.finish()?;
    Ok(out)
}

/// JSON bodies: read whole (they are error bodies, and bounded by
/// `max_event_bytes` as one event would be), then given to the vendors.
fn read_json<R: BufRead>(body: R, base: u64, opts: &Options) -> Result<Collector, ParseError> {
    let limits = &opts.limits;
    let mut counted = Limited::new(body, base, limits.max_body_bytes, limits.max_event_bytes as u64);
    let mut de = serde_json::Deserializer::from_reader(&mut counted);
    let parsed = <serde_json::Value as serde::Deserialize>::deserialize(&mut de).and_then(|v| de.end().map(|()| v));
    drop(de);
    match parsed {
        Ok(value) => {
            let mut out = Collector::new(limits.max_errors);
            vendors::read_json(&value, context(opts), &mut out);
            Ok(out)
        }
        Err(e) => Err(match e.io_error_kind() {
            Some(_) => json_io_error(e, counted.offset()),
            None => ParseError::Json { offset: counted.offset().saturating_sub(1), reason: e.to_string() },
        }),
    }
}

fn json_io_error(e: serde_json::Error, offset: u64) -> ParseError {
    let io: std::io::Error = e.into();
    io_to_parse_error(io, offset)
}

/// [`conclude_body`], then the notes and the delay cap
/// ([`notes::finish`](crate::notes::finish)), for every report.
fn conclude(result: Result<Collector, ParseError>, head: &Head<'_>, opts: &Options) -> Result<Report, ParseError> {
    conclude_body(result, head, opts).map(|report| crate::notes::finish(report, opts))
}

/// Applies the HTTP context: the fallback error when the body reported none
/// but the status is an error, and the status on every error. (Classes and
/// delays were decided by the retry chain as each error was found.)
fn conclude_body(result: Result<Collector, ParseError>, head: &Head<'_>, opts: &Options) -> Result<Report, ParseError> {
    let status = opts.status;
    let error_status = status.filter(|s| *s >= 400);
    let mut out = match (result, error_status) {
        (Ok(out), _) if !out.is_empty() => out,
        (Ok(out), None) => return Ok(out.finish()),
        // The body could not be read at all: the caller's problem, not the server's.
        (Err(e @ ParseError::Io { .. }), _) => return Err(e),
        (Err(ParseError::Empty), None) if status.is_some() => return Ok(Report::default()),
        (Err(e), None) => return Err(e),
        (outcome, Some(status)) => {
            let (page_message, cause) = match outcome {
                Ok(out) => (out.page_message, None),
                Err(e) => (None, Some(e)),
            };
            let page = match (&cause, head.kind, &page_message) {
                (Some(ParseError::Html { .. }), _, _) | (_, BodyKind::Html, _) => Page::Html(&head.text),
                (Some(ParseError::NotMarkup { .. }), BodyKind::Text(at), _) => Page::Text(&head.text[at..]),
                (None, _, Some(message)) => Page::Message(message),
                _ => Page::Other,
            };
            let limits = &opts.limits;
            let ctx = context(opts);
            let mut out = Collector::new(1);
            out.push(fallback_error(
                status,
                ctx.retry_after,
                page,
                cause.as_ref(),
                limits.max_message_bytes,
                limits.max_detail_bytes,
            ));
            out
        }
    };
    for e in out.errors_mut() {
        e.http_status = status;
    }
    Ok(out.finish())
}
