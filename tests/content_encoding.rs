//! `Content-Encoding: gzip` / `deflate` bodies, decoded as they stream, with
//! `max_body_bytes` on the decoded bytes (feature `gzip`).
#![cfg(feature = "gzip")]

use std::io::{BufReader, Write};

use flate2::Compression;
use flate2::write::{DeflateEncoder, GzEncoder, ZlibEncoder};
use vendor_errors::{Code, Limit, Limits, Options, ParseError, RetryClass, Vendor};

const FAULT: &[u8] = br#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault>
<faultcode>s:Server</faultcode><faultstring>Database is down</faultstring></s:Fault></s:Body></s:Envelope>"#;

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = GzEncoder::new(Vec::new(), Compression::default());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

fn zlib(bytes: &[u8]) -> Vec<u8> {
    let mut e = ZlibEncoder::new(Vec::new(), Compression::default());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

fn raw_deflate(bytes: &[u8]) -> Vec<u8> {
    let mut e = DeflateEncoder::new(Vec::new(), Compression::default());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

/// The slice and a 5-byte-buffer stream give the same answer.
fn read(body: &[u8], opts: &Options) -> Result<vendor_errors::Report, ParseError> {
    let from_slice = vendor_errors::from_slice(body, opts);
    let from_reader = vendor_errors::from_reader(BufReader::with_capacity(5, body), opts);
    assert_eq!(from_slice, from_reader);
    from_slice
}

#[test]
fn gzip_and_deflate_bodies_read_as_the_plain_one() {
    let plain = read(FAULT, &Options::new().status(500)).unwrap();
    for (coding, body) in
        [("gzip", gzip(FAULT)), ("x-gzip", gzip(FAULT)), ("deflate", zlib(FAULT)), ("deflate", raw_deflate(FAULT))]
    {
        let opts = Options::new().status(500).header("Content-Encoding", coding);
        let report = read(&body, &opts).unwrap();
        assert_eq!(report, plain, "{coding}");
        assert_eq!((report.errors[0].vendor, &report.errors[0].code), (Vendor::Soap, &Code::from("Server")));
    }
}

#[test]
fn gzip_members_in_a_row_are_one_body() {
    let (head, tail) = FAULT.split_at(40);
    let body = [gzip(head), gzip(tail)].concat();
    let report = read(&body, &Options::new().header("Content-Encoding", "gzip")).unwrap();
    assert_eq!(report.errors[0].message, "Database is down");
}

#[test]
fn a_compression_bomb_stops_at_the_body_limit() {
    let mut bomb = b"<r>".to_vec();
    bomb.resize(64 << 20, b' ');
    let body = gzip(&bomb);
    assert!(body.len() < 128 << 10, "{} bytes", body.len());
    let mut limits = Limits::default();
    limits.max_body_bytes = 1 << 20;
    let opts = Options::new().header("Content-Encoding", "gzip").limits(limits);
    let err = read(&body, &opts).unwrap_err();
    assert!(matches!(err, ParseError::Limit { limit: Limit::BodySize, max: 1_048_576, .. }), "{err}");
    // Under an error status: the status's error, the limit said in its detail.
    let report = read(&body, &opts.clone().status(503)).unwrap();
    assert_eq!(report.errors[0].vendor, Vendor::Http);
    assert!(
        report.errors[0].detail.as_deref().unwrap().contains("max_body_bytes limit of 1048576 exceeded"),
        "{:?}",
        report.errors[0].detail
    );
}

#[test]
fn a_gzip_body_cut_after_the_fault_is_salvaged() {
    let body = gzip(FAULT);
    let cut = &body[..body.len() - 12];
    let report = read(cut, &Options::new().header("Content-Encoding", "gzip")).unwrap();
    assert_eq!(report.errors[0].message, "Database is down");
    assert!(report.errors[0].incomplete);
}

#[test]
fn corrupt_gzip_is_a_read_error_not_a_success() {
    let mut body = gzip(FAULT);
    body[15] ^= 0xff;
    body[20] ^= 0xff;
    let opts = Options::new().header("Content-Encoding", "gzip");
    assert!(read(&body, &opts).is_err());
    let report = read(&body, &opts.clone().status(502)).unwrap();
    assert_eq!(report.errors[0].retry.class(), RetryClass::Transient);
}

#[test]
fn codings_not_decoded_are_refused() {
    for coding in ["br", "zstd", "gzip, deflate"] {
        let opts = Options::new().header("Content-Encoding", coding);
        assert_eq!(read(FAULT, &opts).unwrap_err(), ParseError::UnsupportedCoding { coding: coding.into() });
        let report = read(FAULT, &opts.clone().status(500)).unwrap();
        assert_eq!(report.errors[0].vendor, Vendor::Http);
        assert!(report.errors[0].detail.as_deref().unwrap().contains("unsupported content coding"));
    }
    let report = read(FAULT, &Options::new().header("Content-Encoding", "identity")).unwrap();
    assert_eq!(report.errors[0].message, "Database is down");
}
