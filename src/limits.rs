//! [`Limits`]: the bounds that keep work and memory in check on any input.

/// Bounds on the work done for one body. Every limit is checked while
/// streaming, so time is linear in the body and memory is bounded by these
/// numbers, not by the body. Compare Apache CXF's StAX limits
/// (`maxElementDepth`, `maxTextLength`, `maxAttributeSize`...) and WCF's
/// reader quotas (`MaxDepth`, `MaxStringContentLength`...): the same ideas,
/// with one event-size limit standing for text, attribute and tag sizes.
///
/// | limit | default | what it bounds | how it is enforced | when exceeded |
/// |---|---|---|---|---|
/// | `max_depth` | 256 | element nesting (the root is depth 1) | checked on every start tag, in skipped subtrees too | [`ParseError::Limit`](crate::ParseError::Limit), [`Limit::Depth`], at the start of the tag that crossed it |
/// | `max_event_bytes` | 16 MiB | one XML event: a start tag with all its attributes (so also the largest attribute), one text run between tags, a CDATA section, comment, PI or DOCTYPE; a whole JSON body; and the start tags and namespace declarations kept for the elements a reader is inside (the path from the root) | the stream reader's input adapter hands the XML reader at most one byte past the limit per event, so its buffer never holds more; the slice reader measures each event; the path's tags are counted as each element is entered | `ParseError::Limit`, [`Limit::EventSize`], at the event's start |
/// | `max_body_bytes` | 1 GiB | bytes read from the body (for non-UTF-8 bodies, bytes after decoding to UTF-8; for a `Content-Encoding: gzip` or `deflate` body, the compressed bytes read and the decoded bytes alike, so a compression bomb stops here) | counted by the same adapter (and by the decoder) | `ParseError::Limit`, [`Limit::BodySize`], at the limit |
/// | `max_message_bytes` | 4 KiB | each message kept (and each SOAP 1.2 translation, OpenAir `<errors>` leaf...) | text is appended up to the limit, the rest is read and dropped | cut at a character boundary, `…` appended, `truncated: true` |
/// | `max_detail_bytes` | 1 KiB | each error's `detail`, and each fault detail leaf | as above | cut and marked likewise |
/// | `max_preamble_bytes` | 64 KiB | how far into a body that starts as an HTML page or text a SOAP envelope is looked for (some servers send a page, a PHP notice or a log line, then the envelope) | the first bytes after a byte order mark are searched for an `Envelope` start tag, in the body's charset (see the field); a stream buffers at most this many bytes for the search | the body is answered as the page it starts with |
/// | `max_errors` | 1000 | errors kept in one [`Report`](crate::Report) | further errors are counted and their retry decisions combined, not kept | [`Report::omitted`](crate::Report::omitted) counts them, [`Report::retry`](crate::Report::retry) still weighs them |
///
/// Fixed bounds, not configurable: at most 16 `Reason/Text` translations and
/// 32 detail leaves per fault, 16 leaves per OpenAir `<errors>`/`oaError`, and
/// 64 KiB for a QLM fragment escaped inside a SOAP response (a longer one is
/// not read). JSON nesting stops at 128 levels (serde_json's limit).
///
/// Memory: reading a stream holds the current event in one reused buffer
/// (whose capacity may reach twice `max_event_bytes`, as vectors grow by
/// doubling), a copy of the start tags of the elements a reader is inside
/// and their namespace declarations (together at most `max_event_bytes`),
/// and the text kept. Between bodies, a thread keeps the cursor's buffers
/// and one detail's, when each is at most 16 KiB, for the next body.
/// Measured peaks (tests/hostile.rs): a 50 MB text node stops at the 16 MiB
/// event limit with 34 MB of heap; 500 000 nested elements stop at depth 256
/// with 80 KB; 100 000 failed OpenAir commands keep 1000 errors in 0.5 MB.
///
/// Elements no reader wants are passed over with a `memchr` scan rather
/// than tokenized, only when the scan finds their content as the tokenizer
/// would accept it (UTF-8, end tags matching, every `&` closed, within
/// `max_depth` and `max_event_bytes`, no comment, CDATA or PI); otherwise
/// they are read event by event. Every limit holds in skipped content, and
/// a skip never changes an answer.
///
/// DTDs are never read for entities and nothing is fetched: only character
/// references and the five predefined entities are resolved; any other
/// `&name;` is kept as written. So entity expansion needs no limit.
///
/// ```
/// use vendor_errors::{Limit, Limits, Options, ParseError};
///
/// let mut limits = Limits::default();
/// limits.max_depth = 4;
/// let opts = Options::new().limits(limits);
/// let err = vendor_errors::from_slice(b"<a><b><c><d><e/></d></c></b></a>", &opts).unwrap_err();
/// assert!(matches!(err, ParseError::Limit { limit: Limit::Depth, max: 4, .. }));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Limits {
    /// Deepest element nesting accepted (the root element is depth 1).
    pub max_depth: u32,
    /// Largest single XML event: memory for reading is bounded by this.
    pub max_event_bytes: usize,
    /// Largest body read, in bytes as received (after decoding to UTF-8 for
    /// bodies in other encodings).
    pub max_body_bytes: u64,
    /// Longest message kept, in UTF-8 bytes.
    pub max_message_bytes: usize,
    /// Longest detail kept, in UTF-8 bytes.
    pub max_detail_bytes: usize,
    /// Most errors kept in one report.
    pub max_errors: usize,
    /// How far into a body that starts as an HTML page or text a SOAP
    /// envelope is looked for: so many bytes after a byte order mark are
    /// searched for a start tag whose local name is `Envelope`.
    ///
    /// The search and the read of the envelope use the charset the body
    /// declares (its byte order mark, else the `Content-Type` charset, else
    /// an XML declaration at the very start); when none does, the charset
    /// the envelope's own XML declaration names, just before it, else
    /// UTF-8. In UTF-8 and the charsets that keep ASCII as ASCII
    /// (ISO-8859-*, windows-125*, Shift_JIS, GBK, EUC-*...) the bytes are
    /// searched; in UTF-16, little- or big-endian (from a byte order mark, or
    /// a UTF-16 `Content-Type` charset on bytes that are UTF-16), the code
    /// units. A body in another charset (ISO-2022-JP), or whose charset is
    /// refused, is not searched.
    ///
    /// ```
    /// use vendor_errors::Options;
    ///
    /// let body = b"Warning: Gr\xf6\xdfe ung\xfcltig in /srv/api.php on line 9\n\
    ///     <s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><s:Fault>\
    ///     <faultcode>s:Client</faultcode><faultstring>Kunde M\xfcller unbekannt</faultstring>\
    ///     </s:Fault></s:Body></s:Envelope>";
    /// let opts = Options::new().header("Content-Type", "text/xml; charset=ISO-8859-1");
    /// let report = vendor_errors::from_slice(body, &opts).unwrap();
    /// assert_eq!(report.errors[0].message, "Kunde Müller unbekannt");
    /// ```
    pub max_preamble_bytes: usize,
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
            max_preamble_bytes: 64 << 10,
        }
    }
}

/// Which hard limit a body exceeded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
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
