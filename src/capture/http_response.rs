//! Whole HTTP responses as `curl -i` writes them: status line, headers, a
//! blank line, the body.

use std::io::{self, BufRead, Read};
use std::sync::Arc;

use super::chunked::{self, Chunked};
use super::{CaptureError, FramingFault};
use crate::options::Options;
use crate::parse_error::ParseError;
use crate::report::Report;

/// Longest response head (status line and headers) accepted.
pub const MAX_HEAD_BYTES: usize = 64 * 1024;

/// Most header fields accepted in one head.
const MAX_HEADERS: usize = 256;

/// Most responses read from one transcript (interim `1xx`, redirects, the final one).
const MAX_RESPONSES: usize = 64;

/// The status line and headers of an HTTP response, and those of the
/// responses before it in the same transcript.
///
/// A transcript may hold several responses: `curl -i` writes an interim
/// `100 Continue` (or `103 Early Hints`) head before the final one, a
/// proxy's `200 Connection established` before the origin's, and with
/// `curl -L` the head of every redirect it followed. Those heads come
/// without a body (curl does not write the bodies of the responses it
/// follows past), so the **last** response is the one read: its status,
/// headers and body are what the client got. The earlier heads are kept in
/// [`previous`](Self::previous), in order, for whoever wants to show the chain.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct ResponseHead {
    /// The protocol as written: `HTTP/1.0`, `HTTP/1.1`, `HTTP/2`, `HTTP/3`.
    pub version: String,
    /// The status code (100–999 as written; the library reads 100–599).
    pub status: u16,
    /// The reason phrase (empty for HTTP/2 and HTTP/3, which have none).
    pub reason: String,
    /// The header fields in order, names as written; values trimmed, bytes
    /// outside UTF-8 replaced.
    pub headers: Vec<(String, String)>,
    /// The responses before this one in the same transcript, oldest first
    /// (their own `previous` is empty).
    pub previous: Vec<ResponseHead>,
}

impl ResponseHead {
    /// The first value of header `name`, compared ignoring ASCII case.
    ///
    /// ```
    /// let raw = "HTTP/1.1 429 Too Many Requests\r\nretry-after: 30\r\n\r\n";
    /// let (head, _body) = vendor_errors::capture::read_http_head(raw.as_bytes()).unwrap();
    /// assert_eq!(head.header("Retry-After"), Some("30"));
    /// assert_eq!(head.header("Content-Type"), None);
    /// ```
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    /// True when the last transfer coding is `chunked`.
    pub fn is_chunked(&self) -> bool {
        self.headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case("transfer-encoding"))
            .flat_map(|(_, v)| v.split(','))
            .next_back()
            .is_some_and(|coding| coding.trim().eq_ignore_ascii_case("chunked"))
    }

    /// `base` with this response's status and headers added, where `base`
    /// does not already say them: what a caller sets explicitly wins (the
    /// CLI's `--status` and `--header` over the transcript's).
    ///
    /// ```
    /// use vendor_errors::Options;
    ///
    /// let raw = "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 120\r\n\r\n";
    /// let (head, body) = vendor_errors::capture::read_http_head(raw.as_bytes()).unwrap();
    /// let opts = head.options(&Options::new().header("Retry-After", "5"));
    /// let report = vendor_errors::from_reader(body, &opts).unwrap();
    /// assert_eq!(report.errors[0].http_status, Some(503));
    /// assert_eq!(report.errors[0].retry.after_secs(), Some(5));
    /// ```
    pub fn options(&self, base: &Options) -> Options {
        let mut opts = base.clone();
        if opts.status.is_none() {
            opts = opts.status(self.status);
        }
        for (name, value) in &self.headers {
            opts = opts.header(name, value);
        }
        opts
    }
}

/// A reader with bytes put back in front of it, so that the head reader can
/// look ahead without losing anything.
#[derive(Debug)]
struct Rewind<R> {
    pending: Vec<u8>,
    pos: usize,
    inner: R,
}

impl<R: BufRead> Rewind<R> {
    /// At least `n` bytes ahead (fewer only at the end of input), not consumed.
    fn peek(&mut self, n: usize) -> io::Result<&[u8]> {
        if self.pos > 0 {
            self.pending.drain(..self.pos);
            self.pos = 0;
        }
        while self.pending.len() < n {
            let buf = self.inner.fill_buf()?;
            if buf.is_empty() {
                break;
            }
            let take = buf.len().min(n - self.pending.len());
            self.pending.extend_from_slice(&buf[..take]);
            self.inner.consume(take);
        }
        Ok(&self.pending)
    }
}

impl<R: BufRead> Read for Rewind<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        crate::input::read_from_buf(self, out)
    }
}

