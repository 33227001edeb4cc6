//! Retry classification: what a caller may do about an error, and who decides.
//!
//! Kept apart from parsing: readers find codes; [one ordered chain of
//! rules](#the-chain) turns what is known of an error (the body's own
//! verdict, the vendor's catalog, the protocol's code, the HTTP status) into
//! a [`RetryClass`], and [`Retry`] adds the delay a server asked for.
//!
//! # The chain
//!
//! Rules run in this order; the first that decides gives the class. Each
//! row is tested by name in this module's tests.
//!
//! | # | rule | decides when | class |
//! |---|---|---|---|
//! | 1 | the body's verdict | the body's structure says it (an OpenAir XML API request rejected as unparsable) | as stated (permanent) |
//! | 2 | the vendor's catalog | the vendor's code is in its catalog (OpenAir 2, Marketo 20023, Salto 1500), unless the row leaves the class to an error status that came with it (Salto 3102 wraps an IQ's error) | the row's class, argued in its catalog file |
//! | 3 | a status that speaks of retrying | the HTTP status is 401, 408, 429, 502, 503, 504 or 511 | 401, 511 reauth; 429 throttled; 408, 502, 503, 504 transient |
//! | 4 | the protocol's code | a SOAP fault code: `Client`/`Sender`, `VersionMismatch`, `MustUnderstand`, custom codes permanent; `Server`/`Receiver` (and `Server.*`) transient; WS-Security `FailedAuthentication`, `InvalidSecurityToken`, `MessageExpired` reauth | that class |
//! | 5 | the status's class | any other status of 400 or more | 5xx transient but 501, 505, 506, 508, 510; 4xx permanent |
//! | 6 | the default | nothing above decided (an unknown code, no status) | permanent |
//!
//! Why this order: a vendor's code (2) is the most precise statement there
//! is, and a vendor's documented rate-limit code stays throttled whatever
//! status carries it. A status (3) outranks only the generic SOAP codes (4):
//! SOAP 1.1 sends every fault with 500 and `Client` says only "your fault",
//! while 401 or 429 say what to do. Statuses that say only "error" (400,
//! 500, ...) never override a code (5).
//!
//! Then the delay, for the classes that wait (transient, throttled): the
//! longer of the response's `Retry-After` (or its delay headers in
//! milliseconds, `x-amz-retry-after`, `retry-after-ms`,
//! `x-ms-retry-after-ms`: the longest of them) and the vendor's own
//! back-off written in the body, in whole seconds rounded up, cut to
//! [`Options::max_retry_after`](crate::Options::max_retry_after) (the cut
//! is said in [`Report::notes`](crate::Report::notes)). The chain returns
//! the final decision, delay included. Permanent and reauth errors carry
//! no delay.
//!
//! For a whole response, [`Report::retry`](crate::Report::retry) combines
//! the errors' decisions with [`Retry::combine`].

mod after;
mod chain;

use std::fmt;
use std::str::FromStr;
use std::time::Duration;

use serde::{Deserialize, Serialize};

pub(crate) use after::{DelayCap, RetryAfter};
pub use chain::status_class;
pub(crate) use chain::{Evidence, decide};

/// The four retry classes, without data. Catalogs store these.
///
/// ```
/// use vendor_errors::RetryClass;
/// assert_eq!(RetryClass::Throttled.as_str(), "throttled");
/// assert!(RetryClass::Reauth.is_retryable());
/// assert!(!RetryClass::Permanent.is_retryable());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum RetryClass {
    /// Retrying the same request will fail the same way.
    Permanent,
    /// Retry as is, with backoff: the server or the path to it failed.
    Transient,
    /// Retry after a delay: a rate, concurrency or quota limit was hit.
    Throttled,
    /// Retry after re-authenticating or re-signing the request.
    Reauth,
}

