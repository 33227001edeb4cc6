//! Streaming transcoding of non-UTF-8 bodies (UTF-16, ISO-8859-x,
//! windows-125x, ...) to UTF-8, refusing bytes the encoding does not allow.

use std::io::{self, BufRead, Read};

use encoding_rs::{Decoder, DecoderResult, Encoding};

use super::InputFault;

const OUT_LEN: usize = 16 * 1024;

/// A `BufRead` of UTF-8 decoded from `inner` in `encoding`.
pub(crate) struct Transcoder<R> {
    inner: R,
    decoder: Decoder,
    encoding: &'static Encoding,
    out: Box<[u8]>,
    pos: usize,
    len: usize,
    /// Offset in the raw body of `inner`'s next byte.
    raw_offset: u64,
    /// The decoder has seen the end of input (`last = true`) and must not be called again.
    finished: bool,
    /// Bad bytes found after the decoded bytes still buffered: reported once
    /// those are consumed, so the error comes at the same place in the text
    /// however far ahead the input was decoded.
    pending: Option<InputFault>,
}

impl<R: BufRead> Transcoder<R> {
    /// `raw_offset` is where `inner` starts in the body (after a BOM).
    pub(crate) fn new(inner: R, encoding: &'static Encoding, raw_offset: u64) -> Self {
        Transcoder {
            inner,
            decoder: encoding.new_decoder_without_bom_handling(),
            encoding,
            out: vec![0; OUT_LEN].into_boxed_slice(),
            pos: 0,
            len: 0,
            raw_offset,
            finished: false,
            pending: None,
        }
    }

    fn refill(&mut self) -> io::Result<()> {
        self.pos = 0;
        self.len = 0;
        if let Some(fault) = self.pending.take() {
            return Err(fault.into_io());
        }
        while self.len == 0 && !self.finished {
            let input = self.inner.fill_buf()?;
            let last = input.is_empty();
            let (result, read, written) = self.decoder.decode_to_utf8_without_replacement(input, &mut self.out, last);
            self.inner.consume(read);
            self.raw_offset += read as u64;
            self.len = written;
            if last {
                self.finished = true;
            }
            // At the end of input, what the decoder still holds is a
            // character the body's end cut in two: the body ends before it,
            // and the reader finds it cut there (not malformed).
            if let DecoderResult::Malformed(bad, after) = result
                && !last
            {
                self.finished = true;
                let offset = self.raw_offset - u64::from(bad) - u64::from(after);
                let fault = InputFault::Encoding { offset, encoding: self.encoding.name() };
                if written == 0 {
                    return Err(fault.into_io());
                }
                self.pending = Some(fault);
            }
        }
        Ok(())
    }
}

impl<R: BufRead> Read for Transcoder<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        super::read_from_buf(self, out)
    }
}

impl<R: BufRead> BufRead for Transcoder<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.pos == self.len {
            self.refill()?;
        }
        Ok(&self.out[self.pos..self.len])
    }

    fn consume(&mut self, amt: usize) {
        self.pos = (self.pos + amt).min(self.len);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode_all(raw: &[u8], enc: &'static Encoding) -> io::Result<String> {
        let mut s = String::new();
        Transcoder::new(raw, enc, 0).read_to_string(&mut s)?;
        Ok(s)
    }

    #[test]
    fn latin1_and_utf16() {
        assert_eq!(decode_all(b"caf\xE9", encoding_rs::WINDOWS_1252).unwrap(), "café");
        let utf16: Vec<u8> = "<a>é</a>".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(decode_all(&utf16, encoding_rs::UTF_16LE).unwrap(), "<a>é</a>");
    }

    #[test]
    fn malformed_input_reports_its_offset() {
        // An unpaired high surrogate at byte 4.
        let raw = [b'<', 0, b'a', 0, 0x00, 0xD8, b'>', 0];
        let err = decode_all(&raw, encoding_rs::UTF_16LE).unwrap_err();
        let fault = InputFault::from_io(&err).unwrap();
        assert_eq!(fault, &InputFault::Encoding { offset: 4, encoding: "UTF-16LE" });
    }

    #[test]
    fn a_character_cut_by_the_end_ends_the_text_before_it() {
        // An odd trailing byte, half a surrogate pair: the body was cut
        // inside a character, and the reader will find it cut there.
        assert_eq!(decode_all(&[b'<', 0, b'a'], encoding_rs::UTF_16LE).unwrap(), "<");
        assert_eq!(decode_all(&[b'<', 0, 0x3D, 0xD8], encoding_rs::UTF_16LE).unwrap(), "<");
        // Bad bytes before the end are still refused.
        assert!(decode_all(&[0x00, 0xDC, b'<', 0], encoding_rs::UTF_16LE).is_err());
    }
}
