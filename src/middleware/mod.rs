//! reqwest, body-aware (feature `reqwest-middleware`): a retry middleware
//! that waits what the server asks, a middleware that reads error bodies,
//! and one call that reads a `reqwest::Response` as it streams.
//!
//! A status-only retry retries a SOAP 1.1 `Client` fault (sent with 500,
//! like every SOAP 1.1 fault) although it can never succeed, gives up on an
//! in-band "server busy" sent with 200, and waits its own back-off where the
//! server said how long to wait (`Retry-After`, an EWS fault's
//! `BackOffMilliseconds`). These read the body first.
//!
//! - [`RetryMiddleware`]: retries on each attempt's [`Report`], and waits
//!   the delay the server asked for. Start here.
//! - [`from_response`]: a `reqwest::Response` to a [`Report`], its body
//!   streamed (bounded memory), for code that calls reqwest directly.
//! - [`ReportMiddleware`]: stores each error response's [`Report`] in its
//!   extensions (body intact); [`ReportRetryStrategy`] makes reqwest-retry's
//!   `RetryTransientMiddleware` decide on it (but not wait on it: see
//!   [below](#reqwest-retry-made-body-aware)).
//!
//! # The retry middleware
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! # let url = serve_once_then_ok("429 Too Many Requests", "Retry-After: 1\r\n").await;
//! use vendor_errors::middleware::{RetryMiddleware, attempts};
//!
//! let client = reqwest_middleware::ClientBuilder::new(reqwest::Client::new())
//!     .with(RetryMiddleware::new())
//!     .build();
//! let response = client.get(&url).send().await?;
//! // The 429 asked for one second: waited, then retried.
//! assert_eq!(response.status(), 200);
//! assert!(attempts(&response).unwrap().waited >= std::time::Duration::from_secs(1));
//! # Ok(()) }
//! # async fn serve_once_then_ok(status: &'static str, headers: &'static str) -> String {
//! #     use tokio::io::{AsyncReadExt, AsyncWriteExt};
//! #     let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
//! #     let url = format!("http://{}/", listener.local_addr().unwrap());
//! #     tokio::spawn(async move {
//! #         for answer in [(status, headers), ("200 OK", "")] {
//! #             let (mut stream, _) = listener.accept().await.unwrap();
//! #             let _ = stream.read(&mut [0; 4096]).await;
//! #             let head = format!("HTTP/1.1 {}\r\n{}Content-Length: 0\r\nConnection: close\r\n\r\n", answer.0, answer.1);
//! #             stream.write_all(head.as_bytes()).await.unwrap();
//! #         }
//! #     });
//! #     url
//! # }
//! ```
//!
//! Each attempt's response is read as [`ReportMiddleware`] reads it (error
//! statuses, and 2xx XML or JSON bodies when
//! [`read_success_bodies`](ReportMiddleware::read_success_bodies) is set on
//! the reader given with [`RetryMiddleware::reader`]); then the report's
//! [`retry`](Report::retry) decides:
//!
//! | the report says | the middleware |
//! |---|---|
//! | no error | returns the response |
//! | permanent | returns the response at once |
//! | reauth | calls the [`Reauthenticate`] hook, if one was given, and retries once with the request it updated; else returns the response |
//! | transient, with a delay (`Retry-After`, a delay header, the body's own back-off) | waits that delay, then retries |
//! | transient, no delay | waits the policy's back-off (exponential, 1 s to 30 s, by default), then retries |
//! | throttled, with a delay | waits that delay, then retries |
//! | throttled, no delay | waits the [throttle floor](RetryMiddleware::throttle_floor) (30 s by default), doubled for each throttled answer without a delay before it, then retries |
//!
//! A retry happens only while the policy allows one more (3 retries by
//! default) and the wait fits in what is left of the [total-wait
//! budget](RetryMiddleware::max_total_wait) (2 minutes by default); else the
//! response is returned as it is, its report in its extensions, so the
//! caller sees why (a `Retry-After: 3600` is returned at once, not waited
//! on). An error instead of a response (connection refused, timed out) is
//! retried with the policy's back-off when reqwest-retry would call it
//! transient. A request whose body cannot be cloned (a stream) is sent
//! once. [`attempts`] tells, on the final response, how many requests were
//! sent and how long was waited.
//!
//! # reqwest-retry made body-aware
//!
//! [`ReportRetryStrategy`] lets reqwest-retry's `RetryTransientMiddleware`
//! decide on the report [`ReportMiddleware`] stored:
//!
//! ```
//! use reqwest_retry::{RetryTransientMiddleware, policies::ExponentialBackoff};
//! use vendor_errors::middleware::{ReportMiddleware, ReportRetryStrategy};
//!
//! let policy = ExponentialBackoff::builder().build_with_max_retries(3);
//! let client = reqwest_middleware::ClientBuilder::new(reqwest::Client::new())
//!     .with(RetryTransientMiddleware::new_with_policy_and_strategy(policy, ReportRetryStrategy))
//!     .with(ReportMiddleware::new())
//!     .build();
//! ```
//!
//! Middlewares run in the order they are added, the first outermost: the
//! retry middleware first, [`ReportMiddleware`] second, so that every
//! attempt's response passes through `ReportMiddleware` and reaches the
//! retry middleware with its report attached. Added the other way round,
//! `ReportMiddleware` would only see the final response, after the retrying
//! was done on the status alone.
//!
//! | report's [`Report::retry`] | [`Retryable`](reqwest_retry::Retryable) |
//! |---|---|
//! | transient, throttled | `Transient`: retried with the policy's back-off |
//! | permanent | `Fatal` |
//! | reauth | `Fatal`: a new session or token is the caller's business; retrying as is fails the same way |
//! | `None` (the body reports no error) | `None`: a success |
//! | no report (a body not read: too long, a 2xx not asked for, a 2xx not understood) | reqwest-retry's `default_on_request_success` (the status) |
//! | an error instead of a response | reqwest-retry's `default_on_request_failure` |
//!
//! **reqwest-retry waits as its policy says**: it reads neither
//! `Retry-After` nor the delay in a report, so a throttled server is asked
//! again after the policy's back-off, however long it asked for. Where that
//! matters (it does wherever a server throttles), use [`RetryMiddleware`].

mod report_middleware;
mod reqwest_retry_strategy;
mod response;
mod retry_middleware;

pub use report_middleware::{ReportMiddleware, report};
pub use reqwest_retry_strategy::{ReportRetryStrategy, retryable};
pub use response::from_response;
pub use retry_middleware::{Attempts, Reauthenticate, RetryMiddleware, attempts};

#[cfg(doc)]
use crate::Report;
