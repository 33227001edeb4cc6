//! The streaming XML core: a pull cursor over quick-xml events that knows
//! namespaces, depth and limits, and nothing of vendors.

pub(crate) mod cursor;
pub(crate) mod namespaces;
pub(crate) mod source;
pub(crate) mod text;

pub(crate) use cursor::{Cursor, Node};
