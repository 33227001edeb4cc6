//! Bytes in: encoding detection, transcoding to UTF-8, and the byte limits
//! that hold whatever the XML reader does.

pub(crate) mod content_encoding;
pub(crate) mod limited;
pub(crate) mod multipart;
pub(crate) mod preamble;
pub(crate) mod sniff;
pub(crate) mod transcode;

use std::io;
use std::sync::Arc;

use crate::limits::Limit;
use crate::parse_error::ParseError;

/// A failure raised inside a `BufRead` adapter, carried through the XML or
/// JSON reader as an `io::Error` payload and turned back into a [`ParseError`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum InputFault {
    /// Bytes not valid in the encoding, at this offset of the raw body.
    Encoding { offset: u64, encoding: &'static str },
    /// A byte limit was crossed.
    Limit { limit: Limit, max: u64, offset: u64 },
}

impl std::fmt::Display for InputFault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            InputFault::Encoding { offset, encoding } => write!(f, "invalid {encoding} at byte {offset}"),
            InputFault::Limit { limit, max, offset } => write!(f, "{limit} limit of {max} exceeded at byte {offset}"),
        }
    }
}

impl std::error::Error for InputFault {}

impl InputFault {
    pub(crate) fn into_io(self) -> io::Error {
        io::Error::other(self)
    }

    /// The fault inside an I/O error raised by one of this module's adapters.
    pub(crate) fn from_io(err: &io::Error) -> Option<&InputFault> {
        err.get_ref()?.downcast_ref::<InputFault>()
    }

    pub(crate) fn into_parse_error(self) -> ParseError {
        match self {
            InputFault::Encoding { offset, encoding } => ParseError::Encoding { offset, encoding: encoding.to_owned() },
            InputFault::Limit { limit, max, offset } => ParseError::Limit { limit, max, offset },
        }
    }
}

/// `Read::read` for an adapter that is a `BufRead`: copy from its buffer.
pub(crate) fn read_from_buf(source: &mut impl std::io::BufRead, out: &mut [u8]) -> io::Result<usize> {
    let avail = source.fill_buf()?;
    let n = avail.len().min(out.len());
    out[..n].copy_from_slice(&avail[..n]);
    source.consume(n);
    Ok(n)
}

/// A [`ParseError`] for an I/O error, unwrapping the adapters' faults.
pub(crate) fn io_to_parse_error(err: impl Into<Arc<io::Error>>, offset: u64) -> ParseError {
    let err = err.into();
    match InputFault::from_io(&err) {
        Some(fault) => fault.clone().into_parse_error(),
        None => ParseError::Io { offset, source: err },
    }
}
