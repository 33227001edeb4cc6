//! [`Limits`]: the bounds that keep work and memory in check on any input.

/// Bounds on the work done for one body. Every limit is checked while
/// streaming, so memory stays bounded by these numbers, not by the body.
///
/// | limit | default | exceeded |
/// |---|---|---|
/// | `max_depth` | 256 | [`ParseError::Limit`](crate::ParseError::Limit) with [`Limit::Depth`] |
/// | `max_event_bytes` | 16 MiB | `ParseError::Limit` with [`Limit::EventSize`]: one tag with its attributes, one text run, CDATA section, comment, PI or DOCTYPE |
/// | `max_body_bytes` | 1 GiB | `ParseError::Limit` with [`Limit::BodySize`] |
/// | `max_message_bytes` | 4 KiB | the message is cut at a character boundary, `…` appended, `truncated` set |
/// | `max_detail_bytes` | 1 KiB | the detail is cut likewise |
/// | `max_errors` | 1000 | further errors are counted in [`Report::omitted`](crate::Report::omitted), not kept |
///
/// ```
/// use vendor_errors::{Limits, Options};
///
/// let mut limits = Limits::default();
/// limits.max_depth = 64;
/// let opts = Options::new().limits(limits);
/// assert_eq!(opts.get_limits().max_depth, 64);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Limits {
    /// Deepest element nesting accepted (the root element is depth 1).
    pub max_depth: u32,
    /// Largest single XML event: memory for reading is bounded by this.
    pub max_event_bytes: usize,
    /// Largest body read, in bytes as received.
    pub max_body_bytes: u64,
    /// Longest message kept, in UTF-8 bytes.
    pub max_message_bytes: usize,
    /// Longest detail kept, in UTF-8 bytes.
    pub max_detail_bytes: usize,
    /// Most errors kept in one report.
    pub max_errors: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_depth: 256,
            max_event_bytes: 16 << 20,
            max_body_bytes: 1 << 30,
            max_message_bytes: 4096,
            max_detail_bytes: 1024,
            max_errors: 1000,
        }
    }
}

/// Which hard limit a body exceeded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Limit {
    /// [`Limits::max_depth`].
    Depth,
    /// [`Limits::max_event_bytes`].
    EventSize,
    /// [`Limits::max_body_bytes`].
    BodySize,
}

impl std::fmt::Display for Limit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Limit::Depth => "max_depth",
            Limit::EventSize => "max_event_bytes",
            Limit::BodySize => "max_body_bytes",
        })
    }
}
