//! Elements no reader wants are passed over by a `memchr` scan when it can
//! vouch for their content, else event by event: either way the answer is
//! the same. Each body here is read from a slice (where the scan sees the
//! whole rest) and from streams with buffers from 1 byte (where it mostly
//! cannot) to larger than the body, and the answers must agree and be the
//! expected one.

mod common;

use std::io::BufReader;

use vendor_errors::{Limit, Options, ParseError, Report};

use common::SOAP11;

/// A fault after a header holding `header` (content no reader reads).
fn after_header(header: &str) -> Vec<u8> {
    format!(
        r#"<soap:Envelope xmlns:soap="{SOAP11}"><soap:Header><h:Trace xmlns:h="urn:h">{header}</h:Trace></soap:Header><soap:Body><soap:Fault><faultcode>soap:Server</faultcode><faultstring>down</faultstring></soap:Fault></soap:Body></soap:Envelope>"#
    )
    .into_bytes()
}

fn read_all_ways(body: &[u8], opts: &Options) -> Result<Report, ParseError> {
    let slice = vendor_errors::from_slice(body, opts);
    for capacity in [1, 2, 7, 64, 4096, body.len() + 1] {
        let stream = vendor_errors::from_reader(BufReader::with_capacity(capacity, body), opts);
        assert_eq!(slice, stream, "buffer of {capacity}: {:?}", String::from_utf8_lossy(body));
    }
    slice
}

fn message(answer: &Result<Report, ParseError>) -> &str {
    &answer.as_ref().expect("an answer").errors[0].message
}

#[test]
fn skipped_content_that_reads_well_is_passed_over() {
    for header in [
        "",
        "<a k='x>y' l=\"&amp;\">t &amp; u &#233;<b/><c\n/></a >",
        "é<p:q xmlns:p='urn:p'>ü</p:q>",
        // Declined by the scan, read event by event: the same answer.
        "<a><!-- a comment --></a>",
        "<a><![CDATA[<not markup>]]></a>",
        "<a><?pi data?></a>",
    ] {
        let answer = read_all_ways(&after_header(header), &Options::new());
        assert_eq!(message(&answer), "down", "{header:?}");
    }
}

#[test]
fn skipped_content_the_tokenizer_refuses_is_refused() {
    type Expected = fn(&ParseError) -> bool;
    let cases: [(&str, Expected); 3] = [
        ("<a></b>", |e| matches!(e, ParseError::Xml { .. })),
        // `&` opens a reference no `;` closes before the end: read as cut there.
        ("t & u", |e| matches!(e, ParseError::Xml { .. } | ParseError::Truncated { .. })),
        ("<a k='v></a>", |e| matches!(e, ParseError::Xml { .. } | ParseError::Truncated { .. })),
    ];
    for (header, expected) in cases {
        let answer = read_all_ways(&after_header(header), &Options::new());
        // The fault after the header is read, or the break reported: never an answer the
        // tokenizer would not give, and the same from every source (checked above).
        match &answer {
            Ok(report) => assert!(report.incomplete.as_ref().is_some_and(expected), "{header:?}: {report:?}"),
            Err(e) => assert!(expected(e), "{header:?}: {e:?}"),
        }
    }
    let mut bad_utf8 = after_header("<a>xx</a>");
    let at = bad_utf8.windows(2).position(|w| w == b"xx").unwrap();
    bad_utf8[at] = 0xff;
    let answer = read_all_ways(&bad_utf8, &Options::new());
    assert!(matches!(answer, Err(ParseError::Encoding { offset, .. }) if offset == at as u64), "{answer:?}");
}

#[test]
fn limits_hold_in_skipped_content() {
    let deep = format!("{}{}", "<a>".repeat(300), "</a>".repeat(300));
    let answer = read_all_ways(&after_header(&deep), &Options::new());
    assert!(matches!(answer, Err(ParseError::Limit { limit: Limit::Depth, .. })), "{answer:?}");

    let opts = common::limits(|l| l.max_event_bytes = 512);
    let long_text = "x".repeat(600);
    let answer = read_all_ways(&after_header(&format!("<a>{long_text}</a>")), &opts);
    assert!(matches!(answer, Err(ParseError::Limit { limit: Limit::EventSize, .. })), "{answer:?}");
    let long_tag = format!("<a k='{long_text}'/>");
    let answer = read_all_ways(&after_header(&long_tag), &opts);
    assert!(matches!(answer, Err(ParseError::Limit { limit: Limit::EventSize, .. })), "{answer:?}");
}

#[test]
fn a_large_read_streams_past_its_records_child_by_child() {
    // Larger than any buffer: the stream passes over the records one by one.
    let mut body = String::from("<response><Auth status=\"0\"/><Read status=\"0\">");
    for i in 0..5000 {
        body.push_str(&format!("<Task><id>{i}</id><notes>a &amp; b</notes><x/></Task>"));
        if i == 2500 {
            body.push_str("<!-- halfway -->");
        }
    }
    body.push_str("</Read><Add status=\"1106\"><errors>Some error</errors></Add></response>");
    let answer = read_all_ways(body.as_bytes(), &Options::new());
    let report = answer.expect("an answer");
    assert_eq!((report.errors.len(), report.errors[0].command.as_deref()), (1, Some("Add")));
}
