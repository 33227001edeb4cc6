//! Behaviour the golden fixtures do not show well: limits, hostile input,
//! truncation at every offset, and the slice and stream readers agreeing.

use std::io::BufReader;
use std::time::Duration;

use vendor_errors::{Limit, Limits, Options, ParseError, Report, RetryClass, Vendor};

const SOAP11: &str = "http://schemas.xmlsoap.org/soap/envelope/";

fn fault11(code: &str, message: &str) -> String {
    format!(
        r#"<soap:Envelope xmlns:soap="{SOAP11}"><soap:Body><soap:Fault><faultcode>soap:{code}</faultcode><faultstring>{message}</faultstring></soap:Fault></soap:Body></soap:Envelope>"#
    )
}

/// Reads `body` through every entry point and requires one answer.
fn read(body: &[u8], opts: &Options) -> Result<Report, ParseError> {
    let slice = vendor_errors::from_slice(body, opts);
    let stream = vendor_errors::from_reader(BufReader::with_capacity(5, body), opts);
    assert_eq!(
        slice,
        stream,
        "slice and stream disagree on {:?}",
        String::from_utf8_lossy(&body[..body.len().min(200)])
    );
    slice
}

fn limits(f: impl FnOnce(&mut Limits)) -> Options {
    let mut l = Limits::default();
    f(&mut l);
    Options::new().limits(l)
}

#[test]
fn depth_limit_is_a_typed_error() {
    let body = format!("<r>{}{}</r>", "<a>".repeat(100), "</a>".repeat(100));
    let err = read(body.as_bytes(), &limits(|l| l.max_depth = 50)).unwrap_err();
    assert!(matches!(err, ParseError::Limit { limit: Limit::Depth, max: 50, .. }), "{err}");
    assert!(read(body.as_bytes(), &limits(|l| l.max_depth = 101)).is_ok());
}

#[test]
fn deep_nesting_is_refused_early_at_the_default_limit() {
    let body = format!("<r>{}", "<a>".repeat(500_000));
    let err = read(body.as_bytes(), &Options::new()).unwrap_err();
    assert!(matches!(err, ParseError::Limit { limit: Limit::Depth, max: 256, .. }), "{err}");
    assert!(err.offset() < 2_000, "stopped late, at {}", err.offset());
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
fn billion_laughs_is_not_expanded() {
    let mut dtd = String::from("<!DOCTYPE soap:Envelope [<!ENTITY lol0 \"lol\">");
    for i in 1..10 {
        dtd.push_str(&format!("<!ENTITY lol{i} \"{}\">", format!("&lol{};", i - 1).repeat(10)));
    }
    dtd.push_str("]>");
    let body = format!("{dtd}{}", fault11("Client", "&lol9;"));
    let report = read(body.as_bytes(), &Options::new()).unwrap();
    assert_eq!(report.errors[0].message, "&lol9;");
}

#[test]
fn external_entities_are_never_fetched_or_expanded() {
    for decl in [
        r#"<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/hostname">]>"#,
        r#"<!DOCTYPE r [<!ENTITY x PUBLIC "-//X//Y" "http://127.0.0.1:9/x.dtd">]>"#,
        r#"<!DOCTYPE r SYSTEM "http://127.0.0.1:9/evil.dtd">"#,
    ] {
        let body = format!("{decl}{}", fault11("Client", "a &x; b"));
        let report = read(body.as_bytes(), &Options::new()).unwrap();
        assert_eq!(report.errors[0].message, "a &x; b");
    }
}

#[test]
fn entity_in_attribute_is_left_as_written() {
    let body = format!(
        r#"<soap:Envelope xmlns:soap="{SOAP11}"><soap:Body><soap:Fault><faultcode>soap:Client</faultcode><faultstring xml:lang="&x;">m</faultstring></soap:Fault></soap:Body></soap:Envelope>"#
    );
    let report = read(body.as_bytes(), &Options::new()).unwrap();
    assert_eq!(report.errors[0].lang.as_deref(), Some("&x;"));
}

/// Every prefix of a valid body: no panic, the readers agree, and the
/// answer is either "not understood" or exactly the full body's answer.
fn truncate_everywhere(body: &[u8], opts: &Options) {
    let full = read(body, opts).unwrap();
    for end in 0..body.len() {
        match read(&body[..end], opts) {
            Err(_) => {}
            Ok(report) => {
                assert!(report == full || report.is_success() && end < 3, "prefix of {end} bytes invented {report:?}")
            }
        }
    }
}

#[test]
fn truncation_at_every_offset_never_invents_an_error() {
    let fixtures =
        ["soap/soap12-receiver-subcodes.xml", "soap/soap11-faultactor-detail.xml", "soap/soap11-utf16le-bom.xml"];
    for name in fixtures {
        let body = std::fs::read(format!("{}/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap();
        truncate_everywhere(&body, &Options::new());
    }
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
fn garbage_gets_a_clear_answer() {
    let cases: &[&[u8]] = &[
        b"",
        b"   \n",
        b"\0\0\0\0",
        b"<",
        b"<a",
        b"<a></b>",
        b"<a><b></a></b>",
        b"<p:a/>",
        b"<a x='1' x='2'/>",
        b"<a>\0</a>",
        b"\xff\xfe<\0a\0",
        b"\xfe\xff\0<\0a",
        b"\xef\xbb\xbf",
        b"<?xml version='1.0' encoding='utf-16'?><a/>",
        b"{\"a\":",
        b"[1,2,3]",
        b"]]>",
        b"<a/><b/>",
        b"text<a/>",
        b"<!DOCTYPE html><html><body>hi</body></html>",
    ];
    for body in cases {
        let answer = read(body, &Options::new());
        if let Err(e) = &answer {
            assert!(!e.to_string().is_empty());
        }
        let with_status = read(body, &Options::new().status(500)).unwrap();
        assert_eq!(with_status.errors.len(), 1, "{:?}", String::from_utf8_lossy(body));
    }
}

#[test]
fn mismatched_tags_and_content_after_root_are_malformed() {
    assert!(matches!(read(b"<a></b>", &Options::new()), Err(ParseError::Xml { .. })));
    assert!(matches!(read(b"<a/><b/>", &Options::new()), Err(ParseError::Xml { .. })));
    assert!(matches!(read(b"<a>", &Options::new()), Err(ParseError::Truncated { open: 1, .. })));
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
fn bad_utf16_is_an_encoding_error() {
    let mut body: Vec<u8> = vec![0xFF, 0xFE];
    body.extend("<a>".encode_utf16().flat_map(u16::to_le_bytes));
    body.extend([0x00, 0xDC]); // a lone low surrogate
    body.extend("</a>".encode_utf16().flat_map(u16::to_le_bytes));
    let err = read(&body, &Options::new()).unwrap_err();
    assert_eq!(err, ParseError::Encoding { offset: 8, encoding: "UTF-16LE".into() });
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

#[test]
fn many_openair_errors_stay_within_max_errors() {
    let commands: String = (0..100_000).map(|_| "<Add status=\"10\"/>").collect();
    let body = format!("<response>{commands}</response>");
    let report = read(body.as_bytes(), &Options::new()).unwrap();
    assert_eq!((report.errors.len(), report.omitted), (1000, 99_000));
    assert_eq!(report.errors[999].index, Some(999));
}
