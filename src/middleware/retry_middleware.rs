//! [`RetryMiddleware`]: retries on each attempt's [`Report`] and waits the
//! delay the server asked for. The table of what is decided how is in the
//! [module docs](super#the-retry-middleware).

use std::fmt;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use ::http::Extensions;
use reqwest::{Request, Response};
use reqwest_middleware::{Middleware, Next};
use reqwest_retry::policies::ExponentialBackoff;
use reqwest_retry::{RetryDecision, RetryPolicy, Retryable, default_on_request_failure};

use super::ReportMiddleware;
use crate::{Report, Retry};

/// A `reqwest_middleware::Middleware` that retries on what each response's
/// body says, and waits what the server asks: the delay in `Retry-After`,
/// in a delay header or in the body; for a throttled answer without one, a
/// floor that is never sub-second; all within a total-wait budget. See the
/// [module docs](super#the-retry-middleware) for what is decided how.
///
/// ```
/// use std::time::Duration;
/// use reqwest_retry::policies::ExponentialBackoff;
/// use vendor_errors::middleware::{ReportMiddleware, RetryMiddleware};
/// use vendor_errors::{Options, VendorHint};
///
/// let retry = RetryMiddleware::new()
///     .policy(ExponentialBackoff::builder().retry_bounds(Duration::from_millis(500), Duration::from_secs(10)).build_with_max_retries(5))
///     .reader(ReportMiddleware::new().options(Options::new().vendor(VendorHint::Ews)).read_success_bodies(true))
///     .throttle_floor(Duration::from_secs(60))
///     .max_total_wait(Duration::from_secs(300));
/// let client = reqwest_middleware::ClientBuilder::new(reqwest::Client::new()).with(retry).build();
/// ```
pub struct RetryMiddleware<P = ExponentialBackoff> {
    policy: P,
    reader: ReportMiddleware,
    throttle_floor: Duration,
    max_total_wait: Duration,
    reauth: Option<Arc<dyn Reauthenticate>>,
}

impl Default for RetryMiddleware {
    fn default() -> Self {
        RetryMiddleware {
            policy: ExponentialBackoff::builder()
                .retry_bounds(Duration::from_secs(1), Duration::from_secs(30))
                .build_with_max_retries(Self::DEFAULT_MAX_RETRIES),
            reader: ReportMiddleware::new(),
            throttle_floor: Self::DEFAULT_THROTTLE_FLOOR,
            max_total_wait: Self::DEFAULT_MAX_TOTAL_WAIT,
            reauth: None,
        }
    }
}

impl RetryMiddleware {
    /// Retries of the default policy: 3.
    pub const DEFAULT_MAX_RETRIES: u32 = 3;
    /// The default [throttle floor](Self::throttle_floor): 30 seconds.
    /// Throttling windows are counted in seconds to minutes (Marketo's is
    /// 20 s, per-minute quotas are common): a throttled server asked again
    /// within a second only spends another request of the quota.
    pub const DEFAULT_THROTTLE_FLOOR: Duration = Duration::from_secs(30);
    /// The default [total-wait budget](Self::max_total_wait): 2 minutes.
    pub const DEFAULT_MAX_TOTAL_WAIT: Duration = Duration::from_secs(120);

    /// The defaults: an exponential back-off of 1 s to 30 s (full jitter)
    /// for transient errors without a delay, at most
    /// [`DEFAULT_MAX_RETRIES`](Self::DEFAULT_MAX_RETRIES) retries, bodies
    /// read by [`ReportMiddleware::new`], a throttle floor of
    /// [`DEFAULT_THROTTLE_FLOOR`](Self::DEFAULT_THROTTLE_FLOOR), a budget of
    /// [`DEFAULT_MAX_TOTAL_WAIT`](Self::DEFAULT_MAX_TOTAL_WAIT), no
    /// reauthentication hook.
    ///
    /// ```
    /// let retry = vendor_errors::middleware::RetryMiddleware::new();
    /// ```
    pub fn new() -> Self {
        Self::default()
    }
}

impl<P> RetryMiddleware<P> {
    /// The policy that bounds the number of retries (every class counts)
    /// and gives the back-off of transient errors that came without a
    /// delay: any `retry_policies` policy, as reqwest-retry re-exports them
    /// (`reqwest_retry::policies::ExponentialBackoff`).
    ///
    /// ```
    /// use reqwest_retry::policies::ExponentialBackoff;
    /// let retry = vendor_errors::middleware::RetryMiddleware::new().policy(ExponentialBackoff::builder().build_with_max_retries(6));
    /// ```
    #[must_use]
    pub fn policy<Q>(self, policy: Q) -> RetryMiddleware<Q> {
        RetryMiddleware {
            policy,
            reader: self.reader,
            throttle_floor: self.throttle_floor,
            max_total_wait: self.max_total_wait,
            reauth: self.reauth,
        }
    }

