//! Zimbra Collaboration SOAP: a built-in profile (the first, and the model
//! for the vendors whose shape a profile can say).
//!
//! Zimbra answers in the SOAP version of the request: a 1.1 `soap:Client` /
//! `soap:Server` fault or a 1.2 `Sender` / `Receiver` one, whose `detail`
//! holds `<Error xmlns="urn:zimbra">` with the vendor's `Code`
//! (`service.AUTH_EXPIRED`, `mail.NO_SUCH_MSG`, ...), a `Trace` and argument
//! elements `<a n="name" t="type">value</a>` (kept in the error's `detail`).
//! Its JSON transport has the same fault as objects:
//! `{"Body": {"Fault": {"Reason": {"Text": ..}, "Detail": {"Error": {"Code": ..}}}}, "_jsns": "urn:zimbraSoap"}`.
//!
//! Claimed under auto by a fault detail child in `urn:zimbra` (decisive:
//! no other vendor uses the namespace), and a JSON body with Zimbra's
//! `_jsns` member; under `--vendor zimbra` every fault and JSON fault.
//! The code is `Error/Code` (the fault code's local name when the detail
//! has none), the message the fault's `faultstring` / `Reason`, the class
//! the catalog's ([below](#codes-and-retry-classes)), else the fault code's.
//!
//! The profile, as a user would write it in TOML:
//!
//! ```toml
//! vendor = "zimbra"
//! [detect]
//! namespaces = ["urn:zimbra"]
//! json_keys = ["_jsns"]
//! [fault]
//! code = "Error/Code"
//! [[json]]
//! at = "/Body/Fault"
//! code = "Detail/Error/Code"
//! message = "Reason/Text"
//! ```
//!
//! # Auto-detection
//!
//! What auto-detection claims for `zimbra`, beside the other vendors and in
//! their order: [`detection`](crate::detection#zimbra).
//!
//! # Codes and retry classes
//!
#![doc = include_str!("../catalog/zimbra.md")]
#![doc = include_str!("../../docs/catalog/zimbra.md")]

use crate::profile::{FaultSpec, JsonSpec, ProfileSpec};

/// Zimbra's reader: a built-in profile.
pub(crate) struct Zimbra;

super::profile::builtin_profile!(
    Zimbra,
    Zimbra,
    crate::catalog::zimbra::ENTRIES,
    ProfileSpec::new("zimbra")
        .detect_namespace("urn:zimbra")
        .detect_json_key("_jsns")
        .fault(FaultSpec::new().code("Error/Code"))
        .json(JsonSpec::at("/Body/Fault").code("Detail/Error/Code").message("Reason/Text"))
);
