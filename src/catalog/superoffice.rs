#![doc = include_str!("superoffice.md")]

use super::{Entry, num as e};
use crate::retry::RetryClass::{Permanent, Reauth, Transient};

/// The catalog, by code.
pub(crate) const ENTRIES: &[Entry] = &[
    e(0, "SoapErrorNoError", "No error.", Permanent).informational(),
    e(
        1,
        "SoapErrorIncorrectLoginCustomer",
        "The customer could not be logged in: user name or password incorrect.",
        Permanent,
    ),
    e(2, "SoapErrorIncorrectLoginUser", "The user could not be logged in: user name or password incorrect.", Permanent),
    e(3, "SoapErrorUnknownCustomer", "No customer has this user name.", Permanent),
    e(4, "SoapErrorInsufficientRights", "The user does not have sufficient rights for this operation.", Permanent),
    e(5, "SoapErrorInvalidSessionKey", "The session key has expired or is corrupted; log in again.", Reauth),
    e(6, "SoapErrorOperationIllegal", "The operation is not permitted on this system.", Permanent),
    e(7, "SoapErrorCustomError", "A custom error, with no error message available.", Permanent),
    e(8, "SoapErrorInvalidCategory", "The category is invalid.", Permanent),
    e(9, "SoapErrorInvalidPriority", "The priority is invalid.", Permanent),
    e(10, "SoapErrorInvalidSLevel", "The security level is invalid.", Permanent),
    e(11, "SoapErrorInvalidDomain", "The domain must be 'company', 'customer' or 'ticket'.", Permanent),
    e(12, "SoapErrorInvalidExtraField", "The extra field is invalid or does not exist.", Permanent),
    e(13, "SoapErrorUnknownTicket", "The ticket was not found, or the user has no access to it.", Permanent),
    e(14, "SoapErrorUserNameExists", "The user name is already in use.", Permanent),
    e(15, "SoapErrorEmptyPassword", "The password given was empty.", Permanent),
    e(16, "SoapErrorUnknownAttachment", "The attachment is invalid or does not exist.", Permanent),
    e(17, "SoapErrorInvalidField", "The field is illegal or unknown.", Permanent),
    e(18, "SoapErrorUnknownMessage", "The message is not accessible or does not exist.", Permanent),
    e(19, "SoapErrorNoLicense", "The system is not licensed for the requested functionality or module.", Permanent),
    e(20, "SoapErrorInvalidFaqCategory", "The FAQ category is inaccessible or unknown.", Permanent),
    e(21, "SoapErrorInvalidFaqEntry", "The FAQ entry is inaccessible or unknown.", Permanent),
    e(22, "SoapErrorFaqScoreOutOfRange", "The score must be between 0 and 10.", Permanent),
    e(23, "SoapErrorUnknownLanguage", "The language does not exist.", Permanent),
    e(24, "SoapErrorAttachmentInUse", "The attachment to remove is in use.", Transient),
    e(25, "SoapErrorInvalidFaqGroup", "The FAQ group does not exist.", Permanent),
    e(
        26,
        "SoapErrorNotificationViolation",
        "This user's notifications are being read by someone else (another agent?).",
        Transient,
    ),
    e(27, "SoapErrorFileNotFound", "The file was not found on the server.", Permanent),
    e(28, "SoapErrorIllegalCriterias", "The criteria are illegal.", Permanent),
    e(29, "SoapErrorInvalidOwner", "The owner is invalid or does not exist.", Permanent),
    e(30, "SoapErrorUnknownCompany", "The company was not found.", Permanent),
    e(31, "SoapErrorUnknownCustomerId", "The customer was not found.", Permanent),
    e(32, "SoapErrorUnknownTicketStatus", "The ticket status is illegal.", Permanent),
    e(33, "SoapErrorUnknownExtraTable", "The extra table does not exist.", Permanent),
    e(34, "SoapErrorUnknownUserId", "The user does not exist.", Permanent),
    e(35, "SoapErrorUserNotFound", "The user was not found.", Permanent),
];
