//! `RetryMiddleware` against a scripted loopback server: the waits between
//! requests are measured where the requests arrive, and must be at least
//! what the server asked for (and not much more), or the floor, or none.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use reqwest_middleware::ClientBuilder;
use reqwest_retry::policies::ExponentialBackoff;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;
use vendor_errors::middleware::{Attempts, Reauthenticate, ReportMiddleware, RetryMiddleware, attempts, report};
use vendor_errors::{Report, RetryClass};

/// Slack allowed above an asked-for wait: scheduling, a loopback request.
const TOLERANCE: Duration = Duration::from_millis(700);

const OK: &str = r#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><PlaceOrderResponse/></s:Body></s:Envelope>"#;

const CLIENT_FAULT: &str = r#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault>
<faultcode>s:Client</faultcode><faultstring>Invalid order id 'X-17'</faultstring></s:Fault></s:Body></s:Envelope>"#;

const SERVER_FAULT: &str = r#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault>
<faultcode>s:Server</faultcode><faultstring>Order service unavailable</faultstring></s:Fault></s:Body></s:Envelope>"#;

/// EWS throttling: the fault's detail asks for 1.2 s.
const EWS_SERVER_BUSY: &str = r#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault>
<faultcode xmlns:a="http://schemas.microsoft.com/exchange/services/2006/types">a:ErrorServerBusy</faultcode>
<faultstring xml:lang="en-US">The server cannot service this request right now. Try again later.</faultstring>
<detail><e:ResponseCode xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">ErrorServerBusy</e:ResponseCode>
<t:MessageXml xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types"><t:Value Name="BackOffMilliseconds">1200</t:Value></t:MessageXml>
</detail></s:Fault></s:Body></s:Envelope>"#;

/// Salesforce's API limit: throttled, no delay in the body.
const SALESFORCE_LIMIT: &str = r#"<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><soapenv:Fault>
<faultcode xmlns:sf="urn:fault.partner.soap.sforce.com">sf:REQUEST_LIMIT_EXCEEDED</faultcode>
<faultstring>REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded.</faultstring></soapenv:Fault></soapenv:Body></soapenv:Envelope>"#;

/// Salesforce: an expired session (reauth).
const SALESFORCE_SESSION: &str = r#"<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><soapenv:Fault>
<faultcode xmlns:sf="urn:fault.partner.soap.sforce.com">sf:INVALID_SESSION_ID</faultcode>
<faultstring>INVALID_SESSION_ID: Invalid Session ID found in SessionHeader</faultstring></soapenv:Fault></soapenv:Body></soapenv:Envelope>"#;

/// One scripted answer: status, extra header lines, body.
type Answer = (u16, &'static str, &'static str);

/// A loopback server answering its script in turn (the last answer
/// repeats), one request per connection, recording when each request
/// arrived and its head.
struct Script {
    url: String,
    seen: Arc<Mutex<Vec<(Instant, String)>>>,
}

impl Script {
    async fn start(answers: Vec<Answer>) -> Script {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/orders", listener.local_addr().unwrap());
        let seen = Arc::new(Mutex::new(Vec::new()));
        let log = Arc::clone(&seen);
        tokio::spawn(async move {
            let mut n = 0;
            while let Ok((stream, _)) = listener.accept().await {
                let (read, mut write) = stream.into_split();
                let mut read = BufReader::new(read);
                let (mut head, mut line, mut length) = (String::new(), String::new(), 0);
                loop {
                    line.clear();
                    if read.read_line(&mut line).await.unwrap_or(0) == 0 || line.trim().is_empty() {
                        break;
                    }
                    if let Some((name, value)) = line.split_once(':')
                        && name.eq_ignore_ascii_case("content-length")
                    {
                        length = value.trim().parse().unwrap_or(0);
                    }
                    head += &line;
                }
                let _ = read.read_exact(&mut vec![0; length]).await;
                log.lock().unwrap().push((Instant::now(), head));
                let (status, headers, body) = answers[n.min(answers.len() - 1)];
                n += 1;
                let out = format!(
                    "HTTP/1.1 {status} Scripted\r\n{headers}Content-Type: text/xml; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                    body.len()
                );
                let _ = write.write_all(out.as_bytes()).await;
                let _ = write.shutdown().await;
            }
        });
        Script { url, seen }
    }

    fn requests(&self) -> usize {
        self.seen.lock().unwrap().len()
    }

    /// The time between each request and the one before it.
    fn gaps(&self) -> Vec<Duration> {
        let seen = self.seen.lock().unwrap();
        seen.windows(2).map(|w| w[1].0 - w[0].0).collect()
    }

    fn head(&self, i: usize) -> String {
        self.seen.lock().unwrap()[i].1.clone()
    }
}

/// A fast policy for transient errors without a delay: 10 to 40 ms.
fn quick(max_retries: u32) -> ExponentialBackoff {
    ExponentialBackoff::builder()
        .retry_bounds(Duration::from_millis(10), Duration::from_millis(40))
        .build_with_max_retries(max_retries)
}

