//! UPS: the legacy XML APIs' `Response/Error`, SOAP faults of the web
//! services (`Errors/ErrorDetail`), and REST JSON `response.errors`.
//!
//! The legacy XML APIs answer with a `<Call>Response` root without namespace
//! whose `Response` holds `ResponseStatusCode` (`1` success, `0` failure),
//! `ResponseStatusDescription` and, on failure (and for warnings), `Error`s:
//! `ErrorSeverity` (`Hard`, `Transient`, `Warning`), `ErrorCode`,
//! `ErrorDescription`, `MinimumRetrySeconds`, `ErrorLocation`, `ErrorDigest`
//! (UPS's XML schema; Shopify/active_shipping's UPS carrier, commit 323470ac,
//! succeeds on `ResponseStatusCode` 1). UPS defines the severities: a
//! `Transient` error is temporary ("the request may be issued successfully at
//! a later time"), a `Hard` one must not be resubmitted until fixed, a
//! `Warning` accompanies a success (UPS, "Introduction to the UPS Developer
//! Kit", "Error Responses"). So an `Error` is an error when its severity is
//! `Hard` or `Transient` (without a severity: unless the status said
//! success); a `ResponseStatusCode` 0 with no such `Error` is still reported
//! (its first `Error`'s code and text when there is one, else the code
//! `Failure`). The class is the catalog's, else the severity's (`Transient`
//! transient, `Hard` permanent); `MinimumRetrySeconds` is the delay;
//! `ErrorLocation` and `ErrorDigest` go to `detail`; `command` is the call
//! (`RatingServiceSelection`).
//!
//! This part is hand-written, not a profile: the severity chooses the class
//! of a code the catalog does not know, and the status code gates. The SOAP
//! faults and the REST JSON fit a profile and are read by one
//! ([`PROFILE`]): a fault whose detail holds
//! `Errors/ErrorDetail/PrimaryErrorCode/{Code, Description}` in
//! `http://www.ups.com/XMLSchema/XOLTWS/Error/v1.1` (its
//! `MinimumRetrySeconds` the delay; the class the catalog's, else the fault
//! code's); `{"response": {"errors": [{"code", "message"}]}}`.
//!
//! Claimed under auto: a fault with a detail child in a
//! `http://www.ups.com/XMLSchema/XOLTWS/` namespace; a document element
//! without namespace named as one of UPS's legacy responses that no other
//! vendor uses ([`ROOTS`]). `TrackResponse` is not among them: USPS Web Tools
//! answers tracking with a root of the same name, and which of the two it is
//! shows only in its children (`Response/ResponseStatusCode` for UPS,
//! `TrackInfo` for USPS), so that root is left to whoever reads both
//! ([`read_root`] reads a UPS one). The REST JSON is read only under the
//! hint: its `response` member is too common a name to claim a body by.
//! Under `--vendor ups`: every document element and SOAP body item (as a
//! legacy response), every fault, every JSON body.

use std::time::Duration;

use crate::emit::{Emitter, Halt};
use crate::error::VendorError;
use crate::profile::{FaultSpec, JsonSpec, ProfileSpec};
use crate::retry::{Evidence, RetryClass};
use crate::soap::{self, Fault};
use crate::text::CappedString;
use crate::vendor::{Code, Vendor, VendorHint};
use crate::vendors::profile::{BuiltinProfile, compile};
use crate::vendors::table::Reader;
use crate::vendors::{Ctx, operation_of};
use crate::xml::{Element, Leaves, Source};

/// The legacy responses claimed by name under auto: those of UPS's XML APIs
/// in active_shipping's fixtures, all UPS's own.
pub(crate) const ROOTS: &[&str] = &[
    "AddressValidationResponse",
    "RatingServiceSelectionResponse",
    "ShipmentAcceptResponse",
    "ShipmentConfirmResponse",
    "TimeInTransitResponse",
    "VoidShipmentResponse",
];

/// Most leaves read from one `Error`.
const MAX_LEAVES: usize = 32;

/// UPS's reader: legacy XML by hand, faults and JSON by a profile.
pub(crate) struct Ups;

/// The web services' faults and the REST JSON, as a profile.
fn spec() -> ProfileSpec {
    ProfileSpec::new("ups")
        .detect_namespace("http://www.ups.com/XMLSchema/XOLTWS/*")
        .fault(
            FaultSpec::new()
                .code("ErrorDetail/PrimaryErrorCode/Code")
                .message("ErrorDetail/PrimaryErrorCode/Description")
                .retry_after_secs("ErrorDetail/MinimumRetrySeconds"),
        )
        .json(JsonSpec::at("/response/errors/*").code("code").message("message"))
}

/// UPS's faults and REST JSON, as a profile.
pub(crate) static PROFILE: BuiltinProfile = BuiltinProfile::new(Vendor::Ups, VendorHint::Ups, || compile(&spec()));

/// Is this document element a UPS legacy response?
fn claims_root<S: Source>(root: &Element<'_, S>, ctx: Ctx<'_>) -> bool {
    ctx.named(VendorHint::Ups)
        || ctx.may_read(VendorHint::Ups) && root.namespace().is_none() && ROOTS.contains(&root.local_name())
}

/// Reads a UPS legacy response (a document element such as
/// `RatingServiceSelectionResponse` or UPS's `TrackResponse`): its
/// `Response`'s status and errors. See the module docs.
pub(crate) fn read_root<S: Source>(mut root: Element<'_, S>, ctx: Ctx<'_>, out: &mut Emitter) -> Result<(), Halt> {
    let command = operation_of(root.local_name()).to_owned();
    while let Some(child) = root.next_child()? {
        if soap::is_soap(&child, "Fault") {
            soap::read_fault_salvaging(child, ctx.limits, out, |fault| super::fault_error(fault, ctx))?;
        } else if child.local_name() == "Response" {
            read_status(child, &command, ctx, out)?;
        }
    }
    Ok(())
}

