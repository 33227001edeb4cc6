//! Async reqwest with a body-aware retry: vendor-errors' `RetryMiddleware`
//! (it reads each attempt's body, and waits the server's delay where it
//! gives one), against an in-process HTTP/1.1 server (no network):
//!
//! - `/flaky` answers a SOAP `Server` fault with 503 once, then 200: retried,
//!   and the second attempt succeeds;
//! - `/bad-order` answers a SOAP `Client` fault with 500 (as SOAP 1.1 sends
//!   every fault): permanent, not retried — where a status-only strategy
//!   retries it until its policy gives up.
//!
//! ```text
//! cargo run --example reqwest_retry --features reqwest-middleware
//! ```
//!
//! `tests/reqwest_middleware.rs` runs it as a test.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use reqwest_middleware::ClientBuilder;
use reqwest_retry::RetryTransientMiddleware;
use reqwest_retry::policies::ExponentialBackoff;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use vendor_errors::RetryClass;
use vendor_errors::middleware::RetryMiddleware;

pub const SERVER_FAULT: &str = r#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault>
<faultcode>s:Server</faultcode><faultstring>Order service temporarily unavailable</faultstring>
</s:Fault></s:Body></s:Envelope>"#;

pub const CLIENT_FAULT: &str = r#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault>
<faultcode>s:Client</faultcode><faultstring>Invalid order id 'X-17'</faultstring>
</s:Fault></s:Body></s:Envelope>"#;

pub const OK: &str = r#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><PlaceOrderResponse/></s:Body></s:Envelope>"#;

#[tokio::main(flavor = "current_thread")]
pub async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let server = Server::start(vec![
        ("/flaky", vec![(503, SERVER_FAULT), (200, OK)]),
        ("/bad-order", vec![(500, CLIENT_FAULT)]),
    ])
    .await?;
    // Short back-off so that the example runs in milliseconds.
    let policy = || {
        ExponentialBackoff::builder()
            .retry_bounds(Duration::from_millis(10), Duration::from_millis(40))
            .build_with_max_retries(3)
    };

    // glue begins: one middleware reads the bodies and retries on them.
    let client = ClientBuilder::new(reqwest::Client::new()).with(RetryMiddleware::new().policy(policy())).build();
    // glue ends

    let response = client.post(server.url("/flaky")).body("<PlaceOrder/>").send().await?;
    assert_eq!(response.status(), 200);
    assert_eq!(server.hits("/flaky"), 2);
    println!("/flaky: 503 Server fault retried, then {} after {} requests", response.status(), server.hits("/flaky"));

    let response = client.post(server.url("/bad-order")).body("<PlaceOrder/>").send().await?;
    assert_eq!(response.status(), 500);
    assert_eq!(server.hits("/bad-order"), 1, "a permanent fault is not retried");
    // glue begins: the decision and the errors, from the response.
    let report = vendor_errors::middleware::report(&response).expect("the middleware read the body");
    let retry = report.retry().expect("a failure");
    // glue ends
    assert_eq!(retry.class(), RetryClass::Permanent);
    println!("/bad-order: {} -> {retry}, after 1 request", report.errors[0]);
    // The body is intact for the caller.
    assert!(response.text().await?.contains("Invalid order id"));

    // For comparison: reqwest-retry's default strategy sees only the 500.
    let status_only =
        ClientBuilder::new(reqwest::Client::new()).with(RetryTransientMiddleware::new_with_policy(policy())).build();
    let response = status_only.post(server.url("/bad-order")).body("<PlaceOrder/>").send().await?;
    let wasted = server.hits("/bad-order") - 1;
    assert_eq!((response.status().as_u16(), wasted), (500, 4));
    println!("/bad-order with a status-only strategy: {wasted} requests, 3 of them retries that could never succeed");
    Ok(())
}

/// A scripted HTTP/1.1 server on 127.0.0.1: each path answers its
/// `(status, SOAP body)` list in turn (the last one repeats), one request
/// per connection.
pub struct Server {
    addr: std::net::SocketAddr,
    routes: Arc<Vec<Route>>,
}

struct Route {
    path: &'static str,
    answers: Vec<(u16, &'static str)>,
    hits: AtomicUsize,
}

impl Server {
    pub async fn start(routes: Vec<(&'static str, Vec<(u16, &'static str)>)>) -> std::io::Result<Server> {
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let routes: Arc<Vec<Route>> = Arc::new(
            routes.into_iter().map(|(path, answers)| Route { path, answers, hits: AtomicUsize::new(0) }).collect(),
        );
        let served = Arc::clone(&routes);
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                tokio::spawn(answer(stream, Arc::clone(&served)));
            }
        });
        Ok(Server { addr, routes })
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    pub fn hits(&self, path: &str) -> usize {
        self.routes.iter().find(|r| r.path == path).map_or(0, |r| r.hits.load(Ordering::SeqCst))
    }
}

async fn answer(stream: TcpStream, routes: Arc<Vec<Route>>) -> std::io::Result<()> {
    let (read, mut write) = stream.into_split();
    let mut read = BufReader::new(read);
    let mut line = String::new();
    read.read_line(&mut line).await?;
    let path = line.split_whitespace().nth(1).unwrap_or("/").to_owned();
    let mut length = 0;
    loop {
        line.clear();
        if read.read_line(&mut line).await? == 0 || line.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse().unwrap_or(0);
        }
    }
    read.read_exact(&mut vec![0; length]).await?;
    let (status, body) = match routes.iter().find(|r| r.path == path) {
        Some(route) => {
            let n = route.hits.fetch_add(1, Ordering::SeqCst);
            route.answers[n.min(route.answers.len() - 1)]
        }
        None => (404, ""),
    };
    let head = format!(
        "HTTP/1.1 {status} Scripted\r\nContent-Type: text/xml; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    write.write_all(head.as_bytes()).await?;
    write.write_all(body.as_bytes()).await?;
    write.shutdown().await
}
