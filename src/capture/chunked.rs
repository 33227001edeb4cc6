//! The chunked transfer coding (RFC 9112 §7.1), decoded as a stream.

use std::io::{self, BufRead, Read};

use super::FramingFault;

/// Longest chunk-size line accepted (size, extensions, line end).
const MAX_SIZE_LINE: usize = 4096;

/// Where the decoder is in the coding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// At a chunk-size line.
    Size,
    /// Inside a chunk's data, this many bytes left.
    Data(u64),
    /// After a chunk's data, at its line end.
    DataEnd,
    /// After the last chunk, at the trailer section (header lines, then an empty line).
    Trailer,
    /// The coding ended (or the input did).
    Done,
}

/// A `BufRead` adapter that hands out the data of a chunked body and
/// nothing of its framing. Memory: the inner reader's buffer and one
/// chunk-size line at a time, whatever the chunk sizes.
///
/// A body that ends inside the coding ends the data there (a capture cut
/// short is read as far as it goes); a chunk-size line that is not hex is an
/// `InvalidData` error carrying a [`FramingFault`] with its offset.
#[derive(Debug)]
pub(crate) struct Chunked<R> {
    inner: R,
    state: State,
    /// Offset of the inner reader's position in the whole input.
    offset: u64,
    line: Vec<u8>,
}

impl<R: BufRead> Chunked<R> {
    /// Decodes `inner`, whose first byte is at `offset` in the input.
    pub(crate) fn new(inner: R, offset: u64) -> Self {
        Chunked { inner, state: State::Size, offset, line: Vec::new() }
    }

    /// Reads one line (without its end) into `self.line`; `false` at the end of input.
    fn read_line(&mut self) -> io::Result<bool> {
        self.line.clear();
        let start = self.offset;
        let n = (&mut self.inner).take(MAX_SIZE_LINE as u64 + 1).read_until(b'\n', &mut self.line)?;
        self.offset += n as u64;
        if n == 0 {
            return Ok(false);
        }
        if self.line.last() != Some(&b'\n') {
            if n > MAX_SIZE_LINE {
                return Err(fault(start, "a chunk-size or trailer line is longer than 4096 bytes"));
            }
            // The input ended inside the line.
            return Ok(false);
        }
        self.line.pop();
        if self.line.last() == Some(&b'\r') {
            self.line.pop();
        }
        Ok(true)
    }

    /// Moves past framing until there is data to hand out or the coding ends.
    fn advance(&mut self) -> io::Result<()> {
        loop {
            match self.state {
                State::Data(_) | State::Done => return Ok(()),
                State::DataEnd => {
                    let start = self.offset;
                    if !self.read_line()? {
                        self.state = State::Done;
                    } else if !self.line.is_empty() {
                        return Err(fault(start, "chunk data is longer than its size says"));
                    } else {
                        self.state = State::Size;
                    }
                }
                State::Size => {
                    let start = self.offset;
                    if !self.read_line()? {
                        self.state = State::Done;
                        continue;
                    }
                    let size = parse_size(&self.line).ok_or_else(|| {
                        let shown = String::from_utf8_lossy(&self.line[..self.line.len().min(20)]).into_owned();
                        fault(start, &format!("{shown:?} is not a chunk size"))
                    })?;
                    self.state = if size == 0 { State::Trailer } else { State::Data(size) };
                }
                State::Trailer => {
                    if !self.read_line()? || self.line.is_empty() {
                        self.state = State::Done;
                    }
                }
            }
        }
    }
}

/// The chunk size of a chunk-size line: hex digits, then optional
/// whitespace and `;extensions`.
pub(crate) fn parse_size(line: &[u8]) -> Option<u64> {
    let digits = line.iter().take_while(|b| b.is_ascii_hexdigit()).count();
    let rest = &line[digits..];
    let rest_ok = rest.iter().all(|b| matches!(b, b' ' | b'\t')) || {
        let ws = rest.iter().take_while(|b| matches!(b, b' ' | b'\t')).count();
        rest[ws..].first() == Some(&b';')
    };
    if digits == 0 || digits > 16 || !rest_ok {
        return None;
    }
    u64::from_str_radix(std::str::from_utf8(&line[..digits]).ok()?, 16).ok()
}

fn fault(offset: u64, reason: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, FramingFault { offset, reason: reason.to_owned() })
}

impl<R: BufRead> Read for Chunked<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        crate::input::read_from_buf(self, out)
    }
}

impl<R: BufRead> BufRead for Chunked<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.advance()?;
        let State::Data(left) = self.state else {
            return Ok(&[]);
        };
        let buf = self.inner.fill_buf()?;
        if buf.is_empty() {
            // Cut inside a chunk: the data ends here.
            self.state = State::Done;
            return Ok(&[]);
        }
        let n = buf.len().min(usize::try_from(left).unwrap_or(usize::MAX));
        Ok(&buf[..n])
    }

    fn consume(&mut self, amt: usize) {
        if let State::Data(left) = self.state {
            let amt = (amt as u64).min(left);
            self.inner.consume(amt as usize);
            self.offset += amt;
            self.state = if left == amt { State::DataEnd } else { State::Data(left - amt) };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(input: &[u8], capacity: usize) -> io::Result<Vec<u8>> {
        let mut out = Vec::new();
        Chunked::new(io::BufReader::with_capacity(capacity, input), 0).read_to_end(&mut out)?;
        Ok(out)
    }

    #[test]
    fn decodes_across_any_buffer_size() {
        let input = b"4\r\nWiki\r\n6;name=value\r\npedia \r\nE\r\nin \r\n\r\nchunks.\r\n0\r\nExpires: never\r\n\r\n";
        for capacity in [1, 2, 3, 7, 64] {
            assert_eq!(decode(input, capacity).unwrap(), b"Wikipedia in \r\n\r\nchunks.");
        }
    }

    #[test]
    fn bare_line_feeds_and_a_cut_capture() {
        assert_eq!(decode(b"3\nabc\n0\n\n", 4).unwrap(), b"abc");
        assert_eq!(decode(b"a\r\nabc", 4).unwrap(), b"abc");
        assert_eq!(decode(b"", 4).unwrap(), b"");
    }

    #[test]
    fn a_bad_size_line_says_where() {
        let err = decode(b"3\r\nabc\r\nzz\r\n", 4).unwrap_err();
        let fault = err.get_ref().and_then(|e| e.downcast_ref::<FramingFault>()).unwrap();
        assert_eq!(fault.offset, 8);
        let err = decode(b"3\r\nabcdef\r\n", 4).unwrap_err();
        assert!(err.to_string().contains("longer than its size"), "{err}");
    }

    #[test]
    fn size_lines() {
        assert_eq!(parse_size(b"1A"), Some(26));
        assert_eq!(parse_size(b"0 ; ext"), Some(0));
        assert_eq!(parse_size(b"<xml"), None);
        assert_eq!(parse_size(b"12 34"), None);
        assert_eq!(parse_size(b""), None);
    }
}
