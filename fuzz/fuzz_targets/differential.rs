//! The same bytes and context through `from_slice` and `from_reader` (with a
//! random buffer size), under every hint: the answers must be equal.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vendor_errors::VendorHint;
use vendor_errors_fuzz::input::{Input, check_both};

fuzz_target!(|data: &[u8]| {
    let Some(input) = Input::from_bytes(data) else { return };
    let hint = VendorHint::ALL[usize::from(input.context.chunk) % VendorHint::ALL.len()];
    let _ = check_both(input.body, &input.options(hint), &input.limits(), input.context.chunk);
});
