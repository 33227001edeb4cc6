//! `multipart/related` bodies (MTOM/XOP, SOAP with attachments): the root
//! part is the response; the other parts are attachments it refers to
//! (`xop:Include`), left alone.
//!
//! The root part is found from the `Content-Type` header's `boundary` and
//! `start` (RFC 2387), or, without a header, from the body's first line
//! (`--boundary` followed by part headers). Part headers are read line by
//! line, each line and the whole header block bounded; the root part's
//! content is then streamed up to the next delimiter, never buffered whole.

use std::io::{self, BufRead, Read};

use memchr::memmem;

use crate::parse_error::ParseError;

/// Longest line kept while looking for delimiters and reading part headers
/// (longer lines are read and dropped).
const MAX_LINE: usize = 1024;
/// Most bytes of one part's header block.
const MAX_HEADERS: u64 = 16 * 1024;
/// Longest boundary RFC 2046 allows.
const MAX_BOUNDARY: usize = 70;

/// A multipart body's framing: its boundary and the root part's Content-ID.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Multipart {
    /// `--` and the boundary: how every delimiter line starts.
    dash_boundary: String,
    /// The root part's Content-ID (`start`), without angle brackets.
    start: Option<String>,
}

/// Where the root part's content starts, and what its headers say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RootPart {
    /// Offset of the content's first byte in the body.
    pub(crate) offset: u64,
    /// The part's own `Content-Type` (its `charset` applies to the content).
    pub(crate) content_type: Option<String>,
}

impl Multipart {
    /// The framing a `Content-Type` header gives: `multipart/related` (or
    /// `multipart/mixed`) with a `boundary`.
    pub(crate) fn from_content_type(content_type: &str) -> Option<Self> {
        let mut params = content_type.split(';');
        let media = params.next()?.trim();
        if !(media.eq_ignore_ascii_case("multipart/related") || media.eq_ignore_ascii_case("multipart/mixed")) {
            return None;
        }
        let (mut boundary, mut start) = (None, None);
        for param in params {
            let Some((name, value)) = param.split_once('=') else { continue };
            let value = value.trim().trim_matches('"');
            match name.trim().to_ascii_lowercase().as_str() {
                "boundary" => boundary = Some(value),
                "start" => start = Some(strip_angles(value).to_owned()),
                _ => {}
            }
        }
        let boundary = boundary.filter(|b| is_boundary(b.as_bytes()))?;
        Some(Multipart { dash_boundary: format!("--{boundary}"), start })
    }

    /// The framing the body's first line gives when no header did:
    /// `--boundary`, then a part's header block: header lines (`Name:
    /// value`, or folded onto a line starting with a space or tab) up to a
    /// blank line. `prefix` is the body's first bytes; `ended`: it is the
    /// whole body. A body that ends inside such a header block is taken as
    /// multipart too (its root part then breaks off in its headers), so
    /// that a cut body never reads as text what the whole body frames as
    /// part headers.
    pub(crate) fn from_first_line(prefix: &[u8], ended: bool) -> Option<Self> {
        let start = prefix.iter().position(|b| !b.is_ascii_whitespace())?;
        let rest = prefix[start..].strip_prefix(b"--")?;
        let end = memchr::memchr(b'\n', rest)?;
        let boundary = trim_end(&rest[..end]);
        if !is_boundary(boundary) {
            return None;
        }
        let (mut lines, mut first) = (&rest[end + 1..], true);
        loop {
            let Some(at) = memchr::memchr(b'\n', lines) else {
                // The prefix ends inside the header block.
                if !ended || !is_header_start(lines, first) {
                    return None;
                }
                break;
            };
            let line = &lines[..at];
            lines = &lines[at + 1..];
            if !first && trim_end(line).is_empty() {
                break;
            }
            if !is_header_line(line, first) {
                return None;
            }
            first = false;
        }
        let boundary = std::str::from_utf8(boundary).ok()?;
        Some(Multipart { dash_boundary: format!("--{boundary}"), start: None })
    }

