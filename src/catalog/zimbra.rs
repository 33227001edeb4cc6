//! Zimbra Collaboration SOAP fault codes (`<Error xmlns="urn:zimbra"><Code>`).
//!
//! Codes are dotted, a family then a name: `service.*` (`ServiceException`),
//! `account.*` (`AccountServiceException`), `mail.*`
//! (`MailServiceException`). Sources: Zimbra/zm-mailbox
//! `common/src/java/com/zimbra/common/service/ServiceException.java`
//! (@015e00ef), `store/src/java/com/zimbra/cs/account/AccountServiceException.java`
//! (@8240a910), `store/src/java/com/zimbra/cs/mailbox/MailServiceException.java`
//! (@56a628bc); grishick/zimbra-client (@643ca30e) for the codes after which
//! a client re-authenticates. Research note
//! `shared/research/vendor-formats-3.md` §7. Descriptions are the
//! exceptions' message texts where the source gives one (quoted there),
//! else written here from the code's name.
//!
//! Why classes come from the code and not the fault code: each exception
//! carries a "receiver" flag that makes the fault `soap:Server` /
//! `soap:Receiver`, and the source's comment says that flag lets a client
//! know it "could attempt a retry"; but `service.NOT_FOUND`,
//! `service.UNSUPPORTED` and `mail.INVALID_METADATA` are receiver faults
//! too, so the flag is no retry signal. A code with no row here falls back
//! to the fault code's class, as any SOAP fault's.
//!
//! Retry classes:
//! - `reauth`: `service.AUTH_EXPIRED` and `service.AUTH_REQUIRED` (zimbra-client
//!   re-authenticates after exactly these); `account.AUTH_FAILED` and the
//!   two-factor failures (the credential itself was refused: one retry
//!   after re-reading credentials, never a loop).
//! - `transient`: `service.FAILURE` (the source: "most likely a temporary
//!   situation"), `service.TEMPORARILY_UNAVAILABLE`, unreachable resources
//!   and proxy errors, interrupted operations, mailbox maintenance,
//!   `mail.TRY_AGAIN`, item locks and modify conflicts (re-read, then
//!   retry: name-based).
//! - `permanent`: malformed or unknown requests, permissions, missing
//!   objects, quotas and size limits, accounts locked or inactive, password
//!   changes required, wrong host (resend to the host the fault names, which
//!   is a different request), re-synchronisation required.
//!
//! Zimbra's request limiting is said to answer HTTP 503 without a SOAP body
//! (not found in the sources read): the HTTP fallback classes that.

use super::{Entry, symbol as e};
use crate::retry::RetryClass::{Permanent, Reauth, Transient};

