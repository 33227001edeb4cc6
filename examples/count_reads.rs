//! Reads a bench body N times (`count_reads BODY N [WAY] [STATUS]`), for
//! instruction counts that do not depend on the machine's load. Built as
//! the benches are (thin LTO):
//!
//! ```text
//! CARGO_PROFILE_RELEASE_LTO=thin cargo build --release --example count_reads
//! for n in 1 51; do valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.$n \
//!     target/release/examples/count_reads fault1k $n; done
//! ```
//!
//! then (total at 51 − total at 1) / 50 is one read's instructions. BODY is
//! `fault1k`, `fault2k`, `success3k`, `generic3k`, `json1k`, `json50k` or `openair2m`.
//! WAY is how it is read: `slice` (`from_slice`, the default), `profiles`
//! (`from_slice` with the three profiles of `fixtures/profiles/`:
//! `adserver`, `fulfil`, `failures`), `reader`
//! (`from_reader` through a 64 KiB buffer), or a baseline: `loop` (a bare
//! quick-xml slice loop), `bufloop` (the same, buffered), `dom` (roxmltree), `value` (serde_json's `Value`, for JSON bodies).
//! STATUS is the response's status (500 unless given).

use std::io::BufReader;

#[path = "../benches/support/baselines.rs"]
mod baselines;
#[path = "../benches/support/data.rs"]
#[allow(dead_code)] // the bodies this harness does not read
mod data;

/// One way of reading a body; the count it gives keeps the work from being optimised away.
type Read<'a> = Box<dyn Fn(&[u8]) -> usize + 'a>;

fn main() {
    let mut args = std::env::args().skip(1);
    let which = args.next().unwrap_or_default();
    let times: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(1);
    let way = args.next().unwrap_or_else(|| "slice".to_owned());
    let status: u16 = args.next().and_then(|n| n.parse().ok()).unwrap_or(500);
    let body = match which.as_str() {
        "fault1k" => data::soap_fault(),
        "fault2k" => data::soap12_fault(),
        "success3k" => data::soap_success(),
        "generic3k" => data::generic_success(),
        "json1k" => data::json_error(),
        "json50k" => data::json_success(),
        "openair2m" => data::openair_read(2),
        other => {
            eprintln!("unknown body {other:?}: fault1k, fault2k, success3k, generic3k, json1k, json50k or openair2m");
            std::process::exit(64);
        }
    };
    let opts = vendor_errors::Options::new().status(status);
    // The three profiles of `fixtures/profiles/` the bench's `profiles_ratios` stands for.
    let with_profiles = ["adserver", "fulfil", "failures"].iter().fold(opts.clone(), |opts, name| {
        let path = format!("{}/fixtures/profiles/{name}.toml", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).expect("the profile file reads");
        opts.profile(toml::from_str::<vendor_errors::Profile>(&text).expect("the profile parses"))
    });
    let read: Read<'_> = match way.as_str() {
        "slice" => Box::new(|b| vendor_errors::from_slice(b, &opts).map_or(0, |r| r.errors.len())),
        "profiles" => Box::new(|b| vendor_errors::from_slice(b, &with_profiles).map_or(0, |r| r.errors.len())),
        "reader" => Box::new(|b| {
            vendor_errors::from_reader(BufReader::with_capacity(64 * 1024, b), &opts).map_or(0, |r| r.errors.len())
        }),
        "loop" => Box::new(baselines::bare_slice_loop),
        "bufloop" => Box::new(baselines::bare_buffered_loop),
        "value" => Box::new(baselines::json_value),
        "dom" => Box::new(baselines::dom_parse),
        other => {
            eprintln!("unknown way {other:?}: slice, profiles, reader, loop, bufloop, dom or value");
            std::process::exit(64);
        }
    };
    let mut total = 0;
    for _ in 0..times {
        total += read(std::hint::black_box(&body));
    }
    println!("{total}");
}
