//! A body-aware retry stack for reqwest (feature `reqwest-middleware`):
//! [`ReportMiddleware`] reads the body of each response that can carry
//! errors and stores its [`Report`] in the response's extensions;
//! [`ReportRetryStrategy`] lets [`reqwest_retry`] decide on that report
//! instead of on the status alone.
//!
//! A status-only strategy retries a SOAP 1.1 `Client` fault (sent with 500,
//! like every SOAP 1.1 fault) although it can never succeed, and gives up on
//! an in-band "server busy" sent with 200. With these two:
//!
//! ```no_run
//! # async fn demo() -> Result<(), reqwest_middleware::Error> {
//! use reqwest_retry::{RetryTransientMiddleware, policies::ExponentialBackoff};
//! use vendor_errors::middleware::{ReportMiddleware, ReportRetryStrategy};
//!
//! let policy = ExponentialBackoff::builder().build_with_max_retries(3);
//! let client = reqwest_middleware::ClientBuilder::new(reqwest::Client::new())
//!     .with(RetryTransientMiddleware::new_with_policy_and_strategy(policy, ReportRetryStrategy))
//!     .with(ReportMiddleware::new())
//!     .build();
//!
//! let response = client.post("http://localhost:8080/soap").body("<Envelope/>").send().await?;
//! if let Some(report) = vendor_errors::middleware::report(&response) {
//!     for e in report {
//!         eprintln!("{e} ({})", e.retry);
//!     }
//! }
//! let body = response.text().await?; // the body is intact
//! # Ok(()) }
//! ```
//!
//! # Order: the retry middleware first
//!
//! Middlewares run in the order they are added, the first outermost. The
//! retry middleware goes first (outside), [`ReportMiddleware`] second
//! (inside, nearer the network): then every attempt's response passes
//! through `ReportMiddleware` on its way out, and reaches the retry
//! middleware with its report attached. Added the other way round,
//! `ReportMiddleware` would only see the final response, after the
//! retrying was done on the status alone (no report: [`ReportRetryStrategy`]
//! falls back to reqwest-retry's default).
//!
//! # What is decided how
//!
//! | report's [`Report::retry`] | [`Retryable`] |
//! |---|---|
//! | transient, throttled | `Transient`: retried with the policy's back-off |
//! | permanent | `Fatal` |
//! | reauth | `Fatal`: a new session or token is the caller's business; retrying as is fails the same way |
//! | `None` (the body reports no error) | `None`: a success |
//! | no report (a body not read: too long, a 2xx not asked for, a 2xx not understood) | reqwest-retry's `default_on_request_success` (the status) |
//! | an error instead of a response | reqwest-retry's `default_on_request_failure` |
//!
//! reqwest-retry waits as its policy says: it does not read `Retry-After`
//! nor the delay in a report (a throttled EWS fault's `BackOffMilliseconds`).
//! Where that delay matters, give the policy a long enough minimum, or
//! retry in your own loop on [`Report::retry`] (see the crate's
//! `examples/blocking_retry.rs`).

use ::http::Extensions;
use bytes::{Bytes, BytesMut};
use futures_util::StreamExt;
use reqwest::{Request, Response, ResponseBuilderExt};
use reqwest_middleware::{Middleware, Next};
use reqwest_retry::{Retryable, RetryableStrategy, default_on_request_failure, default_on_request_success};

use crate::{Options, Report, RetryClass};

/// Reads the body of every response that can carry errors — a status of
/// 400 or more, and, when [`read_success_bodies`](Self::read_success_bodies)
/// says so, a 2xx whose `Content-Type` is XML or JSON (in-band errors) —
/// up to [`max_body_bytes`](Self::max_body_bytes), normalizes it with the
/// response's status and headers, stores the [`Report`] in the response's
/// extensions, and hands back an equivalent response (status, version,
/// URL, headers, extensions, and the body, intact).
///
/// A body longer than the limit (by `Content-Length`, or found so while
/// reading) is passed on untouched and gets no report; so does a 2xx body
/// that is not understood. Place it after the retry middleware: see the
/// [module docs](self#order-the-retry-middleware-first).
///
/// ```
/// use vendor_errors::{Options, VendorHint};
/// use vendor_errors::middleware::ReportMiddleware;
///
/// let middleware = ReportMiddleware::new()
///     .options(Options::new().vendor(VendorHint::Ews))
///     .read_success_bodies(true)
///     .max_body_bytes(256 * 1024);
/// let client = reqwest_middleware::ClientBuilder::new(reqwest::Client::new()).with(middleware).build();
/// ```
#[derive(Debug, Clone)]
pub struct ReportMiddleware {
    opts: Options,
    max_body_bytes: usize,
    success_bodies: bool,
}

impl Default for ReportMiddleware {
    fn default() -> Self {
        ReportMiddleware { opts: Options::new(), max_body_bytes: Self::DEFAULT_MAX_BODY_BYTES, success_bodies: false }
    }
}

impl ReportMiddleware {
    /// The default body limit: 1 MiB (error bodies are a few KiB; SOAP
    /// batch responses with in-band errors rarely reach this).
    pub const DEFAULT_MAX_BODY_BYTES: usize = 1024 * 1024;

    /// Error statuses only, default options, bodies up to 1 MiB.
    ///
    /// ```
    /// let middleware = vendor_errors::middleware::ReportMiddleware::new();
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// The options bodies are read with: vendor hint, limits, delay cap,
    /// clock. The response's status and headers are added to them (set no
    /// headers here).
    ///
    /// ```
    /// use vendor_errors::{Options, VendorHint};
    /// let middleware = vendor_errors::middleware::ReportMiddleware::new().options(Options::new().vendor(VendorHint::Salesforce));
    /// ```
    #[must_use]
    pub fn options(mut self, opts: Options) -> Self {
        self.opts = opts;
        self
    }