impl<R: BufRead> BufRead for Rewind<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.pos < self.pending.len() { Ok(&self.pending[self.pos..]) } else { self.inner.fill_buf() }
    }

    fn consume(&mut self, amt: usize) {
        if self.pos < self.pending.len() {
            self.pos = (self.pos + amt).min(self.pending.len());
        } else {
            self.inner.consume(amt);
        }
    }
}

/// The body of a response read by [`read_http_head`]: a stream, never held
/// whole. The chunked transfer coding is decoded as it is read when the
/// head says `Transfer-Encoding: chunked` **and** the body still is in that
/// coding: curl decodes it itself unless given `--raw`, and leaves the
/// header in place.
#[derive(Debug)]
pub struct HttpBody<R> {
    inner: BodyInner<R>,
    offset: u64,
}

#[derive(Debug)]
enum BodyInner<R> {
    Identity(Rewind<R>),
    Chunked(Chunked<Rewind<R>>),
}

impl<R> HttpBody<R> {
    /// Where the body starts in the input (the length of the heads before it).
    pub fn offset(&self) -> u64 {
        self.offset
    }

    /// True when the body is decoded from the chunked transfer coding.
    pub fn is_chunked(&self) -> bool {
        matches!(self.inner, BodyInner::Chunked(_))
    }
}

impl<R: BufRead> Read for HttpBody<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        match &mut self.inner {
            BodyInner::Identity(r) => r.read(out),
            BodyInner::Chunked(r) => r.read(out),
        }
    }
}

impl<R: BufRead> BufRead for HttpBody<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        match &mut self.inner {
            BodyInner::Identity(r) => r.fill_buf(),
            BodyInner::Chunked(r) => r.fill_buf(),
        }
    }

    fn consume(&mut self, amt: usize) {
        match &mut self.inner {
            BodyInner::Identity(r) => r.consume(amt),
            BodyInner::Chunked(r) => r.consume(amt),
        }
    }
}

/// Reads the head(s) of a response transcript and hands back the last
/// response's head and its body as a stream.
///
/// The input must start with a status line `HTTP/1.0`, `HTTP/1.1`,
/// `HTTP/2` or `HTTP/3` and a status code. Lines may end in CRLF or LF.
/// Heads that follow one another directly (see [`ResponseHead`]) are
/// collected in [`previous`](ResponseHead::previous). A `Content-Length` is
/// not trusted: `curl --compressed` writes the decompressed body under the
/// compressed length, so the body runs to the end of the input.
///
/// ```
/// use std::io::Read;
///
/// let raw = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n<ok/>\r\n0\r\n\r\n";
/// let (head, mut body) = vendor_errors::capture::read_http_head(raw.as_bytes())?;
/// assert_eq!((head.status, head.previous[0].status), (200, 100));
/// let mut text = String::new();
/// body.read_to_string(&mut text)?;
/// assert_eq!(text, "<ok/>");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn read_http_head<R: BufRead>(reader: R) -> Result<(ResponseHead, HttpBody<R>), CaptureError> {
    let mut input = Rewind { pending: Vec::new(), pos: 0, inner: reader };
    let mut offset = 0u64;
    let mut previous = Vec::new();
    let mut raw = Vec::new();
    let head = loop {
        let head = read_one_head(&mut input, &mut offset, &mut raw)?;
        // Another head right after this one (a blank line or two between
        // them tolerated): this response had no body in the transcript.
        let ahead = input.peek(16).map_err(|e| io_error(e, offset))?;
        let blank = ahead.iter().take_while(|b| matches!(b, b'\r' | b'\n')).count().min(4);
        if starts_http(&ahead[blank..]) && previous.len() < MAX_RESPONSES {
            input.consume(blank);
            offset += blank as u64;
            previous.push(head);
            continue;
        }
        break head;
    };
    let head = ResponseHead { previous, ..head };
    let inner = if head.is_chunked() && looks_chunked(&mut input).map_err(|e| io_error(e, offset))? {
        BodyInner::Chunked(Chunked::new(input, offset))
    } else {
        BodyInner::Identity(input)
    };
    Ok((head, HttpBody { inner, offset }))
}

