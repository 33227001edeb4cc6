//! [`ParseError`]: a body that could not be understood, and where.

use std::fmt;
use std::io;
use std::sync::Arc;

use crate::limits::Limit;
use crate::text::escape_start;

/// The body could not be understood. Every variant says where: [`offset`](Self::offset)
/// is a byte offset into the body as received (for bodies in an encoding other
/// than UTF-8, into the body as decoded to UTF-8).
///
/// When the caller gave an HTTP status of 400 or more, the entry points do
/// not return this: the status becomes an [`http`](crate::Vendor::Http) error
/// whose `detail` carries this error's text.
///
/// ```
/// let err = vendor_errors::from_slice(b"<a><b>", &Default::default()).unwrap_err();
/// assert_eq!(err.offset(), 6);
/// assert!(err.to_string().contains("ends early"));
///
/// // A gzip body: its start shown with escapes, the offset said once.
/// let err = vendor_errors::from_slice(b"\x1f\x8b\x08\0\0", &Default::default()).unwrap_err();
/// assert_eq!(err.to_string(), r#"body is neither XML nor JSON: it starts at byte 0 with "\x1f\x8b\x08\x00\x00""#);
/// ```
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum ParseError {
    /// Nothing but whitespace.
    Empty,
    /// An HTML page (a proxy, gateway or login page) instead of an API response.
    Html {
        /// The page's `<title>`, if it has one near the start.
        title: Option<String>,
    },
    /// Neither XML nor JSON nor HTML: plain text or binary.
    NotMarkup {
        /// First byte that is not whitespace.
        offset: u64,
        /// The first characters from there, for the log, with escapes only:
        /// control characters and quotes escaped, bytes that are not UTF-8
        /// as `\xNN`, `…` when cut.
        start: String,
    },
    /// Not well-formed XML.
    Xml {
        /// Where the reader stopped.
        offset: u64,
        /// What the XML reader reported.
        reason: String,
    },
    /// Not well-formed JSON.
    Json {
        /// Where the JSON reader stopped.
        offset: u64,
        /// What the JSON reader reported.
        reason: String,
    },
    /// The body stops before its root element is closed (for JSON: before
    /// its top-level object or array is, or a failed read cut it there).
    ///
    /// ```
    /// use vendor_errors::ParseError;
    /// let err = vendor_errors::from_slice(br#"{"errors": [{"code": "E1", "mess"#, &Default::default()).unwrap_err();
    /// assert_eq!(err, ParseError::Truncated { offset: 32, open: 3 });
    /// assert_eq!(err.to_string(), "body ends early at byte 32 with 3 element(s) still open");
    /// ```
    Truncated {
        /// The body's length.
        offset: u64,
        /// How many elements were open (for JSON: objects and arrays).
        open: u32,
    },
    /// Bytes that are not valid in the body's encoding.
    Encoding {
        /// Where the bad bytes start.
        offset: u64,
        /// The encoding the body was read as.
        encoding: String,
    },
    /// An encoding this crate cannot decode (from the XML declaration or `Content-Type`).
    UnsupportedEncoding {
        /// The label as given.
        label: String,
    },
    /// A `Content-Encoding` this crate does not decode (`br`, `zstd`, two
    /// codings in a row, or gzip and deflate without the `gzip` feature):
    /// the body is not read as if it were not coded.
    ///
    /// ```
    /// use vendor_errors::{Options, ParseError};
    /// let err = vendor_errors::from_slice(b"...", &Options::new().header("Content-Encoding", "br")).unwrap_err();
    /// assert_eq!(err, ParseError::UnsupportedCoding { coding: "br".into() });
    /// ```
    UnsupportedCoding {
        /// The coding as given.
        coding: String,
    },
    /// A hard [`Limits`](crate::Limits) bound was exceeded.
    Limit {
        /// Which limit.
        limit: Limit,
        /// Its value.
        max: u64,
        /// Where it was exceeded.
        offset: u64,
    },
    /// A `multipart/related` body (MTOM/XOP, SOAP with attachments) whose
    /// root part could not be found.
    Multipart {
        /// Where the framing broke.
        offset: u64,
        /// What was wrong.
        reason: String,
    },
    /// Reading the body failed. The I/O error is kept (shared, so that the
    /// error stays `Clone`) and is the [`source`](std::error::Error::source).
    ///
    /// ```
    /// use std::error::Error;
    /// use std::io::{self, Read};
    ///
    /// struct Reset;
    /// impl Read for Reset {
    ///     fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
    ///         Err(io::Error::new(io::ErrorKind::ConnectionReset, "peer reset"))
    ///     }
    /// }
    /// let err = vendor_errors::from_reader(io::BufReader::new(Reset), &Default::default()).unwrap_err();
    /// let io = err.source().and_then(|s| s.downcast_ref::<io::Error>()).unwrap();
    /// assert_eq!(io.kind(), io::ErrorKind::ConnectionReset);
    /// ```
    Io {
        /// Bytes read before the failure.
        offset: u64,
        /// The I/O error.
        source: Arc<io::Error>,
    },
}

