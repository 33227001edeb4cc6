//! `capture::read_http_response` on raw bytes (a `curl -i` transcript)
//! through a 7-byte buffer: no panic, and a report keeps the invariants.
#![no_main]

use std::io::BufReader;

use libfuzzer_sys::fuzz_target;
use vendor_errors::{Limits, Options, capture};

fuzz_target!(|data: &[u8]| {
    let opts = Options::new();
    if let Ok((report, _head)) = capture::read_http_response(BufReader::with_capacity(7, data), &opts) {
        vendor_errors_fuzz::input::check_answer(&Ok(report), &Limits::default());
    }
});
