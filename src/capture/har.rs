//! HAR 1.2 captures (`{"log": {"entries": [...]}}`), read entry by entry.

use std::fmt;
use std::io::{self, BufRead, Read};
use std::ops::ControlFlow;
use std::sync::Arc;

use base64::Engine as _;
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};

use super::{CaptureError, ResponseHead};
use crate::options::Options;
use crate::parse_error::ParseError;
use crate::report::Report;

/// One entry of a HAR capture: the request's method and URL, the
/// response's head, and what its content holds.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct HarEntry {
    /// 0-based position in `log.entries`.
    pub index: usize,
    /// `request.method` (`GET`, `POST`, ...).
    pub method: Option<String>,
    /// `request.url`.
    pub url: Option<String>,
    /// `response.httpVersion`, `status` (0 when the request got no
    /// response: HAR writes 0 for a blocked or failed request),
    /// `statusText` and `headers`.
    pub response: ResponseHead,
    /// True when the entry carries `response.content.text` (exporters may
    /// leave bodies out).
    pub has_content: bool,
    /// The content read as a body with the response's status and headers
    /// (those set in the caller's [`Options`] win): as
    /// [`from_slice`](crate::from_slice) answers. Invalid base64 is a
    /// [`ParseError::Encoding`] whose offset is in the base64 text.
    ///
    /// Content whose type is media, a font, a script or a stylesheet
    /// (`image/*`, `audio/*`, `video/*`, `font/*`, `text/css`,
    /// `*javascript`, `application/wasm`) under a status below 400 is not
    /// read at all: `Ok` with no error.
    pub outcome: Result<Report, ParseError>,
}

impl HarEntry {
    /// True when the content is not an API response at all (an HTML page,
    /// a script, an image, nothing) and the status is not an error: what a
    /// browser capture is mostly made of. Such an entry reports no error.
    pub fn is_not_api(&self) -> bool {
        matches!(self.outcome, Err(ParseError::Empty | ParseError::Html { .. } | ParseError::NotMarkup { .. }))
    }
}

