//! The reqwest middleware and retry strategy: `examples/reqwest_retry.rs`
//! run as a test, and what the middleware hands back (the body intact, the
//! report in the extensions; bodies past the limit untouched, without one;
//! 2xx bodies only when asked for).

#[path = "../examples/reqwest_retry.rs"]
#[allow(dead_code)]
mod example;

use example::{CLIENT_FAULT, OK, SERVER_FAULT, Server};
use reqwest_middleware::ClientBuilder;
use vendor_errors::middleware::{ReportMiddleware, report};
use vendor_errors::{Options, RetryClass, VendorHint};

#[test]
fn the_example_runs() {
    example::main().unwrap();
}

fn client(middleware: ReportMiddleware) -> reqwest_middleware::ClientWithMiddleware {
    ClientBuilder::new(reqwest::Client::new()).with(middleware).build()
}

#[tokio::test]
async fn the_response_comes_back_whole_with_its_report() {
    let server = Server::start(vec![("/fault", vec![(500, CLIENT_FAULT)])]).await.unwrap();
    let url = server.url("/fault");
    let response = client(ReportMiddleware::new()).get(&url).send().await.unwrap();
    assert_eq!(response.status(), 500);
    assert_eq!(response.url().as_str(), url);
    assert_eq!(response.headers()["content-type"], "text/xml; charset=utf-8");
    assert_eq!(response.content_length(), Some(CLIENT_FAULT.len() as u64));
    let report = report(&response).unwrap().clone();
    assert_eq!(report.errors[0].message, "Invalid order id 'X-17'");
    assert_eq!(report.retry().unwrap().class(), RetryClass::Permanent);
    assert_eq!(response.text().await.unwrap(), CLIENT_FAULT);
}

#[tokio::test]
async fn a_body_past_the_limit_is_passed_on_untouched_without_a_report() {
    let server = Server::start(vec![("/fault", vec![(503, SERVER_FAULT)])]).await.unwrap();
    let response = client(ReportMiddleware::new().max_body_bytes(10)).get(server.url("/fault")).send().await.unwrap();
    assert!(report(&response).is_none());
    assert_eq!(response.text().await.unwrap(), SERVER_FAULT);
}

#[tokio::test]
async fn success_bodies_are_read_only_when_asked_for() {
    let server = Server::start(vec![("/ok", vec![(200, OK)])]).await.unwrap();
    let response = client(ReportMiddleware::new()).get(server.url("/ok")).send().await.unwrap();
    assert!(report(&response).is_none());
    let middleware = ReportMiddleware::new().read_success_bodies(true).options(Options::new().vendor(VendorHint::Soap));
    let response = client(middleware).get(server.url("/ok")).send().await.unwrap();
    assert!(report(&response).unwrap().is_success());
    assert_eq!(response.text().await.unwrap(), OK);
}

/// Serves one response with `body` in 16-byte chunks (`Transfer-Encoding:
/// chunked`, no `Content-Length`): its length is found only while reading.
async fn chunked_server(status: u16, body: &'static str) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/", listener.local_addr().unwrap());
    tokio::spawn(async move {
        let (mut stream, _) = listener.accept().await.unwrap();
        let _ = stream.read(&mut [0; 4096]).await; // the request head (a GET)
        let mut out = format!(
            "HTTP/1.1 {status} Busy\r\nContent-Type: text/xml\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
        );
        for piece in body.as_bytes().chunks(16) {
            out += &format!("{:x}\r\n{}\r\n", piece.len(), std::str::from_utf8(piece).unwrap());
        }
        out += "0\r\n\r\n";
        stream.write_all(out.as_bytes()).await.unwrap();
    });
    url
}

#[tokio::test]
async fn a_chunked_body_found_too_long_while_reading_is_handed_on_whole() {
    let url = chunked_server(503, SERVER_FAULT).await;
    let response = client(ReportMiddleware::new().max_body_bytes(40)).get(&url).send().await.unwrap();
    assert!(report(&response).is_none());
    assert_eq!(response.text().await.unwrap(), SERVER_FAULT);
}

#[tokio::test]
async fn a_chunked_body_within_the_limit_is_read() {
    let url = chunked_server(503, SERVER_FAULT).await;
    let response = client(ReportMiddleware::new()).get(&url).send().await.unwrap();
    assert_eq!(report(&response).unwrap().retry().unwrap().class(), RetryClass::Transient);
    assert_eq!(response.text().await.unwrap(), SERVER_FAULT);
}

#[tokio::test]
async fn from_response_streams_a_chunked_body_to_the_answer_from_slice_gives() {
    let url = chunked_server(503, SERVER_FAULT).await;
    let response = reqwest::get(&url).await.unwrap();
    let report = vendor_errors::middleware::from_response(response, &Options::new()).await.unwrap();
    assert_eq!(report, vendor_errors::from_slice(SERVER_FAULT.as_bytes(), &Options::new().status(503)).unwrap());
    assert_eq!(report.errors[0].http_status, Some(503), "the response's status is taken");
}

#[tokio::test]
async fn from_stream_reads_any_error_type_and_a_failing_chunk_ends_the_body_there() {
    use bytes::Bytes;
    use vendor_errors::ParseError;
    use vendor_errors::async_tokio::from_stream;

    #[derive(Debug)]
    struct Dropped;
    impl std::fmt::Display for Dropped {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("connection dropped")
        }
    }
    impl std::error::Error for Dropped {}

    let chunks = SERVER_FAULT.as_bytes().chunks(7).map(|c| Ok::<_, Dropped>(Bytes::copy_from_slice(c)));
    let opts = Options::new().status(503);
    let report = from_stream(futures_util::stream::iter(chunks), &opts).await.unwrap();
    assert_eq!(report, vendor_errors::from_slice(SERVER_FAULT.as_bytes(), &opts).unwrap());

    // Cut before the fault: no error was read, the failure is the answer.
    let cut = [Ok(Bytes::from_static(&SERVER_FAULT.as_bytes()[..20])), Err(Dropped)];
    match from_stream(futures_util::stream::iter(cut), &Options::new()).await {
        Err(ParseError::Io { offset, source }) => {
            assert_eq!(offset, 20);
            assert_eq!(source.to_string(), "connection dropped");
        }
        other => panic!("expected an I/O error at byte 20, got {other:?}"),
    }
}
