//! `from_reader` on raw bytes through a 7-byte buffer, default options.
#![no_main]

use std::io::BufReader;

use libfuzzer_sys::fuzz_target;
use vendor_errors::{Limits, Options};

fuzz_target!(|data: &[u8]| {
    let opts = Options::new();
    let answer = vendor_errors::from_reader(BufReader::with_capacity(7, data), &opts);
    vendor_errors_fuzz::input::check_answer(&answer, &Limits::default());
});