/// Reads a HAR capture and calls `on_entry` with each entry as soon as it
/// is read, in order; returns how many entries were read. Stop early by
/// returning [`ControlFlow::Break`].
///
/// It streams: one entry (its largest string, the content, decoded) is held
/// at a time, whatever the capture's size; `pages`, request bodies and
/// every other member are skipped without being kept. Entries whose
/// content is text are read as UTF-8 (a `charset` in their `Content-Type`
/// described the bytes on the wire, which the exporter has decoded);
/// base64 content is decoded and read with the response's charset.
///
/// ```
/// use std::ops::ControlFlow;
/// use vendor_errors::{Options, capture};
///
/// let har = r#"{"log": {"version": "1.2", "entries": [
///   {"request": {"method": "GET", "url": "https://api.example/ok"},
///    "response": {"status": 200, "headers": [], "content": {"mimeType": "application/json", "text": "{}"}}},
///   {"request": {"method": "POST", "url": "https://api.example/soap"},
///    "response": {"status": 500, "headers": [{"name": "Content-Type", "value": "text/xml"}],
///                 "content": {"mimeType": "text/xml", "encoding": "base64",
///                             "text": "PHM6RW52ZWxvcGUgeG1sbnM6cz0iaHR0cDovL3NjaGVtYXMueG1sc29hcC5vcmcvc29hcC9lbnZlbG9wZS8iPjxzOkJvZHk+PHM6RmF1bHQ+PGZhdWx0Y29kZT5zOlNlcnZlcjwvZmF1bHRjb2RlPjxmYXVsdHN0cmluZz5EQiBkb3duPC9mYXVsdHN0cmluZz48L3M6RmF1bHQ+PC9zOkJvZHk+PC9zOkVudmVsb3BlPg=="}}}
/// ]}}"#;
/// let mut failed = Vec::new();
/// let read = capture::read_har(har.as_bytes(), &Options::new(), |entry| {
///     if let Ok(report) = &entry.outcome {
///         for e in &report.errors {
///             failed.push((entry.index, entry.url.clone().unwrap_or_default(), e.code.to_string(), e.http_status));
///         }
///     }
///     ControlFlow::Continue(())
/// })?;
/// assert_eq!(read, 2);
/// assert_eq!(failed, [(1, "https://api.example/soap".to_owned(), "Server".to_owned(), Some(500))]);
/// # Ok::<(), capture::CaptureError>(())
/// ```
///
/// A UTF-8 byte order mark before the JSON (as some tools write files) is
/// skipped; members of the top-level object other than `log` are skipped
/// wherever they stand.
///
/// Errors: [`CaptureError::Har`] when the input is not a HAR capture or not
/// well-formed JSON (at its byte offset; the entries before it were
/// handed out), [`CaptureError::Io`] when reading fails.
pub fn read_har<R, F>(mut reader: R, opts: &Options, on_entry: F) -> Result<usize, CaptureError>
where
    R: BufRead,
    F: FnMut(HarEntry) -> ControlFlow<()>,
{
    // The first three bytes: a byte order mark is dropped, anything else
    // is read again ahead of the rest.
    let mut head = Vec::with_capacity(BOM.len());
    if let Err(e) = (&mut reader).take(BOM.len() as u64).read_to_end(&mut head) {
        return Err(CaptureError::Io { offset: head.len() as u64, source: Arc::new(e) });
    }
    let skipped = if head == BOM {
        head.clear();
        BOM.len() as u64
    } else {
        0
    };
    let mut counted = Counted { inner: io::Cursor::new(head).chain(reader), offset: skipped };
    let mut state = State { opts, on_entry, read: 0, stopped: false, found: false };
    let mut de = serde_json::Deserializer::from_reader(&mut counted);
    let result = Root(&mut state).deserialize(&mut de).and_then(|()| if state.stopped { Ok(()) } else { de.end() });
    drop(de);
    match result {
        _ if state.stopped => Ok(state.read),
        Ok(()) => Ok(state.read),
        Err(e) if e.is_io() => {
            let offset = counted.offset;
            Err(CaptureError::Io { offset, source: Arc::new(io::Error::from(e)) })
        }
        Err(e) => {
            // The reader stopped on the byte it had just taken, or at the end.
            let offset = if e.is_eof() { counted.offset } else { counted.offset.saturating_sub(1) };
            Err(CaptureError::Har { offset, reason: without_position(&e) })
        }
    }
}

/// serde_json's message without its "at line L column C" (the offset says where).
fn without_position(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(at) if e.line() > 0 => text[..at].to_owned(),
        _ => text,
    }
}

/// Counts the bytes the JSON reader takes (it takes them one at a time).
/// UTF-8's byte order mark.
const BOM: &[u8] = b"\xEF\xBB\xBF";

struct Counted<R> {
    inner: R,
    offset: u64,
}

impl<R: BufRead> Read for Counted<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let avail = self.inner.fill_buf()?;
        let n = avail.len().min(out.len());
        out[..n].copy_from_slice(&avail[..n]);
        self.inner.consume(n);
        self.offset += n as u64;
        Ok(n)
    }
}

struct State<'o, F> {
    opts: &'o Options,
    on_entry: F,
    read: usize,
    stopped: bool,
    found: bool,
}

/// The top-level object: `log` is read, anything else skipped.
struct Root<'s, 'o, F>(&'s mut State<'o, F>);
/// `log`: `entries` is read, anything else (`pages`, `creator`) skipped.
struct Log<'s, 'o, F>(&'s mut State<'o, F>);
/// `log.entries`: each element handed out as soon as it is read.
struct Entries<'s, 'o, F>(&'s mut State<'o, F>);

