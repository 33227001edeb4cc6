//! Microsoft Exchange Web Services (EWS) response codes (`ResponseCodeType`).
//!
//! The codes are those of the `m:ResponseCode` of each `*ResponseMessage` (with
//! `ResponseClass` Error or Warning) and the `faultcode` / `e:ResponseCode` of a SOAP
//! fault.
//!
//! Sources:
//! - OfficeDev/ews-managed-api `Enumerations/ServiceError.cs` (474 names, with one-line
//!   summaries), commit 25a393dbc68b (2018-07-24).
//! - Microsoft Learn, EWS reference "ResponseCode" (text values table):
//!   MicrosoftDocs/office-developer-exchange-docs
//!   `docs/web-service-reference/responsecode.md`, commit 04fde6b8d927; it adds
//!   ErrorInvalidLikeRequest and ErrorSubscriptionUnsubsribed (spelt so).
//! - ecederstrand/exchangelib `exchangelib/errors.py` (commit 527d240cbffc): adds
//!   ErrorConnectionFailedTransientError, ErrorFolderPropertyRequestFailed and
//!   ErrorRecoverableItemsAccessDenied, and its `ERRORS_REQUIRING_REAUTODISCOVER`.
//! - Microsoft Learn: "EWS throttling in Exchange", "Handling notification-related errors
//!   in EWS in Exchange", "ResponseMessage"; research note
//!   `shared/research/vendor-formats-2.md` §3 (exchangelib's handling of each code,
//!   Thunderbird bug 1892085, evolution-ews #202, ews-managed-api #171).
//!
//! Descriptions are written here from Microsoft's descriptions of each code.
//!
//! Rows: 479 (NoError and 478 error codes): 425 permanent, 46 transient, 6 throttled, 2
//! reauth; NoError is informational.
//!
//! Retry classes by group:
//! - Throttled: ErrorServerBusy (throttling; wait for BackOffMilliseconds from the
//!   fault's MessageXml when present, else back off), ErrorTooManyObjectsOpened and
//!   ErrorExceededConnectionCount (too many concurrent connections: fewer at a time, then
//!   retry), ErrorSubmissionQuotaExceeded ("try again later"). Name-based:
//!   ErrorExceededMessageLimit(ShowTierUpgrade), consumer sending limits.
//! - Transient, documented "try again later" or "temporarily": ErrorADOperation,
//!   ErrorADUnavailable, ErrorInsufficientResources, ErrorInternalServerTransientError,
//!   ErrorMessageTrackingTransientError, ErrorTeamMailboxErrorUnknown, and the rediscover
//!   group below. ErrorTimeoutExpired: retried by exchangelib. ErrorInternalServerError:
//!   a Managed API maintainer advises retrying such 500s (cap the attempts).
//!   ErrorBatchProcessingStopped: the item was skipped after another item failed;
//!   resubmit it. Name-based: other failures of a server or service behind the call
//!   (proxy and Client Access server availability, remote archive, public folder,
//!   location and Unified Messaging services, ErrorDataSourceOperation,
//!   ErrorWin32InteropError).
//! - Transient, "rediscover" (retry after redoing Autodiscover, said in the row):
//!   ErrorConnectionFailed, ErrorMailboxMoveInProgress, ErrorMailboxStoreUnavailable,
//!   ErrorAutoDiscoverFailed, ErrorNotEnoughMemory, ErrorInvalidNetworkServiceContext
//!   (exchangelib re-runs Autodiscover on these), and name-based:
//!   ErrorProxyServiceDiscoveryFailed, ErrorArchiveMailboxServiceDiscoveryFailed,
//!   ErrorPublicFolderMailboxDiscoveryFailed, ErrorCrossSiteRequest,
//!   ErrorWrongServerVersion, ErrorServiceDiscoveryFailed.
//! - Reauth: ErrorProxyTokenExpired (token expired), ErrorInvalidSerializedAccessToken
//!   (malformed token: only a new one can help).
//! - Permanent: the rest, since the same request fails the same way: schema, argument,
//!   ID, property and restriction errors, not-found, permission and policy errors, and
//!   fixed limits. Also, by rule: wrong or disabled accounts (ErrorAccessDenied,
//!   ErrorAccountDisabled, ErrorPasswordExpired, ErrorInvalidCrossForestCredentials: do
//!   not loop); requests too big (ErrorExceededFindCountLimit,
//!   ErrorCalendarViewRangeTooBig, ErrorRequestStreamTooBig, ErrorRestrictionTooLong,
//!   ...: page or narrow); version mismatches (ErrorInvalidServerVersion,
//!   ErrorIncorrectSchemaVersion, ErrorInvalidSchemaVersionForMailboxVersion: resend with
//!   another RequestServerVersion); stale change keys (ErrorStaleObject,
//!   ErrorIrresolvableConflict: read again first); subscriptions that are gone
//!   (ErrorExpiredSubscription, ErrorSubscriptionNotFound, ErrorInvalidSubscription,
//!   ErrorInvalidWatermark, ErrorReadEventsFailed: create a new subscription);
//!   subscription and mailbox quotas (ErrorExceededSubscriptionCount, ErrorQuotaExceeded:
//!   remove or free something first).
//!
//! Every class not marked documented or client-backed above rests on the code's name or
//! Microsoft's one-line description; rows where that is doubtful carry a note.
//!
//! HTTP statuses: none is tied to a code by Microsoft. SOAP faults (including
//! ErrorServerBusy) come with HTTP 500 per the Managed API's handling; no Microsoft
//! statement of a 429 from EWS was found.
//!
//! Open questions:
//! - The normative list (MS-OXWSCDATA `m:ResponseCodeType`) could not be read in full;
//!   codes added to Exchange Online after these sources may be missing.
//! - ErrorSubscriptionUnsubsribed (Microsoft's list) and ErrorSubscriptionUnsubscribed
//!   (Managed API) may be the same code spelt two ways; both have rows.
//! - ErrorMailboxLogonFailed: Microsoft describes a failed connection (transient) while
//!   the name suggests a failed logon (permanent).
//! - exchangelib re-runs Autodiscover on ErrorNameResolutionNoMailbox,
//!   ErrorNameResolutionNoResults, ErrorInvalidIdReturnedByResolveNames,
//!   ErrorIncorrectSchemaVersion and ErrorInvalidCrossForestCredentials; their meanings
//!   make them permanent here.

use super::{Entry, symbol as e};
use crate::retry::RetryClass::{Permanent, Reauth, Throttled, Transient};

