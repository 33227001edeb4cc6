//! Captured traffic, not bare bodies: whole HTTP responses as `curl -i`
//! writes them, and HAR 1.2 captures as browsers and proxies export them.
//! (Cargo feature `capture`, off by default; the `cli` feature enables it.)
//!
//! - [`read_http_response`]: a transcript's status line and headers
//!   (parsed with `httparse`; `HTTP/1.0`, `HTTP/1.1`, `HTTP/2`, `HTTP/3`),
//!   then its body, streamed, chunked transfer coding decoded, with that
//!   status and those headers applied as [`Options`](crate::Options) would.
//!   [`read_http_head`] stops after the head and hands the body out as a
//!   `BufRead`.
//! - [`read_har`]: a HAR capture, one [`HarEntry`] at a time, whatever the
//!   capture's size.
//! - [`sniff`]: which of the two (or a bare body) some first bytes are.
//!
//! ```
//! use vendor_errors::{Options, capture};
//!
//! // `curl -si https://api.example/soap` as an on-call engineer saves it.
//! let transcript = "HTTP/1.1 503 Service Unavailable\r\n\
//!     Content-Type: text/xml; charset=utf-8\r\n\
//!     Retry-After: 120\r\n\
//!     Transfer-Encoding: chunked\r\n\
//!     \r\n\
//!     51\r\n<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><s:Fault>\r\n\
//!     51\r\n<faultcode>s:Server</faultcode><faultstring>Busy</faultstring></s:Fault></s:Body>\r\n\
//!     d\r\n</s:Envelope>\r\n\
//!     0\r\n\r\n";
//! assert_eq!(capture::sniff(transcript.as_bytes()), capture::Kind::HttpResponse);
//!
//! let (report, head) = capture::read_http_response(transcript.as_bytes(), &Options::new())?;
//! assert_eq!(head.status, 503);
//! let e = &report.errors[0];
//! assert_eq!((e.code.to_string(), e.message.as_str()), ("Server".to_owned(), "Busy"));
//! assert_eq!((e.http_status, e.retry.after_secs()), (Some(503), Some(120)));
//! # Ok::<(), capture::CaptureError>(())
//! ```

mod chunked;
mod har;
mod http_response;

use std::fmt;
use std::io;
use std::sync::Arc;

pub use har::{HarEntry, read_har};
pub use http_response::{HttpBody, MAX_HEAD_BYTES, ResponseHead, read_http_head, read_http_response};

use crate::parse_error::ParseError;

/// What an input is, from its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Kind {
    /// A whole response: it starts with `HTTP/` and a digit.
    HttpResponse,
    /// A HAR capture: a JSON object whose first member is `"log"` with an
    /// object value.
    Har,
    /// Anything else: a bare body, for [`from_reader`](crate::from_reader).
    Body,
}

/// How many first bytes [`sniff`] needs at most to decide.
pub const SNIFF_LEN: usize = 512;

/// Decides what an input is from its first bytes (up to [`SNIFF_LEN`] of
/// them; fewer only when the input is shorter). Cheap: it reads a JSON
/// object's top-level members only as far as a `log` member whose value is
/// an object (a HAR capture, whatever members come before it), and no
/// further than the prefix.
///
/// ```
/// use vendor_errors::capture::{Kind, sniff};
///
/// assert_eq!(sniff(b"HTTP/2 500\r\n"), Kind::HttpResponse);
/// assert_eq!(sniff(b"\xEF\xBB\xBF{\n  \"log\": {\n    \"version\": \"1.2\""), Kind::Har);
/// assert_eq!(sniff(br#"{"comment": "exported", "n": [1, {"a": "}"}], "log": {"version""#), Kind::Har);
/// assert_eq!(sniff(br#"{"log": "a JSON body with a log string"}"#), Kind::Body);
/// assert_eq!(sniff(br#"{"error": {"log": {}}}"#), Kind::Body);
/// assert_eq!(sniff(b"<soap:Envelope"), Kind::Body);
/// ```
pub fn sniff(prefix: &[u8]) -> Kind {
    if http_response::starts_http(prefix) {
        return Kind::HttpResponse;
    }
    let json = prefix.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(prefix);
    let Some(mut rest) = skip_ws(json).strip_prefix(b"{") else { return Kind::Body };
    // Member after member: `"name": value`, then `,` or the end.
    loop {
        let Some((name, after)) = json_string(skip_ws(rest)) else { return Kind::Body };
        let Some(value) = skip_ws(after).strip_prefix(b":").map(skip_ws) else { return Kind::Body };
        if name == b"log" {
            return if value.starts_with(b"{") { Kind::Har } else { Kind::Body };
        }
        let Some(after) = skip_json_value(value) else { return Kind::Body };
        match skip_ws(after).strip_prefix(b",") {
            Some(next) => rest = next,
            None => return Kind::Body,
        }
    }
}

/// A JSON string at the start of `bytes`: its raw contents (escapes left
/// as written) and what follows; `None` when it does not end in `bytes`.
fn json_string(bytes: &[u8]) -> Option<(&[u8], &[u8])> {
    let body = bytes.strip_prefix(b"\"")?;
    let mut i = 0;
    while let Some(&b) = body.get(i) {
        match b {
            b'\\' => i += 2,
            b'"' => return Some((&body[..i], &body[i + 1..])),
            _ => i += 1,
        }
    }
    None
}