    /// How each attempt's body is read: its options (vendor hint, limits),
    /// its body limit, whether 2xx bodies are read for in-band errors. A
    /// response that already carries a report (a [`ReportMiddleware`] added
    /// after this one) is not read again.
    ///
    /// ```
    /// use vendor_errors::middleware::{ReportMiddleware, RetryMiddleware};
    /// let retry = RetryMiddleware::new().reader(ReportMiddleware::new().read_success_bodies(true));
    /// ```
    #[must_use]
    pub fn reader(mut self, reader: ReportMiddleware) -> Self {
        self.reader = reader;
        self
    }

    /// The wait after a throttled answer that gave no delay (default
    /// [`DEFAULT_THROTTLE_FLOOR`](RetryMiddleware::DEFAULT_THROTTLE_FLOOR)),
    /// doubled for each such answer before it in the same call. Never less
    /// than one second: a smaller value is raised to it.
    ///
    /// ```
    /// use std::time::Duration;
    /// let retry = vendor_errors::middleware::RetryMiddleware::new().throttle_floor(Duration::from_secs(60));
    /// ```
    #[must_use]
    pub fn throttle_floor(mut self, floor: Duration) -> Self {
        self.throttle_floor = floor.max(Duration::from_secs(1));
        self
    }

    /// The most this middleware waits in all for one call (default
    /// [`DEFAULT_MAX_TOTAL_WAIT`](RetryMiddleware::DEFAULT_MAX_TOTAL_WAIT)).
    /// A wait that does not fit in what is left is not begun: the response
    /// is returned with its report.
    ///
    /// ```
    /// use std::time::Duration;
    /// let retry = vendor_errors::middleware::RetryMiddleware::new().max_total_wait(Duration::from_secs(600));
    /// ```
    #[must_use]
    pub fn max_total_wait(mut self, budget: Duration) -> Self {
        self.max_total_wait = budget;
        self
    }

    /// The hook called when a response's report says reauth (an expired
    /// session or token, a signature to redo): it refreshes the
    /// credentials and updates the request; the request is then sent once
    /// more. Without a hook, a reauth response is returned as it is.
    ///
    /// ```
    /// use vendor_errors::middleware::{Reauthenticate, RetryMiddleware};
    ///
    /// struct NewToken;
    ///
    /// #[async_trait::async_trait]
    /// impl Reauthenticate for NewToken {
    ///     async fn reauthenticate(&self, request: &mut reqwest::Request, _report: &vendor_errors::Report) -> reqwest_middleware::Result<()> {
    ///         let token = "fresh-token"; // fetched from the identity provider
    ///         request.headers_mut().insert("authorization", format!("Bearer {token}").parse().unwrap());
    ///         Ok(())
    ///     }
    /// }
    ///
    /// let retry = RetryMiddleware::new().on_reauth(NewToken);
    /// ```
    #[must_use]
    pub fn on_reauth(mut self, hook: impl Reauthenticate) -> Self {
        self.reauth = Some(Arc::new(hook));
        self
    }
}

impl<P> fmt::Debug for RetryMiddleware<P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RetryMiddleware")
            .field("reader", &self.reader)
            .field("throttle_floor", &self.throttle_floor)
            .field("max_total_wait", &self.max_total_wait)
            .field("reauth", &self.reauth.is_some())
            .finish_non_exhaustive()
    }
}

/// What [`RetryMiddleware`] calls when a response says reauth: refresh the
/// session, token or signature, and update `request` with it (a header, or
/// a SOAP header in the body). `Err` ends the call with that error.
/// See [`RetryMiddleware::on_reauth`] for an example.
#[async_trait::async_trait]
pub trait Reauthenticate: Send + Sync + 'static {
    /// Makes `request` fit to be sent again; `report` is the response's.
    async fn reauthenticate(&self, request: &mut Request, report: &Report) -> reqwest_middleware::Result<()>;
}

/// What [`RetryMiddleware`] did for a response: stored in the final
/// response's extensions, read with [`attempts`].
///
/// ```
/// let attempts = vendor_errors::middleware::Attempts::default();
/// assert_eq!((attempts.requests, attempts.waited), (0, std::time::Duration::ZERO));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Attempts {
    /// Requests sent, the first included.
    pub requests: u32,
    /// Time spent waiting between them (not the requests' own time).
    pub waited: Duration,
    /// Whether the [`Reauthenticate`] hook was called.
    pub reauthenticated: bool,
}