impl<'de, F: FnMut(HarEntry) -> ControlFlow<()>> DeserializeSeed<'de> for Root<'_, '_, F> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de, F: FnMut(HarEntry) -> ControlFlow<()>> Visitor<'de> for Root<'_, '_, F> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a HAR capture, {\"log\": {\"entries\": [...]}}")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut log = false;
        while let Some(key) = map.next_key::<String>()? {
            if key == "log" && !log {
                log = true;
                map.next_value_seed(Log(&mut *self.0))?;
                if self.0.stopped {
                    return Err(de::Error::custom("stopped"));
                }
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        if !log {
            return Err(de::Error::custom("not a HAR capture: no \"log\" object"));
        }
        Ok(())
    }
}

impl<'de, F: FnMut(HarEntry) -> ControlFlow<()>> DeserializeSeed<'de> for Log<'_, '_, F> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de, F: FnMut(HarEntry) -> ControlFlow<()>> Visitor<'de> for Log<'_, '_, F> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a HAR log object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            if key == "entries" && !self.0.found {
                self.0.found = true;
                map.next_value_seed(Entries(&mut *self.0))?;
                if self.0.stopped {
                    return Err(de::Error::custom("stopped"));
                }
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        if !self.0.found {
            return Err(de::Error::custom("not a HAR capture: no \"log.entries\" array"));
        }
        Ok(())
    }
}

impl<'de, F: FnMut(HarEntry) -> ControlFlow<()>> DeserializeSeed<'de> for Entries<'_, '_, F> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de, F: FnMut(HarEntry) -> ControlFlow<()>> Visitor<'de> for Entries<'_, '_, F> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of HAR entries")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let state = self.0;
        while let Some(wire) = seq.next_element::<WireEntry>()? {
            let entry = wire.into_entry(state.read, state.opts);
            state.read += 1;
            if (state.on_entry)(entry).is_break() {
                state.stopped = true;
                return Err(de::Error::custom("stopped"));
            }
        }
        Ok(())
    }
}