impl ParseError {
    /// Did the body break off here (it ended, its read failed, a limit
    /// stopped the reading) rather than go wrong? What follows the break
    /// exists but was not read; a malformed body has nothing more to say.
    pub(crate) fn is_break(&self) -> bool {
        matches!(self, ParseError::Truncated { .. } | ParseError::Io { .. } | ParseError::Limit { .. })
    }

    /// Byte offset where the problem was found (0 for whole-body verdicts).
    ///
    /// ```
    /// let err = vendor_errors::from_slice(b"  hello", &Default::default()).unwrap_err();
    /// assert_eq!(err.offset(), 2);
    /// ```
    pub fn offset(&self) -> u64 {
        match self {
            ParseError::Empty
            | ParseError::Html { .. }
            | ParseError::UnsupportedEncoding { .. }
            | ParseError::UnsupportedCoding { .. } => 0,
            ParseError::NotMarkup { offset, .. }
            | ParseError::Xml { offset, .. }
            | ParseError::Json { offset, .. }
            | ParseError::Truncated { offset, .. }
            | ParseError::Encoding { offset, .. }
            | ParseError::Limit { offset, .. }
            | ParseError::Multipart { offset, .. }
            | ParseError::Io { offset, .. } => *offset,
        }
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParseError::Empty => f.write_str("empty body"),
            ParseError::Html { title: Some(title) } => {
                write!(f, "body is an HTML page (\"{}\"), not an API response", escape_start(title.as_bytes(), 200))
            }
            ParseError::Html { title: None } => f.write_str("body is an HTML page, not an API response"),
            ParseError::NotMarkup { offset, start } => {
                write!(f, "body is neither XML nor JSON: it starts at byte {offset} with \"{start}\"")
            }
            ParseError::Xml { offset, reason } => write!(f, "malformed XML at byte {offset}: {reason}"),
            ParseError::Json { offset, reason } => {
                write!(f, "malformed JSON at byte {offset}: {}", without_line_column(reason))
            }
            ParseError::Truncated { offset, open } => {
                write!(f, "body ends early at byte {offset} with {open} element(s) still open")
            }
            ParseError::Encoding { offset, encoding } => write!(f, "invalid {encoding} at byte {offset}"),
            ParseError::UnsupportedEncoding { label } => write!(f, "unsupported encoding {label:?}"),
            ParseError::UnsupportedCoding { coding } => write!(f, "unsupported content coding {coding:?}"),
            ParseError::Limit { limit, max, offset } => write!(f, "{limit} limit of {max} exceeded at byte {offset}"),
            ParseError::Multipart { offset, reason } => {
                write!(f, "malformed multipart body at byte {offset}: {reason}")
            }
            ParseError::Io { offset, source } => write!(f, "read error at byte {offset}: {source}"),
        }
    }
}

/// A serde_json message without its "at line L column C" (the offset says where).
fn without_line_column(reason: &str) -> &str {
    match reason.rfind(" at line ") {
        Some(at)
            if reason[at + 9..].split_once(" column ").is_some_and(|(l, c)| {
                !l.is_empty() && !c.is_empty() && l.bytes().chain(c.bytes()).all(|b| b.is_ascii_digit())
            }) =>
        {
            &reason[..at]
        }
        _ => reason,
    }
}

/// Written by hand rather than derived: the source must be the
/// `io::Error` itself, not the `Arc` that shares it.
impl std::error::Error for ParseError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ParseError::Io { source, .. } => Some(&**source),
            _ => None,
        }
    }
}

/// Two I/O errors are equal when they happened at the same offset with the
/// same kind and text (`io::Error` itself has no equality).
impl PartialEq for ParseError {
    fn eq(&self, other: &Self) -> bool {
        use ParseError::*;
        match (self, other) {
            (Empty, Empty) => true,
            (Html { title: a }, Html { title: b }) => a == b,
            (NotMarkup { offset: a, start: x }, NotMarkup { offset: b, start: y }) => a == b && x == y,
            (Xml { offset: a, reason: x }, Xml { offset: b, reason: y })
            | (Multipart { offset: a, reason: x }, Multipart { offset: b, reason: y })
            | (Json { offset: a, reason: x }, Json { offset: b, reason: y }) => a == b && x == y,
            (Truncated { offset: a, open: x }, Truncated { offset: b, open: y }) => a == b && x == y,
            (Encoding { offset: a, encoding: x }, Encoding { offset: b, encoding: y }) => a == b && x == y,
            (UnsupportedEncoding { label: a }, UnsupportedEncoding { label: b })
            | (UnsupportedCoding { coding: a }, UnsupportedCoding { coding: b }) => a == b,
            (Limit { limit: l, max: m, offset: a }, Limit { limit: k, max: n, offset: b }) => {
                l == k && m == n && a == b
            }
            (Io { offset: a, source: x }, Io { offset: b, source: y }) => {
                a == b && x.kind() == y.kind() && x.to_string() == y.to_string()
            }
            _ => false,
        }
    }
}

impl Eq for ParseError {}
