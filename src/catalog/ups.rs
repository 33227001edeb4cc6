#![doc = include_str!("ups.md")]

use super::{Entry, num as e};
use crate::retry::RetryClass::{Permanent, Reauth, Transient};

/// The catalog, by code.
pub(crate) const ENTRIES: &[Entry] = &[
    e(10001, "Not well formed", "The request is not well formed.", Permanent),
    e(10002, "Not valid", "The request is well formed but not valid.", Permanent),
    e(10003, "Empty request", "The request is either empty or null.", Permanent),
    e(
        10006,
        "Values not conforming",
        "The request is well formed and valid, but an element holds a value the specification does not allow.",
        Permanent,
    ),
    e(10013, "Message too large", "The message is too large to be processed by the application.", Permanent),
    e(
        20001,
        "General process failure.",
        "General process failure (a Transient error): the request may succeed later.",
        Transient,
    ),
    e(20002, "Invalid service or version", "The service name and version number combination is not valid.", Permanent),
    e(20006, "Invalid request action.", "The request action is not valid.", Permanent),
    e(20007, "Missing required field", "A required field is missing.", Permanent),
    e(20008, "Invalid field data", "A field contains invalid data.", Permanent),
    e(111055, "Package exceeds maximum length", "The package exceeds the maximum length constraint.", Permanent),
    e(
        250002,
        "Invalid Authentication Information.",
        "The authentication information (user ID, password or token) is not valid.",
        Reauth,
    )
    .with_note("From third-party captures; re-read the credentials rather than retry with the same."),
    e(250003, "Invalid Access License number", "The access license number (access key) is not valid.", Reauth)
        .with_note("From third-party captures; re-read the credentials rather than retry with the same."),
];