/// Reads a whole response transcript: its head(s), then its body with the
/// last response's status and headers applied (see [`ResponseHead::options`]:
/// those set in `opts` win). The body is streamed, as by
/// [`from_reader`](crate::from_reader).
///
/// ```
/// use vendor_errors::{Options, RetryClass, capture};
///
/// let raw = "HTTP/2 429\r\ncontent-type: application/json\r\nretry-after: 17\r\n\r\n\
///            {\"errors\":[{\"code\":\"TOO_MANY\",\"message\":\"slow down\"}]}";
/// let (report, head) = capture::read_http_response(raw.as_bytes(), &Options::new())?;
/// assert_eq!((head.version.as_str(), head.status), ("HTTP/2", 429));
/// let e = &report.errors[0];
/// assert_eq!((e.http_status, e.retry.class(), e.retry.after_secs()), (Some(429), RetryClass::Throttled, Some(17)));
/// # Ok::<(), capture::CaptureError>(())
/// ```
///
/// Errors: [`CaptureError::Head`] when the input does not start with a
/// response head, [`CaptureError::Chunked`] for a broken chunked coding,
/// [`CaptureError::Body`] (with the head) when the body is not understood
/// and the status is below 400, [`CaptureError::Io`] when reading fails.
pub fn read_http_response<R: BufRead>(reader: R, opts: &Options) -> Result<(Report, ResponseHead), CaptureError> {
    let (head, body) = read_http_head(reader)?;
    let body_offset = body.offset();
    let opts = head.options(opts);
    match crate::from_reader(body, &opts) {
        Ok(report) => Ok((report, head)),
        Err(ParseError::Io { offset, source }) => {
            Err(match source.get_ref().and_then(|e| e.downcast_ref::<FramingFault>()) {
                Some(fault) => CaptureError::Chunked { offset: fault.offset, reason: fault.reason.clone() },
                None => CaptureError::Io { offset: body_offset + offset, source },
            })
        }
        Err(error) => Err(CaptureError::Body { head: Box::new(head), body_offset, error }),
    }
}

/// True when `bytes` start like a status line (`HTTP/` and a digit).
pub(crate) fn starts_http(bytes: &[u8]) -> bool {
    bytes.len() >= 6 && bytes.starts_with(b"HTTP/") && bytes[5].is_ascii_digit()
}

/// Whether the body still is in the chunked coding: its first line is a
/// chunk-size line.
fn looks_chunked<R: BufRead>(input: &mut Rewind<R>) -> io::Result<bool> {
    let ahead = input.peek(80)?;
    let Some(end) = ahead.iter().position(|b| *b == b'\n') else {
        return Ok(false);
    };
    let line = ahead[..end].strip_suffix(b"\r").unwrap_or(&ahead[..end]);
    Ok(chunked::parse_size(line).is_some())
}

fn io_error(e: io::Error, offset: u64) -> CaptureError {
    CaptureError::Io { offset, source: Arc::new(e) }
}

/// Reads one head (through its blank line) and parses it.
fn read_one_head<R: BufRead>(
    input: &mut Rewind<R>,
    offset: &mut u64,
    raw: &mut Vec<u8>,
) -> Result<ResponseHead, CaptureError> {
    let start = *offset;
    raw.clear();
    loop {
        let before = raw.len();
        let room = (MAX_HEAD_BYTES + 1).saturating_sub(before) as u64;
        let n = (&mut *input).take(room).read_until(b'\n', raw).map_err(|e| io_error(e, start + before as u64))?;
        *offset += n as u64;
        if raw.len() > MAX_HEAD_BYTES {
            return Err(head_error(start, format!("the head is longer than {MAX_HEAD_BYTES} bytes")));
        }
        let line = &raw[before..];
        if before == 0 && !starts_http(line) {
            return Err(head_error(
                start,
                format!("the input does not start with a status line (starts {})", shown(line)),
            ));
        }
        if n == 0 || line == b"\n" || line == b"\r\n" {
            break;
        }
    }
    if raw.last() != Some(&b'\n') {
        // The input ended inside the head: take what is there.
        raw.extend_from_slice(b"\r\n");
    }
    if !raw.ends_with(b"\n\r\n") && !raw.ends_with(b"\n\n") {
        raw.extend_from_slice(b"\r\n");
    }
    parse_head(raw).map_err(|reason| head_error(start, reason))
}

fn head_error(offset: u64, reason: String) -> CaptureError {
    CaptureError::Head { offset, reason }
}

/// The first bytes of a line, escaped, for an error message.
fn shown(line: &[u8]) -> String {
    let cut = &line[..line.len().min(24)];
    format!("\"{}\"", cut.escape_ascii())
}

