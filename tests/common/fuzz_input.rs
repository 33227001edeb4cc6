//! A fuzz input (HTTP context, limits, body) and the checks every target
//! makes on it. Shared by the cargo-fuzz targets (`fuzz/src/lib.rs`
//! includes this file by path) and by the stable test that replays their
//! inputs, so both judge an input the same way. It lives in `tests/` so
//! that the packaged crate, which has no `fuzz/`, still holds it.

use std::io::BufReader;

use arbitrary::{Arbitrary, Unstructured};
use vendor_errors::{Limits, Options, ParseError, Report, RetryClass, Vendor, VendorError, VendorHint};

/// The HTTP context and limits a body is read with.
#[derive(Debug, Arbitrary)]
pub struct Context<'a> {
    pub status: Option<u16>,
    pub retry_after: Option<&'a str>,
    pub content_type: Option<&'a str>,
    /// Small limits, so that every limit is reached by small inputs.
    pub small_limits: bool,
    /// Capacity of the stream reader's buffer, 1 to 256.
    pub chunk: u8,
}

/// A structured input: context, then the rest of the bytes as the body.
#[derive(Debug)]
pub struct Input<'a> {
    pub context: Context<'a>,
    pub body: &'a [u8],
}

impl<'a> Input<'a> {
    /// Splits raw fuzzer bytes into a context and a body.
    pub fn from_bytes(data: &'a [u8]) -> Option<Self> {
        let mut u = Unstructured::new(data);
        let context = Context::arbitrary(&mut u).ok()?;
        let body = u.take_rest();
        Some(Input { context, body })
    }

    /// The limits this input asks for: small ones, or the defaults.
    pub fn limits(&self) -> Limits {
        let mut limits = Limits::default();
        if self.context.small_limits {
            limits.max_depth = 8;
            limits.max_event_bytes = 64;
            limits.max_body_bytes = 4096;
            limits.max_message_bytes = 16;
            limits.max_detail_bytes = 16;
            limits.max_errors = 3;
            limits.max_preamble_bytes = 256;
        }
        limits
    }

    /// The options this input asks for, with `hint`.
    pub fn options(&self, hint: VendorHint) -> Options {
        let c = &self.context;
        let mut opts = Options::new().vendor(hint);
        if let Some(status) = c.status {
            opts = opts.status(status);
        }
        if let Some(value) = c.retry_after {
            opts = opts.header("Retry-After", value);
        }
        if let Some(value) = c.content_type {
            opts = opts.header("Content-Type", value);
        }
        if c.small_limits {
            opts = opts.limits(self.limits());
        }
        opts
    }
}

/// The invariants of any answer: kept errors within `max_errors`, texts cut
/// where `limits` (those the answer was read with) say, the JSON form
/// round-tripping.
pub fn check_answer(answer: &Result<Report, ParseError>, limits: &Limits) {
    let Ok(report) = answer else { return };
    assert!(report.errors.len() <= limits.max_errors, "{} errors kept", report.errors.len());
    for e in &report.errors {
        // Body text is cut at the limit (plus the 3-byte mark); catalog
        // descriptions and generic phrases are short.
        assert!(e.message.len() <= limits.max_message_bytes.max(512) + 3, "message of {} bytes", e.message.len());
        if let Some(detail) = &e.detail {
            assert!(detail.len() <= limits.max_detail_bytes.max(512) + 3, "detail of {} bytes", detail.len());
        }
        assert_eq!(e.retryable(), e.retry.class().is_retryable());
        let json = serde_json::to_string(e).expect("serializable");
        let back: vendor_errors::VendorError = serde_json::from_str(&json).expect("deserializable");
        assert_eq!(&back, e, "JSON round trip");
    }
}

/// Reads `body` from a slice and from a stream with `opts` (whose limits are
/// `limits`); both must give the same answer, and that answer must keep the
/// invariants.
pub fn check_both(body: &[u8], opts: &Options, limits: &Limits, chunk: u8) -> Result<Report, ParseError> {
    let from_slice = vendor_errors::from_slice(body, opts);
    let reader = BufReader::with_capacity(usize::from(chunk).max(1), body);
    let from_reader = vendor_errors::from_reader(reader, opts);
    assert_eq!(from_slice, from_reader, "slice and stream disagree");
    if chunk > 1 {
        // A stream handed one byte at a time never skips an element (a skip
        // needs the element's content at hand): the answer skipping must give.
        let unskipped = vendor_errors::from_reader(BufReader::with_capacity(1, body), opts);
        assert_eq!(from_slice, unskipped, "skipping changed the answer");
    }
    check_answer(&from_slice, limits);
    check_scan(body, opts, &from_slice, chunk);
    check_max_errors(body, opts, limits, &from_slice);
    from_slice
}

