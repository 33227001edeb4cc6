//! `from_async_reader_with` (in-memory part, chunk and channel sizes, the
//! reader's buffer and an I/O error after the body chosen by the input's
//! first two bytes) against `from_slice` (or `from_reader` over the same
//! failing bytes), under every hint: the answers must be equal.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    vendor_errors_fuzz::fuzz_async::check_async(data);
});
