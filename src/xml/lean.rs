//! The lean path through an element: scanned once by the skip scan
//! (`super::skip`), which vouches for it and marks where each of its events
//! ends, then handed out event by event from those marks.
//!
//! quick-xml checks every event as it reads it: UTF-8, the end tag against
//! its stack of open names (kept on the heap), references closed. In most
//! bodies every check passes. So where the next markup starts an element,
//! a source first scans the text before it and the whole element
//! ([`region`]) with the skip scan, which is at least as strict as
//! quick-xml: the slice source in the body, the stream source in the bytes
//! its input holds buffered (within the limits; it copies the region out
//! and consumes its bytes event by event as it hands them out). When the scan vouches for the region, [`event`] cuts out the
//! events quick-xml would have given, with the same bounds (so positions,
//! offsets and limits come out the same), and [`skip`] passes over an
//! element's content by its marks instead of a second scan when it can
//! (and asks the scan otherwise, so that one place decides what a skip
//! declines). When the scan
//! declines, quick-xml reads the element as before and reports whatever it
//! finds. Either way the answer is the same; only the cost differs.
//!
//! quick-xml never sees a vouched element, so its stack of open names is
//! the same after it as before: an end tag it reads later is checked
//! against the element it belongs to. A small body is usually one region
//! (its root), and quick-xml then allocates nothing.

use quick_xml::events::{BytesEnd, BytesRef, BytesStart, BytesText, Event};
use quick_xml::utils::name_len;

use super::skip::{MAX_NESTING, Marks, content_len, content_len_marked, tag_end, text_end, trim_end_whitespace};

/// Longest region vouched for at once: the scan runs before the first of
/// its events is handed out, so a larger element is left to quick-xml (and
/// its children are tried in turn), which keeps the time to a first error
/// short in a large body.
const MAX_REGION: usize = 8 * 1024;

/// Most events in a region.
const MAX_EVENTS: usize = 512;

/// Where each event of a region ends, in order (offsets in the region),
/// and for each start tag, which event is its end tag.
pub(crate) struct RegionMarks {
    ends: [u16; MAX_EVENTS],
    len: usize,
    /// Added to the offsets the scan reports (it scans from inside the region).
    base: usize,
    /// For the event at a start tag, the event at its end tag.
    end_tags: [u16; MAX_EVENTS],
    /// The start tags not yet closed, innermost last.
    open: [u16; MAX_NESTING + 1],
    depth: usize,
}

impl Default for RegionMarks {
    fn default() -> Self {
        RegionMarks {
            ends: [0; MAX_EVENTS],
            len: 0,
            base: 0,
            end_tags: [0; MAX_EVENTS],
            open: [0; MAX_NESTING + 1],
            depth: 0,
        }
    }
}

impl Marks for RegionMarks {
    #[inline(always)]
    fn mark(&mut self, end: usize) -> bool {
        match (self.ends.get_mut(self.len), u16::try_from(self.base + end)) {
            (Some(slot), Ok(end)) => {
                *slot = end;
                self.len += 1;
                true
            }
            _ => false,
        }
    }

    #[inline(always)]
    fn opened(&mut self) {
        // At most MAX_NESTING inside the region's element, and that element.
        if let Some(slot) = self.open.get_mut(self.depth) {
            *slot = (self.len - 1) as u16;
            self.depth += 1;
        }
    }

    #[inline(always)]
    fn closed(&mut self) {
        self.depth = self.depth.saturating_sub(1);
        if let Some(start) = self.open.get(self.depth)
            && let Some(slot) = self.end_tags.get_mut(usize::from(*start))
        {
            *slot = (self.len - 1) as u16;
        }
    }

    /// The region checks its bytes as a whole.
    fn checks_utf8(&self) -> bool {
        false
    }
}

impl RegionMarks {
    /// No region (what a new source starts with).
    pub(crate) fn clear(&mut self) {
        self.len = 0;
        self.base = 0;
        self.depth = 0;
    }