/// No error is lost to [`Limits::max_errors`]: for every cap from 0 (count
/// only) to one past the errors the body holds (at most 8), the report
/// counts the same errors, kept plus omitted, makes the same decision, keeps
/// a prefix of what a larger cap keeps, and fails or breaks off alike.
pub fn check_max_errors(body: &[u8], opts: &Options, limits: &Limits, answer: &Result<Report, ParseError>) {
    let Ok(report) = answer else { return };
    let total = report.errors.len() as u64 + report.omitted;
    for max in 0..=total.min(7) + 1 {
        let mut capped_limits = limits.clone();
        capped_limits.max_errors = max as usize;
        let capped = vendor_errors::from_slice(body, &opts.clone().limits(capped_limits));
        let capped = capped.unwrap_or_else(|e| panic!("with max_errors = {max} the read failed: {e}"));
        let counted = capped.errors.len() as u64 + capped.omitted;
        assert_eq!(counted, total, "with max_errors = {max}: {counted} errors counted, {total} without the cap");
        assert_eq!(capped.retry(), report.retry(), "with max_errors = {max} the decision changed");
        assert_eq!(capped.incomplete, report.incomplete, "with max_errors = {max} the break changed");
        let kept = capped.errors.len().min(report.errors.len());
        assert_eq!(capped.errors[..kept], report.errors[..kept], "with max_errors = {max} other errors were kept");
    }
}

/// A scan that never stops hands out exactly the report's errors (the
/// report keeps at most `max_errors`, counts the rest, and marks salvaged
/// errors; the scan says the break once), counts what a reader held back
/// as the report does, and makes the same decision; one that stops at the
/// first error hands out only that one.
pub fn check_scan(body: &[u8], opts: &Options, answer: &Result<Report, ParseError>, chunk: u8) {
    let essentials = |e: &vendor_errors::VendorError| (e.vendor, e.code.clone(), e.message.clone(), e.retry);
    let mut handed = Vec::new();
    let mut decisions = Vec::new();
    let reader = BufReader::with_capacity(usize::from(chunk).max(1), body);
    let scanned = vendor_errors::scan_reader(reader, opts, |e| {
        handed.push(essentials(&e));
        decisions.extend((!e.informational).then_some(e.retry));
        std::ops::ControlFlow::Continue(())
    });
    match (answer, &scanned) {
        (Ok(report), Ok(scanned)) => {
            assert!(!scanned.stopped, "a scan that was never asked to stop says it stopped");
            assert_eq!(scanned.incomplete, report.incomplete, "scan and report disagree on the break");
            assert_eq!(scanned.handed, handed.len() as u64, "the scan miscounts what it handed out");
            let found = scanned.handed + scanned.omitted;
            assert_eq!(found, report.errors.len() as u64 + report.omitted, "scan and report count apart");
            let kept: Vec<_> = report.errors.iter().map(essentials).collect();
            if report.omitted == scanned.omitted {
                assert_eq!(handed, kept, "the scan did not hand out exactly the report's errors");
            } else {
                assert_eq!(&handed[..kept.len()], &kept[..], "scan and report disagree");
            }
            let decision = decisions.into_iter().chain(scanned.omitted_retry).reduce(vendor_errors::Retry::combine);
            assert_eq!(decision, report.retry(), "scan and report decide apart");
        }
        (Err(a), Err(b)) => assert_eq!(a, b, "scan and report fail apart"),
        (a, b) => panic!("scan and report disagree: {a:?} / {b:?}"),
    }
    let mut first = None;
    let stopped = vendor_errors::scan_slice(body, opts, |e| {
        first = Some(essentials(&e));
        std::ops::ControlFlow::Break(())
    });
    if let Ok(report) = answer {
        let stopped = stopped.expect("a scan stopped at the first error failed");
        assert_eq!(stopped.handed, u64::from(first.is_some()), "a stopped scan handed out more than one error");
        assert_eq!(first, report.errors.first().map(essentials), "the first error differs");
    }
}

/// How final a class is: transient, then throttled, then reauth, then permanent.
fn finality(class: RetryClass) -> u8 {
    match class {
        RetryClass::Transient => 0,
        RetryClass::Throttled => 1,
        RetryClass::Reauth => 2,
        _ => 3,
    }
}

