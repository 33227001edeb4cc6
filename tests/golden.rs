//! The golden suite: every `fixtures/<vendor>/<case>.<ext>` body is read by
//! the library (from a slice and from a stream) and by the CLI, and each
//! output must equal `<case>.expected` beside it.
//!
//! - `<case>.args` (optional): CLI arguments, one per line (`--status`, `500`).
//! - `<case>.expected`: the CLI's standard output, one JSON object per error;
//!   or, for a body that is not understood, one line `error: <message>` (the
//!   CLI then exits 2 and prints the message on standard error).
//!
//! `BLESS=1 cargo test --test golden` rewrites the expected files from the
//! library's output: review the diff before committing it.

use std::fs;
use std::io::BufReader;
use std::path::{Path, PathBuf};
use std::process::Command;

use vendor_errors::{Options, VendorError, VendorHint};

struct Case {
    body: PathBuf,
    args: Vec<String>,
    expected: PathBuf,
}

fn cases() -> Vec<Case> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut cases = Vec::new();
    for vendor in fs::read_dir(&root).unwrap() {
        let vendor = vendor.unwrap().path();
        if !vendor.is_dir() {
            continue;
        }
        for file in fs::read_dir(&vendor).unwrap() {
            let body = file.unwrap().path();
            let ext = body.extension().and_then(|e| e.to_str()).unwrap_or_default();
            if matches!(ext, "args" | "expected") {
                continue;
            }
            let args_file = body.with_extension("args");
            let args = fs::read_to_string(&args_file)
                .map(|s| s.lines().map(str::to_owned).filter(|l| !l.is_empty()).collect())
                .unwrap_or_default();
            cases.push(Case { expected: body.with_extension("expected"), body, args });
        }
    }
    cases.sort_by(|a, b| a.body.cmp(&b.body));
    cases
}

/// The library options the CLI arguments stand for.
fn options(args: &[String]) -> Options {
    let mut opts = Options::new();
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let value = it.next().expect("flag without value");
        opts = match flag.as_str() {
            "--status" => opts.status(value.parse().unwrap()),
            "--vendor" => opts.vendor(value.parse::<VendorHint>().unwrap()),
            "--header" => {
                let (name, value) = value.split_once(':').unwrap();
                opts.header(name, value)
            }
            other => panic!("unknown fixture flag {other}"),
        };
    }
    opts
}

fn render(outcome: Result<vendor_errors::Report, vendor_errors::ParseError>) -> String {
    match outcome {
        Ok(report) => report.errors.iter().map(|e| serde_json::to_string(e).unwrap() + "\n").collect(),
        Err(e) => format!("error: {e}\n"),
    }
}

fn name(case: &Case) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    case.body.strip_prefix(root).unwrap().display().to_string()
}

#[test]
fn library_matches_expected() {
    let bless = std::env::var_os("BLESS").is_some();
    let mut failures = Vec::new();
    let cases = cases();
    assert!(cases.len() >= 30, "only {} fixtures", cases.len());
    for case in &cases {
        let body = fs::read(&case.body).unwrap();
        let opts = options(&case.args);
        let from_slice = render(vendor_errors::from_slice(&body, &opts));
        if bless {
            fs::write(&case.expected, &from_slice).unwrap();
        }
        let expected = fs::read_to_string(&case.expected).unwrap_or_else(|_| panic!("{} has no .expected", name(case)));
        if from_slice != expected {
            failures.push(format!("{} (slice):\n  got      {from_slice}  expected {expected}", name(case)));
        }
        // A tiny buffer makes the stream reader cross every boundary.
        let from_reader = render(vendor_errors::from_reader(BufReader::with_capacity(3, body.as_slice()), &opts));
        if from_reader != expected {
            failures.push(format!("{} (reader):\n  got      {from_reader}  expected {expected}", name(case)));
        }
        let from_bytes = render(vendor_errors::from_bytes(&bytes::Bytes::from(body.clone()), &opts));
        assert_eq!(from_bytes, from_slice, "{}: bytes and slice differ", name(case));
    }
    assert!(failures.is_empty(), "{} fixture(s) differ:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn cli_matches_expected() {
    let mut failures = Vec::new();
    for case in cases() {
        let expected = fs::read_to_string(&case.expected).unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_vendor-errors")).args(&case.args).arg(&case.body).output().unwrap();
        let stdout = String::from_utf8(out.stdout).unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        let code = out.status.code();
        let ok = match expected.strip_prefix("error: ") {
            Some(message) => code == Some(2) && stdout.is_empty() && stderr.contains(message.trim_end()),
            None if expected.is_empty() => code == Some(0) && stdout.is_empty(),
            None => code == Some(1) && stdout == expected,
        };
        if !ok {
            failures.push(format!("{}: exit {code:?}\n  stdout {stdout}  stderr {stderr}", name(&case)));
        }
    }
    assert!(failures.is_empty(), "{} CLI case(s) differ:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn expected_json_round_trips() {
    for case in cases() {
        for line in fs::read_to_string(&case.expected).unwrap().lines().filter(|l| l.starts_with('{')) {
            let error: VendorError = serde_json::from_str(line).unwrap();
            assert_eq!(serde_json::to_string(&error).unwrap(), line, "{}", name(&case));
            assert_eq!(error.retryable(), line.contains("\"retryable\":true"));
        }
    }
}

#[test]
fn every_case_is_indexed_once() {
    let index = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/README.md")).unwrap();
    for case in cases() {
        let name = name(&case);
        let lines = index.lines().filter(|l| l.contains(&format!("`{name}`"))).count();
        assert_eq!(lines, 1, "{name} should be on exactly one line of fixtures/README.md");
    }
}
