//! Async bodies (feature `async-tokio`): [`from_async_reader`] reads a
//! [`tokio::io::AsyncBufRead`] with the same bounded memory as
//! [`from_reader`](crate::from_reader), and gives the same answer on the
//! same bytes.
//!
//! # How
//!
//! The parser is a synchronous pull loop. A body that ends within
//! [`Buffering::in_memory_bytes`] (64 KiB by default: nearly every error
//! body) is read into memory and given to [`from_slice`](crate::from_slice)
//! on the calling task; no thread is involved. A longer body is handed on
//! in chunks of at most [`Buffering::chunk_bytes`] through a channel of
//! [`Buffering::channel_chunks`] to [`from_reader`](crate::from_reader)
//! running under [`tokio::task::spawn_blocking`]; the async reader is read
//! only as fast as the parser consumes, and not at all once it has its
//! answer (a limit crossed, the root element closed and checked).
//!
//! # Memory
//!
//! Besides what `from_reader` holds (see [`Limits`](crate::Limits)): the
//! in-memory part, `in_memory_bytes`, until the parser has moved past it,
//! plus at most `channel_chunks + 2` chunks of `chunk_bytes` (those queued,
//! the one being sent, the one being parsed): by default 64 KiB + 6 × 16 KiB
//! = 160 KiB, whatever the body's length.
//!
//! # Runtime, cancellation, errors
//!
//! A body longer than `in_memory_bytes` needs a Tokio runtime with a
//! blocking pool (any runtime built by `tokio::runtime::Builder`, current-
//! thread ones too). Dropping the future stops the work: the parser sees
//! its input end with an error and returns at once, without waiting for
//! more of the body. An I/O error of the async reader becomes the same
//! [`ParseError::Io`] (offset, kind, message, and the `io::Error` itself as
//! the source) as `from_reader` gives for a reader failing at that byte.
//!
//! # From an HTTP client's byte stream
//!
//! [`from_stream`] reads any `Stream` of `Result<impl Buf, E>` (reqwest's
//! `bytes_stream()`, hyper's `BodyDataStream`, an axum body's
//! `into_data_stream()`) in one call, whatever its error type; a
//! `reqwest::Response` is one call with
//! `vendor_errors::middleware::from_response` (feature
//! `reqwest-middleware`), which also takes its status and headers.

use std::future::{Future, poll_fn};
use std::io::{self, BufRead, Read};
use std::pin::{Pin, pin};
use std::sync::Arc;

use futures_core::Stream;
use futures_util::TryStreamExt;
use tokio::io::{AsyncBufRead, AsyncBufReadExt};
use tokio::sync::mpsc;
use tokio_util::io::StreamReader;

use crate::{Options, ParseError, Report};

/// How [`from_async_reader_with`] buffers a body; see the [module
/// docs](self#memory) for the memory this bounds.
///
/// ```
/// use vendor_errors::async_tokio::Buffering;
///
/// let mut buffering = Buffering::default();
/// assert_eq!((buffering.in_memory_bytes, buffering.chunk_bytes, buffering.channel_chunks), (65_536, 16_384, 4));
/// buffering.in_memory_bytes = 0; // always stream
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Buffering {
    /// A body that ends within this many bytes is read into memory and
    /// parsed on the calling task (64 KiB). 0: always stream.
    pub in_memory_bytes: usize,
    /// Longest chunk handed to the parser (16 KiB; at least 1 is used).
    pub chunk_bytes: usize,
    /// Chunks queued between the async reader and the parser (4; at least 1 is used).
    pub channel_chunks: usize,
}

impl Default for Buffering {
    fn default() -> Self {
        Buffering { in_memory_bytes: 64 * 1024, chunk_bytes: 16 * 1024, channel_chunks: 4 }
    }
}

/// Reads a body from a Tokio `AsyncBufRead` (a `tokio::io::BufReader`
/// around a socket or file, a `StreamReader` around an HTTP client's byte
/// stream): the same answer as [`from_reader`](crate::from_reader), with
/// bounded memory and default [`Buffering`]. See the [module docs](self)
/// for how, the memory bound, cancellation and a reqwest example.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() {
/// use vendor_errors::{Options, RetryClass};
///
/// let body: &[u8] = br#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>
///   <s:Fault><faultcode>s:Server</faultcode><faultstring>Try later</faultstring></s:Fault></s:Body></s:Envelope>"#;
/// let report = vendor_errors::from_async_reader(body, &Options::new().status(500)).await.unwrap();
/// assert_eq!(report.retry().map(|r| r.class()), Some(RetryClass::Transient));
/// # }
/// ```
pub async fn from_async_reader<R>(reader: R, opts: &Options) -> Result<Report, ParseError>
where
    R: AsyncBufRead + Unpin,
{
    from_async_reader_with(reader, opts, Buffering::default()).await
}

