//! [`Note`]: what a report says about the response besides its errors
//! (the `Retry-After` header when it could not be used as given, a delay
//! that was cut).

use std::fmt;
use std::time::Duration;

use crate::retry::RetryAfter;
use crate::text::collapse_whitespace;

/// Longest header value quoted in a note.
const QUOTED_VALUE_BYTES: usize = 64;

/// Something about the response that did not become an error but that a
/// caller (or its log) should know: in [`Report::notes`](crate::Report::notes), in the order found.
///
/// ```
/// use vendor_errors::{Note, Options};
///
/// let opts = Options::new().status(503).header("Retry-After", "soon");
/// let report = vendor_errors::from_slice(b"", &opts).unwrap();
/// assert_eq!(report.notes, [Note::RetryAfterUnparsable { value: "soon".into() }]);
/// assert_eq!(report.notes[0].to_string(), r#"Retry-After "soon" is neither delay-seconds nor an HTTP-date: ignored"#);
/// assert_eq!(report.retry().unwrap().after(), None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Note {
    /// The `Retry-After` header is neither delay-seconds nor an HTTP-date;
    /// it was ignored (the errors carry no delay from it).
    RetryAfterUnparsable {
        /// The value as given (at most 64 bytes of it, whitespace collapsed).
        value: String,
    },
    /// The `Retry-After` header is an HTTP-date in the past (measured
    /// against [`Options::now`](crate::Options::now)): it counts as "retry now", a delay of zero.
    /// Often a sign of a skewed clock on either side.
    RetryAfterInPast {
        /// The value as given (at most 64 bytes of it).
        value: String,
    },
    /// A delay header in milliseconds (`x-amz-retry-after`,
    /// `retry-after-ms`, `x-ms-retry-after-ms`) is not a number of
    /// milliseconds; it was ignored.
    DelayHeaderUnparsable {
        /// The header's name.
        header: String,
        /// The value as given (at most 64 bytes of it, whitespace collapsed).
        value: String,
    },
    /// A delay (from `Retry-After` or from the body) was longer than
    /// [`Options::max_retry_after`](crate::Options::max_retry_after) and was cut to it.
    DelayCapped {
        /// The longest delay asked for in the response.
        asked: Duration,
        /// The cap it was cut to.
        max: Duration,
    },
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Note::RetryAfterUnparsable { value } => {
                write!(f, "Retry-After {value:?} is neither delay-seconds nor an HTTP-date: ignored")
            }
            Note::RetryAfterInPast { value } => write!(f, "Retry-After {value:?} lies in the past: no wait"),
            Note::DelayHeaderUnparsable { header, value } => {
                write!(f, "{header} {value:?} is not a number of milliseconds: ignored")
            }
            Note::DelayCapped { asked, max } => {
                write!(f, "a delay of {}s was asked for and cut to {}s", asked.as_secs(), max.as_secs())
            }
        }
    }
}

/// What a `Retry-After` value (`read` as parsed) has to be noted for, if anything.
pub(crate) fn retry_after_note(value: &str, read: RetryAfter) -> Option<Note> {
    let quoted = || collapse_whitespace(value, QUOTED_VALUE_BYTES).text;
    match read {
        RetryAfter::Delay(_) => None,
        RetryAfter::InPast => Some(Note::RetryAfterInPast { value: quoted() }),
        RetryAfter::Unparsable => Some(Note::RetryAfterUnparsable { value: quoted() }),
    }
}

/// A delay header in milliseconds (`x-amz-retry-after`, `retry-after-ms`,
/// `x-ms-retry-after-ms`): `Err` with its note when it is not a number of
/// milliseconds (digits, with an optional fraction, as Azure's SDKs read it).
pub(crate) fn millis_header(header: &str, value: &str) -> Result<Duration, Note> {
    let (whole, fraction) = value.split_once('.').unwrap_or((value, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || !digits(whole) || !digits(fraction) {
        let value = collapse_whitespace(value, QUOTED_VALUE_BYTES).text;
        return Err(Note::DelayHeaderUnparsable { header: header.to_owned(), value });
    }
    // A fraction of a millisecond rounds up: never retry early.
    let millis = whole.parse::<u64>().unwrap_or(u64::MAX);
    let up = u64::from(fraction.bytes().any(|b| b != b'0'));
    Ok(Duration::from_millis(millis.saturating_add(up)))
}

#[cfg(test)]
mod tests {
    use std::time::SystemTime;

    use super::*;

    #[test]
    fn millisecond_delay_headers() {
        assert_eq!(millis_header("x-amz-retry-after", "1500"), Ok(Duration::from_millis(1500)));
        assert_eq!(millis_header("retry-after-ms", "0.5"), Ok(Duration::from_millis(1)));
        assert_eq!(millis_header("retry-after-ms", "20.000"), Ok(Duration::from_millis(20)));
        assert_eq!(millis_header("retry-after-ms", "99999999999999999999999"), Ok(Duration::from_millis(u64::MAX)));
        for bad in ["", "-5", "soon", ".5", "1.5.5", "1e3", "1 000"] {
            let note = millis_header("x-ms-retry-after-ms", bad).unwrap_err();
            assert_eq!(note, Note::DelayHeaderUnparsable { header: "x-ms-retry-after-ms".into(), value: bad.into() });
        }
    }

    #[test]
    fn retry_after_values_that_need_a_note() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(2_000_000_000);
        let retry_after_note = |value: &str, now: &SystemTime| retry_after_note(value, RetryAfter::parse(value, *now));
        let opts = now;
        assert_eq!(retry_after_note(" 120 ", &opts), None);
        assert_eq!(retry_after_note("Wed, 21 Oct 2099 07:28:00 GMT", &opts), None);
        assert_eq!(
            retry_after_note("Wed, 21 Oct 2015 07:28:00 GMT", &opts),
            Some(Note::RetryAfterInPast { value: "Wed, 21 Oct 2015 07:28:00 GMT".into() })
        );
        assert_eq!(retry_after_note("", &opts), Some(Note::RetryAfterUnparsable { value: String::new() }));
        assert_eq!(retry_after_note("-5", &opts), Some(Note::RetryAfterUnparsable { value: "-5".into() }));
        let long = "x".repeat(1000);
        let Some(Note::RetryAfterUnparsable { value }) = retry_after_note(&long, &opts) else { panic!() };
        assert!(value.len() <= QUOTED_VALUE_BYTES + 3);
    }
}