    /// Is there a delimiter line in `prefix` (the body's first bytes)?
    /// Without one, a body announced as multipart is read as it is.
    pub(crate) fn has_delimiter_line(&self, prefix: &[u8]) -> bool {
        memmem::find_iter(prefix, self.dash_boundary.as_bytes()).any(|at| {
            let after = &prefix[at + self.dash_boundary.len()..];
            let line_end = memchr::memchr(b'\n', after);
            let rest = trim_end(&after[..line_end.unwrap_or(after.len())]);
            (at == 0 || prefix[at - 1] == b'\n') && line_end.is_some() && rest.is_empty()
        })
    }

    /// Reads up to the root part's content: the preamble, the parts before
    /// the root (when `start` names a later one) and the root's headers.
    pub(crate) fn open_root<R: BufRead>(&self, mut body: R) -> Result<RootPart, ParseError> {
        let mut lines = Lines { offset: 0, line: Vec::new() };
        loop {
            if !lines.next(&mut body)? {
                return Err(lines.broke("no delimiter line"));
            }
            if matches!(lines.delimiter(&self.dash_boundary), Some(Delimiter::Next)) {
                break;
            }
        }
        loop {
            // The headers of one part.
            let headers_start = lines.offset;
            let (mut content_id, mut content_type) = (None, None);
            loop {
                if !lines.next(&mut body)? {
                    return Err(lines.broke("the body ends inside a part's headers"));
                }
                if lines.offset - headers_start > MAX_HEADERS {
                    return Err(lines.broke("a part's headers are longer than 16 KiB"));
                }
                let line = trim_end(&lines.line);
                if line.is_empty() {
                    break;
                }
                let text = String::from_utf8_lossy(line);
                if let Some((name, value)) = text.split_once(':') {
                    match name.trim().to_ascii_lowercase().as_str() {
                        "content-id" => content_id = Some(strip_angles(value.trim()).to_owned()),
                        "content-type" => content_type = Some(value.trim().to_owned()),
                        _ => {}
                    }
                }
            }
            let is_root = match (&self.start, &content_id) {
                (None, _) => true,
                (Some(start), Some(id)) => start == id,
                (Some(_), None) => false,
            };
            if is_root {
                return Ok(RootPart { offset: lines.offset, content_type });
            }
            // An attachment before the root: skipped line by line.
            loop {
                if !lines.next(&mut body)? {
                    return Err(lines.broke("the body ends before the root part named by `start`"));
                }
                match lines.delimiter(&self.dash_boundary) {
                    Some(Delimiter::Close) => return Err(lines.broke("no part has the Content-ID named by `start`")),
                    Some(Delimiter::Next) => break,
                    None => {}
                }
            }
        }
    }

    /// The delimiter that ends a part's content: a line break, then `--boundary`.
    fn end_delimiter(&self) -> Vec<u8> {
        format!("\n{}", self.dash_boundary).into_bytes()
    }

    /// The length of the root part's content in `content` (the body from
    /// the content's first byte): up to the next delimiter, else all of it.
    pub(crate) fn content_len(&self, content: &[u8]) -> usize {
        memmem::find(content, &self.end_delimiter()).unwrap_or(content.len())
    }

    /// The root part's content as a stream, from `body` read up to it.
    pub(crate) fn content<R: BufRead>(&self, body: R) -> PartContent<R> {
        PartContent { inner: body, delimiter: self.end_delimiter(), buf: Vec::new(), pos: 0, ended: false }
    }
}

/// What a delimiter line says.
enum Delimiter {
    /// Another part follows.
    Next,
    /// The close delimiter (`--boundary--`): no part follows.
    Close,
}

/// The body read line by line, each line kept up to [`MAX_LINE`] bytes.
struct Lines {
    /// Bytes consumed so far.
    offset: u64,
    line: Vec<u8>,
}

