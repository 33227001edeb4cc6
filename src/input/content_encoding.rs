//! `Content-Encoding`: bodies sent gzip- or deflate-compressed, decoded as
//! they stream (feature `gzip`).
//!
//! [`ContentCoding::from_header`] reads the header; [`decoder`] wraps the
//! body as received in a `BufRead` of the body as decoded, which is what the
//! rest of the pipeline reads: its offsets then count decoded bytes.
//!
//! Memory is bounded whatever the body: one 32 KiB buffer of decoded bytes,
//! the inflater's state (its 32 KiB window and tables), and for gzip the
//! header fields flate2 keeps (at most 64 KiB each). The byte limit holds on
//! both sides, as [`Limited`] holds it: a read past `max_bytes` bytes taken
//! from the body, or past `max_bytes` decoded bytes, fails. So a compression
//! bomb stops at the limit, and so does a stream of empty deflate blocks or
//! gzip members that never decodes to anything.
//!
//! A gzip body is read to its end (another member may follow); a deflate
//! body is read to the end of its stream, and anything after that is not read.
//!
//! What comes out of a read, besides bytes:
//! - the body's own I/O errors, and the limit
//!   ([`InputFault::Limit`](super::InputFault::Limit) with
//!   [`Limit::BodySize`](crate::Limit::BodySize), at the limit), unchanged:
//!   [`io_to_parse_error`](super::io_to_parse_error) makes the limit
//!   `ParseError::Limit`;
//! - a body that ends inside the compressed stream: an
//!   [`UnexpectedEof`](io::ErrorKind::UnexpectedEof) error, after every byte
//!   that could be decoded before the cut, so that what was read is salvaged;
//! - compressed data that is not valid (a bad gzip header, a corrupt deflate
//!   block, a gzip checksum or length that does not match, bytes after a gzip
//!   member that do not start another): an
//!   [`InvalidData`](io::ErrorKind::InvalidData) error naming the coding and
//!   the offset in the compressed body where it was found. Both are repeated
//!   on every later read.

use std::fmt;
#[cfg(any(feature = "gzip", test))]
use std::io::{self, BufRead, Read};

#[cfg(feature = "gzip")]
use self::inflate::{Compressed, Inflate};
#[cfg(any(feature = "gzip", test))]
use super::limited::Limited;

/// The decoded bytes buffered at once.
#[cfg(feature = "gzip")]
const OUT_LEN: usize = 32 * 1024;

/// How a body was coded for transfer, from its `Content-Encoding` header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ContentCoding {
    /// No header, an empty one, or `identity`: the body as sent.
    Identity,
    /// `gzip` or `x-gzip` (RFC 1952): one member, or several in a row.
    #[cfg(feature = "gzip")]
    Gzip,
    /// `deflate`: zlib-wrapped deflate (RFC 1950) as HTTP defines it, or raw
    /// deflate (RFC 1951) as some servers send it.
    #[cfg(feature = "gzip")]
    Deflate,
}

impl ContentCoding {
    /// The coding a `Content-Encoding` value names (`None`: no header).
    ///
    /// Names are case-insensitive and trimmed; `identity` and empty list
    /// members are dropped, so `gzip, identity` is gzip. One coding at most:
    /// a body coded twice (`deflate, gzip`) is refused rather than decoded
    /// in reverse order, since no server in practice sends one. So is any
    /// other coding (`br`, `zstd`, `compress`), and gzip and deflate
    /// without the `gzip` feature: such a body is never read as if it were
    /// not coded.
    pub(crate) fn from_header(value: Option<&str>) -> Result<Self, UnsupportedCoding> {
        let value = value.unwrap_or("").trim();
        let mut coding = ContentCoding::Identity;
        for name in value.split(',').map(str::trim).filter(|name| !name.is_empty()) {
            let Some(this) = Self::named(name) else {
                return Err(UnsupportedCoding { coding: name.to_owned() });
            };
            if this == ContentCoding::Identity {
                continue;
            }
            if coding != ContentCoding::Identity {
                return Err(UnsupportedCoding { coding: value.to_owned() });
            }
            coding = this;
        }
        Ok(coding)
    }

