//! The delay side of a decision: the response's `Retry-After`, parsed once,
//! and the cap on delays with the longest one it cut.

use std::cell::Cell;
use std::time::{Duration, SystemTime};

use super::ceil_secs;

/// A `Retry-After` value, as read against a clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RetryAfter {
    /// Delta-seconds, or an HTTP-date still to come: wait this long
    /// (whole seconds, rounded up: never retry early).
    Delay(Duration),
    /// An HTTP-date in the past: no wait, and worth a note (a skewed clock).
    InPast,
    /// Neither delta-seconds nor an HTTP-date: ignored, and worth a note.
    Unparsable,
}

impl RetryAfter {
    pub(crate) fn parse(value: &str, now: SystemTime) -> Self {
        let value = value.trim();
        if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
            return RetryAfter::Delay(Duration::from_secs(value.parse().unwrap_or(u64::MAX)));
        }
        match httpdate::parse_http_date(value) {
            Err(_) => RetryAfter::Unparsable,
            Ok(date) => match date.duration_since(now) {
                Ok(wait) => RetryAfter::Delay(Duration::from_secs(ceil_secs(wait))),
                Err(_) => RetryAfter::InPast,
            },
        }
    }

    /// The wait it asks for: none for a date in the past, `None` when it
    /// did not parse.
    pub(crate) fn delay(self) -> Option<Duration> {
        match self {
            RetryAfter::Delay(delay) => Some(delay),
            RetryAfter::InPast => Some(Duration::ZERO),
            RetryAfter::Unparsable => None,
        }
    }
}

/// The longest delay a decision may carry
/// ([`Options::max_retry_after`](crate::Options::max_retry_after)), and the
/// longest asked for beyond it in one response, for its note.
#[derive(Debug)]
pub(crate) struct DelayCap {
    max: Duration,
    longest_cut: Cell<Option<Duration>>,
}

impl DelayCap {
    pub(crate) fn new(max: Duration) -> Self {
        DelayCap { max, longest_cut: Cell::new(None) }
    }

    /// `asked`, cut to the cap (the cut remembered).
    pub(crate) fn apply(&self, asked: Duration) -> Duration {
        if asked <= self.max {
            return asked;
        }
        self.longest_cut.set(self.longest_cut.get().max(Some(asked)));
        self.max
    }

    pub(crate) fn max(&self) -> Duration {
        self.max
    }

    /// The longest delay that was cut, if any was.
    pub(crate) fn longest_cut(&self) -> Option<Duration> {
        self.longest_cut.get()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_forms() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(784_111_777);
        assert_eq!(RetryAfter::parse(" 120 ", now), RetryAfter::Delay(Duration::from_secs(120)));
        assert_eq!(RetryAfter::parse("Sun, 06 Nov 1994 08:49:57 GMT", now), RetryAfter::Delay(Duration::from_secs(20)));
        assert_eq!(RetryAfter::parse("Sun, 06 Nov 1994 08:49:00 GMT", now), RetryAfter::InPast);
        assert_eq!(RetryAfter::parse("Sun, 06 Nov 1994 08:49:00 GMT", now).delay(), Some(Duration::ZERO));
        for bad in ["", "-5", "soon", "1.5"] {
            assert_eq!(RetryAfter::parse(bad, now), RetryAfter::Unparsable, "{bad}");
        }
        assert_eq!(RetryAfter::parse("99999999999999999999999", now), RetryAfter::Delay(Duration::from_secs(u64::MAX)));
    }

    #[test]
    fn the_cap_remembers_the_longest_cut() {
        let cap = DelayCap::new(Duration::from_secs(60));
        assert_eq!(cap.apply(Duration::from_secs(30)), Duration::from_secs(30));
        assert_eq!(cap.longest_cut(), None);
        assert_eq!(cap.apply(Duration::from_secs(600)), Duration::from_secs(60));
        assert_eq!(cap.apply(Duration::from_secs(90)), Duration::from_secs(60));
        assert_eq!(cap.longest_cut(), Some(Duration::from_secs(600)));
    }
}
