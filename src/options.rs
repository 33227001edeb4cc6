//! [`Options`]: what a caller knows besides the body.

use std::borrow::Cow;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use crate::limits::Limits;
use crate::profile::Profile;
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
    pub(crate) content_encoding: Option<String>,
    /// The vendor headers a reader uses ([`VendorHeader`]), by their place in `VendorHeader::ALL`.
    pub(crate) vendor_headers: [Option<String>; VendorHeader::ALL.len()],
    pub(crate) limits: Limits,
    now: Option<SystemTime>,
    /// `None`: [`Options::DEFAULT_MAX_RETRY_AFTER`].
    max_retry_after: Option<Duration>,
    /// Vendor profiles, in the order given: tried before the built-in readers.
    profiles: Vec<Arc<Profile>>,
}

impl Options {
    /// The longest delay a report carries unless
    /// [`max_retry_after`](Self::max_retry_after) says otherwise: one hour.
    ///
    /// Why an hour: the longest back-off the supported vendors document is
    /// minutes (EWS `BackOffMilliseconds` is about five at most, Salesforce
    /// and Marketo rate limits reset within seconds to an hour); a longer
    /// `Retry-After` is a maintenance window, a clock error or a hostile
    /// server, and a caller that trusted it would hang a worker for days
    /// (`Retry-After: 99999999999`). Waiting an hour and asking again costs
    /// one request an hour at worst, and the next answer brings a fresh delay.
    pub const DEFAULT_MAX_RETRY_AFTER: Duration = Duration::from_secs(3600);

    /// Recognise the body, no HTTP context, default limits.
    ///
    /// ```
    /// let report = vendor_errors::from_slice(b"<ok/>", &vendor_errors::Options::new()).unwrap();
    /// assert!(report.is_success());
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// Read the body as this vendor's format (default: [`VendorHint::Auto`]).
    ///
    /// ```
    /// use vendor_errors::{Options, Vendor, VendorHint};
    /// // A SuperOffice method response: recognised by its method and code.
    /// let body = br#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>
    ///   <GetTicketResponse><errorCode>SoapErrorInvalidSessionKey</errorCode></GetTicketResponse></s:Body></s:Envelope>"#;
    /// let report = vendor_errors::from_slice(body, &Options::new().vendor(VendorHint::SuperOffice)).unwrap();
    /// assert_eq!(report.errors[0].vendor, Vendor::SuperOffice);
    /// ```
    #[must_use]
    pub fn vendor(mut self, hint: VendorHint) -> Self {
        self.vendor = hint;
        self
    }

    /// The HTTP status the body came with.
    ///
    /// ```
    /// use vendor_errors::{Options, RetryClass};
    /// let report = vendor_errors::from_slice(b"", &Options::new().status(429)).unwrap();
    /// assert_eq!(report.retry().map(|r| r.class()), Some(RetryClass::Throttled));
    /// ```
    #[must_use]
    pub fn status(mut self, status: u16) -> Self {
        self.status = Some(status);
        self
    }

