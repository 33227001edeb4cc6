//! Behaviour the golden fixtures do not show well: limits, HTTP context,
//! vendor detection rules, and the slice and stream readers agreeing.
//! Hostile input has its own suite, `tests/hostile.rs`.

use std::time::Duration;

use vendor_errors::{Limit, Options, ParseError, RetryClass, Vendor};

mod common;
use common::{SOAP11, fault11, limits, read};

#[test]
fn depth_limit_is_a_typed_error() {
    let body = format!("<r>{}{}</r>", "<a>".repeat(100), "</a>".repeat(100));
    let err = read(body.as_bytes(), &limits(|l| l.max_depth = 50)).unwrap_err();
    assert!(matches!(err, ParseError::Limit { limit: Limit::Depth, max: 50, .. }), "{err}");
    assert!(read(body.as_bytes(), &limits(|l| l.max_depth = 101)).is_ok());
}

#[test]
fn event_size_limit_applies_to_text_tags_and_attributes() {
    let opts = limits(|l| l.max_event_bytes = 1000);
    let text = format!("<r>{}</r>", "x".repeat(5000));
    let attr = format!("<r a='{}'/>", "y".repeat(5000));
    let comment = format!("<r><!--{}--></r>", "z".repeat(5000));
    for body in [text, attr, comment] {
        let err = read(body.as_bytes(), &opts).unwrap_err();
        assert!(matches!(err, ParseError::Limit { limit: Limit::EventSize, max: 1000, .. }), "{err}");
    }
    let fine = format!("<r>{}</r>", "x".repeat(999));
    assert!(read(fine.as_bytes(), &opts).is_ok());
}

#[test]
fn body_size_limit() {
    let body = fault11("Server", &"m".repeat(2000));
    let err = read(body.as_bytes(), &limits(|l| l.max_body_bytes = 1000)).unwrap_err();
    assert_eq!(err, ParseError::Limit { limit: Limit::BodySize, max: 1000, offset: 1000 });
}