impl Lines {
    /// Reads the next line into `self.line`; false at the end of the body.
    fn next<R: BufRead>(&mut self, body: &mut R) -> Result<bool, ParseError> {
        self.line.clear();
        loop {
            let buf = body.fill_buf().map_err(|e| crate::input::io_to_parse_error(e, self.offset))?;
            if buf.is_empty() {
                return Ok(!self.line.is_empty());
            }
            let (take, done) = match memchr::memchr(b'\n', buf) {
                Some(at) => (at + 1, true),
                None => (buf.len(), false),
            };
            let room = MAX_LINE.saturating_sub(self.line.len());
            self.line.extend_from_slice(&buf[..take.min(room)]);
            body.consume(take);
            self.offset += take as u64;
            if done {
                return Ok(true);
            }
        }
    }

    /// Is the current line a delimiter of `dash_boundary`, and which?
    fn delimiter(&self, dash_boundary: &str) -> Option<Delimiter> {
        let rest = self.line.strip_prefix(dash_boundary.as_bytes())?;
        let rest = trim_end(rest);
        if rest.is_empty() {
            Some(Delimiter::Next)
        } else if rest == b"--" {
            Some(Delimiter::Close)
        } else {
            None
        }
    }

    fn broke(&self, reason: &str) -> ParseError {
        ParseError::Multipart { offset: self.offset, reason: reason.to_owned() }
    }
}

/// The root part's content, read from the body up to the next delimiter.
pub(crate) struct PartContent<R> {
    inner: R,
    /// `\n--boundary`: the content ends before it (a `\r` before it stays,
    /// as whitespace after the root element).
    delimiter: Vec<u8>,
    /// Bytes read from `inner`, not yet handed out: `buf[pos..]`.
    buf: Vec<u8>,
    pos: usize,
    /// The delimiter was found, or the body ended.
    ended: bool,
}

/// How much is read from the body at a time.
const CHUNK: usize = 8 * 1024;

impl<R: BufRead> BufRead for PartContent<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        loop {
            if !self.ended
                && let Some(at) = memmem::find(&self.buf[self.pos..], &self.delimiter)
            {
                self.ended = true;
                self.buf.truncate(self.pos + at);
            }
            let avail = self.buf.len() - self.pos;
            // Bytes that cannot start a delimiter can go out now; all of
            // them once the content has ended.
            let ready = if self.ended { avail } else { avail.saturating_sub(self.delimiter.len() - 1) };
            if ready > 0 || self.ended {
                return Ok(&self.buf[self.pos..self.pos + ready]);
            }
            self.buf.drain(..self.pos);
            self.pos = 0;
            let more = self.inner.fill_buf()?;
            if more.is_empty() {
                self.ended = true;
                continue;
            }
            let n = more.len().min(CHUNK);
            self.buf.extend_from_slice(&more[..n]);
            self.inner.consume(n);
        }
    }

    fn consume(&mut self, n: usize) {
        self.pos = (self.pos + n).min(self.buf.len());
    }
}

impl<R: BufRead> Read for PartContent<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        super::read_from_buf(self, out)
    }
}

/// RFC 2046's boundary characters, 1 to 70 of them.
fn is_boundary(b: &[u8]) -> bool {
    (1..=MAX_BOUNDARY).contains(&b.len())
        && b.iter().all(|c| c.is_ascii_alphanumeric() || b"'()+_,-./:=? ".contains(c))
        && !b.ends_with(b" ")
}

/// A part header line: `Name: value` (a name of letters, digits and `-`),
/// or, after the first, a folded continuation (a space or tab, then text).
fn is_header_line(line: &[u8], first: bool) -> bool {
    let folded = !first && matches!(line.first(), Some(b' ' | b'\t')) && !trim_end(line).is_empty();
    let named = line
        .iter()
        .position(|b| *b == b':')
        .is_some_and(|colon| colon > 0 && line[..colon].iter().all(|b| b.is_ascii_alphanumeric() || *b == b'-'));
    folded || named
}

/// Could `line` (cut short) begin a header line?
fn is_header_start(line: &[u8], first: bool) -> bool {
    is_header_line(line, first) || line.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b'\r')
}

