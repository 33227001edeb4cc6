//! The blocking and streaming examples, run as tests: built only with the
//! `http` feature (`[[test]]` in Cargo.toml), the streaming one also needing
//! `async-tokio` and `reqwest-middleware` (`cargo test --all-features` runs both).

#[cfg(feature = "http")]
#[path = "../examples/blocking_retry.rs"]
#[allow(dead_code)]
mod blocking_retry;

#[cfg(all(feature = "async-tokio", feature = "reqwest-middleware"))]
#[path = "../examples/async_stream.rs"]
#[allow(dead_code)]
mod async_stream;

#[cfg(feature = "http")]
#[test]
fn blocking_retry_runs() {
    blocking_retry::main().unwrap();
}

#[cfg(all(feature = "async-tokio", feature = "reqwest-middleware"))]
#[test]
fn async_stream_runs() {
    async_stream::main().unwrap();
}
