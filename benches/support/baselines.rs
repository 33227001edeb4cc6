//! The baselines the entry points are judged against, shared by the
//! criterion bench (`benches/scan.rs`) and the instruction counter
//! (`examples/count_reads.rs`) so that both time the same code. Each returns
//! a count, so that the work is not optimised away.

use std::io::BufReader;

use quick_xml::Reader;
use quick_xml::events::Event;

/// The floor: every event read from a slice, nothing done with it.
pub fn bare_slice_loop(body: &[u8]) -> usize {
    let mut reader = Reader::from_reader(body);
    let mut n = 0;
    loop {
        match reader.read_event() {
            Ok(Event::Eof) | Err(_) => return n,
            Ok(_) => n += 1,
        }
    }
}

/// The floor for streams: every event read through a 64 KiB `BufReader`
/// into one reused buffer.
pub fn bare_buffered_loop(body: &[u8]) -> usize {
    let mut reader = Reader::from_reader(BufReader::with_capacity(64 * 1024, body));
    let mut buf = Vec::new();
    let mut n = 0;
    loop {
        buf.clear();
        match reader.read_event_into(&mut buf) {
            Ok(Event::Eof) | Err(_) => return n,
            Ok(_) => n += 1,
        }
    }
}

/// What a streaming reader must beat: a roxmltree DOM built and walked.
pub fn dom_parse(body: &[u8]) -> usize {
    let text = std::str::from_utf8(body).unwrap_or_default();
    roxmltree::Document::parse(text).map_or(0, |d| d.descendants().count())
}

/// The floor for JSON bodies: serde_json's `Value` of the same bytes.
pub fn json_value(body: &[u8]) -> usize {
    serde_json::from_slice::<serde_json::Value>(body).map_or(0, |v| usize::from(v.is_object()))
}
