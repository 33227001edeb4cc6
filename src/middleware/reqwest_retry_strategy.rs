//! [`ReportRetryStrategy`]: reqwest-retry's `RetryTransientMiddleware`
//! deciding on the [`Report`] a [`ReportMiddleware`](super::ReportMiddleware) stored.

use reqwest::Response;
use reqwest_retry::{Retryable, RetryableStrategy, default_on_request_failure, default_on_request_success};

use super::report;
use crate::{Report, RetryClass};

/// A [`RetryableStrategy`] that decides on the [`Report`] stored by
/// [`ReportMiddleware`](super::ReportMiddleware) (transient and throttled: retry; permanent and
/// reauth: fatal), and on the status as reqwest-retry's default does when
/// there is none. See the [module docs](super#reqwest-retry-made-body-aware).
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