    /// A response header. Names are case-insensitive; the first of a
    /// repeated header counts; values are trimmed, and a control character
    /// in one (which HTTP does not allow) is read as a space. These are
    /// used, others are ignored:
    ///
    /// - `Retry-After` (delta-seconds or HTTP-date), `Content-Type` (its
    ///   `charset`) and `Content-Encoding`, for every body;
    /// - delays in milliseconds: `x-amz-retry-after` (AWS),
    ///   `retry-after-ms` and `x-ms-retry-after-ms` (Azure). Each is a
    ///   server-given delay like `Retry-After`: the longest of them (and of
    ///   a vendor's back-off in the body) applies, cut to
    ///   [`max_retry_after`](Self::max_retry_after); one that is not a
    ///   number of milliseconds is ignored and noted
    ///   ([`Note::DelayHeaderUnparsable`](crate::Note::DelayHeaderUnparsable));
    /// - AWS: `x-amzn-ErrorType` (the error's code, for JSON protocols and
    ///   bodies without one), `x-amz-request-id` and `x-amz-id-2` (S3: an
    ///   `<Error>` document is AWS's);
    /// - Azure: `x-ms-error-code` (the error's code, the only one a `HEAD`
    ///   response carries) and `x-ms-request-id` (an `<Error>` document is
    ///   Azure Storage's).
    ///
    /// `Content-Encoding` (`gzip`, `x-gzip`, `deflate`) is decoded as the
    /// body is read, with the `gzip` feature (on with `cli`);
    /// [`Limits::max_body_bytes`](crate::Limits::max_body_bytes) bounds the
    /// bytes received and the bytes decoded alike.
    ///
    /// ```
    /// use vendor_errors::Options;
    /// let opts = Options::new().status(503).header("retry-after", "10").header("Retry-After", "99");
    /// let report = vendor_errors::from_slice(b"", &opts).unwrap();
    /// assert_eq!(report.retry().unwrap().after_secs(), Some(10));
    /// ```
    #[must_use]
    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.set_header(name, || Cow::Borrowed(value));
        self
    }

    /// Response headers, as any client lists them: `&str` or `String`
    /// pairs, an [`http::HeaderMap`](https://docs.rs/http/1/http/header/struct.HeaderMap.html)
    /// (`&HeaderName`, `&HeaderValue`), raw byte values. Each is applied as
    /// [`header`](Self::header) does (the first of a repeated name counts;
    /// `Content-Encoding` (gzip, deflate) is decoded as the body is read,
    /// with the `gzip` feature).
    ///
    /// A value that is not UTF-8 is decoded as ISO-8859-1 (Latin-1), as
    /// HTTP/1.1 historically allowed, and never dropped: a `Retry-After`
    /// that then does not parse is noted in the report
    /// ([`Note::RetryAfterUnparsable`](crate::Note::RetryAfterUnparsable)).
    ///
    /// ```
    /// use std::time::Duration;
    /// use vendor_errors::{Note, Options, Retry};
    ///
    /// let opts = Options::new().status(503).headers([("retry-after", "7"), ("x-request-id", "a1")]);
    /// let report = vendor_errors::from_slice(b"", &opts).unwrap();
    /// assert_eq!(report.retry(), Some(Retry::Transient { after: Some(Duration::from_secs(7)) }));
    ///
    /// // Byte values: a Latin-1 `Retry-After` is decoded, found wanting and noted.
    /// let raw: Vec<(String, Vec<u8>)> = vec![("Retry-After".into(), b"bient\xf4t".to_vec())];
    /// let report = vendor_errors::from_slice(b"", &Options::new().status(503).headers(raw)).unwrap();
    /// assert_eq!(report.notes, [Note::RetryAfterUnparsable { value: "bientôt".into() }]);
    /// ```
    #[must_use]
    pub fn headers<I, N, V>(mut self, headers: I) -> Self
    where
        I: IntoIterator<Item = (N, V)>,
        N: AsRef<str>,
        V: AsRef<[u8]>,
    {
        for (name, value) in headers {
            let value = value.as_ref();
            self.set_header(name.as_ref(), || match std::str::from_utf8(value) {
                Ok(text) => Cow::Borrowed(text),
                Err(_) => Cow::Owned(value.iter().map(|&b| char::from(b)).collect()),
            });
        }
        self
    }

    /// Keeps a header this crate uses, unless one of that name is kept already.
    fn set_header<'v>(&mut self, name: &str, value: impl FnOnce() -> Cow<'v, str>) {
        let slot = if name.trim().eq_ignore_ascii_case("retry-after") {
            &mut self.retry_after
        } else if name.trim().eq_ignore_ascii_case("content-type") {
            &mut self.content_type
        } else if name.trim().eq_ignore_ascii_case("content-encoding") {
            &mut self.content_encoding
        } else if let Some(at) = VendorHeader::ALL.iter().position(|h| name.trim().eq_ignore_ascii_case(h.name())) {
            &mut self.vendor_headers[at]
        } else {
            return;
        };
        if slot.is_none() {
            *slot = Some(field_value(&value()));
        }
    }

    /// The longest delay any error of a report may carry (default
    /// [`DEFAULT_MAX_RETRY_AFTER`](Self::DEFAULT_MAX_RETRY_AFTER), one
    /// hour): a longer `Retry-After`, or a longer back-off written in the
    /// body (EWS `BackOffMilliseconds`), is cut to it and the cut is noted
    /// ([`Note::DelayCapped`](crate::Note::DelayCapped)). Rounded up to
    /// whole seconds, like every delay. `Duration::MAX` turns the cap off.
    ///
    /// ```
    /// use std::time::Duration;
    /// use vendor_errors::{Note, Options, Retry};
    ///
    /// let opts = Options::new().status(429).header("Retry-After", "99999999999");
    /// let report = vendor_errors::from_slice(b"", &opts).unwrap();
    /// assert_eq!(report.retry(), Some(Retry::Throttled { after: Some(Duration::from_secs(3600)) }));
    /// assert!(matches!(report.notes[0], Note::DelayCapped { .. }));
    ///
    /// let opts = opts.max_retry_after(Duration::from_secs(60));
    /// let report = vendor_errors::from_slice(b"", &opts).unwrap();
    /// assert_eq!(report.retry(), Some(Retry::Throttled { after: Some(Duration::from_secs(60)) }));
    /// ```
    #[must_use]
    pub fn max_retry_after(mut self, max: Duration) -> Self {
        self.max_retry_after = Some(max);
        self
    }

    /// The cap on delays, in whole seconds (rounded up).
    pub(crate) fn delay_cap(&self) -> Duration {
        let max = self.max_retry_after.unwrap_or(Self::DEFAULT_MAX_RETRY_AFTER);
        Duration::from_secs(max.as_secs().saturating_add(u64::from(max.subsec_nanos() > 0)))
    }

    /// Replaces the default [`Limits`].
    ///
    /// ```
    /// use vendor_errors::{Limits, Options};
    /// let mut limits = Limits::default();
    /// limits.max_message_bytes = 8;
    /// let report = vendor_errors::from_slice(b"<html><title>Service Unavailable</title></html>", &Options::new().status(503).limits(limits)).unwrap();
    /// assert!(report.errors[0].truncated);
    /// ```
    #[must_use]
    pub fn limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// The clock an HTTP-date `Retry-After` is measured against (default: now).
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use vendor_errors::Options;
    /// let now = UNIX_EPOCH + Duration::from_secs(784_111_777); // Sun, 06 Nov 1994 08:49:37 GMT
    /// let opts = Options::new().status(503).now(now).header("Retry-After", "Sun, 06 Nov 1994 08:49:57 GMT");
    /// assert_eq!(vendor_errors::from_slice(b"", &opts).unwrap().retry().unwrap().after_secs(), Some(20));
    /// ```
    #[must_use]
    pub fn now(mut self, now: SystemTime) -> Self {
        self.now = Some(now);
        self
    }

    /// Teaches a vendor of your own (see [`profile`](crate::profile)).
    /// Repeatable: profiles are tried in the order given, before the
    /// built-in vendors. Takes a [`Profile`] or an `Arc<Profile>` (to share
    /// one profile between many options without copying it).
    ///
    /// ```
    /// use std::sync::Arc;
    /// use vendor_errors::{Options, Profile, RetryClass, VendorHint};
    /// use vendor_errors::profile::JsonSpec;
    ///
    /// let acme = Arc::new(Profile::builder("acme").json(JsonSpec::at("/acmeError").code("code")).build()?);
    /// let opts = Options::new().profile(Arc::clone(&acme)).vendor(acme.hint());
    /// let auto = Options::new().profile(Profile::builder("other").code("E1", RetryClass::Permanent).build()?);
    /// # let _ = (opts, auto);
    /// # Ok::<(), vendor_errors::ProfileError>(())
    /// ```
    #[must_use]
    pub fn profile(mut self, profile: impl Into<Arc<Profile>>) -> Self {
        self.profiles.push(profile.into());
        self
    }

    /// The profiles given, in order.
    pub(crate) fn profiles(&self) -> &[Arc<Profile>] {
        &self.profiles
    }

    /// The `Retry-After` value kept, as given (trimmed).
    pub(crate) fn retry_after_value(&self) -> Option<&str> {
        self.retry_after.as_deref()
    }

    /// A vendor header's value kept, as given (trimmed).
    pub(crate) fn vendor_header(&self, header: VendorHeader) -> Option<&str> {
        self.vendor_headers[header as usize].as_deref()
    }

    pub(crate) fn clock(&self) -> SystemTime {
        self.now.unwrap_or_else(SystemTime::now)
    }
}

