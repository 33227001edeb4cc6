//! The classification chain: what is known of an error, in, one [`Retry`]
//! out. The order of the rules and why is in the [module docs](super).

use std::time::Duration;

use super::{DelayCap, Retry, RetryClass, ceil_secs};
use crate::catalog;

/// What is known of one error when its class is decided.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Evidence<'a> {
    /// Rule 1: a class the body's structure states.
    pub(crate) stated: Option<RetryClass>,
    /// Rule 2: the class of the vendor's catalog row for the code.
    pub(crate) catalog: Option<RetryClass>,
    /// The row leaves the class to an error status when there is one.
    pub(crate) status_decides: bool,
    /// Rule 4: the class of the protocol's code (a SOAP fault code).
    pub(crate) protocol: Option<RetryClass>,
    /// Rules 3 and 5: the HTTP status the response came with.
    pub(crate) status: Option<u16>,
    /// The response's `Retry-After` (or its longest delay header in milliseconds).
    pub(crate) retry_after: Option<Duration>,
    /// The vendor's own back-off, written in the body.
    pub(crate) backoff: Option<Duration>,
    /// The longest delay a decision may carry.
    pub(crate) cap: Option<&'a DelayCap>,
}

impl Evidence<'_> {
    /// This evidence for a reading a cut body may have changed (its code,
    /// or its vendor, rests on parts after the break): the body's verdict
    /// is transient, the least final class, whatever the rest would say; a
    /// retry fetches the whole answer. Delays still apply.
    pub(crate) fn unsettled(self) -> Self {
        Evidence { stated: Some(RetryClass::Transient), ..self }
    }
}