/// A body cut at `at` keeps what its bytes prove, and no more: every error
/// of a report that broke off (`incomplete`) is the response's fallback
/// (the status's `http` error, or a vendor header's, as with no body), or an error of a vendor the whole body (`whole`, read with the
/// same options) has errors of (any, for the generic `soap`, `xml` and
/// `json` readings of a body cut before what names its vendor); with a code (or
/// fault code) the whole body gives, it is no more final than that error
/// (a cut never makes a retryable error permanent, nor a throttled one
/// reauth); with another (the part that settles the code was cut), it is
/// transient.
pub fn check_cut(body: &[u8], opts: &Options, whole: &Result<Report, ParseError>, at: usize) {
    let Ok(whole) = whole else { return };
    // Nothing to compare with: errors past `max_errors` are counted, not
    // kept; a whole body not understood (its status's `http` error alone,
    // read whole) says less than its prefix may.
    let understood = whole.incomplete.is_some() || whole.errors.iter().any(|w| w.vendor != Vendor::Http);
    if at >= body.len() || whole.omitted > 0 || !understood && !whole.errors.is_empty() {
        return;
    }
    let Ok(cut) = vendor_errors::from_slice(&body[..at], opts) else { return };
    let Some(broke) = &cut.incomplete else { return };
    // A whole body stopped by a limit read less than its cut may: the cut
    // shortens the event that hit the limit and reads on past where the
    // whole stopped, or reads that event itself and finds it malformed
    // (bad UTF-8 the limit kept the whole body from decoding: a malformed
    // body keeps its errors' classes, a limit unsettles them). Only a cut
    // that broke off before that point, or there, says less.
    if let Some(ParseError::Limit { offset: stop, .. }) = &whole.incomplete
        && (broke.offset() > *stop || broke.offset() == *stop && !broke_off(broke))
    {
        return;
    }
    // What the response says with no body: the status's `http` error, or
    // the one a vendor header names (`x-amzn-ErrorType`, `x-ms-error-code`).
    // A cut body that says nothing falls back to it, as the status's.
    let without_body = vendor_errors::from_slice(b"", opts).map(|r| r.errors).unwrap_or_default();
    let fallback = |e: &VendorError| without_body.iter().any(|f| f.vendor == e.vendor && f.code == e.code);
    for e in cut.errors.iter().filter(|e| e.vendor != Vendor::Http && !fallback(e)) {
        // A generic reading (SOAP, XML, JSON) may stand for any vendor's.
        let generic = matches!(e.vendor, Vendor::Soap | Vendor::Xml | Vendor::Json);
        let by_vendor: Vec<&VendorError> = whole.errors.iter().filter(|w| generic || w.vendor == e.vendor).collect();
        let named = |w: &&&VendorError| w.code == e.code || e.fault_code.is_some() && w.fault_code == e.fault_code;
        let shown =
            || whole.errors.iter().map(|w| format!("{} {} ({})", w.vendor, w.code, w.retry)).collect::<Vec<_>>();
        assert!(
            !by_vendor.is_empty(),
            "cut at byte {at}: {} {} ({}) is no error of the whole body: {:?}",
            e.vendor,
            e.code,
            e.retry,
            shown()
        );
        // With the code the whole body gives: no more final than it. With
        // another (the part that settles the code was cut): transient.
        let most_final = by_vendor.iter().filter(named).map(|w| finality(w.retry.class())).max().unwrap_or(0);
        assert!(
            finality(e.retry.class()) <= most_final,
            "cut at byte {at}: {} {} is {}, more final than the whole body's {:?}",
            e.vendor,
            e.code,
            e.retry,
            shown()
        );
    }
}

/// Did the body break off there (ended, a failed read, a limit), rather
/// than go wrong (malformed)? The library's own test, restated (it is not
/// public).
fn broke_off(e: &ParseError) -> bool {
    matches!(e, ParseError::Truncated { .. } | ParseError::Io { .. } | ParseError::Limit { .. })
}

/// The hint `VENDOR_ERRORS_FUZZ_HINT` names (`fuzz/run.sh 600 hint=aws`),
/// which the `hint` target then uses for every input, whatever its first
/// byte: so that one vendor's reader gets a run's whole time.
fn forced_hint() -> Option<VendorHint> {
    static FORCED: std::sync::OnceLock<Option<VendorHint>> = std::sync::OnceLock::new();
    *FORCED.get_or_init(|| std::env::var("VENDOR_ERRORS_FUZZ_HINT").ok().and_then(|name| name.parse().ok()))
}

/// The vendors' own headers a body may come with (codes, request ids,
/// delays): the `hint` target gives them all the context's `Retry-After`
/// text when the hint byte's top bit is set.
pub const VENDOR_HEADERS: [&str; 8] = [
    "x-amzn-ErrorType",
    "x-amz-retry-after",
    "x-amz-request-id",
    "x-amz-id-2",
    "x-ms-error-code",
    "x-ms-request-id",
    "retry-after-ms",
    "x-ms-retry-after-ms",
];

/// The `hint` target: the first byte's low 7 bits pick the vendor hint (one
/// of [`VendorHint::ALL`]), its top bit gives the [`VENDOR_HEADERS`] the
/// `Retry-After` text; the rest is a structured input read with it.
pub fn run_hint(data: &[u8]) {
    let Some((&pick, data)) = data.split_first() else { return };
    let hint = forced_hint().unwrap_or(VendorHint::ALL[usize::from(pick & 0x7f) % VendorHint::ALL.len()]);
    if let Some(input) = Input::from_bytes(data) {
        let mut opts = input.options(hint);
        if let (true, Some(value)) = (pick & 0x80 != 0, input.context.retry_after) {
            for name in VENDOR_HEADERS {
                opts = opts.header(name, value);
            }
        }
        let answer = vendor_errors::from_slice(input.body, &opts);
        check_answer(&answer, &input.limits());
        // Two cuts: in the middle, and where the chunk byte points.
        let len = input.body.len();
        check_cut(input.body, &opts, &answer, len / 2);
        check_cut(input.body, &opts, &answer, len * usize::from(input.context.chunk) / 256);
    }
}
