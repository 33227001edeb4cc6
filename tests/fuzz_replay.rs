//! Replays, on stable Rust, what the fuzzers keep: a committed sample of
//! their corpora (`fuzz/replay/<target>/`, inputs under 4 KiB, from the
//! `cargo fuzz cmin`-minimized corpora where minimized), every crash ever found
//! (`fuzz/regressions/<target>/`), and the golden fixtures' bodies. Each is
//! read raw (as the raw targets do) and as a structured input under every
//! vendor hint (as `hint_*` and `differential` do), with the same checks.

use std::fs;
use std::path::{Path, PathBuf};

use vendor_errors::{Limits, Options, VendorHint};

#[path = "common/fuzz_input.rs"]
#[allow(dead_code)]
mod input;

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

fn inputs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["fuzz/replay", "fuzz/regressions", "fixtures"] {
        files_under(&root.join(dir), &mut files);
    }
    files
}

/// Replays one input under every check; panics naming the input on failure.
fn replay(path: &Path) {
    // A running fuzzer may delete corpus files while this reads them.
    let Ok(data) = fs::read(path) else { return };
    let name = path.display();
    // Raw, as from_slice/from_reader/from_bytes see it.
    for opts in [Options::new(), Options::new().status(503)] {
        let answer = std::panic::catch_unwind(|| input::check_both(&data, &opts, &Limits::default(), 7));
        assert!(answer.is_ok(), "raw {name} failed");
    }
    // Structured, as the hint targets and the differential target see it.
    if let Some(structured) = input::Input::from_bytes(&data) {
        for hint in VendorHint::ALL {
            let opts = structured.options(hint);
            let limits = structured.limits();
            let answer = std::panic::catch_unwind(|| {
                input::check_both(structured.body, &opts, &limits, structured.context.chunk)
            });
            assert!(answer.is_ok(), "structured {name} under {hint} failed");
        }
    }
}

#[test]
fn replays_corpora_regressions_and_fixtures() {
    let files = inputs();
    assert!(files.len() >= 100, "only {} inputs found", files.len());
    // Some 15 000 inputs: spread them over the cores.
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    std::thread::scope(|scope| {
        for chunk in files.chunks(files.len().div_ceil(threads)) {
            scope.spawn(move || chunk.iter().for_each(|path| replay(path)));
        }
    });
}
