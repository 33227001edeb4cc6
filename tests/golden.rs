//! The golden suite: every `fixtures/<vendor>/<case>.<ext>` body is read by
//! the library (from a slice and from a stream) and by the CLI, and each
//! output must equal `<case>.expected` beside it.
//!
//! - `<case>.args` (optional): CLI arguments, one per line (`--status`, `500`;
//!   `--profile`, a profile file's path from the package root).
//! - `<case>.expected`: the CLI's standard output, one JSON object per error;
//!   or, for a body that is not understood, one line `error: <message>` (the
//!   CLI then exits 2 and prints the message on standard error).
//!
//! Each case is a set of named tests, `<vendor>/<case>.<ext>::<check>`:
//! `slice`, `reader` and `bytes` (the library entry points), `async`
//! (`from_async_reader`, in memory and streamed in tiny chunks; with the
//! `async-tokio` feature), `cli` (the
//! binary), `json` (the expected JSON lines round-trip through
//! `VendorError`), `indexed` (the case is on one line of
//! `fixtures/README.md`), `success` (a case named a success, or with
//! errors `as-data`, expects none unless its status is 400 or more) and
//! `cuts` (the body cut at every seventh byte reports only what its bytes
//! prove: the fuzz targets' truncation check). So `cargo test --test golden -- soap11-server`
//! runs one case, and `-- ::cli` the CLI checks of all.
//!
//! Captures (`fixtures/capture/<case>.http`, a whole response as `curl -i`
//! writes it, and `<case>.har`, a HAR capture) go through the library's
//! `capture` API instead of the body entry points (`slice` and `bytes` read
//! them from memory, `reader` through a 3-byte buffer); their expected
//! lines carry `entry`, `method` and `url` as the CLI prints them.
//!
//! `BLESS=1 cargo test --test golden` rewrites the expected files from the
//! library's output (those of the selected cases, when filtered): review the
//! diff before committing it.

use std::fs;
use std::io::{BufRead, BufReader};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

use libtest_mimic::{Arguments, Failed, Trial};

#[path = "common/fixture_args.rs"]
mod fixture_args;
use fixture_args::options;

#[path = "common/fuzz_input.rs"]
#[allow(dead_code)]
mod fuzz_input;
use vendor_errors::VendorError;
use vendor_errors::capture;

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
            // Vendor profiles (`fixtures/profiles/*.toml`, and the bad ones
            // below) are no bodies.
            if matches!(ext, "args" | "expected" | "toml") || body.is_dir() {
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

fn render(outcome: Result<vendor_errors::Report, vendor_errors::ParseError>) -> String {
    match outcome {
        Ok(report) => report.errors.iter().map(|e| serde_json::to_string(e).unwrap() + "\n").collect(),
        Err(e) => format!("error: {e}\n"),
    }
}

/// The error's JSON line with the fields the CLI adds for a HAR entry.
fn json_line(e: &VendorError, entry: Option<&capture::HarEntry>) -> String {
    let mut line = serde_json::to_string(e).unwrap();
    if let Some(entry) = entry {
        line.pop();
        line.push_str(&format!(",\"entry\":{}", entry.index));
        for (field, value) in [("method", &entry.method), ("url", &entry.url)] {
            if let Some(value) = value {
                line.push_str(&format!(",\"{field}\":{}", serde_json::to_string(value).unwrap()));
            }
        }
        line.push('}');
    }
    line + "\n"
}

fn is_capture(case: &Case) -> bool {
    matches!(case.body.extension().and_then(|e| e.to_str()), Some("http" | "har"))
}

/// What the `capture` API reads from a `.http` or `.har` fixture.
fn render_capture(case: &Case, body: impl BufRead) -> String {
    let opts = options(&case.args);
    if case.body.extension().is_some_and(|e| e == "http") {
        return match capture::read_http_response(body, &opts) {
            Ok((report, _head)) => report.errors.iter().map(|e| json_line(e, None)).collect(),
            Err(e) => format!("error: {e}\n"),
        };
    }
    let mut out = String::new();
    let read = capture::read_har(body, &opts, |entry| {
        match &entry.outcome {
            _ if entry.is_not_api() => {}
            Ok(report) => out.extend(report.errors.iter().map(|e| json_line(e, Some(&entry)))),
            Err(e) => out.push_str(&format!("error: entry {}: {e}\n", entry.index)),
        }
        ControlFlow::Continue(())
    });
    if let Err(e) = read {
        out.push_str(&format!("error: {e}\n"));
    }
    out
}

fn name(case: &Case) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    case.body.strip_prefix(root).unwrap().display().to_string()
}