impl RetryClass {
    /// The name used in JSON output and on the command line.
    ///
    /// ```
    /// assert_eq!(vendor_errors::RetryClass::Reauth.as_str(), "reauth");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            RetryClass::Permanent => "permanent",
            RetryClass::Transient => "transient",
            RetryClass::Throttled => "throttled",
            RetryClass::Reauth => "reauth",
        }
    }

    /// True for every class but [`RetryClass::Permanent`].
    ///
    /// ```
    /// use vendor_errors::RetryClass;
    /// assert!(RetryClass::Throttled.is_retryable() && !RetryClass::Permanent.is_retryable());
    /// ```
    pub const fn is_retryable(self) -> bool {
        !matches!(self, RetryClass::Permanent)
    }

    /// Does a decision of this class carry a delay (transient, throttled)?
    pub(crate) const fn waits(self) -> bool {
        matches!(self, RetryClass::Transient | RetryClass::Throttled)
    }

    /// How much a class holds a caller back: permanent (do not retry)
    /// outranks reauth (a new session first), which outranks throttled (wait),
    /// which outranks transient (retry with backoff).
    const fn restraint(self) -> u8 {
        match self {
            RetryClass::Transient => 0,
            RetryClass::Throttled => 1,
            RetryClass::Reauth => 2,
            RetryClass::Permanent => 3,
        }
    }
}

impl fmt::Display for RetryClass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A retry class name that is not one of the four.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown retry class {0:?} (expected permanent, transient, throttled or reauth)")]
pub struct UnknownRetryClass(pub String);

impl FromStr for RetryClass {
    type Err = UnknownRetryClass;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "permanent" => Ok(RetryClass::Permanent),
            "transient" => Ok(RetryClass::Transient),
            "throttled" => Ok(RetryClass::Throttled),
            "reauth" => Ok(RetryClass::Reauth),
            other => Err(UnknownRetryClass(other.to_owned())),
        }
    }
}

/// What a caller may do about one error: the class, and for the classes that
/// wait, the delay the server asked for (`Retry-After`, or the vendor's own
/// back-off) when it gave one.
///
/// Serializes as the CLI's JSON does: `{"retry": "throttled",
/// "retry_after_secs": 20}` (the delay in whole seconds, rounded up, only when known).
///
/// ```
/// use std::time::Duration;
/// use vendor_errors::{Retry, RetryClass};
///
/// let r = Retry::Throttled { after: Some(Duration::from_secs(20)) };
/// assert!(r.retryable());
/// assert_eq!(r.class(), RetryClass::Throttled);
/// assert_eq!(r.after(), Some(Duration::from_secs(20)));
/// assert!(!Retry::Permanent.retryable());
/// assert_eq!(serde_json::to_string(&r).unwrap(), r#"{"retry":"throttled","retry_after_secs":20}"#);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(into = "RetryWire", from = "RetryWire")]
#[non_exhaustive]
pub enum Retry {
    /// Do not retry.
    Permanent,
    /// Retry as is, with backoff; `after` is the server's `Retry-After`, if any.
    Transient {
        /// Delay the server asked for.
        after: Option<Duration>,
    },
    /// Retry after a delay; `after` is the server's `Retry-After`, if any.
    Throttled {
        /// Delay the server asked for.
        after: Option<Duration>,
    },
    /// Retry after re-authenticating (new session, token or signature).
    Reauth,
}

impl Retry {
    /// The class without the delay.
    ///
    /// ```
    /// use vendor_errors::{Retry, RetryClass};
    /// assert_eq!(Retry::Transient { after: None }.class(), RetryClass::Transient);
    /// ```
    pub const fn class(self) -> RetryClass {
        match self {
            Retry::Permanent => RetryClass::Permanent,
            Retry::Transient { .. } => RetryClass::Transient,
            Retry::Throttled { .. } => RetryClass::Throttled,
            Retry::Reauth => RetryClass::Reauth,
        }
    }

    /// True exactly when the class is not [`Retry::Permanent`].
    ///
    /// ```
    /// use vendor_errors::Retry;
    /// assert!(Retry::Reauth.retryable() && !Retry::Permanent.retryable());
    /// ```
    pub const fn retryable(self) -> bool {
        self.class().is_retryable()
    }

