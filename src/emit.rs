//! The one way errors leave a reader: pushed to an [`Emitter`], which
//! stamps the response's context on each and hands it to the caller's
//! callback at once. A push says whether to go on; readers propagate a stop
//! with `?`, so a caller that has seen enough ends the read there.
//!
//! No reader keeps errors aside from the stream: one that must wait before
//! it knows whether its errors count (a Salesforce `result` whose `success`
//! follows its `errors`) holds them in a [`Pending`], which is bounded and
//! hands its overflow on as counted errors with their combined decision.

use std::ops::ControlFlow;

use crate::error::VendorError;
use crate::options::Options;
use crate::parse_error::ParseError;
use crate::retry::Retry;

/// What is done with each error a reader finds.
pub(crate) type Sink<'s> = &'s mut dyn FnMut(VendorError) -> ControlFlow<()>;

/// The caller asked to stop reading: nothing more is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Stopped;

/// Why a reader ended before its element did.
#[derive(Debug)]
pub(crate) enum Halt {
    /// The caller had seen enough.
    Stopped,
    /// The body could not be read on.
    Failed(ParseError),
}

impl From<ParseError> for Halt {
    fn from(e: ParseError) -> Self {
        Halt::Failed(e)
    }
}

impl From<Stopped> for Halt {
    fn from(_: Stopped) -> Self {
        Halt::Stopped
    }
}

/// Errors a reader found but had to hold before knowing whether they count:
/// at most `cap` kept, the rest counted with their combined decision, so
/// that memory stays bounded and none is lost.
#[derive(Debug)]
pub(crate) struct Pending {
    errors: Vec<VendorError>,
    cap: usize,
    overflow: Counted,
}

impl Pending {
    /// Holds up to `cap` errors (the report's `max_errors`: more could not
    /// be kept anyway).
    pub(crate) fn new(cap: usize) -> Self {
        Pending { errors: Vec::new(), cap, overflow: Counted::default() }
    }

    /// The errors held (not those only counted), to add to what they say.
    pub(crate) fn errors_mut(&mut self) -> &mut [VendorError] {
        &mut self.errors
    }

    pub(crate) fn push(&mut self, error: VendorError) {
        if self.errors.len() < self.cap {
            self.errors.push(error);
        } else {
            self.overflow.add(1, (!error.informational).then_some(error.retry));
        }
    }
}

/// Errors counted but not handed out, and their combined decision.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Counted {
    pub(crate) count: u64,
    /// The combined decision of those that are failures.
    pub(crate) retry: Option<Retry>,
}

impl Counted {
    pub(crate) fn add(&mut self, count: u64, retry: Option<Retry>) {
        self.count += count;
        self.retry = match (self.retry, retry) {
            (Some(a), Some(b)) => Some(a.combine(b)),
            (a, b) => a.or(b),
        };
    }
}

/// Hands every error to the sink as it is found, with the response's status
/// set and the wrapper note said; remembers what the conclusion of the read
/// needs. (Delays were cut to the cap by the retry chain.)
pub(crate) struct Emitter<'s> {
    sink: Sink<'s>,
    /// Errors handed to the sink.
    handed: u64,
    /// Errors a reader held and could not hand out.
    counted: Counted,
    stopped: bool,
    /// The HTTP status every error came with.
    status: Option<u16>,
    /// Said at the end of every error's detail (what the body was wrapped in).
    note: Option<String>,
    max_detail: usize,
    /// A message a body without recognisable errors gave anyway (a JSON
    /// `message`), for the HTTP fallback.
    pub(crate) page_message: Option<String>,
}

impl<'s> Emitter<'s> {
    pub(crate) fn new(sink: Sink<'s>, opts: &Options) -> Self {
        Emitter {
            sink,
            handed: 0,
            counted: Counted::default(),
            stopped: false,
            status: opts.status,
            note: None,
            max_detail: opts.limits.max_detail_bytes,
            page_message: None,
        }
    }

    /// Hands an error on; `Err(Stopped)` when the caller wants no more
    /// (this error was the last one it took).
    pub(crate) fn push(&mut self, mut error: VendorError) -> Result<(), Stopped> {
        if self.stopped {
            return Err(Stopped);
        }
        error.http_status = self.status;
        if let Some(note) = &self.note {
            say_in_detail(&mut error, note, Said::After, self.max_detail);
        }
        self.handed += 1;
        if (self.sink)(error).is_break() {
            self.stopped = true;
            return Err(Stopped);
        }
        Ok(())
    }

    /// Hands on what a reader held: its errors, then its overflow, counted.
    pub(crate) fn push_pending(&mut self, pending: Pending) -> Result<(), Stopped> {
        for e in pending.errors {
            self.push(e)?;
        }
        self.counted.add(pending.overflow.count, pending.overflow.retry);
        Ok(())
    }

    /// Says `note` at the end of the detail of every error found from now
    /// on; `None` stops saying it.
    pub(crate) fn note_on_each(&mut self, note: Option<String>) {
        self.note = note;
    }

    /// Nothing found yet (handed on or counted)?
    pub(crate) fn is_empty(&self) -> bool {
        self.handed == 0 && self.counted.count == 0
    }

    /// Errors handed on so far.
    pub(crate) fn handed(&self) -> u64 {
        self.handed
    }

    /// Errors held by a reader and counted, not handed on.
    pub(crate) fn counted(&self) -> Counted {
        self.counted
    }
}

/// Where [`say_in_detail`] puts its text.
#[derive(Clone, Copy)]
pub(crate) enum Said {
    Before,
    After,
}

/// Adds `text` to the error's detail, before or after what it says (`; `
/// between), whitespace folded and cut at `max` bytes.
pub(crate) fn say_in_detail(e: &mut VendorError, text: &str, at: Said, max: usize) {
    let said = match (e.detail.take(), at) {
        (None, _) => text.to_owned(),
        (Some(detail), Said::Before) => format!("{text}; {detail}"),
        (Some(detail), Said::After) => format!("{detail}; {text}"),
    };
    let kept = crate::text::collapse_whitespace(&said, max);
    e.detail = Some(kept.text);
    e.truncated |= kept.truncated;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vendor::{Code, Vendor};

    fn error(retry: Retry) -> VendorError {
        VendorError::new(Vendor::OpenAir, Code::Num(1), "m", retry)
    }

    #[test]
    fn a_stop_is_returned_by_the_push_that_asked_for_it() {
        let mut seen = 0;
        let mut sink = |_| {
            seen += 1;
            ControlFlow::Break(())
        };
        let mut out = Emitter::new(&mut sink, &Options::new());
        assert_eq!(out.push(error(Retry::Permanent)), Err(Stopped));
        assert_eq!(out.push(error(Retry::Permanent)), Err(Stopped));
        assert_eq!(out.handed(), 1);
        drop(out);
        assert_eq!(seen, 1);
    }

    #[test]
    fn pending_overflow_is_counted_with_its_decision() {
        let mut pending = Pending::new(1);
        pending.push(error(Retry::Transient { after: None }));
        pending.push(error(Retry::Permanent));
        let mut info = error(Retry::Throttled { after: None });
        info.informational = true;
        pending.push(info);
        let mut handed = Vec::new();
        let mut sink = |e| {
            handed.push(e);
            ControlFlow::Continue(())
        };
        let mut out = Emitter::new(&mut sink, &Options::new());
        assert_eq!(out.push_pending(pending), Ok(()));
        assert_eq!(out.counted(), Counted { count: 2, retry: Some(Retry::Permanent) });
        assert!(!out.is_empty());
        drop(out);
        assert_eq!(handed.len(), 1);
    }
}
