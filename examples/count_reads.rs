//! Reads a bench body N times (`count_reads BODY N`), for instruction
//! counts that do not depend on the machine's load. Built as the benches
//! are (thin LTO):
//!
//! ```text
//! CARGO_PROFILE_RELEASE_LTO=thin cargo build --release --example count_reads
//! for n in 1 51; do valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.$n \
//!     target/release/examples/count_reads fault1k $n; done
//! ```
//!
//! then (total at 51 − total at 1) / 50 is one read's instructions. BODY is
//! `fault1k`, `fault2k`, `success3k`, `json1k` or `openair2m`; each read is
//! `from_slice` with status 500.

#[path = "../benches/support/data.rs"]
#[allow(dead_code)] // the bodies this harness does not read
mod data;

fn main() {
    let mut args = std::env::args().skip(1);
    let which = args.next().unwrap_or_default();
    let times: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(1);
    let body = match which.as_str() {
        "fault1k" => data::soap_fault(),
        "fault2k" => data::soap12_fault(),
        "success3k" => data::soap_success(),
        "json1k" => data::json_error(),
        "openair2m" => data::openair_read(2),
        other => {
            eprintln!("unknown body {other:?}: fault1k, fault2k, success3k, json1k or openair2m");
            std::process::exit(64);
        }
    };
    let opts = vendor_errors::Options::new().status(500);
    let mut errors = 0;
    for _ in 0..times {
        errors += vendor_errors::from_slice(&body, &opts).map_or(0, |r| r.errors.len());
    }
    println!("{errors}");
}
