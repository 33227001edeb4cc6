#![doc = include_str!("salto.md")]

use super::{Entry, num};
use crate::retry::RetryClass::{self, Permanent, Reauth, Transient};

/// A code whose documented message serves as name and description.
const fn e(code: i64, status: &'static [u16], message: &'static str, retry: RetryClass) -> Entry {
    num(code, message, message, retry).with_status(status)
}

/// The catalog, by code.
pub(crate) const ENTRIES: &[Entry] = &[
    e(1100, &[400], "The request received is invalid", Permanent),
    num(1101, "Value of '{parameterName}' is invalid.", "A parameter's value is invalid.", Permanent)
        .with_status(&[404])
        .with_note("status documented as \"404 ???\""),
    e(1102, &[400], "The OData filter format is invalid.", Permanent),
    e(1500, &[401], "Unauthorized request", Reauth),
    e(1501, &[400], "Activation code invalid", Permanent),
    e(2201, &[500], "An internal error has occurred. Please contact the administrator", Transient),
    e(2203, &[403], "Operation cannot be executed.", Permanent),
    e(2204, &[400], "Iq tree is invalid", Permanent),
    e(2205, &[400], "Offline access is invalid", Permanent),
    e(2206, &[400], "Replace iq is invalid", Permanent),
    e(2207, &[400], "Ava update is invalid", Permanent),
    e(2208, &[400], "IqActivationException", Permanent),
    e(2209, &[400], "Delete iq prerequisites are not met", Permanent),
    e(2210, &[400], "Site cannot be accessed if not released", Permanent),
    num(2211, "Tenant Certificate Sync failed for Iq", "Tenant Certificate Sync failed for Iq", Transient)
        .with_status(&[200])
        .with_note("returned with HTTP 200: an error on a success status"),
    e(
        2212,
        &[403],
        "You cannot access this feature on this site at this moment because you don't have a valid subscription.",
        Permanent,
    ),
    e(2213, &[400], "Pod with this name already exists in site", Permanent),
    e(2214, &[400], "Locks can not be added to the pod because they are not part of the site", Permanent),
    e(2215, &[400], "At least one Pod Member must have an email.", Permanent),
    e(2216, &[400], "Can not add the same user to the Pod twice.", Permanent),
    e(2217, &[400], "Can't add member(s) to the Pod. They belong to another Pod in this site already.", Permanent),
    e(2218, &[400], "Can not add the same tag to different Pod members.", Permanent),
    e(2219, &[400], "New guest limit must be equal to or higher than the current number of guests.", Permanent),
    e(
        2220,
        &[403],
        "Can not perform this operation on the site user because they are a pod member. Please remove them from the pod first.",
        Permanent,
    ),
    e(2221, &[400], "Can not add all guests. Max guest amount reached for pod.", Permanent),
    e(2222, &[400], "Locks can not be used because they are not part of the pod.", Permanent),
    e(2223, &[400], "Migration aborted", Permanent),
    num(3010, "ClpFunctionException", "A CLP function failed.", Permanent)
        .with_status(&[])
        .with_note("status undocumented (\"???\"); name documented as \"ClpFunctionException ???\""),
    e(3101, &[500], "Ccc generic exception", Transient),
    num(3102, "Ccc command failed due to iq error.", "Ccc command failed due to iq error.", Permanent)
        .with_status(&[408, 404, 400, 403, 500])
        .with_note("status follows the IQ's error: 408, 404, 400, 403 or 500")
        .status_decides(),
    e(3103, &[403], "Ccc operation cannot be executed.", Permanent),
    e(3104, &[404], "Ccc entity not found", Permanent),
    e(3105, &[400], "Iq is offline it is not connected to CCC", Transient),
    num(3201, "RequestFailedException", "A request failed.", Transient)
        .with_status(&[500])
        .with_note("name documented as \"RequestFailedException ???\""),
    e(4101, &[400], "Invalid try to send a message", Permanent),
    e(4201, &[400], "We could not invite the user", Permanent),
];