/// Reads a body that comes as a stream of byte chunks: the same answer as
/// [`from_reader`](crate::from_reader) on the same bytes, with bounded
/// memory and default [`Buffering`]. A chunk's error `E` (any error type)
/// ends the body there, as a reader failing at that byte does: it becomes
/// [`ParseError::Io`], or the truncation the errors read so far survive.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() {
/// use bytes::Bytes;
/// use vendor_errors::{Options, RetryClass};
///
/// // Three chunks, as an HTTP client hands them out.
/// let chunks = [r#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault>"#,
///     "<faultcode>s:Server</faultcode><faultstring>Try ",
///     "later</faultstring></s:Fault></s:Body></s:Envelope>"];
/// let body = futures_util::stream::iter(chunks.map(|c| Ok::<_, std::io::Error>(Bytes::from(c))));
/// let report = vendor_errors::async_tokio::from_stream(body, &Options::new().status(500)).await.unwrap();
/// assert_eq!(report.errors[0].message, "Try later");
/// assert_eq!(report.retry().map(|r| r.class()), Some(RetryClass::Transient));
/// # }
/// ```
pub async fn from_stream<S, B, E>(stream: S, opts: &Options) -> Result<Report, ParseError>
where
    S: Stream<Item = Result<B, E>>,
    B: bytes::Buf,
    E: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    let reader = pin!(StreamReader::new(stream.map_err(io::Error::other)));
    from_async_reader(reader, opts).await
}

/// [`from_async_reader`] with the buffering given.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() {
/// use vendor_errors::async_tokio::{Buffering, from_async_reader_with};
/// use vendor_errors::Options;
///
/// // Tiny chunks, always streamed: the answer does not change.
/// let mut buffering = Buffering::default();
/// (buffering.in_memory_bytes, buffering.chunk_bytes, buffering.channel_chunks) = (0, 3, 1);
/// let body: &[u8] = br#"{"errors": [{"code": "601", "message": "Access token invalid"}]}"#;
/// let opts = Options::new().status(200);
/// let streamed = from_async_reader_with(body, &opts, buffering).await;
/// assert_eq!(streamed, vendor_errors::from_slice(body, &opts));
/// # }
/// ```
pub async fn from_async_reader_with<R>(
    mut reader: R,
    opts: &Options,
    buffering: Buffering,
) -> Result<Report, ParseError>
where
    R: AsyncBufRead + Unpin,
{
    let in_memory = buffering.in_memory_bytes;
    let mut head = Vec::new();
    loop {
        let buf = match reader.fill_buf().await {
            Ok(buf) => buf,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            // What from_reader makes of these bytes and then this error.
            Err(e) => return crate::from_reader(io::BufReader::new(head.as_slice().chain(Failed(Some(e)))), opts),
        };
        if buf.is_empty() {
            return crate::from_slice(&head, opts);
        }
        if head.len() >= in_memory {
            break;
        }
        let n = buf.len().min(in_memory - head.len());
        head.extend_from_slice(&buf[..n]);
        reader.consume(n);
    }

    let (tx, rx) = mpsc::channel(buffering.channel_chunks.max(1));
    let owned = opts.clone();
    let mut parser = tokio::task::spawn_blocking(move || crate::from_reader(Received::new(head, rx), &owned));
    let mut pump = pin!(pump(&mut reader, tx, buffering.chunk_bytes.max(1)));
    let mut pumping = true;
    let joined = poll_fn(|cx| {
        if pumping && pump.as_mut().poll(cx).is_ready() {
            pumping = false;
        }
        Pin::new(&mut parser).poll(cx)
    })
    .await;
    match joined {
        Ok(answer) => answer,
        Err(e) if e.is_panic() => std::panic::resume_unwind(e.into_panic()),
        // The runtime is shutting down.
        Err(e) => Err(ParseError::Io { offset: 0, source: Arc::new(io::Error::other(e)) }),
    }
}