fn expected(case: &Case) -> Result<String, Failed> {
    fs::read_to_string(&case.expected).map_err(|_| format!("{} has no .expected", name(case)).into())
}

fn from_slice(case: &Case) -> String {
    let body = fs::read(&case.body).unwrap();
    if is_capture(case) {
        return render_capture(case, body.as_slice());
    }
    render(vendor_errors::from_slice(&body, &options(&case.args)))
}

fn library_matches(case: &Case, how: &str, got: String) -> Result<(), Failed> {
    let expected = expected(case)?;
    if got == expected {
        Ok(())
    } else {
        Err(format!("{} ({how}):\n  got      {got}  expected {expected}", name(case)).into())
    }
}

fn slice_matches_expected(case: &Case) -> Result<(), Failed> {
    library_matches(case, "slice", from_slice(case))
}

fn reader_matches_expected(case: &Case) -> Result<(), Failed> {
    let body = fs::read(&case.body).unwrap();
    // A tiny buffer makes the stream reader cross every boundary.
    if is_capture(case) {
        return library_matches(case, "reader", render_capture(case, BufReader::with_capacity(3, body.as_slice())));
    }
    let from_reader =
        render(vendor_errors::from_reader(BufReader::with_capacity(3, body.as_slice()), &options(&case.args)));
    library_matches(case, "reader", from_reader)
}

fn bytes_matches_slice(case: &Case) -> Result<(), Failed> {
    let body = fs::read(&case.body).unwrap();
    if is_capture(case) {
        let buffered = render_capture(case, BufReader::new(body.as_slice()));
        assert_eq!(buffered, from_slice(case), "{}: buffered and slice differ", name(case));
        return Ok(());
    }
    let from_bytes = render(vendor_errors::from_bytes(bytes::Bytes::from(body), &options(&case.args)));
    assert_eq!(from_bytes, from_slice(case), "{}: bytes and slice differ", name(case));
    Ok(())
}

/// `from_async_reader` as most bodies take it (read into memory) and
/// streamed in 3-byte chunks through a channel of one to the parser.
#[cfg(feature = "async-tokio")]
fn async_matches_expected(case: &Case) -> Result<(), Failed> {
    use vendor_errors::async_tokio::{Buffering, from_async_reader_with};
    // Captures are read by the capture API, which is not async.
    if is_capture(case) {
        return Ok(());
    }
    let body = fs::read(&case.body).unwrap();
    let opts = options(&case.args);
    let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
    let mut streamed = Buffering::default();
    (streamed.in_memory_bytes, streamed.chunk_bytes, streamed.channel_chunks) = (0, 3, 1);
    for (how, buffering) in [("async", Buffering::default()), ("async, streamed", streamed)] {
        let reader = tokio::io::BufReader::with_capacity(5, body.as_slice());
        let got = render(runtime.block_on(from_async_reader_with(reader, &opts, buffering)));
        library_matches(case, how, got)?;
    }
    Ok(())
}

fn cli_matches_expected(case: &Case) -> Result<(), Failed> {
    let expected = expected(case)?;
    let out = Command::new(env!("CARGO_BIN_EXE_vendor-errors")).args(&case.args).arg(&case.body).output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    let code = out.status.code();
    let ok = match expected.strip_prefix("error: ") {
        Some(message) => code == Some(2) && stdout.is_empty() && stderr.contains(message.trim_end()),
        None if expected.is_empty() => code == Some(0) && stdout.is_empty(),
        None => code == Some(1) && stdout == expected,
    };
    if ok { Ok(()) } else { Err(format!("{}: exit {code:?}\n  stdout {stdout}  stderr {stderr}", name(case)).into()) }
}