/// What the status of a `Response` said.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    Unknown,
    Success,
    Failure,
}

/// Reads a legacy response's `Response` element, for the call `command`.
pub(crate) fn read_status<S: Source>(
    mut response: Element<'_, S>,
    command: &str,
    ctx: Ctx<'_>,
    out: &mut Emitter,
) -> Result<(), Halt> {
    let max = ctx.limits.max_message_bytes;
    let (mut status, mut description) = (Status::Unknown, None);
    let mut reported = false;
    let mut first: Option<(Code, Option<String>)> = None;
    while let Some(child) = response.next_child()? {
        match child.local_name() {
            "ResponseStatusCode" => {
                status = match child.text(16)?.text.trim() {
                    "1" => Status::Success,
                    "0" => Status::Failure,
                    _ => Status::Unknown,
                };
            }
            "ResponseStatusDescription" => description = Some(child.text(max)?.text),
            "Error" => {
                let leaves = child.leaves(MAX_LEAVES, max)?;
                let Some(error) = read_error(&leaves, status, ctx) else { continue };
                if first.is_none() {
                    first = Some((error.code.clone(), error.message.clone()));
                }
                if error.is_error {
                    let mut e = error_of(error, &leaves, ctx);
                    e.command = Some(command.to_owned());
                    reported = true;
                    out.push(e)?;
                }
            }
            _ => {}
        }
    }
    if status == Status::Failure && !reported {
        let (code, message) = first.unwrap_or_else(|| {
            let said = description.as_deref().map(str::trim).filter(|d| !d.is_empty()).unwrap_or("Failure");
            let text = format!("ups {command}: ResponseStatusCode 0 ({said}) without an error");
            (Code::from("Failure"), Some(crate::text::collapse_whitespace(&text, max).text))
        });
        let mut e = ctx.catalog_error(Vendor::Ups, code, message);
        e.command = Some(command.to_owned());
        out.push(e)?;
    }
    Ok(())
}

/// One `Error` as read.
struct UpsError {
    code: Code,
    message: Option<String>,
    is_error: bool,
    class: Option<RetryClass>,
    delay: Option<Duration>,
}

/// Reads an `Error`'s leaves: `None` without code or description.
fn read_error(leaves: &Leaves, status: Status, _ctx: Ctx<'_>) -> Option<UpsError> {
    let text = |name: &str| leaves.named(name).map(str::trim).filter(|t| !t.is_empty());
    let message = text("ErrorDescription").map(str::to_owned);
    let code = text("ErrorCode").map(Code::parse).or_else(|| message.is_some().then(|| Code::from("unknown")))?;
    let severity = text("ErrorSeverity");
    let is_error = match severity {
        Some(s) => s.eq_ignore_ascii_case("Hard") || s.eq_ignore_ascii_case("Transient"),
        None => status != Status::Success,
    };
    let class = match severity {
        Some(s) if s.eq_ignore_ascii_case("Transient") => Some(RetryClass::Transient),
        Some(s) if s.eq_ignore_ascii_case("Hard") => Some(RetryClass::Permanent),
        _ => None,
    };
    let delay = text("MinimumRetrySeconds").and_then(|s| s.parse::<u64>().ok()).map(Duration::from_secs);
    Some(UpsError { code, message, is_error, class, delay })
}

/// The error an `Error` gives: class and delay, and its location and digest in `detail`.
fn error_of(error: UpsError, leaves: &Leaves, ctx: Ctx<'_>) -> VendorError {
    let evidence = Evidence { catalog: error.class, backoff: error.delay, ..ctx.evidence() };
    let mut e = ctx.catalog_error_with(Vendor::Ups, error.code, error.message, evidence);
    let mut detail = CappedString::new(ctx.limits.max_detail_bytes);
    let mut any = false;
    for leaf in leaves.items().filter(|l| l.path.starts_with("ErrorLocation") || l.path.starts_with("ErrorDigest")) {
        if any {
            detail.push("; ");
        }
        detail.push(leaf.path);
        detail.push(": ");
        detail.push_words(leaf.text);
        any = true;
    }
    let detail = detail.finish();
    if any {
        e.detail = Some(detail.text);
        e.truncated |= detail.truncated;
    }
    e.truncated |= leaves.truncated;
    e
}

impl Reader for Ups {
    const CATALOG: &'static [crate::catalog::Entry] = crate::catalog::ups::ENTRIES;

    fn read_fault(fault: &mut Fault, ctx: Ctx<'_>) -> Option<VendorError> {
        PROFILE.read_fault(fault, ctx)
    }

    fn claims_root<S: Source>(root: &Element<'_, S>, ctx: Ctx<'_>) -> bool {
        claims_root(root, ctx)
    }

    fn read_root<S: Source>(root: Element<'_, S>, ctx: Ctx<'_>, out: &mut Emitter) -> Result<(), Halt> {
        read_root(root, ctx, out)
    }

    fn claims_item<S: Source>(_item: &Element<'_, S>, ctx: Ctx<'_>) -> bool {
        ctx.named(VendorHint::Ups)
    }

    fn read_item<S: Source>(item: Element<'_, S>, ctx: Ctx<'_>, out: &mut Emitter) -> Result<(), Halt> {
        read_root(item, ctx, out)
    }

    fn read_json(body: &serde_json::Value, ctx: Ctx<'_>, out: &mut Emitter) -> Result<bool, crate::emit::Stopped> {
        PROFILE.read_json(body, ctx, out)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_profile_compiles() {
        crate::profile::builtin_rules(&super::spec()).unwrap();
    }
}
