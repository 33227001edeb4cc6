//! The hostile-input suite: each test builds its own input (entity tricks,
//! external entities, DOCTYPE subsets, deep nesting, huge text and
//! attributes, floods of errors, truncation, bad encodings, malformed
//! markup, NULs, HTML, binary), asserts the answer, and asserts that the
//! work stayed within the documented `Limits` — including the heap, which a
//! counting allocator measures per thread.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::io::{self, BufReader, Read};

use vendor_errors::{Limit, Limits, Options, ParseError, Report, Vendor};

mod common;
use common::{SOAP11, fault11, read};

/// The system allocator, counting live and peak bytes per thread.
struct Counting;

thread_local! {
    static LIVE: Cell<usize> = const { Cell::new(0) };
    static PEAK: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: every call forwards to `System` with the same arguments; the
// bookkeeping touches only const-initialized thread-locals, which never
// allocate.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            grow(layout.size());
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        shrink(layout.size());
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let new = unsafe { System.realloc(ptr, layout, new_size) };
        if !new.is_null() {
            shrink(layout.size());
            grow(new_size);
        }
        new
    }
}

fn grow(n: usize) {
    let _ = LIVE.try_with(|live| {
        let now = live.get() + n;
        live.set(now);
        let _ = PEAK.try_with(|peak| peak.set(peak.get().max(now)));
    });
}

fn shrink(n: usize) {
    let _ = LIVE.try_with(|live| live.set(live.get().saturating_sub(n)));
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Runs `f` and returns its result with the heap it needed above what was
/// live before (on this thread).
fn peak_heap<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let base = LIVE.with(Cell::get);
    PEAK.with(|p| p.set(base));
    let out = f();
    let peak = PEAK.with(Cell::get) - base;
    // Shown with `cargo test --test hostile -- --nocapture`.
    eprintln!("peak heap: {peak} bytes");
    (out, peak)
}

const MIB: usize = 1 << 20;

/// A body produced on the fly: `head`, then `fill` repeated `n` times, then `tail`.
struct Generated {
    parts: [(Vec<u8>, usize); 3],
    part: usize,
    done_in_part: usize,
}

impl Generated {
    fn new(head: &str, fill: &str, n: usize, tail: &str) -> Self {
        Generated { parts: [(head.into(), 1), (fill.into(), n), (tail.into(), 1)], part: 0, done_in_part: 0 }
    }
}

impl Read for Generated {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let mut written = 0;
        while written < out.len() && self.part < 3 {
            let (unit, count) = &self.parts[self.part];
            let total = unit.len() * count;
            if self.done_in_part == total {
                self.part += 1;
                self.done_in_part = 0;
                continue;
            }
            let at = self.done_in_part % unit.len().max(1);
            let n = (unit.len() - at).min(out.len() - written).min(total - self.done_in_part);
            out[written..written + n].copy_from_slice(&unit[at..at + n]);
            written += n;
            self.done_in_part += n;
        }
        Ok(written)
    }
}

fn stream(g: Generated, opts: &Options) -> Result<Report, ParseError> {
    vendor_errors::from_reader(BufReader::with_capacity(64 * 1024, g), opts)
}

#[test]
fn billion_laughs_is_not_expanded() {
    let mut dtd = String::from("<!DOCTYPE soap:Envelope [<!ENTITY lol0 \"lol\">");
    for i in 1..10 {
        dtd.push_str(&format!("<!ENTITY lol{i} \"{}\">", format!("&lol{};", i - 1).repeat(10)));
    }
    dtd.push_str("]>");
    let body = format!("{dtd}{}", fault11("Client", "&lol9; &lol3;"));
    let (report, heap) = peak_heap(|| read(body.as_bytes(), &Options::new()).unwrap());
    assert_eq!(report.errors[0].message, "&lol9; &lol3;");
    assert!(heap < MIB, "{heap} bytes");
}

#[test]
fn quadratic_blowup_entity_is_not_expanded() {
    let big = "x".repeat(50_000);
    let refs = "&big;".repeat(5_000);
    let body = format!("<!DOCTYPE r [<!ENTITY big \"{big}\">]>{}", fault11("Client", &refs));
    let report = read(body.as_bytes(), &Options::new()).unwrap();
    let e = &report.errors[0];
    assert!(e.message.starts_with("&big;&big;") && e.truncated);
    assert!(e.message.len() <= Limits::default().max_message_bytes + 3);
}

