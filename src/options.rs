//! [`Options`]: what a caller knows besides the body.

use std::time::SystemTime;

use crate::limits::Limits;
use crate::vendor::VendorHint;

/// The context of one body: the vendor hint, the HTTP status and headers it
/// came with, and the limits. All optional; `Options::default()` recognises
/// the body by itself.
///
/// ```
/// use std::time::Duration;
/// use vendor_errors::{Options, Retry, VendorHint};
///
/// let opts = Options::new()
///     .vendor(VendorHint::Soap)
///     .status(503)
///     .header("Retry-After", "120")
///     .header("Content-Type", "text/xml; charset=ISO-8859-1");
/// let report = vendor_errors::from_slice(b"", &opts).unwrap();
/// assert_eq!(report.errors[0].retry, Retry::Transient { after: Some(Duration::from_secs(120)) });
/// ```
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub(crate) vendor: VendorHint,
    pub(crate) status: Option<u16>,
    pub(crate) retry_after: Option<String>,
    pub(crate) content_type: Option<String>,
    pub(crate) limits: Limits,
    now: Option<SystemTime>,
}

impl Options {
    /// Recognise the body, no HTTP context, default limits.
    pub fn new() -> Self {
        Self::default()
    }

    /// Read the body as this vendor's format (default: [`VendorHint::Auto`]).
    #[must_use]
    pub fn vendor(mut self, hint: VendorHint) -> Self {
        self.vendor = hint;
        self
    }

    /// The HTTP status the body came with.
    #[must_use]
    pub fn status(mut self, status: u16) -> Self {
        self.status = Some(status);
        self
    }

    /// A response header. `Retry-After` (delta-seconds or HTTP-date) and
    /// `Content-Type` (its `charset`) are used; other headers are ignored.
    /// Names are case-insensitive; the first of a repeated header counts.
    #[must_use]
    pub fn header(mut self, name: &str, value: &str) -> Self {
        let slot = if name.trim().eq_ignore_ascii_case("retry-after") {
            &mut self.retry_after
        } else if name.trim().eq_ignore_ascii_case("content-type") {
            &mut self.content_type
        } else {
            return self;
        };
        if slot.is_none() {
            *slot = Some(value.trim().to_owned());
        }
        self
    }

    /// Replaces the default [`Limits`].
    #[must_use]
    pub fn limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// The clock an HTTP-date `Retry-After` is measured against (default: now).
    #[must_use]
    pub fn now(mut self, now: SystemTime) -> Self {
        self.now = Some(now);
        self
    }

    pub(crate) fn clock(&self) -> SystemTime {
        self.now.unwrap_or_else(SystemTime::now)
    }
}
