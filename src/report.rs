//! [`Report`]: the errors found in one body, and the one decision for it.

use std::cell::Cell;
use std::ops::ControlFlow;
use std::rc::Rc;
use std::time::Duration;

use crate::error::VendorError;
use crate::notes::Note;
use crate::options::Options;
use crate::parse_error::ParseError;
use crate::retry::Retry;

/// The outcome of reading a body that was understood: its errors in body
/// order (none for a success response).
///
/// ```
/// let report = vendor_errors::from_slice(b"<ok/>", &Default::default()).unwrap();
/// assert!(report.is_success());
/// assert_eq!(report.retry(), None);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Report {
    /// The errors, in body order; at most [`Limits::max_errors`](crate::Limits::max_errors).
    pub errors: Vec<VendorError>,
    /// Errors found past `max_errors`, counted but not kept.
    pub omitted: u64,
    /// The combined decision of the omitted errors that are failures
    /// (see [`Report::retry`]); `None` when there are none.
    pub omitted_retry: Option<Retry>,
    /// Why the body could not be read to its end, when errors were reported
    /// anyway: the errors read before it broke off (salvaged), or the HTTP
    /// status's error for a body cut short or a read that failed. Every
    /// error of such a report is marked [`incomplete`](VendorError::incomplete).
    /// `None` for a body read whole.
    ///
    /// ```
    /// use vendor_errors::{Options, ParseError};
    ///
    /// // A fault whose body breaks off inside its detail.
    /// let body = br#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault>
    ///   <faultcode>s:Server</faultcode><faultstring>Timeout talking to database</faultstring>
    ///   <detail><trace>at db.query("#;
    /// let report = vendor_errors::from_slice(body, &Options::new()).unwrap();
    /// assert_eq!(report.errors[0].message, "Timeout talking to database");
    /// assert!(report.errors[0].incomplete);
    /// assert!(matches!(report.incomplete, Some(ParseError::Truncated { .. })));
    /// ```
    pub incomplete: Option<ParseError>,
    /// What the response says besides its errors and should not go unseen:
    /// a `Retry-After` that did not parse or lies in the past, a delay cut
    /// to [`Options::max_retry_after`](crate::Options::max_retry_after).
    pub notes: Vec<Note>,
}

impl Report {
    /// True when the body reports no error.
    ///
    /// ```
    /// use vendor_errors::Options;
    /// assert!(vendor_errors::from_slice(b"{}", &Options::new().status(200)).unwrap().is_success());
    /// assert!(!vendor_errors::from_slice(b"{}", &Options::new().status(500)).unwrap().is_success());
    /// ```
    pub fn is_success(&self) -> bool {
        self.errors.is_empty() && self.omitted == 0
    }

    /// The one action to take for this response: the class that holds a
    /// caller back most among its errors (permanent, then reauth, then
    /// throttled, then transient) with the longest delay any of them gives;
    /// `None` when nothing failed.
    ///
    /// Informational entries (a code that reports a state, such as
    /// Marketo's "stream at end") do not count: a report of only those
    /// needs no action. Errors omitted past
    /// [`max_errors`](crate::Limits::max_errors) count like kept ones: their
    /// decisions were combined as they were found.
    ///
    /// ```
    /// use std::time::Duration;
    /// use vendor_errors::{Options, Retry};
    ///
    /// // OpenAir: one command's session expired, another hit the rate limit.
    /// let body = br#"<response><Read status="556"/><Add status="2"/></response>"#;
    /// let report = vendor_errors::from_slice(body, &Options::new().header("Retry-After", "30")).unwrap();
    /// assert_eq!(report.retry(), Some(Retry::Reauth));
    ///
    /// let body = br#"<response><Read status="556"/><Add status="1"/></response>"#;
    /// let report = vendor_errors::from_slice(body, &Options::new().header("Retry-After", "30")).unwrap();
    /// assert_eq!(report.retry(), Some(Retry::Throttled { after: Some(Duration::from_secs(30)) }));
    /// ```
    pub fn retry(&self) -> Option<Retry> {
        self.errors
            .iter()
            .filter(|e| !e.informational)
            .map(|e| e.retry)
            .chain(self.omitted_retry)
            .reduce(Retry::combine)
    }
}

impl IntoIterator for Report {
    type Item = VendorError;
    type IntoIter = std::vec::IntoIter<VendorError>;
    fn into_iter(self) -> Self::IntoIter {
        self.errors.into_iter()
    }
}

