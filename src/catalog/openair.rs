//! NetSuite OpenAir (SuiteProjects Pro) error codes, shared by the XML API
//! (`status` attributes) and the SOAP API (fault codes, `oaError.code`).
//!
//! Sources: OpenAir's "Handling Errors", "Error Codes", "API Limits" and
//! "Release History" pages (Oracle help center), and the command reference
//! of the public XML API clients. Codes whose meaning is not published (for
//! example 1106, used only as an example in the docs) are not listed: an
//! unlisted code is reported with a generic message and no name.
//!
//! Retry classes: session codes (not logged in, logged out, invalid
//! session, "authentication failed, please retry") `reauth`; the API
//! frequency limit (556) `throttled`; unknown and internal errors, and
//! services that say "temporarily" or "try later", `transient`; wrong
//! credentials, account state, validation, permission and not-found
//! errors `permanent`, since resending the same request cannot succeed.

use super::{Entry, num as e};
use crate::retry::RetryClass::{Permanent, Reauth, Throttled, Transient};

/// The catalog, by code.
pub(crate) const ENTRIES: &[Entry] = &[
    e(
        1,
        "Unknown error",
        "An unexpected error occurred on the OpenAir side; try again, and contact support if it persists.",
        Transient,
    ),
    e(
        2,
        "Not logged in",
        "The command needs an authenticated session, but the Auth command failed or was missing.",
        Reauth,
    ),
    e(3, "Too many arguments", "The command was given more arguments than it accepts.", Permanent),
    e(4, "Too few arguments", "The command is missing required arguments.", Permanent),
    e(5, "Unknown command", "The request names a command OpenAir does not know.", Permanent),
    e(
        6,
        "Access from an invalid URL",
        "The request was sent to an address that does not serve this account.",
        Permanent,
    ),
    e(7, "Invalid offline version", "The offline client version is not accepted.", Permanent),
    e(8, "Failure", "The command failed; the response text says why.", Permanent),
    e(9, "Logged out", "The session or OAuth access token expired or is invalid; authenticate again.", Reauth),
    e(10, "Invalid parameters", "One or more parameters of the command are invalid.", Permanent),
    e(201, "Invalid company", "CreateUser: create the company first, then its users.", Permanent),
    e(202, "Duplicate user nickname", "CreateUser: a user with this nickname already exists.", Permanent),
    e(203, "Too few arguments", "CreateUser: both a Company and a User object are required.", Permanent),
    e(204, "Namespace error", "CreateUser: users must be created in the namespace of their company.", Permanent),
    e(205, "Invalid work schedule", "CreateUser: the account work schedule given is invalid.", Permanent),
    e(401, "Auth failed", "Authentication failed: no such company, user or password.", Permanent),
    e(
        402,
        "Old login internal error",
        "Authentication failed on an internal error of the old login service.",
        Transient,
    ),
    e(403, "No company name", "Authentication needs a company name.", Permanent),
    e(404, "No user name", "Authentication needs a user name.", Permanent),
    e(405, "No password", "Authentication needs a password.", Permanent),
    e(406, "Invalid company name", "The company name is not a known account.", Permanent),
    e(408, "Bad password", "The password is wrong.", Permanent),
    e(409, "Account canceled", "The account has been canceled.", Permanent),
    e(410, "Inactive user", "The user is inactive.", Permanent),
    e(411, "Account conflict", "The account is in conflict; contact OpenAir customer service.", Permanent),
    e(412, "Wrong namespace", "The namespace given does not belong to the account.", Permanent),
    e(413, "API access not enabled", "The account is not privileged to use the API.", Permanent),
    e(414, "Temporarily unavailable", "Authentication is temporarily unavailable.", Transient),
    e(415, "Account archived", "The account has been archived.", Permanent),
    e(416, "User locked", "The user is locked out.", Permanent),
    e(417, "Restricted IP address", "The request comes from an IP address the account does not allow.", Permanent),
    e(418, "Invalid session", "The uid session is invalid or expired; authenticate again.", Reauth),
    e(419, "Authentication failed, retry", "Authentication failed; OpenAir asks to retry the authentication.", Reauth),
    e(420, "Authentication failed", "Authentication failed.", Permanent),
    e(
        421,
        "Account misconfiguration",
        "The account is misconfigured or the single sign-on assertion is invalid.",
        Permanent,
    ),
    e(422, "LDAP server unavailable", "The LDAP server used for authentication is unavailable.", Transient),
    e(423, "No permission for ServerStatus", "The user may not read ServerStatus data.", Permanent),
    e(426, "Account domain required", "The request must use the account-specific domain.", Permanent),
    e(
        556,
        "API frequency limit reached",
        "Too many API requests in the last 60 seconds or 24 hours; wait before retrying.",
        Throttled,
    ),
    e(601, "No results", "Read: the id or code matched no record.", Permanent),
    e(602, "Invalid field", "Read: a field named in the request is invalid.", Permanent),
    e(603, "Invalid type or method", "Read: the object type or read method is invalid.", Permanent),
    e(604, "Attachment too large", "Read: the attachment exceeds the available space.", Permanent),
    e(
        605,
        "Limit clause required",
        "Read: a limit clause is required, no larger than the account's output limit.",
        Permanent,
    ),
    e(606, "Projections running", "Read: revenue projections are running; try again later.", Transient),
    e(701, "Cannot delete", "Delete: the record failed the dependency check.", Permanent),
    e(702, "Invalid note", "Delete: the note is invalid.", Permanent),
    e(703, "Delete failed", "Delete: the record could not be deleted.", Permanent),
    e(965, "File could not be saved", "The file could not be saved.", Transient),
    e(1418, "Invalid preference settings", "The preference settings format is invalid.", Permanent),
    e(1419, "No full user licenses", "No full user licenses are available.", Permanent),
    e(1420, "No T&E or full user licenses", "No time and expense or full user licenses are available.", Permanent),
    e(1421, "No guest or full user licenses", "No guest or full user licenses are available.", Permanent),
    e(1422, "Missing Address object", "The request is missing an Address object.", Permanent),
];