#[test]
fn errors_past_max_errors_are_counted_not_kept() {
    let faults: String = (0..50)
        .map(|i| format!("<soap:Fault><faultcode>soap:Client</faultcode><faultstring>n{i}</faultstring></soap:Fault>"))
        .collect();
    let body = format!(r#"<soap:Envelope xmlns:soap="{SOAP11}"><soap:Body>{faults}</soap:Body></soap:Envelope>"#);
    let report = read(body.as_bytes(), &limits(|l| l.max_errors = 10)).unwrap();
    assert_eq!((report.errors.len(), report.omitted), (10, 40));
    assert_eq!(report.errors[9].message, "n9");
}

#[test]
fn long_messages_are_cut_and_marked() {
    let body = fault11("Client", &"é".repeat(100));
    let report = read(body.as_bytes(), &limits(|l| l.max_message_bytes = 15)).unwrap();
    let e = &report.errors[0];
    assert_eq!(e.message, format!("{}…", "é".repeat(7)));
    assert!(e.truncated);
}

#[test]
fn entity_in_attribute_is_left_as_written() {
    let body = format!(
        r#"<soap:Envelope xmlns:soap="{SOAP11}"><soap:Body><soap:Fault><faultcode>soap:Client</faultcode><faultstring xml:lang="&x;">m</faultstring></soap:Fault></soap:Body></soap:Envelope>"#
    );
    let report = read(body.as_bytes(), &Options::new()).unwrap();
    assert_eq!(report.errors[0].lang.as_deref(), Some("&x;"));
}

#[test]
fn truncated_body_with_error_status_falls_back_to_http() {
    let body = fault11("Client", "cut here");
    let cut = &body.as_bytes()[..body.len() / 2];
    let report = read(cut, &Options::new().status(502)).unwrap();
    let e = &report.errors[0];
    assert_eq!((e.vendor, e.http_status, e.retry.class()), (Vendor::Http, Some(502), RetryClass::Transient));
    assert!(e.detail.as_deref().unwrap().contains("ends early"), "{:?}", e.detail);
}

#[test]
fn retry_after_applies_to_waiting_classes_only() {
    let opts = Options::new().status(500).header("retry-after", "7");
    let server = read(fault11("Server", "x").as_bytes(), &opts).unwrap();
    assert_eq!(server.errors[0].retry_after(), Some(Duration::from_secs(7)));
    let client = read(fault11("Client", "x").as_bytes(), &opts).unwrap();
    assert_eq!(client.errors[0].retry_after(), None);
}

#[test]
fn status_refines_generic_faults() {
    let report = read(fault11("Client", "who are you").as_bytes(), &Options::new().status(401)).unwrap();
    assert_eq!(report.errors[0].retry.class(), RetryClass::Reauth);
}

#[test]
fn json_and_foreign_xml_without_errors_are_success() {
    assert!(read(br#"{"ok": true, "items": [1, 2]}"#, &Options::new()).unwrap().is_success());
    assert!(read(b"<rates><usd>1.0</usd></rates>", &Options::new()).unwrap().is_success());
    assert!(read(b"", &Options::new().status(202)).unwrap().is_success());
}

#[test]
fn utf16_without_bom_is_recognised() {
    let text = fault11("Server", "ohne BOM");
    let le: Vec<u8> =
        format!("<?xml version='1.0' encoding='UTF-16'?>{text}").encode_utf16().flat_map(u16::to_le_bytes).collect();
    let report = read(&le, &Options::new()).unwrap();
    assert_eq!(report.errors[0].message, "ohne BOM");
}

#[test]
fn openair_errors_after_megabytes_of_records_are_found() {
    let mut body = String::from("<response><Auth status=\"0\"/><Read status=\"0\">");
    while body.len() < 8 << 20 {
        body.push_str("<Slip><id>1</id><notes>a &amp; b</notes><date><Date><year>2026</year></Date></date></Slip>");
    }
    body.push_str("</Read><Modify status=\"0\"/><Add status=\"602\"><errors>bad field</errors></Add></response>");
    let report = read(body.as_bytes(), &Options::new()).unwrap();
    assert_eq!(report.errors.len(), 1);
    let e = &report.errors[0];
    assert_eq!(
        (e.vendor, e.code.as_num(), e.index, e.command.as_deref()),
        (Vendor::OpenAir, Some(602), Some(3), Some("Add"))
    );
    assert_eq!(e.message, "bad field");
}

#[test]
fn openair_status_must_be_numeric_under_auto() {
    let body = b"<response status=\"ok\"><Thing status=\"done\"/></response>";
    assert!(read(body, &Options::new()).unwrap().is_success());
    let insisted = read(body, &Options::new().vendor(vendor_errors::VendorHint::OpenAir)).unwrap();
    assert_eq!(insisted.errors[0].code, vendor_errors::Code::Text("ok".into()));
}

/// A body that yields `body`, then fails with a connection reset.
struct ResetAfter<'a>(&'a [u8]);

impl std::io::Read for ResetAfter<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.0.is_empty() {
            return Err(std::io::Error::new(std::io::ErrorKind::ConnectionReset, "peer reset"));
        }
        let n = self.0.len().min(buf.len());
        buf[..n].copy_from_slice(&self.0[..n]);
        self.0 = &self.0[n..];
        Ok(n)
    }
}

#[test]
fn a_read_failing_mid_body_with_an_error_status_gives_the_status_error() {
    let body = b"<?xml version='1.0'?><ServiceStatus><State>overloaded</State><Since>2026-";
    let reader = std::io::BufReader::new(ResetAfter(body));
    let report = vendor_errors::from_reader(reader, &Options::new().status(503)).unwrap();
    let e = &report.errors[0];
    assert_eq!((e.vendor, e.http_status, e.retry.class()), (Vendor::Http, Some(503), RetryClass::Transient));
    assert!(e.incomplete);
    assert!(e.detail.as_deref().unwrap().contains("peer reset"), "{:?}", e.detail);
    assert!(matches!(report.incomplete, Some(ParseError::Io { .. })));
    // Without an error status, the failed read is the caller's: an error.
    let reader = std::io::BufReader::new(ResetAfter(body));
    assert!(matches!(vendor_errors::from_reader(reader, &Options::new()), Err(ParseError::Io { .. })));
    // An HTML page is answered from its first bytes: its title, whatever follows.
    let page = b"<html><head><title>Service Unavailable</title></head><body>The server is";
    let report = vendor_errors::from_reader(std::io::BufReader::new(ResetAfter(page)), &Options::new().status(503));
    assert_eq!(report.unwrap().errors[0].message, "Service Unavailable");
}