    /// The delay the server asked for, for the classes that wait.
    ///
    /// ```
    /// use std::time::Duration;
    /// use vendor_errors::Retry;
    /// assert_eq!(Retry::Throttled { after: Some(Duration::from_secs(5)) }.after(), Some(Duration::from_secs(5)));
    /// assert_eq!(Retry::Permanent.after(), None);
    /// ```
    pub const fn after(self) -> Option<Duration> {
        match self {
            Retry::Transient { after } | Retry::Throttled { after } => after,
            Retry::Permanent | Retry::Reauth => None,
        }
    }

    /// The same class with `after` set, where the class waits; unchanged otherwise.
    ///
    /// ```
    /// use std::time::Duration;
    /// use vendor_errors::Retry;
    /// let ten = Duration::from_secs(10);
    /// assert_eq!(Retry::Transient { after: None }.with_after(ten), Retry::Transient { after: Some(ten) });
    /// assert_eq!(Retry::Reauth.with_after(ten), Retry::Reauth);
    /// ```
    #[must_use]
    pub const fn with_after(self, delay: Duration) -> Retry {
        match self {
            Retry::Transient { .. } => Retry::Transient { after: Some(delay) },
            Retry::Throttled { .. } => Retry::Throttled { after: Some(delay) },
            other => other,
        }
    }
}

impl Retry {
    /// The decision for two errors of one response: the class that holds a
    /// caller back most (permanent, then reauth, then throttled, then
    /// transient) with the longer of the two known delays.
    ///
    /// ```
    /// use std::time::Duration;
    /// use vendor_errors::Retry;
    ///
    /// let wait = Retry::Transient { after: Some(Duration::from_secs(30)) };
    /// let throttled = Retry::Throttled { after: None };
    /// assert_eq!(wait.combine(throttled), Retry::Throttled { after: Some(Duration::from_secs(30)) });
    /// assert_eq!(wait.combine(Retry::Permanent), Retry::Permanent);
    /// ```
    #[must_use]
    pub fn combine(self, other: Retry) -> Retry {
        let class = if other.class().restraint() > self.class().restraint() { other.class() } else { self.class() };
        let retry = Retry::from(class);
        match self.after().max(other.after()) {
            Some(delay) => retry.with_after(delay),
            None => retry,
        }
    }

    /// The delay in whole seconds, rounded up: never retry early.
    ///
    /// ```
    /// use std::time::Duration;
    /// use vendor_errors::Retry;
    /// assert_eq!(Retry::Throttled { after: Some(Duration::from_millis(1_200)) }.after_secs(), Some(2));
    /// ```
    pub fn after_secs(self) -> Option<u64> {
        self.after().map(ceil_secs)
    }
}

/// `delay` in whole seconds, rounded up: a caller never retries early.
pub(crate) fn ceil_secs(delay: Duration) -> u64 {
    delay.as_secs() + u64::from(delay.subsec_nanos() > 0)
}

/// The wire form of [`Retry`]: the CLI's `retry` and `retry_after_secs` fields.
#[derive(Serialize, Deserialize)]
struct RetryWire {
    retry: RetryClass,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    retry_after_secs: Option<u64>,
}

impl From<Retry> for RetryWire {
    fn from(r: Retry) -> Self {
        RetryWire { retry: r.class(), retry_after_secs: r.after_secs() }
    }
}

impl From<RetryWire> for Retry {
    fn from(w: RetryWire) -> Self {
        let retry = Retry::from(w.retry);
        match w.retry_after_secs {
            Some(secs) => retry.with_after(Duration::from_secs(secs)),
            None => retry,
        }
    }
}

impl From<RetryClass> for Retry {
    fn from(class: RetryClass) -> Self {
        match class {
            RetryClass::Permanent => Retry::Permanent,
            RetryClass::Transient => Retry::Transient { after: None },
            RetryClass::Throttled => Retry::Throttled { after: None },
            RetryClass::Reauth => Retry::Reauth,
        }
    }
}

impl fmt::Display for Retry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.after_secs() {
            Some(secs) => write!(f, "{} after {secs}s", self.class()),
            None => f.write_str(self.class().as_str()),
        }
    }
}
