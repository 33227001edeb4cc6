#![doc = include_str!("soap.md")]

use super::{Entry, symbol as e};
use crate::retry::RetryClass::{Permanent, Reauth, Transient};

/// The catalog, by fault code local name.
pub(crate) const ENTRIES: &[Entry] = &[
    e(
        "Client",
        "SOAP 1.1: the message was incorrectly formed or lacked information; it will fail again unchanged.",
        Permanent,
    ),
    e("Server", "SOAP 1.1: the server failed to process a correct message; it may succeed later.", Transient),
    e("VersionMismatch", "The envelope's namespace is not one the server supports.", Permanent),
    e("MustUnderstand", "A header marked mustUnderstand was not understood by the server.", Permanent),
    e(
        "Sender",
        "SOAP 1.2: the message was incorrectly formed or lacked information; it will fail again unchanged.",
        Permanent,
    ),
    e("Receiver", "SOAP 1.2: the server failed to process a correct message; it may succeed later.", Transient),
    e("DataEncodingUnknown", "SOAP 1.2: a header or body uses a data encoding the server does not support.", Permanent),
    e("UnsupportedSecurityToken", "WS-Security: an unsupported token was provided.", Permanent),
    e("UnsupportedAlgorithm", "WS-Security: an unsupported signature or encryption algorithm was used.", Permanent),
    e("InvalidSecurity", "WS-Security: an error was discovered processing the Security header.", Permanent),
    e("InvalidSecurityToken", "WS-Security: an invalid security token was provided; get a new one.", Reauth),
    e("FailedAuthentication", "WS-Security: the security token could not be authenticated or authorized.", Reauth),
    e("FailedCheck", "WS-Security: the signature or decryption was invalid.", Permanent),
    e("SecurityTokenUnavailable", "WS-Security: a referenced security token could not be retrieved.", Permanent),
    e("MessageExpired", "WS-Security: the message has expired; sign it again with a fresh timestamp.", Reauth),
];
