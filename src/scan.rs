//! Early answers: each error handed to the caller as it is found, so that
//! reading can stop at the first error, or at the first permanent one,
//! without reading the rest of the body.
//!
//! [`from_slice`](crate::from_slice) and [`from_reader`](crate::from_reader)
//! are these scans with a callback that keeps every error in a
//! [`Report`](crate::Report).

use std::io::BufRead;
use std::ops::ControlFlow;

use crate::error::VendorError;
use crate::normalize::{scan_reader_with, scan_slice_with};
use crate::notes::Note;
use crate::options::Options;
use crate::parse_error::ParseError;
use crate::retry::Retry;

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
