//! What the HTTP response says besides the body: `Retry-After`. (The
//! fallback error for a status whose body holds none is
//! `crate::fallback`'s; what a status means for retrying is the retry
//! chain's: [`crate::retry`].)

use std::time::{Duration, SystemTime};

use crate::retry::RetryAfter;

/// Parses a `Retry-After` value: delta-seconds, or an HTTP-date measured
/// against `now` (a date in the past means no wait). `None` when malformed.
///
/// ```
/// use std::time::{Duration, SystemTime, UNIX_EPOCH};
/// use vendor_errors::http::parse_retry_after;
///
/// let now = UNIX_EPOCH + Duration::from_secs(784_111_777);
/// assert_eq!(parse_retry_after(" 120 ", now), Some(Duration::from_secs(120)));
/// assert_eq!(parse_retry_after("Sun, 06 Nov 1994 08:49:57 GMT", now), Some(Duration::from_secs(20)));
/// assert_eq!(parse_retry_after("soon", now), None);
/// ```
pub fn parse_retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    RetryAfter::parse(value, now).delay()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_in_the_past_is_zero() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(2_000_000_000);
        assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now), Some(Duration::ZERO));
    }
}
