//! [`Report`]: the errors found in one body.

use crate::error::VendorError;

/// The outcome of reading a body that was understood: its errors in body
/// order (none for a success response).
///
/// ```
/// let report = vendor_errors::from_slice(b"<ok/>", &Default::default()).unwrap();
/// assert!(report.is_success());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Report {
    /// The errors, in body order; at most [`Limits::max_errors`](crate::Limits::max_errors).
    pub errors: Vec<VendorError>,
    /// Errors found past `max_errors`, counted but not kept.
    pub omitted: u64,
    /// A message a body without recognisable errors gave anyway (a JSON
    /// `message`), for the HTTP fallback.
    pub(crate) page_message: Option<String>,
}

impl Report {
    /// True when the body reports no error.
    pub fn is_success(&self) -> bool {
        self.errors.is_empty() && self.omitted == 0
    }

    /// Adds an error, or counts it once `max` are kept.
    pub(crate) fn push(&mut self, error: VendorError, max: usize) {
        if self.errors.len() < max {
            self.errors.push(error);
        } else {
            self.omitted += 1;
        }
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