async fn send(retry: RetryMiddleware, url: &str) -> reqwest::Response {
    let client = ClientBuilder::new(reqwest::Client::new()).with(retry).build();
    client.post(url).body("<PlaceOrder/>").send().await.unwrap()
}

fn assert_waited(gap: Duration, asked: Duration) {
    eprintln!("asked for {asked:?}, waited {gap:?}");
    assert!(gap >= asked, "waited {gap:?}, the server asked for {asked:?}");
    assert!(gap < asked + TOLERANCE, "waited {gap:?}, the server asked for only {asked:?}");
}

#[tokio::test]
async fn a_429_is_retried_after_its_retry_after() {
    let server = Script::start(vec![(429, "Retry-After: 2\r\n", ""), (200, "", OK)]).await;
    let response = send(RetryMiddleware::new(), &server.url).await;
    assert_eq!(response.status(), 200);
    assert_waited(server.gaps()[0], Duration::from_secs(2));
    let done = attempts(&response).unwrap();
    assert_eq!((done.requests, done.waited, done.reauthenticated), (2, Duration::from_secs(2), false));
}

#[tokio::test]
async fn a_503_waits_its_retry_after_not_the_policy() {
    let server = Script::start(vec![(503, "Retry-After: 1\r\n", SERVER_FAULT), (200, "", OK)]).await;
    let response = send(RetryMiddleware::new().policy(quick(3)), &server.url).await;
    assert_eq!(response.status(), 200);
    assert_waited(server.gaps()[0], Duration::from_secs(1));
}

#[tokio::test]
async fn an_ews_back_off_in_the_body_is_waited() {
    let server = Script::start(vec![(500, "", EWS_SERVER_BUSY), (200, "", OK)]).await;
    let response = send(RetryMiddleware::new(), &server.url).await;
    assert_eq!(response.status(), 200);
    // 1,200 ms asked; delays are kept in whole seconds, rounded up.
    assert_waited(server.gaps()[0], Duration::from_secs(2));
}

#[tokio::test]
async fn a_throttled_answer_without_a_delay_waits_the_floor_doubled() {
    let answers = vec![(429, "", ""), (500, "", SALESFORCE_LIMIT), (200, "", OK)];
    let server = Script::start(answers).await;
    let retry = RetryMiddleware::new().throttle_floor(Duration::from_secs(1));
    let response = send(retry, &server.url).await;
    assert_eq!(response.status(), 200);
    let gaps = server.gaps();
    assert_waited(gaps[0], Duration::from_secs(1));
    assert_waited(gaps[1], Duration::from_secs(2));
    assert_eq!(attempts(&response).unwrap().waited, Duration::from_secs(3));
}

#[tokio::test]
async fn the_default_floor_is_not_sub_second_and_a_wait_past_the_budget_is_not_begun() {
    assert_eq!(RetryMiddleware::DEFAULT_THROTTLE_FLOOR, Duration::from_secs(30));
    // Salesforce's API limit: the 30 s floor does not fit in a 5 s budget.
    let server = Script::start(vec![(500, "", SALESFORCE_LIMIT), (200, "", OK)]).await;
    let started = Instant::now();
    let response = send(RetryMiddleware::new().max_total_wait(Duration::from_secs(5)), &server.url).await;
    assert!(started.elapsed() < TOLERANCE);
    assert_eq!((response.status().as_u16(), server.requests()), (500, 1));
    let report = report(&response).unwrap();
    assert_eq!(report.retry().unwrap().class(), RetryClass::Throttled);
    assert_eq!(report.errors[0].code, "REQUEST_LIMIT_EXCEEDED");
    assert_eq!(attempts(&response).unwrap().requests, 1);
    // A floor below one second is raised to it.
    let server = Script::start(vec![(429, "", ""), (200, "", OK)]).await;
    send(RetryMiddleware::new().throttle_floor(Duration::from_millis(50)), &server.url).await;
    assert_waited(server.gaps()[0], Duration::from_secs(1));
}

#[tokio::test]
async fn a_retry_after_longer_than_the_budget_is_returned_at_once() {
    let server = Script::start(vec![(503, "Retry-After: 3600\r\n", ""), (200, "", OK)]).await;
    let started = Instant::now();
    let response = send(RetryMiddleware::new(), &server.url).await;
    assert!(started.elapsed() < TOLERANCE);
    assert_eq!((response.status().as_u16(), server.requests()), (503, 1));
    assert_eq!(report(&response).unwrap().retry().unwrap().after_secs(), Some(3600));
}

#[tokio::test]
async fn a_permanent_fault_is_returned_at_once() {
    let server = Script::start(vec![(500, "", CLIENT_FAULT), (200, "", OK)]).await;
    let response = send(RetryMiddleware::new(), &server.url).await;
    assert_eq!((response.status().as_u16(), server.requests()), (500, 1));
    assert_eq!(report(&response).unwrap().retry().unwrap().class(), RetryClass::Permanent);
    assert_eq!(response.text().await.unwrap(), CLIENT_FAULT, "the body is intact");
}

