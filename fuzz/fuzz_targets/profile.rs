//! Vendor profiles built from the input's first bytes (through serde and
//! through the builders, which must agree), given to `Options` once, twice
//! or beside another, sometimes with the profile's hint, then the rest read
//! as a body with the differential checks: see
//! `tests/common/fuzz_profile.rs` for the byte layout.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| vendor_errors_fuzz::fuzz_profile::run_profile(data));