/// The catalog, by code.
pub(crate) const ENTRIES: &[Entry] = &[
    e("NoError", "The request or item succeeded; not an error.", Permanent).informational(),
    // Error codes.
    e("ErrorAccessDenied", "The caller lacks the rights for the action; check the account's permissions.", Permanent),
    e(
        "ErrorAccessModeSpecified",
        "Internal: an impersonation header was given where none is allowed; Microsoft says it is not returned.",
        Permanent,
    ),
    e("ErrorAccountDisabled", "The account is disabled; an administrator must enable it.", Permanent),
    e("ErrorAccountSuspend", "Access to the consumer mailbox is suspended by the anti-abuse service.", Permanent),
    e(
        "ErrorAccountSuspendShowTierUpgrade",
        "Access to the consumer mailbox is suspended; a plan upgrade is offered.",
        Permanent,
    ),
    e("ErrorAddDelegatesFailed", "The delegate list with the added delegates could not be saved.", Permanent),
    e(
        "ErrorAddressSpaceNotFound",
        "No address space (DNS domain) for cross-forest availability is configured in the directory.",
        Permanent,
    ),
    e("ErrorADOperation", "A directory (Active Directory) operation failed; retry later.", Transient),
    e("ErrorADSessionFilter", "ResolveNames was given a name that is not valid for the directory search.", Permanent),
    e("ErrorADUnavailable", "The directory (Active Directory) is unavailable; retry later.", Transient),
    e(
        "ErrorAffectedTaskOccurrencesRequired",
        "DeleteItem on a task needs the AffectedTaskOccurrences attribute.",
        Permanent,
    ),
    e(
        "ErrorApplyConversationActionFailed",
        "The conversation action could not be applied to one or more items.",
        Permanent,
    ),
    e("ErrorArchiveFolderPathCreation", "The folder path in the archive mailbox could not be created.", Permanent),
    e("ErrorArchiveMailboxNotEnabled", "The archive mailbox is not enabled.", Permanent),
    e(
        "ErrorArchiveMailboxSearchFailed",
        "The archive mailbox search failed; retry a limited number of times.",
        Transient,
    )
    .with_note("Class from the name."),
    e(
        "ErrorArchiveMailboxServiceDiscoveryFailed",
        "The archive mailbox's server could not be discovered; re-resolve the server, then retry.",
        Transient,
    )
    .with_note("Rediscover: redo Autodiscover for the archive before retrying."),
    e(
        "ErrorAttachmentNestLevelLimitExceeded",
        "The item nests attachments deeper than allowed (10 levels).",
        Permanent,
    ),
    e("ErrorAttachmentSizeLimitExceeded", "The attachment is larger than the maximum size.", Permanent),
    e(
        "ErrorAutoDiscoverFailed",
        "The Autodiscover call to locate a cross-forest server failed; redo Autodiscover, then retry.",
        Transient,
    )
    .with_note("Rediscover: exchangelib re-runs Autodiscover on this code."),
    e(
        "ErrorAvailabilityConfigNotFound",
        "The availability configuration for the forest is missing from the directory.",
        Permanent,
    ),
    e(
        "ErrorBatchProcessingStopped",
        "The item was not processed because an earlier item in the batch failed; resubmit it.",
        Transient,
    )
    .with_note("A warning about this item: fix the earlier failure first, or the batch stops again."),
    e(
        "ErrorCalendarCannotMoveOrCopyOccurrence",
        "An occurrence of a recurring calendar item cannot be moved or copied.",
        Permanent,
    ),
    e(
        "ErrorCalendarCannotUpdateDeletedItem",
        "A deleted calendar item cannot be updated while sending meeting updates.",
        Permanent,
    ),
    e("ErrorCalendarCannotUseIdForOccurrenceId", "The ID given is not the ID of an occurrence.", Permanent),
    e(
        "ErrorCalendarCannotUseIdForRecurringMasterId",
        "The ID given is not the ID of a recurring master item.",
        Permanent,
    ),
    e("ErrorCalendarDurationIsTooLong", "The calendar item lasts longer than allowed (five years).", Permanent),
    e("ErrorCalendarEndDateIsEarlierThanStartDate", "The calendar item ends before it starts.", Permanent),
    e(
        "ErrorCalendarFolderIsInvalidForCalendarView",
        "A calendar view was requested on a folder that is not a calendar.",
        Permanent,
    ),
    e(
        "ErrorCalendarInvalidAttributeValue",
        "An attribute has an invalid value; Microsoft says this code is not used.",
        Permanent,
    ),
    e(
        "ErrorCalendarInvalidDayForTimeChangePattern",
        "The days given for a time zone change pattern are invalid.",
        Permanent,
    ),
    e("ErrorCalendarInvalidDayForWeeklyRecurrence", "The days given for a weekly recurrence are invalid.", Permanent),
    e(
        "ErrorCalendarInvalidPropertyState",
        "The stored recurrence data of the calendar item is in an invalid state.",
        Permanent,
    ),
    e(
        "ErrorCalendarInvalidPropertyValue",
        "A calendar property has an invalid value; Microsoft says this code is not used.",
        Permanent,
    ),
    e("ErrorCalendarInvalidRecurrence", "The recurrence cannot be created as given.", Permanent),
    e("ErrorCalendarInvalidTimeZone", "The time zone is invalid.", Permanent),
    e("ErrorCalendarIsCancelledForAccept", "A cancelled meeting cannot be accepted.", Permanent),
    e("ErrorCalendarIsCancelledForDecline", "A cancelled meeting cannot be declined.", Permanent),
    e("ErrorCalendarIsCancelledForRemove", "A cancelled meeting cannot be removed this way.", Permanent),
    e("ErrorCalendarIsCancelledForTentative", "A cancelled meeting cannot be tentatively accepted.", Permanent),
    e("ErrorCalendarIsDelegatedForAccept", "AcceptItem is not valid for a delegated meeting message.", Permanent),
    e("ErrorCalendarIsDelegatedForDecline", "DeclineItem is not valid for a delegated meeting message.", Permanent),
    e("ErrorCalendarIsDelegatedForRemove", "RemoveItem is not valid for a delegated meeting cancellation.", Permanent),
    e(
        "ErrorCalendarIsDelegatedForTentative",
        "TentativelyAcceptItem is not valid for a delegated meeting message.",
        Permanent,
    ),
    e(
        "ErrorCalendarIsGroupMailboxForAccept",
        "AcceptItem is not valid for a meeting message in a group mailbox.",
        Permanent,
    ),
    e(
        "ErrorCalendarIsGroupMailboxForDecline",
        "DeclineItem is not valid for a meeting message in a group mailbox.",
        Permanent,
    ),
    e(
        "ErrorCalendarIsGroupMailboxForSuppressReadReceipt",
        "SuppressReadReceipt is not valid for a meeting message in a group mailbox.",
        Permanent,
    ),
    e(
        "ErrorCalendarIsGroupMailboxForTentative",
        "TentativelyAcceptItem is not valid for a meeting message in a group mailbox.",
        Permanent,
    ),
    e("ErrorCalendarIsNotOrganizer", "Only the meeting organizer can cancel the meeting.", Permanent),
    e("ErrorCalendarIsOrganizerForAccept", "The organizer cannot accept their own meeting.", Permanent),
    e("ErrorCalendarIsOrganizerForDecline", "The organizer cannot decline their own meeting.", Permanent),
    e(
        "ErrorCalendarIsOrganizerForRemove",
        "The organizer cannot remove their own meeting this way; cancel it instead.",
        Permanent,
    ),
    e("ErrorCalendarIsOrganizerForTentative", "The organizer cannot tentatively accept their own meeting.", Permanent),
    e(
        "ErrorCalendarMeetingRequestIsOutOfDate",
        "The meeting request is out of date; the calendar was not updated.",
        Permanent,
    ),
    e(
        "ErrorCalendarOccurrenceIndexIsOutOfRecurrenceRange",
        "The occurrence index points outside the recurrence.",
        Permanent,
    ),
    e(
        "ErrorCalendarOccurrenceIsDeletedFromRecurrence",
        "The occurrence at this index was deleted from the recurrence.",
        Permanent,
    ),
    e("ErrorCalendarOutOfRange", "A calendar or task recurrence property is out of its valid range.", Permanent),
    e(
        "ErrorCalendarSeekToConditionNotSupported",
        "A seek-to-condition page view is not supported for calendar items.",
        Permanent,
    ),
    e(
        "ErrorCalendarViewRangeTooBig",
        "The calendar view spans more than the maximum (two years); request a shorter range.",
        Permanent,
    ),
    e("ErrorCallerIsInvalidADAccount", "The calling account is not a valid directory account.", Permanent),
    e(
        "ErrorCannotArchiveCalendarContactTaskFolderException",
        "Items in calendar, contact or task folders cannot be archived.",
        Permanent,
    ),
    e("ErrorCannotArchiveItemsInArchiveMailbox", "Items already in the archive mailbox cannot be archived.", Permanent),
    e("ErrorCannotArchiveItemsInPublicFolders", "Items in public folders cannot be archived.", Permanent),
    e(
        "ErrorCannotCreateCalendarItemInNonCalendarFolder",
        "A calendar item cannot be created in a folder that is not a calendar.",
        Permanent,
    ),
    e(
        "ErrorCannotCreateContactInNonContactFolder",
        "A contact cannot be created in a folder that is not a contacts folder.",
        Permanent,
    ),
    e("ErrorCannotCreatePostItemInNonMailFolder", "A post item can only be created in a mail folder.", Permanent),
    e(
        "ErrorCannotCreateTaskInNonTaskFolder",
        "A task cannot be created in a folder that is not a tasks folder.",
        Permanent,
    ),
    e("ErrorCannotDeleteObject", "The item or folder cannot be deleted.", Permanent),
    e(
        "ErrorCannotDeleteTaskOccurrence",
        "The task occurrence cannot be deleted, for example on a non-recurring task.",
        Permanent,
    ),
    e("ErrorCannotDisableMandatoryExtension", "Users cannot disable a mandatory extension.", Permanent),
    e("ErrorCannotEmptyFolder", "The folder cannot be emptied.", Permanent),
    e(
        "ErrorCannotGetExternalEcpUrl",
        "The external URL for the options (ECP) site could not be found; it may not be configured.",
        Permanent,
    ),
    e("ErrorCannotGetSourceFolderPath", "The source folder path could not be read while archiving.", Permanent),
    e("ErrorCannotOpenFileAttachment", "The body of the file attachment could not be retrieved.", Permanent),
    e(
        "ErrorCannotSetCalendarPermissionOnNonCalendarFolder",
        "Calendar permissions cannot be set on a folder that is not a calendar.",
        Permanent,
    ),
    e(
        "ErrorCannotSetNonCalendarPermissionOnCalendarFolder",
        "A calendar folder needs calendar permissions, not plain ones.",
        Permanent,
    ),
    e("ErrorCannotSetPermissionUnknownEntries", "Unknown entries cannot be set in a permission set.", Permanent),
    e(
        "ErrorCannotSpecifySearchFolderAsSourceFolder",
        "A search folder cannot be the source folder for archiving.",
        Permanent,
    ),
    e("ErrorCannotUseFolderIdForItemId", "A folder ID was given where an item ID is needed.", Permanent),
    e("ErrorCannotUseItemIdForFolderId", "An item ID was given where a folder ID is needed.", Permanent),
    e("ErrorChangeKeyRequired", "A change key is needed when automatic conflict resolution is overridden.", Permanent),
    e(
        "ErrorChangeKeyRequiredForWriteOperations",
        "The change key is missing or stale; get the item's current change key and resend.",
        Permanent,
    ),
    e("ErrorChannelSubscriptionAlreadyExists", "The channel subscription already exists.", Permanent),
    e("ErrorChannelSubscriptionNotFound", "The channel subscription was not found.", Permanent),
    e("ErrorClientDisconnected", "The client was disconnected before the request finished; retry.", Transient),
    e("ErrorClientIntentInvalidStateDefinition", "Internal: the client intent state definition is invalid.", Permanent),
    e("ErrorClientIntentNotFound", "Internal: the client intent was not found.", Permanent),
    e("ErrorConnectionFailed", "EWS could not connect to the mailbox; redo Autodiscover, then retry later.", Transient)
        .with_note("Rediscover: exchangelib re-runs Autodiscover on it; Microsoft says try again later."),
    e("ErrorConnectionFailedTransientError", "A connection failed for a transient reason; retry later.", Transient)
        .with_note("Known from exchangelib only; not in the Managed API or Microsoft's list."),
    e("ErrorContainsFilterWrongType", "A Contains filter was used on a property that is not a string.", Permanent),
    e("ErrorContentConversionFailed", "The item's MIME content could not be produced.", Permanent),
    e(
        "ErrorContentIndexingNotEnabled",
        "A query-string search needs content indexing, which is not enabled for the mailbox.",
        Permanent,
    ),
    e("ErrorCorruptData", "The data is corrupt and cannot be processed.", Permanent),
    e("ErrorCreateItemAccessDenied", "The caller may not create items here.", Permanent),
    e(
        "ErrorCreateManagedFolderPartialCompletion",
        "Some of the managed folders requested could not be created.",
        Permanent,
    ),
    e("ErrorCreateSubfolderAccessDenied", "The caller may not create subfolders here.", Permanent),
    e("ErrorCrossMailboxMoveCopy", "Items and folders cannot be moved or copied across mailboxes.", Permanent),
    e(
        "ErrorCrossSiteRequest",
        "The request reached a server in another site than the mailbox; redo Autodiscover and send it there.",
        Transient,
    )
    .with_note("Rediscover: class assumes the retry goes to the server Autodiscover returns."),
    e("ErrorDataSizeLimitExceeded", "A property value is larger than EWS supports.", Permanent),
    e(
        "ErrorDataSourceOperation",
        "The underlying data source failed to complete the operation; retry a limited number of times.",
        Transient,
    )
    .with_note("Class from the description: a back-end failure, not a request fault."),
    e("ErrorDelegateAlreadyExists", "The user is already a delegate for the mailbox.", Permanent),
    e("ErrorDelegateCannotAddOwner", "The mailbox owner cannot be added as a delegate.", Permanent),
    e(
        "ErrorDelegateMissingConfiguration",
        "The delegate information for the mailbox is missing or incomplete.",
        Permanent,
    ),
    e("ErrorDelegateNoUser", "The delegate does not map to a directory user.", Permanent),
    e("ErrorDelegateValidationFailed", "The delegate user is not valid.", Permanent),
    e("ErrorDeleteDistinguishedFolder", "Distinguished (well-known) folders cannot be deleted.", Permanent),
    e("ErrorDeleteItemsFailed", "The deletion failed; Microsoft says this code is not used.", Permanent),
    e(
        "ErrorDeleteUnifiedMessagingPromptFailed",
        "Internal: the Unified Messaging custom prompt could not be removed.",
        Permanent,
    ),
    e("ErrorDiscoverySearchesDisabled", "Discovery searches are disabled on the tenant or server.", Permanent),
    e("ErrorDistinguishedUserNotSupported", "A distinguished user cannot be given for a delegate user.", Permanent),
    e("ErrorDistributionListMemberNotExist", "The distribution list member does not exist.", Permanent),
    e("ErrorDuplicateInputFolderNames", "The list of managed folder names has duplicates.", Permanent),
    e("ErrorDuplicateLegacyDistinguishedName", "The directory holds duplicate legacy distinguished names.", Permanent),
    e("ErrorDuplicateSOAPHeader", "The request has duplicate SOAP headers.", Permanent),
    e("ErrorDuplicateUserIdsSpecified", "The permission set names the same user more than once.", Permanent),
    e("ErrorEmailAddressMismatch", "The folder ID's mailbox does not match the mailbox being operated on.", Permanent),
    e(
        "ErrorEventNotFound",
        "The event behind the subscription's watermark is gone; create a new subscription.",
        Permanent,
    ),
    e(
        "ErrorExceededChannelSubscriptionCount",
        "The channel holds the maximum number of subscriptions; remove some first.",
        Permanent,
    ),
    e(
        "ErrorExceededConnectionCount",
        "The account has more concurrent connections than its throttling policy allows; retry when others finish.",
        Throttled,
    )
    .with_note("Lowering concurrency is the fix: exchangelib shrinks its pool before retrying."),
    e(
        "ErrorExceededFindCountLimit",
        "The find returns more items than the policy allows; use paging with smaller pages.",
        Permanent,
    ),
    e("ErrorExceededMaxRecipientLimit", "The message has more recipients than the consumer mailbox limit.", Permanent),
    e(
        "ErrorExceededMaxRecipientLimitBlock",
        "Sending is blocked because the recipient count exceeded the consumer mailbox limit.",
        Permanent,
    ),
    e(
        "ErrorExceededMaxRecipientLimitShowTierUpgrade",
        "The recipient count exceeded the consumer mailbox limit; a plan upgrade is offered.",
        Permanent,
    ),
    e(
        "ErrorExceededMessageLimit",
        "The number of messages sent exceeded the limit and sending is blocked for now; retry much later.",
        Throttled,
    )
    .with_note("Class from the name: consumer sending limit, reset period not stated."),
    e(
        "ErrorExceededMessageLimitShowTierUpgrade",
        "The consumer mailbox exceeded its sending limit; retry much later or upgrade the plan.",
        Throttled,
    )
    .with_note("Class from the name."),
    e(
        "ErrorExceededSubscriptionCount",
        "The account holds the maximum number of subscriptions its policy allows; remove some first.",
        Permanent,
    ),
    e("ErrorExpiredSubscription", "The subscription expired; create a new subscription.", Permanent),
    e(
        "ErrorExportRemoteArchiveItemsFailed",
        "Exporting items from the remote archive mailbox failed; retry a limited number of times.",
        Transient,
    )
    .with_note("Class from the name."),
    e("ErrorExtensionNotFound", "No extension with this ID was found.", Permanent),
    e(
        "ErrorFindRemoteArchiveFolderFailed",
        "Finding the remote archive mailbox folder failed; retry a limited number of times.",
        Transient,
    )
    .with_note("Class from the name."),
    e("ErrorFolderCorrupt", "The folder is corrupt and cannot be saved.", Permanent),
    e("ErrorFolderExists", "A folder with this name already exists in the parent.", Permanent),
    e("ErrorFolderNotFound", "The folder ID matches no folder, or the caller has no access to it.", Permanent),
    e(
        "ErrorFolderPropertRequestFailed",
        "A requested folder property could not be retrieved (code spelt this way by Microsoft).",
        Permanent,
    ),
    e("ErrorFolderPropertyRequestFailed", "A requested folder property could not be retrieved.", Permanent)
        .with_note("Known from exchangelib only; Microsoft's list spells it ErrorFolderPropertRequestFailed."),
    e("ErrorFolderSave", "The folder could not be created or updated because of its state.", Permanent),
    e("ErrorFolderSaveFailed", "The folder save failed or only partly succeeded.", Permanent),
    e(
        "ErrorFolderSavePropertyError",
        "The folder could not be saved because of invalid property values; the response lists them.",
        Permanent,
    ),
    e("ErrorFreeBusyDLLimitReached", "The distribution list has too many members for a free/busy lookup.", Permanent),
    e(
        "ErrorFreeBusyGenerationFailed",
        "Free/busy information could not be produced because of an intervening failure; retry later.",
        Transient,
    ),
    e(
        "ErrorGetRemoteArchiveFolderFailed",
        "Getting the remote archive mailbox folder failed; retry a limited number of times.",
        Transient,
    )
    .with_note("Class from the name."),
    e(
        "ErrorGetRemoteArchiveItemFailed",
        "Getting the remote archive mailbox item failed; retry a limited number of times.",
        Transient,
    )
    .with_note("Class from the name."),
    e(
        "ErrorGetServerSecurityDescriptorFailed",
        "The server security descriptor could not be read; Microsoft says this code is not used.",
        Permanent,
    ),
    e("ErrorImContactLimitReached", "The maximum number of IM contacts is reached.", Permanent),
    e("ErrorImGroupDisplayNameAlreadyExists", "An IM group with this display name already exists.", Permanent),
    e("ErrorImGroupLimitReached", "The maximum number of IM groups is reached.", Permanent),
    e("ErrorImpersonateUserDenied", "The account may not impersonate the requested user.", Permanent),
    e("ErrorImpersonationDenied", "The caller lacks the right to use Exchange Impersonation.", Permanent),
    e("ErrorImpersonationFailed", "Server-to-server authentication for impersonation failed unexpectedly.", Permanent),
    e("ErrorInboxRulesValidationError", "An inbox rule did not validate.", Permanent),
    e(
        "ErrorIncorrectSchemaVersion",
        "The request is valid but not for the RequestServerVersion given; send the right version.",
        Permanent,
    ),
    e("ErrorIncorrectUpdatePropertyCount", "Each change description must set exactly one property.", Permanent),
    e("ErrorIndividualMailboxLimitReached", "The request has too many attendees to resolve.", Permanent),
    e("ErrorInsufficientResources", "The mailbox server is overloaded; retry later.", Transient)
        .with_note("Microsoft's text says try again later; exchangelib does not throttle on it."),
    e(
        "ErrorInternalServerError",
        "EWS hit an error it could not recover from; retry a limited number of times.",
        Transient,
    )
    .with_note("No specific cause is given: cap the attempts."),
    e("ErrorInternalServerTransientError", "A transient internal server error occurred; retry later.", Transient),
    e("ErrorInvalidAccessLevel", "The caller's access level on the free/busy data is invalid.", Permanent),
    e("ErrorInvalidArgument", "An argument is invalid, for example to GetMessageTrackingReport.", Permanent),
    e("ErrorInvalidAttachmentId", "The attachment ID is invalid.", Permanent),
    e("ErrorInvalidAttachmentSubfilter", "An attachment subfilter must hold a single text filter.", Permanent),
    e(
        "ErrorInvalidAttachmentSubfilterTextFilter",
        "An attachment subfilter may only filter on the display name.",
        Permanent,
    ),
    e("ErrorInvalidAuthorizationContext", "Authorization of the requester failed.", Permanent),
    e("ErrorInvalidChangeKey", "The change key cannot be parsed.", Permanent),
    e("ErrorInvalidChannelId", "The channel ID is invalid.", Permanent),
    e("ErrorInvalidChannelSubscriptionId", "The channel subscription ID is invalid.", Permanent),
    e("ErrorInvalidClientAccessTokenRequest", "The request for a client access token is invalid.", Permanent),
    e(
        "ErrorInvalidClientSecurityContext",
        "The caller's identity could not be resolved because of an internal error.",
        Permanent,
    ),
    e("ErrorInvalidCompleteDate", "A task's completion date cannot be in the future.", Permanent),
    e("ErrorInvalidContactEmailAddress", "The contact's email address is invalid.", Permanent),
    e("ErrorInvalidContactEmailIndex", "The contact's email entry index is invalid.", Permanent),
    e(
        "ErrorInvalidCrossForestCredentials",
        "The credentials used to proxy to another forest failed authentication.",
        Permanent,
    )
    .with_note("exchangelib re-runs Autodiscover on it; the cause is a credential setup, so Permanent."),
    e("ErrorInvalidDelegatePermission", "The delegate folder permissions are invalid.", Permanent),
    e("ErrorInvalidDelegateUserId", "A delegate user ID is invalid.", Permanent),
    e(
        "ErrorInvalidExchangeImpersonationHeaderData",
        "The ExchangeImpersonation header needs a UPN, SID or primary SMTP address.",
        Permanent,
    ),
    e("ErrorInvalidExcludesRestriction", "The bitmask of an Excludes restriction cannot be parsed.", Permanent),
    e(
        "ErrorInvalidExpressionTypeForSubFilter",
        "A field URI may only be used in Contains expressions; Microsoft says this code is not used.",
        Permanent,
    ),
    e("ErrorInvalidExtendedProperty", "The extended property definition is invalid.", Permanent),
    e("ErrorInvalidExtendedPropertyValue", "The extended property value does not match its type.", Permanent),
    e(
        "ErrorInvalidExternalSharingInitiator",
        "The sharing invitation's sender did not create its metadata.",
        Permanent,
    ),
    e("ErrorInvalidExternalSharingSubscriber", "The sharing message is not meant for this caller.", Permanent),
    e("ErrorInvalidFederatedOrganizationId", "The organization's federation is missing or misconfigured.", Permanent),
    e("ErrorInvalidFolderId", "The folder ID is corrupt.", Permanent),
    e("ErrorInvalidFolderTypeForOperation", "The folder type is not valid for this operation.", Permanent),
    e("ErrorInvalidFractionalPagingParameters", "The fractional paging values are invalid.", Permanent),
    e("ErrorInvalidFreeBusyViewType", "GetUserAvailability was called with the free/busy view type None.", Permanent),
    e("ErrorInvalidGetSharingFolderRequest", "Give either DataType or SharedFolderId, not both.", Permanent),
    e("ErrorInvalidId", "The ID or change key is malformed.", Permanent),
    e("ErrorInvalidIdEmpty", "The ID is empty.", Permanent),
    e("ErrorInvalidIdMalformed", "The ID is malformed.", Permanent),
    e(
        "ErrorInvalidIdMalformedEwsLegacyIdFormat",
        "The ID uses the Exchange 2007 format, which this request version does not accept; convert it.",
        Permanent,
    ),
    e("ErrorInvalidIdMonikerTooLong", "The ID is too long.", Permanent),
    e("ErrorInvalidIdNotAnItemAttachmentId", "The ID is not an item attachment ID.", Permanent),
    e(
        "ErrorInvalidIdReturnedByResolveNames",
        "ResolveNames returned an invalid ID, usually because a contact is corrupt.",
        Permanent,
    )
    .with_note("exchangelib re-runs Autodiscover on this code; Microsoft ties it to a corrupt contact."),
    e("ErrorInvalidIdStoreObjectIdTooLong", "The store object ID is too long.", Permanent),
    e("ErrorInvalidIdTooManyAttachmentLevels", "The attachment hierarchy is deeper than allowed.", Permanent),
    e("ErrorInvalidIdXml", "The ID XML is invalid; Microsoft says this code is not used.", Permanent),
    e("ErrorInvalidImContactId", "The IM contact ID is invalid.", Permanent),
    e("ErrorInvalidImDistributionGroupSmtpAddress", "The IM distribution group SMTP address is invalid.", Permanent),
    e("ErrorInvalidImGroupId", "The IM group ID is invalid.", Permanent),
    e(
        "ErrorInvalidIndexedPagingParameters",
        "The indexed paging values are invalid, such as a negative offset.",
        Permanent,
    ),
    e(
        "ErrorInvalidInternetHeaderChildNodes",
        "An Internet message header may have only one child node; Microsoft says this code is not used.",
        Permanent,
    ),
    e("ErrorInvalidItemForOperationAcceptItem", "AcceptItem only applies to meeting requests.", Permanent),
    e("ErrorInvalidItemForOperationArchiveItem", "The item cannot be archived.", Permanent),
    e("ErrorInvalidItemForOperationCancelItem", "CancelItem only applies to calendar items.", Permanent),
    e("ErrorInvalidItemForOperationCreateItem", "CreateItem does not support this item type.", Permanent),
    e("ErrorInvalidItemForOperationCreateItemAttachment", "This item type cannot be an item attachment.", Permanent),
    e("ErrorInvalidItemForOperationDeclineItem", "DeclineItem only applies to meeting requests.", Permanent),
    e("ErrorInvalidItemForOperationExpandDL", "ExpandDL only applies to private distribution lists.", Permanent),
    e("ErrorInvalidItemForOperationRemoveItem", "RemoveItem only applies to meeting cancellations.", Permanent),
    e("ErrorInvalidItemForOperationSendItem", "SendItem only applies to messages and meeting items.", Permanent),
    e("ErrorInvalidItemForOperationTentative", "TentativelyAcceptItem only applies to meeting requests.", Permanent),
    e("ErrorInvalidLicense", "The user has no valid license.", Permanent),
    e("ErrorInvalidLikeRequest", "The item cannot be liked.", Permanent),
    e("ErrorInvalidLogonType", "Internal: the logon type is invalid; Microsoft says it is not returned.", Permanent),
    e("ErrorInvalidMailbox", "The mailbox given is invalid.", Permanent),
    e("ErrorInvalidManagedFolderProperty", "The managed folder's structure is corrupt.", Permanent),
    e("ErrorInvalidManagedFolderQuota", "The managed folder's quota is invalid, a sign of corruption.", Permanent),
    e("ErrorInvalidManagedFolderSize", "The managed folder's size limit is invalid, a sign of corruption.", Permanent),
    e("ErrorInvalidManagementRoleHeader", "The ManagementRole SOAP header is invalid.", Permanent),
    e("ErrorInvalidMergedFreeBusyInterval", "The merged free/busy interval is outside the allowed range.", Permanent),
    e("ErrorInvalidNameForNameResolution", "The name is not valid for ResolveNames, for example empty.", Permanent),
    e(
        "ErrorInvalidNetworkServiceContext",
        "The Network Service account on the Client Access server failed; redo Autodiscover, then retry.",
        Transient,
    )
    .with_note("Rediscover: exchangelib re-runs Autodiscover on it; a server-side fault."),
    e(
        "ErrorInvalidOofParameter",
        "An out-of-office parameter is invalid; Microsoft says this code is not used.",
        Permanent,
    ),
    e("ErrorInvalidOperation", "The operation is not valid here.", Permanent),
    e(
        "ErrorInvalidOrganizationRelationshipForFreeBusy",
        "The organization relationship does not allow free/busy access.",
        Permanent,
    ),
    e("ErrorInvalidPagingMaxRows", "The maximum rows to return must be greater than zero.", Permanent),
    e(
        "ErrorInvalidParentFolder",
        "The parent folder is not valid for this operation, such as a search folder.",
        Permanent,
    ),
    e("ErrorInvalidPercentCompleteValue", "A task's percent complete must be between 0 and 100.", Permanent),
    e("ErrorInvalidPermissionSettings", "The permission level does not match the permission settings.", Permanent),
    e("ErrorInvalidPhoneCallId", "The phone call ID is invalid.", Permanent),
    e("ErrorInvalidPhoneNumber", "The phone number is invalid or does not fit the dial plan.", Permanent),
    e("ErrorInvalidPhotoSize", "The requested photo size is invalid.", Permanent),
    e("ErrorInvalidPropertyAppend", "The property does not support appending.", Permanent),
    e("ErrorInvalidPropertyDelete", "The property cannot be deleted.", Permanent),
    e("ErrorInvalidPropertyForExists", "The property cannot be used in an Exists filter; use IsEqualTo.", Permanent),
    e("ErrorInvalidPropertyForOperation", "The property does not support this operation.", Permanent),
    e("ErrorInvalidPropertyRequest", "The property is not valid for this object type.", Permanent),
    e("ErrorInvalidPropertySet", "The property cannot be set.", Permanent),
    e("ErrorInvalidPropertyUpdateSentMessage", "The property of a sent message cannot be updated.", Permanent),
    e(
        "ErrorInvalidProxySecurityContext",
        "The proxy security context is invalid; Microsoft says this code is not used.",
        Permanent,
    ),
    e("ErrorInvalidPullSubscriptionId", "The subscription ID is not that of a pull subscription.", Permanent),
    e("ErrorInvalidPushSubscriptionUrl", "The URL for the push subscription is invalid.", Permanent),
    e("ErrorInvalidRecipients", "One or more recipients or attendees are invalid.", Permanent),
    e(
        "ErrorInvalidRecipientSubfilter",
        "The search folder's recipient filter cannot be represented by EWS.",
        Permanent,
    ),
    e(
        "ErrorInvalidRecipientSubfilterComparison",
        "A recipient subfilter must compare the recipient or attendee type for equality.",
        Permanent,
    ),
    e(
        "ErrorInvalidRecipientSubfilterOrder",
        "A recipient subfilter must have a text filter, then a comparison filter.",
        Permanent,
    ),
    e(
        "ErrorInvalidRecipientSubfilterTextFilter",
        "A recipient subfilter's text filter may only test the SMTP address.",
        Permanent,
    ),
    e("ErrorInvalidReferenceItem", "The reference item does not support the reply or forward requested.", Permanent),
    e("ErrorInvalidRequest", "The request is invalid, for example a SOAP action with an empty body.", Permanent),
    e("ErrorInvalidRestriction", "The restriction is invalid; Microsoft says this code is not used.", Permanent),
    e("ErrorInvalidRetentionTagIdGuid", "The retention tag GUID is invalid.", Permanent),
    e(
        "ErrorInvalidRetentionTagInheritance",
        "An implicit retention tag cannot be set on the policy tag property.",
        Permanent,
    ),
    e("ErrorInvalidRetentionTagInvisible", "The retention tag does not exist or is not visible.", Permanent),
    e("ErrorInvalidRetentionTagNone", "No retention tags were found for the user.", Permanent),
    e("ErrorInvalidRetentionTagTypeMismatch", "The retention tag has the wrong action for this use.", Permanent),
    e("ErrorInvalidRoutingType", "The email address routing type is invalid.", Permanent),
    e("ErrorInvalidScheduledOofDuration", "The scheduled out-of-office end time is invalid.", Permanent),
    e(
        "ErrorInvalidSchemaVersionForMailboxVersion",
        "The target mailbox does not support the RequestServerVersion given; use a lower version.",
        Permanent,
    ),
    e("ErrorInvalidSecurityDescriptor", "The security descriptor on the calendar folder is corrupt.", Permanent),
    e(
        "ErrorInvalidSendItemSaveSettings",
        "SaveItemToFolder and SavedItemFolderId are combined in an invalid way.",
        Permanent,
    ),
    e(
        "ErrorInvalidSerializedAccessToken",
        "The serialized access token in the header is malformed or invalid; get a new token, then retry once.",
        Reauth,
    )
    .with_note("Class from the description: a fresh token can fix it; a token naming no account cannot."),
    e("ErrorInvalidServerVersion", "The RequestServerVersion given is invalid; use a supported version.", Permanent),
    e("ErrorInvalidSharingData", "The sharing metadata is invalid.", Permanent),
    e("ErrorInvalidSharingMessage", "The sharing message is invalid, for example missing a property.", Permanent),
    e("ErrorInvalidSid", "A security identifier (SID) is malformed.", Permanent),
    e("ErrorInvalidSIPUri", "The SIP address, dial plan or phone number is not a valid SIP URI.", Permanent),
    e("ErrorInvalidSmtpAddress", "The SMTP address cannot be parsed.", Permanent),
    e("ErrorInvalidSubfilterType", "The subfilter type is invalid; Microsoft says this code is not used.", Permanent),
    e(
        "ErrorInvalidSubfilterTypeNotAttendeeType",
        "The subfilter type is not the attendee type; Microsoft says this code is not used.",
        Permanent,
    ),
    e(
        "ErrorInvalidSubfilterTypeNotRecipientType",
        "The subfilter type is not the recipient type; Microsoft says this code is not used.",
        Permanent,
    ),
    e(
        "ErrorInvalidSubscription",
        "The subscription is no longer valid, for example after a server restart; create a new one.",
        Permanent,
    ),
    e(
        "ErrorInvalidSubscriptionRequest",
        "A subscription may cover one public folder or folders of a single mailbox only.",
        Permanent,
    ),
    e("ErrorInvalidSyncStateData", "The synchronization state is corrupt; restart the sync without it.", Permanent),
    e("ErrorInvalidTimeInterval", "The time interval is invalid.", Permanent),
    e("ErrorInvalidUserInfo", "A user ID in the permission set is inconsistent.", Permanent),
    e("ErrorInvalidUserOofSettings", "The out-of-office settings lack an internal or external reply.", Permanent),
    e("ErrorInvalidUserPrincipalName", "The impersonation user principal name is invalid or not found.", Permanent),
    e("ErrorInvalidUserSid", "The user SID is invalid or maps to no directory user.", Permanent),
    e(
        "ErrorInvalidUserSidMissingUPN",
        "The user SID has no principal name; Microsoft says this code is not used.",
        Permanent,
    ),
    e("ErrorInvalidValueForProperty", "The restriction's comparison value is invalid for the property.", Permanent),
    e("ErrorInvalidWatermark", "The subscription watermark is invalid; create a new subscription.", Permanent),
    e("ErrorIPGatewayNotFound", "No valid IP (VoIP) gateway is available.", Permanent),
    e(
        "ErrorIrresolvableConflict",
        "The item changed since it was read and the conflict cannot be resolved; read it again first.",
        Permanent,
    ),
    e("ErrorItemCorrupt", "The item is corrupt and cannot be retrieved in full.", Permanent),
    e("ErrorItemNotFound", "The item was not found, or the caller has no access to it.", Permanent),
    e("ErrorItemPropertyRequestFailed", "A requested item property could not be retrieved.", Permanent),
    e("ErrorItemSave", "The item or folder could not be saved.", Permanent),
    e(
        "ErrorItemSavePropertyError",
        "The item could not be saved because of invalid property values; the response lists them.",
        Permanent,
    ),
    e(
        "ErrorLegacyMailboxFreeBusyViewTypeNotMerged",
        "Legacy mailboxes only support merged free/busy; Microsoft says this code is not used.",
        Permanent,
    ),
    e(
        "ErrorLocalServerObjectNotFound",
        "A local server object was not found; Microsoft says this code is not used.",
        Permanent,
    ),
    e("ErrorLocationServicesDisabled", "Internal: location services are disabled.", Permanent),
    e("ErrorLocationServicesInvalidRequest", "Internal: the location service request is invalid.", Permanent),
    e(
        "ErrorLocationServicesRequestFailed",
        "Internal: the location service request failed; retry a limited number of times.",
        Transient,
    ),
    e(
        "ErrorLocationServicesRequestTimedOut",
        "Internal: the location service request timed out; retry later.",
        Transient,
    ),
    e(
        "ErrorLogonAsNetworkServiceFailed",
        "The availability service could not log on as Network Service to proxy the request.",
        Permanent,
    ),
    e("ErrorMailboxConfiguration", "The mailbox information in the directory is misconfigured.", Permanent),
    e("ErrorMailboxDataArrayEmpty", "The mailbox data array is empty; give at least one mailbox.", Permanent),
    e("ErrorMailboxDataArrayTooBig", "The mailbox data array has more than 100 entries; split the request.", Permanent),
    e("ErrorMailboxFailover", "The mailbox is failing over to another server; retry later.", Transient),
    e("ErrorMailboxHoldNotFound", "The mailbox hold was not found.", Permanent),
    e("ErrorMailboxLogonFailed", "Connecting to the mailbox for calendar data failed; retry later.", Transient)
        .with_note("Unsure: Microsoft describes a failed connection; the name suggests a failed logon."),
    e("ErrorMailboxMoveInProgress", "The mailbox is being moved; redo Autodiscover, then retry later.", Transient)
        .with_note("Rediscover: after the move the mailbox may live on another server."),
    e("ErrorMailboxScopeNotAllowedWithoutQueryString", "A scoped mailbox search needs a query string.", Permanent),
    e(
        "ErrorMailboxStoreUnavailable",
        "The mailbox database is temporarily unavailable; redo Autodiscover, then retry later.",
        Transient,
    )
    .with_note("Rediscover: exchangelib re-runs Autodiscover on this code."),
    e("ErrorMailRecipientNotFound", "The mailbox data maps to no valid mailbox.", Permanent),
    e("ErrorMailTipsDisabled", "MailTips are disabled for the organization.", Permanent),
    e("ErrorManagedFolderAlreadyExists", "The managed folder already exists in the mailbox.", Permanent),
    e("ErrorManagedFolderNotFound", "The managed folder name matches no definition in the directory.", Permanent),
    e(
        "ErrorManagedFoldersRootFailure",
        "The managed folders root is missing or blocked by a folder of the same name.",
        Permanent,
    ),
    e(
        "ErrorMeetingSuggestionGenerationFailed",
        "The meeting suggestion engine failed; retry a limited number of times.",
        Transient,
    )
    .with_note("Class from the name."),
    e(
        "ErrorMessageBlocked",
        "The message is considered abusive and cannot be sent from the consumer mailbox.",
        Permanent,
    ),
    e("ErrorMessageDispositionRequired", "The MessageDisposition attribute is required.", Permanent),
    e(
        "ErrorMessagePerFolderCountReceiveQuotaExceeded",
        "The folder holds the maximum number of messages it may receive.",
        Permanent,
    ),
    e("ErrorMessageSizeExceeded", "The message is larger than allowed.", Permanent),
    e(
        "ErrorMessageSubmissionBlocked",
        "Message submission is blocked for the consumer mailbox by the anti-abuse service.",
        Permanent,
    ),
    e("ErrorMessageTrackingNoSuchDomain", "The domain in the tracking request was not found.", Permanent),
    e("ErrorMessageTrackingPermanentError", "The message tracking service cannot track this message.", Permanent),
    e("ErrorMessageTrackingTransientError", "The message tracking service is down or busy; retry later.", Transient),
    e(
        "ErrorMimeContentConversionFailed",
        "The MIME content could not be converted, for example invalid iCalendar.",
        Permanent,
    ),
    e("ErrorMimeContentInvalid", "The MIME content is invalid.", Permanent),
    e("ErrorMimeContentInvalidBase64String", "The MIME content is not valid base64.", Permanent),
    e(
        "ErrorMissedNotificationEvents",
        "The subscription missed events but goes on; resynchronize to catch up.",
        Permanent,
    )
    .with_note("Service continues on the same connection: a signal to resync, not a failed request."),
    e("ErrorMissingArgument", "A required argument is missing; the message names it.", Permanent),
    e(
        "ErrorMissingEmailAddress",
        "The account has no mailbox, so the mailbox's primary SMTP address must be given.",
        Permanent,
    ),
    e(
        "ErrorMissingEmailAddressForManagedFolder",
        "The account has no mailbox, so the target mailbox's SMTP address must be given.",
        Permanent,
    ),
    e("ErrorMissingInformationEmailAddress", "An email address or item ID must be included.", Permanent),
    e("ErrorMissingInformationReferenceItemId", "A reference item ID must be included.", Permanent),
    e(
        "ErrorMissingInformationSharingFolderId",
        "A sharing folder ID must be included; Microsoft says it is never returned.",
        Permanent,
    ),
    e("ErrorMissingItemForCreateItemAttachment", "An item attachment needs an item.", Permanent),
    e("ErrorMissingManagedFolderId", "The folder's managed folder ID is missing, a sign of corruption.", Permanent),
    e("ErrorMissingRecipients", "The message needs at least one recipient.", Permanent),
    e("ErrorMissingUserIdInformation", "A user ID in the permission set needs an SMTP address or SID.", Permanent),
    e("ErrorMoreThanOneAccessModeSpecified", "Only one access mode (impersonation) header may be given.", Permanent),
    e("ErrorMoveCopyFailed", "The move or copy failed.", Permanent),
    e("ErrorMoveDistinguishedFolder", "Distinguished (well-known) folders cannot be moved.", Permanent),
    e("ErrorMultiLegacyMailboxAccess", "The request tries to reach several legacy mailbox servers at once.", Permanent),
    e("ErrorNameResolutionMultipleResults", "Name resolution matched more than one result.", Permanent),
    e("ErrorNameResolutionNoMailbox", "The caller needs a mailbox for name resolution.", Permanent)
        .with_note("exchangelib re-runs Autodiscover on this code; Microsoft ties it to a caller without a mailbox."),
    e("ErrorNameResolutionNoResults", "Name resolution found nothing.", Permanent)
        .with_note("exchangelib re-runs Autodiscover on this code; as a lookup result it is Permanent."),
    e(
        "ErrorNewChannelConnectionOpened",
        "Another connection was opened on the same channel, replacing this one.",
        Permanent,
    ),
    e(
        "ErrorNewEventStreamConnectionOpened",
        "A second connection was opened for this streaming subscription, ending this one.",
        Permanent,
    ),
    e(
        "ErrorNoApplicableProxyCASServersAvailable",
        "No Client Access server is available to proxy the request; retry later.",
        Transient,
    ),
    e("ErrorNoCalendar", "The mailbox has no calendar folder.", Permanent),
    e(
        "ErrorNoDestinationCASDueToKerberosRequirements",
        "No Client Access server in the mailbox's site meets the Kerberos requirements.",
        Permanent,
    ),
    e(
        "ErrorNoDestinationCASDueToSSLRequirements",
        "No Client Access server in the mailbox's site could be reached over SSL as required.",
        Permanent,
    ),
    e(
        "ErrorNoDestinationCASDueToVersionMismatch",
        "No Client Access server in the mailbox's site runs a matching version.",
        Permanent,
    ),
    e("ErrorNoFolderClassOverride", "FolderClass can only be set when creating a generic folder.", Permanent),
    e("ErrorNoFreeBusyAccess", "The caller has no right to see free/busy data for this calendar.", Permanent),
    e("ErrorNonExistentMailbox", "The mailbox does not exist.", Permanent),
    e("ErrorNonPrimarySmtpAddress", "Use the primary SMTP address; the response gives it.", Permanent),
    e(
        "ErrorNoPropertyTagForCustomProperties",
        "Custom-range MAPI properties must be named by GUID and ID or name, not by tag.",
        Permanent,
    ),
    e(
        "ErrorNoPublicFolderReplicaAvailable",
        "No public folder replica is available; Microsoft says this code is not used.",
        Permanent,
    ),
    e("ErrorNoPublicFolderServerAvailable", "No public folder server is available; retry later.", Transient)
        .with_note("Also returned when the caller has no home public folder server, which waiting does not fix."),
    e(
        "ErrorNoRespondingCASInDestinationSite",
        "No Client Access server in the mailbox's site responded; retry later.",
        Transient,
    ),
    e("ErrorNoSpeechDetected", "Internal: no speech was detected.", Permanent),
    e(
        "ErrorNotAllowedExternalSharingByPolicy",
        "Policy does not allow granting permissions to external users.",
        Permanent,
    ),
    e("ErrorNotDelegate", "The user is not a delegate for the mailbox.", Permanent),
    e(
        "ErrorNotEnoughMemory",
        "The server ran out of memory for the request; redo Autodiscover, then retry later.",
        Transient,
    )
    .with_note("Rediscover: exchangelib re-runs Autodiscover on this code."),
    e("ErrorNotSupportedSharingMessage", "The sharing message is not supported.", Permanent),
    e("ErrorObjectTypeChanged", "The operation would change the object's type, which is not allowed.", Permanent),
    e("ErrorOccurrenceCrossingBoundary", "The changed occurrence overlaps an adjacent occurrence.", Permanent),
    e("ErrorOccurrenceTimeSpanTooBig", "An occurrence overlaps another occurrence of the same series.", Permanent),
    e(
        "ErrorOperationNotAllowedWithPublicFolderRoot",
        "The operation is not allowed on the public folder root.",
        Permanent,
    ),
    e("ErrorOrganizationAccessBlocked", "The tenant is marked for removal.", Permanent),
    e(
        "ErrorOrganizationNotFederated",
        "The organization is not federated, so external sharing is not possible.",
        Permanent,
    ),
    e(
        "ErrorOutlookRuleBlobExists",
        "Another client changed the inbox rules first; read them again before updating.",
        Permanent,
    ),
    e(
        "ErrorParentFolderIdRequired",
        "The parent folder ID is required; Microsoft says this code is not used.",
        Permanent,
    ),
    e("ErrorParentFolderNotFound", "The parent folder was not found.", Permanent),
    e("ErrorPasswordChangeRequired", "The password must be changed before the mailbox can be used.", Permanent),
    e("ErrorPasswordExpired", "The password has expired; change it outside EWS.", Permanent),
    e(
        "ErrorPermissionNotAllowedByPolicy",
        "Policy does not allow this permission level for the external user.",
        Permanent,
    ),
    e("ErrorPhoneNumberNotDialable", "Dialing restrictions prevent calling this number.", Permanent),
    e("ErrorPromptPublishingOperationFailed", "Internal: the custom prompt publishing point failed.", Permanent),
    e(
        "ErrorPropertyUpdate",
        "The update failed because of invalid property values; the response lists them.",
        Permanent,
    ),
    e(
        "ErrorPropertyValidationFailure",
        "A property failed validation; Microsoft says this code is not used.",
        Permanent,
    ),
    e(
        "ErrorProxiedSubscriptionCallFailure",
        "The subscription lives on another Client Access server that could not be reached; retry later.",
        Transient,
    ),
    e("ErrorProxyCallFailed", "EWS could not reach the Client Access server for the request; retry later.", Transient),
    e(
        "ErrorProxyGroupSidLimitExceeded",
        "The caller belongs to too many groups for the request to be proxied.",
        Permanent,
    ),
    e("ErrorProxyRequestNotAllowed", "The proxied request was refused by the other Client Access server.", Permanent),
    e(
        "ErrorProxyRequestProcessingFailed",
        "Proxying the availability request to another server failed; retry later.",
        Transient,
    ),
    e(
        "ErrorProxyServiceDiscoveryFailed",
        "EWS could not find the server for the mailbox; redo Autodiscover, then retry.",
        Transient,
    )
    .with_note("Rediscover: redo Autodiscover for the mailbox, then retry."),
    e("ErrorProxyTokenExpired", "The proxy token has expired; get a new token, then retry once.", Reauth),
    e(
        "ErrorPublicFolderMailboxDiscoveryFailed",
        "The public folder mailbox's URL could not be discovered; redo Autodiscover, then retry.",
        Transient,
    )
    .with_note("Rediscover: redo Autodiscover for the mailbox, then retry."),
    e(
        "ErrorPublicFolderOperationFailed",
        "The public folder operation failed; retry a limited number of times.",
        Transient,
    )
    .with_note("Class from the name."),
    e(
        "ErrorPublicFolderRequestProcessingFailed",
        "The availability request for a public folder recipient could not be processed.",
        Permanent,
    ),
    e("ErrorPublicFolderServerNotFound", "No public folder server was found for the recipient.", Permanent),
    e(
        "ErrorPublicFolderSyncException",
        "The change reached the primary public folder mailbox but not the secondary one; it should sync later.",
        Transient,
    )
    .with_note("The operation itself succeeded on the primary."),
    e("ErrorQueryFilterTooLong", "The search folder's restriction is too long for EWS to return.", Permanent),
    e("ErrorQuotaExceeded", "The mailbox is over its size quota; free space first.", Permanent),
    e("ErrorReadEventsFailed", "Events for the subscription could not be read; create a new subscription.", Permanent),
    e("ErrorReadReceiptNotPending", "No read receipt is pending, so none can be suppressed.", Permanent),
    e("ErrorRecipientNotFound", "Internal: the recipient was not found.", Permanent),
    e("ErrorRecognizerNotInstalled", "Internal: the speech recognizer is not installed.", Permanent),
    e("ErrorRecoverableItemsAccessDenied", "The caller has no access to the Recoverable Items folder.", Permanent)
        .with_note("Known from exchangelib only."),
    e(
        "ErrorRecurrenceEndDateTooBig",
        "The recurrence end date is after the latest allowed date (September 1, 4500).",
        Permanent,
    ),
    e("ErrorRecurrenceHasNoOccurrence", "The recurrence has no occurrence in the range given.", Permanent),
    e("ErrorRemoveDelegatesFailed", "The delegate list could not be saved after removing delegates.", Permanent),
    e("ErrorRequestAborted", "The request was aborted; Microsoft says this code is not used.", Transient),
    e("ErrorRequestStreamTooBig", "The request is larger than allowed (400 KB); send less per call.", Permanent),
    e("ErrorRequiredPropertyMissing", "A required property is missing.", Permanent),
    e(
        "ErrorResolveNamesInvalidFolderType",
        "ResolveNames was given a folder that is not a contacts folder.",
        Permanent,
    ),
    e("ErrorResolveNamesOnlyOneContactsFolderAllowed", "ResolveNames accepts only one contacts folder.", Permanent),
    e(
        "ErrorResponseSchemaValidation",
        "The response failed schema validation; Microsoft says this code is not used.",
        Permanent,
    ),
    e(
        "ErrorRestrictionTooComplex",
        "The restriction or sort order is too complex for EWS to evaluate; simplify it.",
        Permanent,
    ),
    e("ErrorRestrictionTooLong", "The restriction has too many nodes (over 255); simplify it.", Permanent),
    e(
        "ErrorResultSetTooBig",
        "Too many calendar entries for a recipient (over 1000); narrow the time window.",
        Permanent,
    ),
    e("ErrorRulesOverQuota", "The user's inbox rules exceed the rule quota.", Permanent),
    e("ErrorSavedItemFolderNotFound", "The folder to save the item in was not found.", Permanent),
    e(
        "ErrorSchemaValidation",
        "The request does not validate against the schema; the fault gives line and position.",
        Permanent,
    ),
    e(
        "ErrorSearchFolderNotInitialized",
        "The search folder has no search criteria, usually a sign of corruption.",
        Permanent,
    ),
    e("ErrorSearchQueryHasTooManyKeywords", "The mailbox search query has too many keywords.", Permanent),
    e("ErrorSearchTooManyMailboxes", "The mailbox search covers too many mailboxes.", Permanent),
    e("ErrorSendAsDenied", "The account may not send as or on behalf of the mailbox owner.", Permanent),
    e(
        "ErrorSendMeetingCancellationsRequired",
        "DeleteItem on calendar items needs the SendMeetingCancellations attribute.",
        Permanent,
    ),
    e(
        "ErrorSendMeetingInvitationsOrCancellationsRequired",
        "UpdateItem on calendar items needs the SendMeetingInvitationsOrCancellations attribute.",
        Permanent,
    ),
    e(
        "ErrorSendMeetingInvitationsRequired",
        "CreateItem for calendar items needs the SendMeetingInvitations attribute.",
        Permanent,
    ),
    e(
        "ErrorSentMeetingRequestUpdate",
        "A sent meeting request cannot be updated; update the calendar item instead.",
        Permanent,
    ),
    e("ErrorSentTaskRequestUpdate", "A sent task request cannot be updated.", Permanent),
    e(
        "ErrorServerBusy",
        "The server is throttling the caller; wait for BackOffMilliseconds when given, else back off, then retry.",
        Throttled,
    )
    .with_note("A SOAP fault (HTTP 500); MessageXml may hold BackOffMilliseconds, but not always."),
    e(
        "ErrorServiceDiscoveryFailed",
        "EWS could not find the server in the recipient's forest for the availability request; retry later.",
        Transient,
    )
    .with_note("Rediscover-type: the cause is server location, not the request."),
    e("ErrorSharingNoExternalEwsAvailable", "No external EWS URL is configured in the directory.", Permanent),
    e(
        "ErrorSharingSynchronizationFailed",
        "Synchronizing the sharing folder failed, for example because its subscription is gone.",
        Permanent,
    ),
    e("ErrorSpeechGrammarError", "Internal: a speech grammar error occurred.", Permanent),
    e(
        "ErrorStaleObject",
        "The change key is out of date; read the item again and resend with the current key.",
        Permanent,
    ),
    e("ErrorSubmissionQuotaExceeded", "The sender's submission quota is used up; retry later.", Throttled),
    e("ErrorSubscriptionAccessDenied", "Only the account that created the subscription may use it.", Permanent),
    e(
        "ErrorSubscriptionDelegateAccessNotSupported",
        "Subscriptions are not supported through delegate access.",
        Permanent,
    ),
    e(
        "ErrorSubscriptionNotFound",
        "The subscription was not found, for example after it expired; create a new one.",
        Permanent,
    ),
    e(
        "ErrorSubscriptionUnsubscribed",
        "The streaming subscription was unsubscribed while the connection served it.",
        Permanent,
    ),
    e(
        "ErrorSubscriptionUnsubsribed",
        "The subscription was unsubscribed (code spelt this way in Microsoft's list and exchangelib).",
        Permanent,
    ),
    e("ErrorSyncFolderNotFound", "The folder to synchronize was not found.", Permanent),
    e(
        "ErrorTeamMailboxActiveToPendingDelete",
        "The team mailbox is pending deletion; Microsoft says this code is not used.",
        Permanent,
    ),
    e("ErrorTeamMailboxErrorUnknown", "A general error occurred accessing the team mailbox; retry later.", Transient),
    e(
        "ErrorTeamMailboxFailedSendingNotifications",
        "Notifications to the team mailbox owners could not be sent.",
        Permanent,
    ),
    e(
        "ErrorTeamMailboxNotAuthorizedOwner",
        "The caller is not an authorized owner of the team mailbox; Microsoft says this code is not used.",
        Permanent,
    ),
    e("ErrorTeamMailboxNotFound", "The team mailbox was not found.", Permanent),
    e("ErrorTeamMailboxNotLinkedToSharePoint", "The team mailbox is not linked to a SharePoint site.", Permanent),
    e("ErrorTeamMailboxUrlValidationFailed", "The team mailbox's SharePoint link is invalid.", Permanent),
    e(
        "ErrorTimeIntervalTooBig",
        "The time window is larger than allowed (42 days by default); use a shorter one.",
        Permanent,
    ),
    e("ErrorTimeoutExpired", "The request ran out of time before it finished; retry with backoff.", Transient)
        .with_note("If it repeats, reduce the work per request."),
    e("ErrorTimeZone", "The time zone is invalid.", Permanent),
    e("ErrorToFolderNotFound", "The destination folder does not exist.", Permanent),
    e("ErrorTokenSerializationDenied", "The account lacks the right to serialize tokens.", Permanent),
    e(
        "ErrorTooManyObjectsOpened",
        "Too many objects or connections are open on the server; back off before retrying.",
        Throttled,
    )
    .with_note("exchangelib handles it like ErrorServerBusy."),
    e("ErrorUMServerUnavailable", "Internal: the Unified Messaging server is unavailable; retry later.", Transient),
    e(
        "ErrorUnableToGetUserOofSettings",
        "The out-of-office settings could not be read; Microsoft says this code is not used.",
        Permanent,
    ),
    e("ErrorUnableToRemoveImContactFromGroup", "The IM contact could not be removed from the group.", Permanent),
    e("ErrorUnifiedGroupMailboxNotFound", "The Microsoft 365 group mailbox was not found.", Permanent),
    e("ErrorUnifiedMessagingDialPlanNotFound", "The user's dial plan is not available.", Permanent),
    e(
        "ErrorUnifiedMessagingPromptNotFound",
        "Internal: the Unified Messaging custom prompt file was not found.",
        Permanent,
    ),
    e(
        "ErrorUnifiedMessagingReportDataNotFound",
        "Internal: the Unified Messaging call summary data was not found.",
        Permanent,
    ),
    e("ErrorUnifiedMessagingRequestFailed", "The Unified Messaging request failed.", Permanent),
    e(
        "ErrorUnifiedMessagingServerNotFound",
        "No Unified Messaging server could be reached for the dial plan.",
        Permanent,
    ),
    e("ErrorUnsupportedCulture", "The item culture is not supported on this server.", Permanent),
    e("ErrorUnsupportedMapiPropertyType", "The MAPI property type is not supported by EWS.", Permanent),
    e("ErrorUnsupportedMimeConversion", "MIME content is not supported for this item type.", Permanent),
    e("ErrorUnsupportedPathForQuery", "The property cannot be used in this restriction.", Permanent),
    e("ErrorUnsupportedPathForSortGroup", "The property cannot be used to sort or group.", Permanent),
    e(
        "ErrorUnsupportedPropertyDefinition",
        "The property definition is not supported in searches; Microsoft says this code is not used.",
        Permanent,
    ),
    e("ErrorUnsupportedQueryFilter", "The search folder's filter type is not supported by EWS.", Permanent),
    e("ErrorUnsupportedRecurrence", "The recurrence is not supported, for example for tasks.", Permanent),
    e(
        "ErrorUnsupportedSubFilter",
        "The subfilter type is not supported; Microsoft says this code is not used.",
        Permanent,
    ),
    e("ErrorUnsupportedTypeForConversion", "EWS cannot render a stored property type as XML.", Permanent),
    e("ErrorUpdateDelegatesFailed", "The delegate list could not be saved after updating delegates.", Permanent),
    e(
        "ErrorUpdatePropertyMismatch",
        "The property in the change description does not match the one being set.",
        Permanent,
    ),
    e(
        "ErrorUserNotAllowedByPolicy",
        "The sharing policy does not allow sharing with the external user's domain.",
        Permanent,
    ),
    e("ErrorUserNotUnifiedMessagingEnabled", "The user is not enabled for Unified Messaging.", Permanent),
    e("ErrorUserWithoutFederatedProxyAddress", "The user has no SMTP address in a federated domain.", Permanent),
    e(
        "ErrorValueOutOfRange",
        "A value is out of range, such as a calendar view at the minimum or maximum date.",
        Permanent,
    ),
    e("ErrorVirusDetected", "A virus was found in the message.", Permanent),
    e("ErrorVirusMessageDeleted", "The item was deleted by a virus scan.", Permanent),
    e(
        "ErrorVoiceMailNotImplemented",
        "The voice mail folder is not implemented; Microsoft says this code is not used.",
        Permanent,
    ),
    e("ErrorWeatherServiceDisabled", "Internal: the weather service is disabled.", Permanent),
    e(
        "ErrorWebRequestInInvalidState",
        "The web request is in an invalid state; Microsoft says this code is not used.",
        Permanent,
    ),
    e(
        "ErrorWin32InteropError",
        "An internal failure occurred calling unmanaged code; retry a limited number of times.",
        Transient,
    ),
    e(
        "ErrorWorkingHoursSaveFailed",
        "The working hours could not be saved; Microsoft says this code is not used.",
        Permanent,
    ),
    e(
        "ErrorWorkingHoursXmlMalformed",
        "The working hours XML is malformed; Microsoft says this code is not used.",
        Permanent,
    ),
    e(
        "ErrorWrongServerVersion",
        "The request must go to a server of the same version as the mailbox server; redo Autodiscover, then retry.",
        Transient,
    )
    .with_note("Rediscover: class assumes the retry goes to the server Autodiscover returns."),
    e(
        "ErrorWrongServerVersionDelegate",
        "The delegate's and the principal's mailboxes must be on the same server version.",
        Permanent,
    ),
];
