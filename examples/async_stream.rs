//! A large response read as it arrives, in one call:
//! `vendor_errors::middleware::from_response` (reqwest's `bytes_stream()`
//! through `vendor_errors::async_tokio::from_stream`), against an in-process HTTP/1.1 server (no network) that sends an 18 MB
//! OpenAir XML API response — 100 000 records read successfully, then a
//! command that failed — in chunks, never whole, as a real one would.
//! The client never holds the body either: memory stays at the parser's
//! bound (see `vendor_errors::async_tokio`), whatever the length.
//!
//! ```text
//! cargo run --release --example async_stream --features reqwest-middleware
//! ```
//!
//! `tests/examples.rs` runs it as a test.

use std::time::Instant;

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;
use vendor_errors::{Options, RetryClass, Vendor};

const RECORDS: usize = 100_000;

#[tokio::main]
pub async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let url = serve_large_response().await?;
    let started = Instant::now();

    let response = reqwest::get(&url).await?;
    // glue begins: the response (status, headers, body as it streams) to a report.
    let report = vendor_errors::middleware::from_response(response, &Options::new()).await?;
    // glue ends

    let e = &report.errors[0];
    assert_eq!((e.vendor, e.command.as_deref(), e.index), (Vendor::OpenAir, Some("Add"), Some(1)));
    assert_eq!(e.retry.class(), RetryClass::Permanent);
    println!("{} MB streamed in {:?}: {e} ({})", body_len() / 1_000_000, started.elapsed(), e.retry);
    // Linux: the process's peak resident memory, far below the body's size.
    if let Some(peak) = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM:")).map(|l| l["VmHWM:".len()..].trim().to_owned()))
    {
        println!("peak resident memory: {peak}");
    }
    Ok(())
}

const HEAD: &str = r#"<?xml version="1.0" standalone="yes"?><response><Read status="0">"#;
const RECORD: &str = "<Project><id>1234567</id><name>Migration wave 17, EMEA rollout</name><customerid>42</customerid><notes>Kick-off done; next: data load, cut-over planning, sign-off</notes></Project>";
const TAIL: &str = r#"</Read><Add status="10"/></response>"#;

fn body_len() -> usize {
    HEAD.len() + RECORD.len() * RECORDS + TAIL.len()
}

/// Serves the response once, with a Content-Length, written 1 000 records at a time.
async fn serve_large_response() -> std::io::Result<String> {
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let url = format!("http://{}/api.pl", listener.local_addr()?);
    tokio::spawn(async move {
        let Ok((stream, _)) = listener.accept().await else { return };
        let (read, mut write) = stream.into_split();
        let mut read = BufReader::new(read);
        let mut line = String::new();
        while read.read_line(&mut line).await.unwrap_or(0) > 0 && line != "\r\n" {
            line.clear();
        }
        let head = format!("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: {}\r\n\r\n", body_len());
        let chunk = RECORD.repeat(1000);
        let _ = write.write_all(head.as_bytes()).await;
        let _ = write.write_all(HEAD.as_bytes()).await;
        for _ in 0..RECORDS / 1000 {
            if write.write_all(chunk.as_bytes()).await.is_err() {
                return;
            }
        }
        let _ = write.write_all(TAIL.as_bytes()).await;
        let _ = write.shutdown().await;
    });
    Ok(url)
}