/// A header value as RFC 9110 (section 5.5) has a recipient treat one
/// holding control characters, which a field value may not: each (NUL, CR
/// and LF among them; not HTAB) replaced by a space; then trimmed. A value
/// of nothing but them is empty, which no reader takes for a code.
fn field_value(value: &str) -> String {
    let is_ctl = |c: char| c.is_ascii_control() && c != '\t';
    if value.contains(is_ctl) { value.replace(is_ctl, " ").trim().to_owned() } else { value.trim().to_owned() }
}

/// A response header some vendor reader uses besides the three every body
/// uses (see [`Options::header`]). Kept as a fixed set of slots: no map of
/// every header a response carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum VendorHeader {
    /// AWS JSON protocols: the error's type (`ns#Name:extra`).
    AmznErrorType,
    /// AWS: a delay in milliseconds.
    AmzRetryAfter,
    /// S3: the request id.
    AmzRequestId,
    /// S3: the extended request id (host id).
    AmzId2,
    /// Azure Storage: the error's code.
    MsErrorCode,
    /// Azure: the request id.
    MsRequestId,
    /// Azure: a delay in milliseconds.
    RetryAfterMs,
    /// Azure: a delay in milliseconds.
    MsRetryAfterMs,
}

impl VendorHeader {
    /// Every header, in the order of the slots.
    pub(crate) const ALL: [VendorHeader; 8] = [
        VendorHeader::AmznErrorType,
        VendorHeader::AmzRetryAfter,
        VendorHeader::AmzRequestId,
        VendorHeader::AmzId2,
        VendorHeader::MsErrorCode,
        VendorHeader::MsRequestId,
        VendorHeader::RetryAfterMs,
        VendorHeader::MsRetryAfterMs,
    ];

