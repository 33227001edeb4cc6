//! VMware vSphere Web Services API (vim25) fault types: the typed fault in
//! a SOAP fault's detail (`<NotAuthenticatedFault xmlns="urn:vim25"
//! xsi:type="NotAuthenticated">`), the code being the type
//! (`NotAuthenticated`).
//!
//! Sources: the fault types and their descriptions (VMware's API reference
//! text) as vmware/govmomi carries them in `vim25/types/types.go`
//! (@d993be43, the doc comment of each type; descriptions cut after two
//! sentences) with the type hierarchy (the embedded base of each type);
//! vmware/pyvmomi @0a0d5e16 `pyVim/connect.py` (the session stub logs in
//! again and retries on exactly one fault, `SESSION_EXCEPTIONS =
//! (vim.fault.NotAuthenticated,)`) and `pyVmomi/SoapAdapter.py` (the type is
//! the detail element's name without its `Fault` suffix, or its
//! `xsi:type`); govmomi `vim25/retry.go` (@0c586025), which retries only
//! temporary network errors and never a fault. Research note
//! `shared/research/vendor-formats-3.md` §8.
//!
//! Rows: 55 (35 permanent, 17 transient, 3 reauth).
//!
//! Retry classes (only `NotAuthenticated` rests on a client's own retry
//! rule; the others are name-based, from the type and its description):
//! - `reauth`: `NotAuthenticated` (pyVmomi's one session fault: log in
//!   again, retry). `InvalidLogin` and its subtype `InvalidClientCertificate`
//!   with a note: the credentials themselves were refused, one retry after
//!   re-reading them, never a loop. `PasswordExpired`, also an `InvalidLogin`,
//!   is `permanent`: no login succeeds until the password is changed.
//! - `transient`: host communication (`HostCommunication` and its subtypes
//!   `HostNotConnected`, `HostNotReachable`; `NoHost`), `SystemError`,
//!   `Timedout`, an object busy with another task (`TaskInProgress`,
//!   `VAppTaskInProgress`), `ConcurrentAccess` (re-read, then retry),
//!   `ResourceInUse`, `FileLocked`, and agents or services not answering
//!   (`ToolsUnavailable`, `GuestOperationsUnavailable`,
//!   `LicenseServerUnavailable`).
//! - `permanent`: the rest: permissions (`NoPermission`; `NotAuthenticated`
//!   is its subtype and is tested first, as a row of its own), invalid
//!   arguments, requests and states, objects not found or already existing,
//!   admission control and capacity (`InsufficientResourcesFault` and its
//!   subtypes), licences, unsupported methods, a cancelled request.
//!
//! Every subtype of a `transient` or `reauth` type in govmomi's hierarchy has
//! a row of its own (`PowerOnFtSecondaryTimedout`, `FilterInUse`,
//! `QuiesceDatastoreIOForHAFailed` as their parents); a type with no row is
//! classed by the fault code, which for vim25's `ServerFaultCode` is a custom
//! code: `permanent`, unless the HTTP status says otherwise.

use super::{Entry, symbol};
use crate::retry::RetryClass::{Permanent, Reauth, Transient};

