//! UPS error codes (`Response/Error/ErrorCode` of the XML APIs, and
//! `response.errors[].code` of the REST APIs).
//!
//! UPS gives each error a severity beside its code: "Hard" (do not resubmit
//! until the problem is fixed), "Transient" (temporary: high load, a
//! maintenance; "the request may be issued successfully at a later time") and
//! "Warning" (a success whose results may be unexpected) (UPS, "Introduction
//! to the UPS Developer Kit", chapter 3 "Error Responses", 2017; the same words
//! on developer.ups.com's error pages). The reader takes a code's class from
//! this catalog, else from that severity (`Transient` transient, `Hard`
//! permanent, see `src/vendors/ups.rs`).
//!
//! Sources:
//! - developer.ups.com, "Common Error Codes" (the codes that apply to every
//!   API, with their severity; <https://developer.ups.com/en-us/landed-cost-quoting-errors>):
//!   10001, 10002, 10003, 10006, 10013, 20002, 20006, 20007, 20008 Hard
//!   (permanent), 20001 "General process failure." Transient.
//! - Shopify/active_shipping (commit 323470ac) fixture
//!   `test/fixtures/xml/ups/package_exceeds_maximum_length.xml`: 111055, Hard.
//! - Third-party captures only (research note `vendor-formats-3.md` §13.3):
//!   250002 "Invalid Authentication Information." and 250003 "Invalid Access
//!   License number", in XML and REST answers (HTTP 401 for REST): the
//!   credentials or access key are wrong (reauth: re-read them; the same ones
//!   fail the same way, so callers must not loop).
//!
//! Descriptions follow UPS's texts (placeholders `{0}` kept out); the error's
//! own `ErrorDescription` (REST: `message`) is its message.
//!
//! Rows: 13: 10 permanent, 1 transient, 2 reauth.

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