    /// The delays in milliseconds among them.
    pub(crate) const DELAYS: [VendorHeader; 3] =
        [VendorHeader::AmzRetryAfter, VendorHeader::RetryAfterMs, VendorHeader::MsRetryAfterMs];

    /// The header's name as vendors write it.
    pub(crate) const fn name(self) -> &'static str {
        match self {
            VendorHeader::AmznErrorType => "x-amzn-ErrorType",
            VendorHeader::AmzRetryAfter => "x-amz-retry-after",
            VendorHeader::AmzRequestId => "x-amz-request-id",
            VendorHeader::AmzId2 => "x-amz-id-2",
            VendorHeader::MsErrorCode => "x-ms-error-code",
            VendorHeader::MsRequestId => "x-ms-request-id",
            VendorHeader::RetryAfterMs => "retry-after-ms",
            VendorHeader::MsRetryAfterMs => "x-ms-retry-after-ms",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::retry::RetryClass;

    #[test]
    fn keeps_the_first_vendor_header_of_each_name_trimmed() {
        let opts = Options::new()
            .header("X-AMZN-ERRORTYPE", " ThrottlingException ")
            .header("x-amzn-ErrorType", "Other")
            .headers([(" x-ms-error-code", "ServerBusy"), ("x-ms-retry-after-ms", "1500"), ("x-other", "1")]);
        assert_eq!(opts.vendor_header(VendorHeader::AmznErrorType), Some("ThrottlingException"));
        assert_eq!(opts.vendor_header(VendorHeader::MsErrorCode), Some("ServerBusy"));
        assert_eq!(opts.vendor_header(VendorHeader::MsRetryAfterMs), Some("1500"));
        assert_eq!(opts.vendor_header(VendorHeader::AmzRequestId), None);
        for (at, header) in VendorHeader::ALL.iter().enumerate() {
            assert_eq!(*header as usize, at, "{header:?} is in its slot");
        }
    }

    #[test]
    fn keeps_the_first_content_encoding_trimmed() {
        let opts = Options::new().header("content-encoding", " gzip ").header("Content-Encoding", "br");
        assert_eq!(opts.content_encoding.as_deref(), Some("gzip"));
        let opts =
            Options::new().headers([("X-Other", "1"), (" CONTENT-ENCODING", "deflate"), ("content-encoding", "gzip")]);
        assert_eq!(opts.content_encoding.as_deref(), Some("deflate"));
        assert_eq!(Options::new().header("Content-Type", "text/xml").content_encoding, None);
    }

    #[test]
    fn profiles_are_kept_in_order_and_shared() {
        let a = Arc::new(Profile::builder("opt-a").code("E1", RetryClass::Permanent).build().unwrap());
        let b = Profile::builder("opt-b").code("E1", RetryClass::Permanent).build().unwrap();
        let opts = Options::new().profile(Arc::clone(&a)).profile(b);
        let copy = opts.clone();
        let names: Vec<&str> = copy.profiles().iter().map(|p| p.name().as_str()).collect();
        assert_eq!(names, ["opt-a", "opt-b"]);
        assert!(Arc::ptr_eq(&copy.profiles()[0], &a));
    }
}