    /// The longest body read (default [`DEFAULT_MAX_BODY_BYTES`](Self::DEFAULT_MAX_BODY_BYTES)).
    ///
    /// ```
    /// let middleware = vendor_errors::middleware::ReportMiddleware::new().max_body_bytes(64 * 1024);
    /// ```
    #[must_use]
    pub fn max_body_bytes(mut self, max: usize) -> Self {
        self.max_body_bytes = max;
        self
    }

    /// Also read 2xx bodies whose `Content-Type` names XML or JSON (`text/xml`,
    /// `application/soap+xml`, `application/json`...): the APIs that report
    /// errors in a 200 (OpenAir, SuperOffice, Salesforce per-record results,
    /// EWS response messages). Default: false.
    ///
    /// ```
    /// let middleware = vendor_errors::middleware::ReportMiddleware::new().read_success_bodies(true);
    /// ```
    #[must_use]
    pub fn read_success_bodies(mut self, yes: bool) -> Self {
        self.success_bodies = yes;
        self
    }

    /// Whether this response's body is to be read.
    fn wants(&self, response: &Response) -> bool {
        let status = response.status();
        if status.as_u16() >= 400 {
            return true;
        }
        self.success_bodies
            && status.is_success()
            && response.headers().get(::http::header::CONTENT_TYPE).is_some_and(|v| {
                let v = v.as_bytes().to_ascii_lowercase();
                v.windows(3).any(|w| w == b"xml") || v.windows(4).any(|w| w == b"json")
            })
    }
}

#[async_trait::async_trait]
impl Middleware for ReportMiddleware {
    async fn handle(
        &self,
        req: Request,
        extensions: &mut Extensions,
        next: Next<'_>,
    ) -> reqwest_middleware::Result<Response> {
        let response = next.run(req, extensions).await?;
        if !self.wants(&response) || response.content_length().is_some_and(|n| n > self.max_body_bytes as u64) {
            return Ok(response);
        }
        let opts = self.opts.clone().status(response.status().as_u16()).headers(response.headers());
        let (mut parts, ()) = ::http::Response::builder()
            .status(response.status())
            .version(response.version())
            .url(response.url().clone())
            .body(())
            .map_err(reqwest_middleware::Error::middleware)?
            .into_parts();
        parts.headers = response.headers().clone();
        parts.extensions.extend(response.extensions().clone());

        let mut stream = response.bytes_stream();
        let mut body = BytesMut::new();
        while let Some(chunk) = stream.next().await {
            let chunk = chunk?;
            if body.len() + chunk.len() > self.max_body_bytes {
                // Too long to read here: on, untouched, without a report.
                let read = [Ok(body.freeze()), Ok(chunk)];
                let rest = futures_util::stream::iter(read).chain(stream);
                let response = ::http::Response::from_parts(parts, reqwest::Body::wrap_stream(rest));
                return Ok(Response::from(response));
            }
            body.extend_from_slice(&chunk);
        }
        let body: Bytes = body.freeze();
        if let Ok(report) = crate::from_slice(&body, &opts) {
            parts.extensions.insert(report);
        }
        Ok(Response::from(::http::Response::from_parts(parts, body)))
    }
}

/// The [`Report`] [`ReportMiddleware`] stored in a response, if it read its body.
///
/// ```
/// let response = reqwest::Response::from(http::Response::new(""));
/// assert!(vendor_errors::middleware::report(&response).is_none());
/// ```
pub fn report(response: &Response) -> Option<&Report> {
    response.extensions().get::<Report>()
}

/// A [`RetryableStrategy`] that decides on the [`Report`] stored by
/// [`ReportMiddleware`] (transient and throttled: retry; permanent and
/// reauth: fatal), and on the status as reqwest-retry's default does when
/// there is none. See the [module docs](self#what-is-decided-how).
///
/// ```
/// use reqwest_retry::{RetryTransientMiddleware, policies::ExponentialBackoff};
/// use vendor_errors::middleware::ReportRetryStrategy;
///
/// let policy = ExponentialBackoff::builder().build_with_max_retries(3);
/// let retry = RetryTransientMiddleware::new_with_policy_and_strategy(policy, ReportRetryStrategy);
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct ReportRetryStrategy;

impl RetryableStrategy for ReportRetryStrategy {
    fn handle(&self, res: &Result<Response, reqwest_middleware::Error>) -> Option<Retryable> {
        match res {
            Ok(response) => match report(response) {
                Some(report) => retryable(report),
                None => default_on_request_success(response),
            },
            Err(error) => default_on_request_failure(error),
        }
    }
}

/// What reqwest-retry is to do about a report: `None` when nothing failed,
/// `Transient` for transient and throttled, `Fatal` for permanent and reauth.
///
/// ```
/// use reqwest_retry::Retryable;
/// use vendor_errors::Options;
///
/// let report = vendor_errors::from_slice(b"", &Options::new().status(503)).unwrap();
/// assert!(matches!(vendor_errors::middleware::retryable(&report), Some(Retryable::Transient)));
/// let report = vendor_errors::from_slice(b"", &Options::new().status(401)).unwrap();
/// assert!(matches!(vendor_errors::middleware::retryable(&report), Some(Retryable::Fatal)));
/// ```
pub fn retryable(report: &Report) -> Option<Retryable> {
    report.retry().map(|retry| match retry.class() {
        RetryClass::Transient | RetryClass::Throttled => Retryable::Transient,
        RetryClass::Permanent | RetryClass::Reauth => Retryable::Fatal,
    })
}