    /// How many events the region has.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// Where the last event marked ends.
    fn last_end(&self) -> usize {
        self.len.checked_sub(1).and_then(|last| self.ends.get(last)).map_or(0, |&end| usize::from(end))
    }

    /// Where event `k` starts and ends (offsets in the region).
    fn bounds(&self, k: usize) -> Option<(usize, usize)> {
        let start = match k.checked_sub(1) {
            Some(before) => *self.ends.get(before)?,
            None => 0,
        };
        Some((usize::from(start), usize::from(*self.ends.get(..self.len)?.get(k)?)))
    }
}

/// The region at the start of `rest`, when quick-xml would read all of it
/// without an error: the text up to the next markup (references closed),
/// and the element that markup starts, to its end tag; all valid UTF-8, no
/// event longer than `max_event` bytes, no comment, CDATA section or
/// processing instruction inside, at most [`MAX_NESTING`] elements deep,
/// [`MAX_REGION`] bytes and [`MAX_EVENTS`] events long. `marks` gets where
/// each of its events ends.
///
/// `Err(seen)` otherwise: no region starts in the first `seen` bytes (the
/// next markup is not a start tag, or the scan declined there), so a
/// caller does not try again before them.
pub(crate) fn region<'r>(rest: &'r [u8], max_event: usize, marks: &mut RegionMarks) -> Result<&'r str, usize> {
    marks.clear();
    let rest = &rest[..rest.len().min(MAX_REGION)];
    let Some(lt) = text_end(rest, 0, marks) else { return Err(rest.len()) };
    if lt > max_event || matches!(rest.get(lt + 1), None | Some(b'/' | b'!' | b'?')) {
        return Err(lt);
    }
    let Some(gt) = tag_end(rest, lt + 1) else { return Err(rest.len()) };
    if gt + 1 - lt > max_event || !marks.mark(gt + 1) {
        return Err(lt);
    }
    let tag = &rest[lt + 1..gt];
    let end = if tag.last() == Some(&b'/') {
        gt + 1
    } else {
        marks.opened();
        let name = &tag[..name_len(tag)];
        if name.is_empty() {
            return Err(lt);
        }
        let open = gt + 1;
        marks.base = open;
        let content = content_len_marked(&rest[open..], MAX_NESTING as u32, max_event, None, marks);
        marks.base = 0;
        let close = open + content.map_err(|seen| open + seen)?;
        // The element's own end tag, marked last by the scan, which does
        // not know the name it must have.
        let end = marks.last_end();
        if rest.get(close + 2..end.saturating_sub(1)).is_none_or(|tag| trim_end_whitespace(tag) != name) {
            return Err(close);
        }
        marks.closed();
        end
    };
    simdutf8::compat::from_utf8(&rest[..end]).map_err(|e| e.valid_up_to())
}

/// Event `k` of a region vouched for (`text`, its `marks`), as quick-xml
/// would give it, and its length in bytes; `None` past the last.
pub(crate) fn event<'r>(text: &'r str, marks: &RegionMarks, k: usize) -> Option<(Event<'r>, usize)> {
    let (start, end) = marks.bounds(k)?;
    let ev = text.get(start..end)?;
    // Each kind cut with its own constants (`<`, `</` or `&` before what
    // the event holds; `>`, `/>` or `;` after), which the compiler folds.
    let held = |head: usize, tail: usize| ev.get(head..ev.len().saturating_sub(tail));
    let event = match Kind::of(ev.as_bytes()) {
        Kind::Text => Event::Text(BytesText::from_escaped(ev)),
        Kind::Start => {
            let tag = held(1, 1)?;
            Event::Start(BytesStart::from_content(tag, name_len(tag.as_bytes())))
        }
        Kind::Empty => {
            let tag = held(1, 2)?;
            Event::Empty(BytesStart::from_content(tag, name_len(tag.as_bytes())))
        }
        Kind::End => {
            let name = held(2, 1)?;
            Event::End(BytesEnd::new(name.get(..trim_end_whitespace(name.as_bytes()).len())?))
        }
        Kind::Ref => Event::GeneralRef(BytesRef::new(held(1, 1)?)),
    };
    Some((event, end - start))
}

