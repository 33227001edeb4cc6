//! Writes a large synthetic HAR 1.2 capture, for measuring the CLI's time
//! and memory on captures far larger than any one entry.
//!
//! ```sh
//! cargo run --release --example gen_har -- /tmp/big.har 250
//! /usr/bin/time -v target/release/vendor-errors --summary /tmp/big.har
//! ```
//!
//! The capture holds entries of every kind a browser session has: HTML
//! pages, scripts, base64 images (one of 8 MiB, the largest entry), JSON
//! successes, and API failures (SOAP faults as text and base64, Salesforce
//! REST errors, OpenAir statuses, empty 503s), in a fixed pseudo-random
//! order, until the file reaches the size asked for (in MB, default 200).

use std::fs::File;
use std::io::{self, BufWriter, Write};

const FAULT: &str = r#"<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault><faultcode>soap:Server</faultcode><faultstring>Ledger database is in maintenance</faultstring></soap:Fault></soap:Body></soap:Envelope>"#;

fn main() -> io::Result<()> {
    let mut args = std::env::args().skip(1);
    let path = args.next().unwrap_or_else(|| "big.har".to_owned());
    let megabytes: u64 = args.next().and_then(|m| m.parse().ok()).unwrap_or(200);
    let target = megabytes * 1_000_000;
    let mut out = Counting { inner: BufWriter::with_capacity(1 << 20, File::create(&path)?), written: 0 };

    write!(
        out,
        r#"{{"log": {{"version": "1.2", "creator": {{"name": "gen_har", "version": "1"}}, "pages": [{{"id": "page_1", "title": "generated", "startedDateTime": "2026-03-03T03:00:00.000Z", "pageTimings": {{}}}}], "entries": ["#
    )?;
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    let mut index = 0u64;
    let mut big_done = false;
    while out.written < target {
        // xorshift: a fixed sequence, the same file every time.
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        if index > 0 {
            out.write_all(b",\n")?;
        }
        let (method, url, status, content_type, content) = match seed % 10 {
            _ if !big_done && out.written > target / 2 => {
                big_done = true;
                ("GET", "https://app.example.test/hero.png".to_owned(), 200, "image/png", base64_content(8 << 20, seed))
            }
            0..=2 => {
                ("GET", format!("https://app.example.test/page/{index}"), 200, "text/html", text_content(&html(seed)))
            }
            3 => (
                "GET",
                format!("https://app.example.test/img/{index}.png"),
                200,
                "image/png",
                base64_content(40_000, seed),
            ),
            4 => (
                "GET",
                format!("https://app.example.test/app.{index}.js"),
                200,
                "application/javascript",
                text_content(&script(seed)),
            ),
            5 => (
                "GET",
                format!("https://api.example.test/v1/orders/{index}"),
                200,
                "application/json",
                text_content(&json_ok(seed)),
            ),
            6 => ("POST", "https://api.example.test/soap".to_owned(), 500, "text/xml", text_content(FAULT)),
            7 => ("POST", "https://api.example.test/soap".to_owned(), 500, "text/xml", base64_of(FAULT.as_bytes())),
            8 => (
                "GET",
                format!("https://eu1.salesforce.example.test/services/data/v60.0/sobjects/Account/{index}"),
                429,
                "application/json",
                text_content(r#"[{"message":"TotalRequests Limit exceeded.","errorCode":"REQUEST_LIMIT_EXCEEDED"}]"#),
            ),
            _ => (
                "GET",
                format!("https://api.example.test/v1/slow/{index}"),
                503,
                "text/plain",
                r#"{"size": 0, "mimeType": "x-unknown"}"#.to_owned(),
            ),
        };
        write!(
            out,
            r#"{{"startedDateTime": "2026-03-03T03:00:00.000Z", "time": 12, "request": {{"method": "{method}", "url": "{url}", "httpVersion": "HTTP/1.1", "headers": [{{"name": "Accept", "value": "*/*"}}], "queryString": [], "cookies": [], "headersSize": -1, "bodySize": -1}}, "response": {{"status": {status}, "statusText": "", "httpVersion": "HTTP/1.1", "headers": [{{"name": "Content-Type", "value": "{content_type}"}}, {{"name": "Retry-After", "value": "7"}}], "cookies": [], "content": {content}, "redirectURL": "", "headersSize": -1, "bodySize": -1}}, "cache": {{}}, "timings": {{"send": 1, "wait": 10, "receive": 1}}}}"#
        )?;
        index += 1;
    }
    writeln!(out, "]}}}}")?;
    out.flush()?;
    eprintln!("{path}: {index} entries, {} bytes", out.written);
    Ok(())
}

/// A `content` object holding `text` as a JSON string.
fn text_content(text: &str) -> String {
    format!(r#"{{"size": {}, "mimeType": "text/plain", "text": {}}}"#, text.len(), serde_json::to_string(text).unwrap())
}

/// A `content` object holding `len` pseudo-random bytes in base64.
fn base64_content(len: usize, mut seed: u64) -> String {
    let bytes: Vec<u8> = (0..len)
        .map(|_| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (seed >> 56) as u8
        })
        .collect();
    base64_of(&bytes)
}

fn base64_of(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut text = String::with_capacity(bytes.len() / 3 * 4 + 4);
    for group in bytes.chunks(3) {
        let n = group.iter().enumerate().fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            text.push(if i <= group.len() { ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char } else { '=' });
        }
    }
    format!(
        r#"{{"size": {}, "mimeType": "application/octet-stream", "encoding": "base64", "text": "{text}"}}"#,
        bytes.len()
    )
}

fn html(seed: u64) -> String {
    let mut page = String::from("<!DOCTYPE html><html><head><title>Orders</title></head><body>");
    for row in 0..(200 + seed % 400) {
        page.push_str(&format!("<tr><td>order {row}</td><td>&euro; {}</td></tr>\n", seed % 997));
    }
    page + "</body></html>"
}

fn script(seed: u64) -> String {
    (0..(100 + seed % 300)).map(|i| format!("function f{i}(a) {{ return a * {}; }}\n", seed % 31)).collect()
}

fn json_ok(seed: u64) -> String {
    let items: Vec<String> =
        (0..(10 + seed % 50)).map(|i| format!(r#"{{"id": {i}, "total": {}.50}}"#, seed % 1000)).collect();
    format!(r#"{{"orders": [{}]}}"#, items.join(", "))
}

/// Counts what is written, to stop at the size asked for.
struct Counting<W> {
    inner: W,
    written: u64,
}

impl<W: Write> Write for Counting<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.written += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}