/// What [`RetryMiddleware`] did for this response, if it handled it.
///
/// ```
/// let response = reqwest::Response::from(http::Response::new(""));
/// assert!(vendor_errors::middleware::attempts(&response).is_none());
/// ```
pub fn attempts(response: &Response) -> Option<&Attempts> {
    response.extensions().get::<Attempts>()
}

/// The next step after one attempt.
enum Step {
    /// Hand this back to the caller.
    Done(reqwest_middleware::Result<Response>),
    /// Wait this long, then send the request again.
    Wait(Duration),
    /// Call the reauthentication hook with this report, then send again.
    Reauth(Report),
}

impl<P: RetryPolicy + Send + Sync + 'static> RetryMiddleware<P> {
    /// Decides on one attempt's outcome. `throttled` counts the throttled
    /// answers without a delay so far (for the floor's doubling).
    fn step(&self, outcome: reqwest_middleware::Result<Response>, state: &State, throttled: &mut u32) -> Step {
        let retry = match &outcome {
            Ok(response) => match response.extensions().get::<Report>() {
                Some(report) => report.retry(),
                // A body not read (too long, a 2xx not asked for): the
                // status and headers alone.
                None if response.status().as_u16() >= 400 => {
                    crate::from_slice(b"", &self.reader.options_for(response)).ok().and_then(|r| r.retry())
                }
                None => None,
            },
            Err(error) => match default_on_request_failure(error) {
                Some(Retryable::Transient) => Some(Retry::Transient { after: None }),
                _ => None,
            },
        };
        let wait = match retry {
            None | Some(Retry::Permanent) => return Step::Done(outcome),
            Some(Retry::Reauth) => {
                return match outcome {
                    Ok(response) if self.reauth.is_some() && !state.reauthenticated => {
                        let report = response.extensions().get::<Report>().cloned().unwrap_or_default();
                        Step::Reauth(report)
                    }
                    other => Step::Done(other),
                };
            }
            Some(Retry::Transient { after: Some(delay) } | Retry::Throttled { after: Some(delay) }) => Some(delay),
            Some(Retry::Throttled { after: None }) => {
                let doubled = self.throttle_floor.saturating_mul(1 << (*throttled).min(16));
                *throttled += 1;
                Some(doubled)
            }
            Some(Retry::Transient { after: None }) => None,
        };
        // The policy bounds the retries of every class, and gives the
        // back-off where the server gave no delay.
        let backoff = match self.policy.should_retry(state.started, state.retries) {
            RetryDecision::DoNotRetry => return Step::Done(outcome),
            RetryDecision::Retry { execute_after } => {
                execute_after.duration_since(SystemTime::now()).unwrap_or(Duration::ZERO)
            }
        };
        let wait = wait.unwrap_or(backoff);
        if state.waited.saturating_add(wait) > self.max_total_wait {
            return Step::Done(outcome);
        }
        Step::Wait(wait)
    }
}

/// One call's progress.
struct State {
    started: SystemTime,
    retries: u32,
    waited: Duration,
    reauthenticated: bool,
}

#[async_trait::async_trait]
impl<P: RetryPolicy + Send + Sync + 'static> Middleware for RetryMiddleware<P> {
    async fn handle(
        &self,
        req: Request,
        extensions: &mut Extensions,
        next: Next<'_>,
    ) -> reqwest_middleware::Result<Response> {
        let mut state =
            State { started: SystemTime::now(), retries: 0, waited: Duration::ZERO, reauthenticated: false };
        let mut throttled = 0;
        let mut req = req;
        loop {
            // The copy for the next attempt, taken before this one is sent;
            // a body that cannot be cloned (a stream) is sent once.
            let again = req.try_clone();
            let outcome = match next.clone().run(req, extensions).await {
                Ok(response) if response.extensions().get::<Report>().is_none() => self.reader.read(response).await,
                other => other,
            };
            let Some(mut again) = again else { return finish(outcome, &state) };
            match self.step(outcome, &state, &mut throttled) {
                Step::Done(outcome) => return finish(outcome, &state),
                Step::Wait(wait) => {
                    tokio::time::sleep(wait).await;
                    state.waited += wait;
                }
                Step::Reauth(report) => {
                    if let Some(hook) = &self.reauth {
                        hook.reauthenticate(&mut again, &report).await?;
                    }
                    state.reauthenticated = true;
                }
            }
            state.retries += 1;
            req = again;
        }
    }
}

/// The final outcome, with what was done recorded in a response's extensions.
fn finish(outcome: reqwest_middleware::Result<Response>, state: &State) -> reqwest_middleware::Result<Response> {
    outcome.map(|mut response| {
        let attempts =
            Attempts { requests: state.retries + 1, waited: state.waited, reauthenticated: state.reauthenticated };
        response.extensions_mut().insert(attempts);
        response
    })
}