/// What `content_len` answers for the content of the element whose start
/// tag was event `k - 1` of a region vouched for: `Ok((len, e))`, where `e`
/// is the element's end tag (`len` bytes on), or `Err(seen)` where the scan
/// declines.
///
/// Most skips are read from the marks alone: nesting the limit cannot
/// reach, and no start tag with the name to avoid anywhere in the content's
/// bytes (inside a vouched region nothing else could make the scan
/// decline). Any other is left to the scan itself, so that what a skip
/// declines is decided in one place.
pub(crate) fn skip(
    text: &str,
    marks: &RegionMarks,
    k: usize,
    max_open: u32,
    avoid: Option<&[u8]>,
) -> Result<(usize, usize), usize> {
    let (from, _) = marks.bounds(k).ok_or(0usize)?;
    let start_tag = k.checked_sub(1).filter(|&s| {
        marks.bounds(s).and_then(|(a, b)| text.as_bytes().get(a..b)).is_some_and(|ev| Kind::of(ev) == Kind::Start)
    });
    // Set for every start tag when the region was vouched for.
    let end_tag = start_tag.and_then(|s| marks.end_tags.get(s)).map(|&e| usize::from(e));
    if let Some((end_tag, (to, _))) = end_tag.filter(|&e| e >= k).and_then(|e| Some((e, marks.bounds(e)?)))
        && max_open as usize >= MAX_NESTING
        && avoid.is_none_or(|avoid| {
            memchr::memmem::find(text.as_bytes().get(from..to).unwrap_or_default(), avoid).is_none()
        })
    {
        return Ok((to - from, end_tag));
    }
    // Every event in the region is within the size limit already.
    let len = content_len(text.as_bytes().get(from..).unwrap_or_default(), max_open, usize::MAX, avoid)?;
    // The end tag is the event that starts where the content ends.
    let ends = marks.ends.get(..marks.len).unwrap_or_default();
    let before = u16::try_from(from + len).ok().and_then(|at| ends.binary_search(&at).ok()).ok_or(0usize)?;
    Ok((len, before + 1))
}

/// An event's kind, from its bytes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Start,
    Empty,
    End,
    Text,
    Ref,
}

impl Kind {
    fn of(ev: &[u8]) -> Kind {
        match ev {
            [b'<', b'/', ..] => Kind::End,
            [b'<', .., b'/', b'>'] => Kind::Empty,
            [b'<', ..] => Kind::Start,
            [b'&', ..] => Kind::Ref,
            _ => Kind::Text,
        }
    }
}

#[cfg(test)]
mod tests {
    use quick_xml::Reader;

    use crate::limits::Limits;
    use crate::xml::source::{BufSource, EventSource, SliceSource};

    /// Every event (or error) and the position after it, as a line.
    fn events(mut next: impl FnMut() -> (String, u64)) -> Vec<String> {
        let mut out = Vec::new();
        loop {
            let (line, at) = next();
            let done = line.starts_with("Eof") || line.starts_with("Err");
            out.push(format!("{at}: {line}"));
            if done || out.len() > 10_000 {
                return out;
            }
        }
    }

    fn quick_xml(body: &[u8]) -> Vec<String> {
        let mut reader = Reader::from_reader(body);
        let config = reader.config_mut();
        config.check_end_names = true;
        config.expand_empty_elements = false;
        config.trim_text(false);
        config.allow_unmatched_ends = false;
        events(|| {
            let line = match reader.read_event() {
                Ok(e) => format!("{e:?}"),
                Err(e) => format!("Err {e}"),
            };
            (line, reader.buffer_position())
        })
    }

    /// The stream source over `body` read `chunk` bytes at a time (all of
    /// it at once: the lean path can vouch for any region), with the lean
    /// path or without.
    fn buf_source(body: &[u8], chunk: usize, lean_path: bool) -> (Vec<String>, bool) {
        let input = std::io::BufReader::with_capacity(chunk, body);
        let mut src = match lean_path {
            true => BufSource::new(input, 0, &Limits::default()),
            false => BufSource::without_lean_path(input, 0, &Limits::default()),
        };
        source_events(&mut src, |src| src.lean_events())
    }

