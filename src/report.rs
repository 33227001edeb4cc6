//! [`Report`]: the errors found in one body, and the one decision for it.

use crate::error::VendorError;
use crate::notes::Note;
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

/// Where readers put the errors they find: the report under construction,
/// bounded by `max_errors`.
#[derive(Debug)]
pub(crate) struct Collector {
    report: Report,
    max_errors: usize,
    /// A message a body without recognisable errors gave anyway (a JSON
    /// `message`), for the HTTP fallback.
    pub(crate) page_message: Option<String>,
}

impl Collector {
    pub(crate) fn new(max_errors: usize) -> Self {
        Collector { report: Report::default(), max_errors, page_message: None }
    }

    /// Keeps an error, or counts it (and weighs its decision) once
    /// `max_errors` are kept.
    pub(crate) fn push(&mut self, error: VendorError) {
        if self.report.errors.len() < self.max_errors {
            self.report.errors.push(error);
        } else {
            self.report.omitted += 1;
            if !error.informational {
                self.weigh_omitted(error.retry);
            }
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
        self.report.omitted += other.omitted;
        if let Some(theirs) = other.omitted_retry {
            self.weigh_omitted(theirs);
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.report.is_success()
    }

    pub(crate) fn errors_mut(&mut self) -> &mut [VendorError] {
        &mut self.report.errors
    }

    pub(crate) fn finish(self) -> Report {
        self.report
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