/// One rule: a class, or no opinion.
type Rule = fn(&Evidence<'_>) -> Option<RetryClass>;

/// The rules, in the order they run (see the module docs' table).
const CHAIN: [(&str, Rule); 5] = [
    ("the body's verdict", |e| e.stated),
    ("the vendor's catalog", |e| {
        e.catalog.filter(|_| !(e.status_decides && e.status.and_then(status_class).is_some()))
    }),
    ("a status that speaks of retrying", |e| e.status.filter(|s| speaks_of_retrying(*s)).and_then(status_class)),
    ("the protocol's code", |e| e.protocol),
    ("the status's class", |e| e.status.and_then(status_class)),
];

/// Statuses that say what to do, not only that something failed.
fn speaks_of_retrying(status: u16) -> bool {
    matches!(status, 401 | 408 | 429 | 502 | 503 | 504 | 511)
}

/// Runs the chain: the class from the first rule that decides (permanent
/// when none does), then the delay for the classes that wait, cut to the
/// cap: the final decision.
pub(crate) fn decide(evidence: &Evidence<'_>) -> Retry {
    let class = CHAIN.iter().find_map(|(_, rule)| rule(evidence)).unwrap_or(RetryClass::Permanent);
    let retry = Retry::from(class);
    if !class.waits() {
        return retry;
    }
    match evidence.retry_after.max(evidence.backoff) {
        // Whole seconds, rounded up: never retry early, and the error reads
        // back from its JSON form unchanged.
        Some(delay) => {
            let asked = Duration::from_secs(ceil_secs(delay));
            retry.with_after(evidence.cap.map_or(asked, |cap| cap.apply(asked)))
        }
        None => retry,
    }
}

/// The retry class an HTTP error status gives by itself (the HTTP
/// catalog's; unlisted 5xx transient, unlisted 4xx permanent); `None` below 400.
///
/// ```
/// use vendor_errors::{RetryClass, retry::status_class};
/// assert_eq!(status_class(429), Some(RetryClass::Throttled));
/// assert_eq!(status_class(503), Some(RetryClass::Transient));
/// assert_eq!(status_class(401), Some(RetryClass::Reauth));
/// assert_eq!(status_class(404), Some(RetryClass::Permanent));
/// assert_eq!(status_class(200), None);
/// ```
pub fn status_class(status: u16) -> Option<RetryClass> {
    match status {
        400..=599 => Some(
            catalog::http::entry(status)
                .map_or(if status >= 500 { RetryClass::Transient } else { RetryClass::Permanent }, |e| e.retry),
        ),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use RetryClass::{Permanent, Reauth, Throttled, Transient};

    fn class(e: Evidence<'_>) -> RetryClass {
        decide(&e).class()
    }

    #[test]
    fn rules_run_in_the_documented_order() {
        let names: Vec<_> = CHAIN.iter().map(|(name, _)| *name).collect();
        assert_eq!(
            names,
            [
                "the body's verdict",
                "the vendor's catalog",
                "a status that speaks of retrying",
                "the protocol's code",
                "the status's class"
            ]
        );
    }

    #[test]
    fn row_1_the_bodys_verdict_beats_everything() {
        let e =
            Evidence { stated: Some(Permanent), catalog: Some(Transient), status: Some(503), ..Evidence::default() };
        assert_eq!(class(e), Permanent);
    }

    #[test]
    fn row_2_a_vendor_code_beats_the_status() {
        // Marketo 20023 (rate limit) sent with SOAP 1.1's 500, or even 503.
        for status in [None, Some(500), Some(503), Some(401)] {
            let e = Evidence { catalog: Some(Throttled), protocol: Some(Permanent), status, ..Evidence::default() };
            assert_eq!(class(e), Throttled, "{status:?}");
        }
    }

    #[test]
    fn row_2_a_code_that_wraps_another_failure_leaves_it_to_the_status() {
        // Salto 3102: the IQ's error, whose status the response carries.
        let iq = |status| Evidence { catalog: Some(Permanent), status_decides: true, status, ..Evidence::default() };
        assert_eq!(class(iq(Some(408))), Transient);
        assert_eq!(class(iq(Some(500))), Transient);
        assert_eq!(class(iq(Some(403))), Permanent);
        assert_eq!(class(iq(Some(200))), Permanent);
        assert_eq!(class(iq(None)), Permanent);
    }

    #[test]
    fn row_3_a_status_that_speaks_of_retrying_beats_a_generic_code() {
        let client = |status| Evidence { protocol: Some(Permanent), status: Some(status), ..Evidence::default() };
        assert_eq!(class(client(401)), Reauth);
        assert_eq!(class(client(511)), Reauth);
        assert_eq!(class(client(429)), Throttled);
        for status in [408, 502, 503, 504] {
            assert_eq!(class(client(status)), Transient, "{status}");
        }
    }

    #[test]
    fn row_4_the_protocols_code_beats_a_status_that_only_says_error() {
        // SOAP 1.1 sends every fault with 500.
        let fault = |protocol, status| Evidence { protocol: Some(protocol), status, ..Evidence::default() };
        assert_eq!(class(fault(Permanent, Some(500))), Permanent);
        assert_eq!(class(fault(Transient, Some(400))), Transient);
        assert_eq!(class(fault(Reauth, None)), Reauth);
    }

    #[test]
    fn row_5_the_status_decides_an_unknown_code() {
        let unknown = |status| Evidence { status: Some(status), ..Evidence::default() };
        assert_eq!(class(unknown(500)), Transient);
        assert_eq!(class(unknown(507)), Transient);
        assert_eq!(class(unknown(501)), Permanent);
        assert_eq!(class(unknown(400)), Permanent);
        assert_eq!(class(unknown(418)), Permanent);
    }

    #[test]
    fn row_6_permanent_by_default() {
        assert_eq!(class(Evidence::default()), Permanent);
        assert_eq!(class(Evidence { status: Some(200), ..Evidence::default() }), Permanent);
    }

    #[test]
    fn delay_goes_to_waiting_classes_the_longer_one() {
        let secs = |s| Some(Duration::from_secs(s));
        let e = Evidence { catalog: Some(Throttled), retry_after: secs(5), backoff: secs(298), ..Evidence::default() };
        assert_eq!(decide(&e), Retry::Throttled { after: secs(298) });
        let e = Evidence { protocol: Some(Transient), retry_after: secs(7), ..Evidence::default() };
        assert_eq!(decide(&e), Retry::Transient { after: secs(7) });
        let e = Evidence { protocol: Some(Permanent), retry_after: secs(7), ..Evidence::default() };
        assert_eq!(decide(&e), Retry::Permanent);
        let e = Evidence { status: Some(401), retry_after: secs(7), ..Evidence::default() };
        assert_eq!(decide(&e), Retry::Reauth);
        // EWS's 297 749 ms: 298 s, never early.
        let e =
            Evidence { catalog: Some(Throttled), backoff: Some(Duration::from_millis(297_749)), ..Evidence::default() };
        assert_eq!(decide(&e), Retry::Throttled { after: secs(298) });
    }
}
