//! `from_bytes` on raw bytes with an error status (the HTTP fallback path).
#![no_main]

use libfuzzer_sys::fuzz_target;
use vendor_errors::{Limits, Options};

fuzz_target!(|data: &[u8]| {
    let opts = Options::new().status(503);
    let answer = vendor_errors::from_bytes(bytes::Bytes::copy_from_slice(data), &opts);
    assert!(answer.is_ok(), "a status of 400 or more always gives a report");
    vendor_errors_fuzz::input::check_answer(&answer, &Limits::default());
});