    fn named(name: &str) -> Option<Self> {
        if name.eq_ignore_ascii_case("identity") {
            return Some(ContentCoding::Identity);
        }
        #[cfg(feature = "gzip")]
        if name.eq_ignore_ascii_case("gzip") || name.eq_ignore_ascii_case("x-gzip") {
            return Some(ContentCoding::Gzip);
        }
        #[cfg(feature = "gzip")]
        if name.eq_ignore_ascii_case("deflate") {
            return Some(ContentCoding::Deflate);
        }
        None
    }
}

/// A `Content-Encoding` this crate does not decode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct UnsupportedCoding {
    /// The coding, as written (the whole value for a body coded twice).
    pub(crate) coding: String,
}

impl fmt::Display for UnsupportedCoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unsupported content coding {:?}", self.coding)
    }
}

impl std::error::Error for UnsupportedCoding {}

/// The body read through `coding`: a `BufRead` of the decoded bytes, which
/// takes at most `max_bytes` bytes from `body` and hands out at most
/// `max_bytes` decoded bytes (see the module's documentation for what its
/// reads return).
#[cfg(any(feature = "gzip", test))]
pub(crate) fn decoder<R: BufRead>(body: R, coding: ContentCoding, max_bytes: u64) -> Decoder<R> {
    let decoding = match coding {
        ContentCoding::Identity => Decoding::Identity(body),
        #[cfg(feature = "gzip")]
        ContentCoding::Gzip => Decoding::inflating(Inflate::GzipStart(Compressed::new(body, max_bytes))),
        #[cfg(feature = "gzip")]
        ContentCoding::Deflate => Decoding::inflating(Inflate::DeflateStart(Compressed::new(body, max_bytes))),
    };
    Decoder(Limited::new(decoding, 0, max_bytes, u64::MAX))
}

/// A body as decoded: made by [`decoder`].
#[cfg(any(feature = "gzip", test))]
pub(crate) struct Decoder<R>(Limited<Decoding<R>>);

#[cfg(any(feature = "gzip", test))]
impl<R: BufRead> Read for Decoder<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        super::read_from_buf(self, out)
    }
}

#[cfg(any(feature = "gzip", test))]
impl<R: BufRead> BufRead for Decoder<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.0.fill_buf()
    }

    fn consume(&mut self, amt: usize) {
        self.0.consume(amt);
    }
}

/// The decoded bytes, before the decoded-side limit.
#[cfg(any(feature = "gzip", test))]
enum Decoding<R> {
    /// Not coded: the body's own buffer, nothing copied.
    Identity(R),
    /// Boxed: the decoder's state is large, and an uncoded body needs none.
    #[cfg(feature = "gzip")]
    Inflating(Box<io::BufReader<Inflate<R>>>),
}

#[cfg(feature = "gzip")]
impl<R: BufRead> Decoding<R> {
    fn inflating(inflate: Inflate<R>) -> Self {
        Decoding::Inflating(Box::new(io::BufReader::with_capacity(OUT_LEN, inflate)))
    }
}

#[cfg(any(feature = "gzip", test))]
impl<R: BufRead> Read for Decoding<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        super::read_from_buf(self, out)
    }
}

#[cfg(any(feature = "gzip", test))]
impl<R: BufRead> BufRead for Decoding<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        match self {
            Decoding::Identity(body) => body.fill_buf(),
            #[cfg(feature = "gzip")]
            Decoding::Inflating(decoded) => decoded.fill_buf(),
        }
    }

    fn consume(&mut self, amt: usize) {
        match self {
            Decoding::Identity(body) => body.consume(amt),
            #[cfg(feature = "gzip")]
            Decoding::Inflating(decoded) => decoded.consume(amt),
        }
    }
}

