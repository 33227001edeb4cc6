//! The generic XML error documents (vendor `xml`) have no codes of their
//! own: each sender chooses them, and the same word means different things
//! from different senders. So there are no rows; an error's class is the
//! response status's (the retry chain's rule 3 or 5: 429 throttled, 503
//! transient, 400 permanent...), and with no error status, permanent.

use super::Entry;

/// No rows: see the module docs.
pub(crate) const ENTRIES: &[Entry] = &[];
