//! Workday Web Services (WWS) fault codes: the SOAP 1.1 fault code in
//! Workday's dotted form, the SOAP class then Workday's kind
//! (`SOAP-ENV:Client.validationError`), kept whole as the code.
//!
//! Sources are thin: Workday's documentation is behind a customer login, so
//! these rows rest on what public material shows of the wire. The fault
//! types `Validation_Fault` (one or more `Validation_Error` with `Message`,
//! `Detail_Message`, `Xpath`) and `Processing_Fault` (`Detail_Message`) in
//! `urn:com.workday/bsvc` are in the WSDL-generated types of
//! ianlopshire/go-workday @37fb1de3 (`pkg/wws/services/*/wwsgen_types.go`);
//! `Client.authenticationError` with the fault string "invalid username or
//! password", HTTP 500 and no detail is quoted by NetIQ's Workday driver
//! documentation (§9.8, <https://www.netiq.com/documentation/identity-manager-48-drivers/workday/data/t4fjkckx5vsq.html>)
//! and ServiceNow KB0856006 and KB2597914; `Client.validationError` ("Validation
//! error occurred. ...") and `Server.processingError` ("Processing error
//! occurred. ...") come from public test fixtures (third-party). Research
//! note `shared/research/vendor-formats-3.md` §9. Descriptions are written
//! here from those fault strings.
//!
//! Retry classes (all but the first name-based):
//! - `reauth`: `Client.authenticationError`, with a note: WS-Security sends
//!   the user name and password with every call, so only corrected (or
//!   rotated and re-read) credentials help; one retry, never a loop.
//! - `permanent`: `Client.validationError` (the request breaks a validation
//!   rule), `Server.processingError` (a business rule refused it; in the
//!   captures, most often "The task submitted is not authorized").
//!
//! One exception is made by the reader, not here: a `Client.validationError`
//! whose fault string is only "Invalid request" is what Workday answers
//! during its maintenance windows (NetIQ's driver documentation, as the
//! research note cites it), and is `transient`. Codes with no row are
//! classed by their SOAP class (`Server.*` transient, `Client.*` permanent).

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