/// Parses a complete head with `httparse`. HTTP/2 and HTTP/3 status lines
/// (`HTTP/2 200`, no reason phrase) are read as HTTP/1.1 ones, the version
/// kept as written.
fn parse_head(raw: &[u8]) -> Result<ResponseHead, String> {
    let line_end = raw.iter().position(|b| *b == b'\n').unwrap_or(raw.len());
    let version_end = raw[..line_end].iter().position(|b| *b == b' ' || *b == b'\t').unwrap_or(line_end);
    let version = String::from_utf8_lossy(&raw[..version_end]).into_owned();
    let patched;
    let to_parse = match version.as_str() {
        "HTTP/1.0" | "HTTP/1.1" => raw,
        "HTTP/2" | "HTTP/2.0" | "HTTP/3" | "HTTP/3.0" => {
            patched = [b"HTTP/1.1".as_slice(), &raw[version_end..]].concat();
            &patched
        }
        _ => return Err(format!("unknown protocol version {}", shown(&raw[..version_end]))),
    };
    let mut fields = vec![httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut response = httparse::Response::new(&mut fields);
    let parsed = httparse::ParserConfig::default()
        .allow_obsolete_multiline_headers_in_responses(true)
        .allow_spaces_after_header_name_in_responses(true)
        .parse_response(&mut response, to_parse);
    match parsed {
        Ok(httparse::Status::Complete(_)) => {}
        Ok(httparse::Status::Partial) => return Err("the head is incomplete".into()),
        Err(httparse::Error::TooManyHeaders) => return Err(format!("more than {MAX_HEADERS} header fields")),
        Err(e) => return Err(format!("malformed head: {e}")),
    }
    let headers = response
        .headers
        .iter()
        .map(|h| (h.name.to_owned(), String::from_utf8_lossy(h.value).trim().to_owned()))
        .collect();
    Ok(ResponseHead {
        version,
        status: response.code.unwrap_or_default(),
        reason: response.reason.unwrap_or_default().to_owned(),
        headers,
        previous: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(raw: &[u8]) -> (ResponseHead, String) {
        let (head, mut body) = read_http_head(io::BufReader::with_capacity(3, raw)).unwrap();
        let mut text = String::new();
        body.read_to_string(&mut text).unwrap();
        (head, text)
    }

    #[test]
    fn http11_http10_and_http2_heads() {
        let (head, body) =
            read(b"HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/xml\r\nContent-Length: 5\r\n\r\n<a/>\n");
        assert_eq!(
            (head.version.as_str(), head.status, head.reason.as_str()),
            ("HTTP/1.1", 500, "Internal Server Error")
        );
        assert_eq!(head.header("content-type"), Some("text/xml"));
        assert_eq!(body, "<a/>\n");
        let (head, body) = read(b"HTTP/1.0 503 Service Unavailable\n\n");
        assert_eq!((head.version.as_str(), head.status, body.as_str()), ("HTTP/1.0", 503, ""));
        let (head, body) = read(b"HTTP/2 429 \r\nretry-after: 3\r\n\r\n{}");
        assert_eq!((head.version.as_str(), head.status, head.reason.as_str()), ("HTTP/2", 429, ""));
        assert_eq!(body, "{}");
        let (head, _) = read(b"HTTP/2 200\r\n\r\n");
        assert_eq!(head.status, 200);
    }

    #[test]
    fn interim_and_redirect_heads_come_before_the_last() {
        let raw = b"HTTP/1.1 301 Moved Permanently\r\nLocation: /b\r\nContent-Length: 20\r\n\r\n\
                    HTTP/1.1 100 Continue\r\n\r\n\r\nHTTP/2 503\r\nretry-after: 9\r\n\r\nbody";
        let (head, body) = read(raw);
        assert_eq!(head.status, 503);
        assert_eq!(head.previous.iter().map(|h| h.status).collect::<Vec<_>>(), [301, 100]);
        assert_eq!(head.previous[0].header("location"), Some("/b"));
        assert_eq!(body, "body");
    }

    #[test]
    fn chunked_only_when_still_chunked() {
        let (_, body) = read(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\n<a/\r\n1\r\n>\r\n0\r\n\r\n");
        assert_eq!(body, "<a/>");
        // As curl writes it without --raw: decoded, the header left in place.
        let (_, body) = read(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n<a/>");
        assert_eq!(body, "<a/>");
        let (_, body) = read(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n1\r\nx\r\n0\r\n\r\n");
        assert_eq!(body, "x");
    }

    #[test]
    fn not_a_head() {
        for (raw, offset) in [
            (&b"<xml/>"[..], 0),
            (b"HTTP/9 200 OK\r\n\r\n", 0),
            (b"HTTP/1.1 abc\r\n\r\n", 0),
            (b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 2000 OK\r\n\r\n", 25),
        ] {
            match read_http_head(raw) {
                Err(CaptureError::Head { offset: at, .. }) => assert_eq!(at, offset, "{raw:?}"),
                other => panic!("{raw:?}: {other:?}"),
            }
        }
        let mut long = b"HTTP/1.1 200 OK\r\n".to_vec();
        long.extend(std::iter::repeat_n(b"X-A: b\r\n".as_slice(), 10_000).flatten());
        assert!(matches!(read_http_head(long.as_slice()), Err(CaptureError::Head { .. })));
    }

    #[test]
    fn a_head_cut_short_is_read() {
        let (head, body) = read(b"HTTP/1.1 502 Bad Gateway\r\nServer: x");
        assert_eq!((head.status, head.header("server"), body.as_str()), (502, Some("x"), ""));
    }
}