fn expected_json_round_trips(case: &Case) -> Result<(), Failed> {
    for line in expected(case)?.lines().filter(|l| l.starts_with('{')) {
        let error: VendorError = serde_json::from_str(line).unwrap();
        let json = serde_json::to_string(&error).unwrap();
        if is_capture(case) {
            // The HAR fields follow the error's own.
            assert!(line.starts_with(json.trim_end_matches('}')), "{}: {line}", name(case));
        } else {
            assert_eq!(json, line, "{}", name(case));
        }
        assert_eq!(error.retryable(), line.contains("\"retryable\":true"));
    }
    Ok(())
}

fn is_indexed_once(case: &Case) -> Result<(), Failed> {
    let index = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/README.md")).unwrap();
    let name = name(case);
    let lines = index.lines().filter(|l| l.contains(&format!("`{name}`"))).count();
    assert_eq!(lines, 1, "{name} should be on exactly one line of fixtures/README.md");
    Ok(())
}

/// A case named a success (`success` in its name) or holding errors only as
/// data (`as-data`) reports no error, unless its status is 400 or more (the
/// status then speaks): a failure reported as success is the worst answer,
/// and a success reported as a failure the next worst.
fn success_reports_nothing(case: &Case) -> Result<(), Failed> {
    let name = name(case);
    let file = name.rsplit('/').next().unwrap_or_default();
    let error_status = case.args.windows(2).any(|w| w[0] == "--status" && w[1].parse::<u16>().is_ok_and(|s| s >= 400));
    if (file.contains("success") || file.contains("as-data")) && !error_status {
        assert_eq!(expected(case)?, "", "{name} is named a success but expects errors");
    }
    Ok(())
}

/// The body cut at every seventh byte keeps what its bytes prove
/// ([`fuzz_input::check_cut`], the fuzz targets' check).
fn cuts_keep_what_they_prove(case: &Case) -> Result<(), Failed> {
    if is_capture(case) {
        return Ok(());
    }
    let body = fs::read(&case.body).unwrap();
    let opts = options(&case.args);
    let whole = vendor_errors::from_slice(&body, &opts);
    for at in (1..body.len()).step_by(7) {
        fuzz_input::check_cut(&body, &opts, &whole, at);
    }
    Ok(())
}

type Check = fn(&Case) -> Result<(), Failed>;

fn checks() -> Vec<(&'static str, Check)> {
    let checks: Vec<(&str, Check)> = vec![
        ("slice", slice_matches_expected),
        ("reader", reader_matches_expected),
        ("bytes", bytes_matches_slice),
        ("cli", cli_matches_expected),
        ("json", expected_json_round_trips),
        ("indexed", is_indexed_once),
        ("success", success_reports_nothing),
        ("cuts", cuts_keep_what_they_prove),
    ];
    #[cfg(feature = "async-tokio")]
    let checks = [checks, vec![("async", async_matches_expected as Check)]].concat();
    checks
}

fn main() {
    let args = Arguments::from_args();
    let cases: Vec<Arc<Case>> = cases().into_iter().map(Arc::new).collect();
    let count = cases.len();
    let mut trials = vec![Trial::test("fixtures::found", move || {
        if count >= 30 { Ok(()) } else { Err(format!("only {count} fixtures").into()) }
    })];
    for case in &cases {
        for (check, run) in checks() {
            let case = Arc::clone(case);
            trials.push(Trial::test(format!("{}::{check}", name(&case)), move || run(&case)));
        }
    }
    // Blessing happens before any check runs, so that the checks running in
    // parallel all compare with the new files.
    if std::env::var_os("BLESS").is_some() && !args.list {
        for case in &cases {
            let slice = Trial::test(format!("{}::slice", name(case)), || Ok(()));
            if !args.is_filtered_out(&slice) {
                fs::write(&case.expected, from_slice(case)).unwrap();
            }
        }
    }
    libtest_mimic::run(&args, trials).exit();
}