    fn slice_source(body: &[u8]) -> (Vec<String>, bool) {
        source_events(&mut SliceSource::new(body, 0, &Limits::default()), |src| src.lean_events())
    }

    /// Every event of `src`, and whether the lean path handed out any.
    fn source_events<S: EventSource>(src: &mut S, lean_events: impl Fn(&S) -> usize) -> (Vec<String>, bool) {
        let mut lean = false;
        let got = events(|| {
            let line = match src.next_event() {
                Ok(e) => format!("{e:?}"),
                Err(e) => format!("Err {e}"),
            };
            lean |= lean_events(src) > 0;
            (line, src.offset())
        });
        (got, lean)
    }

    /// A small random generator (an LCG), for repeatable documents.
    struct Gen(u64);

    impl Gen {
        fn next(&mut self, n: usize) -> usize {
            self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (self.0 >> 33) as usize % n
        }

        fn pick<'p>(&mut self, from: &[&'p str]) -> &'p str {
            from[self.next(from.len())]
        }

        /// A well-formed element, `depth` levels at most.
        fn element(&mut self, out: &mut String, depth: u32) {
            let (open, close) = [
                ("a", "a"),
                ("b x='1>' y=\"/\"", "b "),
                ("p:d xmlns:p=\"urn:p\"", "p:d\n"),
                ("Fault", "Fault"),
                ("s:Fault\tk='v'", "s:Fault"),
            ][self.next(5)];
            if depth == 0 || self.next(4) == 0 {
                out.push_str(&format!("<{open}{}/>", self.pick(&["", " ", "\n"])));
                return;
            }
            out.push_str(&format!("<{open}>"));
            for _ in 0..self.next(4) {
                match self.next(4) {
                    0 => out.push_str(self.pick(&["text", " ", "\r\n  ", "&amp;", "a&#233;b", "é", "&x;y", "&;"])),
                    1 if self.next(8) == 0 => out.push_str(self.pick(&["<!-- c -->", "<![CDATA[z]]>", "<?pi?>"])),
                    _ => self.element(out, depth - 1),
                }
            }
            out.push_str(&format!("</{close}>"));
        }
    }

    /// Every event, with a skip of the content after some start tags (by
    /// `max_open` and `avoid` chosen from the event's number).
    fn skipping(src: &mut impl EventSource) -> Vec<String> {
        let mut n = 0u32;
        events(|| {
            n += 1;
            let (line, start) = match src.next_event() {
                Ok(e) => (format!("{e:?}"), matches!(e, quick_xml::events::Event::Start(_))),
                Err(e) => (format!("Err {e}"), false),
            };
            if start && !n.is_multiple_of(3) {
                let max_open = [0, 1, 2, 40][(n % 4) as usize];
                let avoid = [None, Some(&b"Fault"[..])][(n % 5 % 2) as usize];
                let skipped = src.skip_content(max_open, avoid).map_err(|e| e.to_string());
                return (format!("{line} {skipped:?}"), src.offset());
            }
            (line, src.offset())
        })
    }

    /// The slice source and the stream source, lean path and all, give
    /// quick-xml's own events, at the same positions, over generated
    /// documents: well formed, or broken by a piece put in anywhere, or cut
    /// short.
    #[test]
    fn the_lean_path_gives_quick_xmls_events() {
        let bad = ["<", ">", "&", "</", "/>", "</a>", "<a>", "&amp", "\u{FEFF}", "\u{0}", "<!--", "]]>", "<?"];
        let mut g = Gen(0x2545_f491_4f6c_dd1d);
        let mut lean = 0;
        let mut lean_stream = 0;
        for _ in 0..20_000 {
            let mut body = String::from(g.pick(&["<?xml version='1.0'?>\n", "<!-- c -->", ""]));
            g.element(&mut body, 5);
            body.push_str(g.pick(&["\n", "", "<!-- end -->", " x", "<a/>"]));
            let mut body = body.into_bytes();
            match g.next(4) {
                0 => {
                    let at = g.next(body.len() + 1);
                    body.splice(at..at, g.pick(&bad).bytes());
                }
                1 => body.truncate(g.next(body.len() + 1)),
                _ => {}
            }
            let (ours, used) = slice_source(&body);
            lean += usize::from(used);
            assert_eq!(ours, quick_xml(&body), "{:?}", String::from_utf8_lossy(&body));
            // The stream source (its buffer holding the whole body, or
            // parts) gives the same with the lean path as without.
            for chunk in [body.len().max(1), 7] {
                let (ours, used) = buf_source(&body, chunk, true);
                lean_stream += usize::from(used);
                let (theirs, _) = buf_source(&body, chunk, false);
                assert_eq!(ours, theirs, "{chunk} bytes at a time: {:?}", String::from_utf8_lossy(&body));
            }
        }
        assert!(lean > 5_000, "the lean path read in only {lean} documents");
        assert!(lean_stream > 5_000, "the lean path read in only {lean_stream} streams");
    }

    /// Every event of `body` from the slice source and from the stream
    /// source, under a 64-byte event limit.
    fn both_sources(body: &[u8]) -> (Vec<String>, Vec<String>) {
        let limits = Limits { max_event_bytes: 64, ..Limits::default() };
        let mut slice = SliceSource::new(body, 0, &limits);
        let mut stream = BufSource::new(body, 0, &limits);
        let line = |e: quick_xml::Result<quick_xml::events::Event<'_>>| match e {
            Ok(e) => format!("{e:?}"),
            Err(e) => format!("Err {e}"),
        };
        let slice = events(|| (line(slice.next_event()), slice.offset()));
        let stream = events(|| (line(stream.next_event()), stream.offset()));
        (slice, stream)
    }

    /// A source starts outside any region, whatever region the last body
    /// read on the thread left in the marks it kept (the fuzzer found a
    /// slice source that took a reused region's marks for its own and let
    /// quick-xml read its first event unchecked: an oversized processing
    /// instruction came out truncated instead of over the limit).
    #[test]
    fn a_source_starts_outside_the_last_bodys_region() {
        let bodies: [&[u8]; 3] =
            [b"<?pi-not-closed ....................................................", b"<a/>", b"t<a>"];
        let fresh = std::thread::spawn(move || bodies.map(both_sources)).join().expect("a fresh thread reads them");
        for (body, fresh) in bodies.iter().zip(fresh) {
            // On this thread, stop reading a body inside a region first (as
            // a read that fails or ends early does).
            let limits = Limits::default();
            let before = b"<r><a>t<b/></a></r>";
            let mut slice = SliceSource::new(before, 0, &limits);
            let mut stream = BufSource::new(&before[..], 0, &limits);
            for _ in 0..3 {
                assert!(slice.next_event().is_ok() && stream.next_event().is_ok());
            }
            assert!(slice.in_region() && stream.in_region());
            drop((slice, stream));
            assert_eq!(both_sources(body), fresh, "{:?}", String::from_utf8_lossy(body));
        }
    }

    /// A skip inside a lean region (read from its marks, or left to the
    /// scan), from a slice or a stream, passes over what the scan passes
    /// over, and declines where it declines.
    #[test]
    fn skips_in_a_region_agree_with_the_scan() {
        let mut g = Gen(0x9e37_79b9_7f4a_7c15);
        let limits = Limits::default();
        for _ in 0..20_000 {
            let mut body = String::from(g.pick(&["<?xml version='1.0'?>\n", ""]));
            g.element(&mut body, 5);
            let body = body.into_bytes();
            let ours = skipping(&mut SliceSource::new(&body, 0, &limits));
            // Without the lean path, each skip is the scan's.
            let scan = skipping(&mut BufSource::without_lean_path(&body[..], 0, &limits));
            assert_eq!(ours, scan, "{:?}", String::from_utf8_lossy(&body));
            let stream = skipping(&mut BufSource::new(&body[..], 0, &limits));
            assert_eq!(stream, scan, "{:?}", String::from_utf8_lossy(&body));
        }
    }
}
