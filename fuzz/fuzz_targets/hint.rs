//! `from_slice` under a vendor hint the input's first byte picks (`auto` and
//! every vendor's), with a random HTTP status, headers and limits.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| vendor_errors_fuzz::input::run_hint(data));
