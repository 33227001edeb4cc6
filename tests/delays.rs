//! Delays a caller can trust: every delay capped at `Options::max_retry_after`,
//! every `Retry-After` that could not be used noted; and the header and
//! buffer conveniences of `Options` and `from_bytes`.

use std::collections::HashMap;
use std::time::{Duration, SystemTime};

use vendor_errors::{Note, Options, Report, Retry};

fn secs(s: u64) -> Option<Duration> {
    Some(Duration::from_secs(s))
}

fn report(body: &[u8], opts: &Options) -> Report {
    vendor_errors::from_slice(body, opts).unwrap()
}

const EWS_BACKOFF: &str = include_str!("../fixtures/ews/fault-server-busy-backoff.xml");

#[test]
fn a_huge_delta_seconds_retry_after_is_capped_at_an_hour_and_noted() {
    let r = report(b"", &Options::new().status(503).header("Retry-After", "99999999999"));
    assert_eq!(r.retry(), Some(Retry::Transient { after: secs(3600) }));
    assert_eq!(r.errors[0].retry_after(), secs(3600));
    assert_eq!(
        r.notes,
        [Note::DelayCapped { asked: Duration::from_secs(99_999_999_999), max: Duration::from_secs(3600) }]
    );
    assert_eq!(r.notes[0].to_string(), "a delay of 99999999999s was asked for and cut to 3600s");
}

#[test]
fn a_far_http_date_is_capped() {
    let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_764_000_000);
    let opts = Options::new().status(429).now(now).header("Retry-After", "Wed, 21 Oct 2099 07:28:00 GMT");
    let r = report(b"", &opts);
    assert_eq!(r.retry(), Some(Retry::Throttled { after: secs(3600) }));
    assert!(matches!(r.notes[..], [Note::DelayCapped { .. }]));
}

#[test]
fn a_back_off_in_the_body_is_capped_too() {
    let body = EWS_BACKOFF.replace("297749", "86400000");
    let r = report(body.as_bytes(), &Options::new().status(500));
    assert_eq!(r.retry(), Some(Retry::Throttled { after: secs(3600) }));
    assert_eq!(r.notes, [Note::DelayCapped { asked: Duration::from_secs(86_400), max: Duration::from_secs(3600) }]);
    // Within the cap: untouched, nothing noted.
    let r = report(EWS_BACKOFF.as_bytes(), &Options::new().status(500));
    assert_eq!(r.retry(), Some(Retry::Throttled { after: secs(298) }));
    assert!(r.notes.is_empty());
}

#[test]
fn the_cap_is_configurable_rounded_up_and_can_be_lifted() {
    let opts = Options::new().status(503).header("Retry-After", "7200");
    let r = report(b"", &opts.clone().max_retry_after(Duration::from_millis(59_001)));
    assert_eq!(r.retry(), Some(Retry::Transient { after: secs(60) }));
    let r = report(b"", &opts.clone().max_retry_after(Duration::MAX));
    assert_eq!(r.retry(), Some(Retry::Transient { after: secs(7200) }));
    assert!(r.notes.is_empty());
    let r = report(b"", &opts.max_retry_after(Duration::ZERO));
    assert_eq!(r.retry(), Some(Retry::Transient { after: secs(0) }));
}

#[test]
fn omitted_errors_delays_are_capped() {
    // An OpenAir error that waits (status 1) past max_errors.
    let mut limits = vendor_errors::Limits::default();
    limits.max_errors = 1;
    let body = br#"<response><Read status="556"/><Add status="1"/></response>"#;
    let opts = Options::new().limits(limits).header("Retry-After", "100000");
    let r = report(body, &opts);
    assert_eq!(r.omitted, 1);
    assert_eq!(r.omitted_retry.and_then(Retry::after), secs(3600));
}

#[test]
fn an_unparsable_retry_after_is_noted_not_dropped() {
    let r = report(b"", &Options::new().status(503).header("Retry-After", "in a minute"));
    assert_eq!(r.retry(), Some(Retry::Transient { after: None }));
    assert_eq!(r.notes, [Note::RetryAfterUnparsable { value: "in a minute".into() }]);
}

#[test]
fn a_retry_after_in_the_past_is_noted_and_means_now() {
    let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_764_000_000);
    let opts = Options::new().status(503).now(now).header("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT");
    let r = report(b"", &opts);
    assert_eq!(r.retry(), Some(Retry::Transient { after: secs(0) }));
    assert_eq!(r.notes, [Note::RetryAfterInPast { value: "Wed, 21 Oct 2015 07:28:00 GMT".into() }]);
}

#[test]
fn notes_are_made_on_success_reports_too() {
    let r = report(b"<ok/>", &Options::new().status(200).header("Retry-After", "?"));
    assert!(r.is_success());
    assert_eq!(r.notes.len(), 1);
}

#[test]
fn headers_from_any_pairs() {
    let map: HashMap<String, String> = [("Retry-After".to_owned(), "5".to_owned())].into();
    let r = report(b"", &Options::new().status(503).headers(&map));
    assert_eq!(r.retry(), Some(Retry::Transient { after: secs(5) }));
    let bytes: [(&str, &[u8]); 2] = [("content-type", b"text/xml; charset=iso-8859-1"), ("retry-after", b" 9 ")];
    let body = b"<s:Envelope xmlns:s='http://schemas.xmlsoap.org/soap/envelope/'><s:Body><s:Fault><faultcode>s:Server</faultcode><faultstring>caf\xe9</faultstring></s:Fault></s:Body></s:Envelope>";
    let r = report(body, &Options::new().status(500).headers(bytes));
    assert_eq!(r.errors[0].message, "café");
    assert_eq!(r.retry(), Some(Retry::Transient { after: secs(9) }));
    // The first of a repeated header counts, whatever its case.
    let r = report(b"", &Options::new().status(503).headers([("RETRY-AFTER", "1"), ("retry-after", "2")]));
    assert_eq!(r.retry().unwrap().after(), secs(1));
}

#[test]
// The point is to pass each kind of buffer, owned and borrowed.
#[allow(clippy::unnecessary_to_owned, clippy::needless_borrows_for_generic_args)]
fn from_bytes_takes_any_buffer() {
    let body = b"<html><title>Bad Gateway</title></html>";
    let opts = Options::new().status(502);
    let expected = vendor_errors::from_slice(body, &opts);
    assert_eq!(vendor_errors::from_bytes(body.to_vec(), &opts), expected);
    assert_eq!(vendor_errors::from_bytes(bytes::Bytes::from_static(body), &opts), expected);
    assert_eq!(vendor_errors::from_bytes(&bytes::Bytes::from_static(body), &opts), expected);
    assert_eq!(vendor_errors::from_bytes(String::from_utf8(body.to_vec()).unwrap(), &opts), expected);
}

#[test]
fn debug_of_a_report_shows_its_public_fields_only() {
    let r = report(b"", &Options::new().status(503).header("Retry-After", "soon"));
    let debug = format!("{r:?}");
    assert!(debug.starts_with("Report { errors: ["), "{debug}");
    let top_level: Vec<&str> = ["errors: ", "omitted: ", "omitted_retry: ", "incomplete: ", "notes: "].to_vec();
    for field in &top_level {
        assert!(debug.contains(field), "{field} missing in {debug}");
    }
    // The fields after the errors are exactly the public ones, in order.
    let tail = &debug[debug.rfind("], omitted: ").unwrap()..];
    assert!(
        tail.starts_with("], omitted: 0, omitted_retry: None, incomplete: None, notes: [RetryAfterUnparsable"),
        "{tail}"
    );
}
