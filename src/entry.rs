//! The entry points: a body in memory or a stream, read into a [`Report`]
//! (`from_*`) or handed out error by error (`scan_*`). Each `from_*` is its
//! `scan_*` with a callback that builds the report; the reading itself is
//! the body pipeline's (`crate::body`).

use std::io::BufRead;
use std::ops::ControlFlow;

use crate::body::{scan_reader_with, scan_slice_with};
use crate::emit::{Counted, Sink};
use crate::error::VendorError;
use crate::notes::Note;
use crate::options::Options;
use crate::parse_error::ParseError;
use crate::report::{Report, ReportBuilder};
use crate::retry::Retry;

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
    collect(opts, |sink| scan_slice_with(body, opts, sink))
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
pub fn from_reader<R: BufRead>(body: R, opts: &Options) -> Result<Report, ParseError> {
    collect(opts, |sink| scan_reader_with(body, opts, sink))
}

/// A [`Report`] of what a scan hands out: at most `max_errors` kept, the
/// rest counted; every error marked incomplete when the body broke off.
fn collect(opts: &Options, scan: impl FnOnce(Sink<'_>) -> Result<Scanned, ParseError>) -> Result<Report, ParseError> {
    let mut kept = ReportBuilder::new(opts.limits.max_errors);
    let scanned = scan(&mut |e| {
        kept.keep(e);
        ControlFlow::Continue(())
    })?;
    kept.count(Counted { count: scanned.omitted, retry: scanned.omitted_retry });
    if let Some(broke) = scanned.incomplete {
        kept.mark_incomplete(broke, opts.limits.max_detail_bytes);
    }
    Ok(kept.finish(scanned.notes))
}

/// How a scan ended.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Scanned {
    /// Errors handed to the callback.
    pub handed: u64,
    /// Errors found but not handed to the callback: a reader that must wait
    /// before it knows whether its errors count (a Salesforce `result`'s
    /// `errors` come before its `success`) holds at most
    /// [`max_errors`](crate::Limits::max_errors) of them and counts the
    /// rest. [`from_slice`](crate::from_slice) adds them to
    /// [`Report::omitted`](crate::Report::omitted).
    pub omitted: u64,
    /// The combined decision of the omitted errors that are failures
    /// (as in [`Report::omitted_retry`](crate::Report::omitted_retry)).
    pub omitted_retry: Option<Retry>,
    /// The callback asked to stop: the rest of the body was not read.
    pub stopped: bool,
    /// The body broke off (was cut short, turned malformed, or failed to
    /// read) after the errors handed out: they are real, but the body may
    /// have held more. (A scan hands errors out before it knows; a
    /// [`Report`](crate::Report) marks them
    /// [`incomplete`](VendorError::incomplete) afterwards.)
    pub incomplete: Option<ParseError>,
    /// What the response says besides its errors (as in
    /// [`Report::notes`](crate::Report::notes)): a `Retry-After` that could
    /// not be used as given, a delay cut to
    /// [`Options::max_retry_after`](crate::Options::max_retry_after).
    pub notes: Vec<Note>,
}

/// Reads a body held in memory, handing each error to `each` as it is found,
/// in body order, with the HTTP status set. `each` returns
/// [`ControlFlow::Break`] to stop reading there.
///
/// Unlike [`from_slice`](crate::from_slice), every error is handed out (no
/// [`max_errors`](crate::Limits::max_errors) cap: the caller keeps what it
/// wants; only errors a reader had to hold back, past `max_errors` of
/// them, are counted in [`Scanned::omitted`] instead), and errors found
/// before a break in the body are not marked incomplete
/// ([`Scanned::incomplete`] says it). The answer is otherwise the same,
/// `Err` included: `from_slice` is this scan keeping what it is handed.
///
/// ```
/// use std::ops::ControlFlow;
/// use vendor_errors::{Options, RetryClass};
///
/// // Stop at the first permanent error of a batch.
/// let body = br#"<response><Add status="556"/><Add status="10"/><Add status="556"/></response>"#;
/// let mut first_permanent = None;
/// let scanned = vendor_errors::scan_slice(body, &Options::new(), |e| {
///     if e.retry.class() == RetryClass::Permanent {
///         first_permanent = Some(e);
///         return ControlFlow::Break(());
///     }
///     ControlFlow::Continue(())
/// })?;
/// assert!(scanned.stopped);
/// assert_eq!(scanned.handed, 2);
/// assert_eq!(first_permanent.unwrap().code.to_string(), "10");
/// # Ok::<(), vendor_errors::ParseError>(())
/// ```
pub fn scan_slice(
    body: &[u8],
    opts: &Options,
    mut each: impl FnMut(VendorError) -> ControlFlow<()>,
) -> Result<Scanned, ParseError> {
    scan_slice_with(body, opts, &mut each)
}

/// Reads a body from a stream, handing each error to `each` as it is found;
/// see [`scan_slice`]. Once `each` asks to stop, nothing more is read from
/// `body`: a caller that stops at the first error of a large response does
/// not wait for the rest of it.
///
/// ```
/// use std::ops::ControlFlow;
/// use vendor_errors::Options;
///
/// let body = std::io::Cursor::new(r#"<response><Read status="0"/><Add status="10"/><Add status="11"/></response>"#);
/// let mut first = None;
/// let scanned = vendor_errors::scan_reader(body, &Options::new(), |e| {
///     first = Some(e);
///     ControlFlow::Break(())
/// })?;
/// assert_eq!((scanned.handed, scanned.stopped), (1, true));
/// assert_eq!(first.unwrap().command.as_deref(), Some("Add"));
/// # Ok::<(), vendor_errors::ParseError>(())
/// ```
pub fn scan_reader<R: BufRead>(
    body: R,
    opts: &Options,
    mut each: impl FnMut(VendorError) -> ControlFlow<()>,
) -> Result<Scanned, ParseError> {
    scan_reader_with(body, opts, &mut each)
}
