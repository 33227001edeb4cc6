//! [`ReportMiddleware`]: reads the body of a response that can carry
//! errors and stores its [`Report`] in the response's extensions.

use ::http::Extensions;
use bytes::{Bytes, BytesMut};
use futures_util::StreamExt;
use reqwest::{Request, Response, ResponseBuilderExt};
use reqwest_middleware::{Middleware, Next};

use crate::{Options, Report};

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
/// [module docs](super#reqwest-retry-made-body-aware). [`RetryMiddleware`](super::RetryMiddleware)
/// reads bodies the same way on its own: it needs no `ReportMiddleware`.
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
    pub(super) fn wants(&self, response: &Response) -> bool {
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
        self.read(response).await
    }
}

impl ReportMiddleware {
    /// Reads `response`'s body if it is [wanted](Self::wants) and within
    /// the limit, and hands back an equivalent response, with the report
    /// in its extensions when the body was understood.
    pub(super) async fn read(&self, response: Response) -> reqwest_middleware::Result<Response> {
        if !self.wants(&response) || response.content_length().is_some_and(|n| n > self.max_body_bytes as u64) {
            return Ok(response);
        }
        let opts = self.options_for(&response);
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

    /// The options for a response's body: these, with its status and headers.
    pub(super) fn options_for(&self, response: &Response) -> Options {
        self.opts.clone().status(response.status().as_u16()).headers(response.headers())
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
