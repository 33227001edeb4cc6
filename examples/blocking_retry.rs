//! Blocking ureq with a retry loop on `Report::retry()`, against an
//! in-process HTTP/1.1 server (no network). `/orders` answers a SOAP
//! `Server` fault with 503, then a throttling 429 with `Retry-After: 1`,
//! then 200; `/cancel` answers a SOAP `Client` fault with 500. The loop
//! retries transient errors after a short back-off, waits as long as a
//! throttled error asks (capped by `Options::max_retry_after`), and stops on
//! permanent ones.
//!
//! ```text
//! cargo run --example blocking_retry --features http
//! ```
//!
//! `tests/examples.rs` runs it as a test.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use vendor_errors::{Options, Report, Retry};

const SERVER_FAULT: &str = r#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault>
<faultcode>s:Server</faultcode><faultstring>Order service temporarily unavailable</faultstring></s:Fault></s:Body></s:Envelope>"#;
const CLIENT_FAULT: &str = r#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault>
<faultcode>s:Client</faultcode><faultstring>Order 17 is already shipped</faultstring></s:Fault></s:Body></s:Envelope>"#;
const OK: &str = r#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><PlaceOrderResponse/></s:Body></s:Envelope>"#;

/// Sends `body` to `url` until the response reports no error, an error that
/// must not be retried, or `attempts` run out; returns the last report.
fn call(agent: &ureq::Agent, url: &str, body: &str, attempts: u32) -> Result<Report, Box<dyn std::error::Error>> {
    let mut attempt = 1;
    loop {
        let response = agent.post(url).header("Content-Type", "text/xml").send(body)?;
        // glue begins: response to decision.
        let (head, body) = response.into_parts();
        let report = vendor_errors::from_reader(BufReader::new(body.into_reader()), &Options::from_http_parts(&head))?;
        let wait = match report.retry() {
            None | Some(Retry::Permanent | Retry::Reauth) => return Ok(report),
            Some(retry) => retry.after().unwrap_or(Duration::from_millis(50) * 2u32.pow(attempt)),
        };
        // glue ends
        if attempt == attempts {
            return Ok(report);
        }
        println!("{url}: attempt {attempt}: {} -> retry in {wait:?}", report.errors[0]);
        std::thread::sleep(wait);
        attempt += 1;
    }
}

pub fn main() -> Result<(), Box<dyn std::error::Error>> {
    let orders = serve(vec![(503, "", SERVER_FAULT), (429, "Retry-After: 1\r\n", ""), (200, "", OK)])?;
    let cancel = serve(vec![(500, "", CLIENT_FAULT)])?;
    // ureq reports 4xx/5xx as errors by default; here the body says more.
    let agent: ureq::Agent = ureq::Agent::config_builder().http_status_as_error(false).build().into();

    let started = Instant::now();
    let report = call(&agent, &orders.0, "<PlaceOrder/>", 5)?;
    assert!(report.is_success());
    assert_eq!(orders.1.load(Ordering::SeqCst), 3);
    assert!(started.elapsed() >= Duration::from_secs(1), "Retry-After was honoured");
    println!("{}: success after 3 requests, {:?}", orders.0, started.elapsed());

    let report = call(&agent, &cancel.0, "<CancelOrder id='17'/>", 5)?;
    assert_eq!(report.retry(), Some(Retry::Permanent));
    assert_eq!(cancel.1.load(Ordering::SeqCst), 1);
    println!("{}: {} -> not retried", cancel.0, report.errors[0]);
    Ok(())
}

/// A scripted HTTP/1.1 server on 127.0.0.1: answers `(status, extra header
/// lines, body)` in turn (the last repeats). Returns its URL and request count.
fn serve(answers: Vec<(u16, &'static str, &'static str)>) -> std::io::Result<(String, Arc<AtomicUsize>)> {
    let listener = TcpListener::bind("127.0.0.1:0")?;
    let url = format!("http://{}/", listener.local_addr()?);
    let hits = Arc::new(AtomicUsize::new(0));
    let counted = Arc::clone(&hits);
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let n = counted.fetch_add(1, Ordering::SeqCst);
            let _ = answer(stream, answers[n.min(answers.len() - 1)]);
        }
    });
    Ok((url, hits))
}

fn answer(stream: TcpStream, (status, extra, body): (u16, &str, &str)) -> std::io::Result<()> {
    let mut read = BufReader::new(stream.try_clone()?);
    let mut length = 0;
    let mut line = String::new();
    while read.read_line(&mut line)? > 0 && !line.trim().is_empty() {
        if let Some((name, value)) = line.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse().unwrap_or(0);
        }
        line.clear();
    }
    read.read_exact(&mut vec![0; length])?;
    let mut stream = stream;
    write!(
        stream,
        "HTTP/1.1 {status} Scripted\r\nContent-Type: text/xml\r\n{extra}Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )?;
    stream.flush()
}
