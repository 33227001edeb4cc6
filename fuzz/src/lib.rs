//! What the fuzz targets share with the stable tests: the input structure
//! and its checks live in the main package (`tests/common/fuzz_input.rs`),
//! so that its tests can reach them from the packaged crate, which does not
//! contain `fuzz/`.

#[path = "../../tests/common/fuzz_input.rs"]
pub mod input;

#[path = "../../tests/common/fuzz_async.rs"]
pub mod fuzz_async;

#[path = "../../tests/common/fuzz_profile.rs"]
pub mod fuzz_profile;
