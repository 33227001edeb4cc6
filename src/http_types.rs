//! Types of the [`http`](https://docs.rs/http/1) crate in, a [`Report`] out
//! (feature `http`): for hyper, reqwest (`http::Response` conversions),
//! ureq 3, axum, tower and any other client or framework built on `http` 1.x.
//!
//! - [`Options::from_http_parts`]: the status and headers of a response head;
//! - [`Options::from_http_headers`]: the headers alone;
//! - [`from_response`]: a whole `http::Response<B>` whose body is bytes-like
//!   (`Bytes`, `Vec<u8>`, `String`, `&[u8]`).
//!
//! For a body that is a stream, build the options from the head and read
//! the body with [`from_reader`](crate::from_reader) (blocking) or
//! `from_async_reader` (feature `async-tokio`).
//!
//! ```
//! let response = http::Response::builder()
//!     .status(503)
//!     .header("Retry-After", "30")
//!     .body(bytes::Bytes::from_static(b"<html><title>Down for maintenance</title></html>"))
//!     .unwrap();
//! let report = vendor_errors::http_types::from_response(&response, &Default::default())?;
//! assert_eq!(report.errors[0].message, "Down for maintenance");
//! assert_eq!(report.retry().unwrap().after_secs(), Some(30));
//! # Ok::<(), vendor_errors::ParseError>(())
//! ```

use ::http::{HeaderMap, Response, response::Parts};

use crate::{Options, ParseError, Report};

impl Options {
    /// Options for a response with these headers (`Retry-After`,
    /// `Content-Type`; values that are not UTF-8 decoded as ISO-8859-1, as
    /// [`Options::headers`] does). Chain [`status`](Self::status),
    /// [`vendor`](Self::vendor)... to add to them.
    ///
    /// ```
    /// use http::HeaderMap;
    /// use vendor_errors::Options;
    ///
    /// let mut headers = HeaderMap::new();
    /// headers.insert("retry-after", "120".parse().unwrap());
    /// let opts = Options::from_http_headers(&headers).status(429);
    /// let report = vendor_errors::from_slice(b"", &opts).unwrap();
    /// assert_eq!(report.retry().unwrap().after_secs(), Some(120));
    /// ```
    #[cfg_attr(docsrs, doc(cfg(feature = "http")))]
    pub fn from_http_headers(headers: &HeaderMap) -> Options {
        Options::new().headers(headers)
    }

    /// Options for a response head: its status and its headers, in one
    /// call. The head of a streamed body: read the body with
    /// [`from_reader`](crate::from_reader) or `from_async_reader`.
    ///
    /// ```
    /// use vendor_errors::{Options, RetryClass, VendorHint};
    ///
    /// let response = http::Response::builder().status(401).body(()).unwrap();
    /// let (parts, ()) = response.into_parts();
    /// let opts = Options::from_http_parts(&parts).vendor(VendorHint::Soap);
    /// let report = vendor_errors::from_slice(b"", &opts).unwrap();
    /// assert_eq!(report.retry().map(|r| r.class()), Some(RetryClass::Reauth));
    /// ```
    #[cfg_attr(docsrs, doc(cfg(feature = "http")))]
    pub fn from_http_parts(parts: &Parts) -> Options {
        Options::new().status(parts.status.as_u16()).headers(&parts.headers)
    }
}

/// Reads an `http::Response` whose body is bytes-like (`Bytes`, `Vec<u8>`,
/// `String`, `&[u8]`...). Its status and headers are added to `opts`, which
/// gives the rest: the vendor hint, the limits, the delay cap, the clock.
/// (Headers set in `opts` itself come first: set none there.)
///
/// ```
/// use vendor_errors::{Options, RetryClass, Vendor, VendorHint};
///
/// let body = r#"<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>
///   <soap:Fault><faultcode>soap:Client</faultcode><faultstring>Invalid order id</faultstring></soap:Fault>
/// </soap:Body></soap:Envelope>"#;
/// let response = http::Response::builder().status(500).body(body).unwrap();
/// let report = vendor_errors::http_types::from_response(&response, &Options::new().vendor(VendorHint::Soap))?;
/// assert_eq!(report.errors[0].vendor, Vendor::Soap);
/// assert_eq!(report.retry().map(|r| r.class()), Some(RetryClass::Permanent)); // not retried despite the 500
/// # Ok::<(), vendor_errors::ParseError>(())
/// ```
pub fn from_response<B: AsRef<[u8]>>(response: &Response<B>, opts: &Options) -> Result<Report, ParseError> {
    let opts = opts.clone().status(response.status().as_u16()).headers(response.headers());
    crate::from_slice(response.body().as_ref(), &opts)
}

#[cfg(test)]
mod tests {
    use ::http::HeaderValue;

    use super::*;
    use crate::Note;

    #[test]
    fn non_utf8_header_values_are_decoded_as_latin1_not_dropped() {
        let mut headers = HeaderMap::new();
        headers.insert("retry-after", HeaderValue::from_bytes(b"d\xe8s que possible").unwrap());
        let opts = Options::from_http_headers(&headers).status(503);
        let report = crate::from_slice(b"", &opts).unwrap();
        assert_eq!(report.notes, [Note::RetryAfterUnparsable { value: "dès que possible".into() }]);
    }

    #[test]
    fn from_response_matches_from_slice_with_the_same_context() {
        let body = b"<html><title>Bad Gateway</title></html>".to_vec();
        let response = Response::builder().status(502).header("content-type", "text/html").body(body.clone()).unwrap();
        let expected = crate::from_slice(&body, &Options::new().status(502).header("Content-Type", "text/html"));
        assert_eq!(from_response(&response, &Options::new()), expected);
    }
}