/// The decoders of the compressed codings.
#[cfg(feature = "gzip")]
mod inflate {
    use std::fmt;
    use std::io::{self, BufRead, Read};

    use flate2::bufread::{DeflateDecoder, MultiGzDecoder, ZlibDecoder};

    use crate::input::limited::Limited;

    /// flate2's decoders over the compressed body, chosen once its first bytes
    /// are seen.
    pub(super) enum Inflate<R> {
        /// Gzip, nothing read yet: an empty body decodes to an empty body.
        GzipStart(Compressed<R>),
        /// Deflate, nothing read yet: the first two bytes tell zlib from raw
        /// deflate; an empty body decodes to an empty body.
        DeflateStart(Compressed<R>),
        Gzip(MultiGzDecoder<Compressed<R>>),
        Zlib(ZlibDecoder<Compressed<R>>),
        Raw(DeflateDecoder<Compressed<R>>),
        /// An empty body: nothing more comes.
        Ended,
        /// The compressed data was corrupt or cut: said again on every read.
        Failed(CodingFault),
    }

    impl<R: BufRead> Inflate<R> {
        /// Leaves a start state for the decoder its first bytes call for.
        fn start(&mut self) -> io::Result<()> {
            let next: fn(Compressed<R>) -> Self = match self {
                Inflate::GzipStart(body) => match body.fill_buf()?.is_empty() {
                    true => |_| Inflate::Ended,
                    false => |body| Inflate::Gzip(MultiGzDecoder::new(body)),
                },
                Inflate::DeflateStart(body) => match body.starts_zlib()? {
                    None => |_| Inflate::Ended,
                    Some(true) => |body| Inflate::Zlib(ZlibDecoder::new(body)),
                    Some(false) => |body| Inflate::Raw(DeflateDecoder::new(body)),
                },
                _ => return Ok(()),
            };
            if let Inflate::GzipStart(body) | Inflate::DeflateStart(body) = std::mem::replace(self, Inflate::Ended) {
                *self = next(body);
            }
            Ok(())
        }

        /// The compressed body under the decoder, and the coding's name.
        fn compressed(&mut self) -> Option<(&mut Compressed<R>, &'static str)> {
            match self {
                Inflate::Gzip(decoder) => Some((decoder.get_mut(), "gzip")),
                Inflate::Zlib(decoder) => Some((decoder.get_mut(), "deflate")),
                Inflate::Raw(decoder) => Some((decoder.get_mut(), "deflate")),
                _ => None,
            }
        }

        /// A decoder's error as this module reports it: the body's own failure
        /// as it came, the decoder's as a [`CodingFault`], kept for later reads.
        fn fault(&mut self, err: io::Error) -> io::Error {
            let Some((body, coding)) = self.compressed() else { return err };
            if body.failed {
                return err;
            }
            let fault = CodingFault {
                coding,
                offset: body.offset(),
                truncated: err.kind() == io::ErrorKind::UnexpectedEof,
                reason: err.to_string(),
            };
            *self = Inflate::Failed(fault.clone());
            fault.into_io()
        }
    }