/// The catalog, by fault type.
pub(crate) const ENTRIES: &[Entry] = &[
    symbol("NotAuthenticated", "Thrown when an operation is denied because the session has not yet successfully logged in.", Reauth),
    symbol("InvalidLogin", "Thrown when a server logon fails due to a bad user name or password.", Reauth).with_note("The user name or password itself was refused: one retry after re-reading credentials, never a loop."),
    symbol("InvalidClientCertificate", "This exception is thrown when a client has provided a certificate that fails certificate validation at the server.", Reauth).with_note("A subtype of InvalidLogin: the certificate itself was refused; never a loop."),
    symbol("PasswordExpired", "Thrown when a server login fails due to expired user password.", Permanent).with_note("A subtype of InvalidLogin, but a new login fails the same way until the password is changed."),
    symbol("NoClientCertificate", "This exception is thrown when a client has connected without supplying a certificate but the associated call expects that the client has done so.", Permanent),
    symbol("NoPermission", "Thrown when an operation is denied because of privileges not held on managed object(s).", Permanent),
    symbol("SecurityError", "Thrown when the client is not allowed access to the property or method.", Permanent),
    symbol("RestrictedVersion", "Thrown when the caller is not permitted to perform the specified operation due to product versioning restrictions.", Permanent),
    symbol("RequestCanceled", "A RequestCanceled fault is thrown if the user canceled the task.", Permanent),
    symbol("SystemError", "Exception type for reporting a low-level operating system error.", Transient),
    symbol("HostCommunication", "A HostCommunication fault is thrown if an error happened while communicating to a host. This would typically be due to network connections or server failures.", Transient),
    symbol("HostNotConnected", "A HostNotConnected fault is thrown if a method needs to communicate with a host that has been disconnected in VirtualCenter.", Transient),
    symbol("HostNotReachable", "A HostNotReachable fault is thrown if the server was unable to communicate with the host", Transient),
    symbol("NoHost", "A NoHostFault fault occurs when a host cannot be reached.", Transient),
    symbol("Timedout", "Timedout exception is thrown when a server abandons an operation that is taking longer than expected.", Transient),
    symbol("PowerOnFtSecondaryTimedout", "PowerOnFtSecondaryTimedout exception is thrown when Virtual Center fails the operation to power on a Fault Tolerance secondary virtual machine because it is taking longer than expected.", Transient).with_note("A subtype of Timedout, classed as it is."),
    symbol("TaskInProgress", "The TaskInProgress data object type represents a fault when an operation tries to access an entity that already has another (long) operation in progress.", Transient),
    symbol("VAppTaskInProgress", "A specialized TaskInProgress when an operation is performed on a VM and it is failed due to a vApp-level operation is in progress.", Transient),
    symbol("ConcurrentAccess", "A ConcurrentAccess fault is thrown when an operation fails because another operation has modified the datastructure.", Transient).with_note("Re-read the object, then retry."),
    symbol("ResourceInUse", "A ResourceInUse fault indicating that some error has occurred because a resource was in use. Information about the resource that is in use may be supplied.", Transient),
    symbol("FilterInUse", "A FilterInUse fault indicates that some error has occurred because an IO filter was in use.", Transient).with_note("A subtype of ResourceInUse, classed as it is."),
    symbol("QuiesceDatastoreIOForHAFailed", "A QuiesceDatastoreIOForHAFailed fault occurs when the HA agent on a host cannot quiesce file activity on a datastore to be unmounted or removed.", Transient).with_note("A subtype of ResourceInUse, classed as it is."),
    symbol("FileLocked", "Thrown if an attempt is made to lock a file that is already in use.", Transient),
    symbol("ToolsUnavailable", "A ToolsUnavailableFault exception is thrown when an operation fails to contact VMware Tools running inside the virtual machine.", Transient),
    symbol("GuestOperationsUnavailable", "A GuestOperationsUnavailable exception is thrown when an operation fails to contact the guest operations agent running inside the virtual machine.", Transient),
    symbol("LicenseServerUnavailable", "This fault is thrown when the License Server is unavailable during an attempt to change license state.", Transient),
    symbol("InvalidState", "An InvalidState fault is thrown if the operation failed due to the current state of the system.", Permanent),
    symbol("InvalidPowerState", "This exception is thrown if the power operation attempted could not be performed given the current power state of the virtual machine.", Permanent),
    symbol("InvalidHostState", "The host has an invalid state.", Permanent),
    symbol("InvalidVmState", "The VM has an invalid state.", Permanent),
    symbol("InsufficientResourcesFault", "Base fault that occurs when an operation conflicts with a resource configuration policy.", Permanent),
    symbol("InsufficientHostCapacityFault", "The host does not have enough capacity for running the virtual machine.", Permanent),
    symbol("InsufficientMemoryResourcesFault", "Memory resource admission control failed", Permanent),
    symbol("InsufficientCpuResourcesFault", "CPU resources admission control failed", Permanent),
    symbol("NoDiskSpace", "This fault is thrown when an operation fails because of insufficient disk space.", Permanent),
    symbol("NotEnoughLicenses", "A NotEnoughLicensesFault occurs when an operation fails because there are not enough licenses installed.", Permanent),
    symbol("InvalidArgument", "An InvalidArgument exception is thrown if the set of arguments passed to the function is not specified correctly.", Permanent),
    symbol("InvalidRequest", "An InvalidRequest fault is thrown in response to a malformed request to the server that fails in the transport layer, e.g., the SOAP XML request was invalid.", Permanent),
    symbol("InvalidType", "InvalidType is thrown when a managed object request refers to an unexpected or unknown type.", Permanent),
    symbol("MethodNotFound", "MethodNotFound is thrown to indicate that a method called on a managed object does not exist.", Permanent),
    symbol("InvalidProperty", "Thrown when an invalid property path has been referenced.", Permanent),
    symbol("InvalidName", "A InvalidName fault is thrown when the name contains an invalid character or format.", Permanent),
    symbol("InvalidLocale", "Thrown when a locale name is unknown or invalid.", Permanent),
    symbol("InvalidPrivilege", "A InvalidPrivilege fault is thrown when the privilege does not exist.", Permanent),
    symbol("InvalidDatastorePath", "An InvalidDatastorePath exception is thrown if a datastore path violates the expected format. The expected format is \"[dsName] path\", e.g. \"[storage1] folder/Vm1.vmdk\".", Permanent),
    symbol("ManagedObjectNotFound", "A ManagedObjectNotFound exception is thrown when a request refers to a managed object that no longer exists or has never existed.", Permanent),
    symbol("NotFound", "A NotFound error occurs when a referenced component of a managed object cannot be found.", Permanent),
    symbol("FileNotFound", "This fault is thrown when an operation fails because the specified file does not exist.", Permanent),
    symbol("UserNotFound", "Thrown when the request refers to a user or group name that could not be resolved.", Permanent),
    symbol("AlreadyExists", "An AlreadyExists fault is thrown when an attempt is made to add an element to a collection, if the element's key, name, or identifier already exists in that collection.", Permanent),
    symbol("DuplicateName", "A DuplicateName exception is thrown because a name already exists in the same name space.", Permanent),
    symbol("FileAlreadyExists", "This fault is thrown when an operation attempts to create a file using the name of an existing file.", Permanent),
    symbol("CannotAccessFile", "This fault is thrown when an operation fails because of insufficient permissions to access a file.", Permanent),
    symbol("NotSupported", "Thrown if the method is not supported on the server. Not all methods are supported on all servers (for example, an ESX Server host supports less functionality than a VirtualCenter server).", Permanent),
    symbol("NotImplemented", "NotImplemented exception is thrown if the method is not yet implemented.", Permanent),
];
