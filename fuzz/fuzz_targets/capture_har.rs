//! `capture::read_har` on raw bytes (a HAR capture) through a 7-byte
//! buffer: no panic, every entry's report keeps the invariants, and entries
//! come in order.
#![no_main]

use std::io::BufReader;
use std::ops::ControlFlow;

use libfuzzer_sys::fuzz_target;
use vendor_errors::{Limits, Options, capture};

fuzz_target!(|data: &[u8]| {
    let opts = Options::new();
    let mut next = 0;
    let _ = capture::read_har(BufReader::with_capacity(7, data), &opts, |entry| {
        assert_eq!(entry.index, next, "entries out of order");
        next += 1;
        vendor_errors_fuzz::input::check_answer(&entry.outcome, &Limits::default());
        ControlFlow::Continue(())
    });
});