impl<'a> IntoIterator for &'a Report {
    type Item = &'a VendorError;
    type IntoIter = std::slice::Iter<'a, VendorError>;
    fn into_iter(self) -> Self::IntoIter {
        self.errors.iter()
    }
}

/// What is done with each error a reader finds.
pub(crate) type Sink<'s> = &'s mut dyn FnMut(VendorError) -> ControlFlow<()>;

/// Where readers put the errors they find: kept in a report bounded by
/// `max_errors` (a reader's own buffer, and what `from_slice` builds), or
/// handed on as they are found (the scan that reads a body).
pub(crate) struct Collector<'s> {
    report: Report,
    max_errors: usize,
    /// A message a body without recognisable errors gave anyway (a JSON
    /// `message`), for the HTTP fallback.
    pub(crate) page_message: Option<String>,
    /// Where errors go as they are found, when they are not kept.
    sink: Option<Sink<'s>>,
    /// Set once the sink asked to stop: the cursor reading the body watches it.
    stop: Option<Rc<Cell<bool>>>,
    /// Errors handed to the sink.
    handed: u64,
    /// The HTTP status every error handed on came with.
    status: Option<u16>,
    /// Said at the end of every error's detail (what the body was wrapped in).
    note: Option<String>,
    max_detail: usize,
    /// The longest delay an error handed on may carry.
    max_delay: Option<Duration>,
    /// The longest delay that was cut to `max_delay`.
    longest_cut: Option<Duration>,
}

impl std::fmt::Debug for Collector<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Collector").field("report", &self.report).field("handed", &self.handed).finish()
    }
}

impl<'s> Collector<'s> {
    /// A collector that keeps up to `max_errors` errors.
    pub(crate) fn new(max_errors: usize) -> Self {
        Collector {
            report: Report::default(),
            max_errors,
            page_message: None,
            sink: None,
            stop: None,
            handed: 0,
            status: None,
            note: None,
            max_detail: 0,
            max_delay: None,
            longest_cut: None,
        }
    }

    /// A collector that hands every error to `sink` as it is found, with the
    /// response's status set on it and its delay cut to
    /// [`Options::max_retry_after`]; `stop` is raised when the sink asks to stop.
    pub(crate) fn streaming(sink: Sink<'s>, opts: &Options, stop: Option<Rc<Cell<bool>>>) -> Self {
        Collector {
            sink: Some(sink),
            status: opts.status,
            stop,
            max_detail: opts.limits.max_detail_bytes,
            max_delay: Some(opts.delay_cap()),
            ..Collector::new(0)
        }
    }

    /// What the response says besides its errors: its `Retry-After` when it
    /// could not be used as given, and a delay that was cut.
    pub(crate) fn notes(&self, opts: &Options) -> Vec<Note> {
        let mut notes: Vec<Note> =
            opts.retry_after_value().and_then(|v| crate::notes::retry_after_note(v, opts)).into_iter().collect();
        if let (Some(asked), Some(max)) = (self.longest_cut, self.max_delay) {
            notes.push(Note::DelayCapped { asked, max });
        }
        notes
    }

    /// The flag a cursor watches to stop reading, when the sink may stop.
    pub(crate) fn stop_flag(&self) -> Option<Rc<Cell<bool>>> {
        self.stop.clone()
    }

    /// Did the sink ask to stop?
    pub(crate) fn stopped(&self) -> bool {
        self.stop.as_ref().is_some_and(|s| s.get())
    }

    /// Says `note` at the end of the detail of every error found from now
    /// on; `None` stops saying it.
    pub(crate) fn note_on_each(&mut self, note: Option<String>) {
        self.note = note;
    }

    /// Keeps an error, or counts it (and weighs its decision) once
    /// `max_errors` are kept; or hands it on.
    pub(crate) fn push(&mut self, error: VendorError) {
        if self.sink.is_some() {
            self.hand_on(error);
            return;
        }
        if self.report.errors.len() < self.max_errors {
            self.report.errors.push(error);
        } else {
            self.report.omitted += 1;
            if !error.informational {
                self.weigh_omitted(error.retry);
            }
        }
    }

