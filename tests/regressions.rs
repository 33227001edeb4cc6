//! Replays, on stable Rust, every input that ever made a fuzz target fail
//! (`fuzz/regressions/<target>/<bug>`, one test each, named `<target>/<bug>`)
//! and every golden fixture body (named `fixtures/<vendor>/<case>.<ext>`),
//! with the fuzz targets' checks (`common/fuzz_input.rs`). Each is read raw
//! (as the raw targets do) and as a structured input under every vendor hint
//! (as `hint_*` and `differential` do), with the `async-tokio` feature
//! as `differential_async` reads it, as the `profile` target reads it (its
//! first bytes describe profiles: `common/fuzz_profile.rs`), and with the
//! example profiles given. The packaged crate has no `fuzz/`: there only the
//! fixtures are replayed. `profile/examples-are-fixtures-profiles` checks
//! that the `profile` target's example profiles (built in code) are those
//! of `fixtures/profiles/`.
//!
//! `cargo test --test regressions -- hint_superoffice` replays one target's
//! inputs.

use std::fs;
use std::path::{Path, PathBuf};

use libtest_mimic::{Arguments, Failed, Trial};
use vendor_errors::{Limits, Options, Profile, VendorHint};

#[path = "common/fuzz_input.rs"]
#[allow(dead_code)]
mod input;

#[path = "common/fuzz_profile.rs"]
#[allow(dead_code)]
mod fuzz_profile;

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
    // As the hint target sees it, under every hint its first byte could
    // pick (rows added to the vendor table move the hints' places), with and
    // without the vendor headers.
    if let Some((_, rest)) = data.split_first() {
        for pick in (0..VendorHint::ALL.len()).filter_map(|i| u8::try_from(i).ok()) {
            for byte in [pick, pick | 0x80] {
                let again = [&[byte], rest].concat();
                if std::panic::catch_unwind(|| input::run_hint(&again)).is_err() {
                    return Err(format!("hint {name} (first byte {byte}) failed").into());
                }
            }
        }
    }
    // As the profile target sees it, and with the example profiles given.
    if std::panic::catch_unwind(|| fuzz_profile::run_profile(&data)).is_err() {
        return Err(format!("profile {name} failed").into());
    }
    if std::panic::catch_unwind(|| fuzz_profile::check_with_examples(&data)).is_err() {
        return Err(format!("{name} with the example profiles failed").into());
    }
    // As differential_async sees it (its first two bytes set up the read).
    #[cfg(feature = "async-tokio")]
    if std::panic::catch_unwind(|| fuzz_async::check_async(&data)).is_err() {
        return Err(format!("async {name} failed").into());
    }
    Ok(())
}

/// The `profile` target's example profiles are `fixtures/profiles/*.toml`.
fn examples_are_fixtures() -> Result<(), Failed> {
    for example in fuzz_profile::examples() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("fixtures/profiles/{}.toml", example.name()));
        let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let profile: Profile = toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        if profile != **example {
            return Err(format!("{} differs from the example built in common/fuzz_profile.rs", path.display()).into());
        }
    }
    Ok(())
}

fn main() {
    let args = Arguments::from_args();
    let trials = inputs("fuzz/regressions", "")
        .into_iter()
        .chain(inputs("fixtures", "fixtures/"))
        .map(|(name, path)| Trial::test(name, move || replay(&path)))
        .chain([Trial::test("profile/examples-are-fixtures-profiles", examples_are_fixtures)])
        .collect();
    libtest_mimic::run(&args, trials).exit();
}