/// What the pump sends the parser.
enum Chunk {
    Data(Vec<u8>),
    End,
    Failed(io::Error),
}

/// Moves the body from the async reader to the channel, a chunk at a time,
/// until the end, an error, or the parser's leaving.
async fn pump<R: AsyncBufRead + Unpin>(reader: &mut R, tx: mpsc::Sender<Chunk>, chunk_bytes: usize) {
    loop {
        let chunk = match reader.fill_buf().await {
            Ok([]) => Chunk::End,
            Ok(buf) => {
                let n = buf.len().min(chunk_bytes);
                let data = buf[..n].to_vec();
                reader.consume(n);
                Chunk::Data(data)
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => Chunk::Failed(e),
        };
        let last = !matches!(chunk, Chunk::Data(_));
        if tx.send(chunk).await.is_err() || last {
            return;
        }
    }
}

/// A reader that fails with one error (then, if asked again, with its kind and text).
struct Failed(Option<io::Error>);

impl Read for Failed {
    fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
        Err(self.0.take().unwrap_or_else(|| io::Error::other("read after an I/O error")))
    }
}

/// The parser's end of the channel: a `BufRead` over the chunks received.
struct Received {
    current: Vec<u8>,
    pos: usize,
    rx: mpsc::Receiver<Chunk>,
    state: State,
}

enum State {
    Open,
    Ended,
    /// An error was returned; later reads repeat its kind and text.
    Failed(io::ErrorKind, String),
}

impl Received {
    fn new(head: Vec<u8>, rx: mpsc::Receiver<Chunk>) -> Self {
        #[cfg(test)]
        tests::LIVE_PARSERS.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        Received { current: head, pos: 0, rx, state: State::Open }
    }
}

#[cfg(test)]
impl Drop for Received {
    fn drop(&mut self) {
        tests::LIVE_PARSERS.fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
    }
}

impl BufRead for Received {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        while self.pos == self.current.len() {
            match &self.state {
                State::Open => {}
                State::Ended => return Ok(&[]),
                State::Failed(kind, text) => return Err(io::Error::new(*kind, text.clone())),
            }
            match self.rx.blocking_recv() {
                Some(Chunk::Data(data)) => (self.current, self.pos) = (data, 0),
                Some(Chunk::End) => self.state = State::Ended,
                Some(Chunk::Failed(e)) => {
                    self.state = State::Failed(e.kind(), e.to_string());
                    return Err(e);
                }
                // The future was dropped: stop parsing.
                None => {
                    let e = io::Error::other("from_async_reader was cancelled");
                    self.state = State::Failed(e.kind(), e.to_string());
                    return Err(e);
                }
            }
        }
        Ok(&self.current[self.pos..])
    }

    fn consume(&mut self, n: usize) {
        self.pos = (self.pos + n).min(self.current.len());
    }
}

impl Read for Received {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        crate::input::read_from_buf(self, out)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::task::Poll;
    use std::time::Duration;

    use tokio::io::{AsyncRead, BufReader, ReadBuf};

    use super::*;
    use crate::{Limit, Limits};

    /// `Received` values alive, to see that cancelled parsers stop.
    pub(super) static LIVE_PARSERS: AtomicUsize = AtomicUsize::new(0);

    fn runtime() -> tokio::runtime::Runtime {
        tokio::runtime::Builder::new_current_thread().enable_time().build().unwrap()
    }

    fn streamed() -> Buffering {
        Buffering { in_memory_bytes: 0, chunk_bytes: 5, channel_chunks: 1 }
    }

    /// A body of `n` failed OpenAir commands.
    fn long_body(n: usize) -> Vec<u8> {
        let mut body = b"<response>".to_vec();
        for _ in 0..n {
            body.extend_from_slice(b"<Read status=\"601\"/><Add status=\"0\"/>");
        }
        body.extend_from_slice(b"</response>");
        body
    }

    /// Gives `body`, then fails with `kind` (or stays pending forever when `None`).
    struct ThenFail {
        body: Vec<u8>,
        at: usize,
        kind: Option<io::ErrorKind>,
    }