    impl<R: BufRead> Read for Inflate<R> {
        fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
            if let Some((body, _)) = self.compressed() {
                body.failed = false;
            }
            let result = match self {
                Inflate::GzipStart(_) | Inflate::DeflateStart(_) => {
                    self.start()?;
                    return self.read(out);
                }
                Inflate::Gzip(decoder) => decoder.read(out),
                Inflate::Zlib(decoder) => decoder.read(out),
                Inflate::Raw(decoder) => decoder.read(out),
                Inflate::Ended => Ok(0),
                Inflate::Failed(fault) => Err(fault.clone().into_io()),
            };
            result.map_err(|err| self.fault(err))
        }
    }

    /// Whether two bytes start a zlib stream (RFC 1950): deflate (CM 8) with a
    /// window of at most 32 KiB (CINFO 7), and the header check. A raw deflate
    /// stream could pass only by starting with a stored block whose padding
    /// bits are not zero, which no encoder writes.
    pub(super) fn is_zlib_header(cmf: u8, flg: u8) -> bool {
        cmf & 0x0f == 8 && cmf >> 4 <= 7 && (u16::from(cmf) << 8 | u16::from(flg)) % 31 == 0
    }

    /// The body as received: counted and limited, with room for a first byte
    /// taken to see the second.
    pub(super) struct Compressed<R> {
        body: Limited<R>,
        /// A first byte taken from `body`, handed out before `body`'s.
        held: Option<u8>,
        /// `body` failed (or crossed the limit) during this read: the decoder's
        /// error is that failure, passed on as it is.
        failed: bool,
    }

    impl<R: BufRead> Compressed<R> {
        pub(super) fn new(body: R, max_bytes: u64) -> Self {
            Compressed { body: Limited::new(body, 0, max_bytes, u64::MAX), held: None, failed: false }
        }

        /// Bytes of the body handed to the decoder so far.
        fn offset(&self) -> u64 {
            self.body.offset() - u64::from(self.held.is_some())
        }

        fn body_buf(&mut self) -> io::Result<&[u8]> {
            flag_failure(&mut self.body, &mut self.failed)
        }

        /// Whether the body starts with a zlib header, seen without consuming
        /// it (`None`: an empty body; a body of one byte is not zlib).
        fn starts_zlib(&mut self) -> io::Result<Option<bool>> {
            let first = match *self.body_buf()? {
                [] => return Ok(None),
                [cmf, flg, ..] => return Ok(Some(is_zlib_header(cmf, flg))),
                [first] => first,
            };
            self.body.consume(1);
            self.held = Some(first);
            Ok(Some(self.body_buf()?.first().is_some_and(|&flg| is_zlib_header(first, flg))))
        }
    }

    /// `body.fill_buf()`, setting `failed` when it fails.
    fn flag_failure<'a, R: BufRead>(body: &'a mut Limited<R>, failed: &mut bool) -> io::Result<&'a [u8]> {
        body.fill_buf().inspect_err(|_| *failed = true)
    }

    impl<R: BufRead> Read for Compressed<R> {
        fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
            crate::input::read_from_buf(self, out)
        }
    }

    impl<R: BufRead> BufRead for Compressed<R> {
        fn fill_buf(&mut self) -> io::Result<&[u8]> {
            match &self.held {
                Some(first) => Ok(std::slice::from_ref(first)),
                None => flag_failure(&mut self.body, &mut self.failed),
            }
        }

        fn consume(&mut self, amt: usize) {
            match self.held {
                Some(_) if amt > 0 => {
                    self.held = None;
                    self.body.consume(amt - 1);
                }
                Some(_) => {}
                None => self.body.consume(amt),
            }
        }
    }

    /// Compressed data that could not be decoded.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub(super) struct CodingFault {
        coding: &'static str,
        /// Bytes of the compressed body read when the fault was found.
        pub(super) offset: u64,
        /// The body ends inside the compressed stream (else: corrupt data).
        pub(super) truncated: bool,
        /// What the decoder said.
        reason: String,
    }

    impl CodingFault {
        fn into_io(self) -> io::Error {
            let kind = if self.truncated { io::ErrorKind::UnexpectedEof } else { io::ErrorKind::InvalidData };
            io::Error::new(kind, self)
        }
    }

    impl fmt::Display for CodingFault {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            let CodingFault { coding, offset, reason, .. } = self;
            if self.truncated {
                write!(f, "{coding} body cut short at compressed byte {offset} ({reason})")
            } else {
                write!(f, "corrupt {coding} body at compressed byte {offset}: {reason}")
            }
        }
    }

    impl std::error::Error for CodingFault {}
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_names_one_coding() {
        for value in [None, Some(""), Some("  "), Some("identity"), Some(" IDENTITY "), Some(", identity,")] {
            assert_eq!(ContentCoding::from_header(value), Ok(ContentCoding::Identity), "{value:?}");
        }
        let unsupported = |coding: &str| Err(UnsupportedCoding { coding: coding.to_owned() });
        for (value, coding) in [("br", "br"), ("zstd", "zstd"), ("compress", "compress"), ("identity, BR ", "BR")] {
            assert_eq!(ContentCoding::from_header(Some(value)), unsupported(coding), "{value:?}");
        }
        let err = ContentCoding::from_header(Some("br")).unwrap_err();
        assert_eq!(err.to_string(), r#"unsupported content coding "br""#);
    }

    #[cfg(feature = "gzip")]
    #[test]
    fn header_names_gzip_and_deflate() {
        for value in ["gzip", "x-gzip", " GZip ", "gzip, identity", "identity,gzip", "X-GZIP"] {
            assert_eq!(ContentCoding::from_header(Some(value)), Ok(ContentCoding::Gzip), "{value:?}");
        }
        for value in ["deflate", "Deflate", "deflate, identity"] {
            assert_eq!(ContentCoding::from_header(Some(value)), Ok(ContentCoding::Deflate), "{value:?}");
        }
        // Coded twice, or with a coding not decoded: refused, never read as identity.
        let unsupported = |coding: &str| Err(UnsupportedCoding { coding: coding.to_owned() });
        assert_eq!(ContentCoding::from_header(Some(" deflate, gzip ")), unsupported("deflate, gzip"));
        assert_eq!(ContentCoding::from_header(Some("gzip, gzip")), unsupported("gzip, gzip"));
        assert_eq!(ContentCoding::from_header(Some("gzip, br")), unsupported("br"));
    }

    #[cfg(not(feature = "gzip"))]
    #[test]
    fn without_the_feature_gzip_is_unsupported() {
        for value in ["gzip", "x-gzip", "deflate"] {
            assert_eq!(ContentCoding::from_header(Some(value)), Err(UnsupportedCoding { coding: value.to_owned() }));
        }
    }

    #[test]
    fn identity_passes_the_body_through_under_the_limit() {
        let mut body = decoder(&b"<a>ok</a>"[..], ContentCoding::Identity, 100);
        let mut out = String::new();
        body.read_to_string(&mut out).unwrap();
        assert_eq!(out, "<a>ok</a>");

        // As `Limited` does: one byte past the limit is handed out, then the fault.
        let mut body = decoder(&b"0123456789"[..], ContentCoding::Identity, 4);
        let (out, err) = read_all(&mut body);
        assert_eq!(out, b"01234");
        assert_eq!(
            InputFault::from_io(&err.unwrap_err()),
            Some(&InputFault::Limit { limit: Limit::BodySize, max: 4, offset: 4 })
        );
    }

    /// Reads to the end or the first error, checking that no read hands out
    /// more than the buffer holds.
    fn read_all(mut body: impl BufRead) -> (Vec<u8>, io::Result<()>) {
        let mut out = Vec::new();
        loop {
            match body.fill_buf() {
                Ok([]) => return (out, Ok(())),
                Ok(buf) => {
                    assert!(buf.len() <= 32 * 1024, "{} bytes buffered", buf.len());
                    let n = buf.len();
                    out.extend_from_slice(buf);
                    body.consume(n);
                }
                Err(err) => return (out, Err(err)),
            }
        }
    }

    use std::io::Read;

    use crate::input::InputFault;
    use crate::limits::Limit;

    #[cfg(feature = "gzip")]
    mod coded {
        use std::io::{self, BufRead, Read, Write};
        use std::time::{Duration, Instant};

        use flate2::Compression;
        use flate2::write::{DeflateEncoder, GzEncoder, ZlibEncoder};

        use super::super::inflate::CodingFault;
        use super::super::*;
        use super::read_all;
        use crate::input::InputFault;
        use crate::limits::Limit;
        use crate::parse_error::ParseError;

        fn gzip(data: &[u8]) -> Vec<u8> {
            let mut enc = GzEncoder::new(Vec::new(), Compression::default());
            enc.write_all(data).unwrap();
            enc.finish().unwrap()
        }

        fn zlib(data: &[u8]) -> Vec<u8> {
            let mut enc = ZlibEncoder::new(Vec::new(), Compression::default());
            enc.write_all(data).unwrap();
            enc.finish().unwrap()
        }

        fn raw_deflate(data: &[u8]) -> Vec<u8> {
            let mut enc = DeflateEncoder::new(Vec::new(), Compression::default());
            enc.write_all(data).unwrap();
            enc.finish().unwrap()
        }

        /// A body of some size that compresses but not to nothing.
        fn sample() -> Vec<u8> {
            let mut body = b"<?xml version=\"1.0\"?><soap:Envelope><soap:Body>".to_vec();
            for i in 0..20_000 {
                body.extend_from_slice(format!("<item n=\"{i}\">{}</item>", i * 7919 % 1009).as_bytes());
            }
            body.extend_from_slice(b"</soap:Body></soap:Envelope>");
            body
        }

        /// A `BufRead` that hands out one byte at a time and counts what was consumed.
        struct Trickle<'a> {
            data: &'a [u8],
            step: usize,
            consumed: usize,
        }

        impl<'a> Trickle<'a> {
            fn new(data: &'a [u8], step: usize) -> Self {
                Trickle { data, step, consumed: 0 }
            }
        }

        impl Read for Trickle<'_> {
            fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
                crate::input::read_from_buf(self, out)
            }
        }

        impl BufRead for Trickle<'_> {
            fn fill_buf(&mut self) -> io::Result<&[u8]> {
                let rest = &self.data[self.consumed..];
                Ok(&rest[..rest.len().min(self.step)])
            }

            fn consume(&mut self, amt: usize) {
                self.consumed += amt;
            }
        }

        fn decode(coding: ContentCoding, compressed: &[u8], step: usize) -> (Vec<u8>, io::Result<()>) {
            read_all(decoder(Trickle::new(compressed, step), coding, u64::MAX))
        }

        fn fault(err: &io::Error) -> &CodingFault {
            err.get_ref().and_then(|e| e.downcast_ref::<CodingFault>()).expect("a coding fault")
        }

        #[test]
        fn round_trips() {
            let data = sample();
            let cases = [
                (ContentCoding::Gzip, gzip(&data)),
                (ContentCoding::Deflate, zlib(&data)),
                (ContentCoding::Deflate, raw_deflate(&data)),
            ];
            for (coding, compressed) in &cases {
                assert!(compressed.len() < data.len() / 4);
                for step in [1, 2, 7, 4096, usize::MAX] {
                    let (out, end) = decode(*coding, compressed, step);
                    end.unwrap();
                    assert!(out == data, "{coding:?} in steps of {step}");
                }
            }
        }

        #[test]
        fn zlib_header_check() {
            // zlib's own headers, at every compression level and window size.
            for header in [[0x78, 0x01], [0x78, 0x5e], [0x78, 0x9c], [0x78, 0xda], [0x08, 0x1d], [0x58, 0x85]] {
                assert!(inflate::is_zlib_header(header[0], header[1]), "{header:x?}");
            }
            for header in [[0x78, 0x9d], [0x79, 0x9c], [0x88, 0x98], [0x00, 0x00]] {
                assert!(!inflate::is_zlib_header(header[0], header[1]), "{header:x?}");
            }
            // Raw deflate as encoders write it never passes.
            for data in [&b""[..], b"a", b"<fault/>", &[0; 1000]] {
                let raw = raw_deflate(data);
                assert!(!inflate::is_zlib_header(raw[0], raw[1]), "{data:?}");
                assert!(inflate::is_zlib_header(zlib(data)[0], zlib(data)[1]));
            }
        }

        #[test]
        fn gzip_members_in_a_row_are_one_body() {
            let mut compressed = gzip(b"<a>first</a>");
            compressed.extend(gzip(b""));
            compressed.extend(gzip(b"<b>second</b>"));
            for step in [1, 3, usize::MAX] {
                let (out, end) = decode(ContentCoding::Gzip, &compressed, step);
                end.unwrap();
                assert_eq!(out, b"<a>first</a><b>second</b>");
            }
        }

        #[test]
        fn deflate_stops_at_the_end_of_its_stream() {
            for mut compressed in [zlib(b"<a/>"), raw_deflate(b"<a/>")] {
                compressed.extend_from_slice(b"\0\0 trailing bytes, not read");
                let (out, end) = decode(ContentCoding::Deflate, &compressed, 3);
                end.unwrap();
                assert_eq!(out, b"<a/>");
            }
        }

        #[test]
        fn an_empty_body_decodes_to_an_empty_body() {
            for coding in [ContentCoding::Gzip, ContentCoding::Deflate] {
                let (out, end) = decode(coding, b"", 1);
                end.unwrap();
                assert!(out.is_empty());
            }
        }

        #[test]
        fn a_bomb_stops_at_the_limit() {
            // 100 MiB of zeros, as one gzip member of about 100 KB.
            let mut enc = GzEncoder::new(Vec::new(), Compression::best());
            let zeros = vec![0; 1 << 20];
            for _ in 0..100 {
                enc.write_all(&zeros).unwrap();
            }
            let bomb = enc.finish().unwrap();
            assert!(bomb.len() < 200_000, "{} bytes", bomb.len());

            let max = 1 << 20;
            let started = Instant::now();
            let mut body = Trickle::new(&bomb, usize::MAX);
            let (out, end) = read_all(decoder(&mut body, ContentCoding::Gzip, max));
            let err = end.unwrap_err();
            assert_eq!(
                InputFault::from_io(&err),
                Some(&InputFault::Limit { limit: Limit::BodySize, max, offset: max })
            );
            assert_eq!(out.len() as u64, max + 1);
            // Only the start of the bomb was inflated: the limit plus one buffer.
            assert!(body.consumed < bomb.len() / 20, "{} of {} compressed bytes read", body.consumed, bomb.len());
            assert!(started.elapsed() < Duration::from_secs(10));
            // The pipeline's answer.
            assert_eq!(
                crate::input::io_to_parse_error(err, out.len() as u64),
                ParseError::Limit { limit: Limit::BodySize, max, offset: max }
            );
        }

        #[test]
        fn a_body_that_decodes_to_nothing_stops_at_the_limit() {
            // Empty gzip members, 20 bytes each: nothing decoded, ever.
            let empty = gzip(b"");
            let compressed = empty.repeat(10_000);
            let max = 5_000;
            let mut body = Trickle::new(&compressed, usize::MAX);
            let (out, end) = read_all(decoder(&mut body, ContentCoding::Gzip, max));
            assert!(out.is_empty());
            let err = end.unwrap_err();
            assert_eq!(
                InputFault::from_io(&err),
                Some(&InputFault::Limit { limit: Limit::BodySize, max, offset: max })
            );
            assert!(body.consumed as u64 <= max + 1);
        }

        #[test]
        fn corrupt_data_is_invalid_data_at_a_compressed_offset() {
            let data = sample();
            let mut compressed = gzip(&data);
            let middle = compressed.len() / 2;
            for b in &mut compressed[middle..middle + 16] {
                *b ^= 0x55;
            }
            let (out, end) = decode(ContentCoding::Gzip, &compressed, usize::MAX);
            let err = end.unwrap_err();
            assert_eq!(err.kind(), io::ErrorKind::InvalidData);
            let found = fault(&err);
            assert!(!found.truncated);
            assert!(found.offset > 10 && found.offset <= compressed.len() as u64, "{found:?}");
            assert!(err.to_string().starts_with("corrupt gzip body at compressed byte "), "{err}");
            assert!(data.starts_with(&out[..out.len().min(middle)]));

            // Each later read says it again.
            let mut body = decoder(&compressed[..], ContentCoding::Gzip, u64::MAX);
            let err = loop {
                match body.fill_buf() {
                    Ok(buf) => {
                        let n = buf.len();
                        body.consume(n);
                    }
                    Err(err) => break err,
                }
            };
            let again = body.fill_buf().unwrap_err();
            assert_eq!(fault(&again), fault(&err));
        }

        #[test]
        fn bad_headers_checksums_and_trailing_bytes_are_corrupt() {
            let data = b"<fault>gone</fault>";
            let good = gzip(data);
            let mut bad_method = good.clone();
            bad_method[2] = 9;
            let mut bad_crc = good.clone();
            let crc_at = good.len() - 8;
            bad_crc[crc_at] ^= 1;
            let mut bad_size = good.clone();
            bad_size[good.len() - 4] ^= 1;
            let mut trailing = good.clone();
            trailing.extend_from_slice(b"<html><body>Bad Gateway</body></html>");
            for (name, compressed, delivered) in [
                ("method", &bad_method, &b""[..]),
                ("crc", &bad_crc, data),
                ("size", &bad_size, data),
                ("trailing", &trailing, data),
            ] {
                let (out, end) = decode(ContentCoding::Gzip, compressed, usize::MAX);
                let err = end.expect_err(name);
                assert_eq!(err.kind(), io::ErrorKind::InvalidData, "{name}: {err}");
                assert!(!fault(&err).truncated);
                assert_eq!(out, delivered, "{name}");
            }
            // Not zlib, not valid raw deflate either.
            let (_, end) = decode(ContentCoding::Deflate, b"\xff\xff\xff\xff", usize::MAX);
            assert_eq!(end.unwrap_err().kind(), io::ErrorKind::InvalidData);
        }

        #[test]
        fn a_cut_body_is_unexpected_eof_after_what_it_decodes_to() {
            let data = sample();
            for (coding, compressed) in [
                (ContentCoding::Gzip, gzip(&data)),
                (ContentCoding::Deflate, zlib(&data)),
                (ContentCoding::Deflate, raw_deflate(&data)),
            ] {
                // Cut in the data, in the gzip or zlib trailer, after one byte.
                for cut in [compressed.len() / 2, compressed.len() - 2, 1] {
                    let (out, end) = decode(coding, &compressed[..cut], 5);
                    let err = end.unwrap_err();
                    assert_eq!(err.kind(), io::ErrorKind::UnexpectedEof, "{coding:?} cut at {cut}: {err}");
                    let found = fault(&err);
                    assert!(found.truncated);
                    assert_eq!(found.offset, cut as u64);
                    assert!(data.starts_with(&out));
                    if cut == compressed.len() / 2 {
                        // What came before the cut is there to salvage.
                        assert!(out.len() > data.len() / 4, "{coding:?}: {} bytes", out.len());
                    }
                }
            }
            let (_, end) = decode(ContentCoding::Gzip, &gzip(b"x")[..5], usize::MAX);
            let err = end.unwrap_err();
            assert_eq!(err.to_string(), "gzip body cut short at compressed byte 5 (unexpected end of file)");
        }

        #[test]
        fn the_bodys_own_errors_pass_through() {
            let compressed = gzip(&sample());
            let body = (&compressed[..compressed.len() / 2]).chain(Reset);
            let (out, end) = read_all(decoder(io::BufReader::new(body), ContentCoding::Gzip, u64::MAX));
            let err = end.unwrap_err();
            assert_eq!(err.kind(), io::ErrorKind::ConnectionReset);
            assert!(err.get_ref().and_then(|e| e.downcast_ref::<CodingFault>()).is_none());
            assert!(!out.is_empty());
        }

        struct Reset;

        impl Read for Reset {
            fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
                Err(io::Error::new(io::ErrorKind::ConnectionReset, "peer reset"))
            }
        }
    }
}
