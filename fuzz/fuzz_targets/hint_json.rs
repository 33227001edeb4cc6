//! `from_slice` with `--vendor json`, random HTTP status, headers and limits.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vendor_errors::VendorHint;

fuzz_target!(|data: &[u8]| vendor_errors_fuzz::input::run_hint(data, VendorHint::Json));