#[tokio::test]
async fn transient_errors_without_a_delay_take_the_policy_back_off_and_its_limit() {
    let server = Script::start(vec![(503, "", SERVER_FAULT)]).await;
    let response = send(RetryMiddleware::new().policy(quick(2)), &server.url).await;
    assert_eq!((response.status().as_u16(), server.requests()), (503, 3));
    assert!(server.gaps().iter().all(|gap| *gap < Duration::from_millis(500)));
    assert_eq!(attempts(&response).unwrap().requests, 3);
    // The policy's limit bounds retries that wait a server's delay too.
    let server = Script::start(vec![(503, "Retry-After: 1\r\n", SERVER_FAULT)]).await;
    let response = send(RetryMiddleware::new().policy(quick(1)), &server.url).await;
    assert_eq!((response.status().as_u16(), server.requests()), (503, 2));
}

#[tokio::test]
async fn an_in_band_error_in_a_200_is_retried_when_success_bodies_are_read() {
    let server = Script::start(vec![(200, "", EWS_SERVER_BUSY), (200, "", OK)]).await;
    let retry = RetryMiddleware::new().reader(ReportMiddleware::new().read_success_bodies(true));
    let response = send(retry, &server.url).await;
    assert_eq!(server.requests(), 2);
    assert!(report(&response).unwrap().is_success());
    // Not asked to read 200 bodies: the first answer is the caller's.
    let server = Script::start(vec![(200, "", EWS_SERVER_BUSY), (200, "", OK)]).await;
    send(RetryMiddleware::new(), &server.url).await;
    assert_eq!(server.requests(), 1);
}

/// Sets a new session header, counting its calls.
struct NewSession(Arc<Mutex<Vec<String>>>);

#[async_trait::async_trait]
impl Reauthenticate for NewSession {
    async fn reauthenticate(&self, request: &mut reqwest::Request, report: &Report) -> reqwest_middleware::Result<()> {
        self.0.lock().unwrap().push(report.errors[0].code.to_string());
        request.headers_mut().insert("x-session", "fresh".parse().unwrap());
        Ok(())
    }
}

#[tokio::test]
async fn reauth_calls_the_hook_then_retries_once() {
    let calls = Arc::new(Mutex::new(Vec::new()));
    let server = Script::start(vec![(500, "", SALESFORCE_SESSION), (200, "", OK)]).await;
    let response = send(RetryMiddleware::new().on_reauth(NewSession(Arc::clone(&calls))), &server.url).await;
    assert_eq!((response.status().as_u16(), server.requests()), (200, 2));
    assert_eq!(*calls.lock().unwrap(), ["INVALID_SESSION_ID"]);
    assert!(!server.head(0).contains("x-session") && server.head(1).contains("x-session: fresh"));
    assert!(server.gaps()[0] < TOLERANCE, "no wait before the retry");
    assert!(attempts(&response).unwrap().reauthenticated);

    // Once only: a second reauth answer is returned.
    calls.lock().unwrap().clear();
    let server = Script::start(vec![(500, "", SALESFORCE_SESSION)]).await;
    let response = send(RetryMiddleware::new().on_reauth(NewSession(Arc::clone(&calls))), &server.url).await;
    assert_eq!((response.status().as_u16(), server.requests(), calls.lock().unwrap().len()), (500, 2, 1));

    // No hook: returned at once.
    let server = Script::start(vec![(500, "", SALESFORCE_SESSION), (200, "", OK)]).await;
    let response = send(RetryMiddleware::new(), &server.url).await;
    assert_eq!((response.status().as_u16(), server.requests()), (500, 1));
    assert_eq!(report(&response).unwrap().retry().unwrap().class(), RetryClass::Reauth);
}

#[tokio::test]
async fn a_refused_connection_is_retried_with_the_policy_then_returned_as_the_error() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/", listener.local_addr().unwrap());
    drop(listener);
    let client = ClientBuilder::new(reqwest::Client::new()).with(RetryMiddleware::new().policy(quick(2))).build();
    let started = Instant::now();
    assert!(client.get(&url).send().await.is_err());
    assert!(started.elapsed() < Duration::from_secs(2));
}

#[tokio::test]
async fn a_report_middleware_inside_is_used_not_read_again() {
    let server = Script::start(vec![(429, "Retry-After: 1\r\n", ""), (200, "", OK)]).await;
    let client =
        ClientBuilder::new(reqwest::Client::new()).with(RetryMiddleware::new()).with(ReportMiddleware::new()).build();
    let response = client.get(&server.url).send().await.unwrap();
    assert_eq!(response.status(), 200);
    assert_waited(server.gaps()[0], Duration::from_secs(1));
    assert_eq!(attempts(&response).copied().map(|a| a.requests), Some(2));
    let _ = Attempts::default();
}
