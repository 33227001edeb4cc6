//! Helpers shared by the integration suites, each of which declares
//! `mod common;` and uses a part of them. (`fuzz_input.rs` beside this file
//! is separate: the fuzz crate and `tests/regressions.rs` include it by path.)
#![allow(dead_code)]

use std::io::BufReader;

use vendor_errors::{Limits, Options, ParseError, Report};

pub const SOAP11: &str = "http://schemas.xmlsoap.org/soap/envelope/";

/// A SOAP 1.1 envelope holding one fault with `code` (in the envelope's
/// namespace) and `message`.
pub fn fault11(code: &str, message: &str) -> String {
    format!(
        r#"<soap:Envelope xmlns:soap="{SOAP11}"><soap:Body><soap:Fault><faultcode>soap:{code}</faultcode><faultstring>{message}</faultstring></soap:Fault></soap:Body></soap:Envelope>"#
    )
}

/// Reads `body` from a slice and from a stream through a buffer of
/// `capacity` bytes (small, so the stream reader crosses many boundaries),
/// and requires one answer.
pub fn read_buffered(body: &[u8], opts: &Options, capacity: usize) -> Result<Report, ParseError> {
    let slice = vendor_errors::from_slice(body, opts);
    let stream = vendor_errors::from_reader(BufReader::with_capacity(capacity, body), opts);
    assert_eq!(
        slice,
        stream,
        "slice and stream disagree on {:?}",
        String::from_utf8_lossy(&body[..body.len().min(200)])
    );
    slice
}

/// Reads `body` through every entry point and requires one answer.
pub fn read(body: &[u8], opts: &Options) -> Result<Report, ParseError> {
    read_buffered(body, opts, 5)
}

/// Default options with the default limits changed by `f`.
pub fn limits(f: impl FnOnce(&mut Limits)) -> Options {
    let mut l = Limits::default();
    f(&mut l);
    Options::new().limits(l)
}
