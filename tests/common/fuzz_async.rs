//! The `differential_async` fuzz target's input and check: the same bytes
//! and context through `from_async_reader_with` (buffering chosen by the
//! input) and through the synchronous entry points; the answers must be
//! equal. Shared, like `fuzz_input.rs` (which the including crate must
//! have as its `input` module), by the fuzz target and by
//! `tests/regressions.rs` (with the `async-tokio` feature).

use std::io::{self, BufReader, Read};
use std::pin::Pin;
use std::task::{Context, Poll};

use tokio::io::{AsyncRead, AsyncReadExt, ReadBuf};
use vendor_errors::VendorHint;
use vendor_errors::async_tokio::{Buffering, from_async_reader_with};

use crate::input::{Input, check_answer};

/// How the async read is set up, from two bytes: `a` = `ff ccc mm` (low
/// bits first: `mm` in-memory part 0 / the `b` byte / default / 0, `ccc`
/// chunk of 1-8 bytes, then channel of 1-4 chunks in `ff` bit 5-6, and bit
/// 7: fail with an I/O error after the body); `b` = the async reader's
/// buffer capacity (1-256) and the small in-memory part.
#[derive(Debug, Clone, Copy)]
pub struct Knobs {
    pub buffering: Buffering,
    pub capacity: usize,
    pub fail: bool,
}

impl Knobs {
    pub fn new(a: u8, b: u8) -> Self {
        let mut buffering = Buffering::default();
        buffering.in_memory_bytes = match a & 3 {
            1 => usize::from(b),
            2 => buffering.in_memory_bytes,
            _ => 0,
        };
        buffering.chunk_bytes = usize::from((a >> 2) & 7) + 1;
        buffering.channel_chunks = usize::from((a >> 5) & 3) + 1;
        Knobs { buffering, capacity: usize::from(b).max(1), fail: a & 0x80 != 0 }
    }
}

/// Fails every read with a reset connection.
struct Reset;

fn reset() -> io::Error {
    io::Error::new(io::ErrorKind::ConnectionReset, "connection reset by peer")
}

impl Read for Reset {
    fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
        Err(reset())
    }
}

impl AsyncRead for Reset {
    fn poll_read(self: Pin<&mut Self>, _: &mut Context<'_>, _: &mut ReadBuf<'_>) -> Poll<io::Result<()>> {
        Poll::Ready(Err(reset()))
    }
}

thread_local! {
    static RUNTIME: tokio::runtime::Runtime =
        tokio::runtime::Builder::new_current_thread().build().expect("a current-thread runtime");
}

/// Two knob bytes, then an [`Input`]: the async answer must equal
/// `from_slice`'s (or, when the reader fails after the body,
/// `from_reader`'s over the same failing bytes), and keep the invariants.
pub fn check_async(data: &[u8]) {
    let Some((&[a, b], rest)) = data.split_first_chunk::<2>() else { return };
    let Some(input) = Input::from_bytes(rest) else { return };
    let knobs = Knobs::new(a, b);
    let hint = VendorHint::ALL[usize::from(input.context.chunk) % VendorHint::ALL.len()];
    let opts = input.options(hint);
    let body = input.body;
    let (got, expected) = if knobs.fail {
        let reader = tokio::io::BufReader::with_capacity(knobs.capacity, AsyncReadExt::chain(body, Reset));
        let got = RUNTIME.with(|rt| rt.block_on(from_async_reader_with(reader, &opts, knobs.buffering)));
        let sync = BufReader::with_capacity(knobs.capacity, Read::chain(body, Reset));
        (got, vendor_errors::from_reader(sync, &opts))
    } else {
        let reader = tokio::io::BufReader::with_capacity(knobs.capacity, body);
        let got = RUNTIME.with(|rt| rt.block_on(from_async_reader_with(reader, &opts, knobs.buffering)));
        (got, vendor_errors::from_slice(body, &opts))
    };
    assert_eq!(got, expected, "async and sync disagree ({knobs:?})");
    check_answer(&got, &input.limits());
}