fn trim_end(line: &[u8]) -> &[u8] {
    let end = line.iter().rposition(|b| !b.is_ascii_whitespace()).map_or(0, |i| i + 1);
    &line[..end]
}

fn strip_angles(id: &str) -> &str {
    id.trim().strip_prefix('<').and_then(|i| i.strip_suffix('>')).unwrap_or(id.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &[u8] =
        b"\r\n--MIMEBoundary_1\r\nContent-Type: application/xop+xml; charset=UTF-8; type=\"text/xml\"\r\n\
Content-ID: <root.message@cxf.apache.org>\r\n\r\n<Envelope/>\r\n--MIMEBoundary_1\r\nContent-ID: <att1>\r\n\r\n\
binary\r\n--MIMEBoundary_1--\r\n";

    #[test]
    fn header_parameters() {
        let mp = Multipart::from_content_type(
            "Multipart/Related; type=\"application/xop+xml\"; boundary=\"MIMEBoundary_1\"; start=\"<root.message@cxf.apache.org>\"",
        )
        .unwrap();
        assert_eq!(
            (mp.dash_boundary.as_str(), mp.start.as_deref()),
            ("--MIMEBoundary_1", Some("root.message@cxf.apache.org"))
        );
        assert_eq!(Multipart::from_content_type("text/xml; boundary=x"), None);
        assert_eq!(Multipart::from_content_type("multipart/related"), None);
        assert_eq!(
            Multipart::from_first_line(BODY, true),
            Some(Multipart { dash_boundary: "--MIMEBoundary_1".into(), start: None })
        );
        assert_eq!(Multipart::from_first_line(b"--not a part\r\n<xml/>", true), None);
        // A line of dashes and a header line, then a line no header has: text.
        assert_eq!(Multipart::from_first_line(b"--header\nContent-Type: text/xml\n<a/>", true), None);
        assert_eq!(Multipart::from_first_line(b"--b\nContent-Type: text/xml\n <folded>\n<a/>\n\n<b/>", true), None);
        // A body that ends in a header block is multipart; the first bytes
        // of a longer body must hold the block's end.
        let cut = b"--b\r\nContent-Type: text/xml\r\n <soap:Envelope/>\r\nContent-I";
        assert_eq!(Multipart::from_first_line(cut, true).map(|m| m.dash_boundary), Some("--b".to_owned()));
        assert_eq!(Multipart::from_first_line(cut, false), None);
        assert_eq!(Multipart::from_first_line(b"--b\r\nContent-Type: text/xml\r\n<soap:Env", true), None);
    }

    #[test]
    fn the_root_part_streams_up_to_the_delimiter() {
        let mp = Multipart::from_first_line(BODY, true).unwrap();
        assert!(mp.has_delimiter_line(BODY));
        let root = mp.open_root(BODY).unwrap();
        assert_eq!(root.content_type.as_deref(), Some("application/xop+xml; charset=UTF-8; type=\"text/xml\""));
        let content = &BODY[root.offset as usize..];
        assert_eq!(&content[..mp.content_len(content)], b"<Envelope/>\r");
        for capacity in [1, 2, 5, 64] {
            let mut streamed = Vec::new();
            mp.content(io::BufReader::with_capacity(capacity, content)).read_to_end(&mut streamed).unwrap();
            assert_eq!(streamed, b"<Envelope/>\r", "capacity {capacity}");
        }
    }

    #[test]
    fn start_picks_a_later_part_and_a_missing_one_is_an_error() {
        let mut mp = Multipart::from_first_line(BODY, true).unwrap();
        mp.start = Some("att1".into());
        let root = mp.open_root(BODY).unwrap();
        assert!(BODY[root.offset as usize..].starts_with(b"binary"));
        mp.start = Some("nowhere".into());
        assert!(matches!(mp.open_root(BODY), Err(ParseError::Multipart { .. })));
        assert!(!mp.has_delimiter_line(b"<Envelope/>"));
    }
}
