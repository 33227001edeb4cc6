//! Retry classification: what a caller may do about an error.
//!
//! Kept apart from parsing: parsers find codes, catalogs and the HTTP status
//! give them a [`RetryClass`], and [`Retry`] adds the delay a server asked for.

use std::fmt;
use std::str::FromStr;
use std::time::Duration;

use serde::{Deserialize, Serialize};

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
    pub const fn as_str(self) -> &'static str {
        match self {
            RetryClass::Permanent => "permanent",
            RetryClass::Transient => "transient",
            RetryClass::Throttled => "throttled",
            RetryClass::Reauth => "reauth",
        }
    }

    /// True for every class but [`RetryClass::Permanent`].
    pub const fn is_retryable(self) -> bool {
        !matches!(self, RetryClass::Permanent)
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
/// wait, the delay the server asked for (`Retry-After`) when it gave one.
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
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "class", rename_all = "lowercase")]
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
    pub const fn class(self) -> RetryClass {
        match self {
            Retry::Permanent => RetryClass::Permanent,
            Retry::Transient { .. } => RetryClass::Transient,
            Retry::Throttled { .. } => RetryClass::Throttled,
            Retry::Reauth => RetryClass::Reauth,
        }
    }

    /// True exactly when the class is not [`Retry::Permanent`].
    pub const fn retryable(self) -> bool {
        self.class().is_retryable()
    }

    /// The delay the server asked for, for the classes that wait.
    pub const fn after(self) -> Option<Duration> {
        match self {
            Retry::Transient { after } | Retry::Throttled { after } => after,
            Retry::Permanent | Retry::Reauth => None,
        }
    }

    /// The same class with `after` set, where the class waits; unchanged otherwise.
    #[must_use]
    pub const fn with_after(self, delay: Duration) -> Retry {
        match self {
            Retry::Transient { .. } => Retry::Transient { after: Some(delay) },
            Retry::Throttled { .. } => Retry::Throttled { after: Some(delay) },
            other => other,
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
        match self.after() {
            Some(d) => write!(f, "{} after {}s", self.class(), d.as_secs()),
            None => f.write_str(self.class().as_str()),
        }
    }
}