#[test]
fn a_fault_read_before_the_connection_broke_is_salvaged() {
    let body = format!(
        r#"<s:Envelope xmlns:s="{SOAP11}"><s:Body><s:Fault><faultcode>s:Server</faultcode>
        <faultstring>Timeout talking to database</faultstring><detail><trace>at Repo"#
    );
    let reader = std::io::BufReader::with_capacity(16, ResetAfter(body.as_bytes()));
    let report = vendor_errors::from_reader(reader, &Options::new()).unwrap();
    let e = &report.errors[0];
    assert_eq!((e.code.to_string().as_str(), e.message.as_str()), ("Server", "Timeout talking to database"));
    assert!(e.incomplete && e.detail.as_deref().unwrap().contains("peer reset"));
    // Where the connection broke: after every byte that came.
    assert!(matches!(report.incomplete, Some(ParseError::Io { offset, .. }) if offset == body.len() as u64));
}

#[test]
fn a_fault_cut_before_its_message_is_not_invented() {
    let body = format!(r#"<s:Envelope xmlns:s="{SOAP11}"><s:Body><s:Fault><faultcode>s:Server</faultcode><faultstr"#);
    assert!(matches!(read(body.as_bytes(), &Options::new()), Err(ParseError::Truncated { .. })));
    let body = format!(r#"<s:Envelope xmlns:s="{SOAP11}"><s:Body><s:Fault><faultstring>No code yet</faultstring>"#);
    assert!(matches!(read(body.as_bytes(), &Options::new()), Err(ParseError::Truncated { .. })));
}

#[test]
fn an_envelope_after_a_page_is_looked_for_within_max_preamble_bytes() {
    let page = format!("<html><title>Proxy notice</title><body>{}</body></html>", "x".repeat(2000));
    let body = format!("{page}{}", fault11("Server", "Backend down"));
    let report = read(body.as_bytes(), &Options::new()).unwrap();
    assert_eq!(report.errors[0].message, "Backend down");
    let near = limits(|l| l.max_preamble_bytes = 1000);
    assert!(matches!(read(body.as_bytes(), &near), Err(ParseError::Html { .. })));
}

#[test]
fn a_scan_stopped_at_the_first_error_reads_no_further() {
    let mut body = String::from("<response>");
    for _ in 0..10_000 {
        body.push_str("<Add status=\"10\"/>");
    }
    body.push_str("</response>");
    // A reader that counts what was taken from it.
    struct Counted<'a>(&'a [u8], usize);
    impl std::io::Read for Counted<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = std::io::Read::read(&mut self.0, buf)?;
            self.1 += n;
            Ok(n)
        }
    }
    let mut counted = Counted(body.as_bytes(), 0);
    let scanned =
        vendor_errors::scan_reader(std::io::BufReader::with_capacity(4096, &mut counted), &Options::new(), |_| {
            std::ops::ControlFlow::Break(())
        })
        .unwrap();
    assert!(scanned.stopped);
    assert!(counted.1 <= 8192 + 4096, "{} of {} bytes read", counted.1, body.len());
}

/// The `hint` fuzz target picks `VendorHint::ALL[byte]`; `fuzz/seed.sh`
/// names the hints by that place to seed each fixture under its vendor's.
#[test]
fn the_fuzz_seed_script_lists_the_hints_in_order() {
    let seed = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seed.sh");
    let Ok(script) = std::fs::read(&seed) else { return }; // the packaged crate has no fuzz/
    let script = String::from_utf8_lossy(&script);
    let line = script.lines().find_map(|l| l.strip_prefix("hints=(")).expect("a hints=(...) line");
    let listed: Vec<&str> = line.trim_end_matches(')').split_whitespace().collect();
    let all: Vec<&str> = vendor_errors::VendorHint::ALL.iter().map(|h| h.as_str()).collect();
    assert_eq!(listed, all);
}
