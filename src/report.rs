//! [`Report`]: the errors found in one body, and the one decision for it.

use crate::emit::{Counted, Said, say_in_detail};
use crate::error::VendorError;
use crate::notes::Note;
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
    ///
    /// // A JSON `errors` array cut inside its second entry: the first, complete, is kept.
    /// let body = br#"{"errors": [{"code": "E1", "message": "Name is required."}, {"code": "E2", "mess"#;
    /// let report = vendor_errors::from_slice(body, &Options::new().status(422)).unwrap();
    /// assert_eq!((report.errors.len(), report.errors[0].code.to_string()), (1, "E1".to_owned()));
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

/// Builds the [`Report`] of a read from what its scan hands out: at most
/// `max_errors` kept, the rest counted with their combined decision. Used
/// only by the `from_*` entry points; readers never see it.
#[derive(Debug)]
pub(crate) struct ReportBuilder {
    report: Report,
    max_errors: usize,
}

impl ReportBuilder {
    pub(crate) fn new(max_errors: usize) -> Self {
        ReportBuilder { report: Report::default(), max_errors }
    }

    /// Keeps an error, or counts it (and weighs its decision) once
    /// `max_errors` are kept.
    pub(crate) fn keep(&mut self, error: VendorError) {
        if self.report.errors.len() < self.max_errors {
            // Room for one first: most reports hold one error, and a first
            // block of four (1.4 KB) costs the allocator a large-chunk path.
            if self.report.errors.capacity() == 0 {
                self.report.errors.reserve_exact(1);
            }
            self.report.errors.push(error);
        } else {
            self.count(Counted { count: 1, retry: (!error.informational).then_some(error.retry) });
        }
    }

    /// Counts errors that were not handed out, with their combined decision.
    pub(crate) fn count(&mut self, counted: Counted) {
        let mut omitted = Counted { count: self.report.omitted, retry: self.report.omitted_retry };
        omitted.add(counted.count, counted.retry);
        (self.report.omitted, self.report.omitted_retry) = (omitted.count, omitted.retry);
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

    pub(crate) fn finish(self, notes: Vec<Note>) -> Report {
        Report { notes, ..self.report }
    }
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
        let mut out = ReportBuilder::new(10);
        out.keep(error(Retry::Transient { after: secs(90) }));
        out.keep(error(Retry::Throttled { after: secs(5) }));
        assert_eq!(out.finish(Vec::new()).retry(), Some(Retry::Throttled { after: secs(90) }));
    }

    #[test]
    fn informational_entries_need_no_action() {
        let mut info = error(Retry::Permanent);
        info.informational = true;
        let mut out = ReportBuilder::new(10);
        out.keep(info.clone());
        assert_eq!(out.finish(Vec::new()).retry(), None);
        let mut out = ReportBuilder::new(10);
        out.keep(info);
        out.keep(error(Retry::Reauth));
        assert_eq!(out.finish(Vec::new()).retry(), Some(Retry::Reauth));
    }

    #[test]
    fn omitted_errors_still_count() {
        let mut out = ReportBuilder::new(1);
        out.keep(error(Retry::Transient { after: None }));
        out.keep(error(Retry::Permanent));
        out.keep(error(Retry::Transient { after: None }));
        let report = out.finish(Vec::new());
        assert_eq!((report.errors.len(), report.omitted), (1, 2));
        assert_eq!(report.omitted_retry, Some(Retry::Permanent));
        assert_eq!(report.retry(), Some(Retry::Permanent));
    }
}