    impl AsyncRead for ThenFail {
        fn poll_read(
            mut self: Pin<&mut Self>,
            _: &mut std::task::Context<'_>,
            buf: &mut ReadBuf<'_>,
        ) -> Poll<io::Result<()>> {
            if self.at < self.body.len() {
                let n = buf.remaining().min(self.body.len() - self.at).min(7);
                let at = self.at;
                buf.put_slice(&self.body[at..at + n]);
                self.at += n;
                return Poll::Ready(Ok(()));
            }
            match self.kind {
                Some(kind) => Poll::Ready(Err(io::Error::new(kind, "peer reset"))),
                None => Poll::Pending,
            }
        }
    }

    #[test]
    fn same_answer_as_slice_and_reader_both_ways() {
        let body = long_body(3000);
        let opts = Options::new().status(200);
        let expected = crate::from_slice(&body, &opts);
        assert_eq!(expected.as_ref().unwrap().omitted, 2000);
        let rt = runtime();
        for buffering in [Buffering::default(), streamed(), Buffering { in_memory_bytes: 100_000_000, ..streamed() }] {
            let got =
                rt.block_on(from_async_reader_with(BufReader::with_capacity(3, body.as_slice()), &opts, buffering));
            assert_eq!(got, expected, "{buffering:?}");
        }
    }

    #[test]
    fn io_errors_are_those_from_reader_gives() {
        let body = long_body(50);
        let rt = runtime();
        for at in [0, 10, body.len() / 2] {
            let failing = || ThenFail { body: body[..at].to_vec(), at: 0, kind: Some(io::ErrorKind::ConnectionReset) };
            let sync = crate::from_reader(io::BufReader::new(SyncOf(failing())), &Options::new());
            // Errors read before the failure are salvaged; with none, the failure is the answer.
            let failure = match &sync {
                Err(e @ ParseError::Io { .. }) => e.clone(),
                Ok(report) => report.incomplete.clone().expect("a salvaged report says where it broke"),
                other => panic!("{other:?}"),
            };
            assert_eq!(failure.offset(), at as u64, "{sync:?}");
            for buffering in [Buffering::default(), streamed()] {
                let got = rt.block_on(from_async_reader_with(BufReader::new(failing()), &Options::new(), buffering));
                assert_eq!(got, sync, "at {at}, {buffering:?}");
                let source = std::error::Error::source(&failure).unwrap();
                assert_eq!(source.downcast_ref::<io::Error>().unwrap().kind(), io::ErrorKind::ConnectionReset);
            }
        }
    }

    /// The same reader, blocking.
    struct SyncOf(ThenFail);

    impl Read for SyncOf {
        fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
            let t = &mut self.0;
            if t.at < t.body.len() {
                let n = out.len().min(t.body.len() - t.at).min(7);
                out[..n].copy_from_slice(&t.body[t.at..t.at + n]);
                t.at += n;
                return Ok(n);
            }
            Err(io::Error::new(t.kind.unwrap(), "peer reset"))
        }
    }

    #[test]
    fn an_endless_body_stops_at_the_limit_without_being_read_to_its_end() {
        let limits = Limits { max_body_bytes: 1 << 20, ..Limits::default() };
        let opts = Options::new().limits(limits);
        let endless = tokio::io::AsyncReadExt::chain(&b"<a>"[..], tokio::io::repeat(b'x'));
        let got = runtime().block_on(from_async_reader(BufReader::new(endless), &opts));
        assert!(matches!(got, Err(ParseError::Limit { limit: Limit::BodySize, .. })), "{got:?}");
    }

    #[test]
    fn dropping_the_future_stops_the_parser() {
        let rt = runtime();
        let stalled = ThenFail { body: long_body(100), at: 0, kind: None };
        let before = LIVE_PARSERS.load(Ordering::SeqCst);
        let outcome = rt.block_on(async {
            tokio::time::timeout(
                Duration::from_millis(50),
                from_async_reader_with(BufReader::new(stalled), &Options::new(), streamed()),
            )
            .await
        });
        assert!(outcome.is_err(), "timed out");
        // The parser's thread sees the end of its input and returns.
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        while LIVE_PARSERS.load(Ordering::SeqCst) > before && std::time::Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(5));
        }
        assert!(LIVE_PARSERS.load(Ordering::SeqCst) <= before);
    }

    #[test]
    fn the_future_is_send_for_a_send_reader() {
        fn is_send<T: Send>(_: &T) {}
        let opts = Options::new();
        let future = from_async_reader(BufReader::new(&b""[..]), &opts);
        is_send(&future);
    }
}
