//! Replays, on stable Rust, every input that ever made a fuzz target fail
//! (`fuzz/regressions/<target>/<bug>`, one test each, named `<target>/<bug>`)
//! and every golden fixture body (named `fixtures/<vendor>/<case>.<ext>`),
//! with the fuzz targets' checks (`common/fuzz_input.rs`). Each is read raw
//! (as the raw targets do) and as a structured input under every vendor hint
//! (as `hint_*` and `differential` do), and with the `async-tokio` feature
//! as `differential_async` reads it. The packaged crate has no `fuzz/`:
//! there only the fixtures are replayed.
//!
//! `cargo test --test regressions -- hint_superoffice` replays one target's
//! inputs.

use std::fs;
use std::path::{Path, PathBuf};

use libtest_mimic::{Arguments, Failed, Trial};
use vendor_errors::{Limits, Options, VendorHint};

#[path = "common/fuzz_input.rs"]
#[allow(dead_code)]
mod input;

#[cfg(feature = "async-tokio")]
#[path = "common/fuzz_async.rs"]
mod fuzz_async;

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files_under(&path, out);
        } else if !matches!(path.extension().and_then(|e| e.to_str()), Some("args" | "expected" | "md")) {
            out.push(path);
        }
    }
}

/// The inputs under `dir` (none if it does not exist), each with its test
/// name: its path below `dir`, after `prefix`.
fn inputs(dir: &str, prefix: &str) -> Vec<(String, PathBuf)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut files = Vec::new();
    files_under(&dir, &mut files);
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let relative = path.strip_prefix(&dir).unwrap().to_string_lossy().replace('\\', "/");
            (format!("{prefix}{relative}"), path)
        })
        .collect()
}

/// Replays one input under every check.
fn replay(path: &Path) -> Result<(), Failed> {
    let data = fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let name = path.display();
    // Raw, as from_slice/from_reader/from_bytes see it.
    for opts in [Options::new(), Options::new().status(503)] {
        let answer = std::panic::catch_unwind(|| input::check_both(&data, &opts, &Limits::default(), 7));
        if answer.is_err() {
            return Err(format!("raw {name} failed").into());
        }
    }
    // Structured, as the hint targets and the differential target see it.
    if let Some(structured) = input::Input::from_bytes(&data) {
        for &hint in VendorHint::ALL {
            let opts = structured.options(hint);
            let limits = structured.limits();
            let answer = std::panic::catch_unwind(|| {
                input::check_both(structured.body, &opts, &limits, structured.context.chunk)
            });
            if answer.is_err() {
                return Err(format!("structured {name} under {hint} failed").into());
            }
        }
    }
    // As differential_async sees it (its first two bytes set up the read).
    #[cfg(feature = "async-tokio")]
    if std::panic::catch_unwind(|| fuzz_async::check_async(&data)).is_err() {
        return Err(format!("async {name} failed").into());
    }
    Ok(())
}

fn main() {
    let args = Arguments::from_args();
    let trials = inputs("fuzz/regressions", "")
        .into_iter()
        .chain(inputs("fixtures", "fixtures/"))
        .map(|(name, path)| Trial::test(name, move || replay(&path)))
        .collect();
    libtest_mimic::run(&args, trials).exit();
}
