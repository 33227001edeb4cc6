//! [`ParseError`]: a body that could not be understood, and where.

use crate::limits::Limit;

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
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParseError {
    /// Nothing but whitespace.
    #[error("empty body")]
    Empty,
    /// An HTML page (a proxy, gateway or login page) instead of an API response.
    #[error("body is an HTML page{}, not an API response", title.as_deref().map(|t| format!(" ({t:?})")).unwrap_or_default())]
    Html {
        /// The page's `<title>`, if it has one near the start.
        title: Option<String>,
    },
    /// Neither XML nor JSON nor HTML: plain text or binary.
    #[error("body is neither XML nor JSON at byte {offset} (starts with {start:?})")]
    NotMarkup {
        /// First byte that is not whitespace.
        offset: u64,
        /// The first characters, for the log.
        start: String,
    },
    /// Not well-formed XML.
    #[error("malformed XML at byte {offset}: {reason}")]
    Xml {
        /// Where the reader stopped.
        offset: u64,
        /// What the XML reader reported.
        reason: String,
    },
    /// Not well-formed JSON.
    #[error("malformed JSON at byte {offset}: {reason}")]
    Json {
        /// Where the JSON reader stopped.
        offset: u64,
        /// What the JSON reader reported.
        reason: String,
    },
    /// The body stops before its root element is closed.
    #[error("body ends early at byte {offset} with {open} element(s) still open")]
    Truncated {
        /// The body's length.
        offset: u64,
        /// How many elements were open.
        open: u32,
    },
    /// Bytes that are not valid in the body's encoding.
    #[error("invalid {encoding} at byte {offset}")]
    Encoding {
        /// Where the bad bytes start.
        offset: u64,
        /// The encoding the body was read as.
        encoding: String,
    },
    /// An encoding this crate cannot decode (from the XML declaration or `Content-Type`).
    #[error("unsupported encoding {label:?}")]
    UnsupportedEncoding {
        /// The label as given.
        label: String,
    },
    /// A hard [`Limits`](crate::Limits) bound was exceeded.
    #[error("{limit} limit of {max} exceeded at byte {offset}")]
    Limit {
        /// Which limit.
        limit: Limit,
        /// Its value.
        max: u64,
        /// Where it was exceeded.
        offset: u64,
    },
    /// Reading the body failed.
    #[error("read error at byte {offset}: {message}")]
    Io {
        /// Bytes read before the failure.
        offset: u64,
        /// The I/O error's kind.
        kind: std::io::ErrorKind,
        /// The I/O error's text.
        message: String,
    },
}

impl ParseError {
    /// Byte offset where the problem was found (0 for whole-body verdicts).
    pub fn offset(&self) -> u64 {
        match self {
            ParseError::Empty | ParseError::Html { .. } | ParseError::UnsupportedEncoding { .. } => 0,
            ParseError::NotMarkup { offset, .. }
            | ParseError::Xml { offset, .. }
            | ParseError::Json { offset, .. }
            | ParseError::Truncated { offset, .. }
            | ParseError::Encoding { offset, .. }
            | ParseError::Limit { offset, .. }
            | ParseError::Io { offset, .. } => *offset,
        }
    }
}