/// The members of an entry that are read; the rest is skipped. Every member
/// may be missing or `null`.
#[derive(Deserialize, Default)]
#[serde(default)]
struct WireEntry {
    request: Option<WireRequest>,
    response: Option<WireResponse>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct WireRequest {
    method: Option<String>,
    url: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct WireResponse {
    status: Option<f64>,
    status_text: Option<String>,
    http_version: Option<String>,
    headers: Option<Vec<WireHeader>>,
    content: Option<WireContent>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct WireHeader {
    name: Option<String>,
    value: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct WireContent {
    mime_type: Option<String>,
    text: Option<String>,
    encoding: Option<String>,
}

impl WireEntry {
    fn into_entry(self, index: usize, opts: &Options) -> HarEntry {
        let request = self.request.unwrap_or_default();
        let response = self.response.unwrap_or_default();
        let status = response.status.filter(|s| s.fract() == 0.0 && (0.0..=999.0).contains(s)).map_or(0, |s| s as u16);
        let headers: Vec<(String, String)> = response
            .headers
            .unwrap_or_default()
            .into_iter()
            .filter_map(|h| Some((h.name?, h.value.unwrap_or_default().trim().to_owned())))
            .collect();
        let head = ResponseHead {
            version: response.http_version.unwrap_or_default(),
            status,
            reason: response.status_text.unwrap_or_default(),
            headers,
            previous: Vec::new(),
        };
        let content = response.content.unwrap_or_default();
        let has_content = content.text.is_some();
        let outcome = read_content(&head, content, opts);
        HarEntry { index, method: request.method, url: request.url, response: head, has_content, outcome }
    }
}

/// Reads an entry's content with its status and headers.
fn read_content(head: &ResponseHead, content: WireContent, opts: &Options) -> Result<Report, ParseError> {
    let mut opts = opts.clone();
    if opts.status.is_none() && (100..=599).contains(&head.status) {
        opts = opts.status(head.status);
    }
    let base64 = content.encoding.as_deref().is_some_and(|e| e.trim().eq_ignore_ascii_case("base64"));
    let content_type = head.header("content-type").map(str::to_owned).or(content.mime_type);
    match (&content_type, &content.text) {
        // Text content was decoded by the exporter: it is UTF-8 now, whatever the wire said.
        (Some(ct), Some(_)) if !base64 => opts = opts.header("Content-Type", &with_utf8_charset(ct)),
        (None, Some(_)) if !base64 => opts = opts.header("Content-Type", "text/plain; charset=utf-8"),
        (Some(ct), _) => opts = opts.header("Content-Type", ct),
        (None, _) => {}
    }
    for (name, value) in &head.headers {
        opts = opts.header(name, value);
    }
    let status_is_error = opts.status.is_some_and(|s| s >= 400);
    if !status_is_error && content_type.as_deref().is_some_and(is_not_api_type) {
        return Ok(Report::default());
    }
    let body = match content.text {
        None => Vec::new(),
        Some(text) if base64 => decode_base64(&text)?,
        Some(text) => text.into_bytes(),
    };
    crate::from_slice(&body, &opts)
}

/// A media type no API answers with: a browser's images, fonts, scripts, styles.
fn is_not_api_type(content_type: &str) -> bool {
    let essence = content_type.split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
    ["image/", "audio/", "video/", "font/"].iter().any(|p| essence.starts_with(p))
        || essence.ends_with("javascript")
        || matches!(essence.as_str(), "text/css" | "application/wasm" | "application/font-woff")
}

/// `content_type` with its `charset` parameter replaced by UTF-8.
fn with_utf8_charset(content_type: &str) -> String {
    let mut parts = content_type.split(';');
    let mut out = parts.next().unwrap_or_default().trim().to_owned();
    for param in parts.filter(|p| !p.trim().to_ascii_lowercase().starts_with("charset")) {
        out.push(';');
        out.push_str(param);
    }
    out.push_str("; charset=utf-8");
    out
}

/// Standard base64, padded or not, whitespace (line breaks) ignored.
fn decode_base64(text: &str) -> Result<Vec<u8>, ParseError> {
    let engine = base64::engine::GeneralPurpose::new(
        &base64::alphabet::STANDARD,
        base64::engine::GeneralPurposeConfig::new()
            .with_decode_padding_mode(base64::engine::DecodePaddingMode::Indifferent),
    );
    let compact: std::borrow::Cow<'_, [u8]> = if text.bytes().any(|b| b.is_ascii_whitespace()) {
        text.bytes().filter(|b| !b.is_ascii_whitespace()).collect::<Vec<u8>>().into()
    } else {
        text.as_bytes().into()
    };
    engine.decode(&compact).map_err(|e| {
        let offset = match e {
            base64::DecodeError::InvalidByte(at, _) | base64::DecodeError::InvalidLastSymbol { offset: at, .. } => {
                at as u64
            }
            _ => compact.len() as u64,
        };
        ParseError::Encoding { offset, encoding: "base64".to_owned() }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(har: &str) -> Result<Vec<HarEntry>, CaptureError> {
        let mut out = Vec::new();
        read_har(io::BufReader::with_capacity(5, har.as_bytes()), &Options::new(), |e| {
            out.push(e);
            ControlFlow::Continue(())
        })?;
        Ok(out)
    }

    #[test]
    fn members_in_any_order_and_missing() {
        let har = r#"{"x": [1, {"log": 2}], "log": {"entries": [
            {"response": {"content": {}, "status": 503}, "startedDateTime": "2026", "request": {"url": "u", "method": "GET"}},
            {"request": null},
            {}
        ], "pages": [{"id": "p"}], "version": "1.2"}}"#;
        let got = entries(har).unwrap();
        assert_eq!(got.len(), 3);
        assert_eq!(
            (got[0].method.as_deref(), got[0].url.as_deref(), got[0].response.status),
            (Some("GET"), Some("u"), 503)
        );
        assert!(!got[0].has_content);
        assert_eq!(got[0].outcome.as_ref().unwrap().errors[0].http_status, Some(503));
        assert!(got[1].is_not_api() && got[2].is_not_api());
    }

    #[test]
    fn text_content_is_utf8_whatever_the_charset() {
        let har = r#"{"log": {"entries": [{"response": {"status": 500,
            "headers": [{"name": "Content-Type", "value": "text/xml; charset=ISO-8859-1"}],
            "content": {"text": "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><s:Fault><faultcode>s:Client</faultcode><faultstring>Grün</faultstring></s:Fault></s:Body></s:Envelope>"}}}]}}"#;
        let got = entries(har).unwrap();
        assert_eq!(got[0].outcome.as_ref().unwrap().errors[0].message, "Grün");
    }

    #[test]
    fn base64_content_keeps_its_charset() {
        // "<a>Gr\xfcn</a>" in ISO-8859-1, wrapped as an exporter might.
        let har = r#"{"log": {"entries": [{"response": {"status": 200,
            "headers": [{"name": "content-type", "value": "text/xml; charset=iso-8859-1"}],
            "content": {"encoding": "base64", "text": "PGE+R3L8\nbjwvYT4"}}}]}}"#;
        assert_eq!(entries(har).unwrap()[0].outcome, Ok(Report::default()));
        let har = r#"{"log": {"entries": [{"response": {"status": 200, "content": {"encoding": "base64", "text": "PGE+*"}}}]}}"#;
        assert_eq!(
            entries(har).unwrap()[0].outcome,
            Err(ParseError::Encoding { offset: 4, encoding: "base64".into() })
        );
    }

    #[test]
    fn not_a_har_and_broken_json_say_where() {
        for (har, offset) in [("[1]", 0), (r#"{"log": {"version": "1.2"}}"#, 26), (r#"{"nolog": 1}"#, 11)] {
            match entries(har) {
                Err(CaptureError::Har { offset: at, .. }) => assert_eq!(at, offset, "{har}"),
                other => panic!("{har}: {other:?}"),
            }
        }
        let mut seen = 0;
        let har = r#"{"log": {"entries": [{"response": {"status": 200}}, {"response": {"status": 2"#;
        let err = read_har(har.as_bytes(), &Options::new(), |_| {
            seen += 1;
            ControlFlow::Continue(())
        })
        .unwrap_err();
        assert_eq!(seen, 1);
        assert!(matches!(err, CaptureError::Har { offset: 77, .. }), "{err:?}");
        assert!(!err.to_string().contains("line"), "{err}");
    }

    #[test]
    fn media_with_a_success_status_is_not_read() {
        let har = r#"{"log": {"entries": [
            {"response": {"status": 200, "headers": [{"name": "Content-Type", "value": "image/png"}], "content": {"encoding": "base64", "text": "PGE+"}}},
            {"response": {"status": 200, "content": {"mimeType": "text/javascript", "text": "{not json"}}},
            {"response": {"status": 404, "content": {"mimeType": "image/png", "text": ""}}}
        ]}}"#;
        let got = entries(har).unwrap();
        assert_eq!((&got[0].outcome, &got[1].outcome), (&Ok(Report::default()), &Ok(Report::default())));
        assert_eq!(got[2].outcome.as_ref().unwrap().errors[0].http_status, Some(404));
    }

    #[test]
    fn stops_when_asked() {
        let har = r#"{"log": {"entries": [{}, {}, {}]}} trailing"#;
        let mut seen = 0;
        let read = read_har(har.as_bytes(), &Options::new(), |_| {
            seen += 1;
            if seen == 2 { ControlFlow::Break(()) } else { ControlFlow::Continue(()) }
        });
        assert_eq!(read.unwrap(), 2);
    }
}
