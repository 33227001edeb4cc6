//! What a SOAP client does with the answer: one decision per response.
//!
//! ```sh
//! cargo run --example retry_decision
//! ```

use std::time::Duration;

use vendor_errors::{Options, Retry};

/// What the caller should do next.
#[derive(Debug, PartialEq)]
enum Next {
    Done,
    RetryAfter(Duration),
    Reauthenticate,
    GiveUp(String),
}

fn decide(status: u16, retry_after: Option<&str>, body: &[u8]) -> Next {
    let mut opts = Options::new().status(status);
    if let Some(value) = retry_after {
        opts = opts.header("Retry-After", value);
    }
    let report = match vendor_errors::from_slice(body, &opts) {
        Ok(report) => report,
        // A 1xx-3xx response whose body cannot be read: treat as a failure of its own.
        Err(e) => return Next::GiveUp(format!("unreadable response: {e}")),
    };
    // One decision for the whole response: the most restrictive class among
    // its errors, with the longest delay any of them gives.
    match report.retry() {
        None => Next::Done,
        Some(Retry::Reauth) => Next::Reauthenticate,
        Some(retry) if retry.retryable() => Next::RetryAfter(retry.after().unwrap_or(Duration::from_secs(1))),
        Some(_) => Next::GiveUp(report.errors.first().map(ToString::to_string).unwrap_or_default()),
    }
}

fn main() {
    let marketo_rate_limit = br#"<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"><SOAP-ENV:Body><SOAP-ENV:Fault>
        <faultcode>SOAP-ENV:Client</faultcode><faultstring>20023 - Rate limit exceeded</faultstring>
        <detail><ns1:serviceException xmlns:ns1="http://www.marketo.com/mktows/"><name>mktServiceException</name><code>20023</code></ns1:serviceException></detail>
        </SOAP-ENV:Fault></SOAP-ENV:Body></SOAP-ENV:Envelope>"#;
    let openair_logged_out = br#"<response><Auth status="0"/><Read status="9"/></response>"#;
    let openair_ok = br#"<response><Auth status="0"/><Read status="0"><Project><id>1</id></Project></Read></response>"#;

    let cases: [(&str, u16, Option<&str>, &[u8]); 4] = [
        ("Marketo rate limit", 500, Some("20"), marketo_rate_limit),
        ("OpenAir session expired", 200, None, openair_logged_out),
        ("OpenAir success", 200, None, openair_ok),
        ("proxy page", 502, None, b"<html><title>502 Bad Gateway</title></html>"),
    ];
    for (name, status, retry_after, body) in cases {
        println!("{name}: {:?}", decide(status, retry_after, body));
    }
    assert_eq!(decide(500, Some("20"), marketo_rate_limit), Next::RetryAfter(Duration::from_secs(20)));
    assert_eq!(decide(200, None, openair_logged_out), Next::Reauthenticate);
    assert_eq!(decide(200, None, openair_ok), Next::Done);
}
