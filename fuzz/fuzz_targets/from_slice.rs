//! `from_slice` on raw bytes, default options: the bytes entry point.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vendor_errors::{Limits, Options};

fuzz_target!(|data: &[u8]| {
    let opts = Options::new();
    let answer = vendor_errors::from_slice(data, &opts);
    vendor_errors_fuzz::input::check_answer(&answer, &Limits::default());
});
