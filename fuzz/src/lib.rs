//! What the fuzz targets share with the stable replay test
//! (`tests/fuzz_replay.rs` includes `input.rs` by path).

pub mod input;