/// What follows the JSON value at the start of `bytes` (a string, an object
/// or array with whatever they nest, or a scalar); `None` when it does not
/// end in `bytes`.
fn skip_json_value(bytes: &[u8]) -> Option<&[u8]> {
    let mut depth = 0usize;
    let mut rest = bytes;
    loop {
        let &b = rest.first()?;
        match b {
            b'"' => rest = json_string(rest)?.1,
            b'{' | b'[' => {
                depth += 1;
                rest = &rest[1..];
            }
            // A scalar ends at the enclosing object's `,` or `}`.
            b'}' | b']' | b',' if depth == 0 => return Some(rest),
            b'}' | b']' => {
                depth -= 1;
                rest = &rest[1..];
            }
            _ => rest = &rest[1..],
        }
        if depth == 0 && matches!(b, b'"' | b'}' | b']') {
            return Some(rest);
        }
    }
}

fn skip_ws(bytes: &[u8]) -> &[u8] {
    let n = bytes.iter().take_while(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n')).count();
    &bytes[n..]
}

/// A capture that could not be read. Offsets are byte offsets into the
/// input, but for [`Body`](Self::Body), whose error's offset is into the
/// body (which starts at `body_offset`, after the head).
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum CaptureError {
    /// The input does not start with an HTTP response head, or the head is
    /// malformed or longer than [`MAX_HEAD_BYTES`].
    Head {
        /// Where the head that could not be read starts.
        offset: u64,
        /// What is wrong with it.
        reason: String,
    },
    /// The body's chunked transfer coding is broken.
    Chunked {
        /// Where the bad chunk-size line starts.
        offset: u64,
        /// What is wrong with it.
        reason: String,
    },
    /// The response's body was not understood, and its status is below
    /// 400 (with an error status, the status is the error, as
    /// [`from_reader`](crate::from_reader) does).
    Body {
        /// The response's head.
        head: Box<ResponseHead>,
        /// Where the body starts in the input.
        body_offset: u64,
        /// Why the body was not understood (its offset is into the body).
        error: ParseError,
    },
    /// Not a HAR capture, or not well-formed JSON.
    Har {
        /// Where the JSON reader stopped.
        offset: u64,
        /// What it reported.
        reason: String,
    },
    /// Reading the input failed.
    Io {
        /// Bytes read before the failure (about: a stream adapter may have read ahead).
        offset: u64,
        /// The I/O error (shared, so that the error stays `Clone`).
        source: Arc<io::Error>,
    },
}

impl CaptureError {
    /// The byte offset where the problem was found (into the body for
    /// [`Body`](Self::Body)).
    pub fn offset(&self) -> u64 {
        match self {
            CaptureError::Head { offset, .. }
            | CaptureError::Chunked { offset, .. }
            | CaptureError::Har { offset, .. }
            | CaptureError::Io { offset, .. } => *offset,
            CaptureError::Body { error, .. } => error.offset(),
        }
    }
}

impl fmt::Display for CaptureError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CaptureError::Head { offset, reason } => write!(f, "no HTTP response head at byte {offset}: {reason}"),
            CaptureError::Chunked { offset, reason } => {
                write!(f, "broken chunked transfer coding at byte {offset}: {reason}")
            }
            CaptureError::Body { head, error, .. } => write!(f, "HTTP {} response: {error}", head.status),
            CaptureError::Har { offset, reason } => write!(f, "unreadable HAR capture at byte {offset}: {reason}"),
            CaptureError::Io { offset, source } => write!(f, "read error at byte {offset}: {source}"),
        }
    }
}

impl std::error::Error for CaptureError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            CaptureError::Io { source, .. } => Some(&**source),
            CaptureError::Body { error, .. } => Some(error),
            _ => None,
        }
    }
}

/// A broken chunked coding, raised inside the body stream as an
/// `io::Error` payload and turned back into [`CaptureError::Chunked`].
#[derive(Debug, Clone)]
pub(crate) struct FramingFault {
    pub(crate) offset: u64,
    pub(crate) reason: String,
}

impl fmt::Display for FramingFault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "broken chunked transfer coding at byte {}: {}", self.offset, self.reason)
    }
}

impl std::error::Error for FramingFault {}

#[cfg(test)]
mod tests {
    use super::{Kind, SNIFF_LEN, sniff};

    /// `sniff` answers every prefix of every fixture, and hostile JSON
    /// starts, without a panic and within the prefix.
    #[test]
    fn sniff_answers_any_prefix() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        for vendor in std::fs::read_dir(&root).unwrap().flatten().filter(|d| d.path().is_dir()) {
            for file in std::fs::read_dir(vendor.path()).unwrap().flatten().filter(|f| f.path().is_file()) {
                let bytes = std::fs::read(file.path()).unwrap();
                for end in 0..bytes.len().min(SNIFF_LEN) {
                    let _ = sniff(&bytes[..end]);
                }
            }
        }
        let deep = format!("{{\"a\": {}", "[".repeat(600));
        let hostile: [&[u8]; 7] =
            [b"{\"\\", b"{\"a\"", b"{\"a\":", b"{\"a\": \"\\", b"{,", b"{\"a\": 1,,\"log\": {}", deep.as_bytes()];
        for body in hostile {
            assert_eq!(sniff(body), Kind::Body, "{:?}", String::from_utf8_lossy(body));
        }
        assert_eq!(sniff(br#"{"a": {"log": 1}, "b": [], "log": {}"#), Kind::Har);
        assert_eq!(sniff(br#"{"a": "log", "log": []}"#), Kind::Body);
    }
}