#[test]
fn external_entities_are_never_fetched_or_expanded() {
    for decl in [
        r#"<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/hostname">]>"#,
        r#"<!DOCTYPE r [<!ENTITY x PUBLIC "-//X//Y" "http://127.0.0.1:9/x.dtd">]>"#,
        r#"<!DOCTYPE r SYSTEM "http://127.0.0.1:9/evil.dtd">"#,
        r#"<!DOCTYPE r [<!ENTITY % p SYSTEM "http://127.0.0.1:9/p.dtd"> %p;]>"#,
    ] {
        let body = format!("{decl}{}", fault11("Client", "a &x; b"));
        let report = read(body.as_bytes(), &Options::new()).unwrap();
        assert_eq!(report.errors[0].message, "a &x; b", "{decl}");
    }
}

#[test]
fn doctype_internal_subset_is_skipped() {
    let body = format!(
        "<!DOCTYPE soap:Envelope [<!ELEMENT x ANY><!ATTLIST faultstring lang CDATA 'fr'><!-- ]> -->]>{}",
        fault11("Client", "plain")
    );
    let report = read(body.as_bytes(), &Options::new()).unwrap();
    assert_eq!((report.errors[0].message.as_str(), report.errors[0].lang.as_deref()), ("plain", None));
}

#[test]
fn half_a_million_deep_nesting_stops_at_max_depth() {
    let (answer, heap) = peak_heap(|| stream(Generated::new("", "<a>", 500_000, ""), &Options::new()));
    let err = answer.unwrap_err();
    assert!(matches!(err, ParseError::Limit { limit: Limit::Depth, max: 256, .. }), "{err}");
    assert!(err.offset() < 1_000, "stopped late, at {}", err.offset());
    assert!(heap < 2 * MIB, "{heap} bytes");
}

#[test]
fn fifty_megabyte_text_node_stops_at_max_event_bytes() {
    let opts = Options::new();
    let (answer, heap) = peak_heap(|| stream(Generated::new("<a>", "x", 50 * MIB, "</a>"), &opts));
    let err = answer.unwrap_err();
    assert_eq!(err, ParseError::Limit { limit: Limit::EventSize, max: 16 * MIB as u64, offset: 3 });
    let max_event = Limits::default().max_event_bytes;
    assert!(heap < max_event * 2 + 2 * MIB, "{heap} bytes for a {max_event}-byte event limit");
}

#[test]
fn fifty_megabyte_text_node_in_a_skipped_record_is_read_within_a_raised_limit() {
    let mut limits = Limits::default();
    limits.max_event_bytes = 64 * MIB;
    let opts = Options::new().limits(limits);
    let body = Generated::new(
        "<response><Read status=\"0\"><Attachment><data>",
        "QUJD",
        50 * MIB / 4,
        "</data></Attachment></Read><Add status=\"556\"/></response>",
    );
    let (answer, heap) = peak_heap(|| stream(body, &opts));
    let report = answer.unwrap();
    assert_eq!((report.errors[0].vendor, report.errors[0].code.as_num()), (Vendor::OpenAir, Some(556)));
    // One text event is buffered whole: memory follows the event, not the body.
    assert!(heap < 64 * MIB + 16 * MIB, "{heap} bytes");
}

