#![doc = include_str!("workday.md")]

use super::{Entry, symbol};
use crate::retry::RetryClass::{Permanent, Reauth};

/// The catalog, by fault code (local name, without its prefix).
pub(crate) const ENTRIES: &[Entry] = &[
    symbol(
        "Client.authenticationError",
        "Invalid user name or password: the WS-Security credentials were refused.",
        Reauth,
    )
    .with_note("The credentials themselves were refused: one retry after re-reading them, never a loop."),
    symbol(
        "Client.validationError",
        "Validation error occurred: the request breaks a validation rule (each Validation_Error says which, with its Xpath).",
        Permanent,
    ),
    symbol(
        "Server.processingError",
        "Processing error occurred: a business rule refused the request (for example, the task submitted is not authorized).",
        Permanent,
    ),
];
