//! Soraco Quick License Manager (QLM) license server codes (`EServerErrorCode`).
//!
//! Source: QLM's `EServerErrorCode` table (the seed); descriptions are
//! QLM's own, since the server's messages use the same words (a
//! message-only error is matched against them). Code 1 has no description
//! there; QLM's own FAQ calls it a generic failed method call.
//!
//! Retry classes: connection failures (100, 101) and database, e-mail and
//! SMS delivery failures `transient`, as is QLM's own "unknown error"
//! (3000), and an activation already in progress on the same device (223),
//! which ends by itself. Authentication verification failures (8) `reauth`:
//! the request must be signed again. A clock difference with the server (2,
//! 102) is `permanent`: retrying cannot help until the client's clock is
//! corrected. Blocked requests (IP restriction, decryption, format, empty
//! data, disabled operation), license state (revoked, expired, not found, no
//! more activations, ...), customer and configuration errors `permanent`.
//! 0 (no error) and 226 (activation count decremented) are successes:
//! informational, and never reported as errors.

use super::{Entry, num as e};
use crate::retry::RetryClass::{Permanent, Reauth, Transient};

/// The catalog, by code.
pub(crate) const ENTRIES: &[Entry] = &[
    e(0, "No Error", "No Error", Permanent).informational(),
    e(1, "RequestBlocked_Error", "A method call failed (generic error).", Permanent),
    e(
        2,
        "RequestBlocked_TimeDifferenceWithServer",
        "A method call failed because the time between the server and the client exceeds the allowed threshold (10 minutes)",
        Permanent,
    ),
    e(
        3,
        "RequestBlocked_IpRestriction",
        "A method call failed because of IP restrictions configured in the Server Properties",
        Permanent,
    ),
    e(4, "RequestBlocked_FailedToDecrypt", "A method call failed because QLM failed to decrypt the data", Permanent),
    e(
        5,
        "RequestBlocked_InvalidFormat",
        "A method call failed because the encrypted data was not in the expected format",
        Permanent,
    ),
    e(6, "RequestBlocked_EmptyData", "A method call failed because the data sent to the server was empty.", Permanent),
    e(
        7,
        "RequestBlocked_OperationDisabled",
        "A method call failed because the operation was disabled in the License server security settings",
        Permanent,
    ),
    e(
        8,
        "RequestBlocked_AuthenticationError",
        "A method call failed because the authentication verification failed",
        Reauth,
    ),
    e(100, "ConnectionToServer_Error", "A connection to the server failed - generic error", Transient),
    e(101, "ConnectionToServer_Failed", "Failed to connect to the license server", Transient),
    e(
        102,
        "ConnectionToServer_TimeDifferenceExceedsThreshold",
        "The time between the server and the client exceeds the allowed threshold (24 hours)",
        Permanent,
    ),
    e(103, "ConnectionToServer_MaxDaysOfflineExceeded", "The MaxDaysOffline was exceeded", Permanent),
    e(200, "License_Error", "Generic license error", Permanent),
    e(201, "License_Revoked", "The license key is revoked", Permanent),
    e(202, "License_Illegal", "The license key is illegal", Permanent),
    e(203, "License_NotFound", "The license key was not found on the server", Permanent),
    e(204, "License_NoProduct", "No product associated with this license was found", Permanent),
    e(205, "License_NotValid", "The license key is not valid", Permanent),
    e(206, "License_NotProvided", "The license key was not provided", Permanent),
    e(
        207,
        "License_AlreadyActivatedOnAnotherSystem",
        "The license key is already activated on another system",
        Permanent,
    ),
    e(208, "License_MissingArgument", "A required argument is missing", Permanent),
    e(209, "License_Expired", "The license has expired", Permanent),
    e(210, "License_NoMoreActivations", "No more activations are available", Permanent),
    e(
        211,
        "License_ActivationKeyForWrongVersion",
        "The activation key is for another version than the one the user is running",
        Permanent,
    ),
    e(212, "License_ExceededMaxReleases", "The maximum number of allowed deactivations was reached", Permanent),
    e(
        213,
        "License_ExceededNumberOfTrialLicensesPerClient",
        "Exceeded the number of trial licenses allowed per client",
        Permanent,
    ),
    e(
        214,
        "License_ExceededMaxActivationsPerSystem",
        "Exceeded the maximum number of activations per system",
        Permanent,
    ),
    e(215, "License_FailedToSign", "Failed to digitally sign an XML fragment using the RSA keys", Permanent),
    e(216, "License_Release_NotActivated", "Failed to release a license because it was not activated", Permanent),
    e(
        217,
        "License_Release_ActivatedOnAnotherSystem",
        "Failed to release a license because it is activated on another system",
        Permanent,
    ),
    e(218, "License_ProductNotFound", "No product was found that matches the provided activation key", Permanent),
    e(
        219,
        "License_NotActivatedOnServer",
        "The activation key was not activated on the server for the given computer",
        Permanent,
    ),
    e(220, "License_ActivationKeyForWrongProduct", "The activation key is for another product", Permanent),
    e(221, "License_Delete_Failed", "The delete request failed", Permanent),
    e(222, "License_Product_Save_Failed", "The product was not saved on the server due to a conflict", Permanent),
    e(
        223,
        "License_ActivationOnSameDevice_InProgress",
        "An activation on the same device is already in progress",
        Transient,
    ),
    e(
        224,
        "License_WrongDeactivationVerificationCode",
        "The provided deactivation verification code is wrong",
        Permanent,
    ),
    e(
        225,
        "License_ComputerKeyMismatch",
        "The client's ComputerKey does not match the server's ComputerKey",
        Permanent,
    ),
    e(226, "License_ActivationCountDecremented_Ok", "The activation count was decremented successfully", Permanent)
        .informational(),
    e(227, "License_ActivationCountDecremented_Failed", "The activation count could not be decremented", Permanent),
    e(
        228,
        "License_Release_Failed_OfflineUsage",
        "Failed to release a license because it was checked out for offline usage and it has not expired yet",
        Permanent,
    ),
    e(229, "License_Exists_Already", "The specified license key exists already", Permanent),
    e(1900, "Customer_Error", "A generic error related to an operation involving the customer record", Permanent),
    e(1901, "Customer_Exists", "Cannot add a customer that already exists", Permanent),
    e(1902, "Customer_Add_Error", "Failed to add a new customer", Permanent),
    e(1903, "Customer_Cannot_Update_Builtin_Customer", "Cannot update the built-in None customer", Permanent),
    e(1904, "Customer_NotFound", "The customer was not found", Permanent),
    e(1905, "Customer_Organization_Error_Adding", "Error adding a customer organization", Permanent),
    e(1906, "Customer_Organization_Error_Updating", "Error updating a customer organization", Permanent),
    e(1907, "Customer_Organization_Error_Deleting", "Error deleting a customer organization", Permanent),
    e(1908, "Customer_Organization_Error_Retrieving", "Error retrieving a customer organization", Permanent),
    e(2000, "DB_Connection_Failed", "The connection to the DB failed", Transient),
    e(2001, "DB_Schema_Upgrade_Error", "Error when upgrading the DB schema", Transient),
    e(2002, "DB_SQL_Query_Error", "Error executing a SQL query", Transient),
    e(2003, "DB_InsertError", "Error inserting a record in a table", Transient),
    e(2100, "Email_Error", "Failed to send an email", Transient),
    e(2101, "Sms_Error_NotConfigured", "SMS messaging is not configured", Permanent),
    e(2102, "Sms_Error_Sending", "SMS messaging - error sending a message", Transient),
    e(2200, "ProductProperties_Error", "Generic product property error", Permanent),
    e(2201, "ProductProperties_NotFound", "No product properties were found for the given key", Permanent),
    e(3000, "UnknownError", "Unknown error", Transient),
    e(3100, "Qlm_License_Error", "Errors related to licensing of QLM itself", Permanent),
];
