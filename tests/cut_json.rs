//! JSON bodies cut short. Every prefix of every JSON fixture, read with
//! the fixture's options from a slice and from streams handing out 1 and 7
//! bytes at a time, gives one answer; and that answer is the whole body's,
//! the break itself (named as one: `ParseError::Truncated`, never
//! "malformed"), or what the complete parts prove: every error marked
//! incomplete, with the vendor and code of an error of the whole body (for
//! Google, its canonical `status` when the `ErrorInfo` reason was cut) or
//! the status's `http` fallback, a class no more final than the whole
//! body's error of that code, and a message the body holds (or, when the
//! message was cut, the one a body without a message gets).

use std::fs;
use std::io::BufReader;
use std::path::Path;

use vendor_errors::{Options, ParseError, Report, RetryClass, Vendor, VendorError};

#[path = "common/fixture_args.rs"]
mod fixture_args;

/// The options a fixture's `.args` stand for (as the golden suite reads them).
fn options(args: &str) -> Options {
    fixture_args::options(&args.lines().filter(|l| !l.is_empty()).map(str::to_owned).collect::<Vec<_>>())
}

/// How much a class holds a caller back (as `Retry::combine` weighs it).
fn restraint(class: RetryClass) -> u8 {
    match class {
        RetryClass::Transient => 0,
        RetryClass::Throttled => 1,
        RetryClass::Reauth => 2,
        _ => 3,
    }
}

/// The JSON fixtures, with their options.
fn fixtures() -> Vec<(String, Vec<u8>, Options)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut found = Vec::new();
    for vendor in fs::read_dir(&root).unwrap() {
        let vendor = vendor.unwrap().path();
        if !vendor.is_dir() {
            continue;
        }
        for file in fs::read_dir(&vendor).unwrap() {
            let path = file.unwrap().path();
            if path.extension().is_some_and(|e| e == "json") {
                let args = fs::read_to_string(path.with_extension("args")).unwrap_or_default();
                let name = path.strip_prefix(&root).unwrap().to_string_lossy().into_owned();
                found.push((name, fs::read(&path).unwrap(), options(&args)));
            }
        }
    }
    found.sort_by(|a, b| a.0.cmp(&b.0));
    found
}

fn read_all_ways(body: &[u8], opts: &Options) -> Result<Report, ParseError> {
    let from_slice = vendor_errors::from_slice(body, opts);
    for chunk in [1, 7] {
        let from_reader = vendor_errors::from_reader(BufReader::with_capacity(chunk, body), opts);
        assert_eq!(from_slice, from_reader, "slice and {chunk}-byte stream disagree");
    }
    from_slice
}

/// Is `salvaged` what the whole body's errors (`whole`) and the response prove?
/// (`fallback`: what the response says without a body.)
fn proven(salvaged: &VendorError, whole: &[VendorError], text: &str, fallback: &[VendorError]) -> Result<(), String> {
    if !salvaged.incomplete {
        return Err("not marked incomplete".into());
    }
    if fallback.iter().any(|f| (f.vendor, &f.code) == (salvaged.vendor, &salvaged.code)) {
        return Ok(());
    }
    let same_code = |w: &&VendorError| {
        w.vendor == salvaged.vendor
            && (w.code == salvaged.code
                // Google: the canonical status stands when the reason (in `details`, after it) was cut.
                || w.vendor == Vendor::Google
                    && w.detail.as_deref().is_some_and(|d| d.starts_with(&format!("status: {}", salvaged.code))))
    };
    let Some(matching) = whole.iter().find(same_code) else {
        return Err("no error of the whole body has its vendor and code".into());
    };
    if restraint(salvaged.retry.class()) > restraint(matching.retry.class()) {
        return Err(format!("class {:?} more final than the whole body's {:?}", salvaged.retry, matching.retry));
    }
    // The body's text, else (a message cut, the code read) what a body
    // without a message gives: the catalog's description, or a generic one.
    let message = salvaged.message.trim_end_matches('…');
    let catalog = vendor_errors::catalog::entry(salvaged.vendor, &salvaged.code).map(|e| e.description);
    let generic = format!("{} error {}", salvaged.vendor, salvaged.code);
    let without = catalog == Some(message) || message == generic;
    if !(whole.iter().any(|w| w.message == salvaged.message) || text.contains(message) || without) {
        return Err(format!("message {:?} is not the body's", salvaged.message));
    }
    Ok(())
}

#[test]
fn every_prefix_of_every_json_fixture_keeps_only_what_it_proves() {
    let fixtures = fixtures();
    assert!(fixtures.len() > 80, "{} JSON fixtures", fixtures.len());
    let mut salvaged_cuts = 0;
    let mut failures = Vec::new();
    for (name, body, opts) in &fixtures {
        let whole = read_all_ways(body, opts);
        let whole_errors = whole.as_ref().map(|r| r.errors.clone()).unwrap_or_default();
        let text = String::from_utf8_lossy(body);
        let fallback = vendor_errors::from_slice(b"", opts).map(|r| r.errors).unwrap_or_default();
        for end in 0..body.len() {
            let cut = &body[..end];
            if cut.trim_ascii().is_empty() {
                // An empty body, not one cut short.
                continue;
            }
            let answer = read_all_ways(cut, opts);
            let at = format!("{name} cut at {end}");
            match &answer {
                Err(ParseError::Truncated { offset, .. }) => assert_eq!(*offset, end as u64, "{at}"),
                Err(other) => panic!("{at}: {other}"),
                Ok(report) if Ok(report) == whole.as_ref() => {}
                Ok(report) => {
                    // Only a body that ends in whitespace after its value is whole.
                    let broke = report.incomplete.as_ref();
                    assert!(matches!(broke, Some(ParseError::Truncated { .. })), "{at}: {report:?}");
                    for e in &report.errors {
                        if let Err(why) = proven(e, &whole_errors, &text, &fallback) {
                            failures.push(format!("{at}: {why}: {e:?}\nwhole: {whole_errors:?}"));
                        }
                    }
                    salvaged_cuts += usize::from(report.errors.iter().any(|e| e.vendor != Vendor::Http));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
    assert!(salvaged_cuts > 1000, "{salvaged_cuts} cuts salvaged errors");
}