#[test]
fn ten_megabyte_attribute_is_within_the_default_event_limit() {
    let opts = Options::new();
    let head = format!(r#"<soap:Envelope xmlns:soap="{SOAP11}"><soap:Body><soap:Fault junk=""#);
    let tail = "\"><faultcode>soap:Server</faultcode><faultstring>big tag</faultstring></soap:Fault></soap:Body></soap:Envelope>";
    let (answer, heap) = peak_heap(|| stream(Generated::new(&head, "y", 10 * MIB, tail), &opts));
    assert_eq!(answer.unwrap().errors[0].message, "big tag");
    // The tag is buffered once by the reader and copied once as the current element.
    assert!(heap < 3 * 10 * MIB + 2 * MIB, "{heap} bytes");

    let mut small = Limits::default();
    small.max_event_bytes = MIB;
    let answer = stream(Generated::new(&head, "y", 10 * MIB, tail), &Options::new().limits(small));
    assert!(matches!(answer, Err(ParseError::Limit { limit: Limit::EventSize, .. })));
}

#[test]
fn a_hundred_thousand_errors_are_counted_not_kept() {
    let opts = Options::new();
    let body = Generated::new("<response>", "<Add status=\"10\"/>", 100_000, "</response>");
    let (answer, heap) = peak_heap(|| stream(body, &opts));
    let report = answer.unwrap();
    assert_eq!((report.errors.len(), report.omitted), (1000, 99_000));
    assert!(heap < 4 * MIB, "{heap} bytes for 1000 kept errors");
}

#[test]
fn body_size_limit_stops_an_endless_stream() {
    let mut limits = Limits::default();
    limits.max_body_bytes = 4 * MIB as u64;
    let body = Generated::new("<response><Read status=\"0\">", "<Task><id>1</id></Task>", usize::MAX / 64, "");
    let err = stream(body, &Options::new().limits(limits)).unwrap_err();
    assert_eq!(err, ParseError::Limit { limit: Limit::BodySize, max: 4 * MIB as u64, offset: 4 * MIB as u64 });
}

/// Every prefix of a valid body: no panic, the readers agree, and the
/// answer is "not understood", exactly the full body's answer, or errors
/// salvaged from before the cut: marked incomplete, each with the code and
/// message the full body gives it.
fn truncate_everywhere(body: &[u8], opts: &Options) {
    let full = read(body, opts).unwrap();
    for end in 0..body.len() {
        let Ok(report) = read(&body[..end], opts) else { continue };
        if report == full || report.is_success() && end < 4 {
            continue;
        }
        assert!(report.incomplete.is_some(), "a prefix of {end} bytes gave {report:?}");
        assert!(report.errors.len() <= full.errors.len(), "a prefix of {end} bytes gave {report:?}");
        for (salvaged, whole) in report.errors.iter().zip(&full.errors) {
            assert!(salvaged.incomplete, "{salvaged:?}");
            // A vendor that puts its code in the fault's detail (Marketo) is
            // not recognised when the detail was cut: the fault stays generic.
            if salvaged.vendor == Vendor::Soap && whole.vendor != Vendor::Soap {
                assert_eq!(salvaged.fault_code, whole.fault_code, "a prefix of {end} bytes");
                continue;
            }
            let same = |e: &vendor_errors::VendorError| (e.vendor, e.code.clone(), e.message.clone());
            assert_eq!(same(salvaged), same(whole), "a prefix of {end} bytes");
        }
    }
}

#[test]
fn truncation_at_every_offset_never_invents_an_error() {
    for name in [
        "soap/soap12-receiver-subcodes.xml",
        "soap/soap11-faultactor-detail.xml",
        "soap/soap11-utf16le-bom.xml",
        "openair/xml-mixed-commands.xml",
        "openair/soap-add-results-oaerrors.xml",
        "marketo/soap-auth-failed-20014.xml",
        "marketo/rest-skipped-records.json",
        "superoffice/cs-rpc-encoded.xml",
        "qlm/soap-escaped-fragment.xml",
        "salto/errors-array-pod.json",
        "json/errors-three-items.json",
        "json/jsonrpc-batch.json",
    ] {
        let body = std::fs::read(format!("{}/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap();
        truncate_everywhere(&body, &Options::new());
    }
}

#[test]
fn bad_utf8_and_utf16() {
    let err = read(b"<a>caf\xe9</a>", &Options::new()).unwrap_err();
    assert_eq!(err, ParseError::Encoding { offset: 6, encoding: "UTF-8".into() });
    let mut utf16: Vec<u8> = vec![0xFF, 0xFE];
    utf16.extend("<a>".encode_utf16().flat_map(u16::to_le_bytes));
    utf16.extend([0x00, 0xDC]); // a lone low surrogate
    utf16.extend("</a>".encode_utf16().flat_map(u16::to_le_bytes));
    let err = read(&utf16, &Options::new()).unwrap_err();
    assert_eq!(err, ParseError::Encoding { offset: 8, encoding: "UTF-16LE".into() });
    // An odd number of UTF-16 bytes: the body was cut inside a character.
    let err = read(&[0xFF, 0xFE, b'<', 0, b'a'], &Options::new()).unwrap_err();
    assert!(matches!(err, ParseError::Truncated { .. }), "{err}");
}

#[test]
fn malformed_markup_is_an_xml_error() {
    for body in
        [&b"<a></b>"[..], b"<a><b></a></b>", b"<a/><b/>", b"<a>&#xZZ;</a></c>", b"<a b='1></a>", b"<a>text</a>trailing"]
    {
        let err = read(body, &Options::new()).unwrap_err();
        assert!(matches!(err, ParseError::Xml { .. } | ParseError::Truncated { .. }), "{body:?}: {err}");
    }
}

#[test]
fn unbound_prefixes_duplicate_attributes_and_nuls_get_an_answer() {
    // Unbound prefix on the envelope: not SOAP, so a foreign (successful) document.
    assert!(read(b"<soap:Envelope><soap:Body/></soap:Envelope>", &Options::new()).unwrap().is_success());
    // Duplicate attribute on an element no reader looks into.
    assert!(read(b"<a x='1' x='2'/>", &Options::new()).unwrap().is_success());
    // Duplicate status attribute on an OpenAir command: the first one counts.
    let report = read(b"<response><Add status='10' status='0'/></response>", &Options::new()).unwrap();
    assert_eq!(report.errors[0].code.as_num(), Some(10));
    // NUL bytes in text and before the root.
    for body in [&b"<a>\0</a>"[..], b"\0\0\0\0", b"<\0a/>"] {
        let with_status = read(body, &Options::new().status(502)).unwrap();
        assert_eq!(with_status.errors.len(), 1);
    }
}

#[test]
fn html_binary_and_empty_bodies() {
    type Verdict = fn(&ParseError) -> bool;
    let cases: &[(&[u8], Verdict)] = &[
        (b"", |e| matches!(e, ParseError::Empty)),
        (b" \r\n\t", |e| matches!(e, ParseError::Empty)),
        (
            b"<!DOCTYPE html><html><title>Down</title></html>",
            |e| matches!(e, ParseError::Html { title: Some(t) } if t == "Down"),
        ),
        (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", |e| matches!(e, ParseError::NotMarkup { .. })),
        (b"\x1f\x8b\x08\0\0\0\0\0", |e| matches!(e, ParseError::NotMarkup { .. })),
        (b"{\"a\":", |e| matches!(e, ParseError::Truncated { offset: 5, open: 1 })),
        (b"{\"a\":1 \"b\":2}", |e| matches!(e, ParseError::Json { .. })),
    ];
    for (body, expected) in cases {
        let err = read(body, &Options::new()).unwrap_err();
        assert!(expected(&err), "{body:?}: {err}");
        let report = read(body, &Options::new().status(500)).unwrap();
        assert_eq!((report.errors.len(), report.errors[0].vendor), (1, Vendor::Http));
    }
}

#[test]
fn deep_json_is_refused() {
    let body = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let err = read(body.as_bytes(), &Options::new()).unwrap_err();
    assert!(matches!(err, ParseError::Json { .. }), "{err}");
}

#[test]
fn multibyte_names_near_suffixes_are_sliced_safely() {
    // Found by the hint_superoffice fuzz target: a part name whose last bytes
    // before "result" were inside a multi-byte character.
    let opts = Options::new().vendor(vendor_errors::VendorHint::SuperOffice).status(500);
    let body = format!(
        r#"<soap:Envelope xmlns:soap="{SOAP11}"><soap:Body><xResponse><a{}sult>5</a{0}sult></xResponse></soap:Body></soap:Envelope>"#,
        "\u{feff}"
    );
    let report = read(body.as_bytes(), &opts).unwrap();
    assert_eq!(report.errors.len(), 1);
}

#[test]
fn huge_names_in_reader_errors_are_cut() {
    let name = "n".repeat(100_000);
    let body = format!("<{name}></x>");
    let err = read(body.as_bytes(), &Options::new()).unwrap_err();
    assert!(err.to_string().len() < 400, "{} bytes", err.to_string().len());
    let report = read(body.as_bytes(), &Options::new().status(502)).unwrap();
    let detail = report.errors[0].detail.as_deref().unwrap();
    assert!(detail.len() <= Limits::default().max_detail_bytes + 3);
}