    /// Hands an error to the sink with the response's status, its delay
    /// cut and the note said; nothing once the sink asked to stop.
    fn hand_on(&mut self, mut error: VendorError) {
        if self.stopped() {
            return;
        }
        error.http_status = self.status;
        if let Some(max) = self.max_delay
            && let Some(after) = error.retry.after().filter(|after| *after > max)
        {
            self.longest_cut = self.longest_cut.max(Some(after));
            error.retry = error.retry.with_after(max);
        }
        if let Some(note) = &self.note {
            say_in_detail(&mut error, note, Said::After, self.max_detail);
        }
        self.handed += 1;
        if let Some(sink) = self.sink.as_mut()
            && sink(error).is_break()
            && let Some(stop) = &self.stop
        {
            stop.set(true);
        }
    }

    /// Combines an omitted failure's decision into `omitted_retry`.
    fn weigh_omitted(&mut self, retry: Retry) {
        self.report.omitted_retry = Some(self.report.omitted_retry.map_or(retry, |r| r.combine(retry)));
    }

    /// Adds what another collector gathered: its errors (kept or counted
    /// here), its omitted count and their decision.
    pub(crate) fn append(&mut self, other: Report) {
        for e in other.errors {
            self.push(e);
        }
        if self.sink.is_none() {
            self.report.omitted += other.omitted;
            if let Some(theirs) = other.omitted_retry {
                self.weigh_omitted(theirs);
            }
        }
    }

    /// Nothing found yet (kept, counted or handed on)?
    pub(crate) fn is_empty(&self) -> bool {
        self.report.is_success() && self.handed == 0
    }

    /// Errors handed on so far.
    pub(crate) fn handed(&self) -> u64 {
        self.handed
    }

    /// Marks every error kept (not those already marked) as read from a
    /// body that ended at `broke`, saying so at the head of its detail (cut
    /// at `max_detail` bytes).
    pub(crate) fn mark_incomplete(&mut self, broke: ParseError, max_detail: usize) {
        let said = broke.to_string();
        for e in self.report.errors.iter_mut().filter(|e| !e.incomplete) {
            e.incomplete = true;
            say_in_detail(e, &said, Said::Before, max_detail);
        }
        self.report.incomplete = Some(broke);
    }

    pub(crate) fn finish(self) -> Report {
        self.report
    }
}

/// Where [`say_in_detail`] puts its text.
#[derive(Clone, Copy)]
enum Said {
    Before,
    After,
}

/// Adds `text` to the error's detail, before or after what it says (`; `
/// between), whitespace folded and cut at `max` bytes.
fn say_in_detail(e: &mut VendorError, text: &str, at: Said, max: usize) {
    let said = match (e.detail.take(), at) {
        (None, _) => text.to_owned(),
        (Some(detail), Said::Before) => format!("{text}; {detail}"),
        (Some(detail), Said::After) => format!("{detail}; {text}"),
    };
    let kept = crate::text::collapse_whitespace(&said, max);
    e.detail = Some(kept.text);
    e.truncated |= kept.truncated;
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::vendor::{Code, Vendor};

    fn error(retry: Retry) -> VendorError {
        VendorError::new(Vendor::OpenAir, Code::Num(1), "m", retry)
    }

    fn secs(s: u64) -> Option<Duration> {
        Some(Duration::from_secs(s))
    }

    #[test]
    fn the_most_restrictive_class_with_the_longest_delay() {
        let mut out = Collector::new(10);
        out.push(error(Retry::Transient { after: secs(90) }));
        out.push(error(Retry::Throttled { after: secs(5) }));
        assert_eq!(out.finish().retry(), Some(Retry::Throttled { after: secs(90) }));
    }

    #[test]
    fn informational_entries_need_no_action() {
        let mut info = error(Retry::Permanent);
        info.informational = true;
        let mut out = Collector::new(10);
        out.push(info.clone());
        assert_eq!(out.finish().retry(), None);
        let mut out = Collector::new(10);
        out.push(info);
        out.push(error(Retry::Reauth));
        assert_eq!(out.finish().retry(), Some(Retry::Reauth));
    }

    #[test]
    fn omitted_errors_still_count() {
        let mut out = Collector::new(1);
        out.push(error(Retry::Transient { after: None }));
        out.push(error(Retry::Permanent));
        out.push(error(Retry::Transient { after: None }));
        let report = out.finish();
        assert_eq!((report.errors.len(), report.omitted), (1, 2));
        assert_eq!(report.omitted_retry, Some(Retry::Permanent));
        assert_eq!(report.retry(), Some(Retry::Permanent));
    }
}