/// The catalog, by family then code.
pub(crate) const ENTRIES: &[Entry] = &[
    e("service.AUTH_EXPIRED", "auth credentials have expired", Reauth),
    e("service.AUTH_REQUIRED", "no valid authtoken present", Reauth),
    e("service.FAILURE", "system failure", Transient),
    e("service.TEMPORARILY_UNAVAILABLE", "service temporarily unavailable", Transient),
    e("service.RESOURCE_UNREACHABLE", "resource unreachable", Transient),
    e("service.PROXY_ERROR", "error while proxying request to target server", Transient),
    e("service.INTERRUPTED", "the operation has been interrupted", Transient),
    e("service.ALREADY_IN_PROGRESS", "the action is already in progress on this mailbox", Transient),
    e("service.INVALID_REQUEST", "invalid request", Permanent),
    e("service.UNKNOWN_DOCUMENT", "unknown document: the SOAP command is not known", Permanent),
    e("service.PARSE_ERROR", "parse error: the request could not be parsed", Permanent),
    e("service.SAX_READER_ERROR", "the request document could not be read", Permanent),
    e("service.PERM_DENIED", "permission denied", Permanent),
    e("service.FORBIDDEN", "forbidden", Permanent),
    e("service.WRONG_HOST", "operation sent to wrong host (the fault's host argument names the right one)", Permanent),
    e("service.TOO_MANY_HOPS", "mountpoint or proxy loop detected", Permanent),
    e("service.NOT_FOUND", "not found", Permanent),
    e("service.UNSUPPORTED", "unsupported", Permanent),
    e("service.NON_READONLY_OPERATION_DENIED", "write operation denied: the server or mailbox is read-only", Permanent),
    e("account.AUTH_FAILED", "authentication failed", Reauth),
    e("account.TWO_FACTOR_AUTH_REQUIRED", "two-factor authentication required", Reauth),
    e("account.TWO_FACTOR_AUTH_FAILED", "two-factor authentication failed", Reauth),
    e("account.CHANGE_PASSWORD", "the password must be changed before logging in", Permanent),
    e("account.PASSWORD_LOCKED", "the password is locked after too many failed logins", Permanent),
    e("account.MAINTENANCE_MODE", "the account is in maintenance mode", Transient),
    e("account.ACCOUNT_INACTIVE", "the account is not active", Permanent),
    e("account.NO_SUCH_ACCOUNT", "no such account", Permanent),
    e("account.ACCOUNT_EXISTS", "the account already exists", Permanent),
    e("mail.MAINTENANCE", "mailbox in maintenance mode", Transient),
    e("mail.TRY_AGAIN", "try again", Transient),
    e("mail.TEMPORARY_ANALYSIS_ERROR", "temporary analysis error", Transient),
    e("mail.SCAN_ERROR", "upload could not be scanned", Transient),
    e("mail.MODIFY_CONFLICT", "modify conflict: the item changed since it was read (re-read, then retry)", Transient),
    e("mail.LOCKED", "the item is locked", Transient),
    e("mail.CANNOT_LOCK", "the item could not be locked", Transient),
    e("mail.CANNOT_UNLOCK", "the item could not be unlocked", Transient),
    e("mail.INVITE_OUT_OF_DATE", "the invite was updated since it was read (re-read, then retry)", Transient),
    e("mail.MUST_RESYNC", "the client must resynchronise before going on", Permanent),
    e("mail.INVALID_SYNC_TOKEN", "invalid sync token: the client must resynchronise", Permanent),
    e("mail.NO_SUCH_MBOX", "no such mailbox", Permanent),
    e("mail.NO_SUCH_ITEM", "no such item", Permanent),
    e("mail.NO_SUCH_MSG", "no such message", Permanent),
    e("mail.NO_SUCH_FOLDER", "no such folder", Permanent),
    e("mail.NO_SUCH_CONTACT", "no such contact", Permanent),
    e("mail.NO_SUCH_CALITEM", "no such calendar item", Permanent),
    e("mail.NO_SUCH_UPLOAD", "no such upload", Permanent),
    e("mail.ALREADY_EXISTS", "object with that name already exists", Permanent),
    e("mail.QUOTA_EXCEEDED", "mailbox quota exceeded", Permanent),
    e("mail.DOMAIN_QUOTA_EXCEEDED", "domain quota exceeded", Permanent),
    e("mail.UPLOAD_TOO_LARGE", "the upload is too large", Permanent),
    e("mail.MESSAGE_TOO_BIG", "the message is too big", Permanent),
    e("mail.TOO_MANY_UPLOADS", "too many uploads", Permanent),
    e("mail.SEND_FAILURE", "sending the message failed", Transient)
        .with_note("also raised for invalid addresses (the fault's invalid and unsent arguments list them)"),
    e("mail.SEND_PARTIAL_ADDRESS_FAILURE", "some recipient addresses are invalid", Permanent),
    e("mail.SEND_ABORTED_ADDRESS_FAILURE", "sending aborted: recipient addresses are invalid", Permanent),
    e("mail.QUERY_PARSE_ERROR", "the search query could not be parsed", Permanent),
    e("mail.MESSAGE_PARSE_ERROR", "the message could not be parsed", Permanent),
    e("mail.ADDRESS_PARSE_ERROR", "an address could not be parsed", Permanent),
    e("mail.ICALENDAR_PARSE_ERROR", "the iCalendar data could not be parsed", Permanent),
    e("mail.INVALID_METADATA", "invalid metadata", Permanent),
];
