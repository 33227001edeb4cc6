//! Microsoft Advertising (Bing Ads) SOAP API: a built-in profile for its
//! faults, and a reader of its own for the partial errors of successful
//! responses.
//!
//! Faults: a SOAP 1.1 fault (`s:Server`, HTTP 500 or even 200) whose generic
//! fault string ("Invalid client data. Check the SOAP fault details...")
//! carries a tracking id, and whose `detail` holds one of
//! - `AdApiFaultDetail` in `https://adapi.microsoft.com` (request-level:
//!   authentication, headers, call rates): `Errors/AdApiError` with `Code`,
//!   `ErrorCode`, `Message`;
//! - `ApiFaultDetail` (Campaign Management, Bulk, Reporting, Ad Insight) or
//!   `EditorialApiFaultDetail` in the service's namespace
//!   (`https://bingads.microsoft.com/CampaignManagement/v13`): `OperationErrors/OperationError`,
//!   `BatchErrors/BatchError` (with the request item's `Index`),
//!   `EditorialErrors/EditorialError`;
//! - `ApiFault` / `ApiBatchFault` in `https://bingads.microsoft.com/Customer/v13/Exception`
//!   (Customer Management and Billing): the same errors without `ErrorCode`.
//!
//! Claimed under auto by a detail child in `https://adapi.microsoft.com` or
//! any `https://bingads.microsoft.com/` namespace; under `--vendor bingads`
//! every fault. The code is the numeric `Code` of the first error, looked
//! for in this order: `AdApiError`, `OperationError` (the whole operation
//! failed), `BatchError`, `EditorialError`; its `Message` is the message
//! (else the fault string), its `ErrorCode` the name when the catalog has
//! none; the other errors stay in the error's `detail`.
//! The class is the catalog's; a code with no row is `permanent`, not the
//! fault code's class (the service sends `s:Server` for refused credentials
//! too): so this reader is the profile's `read_fault` followed by that one
//! decision.
//!
//! Partial errors (not a profile: the index is the error's own `Index`, the
//! request item's position, which a profile's `[[element]]` rule cannot
//! read): a method response in a `https://bingads.microsoft.com/` namespace
//! (`AddKeywordsResponse`) is a success whose `PartialErrors/BatchError`
//! entries are the items that failed: each is one error with `command` the
//! operation (`AddKeywords`), `index` its `Index`, its `ErrorCode` the name
//! when the catalog has none, its class the catalog's (else `permanent`),
//! its fields in `detail`; the call itself did not
//! fail, so these are item errors, as Salesforce's per-record errors are.
//! `NestedPartialErrors/BatchErrorCollection` gives its own error (when it
//! has a `Code`) and one per nested `BatchErrors/BatchError`, all with the
//! collection's `Index` (the nested error's own `Index` stays in `detail`).
//! An empty or nil `PartialErrors` is a success. The format has no warnings.
//!
//! The fault profile, as a user would write it in TOML:
//!
//! ```toml
//! vendor = "bingads"
//! [detect]
//! namespaces = ["https://adapi.microsoft.com", "https://bingads.microsoft.com/*"]
//! [fault]
//! code = ["AdApiError/Code", "OperationError/Code", "BatchError/Code", "EditorialError/Code"]
//! message = ["AdApiError/Message", "OperationError/Message", "BatchError/Message", "EditorialError/Message"]
//! ```
//!
//! # Auto-detection
//!
//! What auto-detection claims for `bingads`, beside the other vendors and in
//! their order: [`detection`](crate::detection#bingads).
//!
//! # Codes and retry classes
//!
#![doc = include_str!("../catalog/bingads.md")]
#![doc = include_str!("../../docs/catalog/bingads.md")]

use crate::catalog::{self, Entry};
use crate::emit::{Emitter, Halt, Pending};
use crate::error::VendorError;
use crate::profile::{FaultSpec, ProfileSpec};
use crate::retry::{self, Evidence, RetryClass};
use crate::soap::Fault;
use crate::vendor::{Code, Vendor, VendorHint};
use crate::vendors::profile::{BuiltinProfile, compile};
use crate::vendors::table::Reader;
use crate::vendors::{Ctx, operation_of};
use crate::xml::{Element, Leaves, Source};

/// The request-level faults' namespace.
const AD_API_NS: &str = "https://adapi.microsoft.com";
/// The services' namespaces start so.
const SERVICES_NS: &str = "https://bingads.microsoft.com/";

/// Most leaves read from one batch error.
const MAX_LEAVES: usize = 32;

/// The error objects of a fault's detail, in the order their code is
/// looked for: request-level, whole operation, batch item, editorial.
const ERROR_KINDS: [&str; 4] = ["AdApiError", "OperationError", "BatchError", "EditorialError"];

/// `part` of each error kind, in [`ERROR_KINDS`] order (`AdApiError/Code`, ...).
fn paths(part: &str) -> Vec<String> {
    ERROR_KINDS.iter().map(|kind| format!("{kind}/{part}")).collect()
}

/// The fault profile: what it claims and where the code and message are.
fn spec() -> ProfileSpec {
    ProfileSpec::new("bingads")
        .detect_namespace(AD_API_NS)
        .detect_namespace(format!("{SERVICES_NS}*"))
        .fault(FaultSpec::new().code(paths("Code")).message(paths("Message")))
}

/// The `ErrorCode` of the error whose `Code` the profile takes (the first
/// kind with a code), when the body gives one. Allocates only for the name
/// it returns: it runs on every fault, claimed or not.
fn symbol_in(detail: &Leaves) -> Option<String> {
    let has_code = |kind: &str| detail.items().any(|l| at(l.path, kind, "Code") && !l.text.trim().is_empty());
    let kind = ERROR_KINDS.into_iter().find(|k| has_code(k))?;
    let symbol = detail.items().find(|l| at(l.path, kind, "ErrorCode"))?.text.trim();
    (!symbol.is_empty()).then(|| symbol.to_owned())
}

/// Does a leaf path end with the segments `kind/part`?
fn at(path: &str, kind: &str, part: &str) -> bool {
    let Some(head) = path.strip_suffix(part).and_then(|h| h.strip_suffix('/')) else { return false };
    head.strip_suffix(kind).is_some_and(|rest| rest.is_empty() || rest.ends_with('/'))
}

/// The vendor's fault rules, as a profile.
static PROFILE: BuiltinProfile = BuiltinProfile::new(Vendor::BingAds, VendorHint::BingAds, || compile(&spec()));

/// Should this SOAP body item be read for partial errors?
fn claims_item<S: Source>(item: &Element<'_, S>, ctx: Ctx<'_>) -> bool {
    ctx.named(VendorHint::BingAds)
        || ctx.may_read(VendorHint::BingAds) && item.namespace().is_some_and(|ns| ns.starts_with(SERVICES_NS))
}

/// Reads a method response: its `PartialErrors` and `NestedPartialErrors`.
fn read_response<S: Source>(mut item: Element<'_, S>, ctx: Ctx<'_>, out: &mut Emitter) -> Result<(), Halt> {
    let command = operation_of(item.local_name()).to_owned();
    while let Some(mut child) = item.next_child()? {
        match child.local_name() {
            "PartialErrors" => {
                while let Some(error) = child.next_child()? {
                    if error.local_name() == "BatchError" {
                        let leaves = error.leaves(MAX_LEAVES, ctx.limits.max_message_bytes)?;
                        let index = index_of(&leaves);
                        if let Some(e) = batch_error(&leaves, &command, index, ctx) {
                            out.push(e)?;
                        }
                    }
                }
            }
            "NestedPartialErrors" => {
                while let Some(collection) = child.next_child()? {
                    if collection.local_name() == "BatchErrorCollection" {
                        read_collection(collection, &command, ctx, out)?;
                    }
                }
            }
            // The results themselves (ids, entities): skipped unread.
            _ => {}
        }
    }
    Ok(())
}

/// A `BatchErrorCollection`: its own error when it has a code, then its
/// nested errors, all at the collection's `Index`, which the schema puts
/// after the nested list: they wait for it (at most `max_errors` of them;
/// past that they are counted, with their classes).
fn read_collection<S: Source>(
    mut collection: Element<'_, S>,
    command: &str,
    ctx: Ctx<'_>,
    out: &mut Emitter,
) -> Result<(), Halt> {
    let max = ctx.limits.max_message_bytes;
    let mut nested: Vec<Leaves> = Vec::new();
    let mut overflow = Pending::new(0);
    let mut own = Leaves::default();
    while let Some(mut part) = collection.next_child()? {
        if part.local_name() == "BatchErrors" {
            while let Some(error) = part.next_child()? {
                if error.local_name() != "BatchError" {
                    continue;
                }
                let leaves = error.leaves(MAX_LEAVES, max)?;
                if nested.len() < ctx.limits.max_errors {
                    nested.push(leaves);
                } else if let Some(e) = batch_error(&leaves, command, None, ctx) {
                    overflow.push(e);
                }
            }
        } else {
            // The collection's own parts: text-only elements, kept as leaves.
            let name = part.local_name().to_owned();
            let text = part.text(max)?;
            let mut leaf = own.open(&name, max);
            own.push_text(&mut leaf, &text.text);
            own.close(leaf, MAX_LEAVES);
            own.truncated |= text.truncated;
        }
    }
    let index = index_of(&own);
    if let Some(e) = batch_error(&own, command, index, ctx) {
        out.push(e)?;
    }
    for leaves in &nested {
        if let Some(e) = batch_error(leaves, command, index, ctx) {
            out.push(e)?;
        }
    }
    out.push_pending(overflow)?;
    Ok(())
}

/// The `Index` of a batch error.
fn index_of(leaves: &Leaves) -> Option<u32> {
    leaves.at("Index").and_then(|i| i.trim().parse().ok())
}

/// One batch error from its leaves: `None` without a code or message.
fn batch_error(leaves: &Leaves, command: &str, index: Option<u32>, ctx: Ctx<'_>) -> Option<VendorError> {
    let code = leaves.at("Code").map(str::trim).filter(|c| !c.is_empty());
    let message = leaves.at("Message").map(str::trim).filter(|m| !m.is_empty()).map(str::to_owned);
    let code = match (code, &message) {
        (Some(code), _) => Code::parse(code),
        (None, Some(_)) => Code::text("unknown"),
        (None, None) => return None,
    };
    let mut e = error_with_fallback(code, message, ctx, ctx.evidence());
    if e.name.is_none() {
        e.name = leaves.at("ErrorCode").map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned);
    }
    e.command = Some(command.to_owned());
    e.index = index;
    let detail = leaves.render(ctx.limits.max_detail_bytes);
    e.truncated |= leaves.truncated || detail.truncated;
    e.detail = Some(detail.text).filter(|d| !d.is_empty());
    Some(e)
}

/// An error of this vendor: the catalog's class, `permanent` for a code
/// with no row.
fn error_with_fallback(code: Code, message: Option<String>, ctx: Ctx<'_>, evidence: Evidence<'_>) -> VendorError {
    let evidence = Evidence { catalog: Some(RetryClass::Permanent), ..evidence };
    ctx.catalog_error_with(Vendor::BingAds, code, message, evidence)
}

/// Microsoft Advertising in the vendor table.
pub(crate) struct BingAds;

impl Reader for BingAds {
    const CATALOG: &'static [Entry] = catalog::bingads::ENTRIES;

    fn builtin_profile() -> Option<&'static BuiltinProfile> {
        Some(&PROFILE)
    }

    fn read_fault(fault: &mut Fault, ctx: Ctx<'_>) -> Option<VendorError> {
        if !PROFILE.claims_fault(fault, ctx) {
            return None;
        }
        // Read before the profile takes the fault.
        let symbol = symbol_in(&fault.detail);
        let mut e = PROFILE.read_fault(fault, ctx)?;
        if catalog::entry(Vendor::BingAds, &e.code).is_none() {
            e.retry = retry::decide(&Evidence { catalog: Some(RetryClass::Permanent), ..ctx.evidence() });
        }
        if e.name.is_none() {
            e.name = symbol;
        }
        Some(e)
    }

    fn claims_item<S: Source>(item: &Element<'_, S>, ctx: Ctx<'_>) -> bool {
        claims_item(item, ctx)
    }

    fn read_item<S: Source>(item: Element<'_, S>, ctx: Ctx<'_>, out: &mut Emitter) -> Result<(), Halt> {
        read_response(item, ctx, out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Limits, Options, Retry};

    #[test]
    fn the_profile_compiles() {
        if let Err(e) = crate::profile::builtin_rules(&spec()) {
            panic!("the bingads profile does not compile: {e}");
        }
    }

    fn response(ns: &str, errors: &str) -> String {
        format!(
            r#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>
            <AddAdsResponse xmlns="{ns}"><AdIds/><PartialErrors>{errors}</PartialErrors></AddAdsResponse>
            </s:Body></s:Envelope>"#
        )
    }

    const CM: &str = "https://bingads.microsoft.com/CampaignManagement/v13";

    fn read(body: &str, opts: &Options) -> crate::Report {
        crate::from_slice(body.as_bytes(), opts).unwrap()
    }

    #[test]
    fn batch_errors_without_code_or_message() {
        let body = response(
            CM,
            "<BatchError><Index>4</Index><Message>Only a message.</Message></BatchError>\
             <BatchError><Index>5</Index></BatchError>\
             <BatchError><Code>1100</Code></BatchError>",
        );
        let errors = read(&body, &Options::new()).errors;
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert_eq!((errors[0].code.to_string(), errors[0].index), ("unknown".to_owned(), Some(4)));
        assert_eq!((errors[0].message.as_str(), errors[0].retry), ("Only a message.", Retry::Permanent));
        // No message: the catalog's description; no Index: no index.
        assert_eq!((&errors[1].code, errors[1].index), (&Code::Num(1100), None));
        assert_eq!(errors[1].message, "The campaign identifier is not valid.");
        assert_eq!(errors[1].command.as_deref(), Some("AddAds"));
    }

    #[test]
    fn partial_errors_elsewhere_are_data_unless_the_hint_says() {
        let errors = "<BatchError><Code>1100</Code><Index>0</Index></BatchError>";
        let other = response("urn:other", errors);
        assert!(read(&other, &Options::new()).errors.is_empty());
        let hinted = read(&other, &Options::new().vendor(VendorHint::BingAds)).errors;
        assert_eq!((hinted.len(), hinted[0].vendor), (1, Vendor::BingAds));
        // An element other than BatchError in the list, and errors elsewhere in the response: not read.
        let odd = format!(
            r#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><GetAdsResponse xmlns="{CM}">
            <Ads><Ad><PartialErrors><BatchError><Code>1</Code></BatchError></PartialErrors></Ad></Ads>
            <PartialErrors><Note>x</Note></PartialErrors></GetAdsResponse></s:Body></s:Envelope>"#
        );
        assert!(read(&odd, &Options::new()).errors.is_empty());
    }

    #[test]
    fn nested_errors_past_the_limit_are_counted() {
        let nested = "<BatchError><Code>117</Code><Index>0</Index></BatchError>".repeat(3);
        let body = format!(
            r#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><AddNegativeKeywordsToEntitiesResponse xmlns="{CM}">
            <NestedPartialErrors><BatchErrorCollection><BatchErrors>{nested}</BatchErrors><Index>7</Index></BatchErrorCollection></NestedPartialErrors>
            </AddNegativeKeywordsToEntitiesResponse></s:Body></s:Envelope>"#
        );
        let report = read(&body, &Options::new().limits(Limits { max_errors: 2, ..Limits::default() }));
        assert_eq!((report.errors.len(), report.omitted), (2, 1));
        assert!(report.errors.iter().all(|e| e.index == Some(7)));
        assert_eq!(report.omitted_retry.map(|r| r.class()), Some(RetryClass::Throttled));
    }

    #[test]
    fn a_body_cut_inside_the_partial_errors_keeps_what_was_read() {
        let full = response(
            CM,
            "<BatchError><Code>1100</Code><Index>0</Index></BatchError><BatchError><Code>1201</Code><Index>1</Index></BatchError>",
        );
        let cut = &full[..full.find("<Index>1").unwrap()];
        let outcome = crate::from_slice(cut.as_bytes(), &Options::new());
        let report = outcome.unwrap_or_else(|e| panic!("{e}"));
        assert!(report.incomplete.is_some());
        assert_eq!(report.errors.len(), 1, "{:?}", report.errors);
        assert_eq!((report.errors[0].code.clone(), report.errors[0].incomplete), (Code::Num(1100), true));
    }

    #[test]
    fn a_fault_cut_after_its_batch_errors_is_unsettled() {
        // The profile's code paths go AdApiError, OperationError, BatchError:
        // read whole, the OperationError's 117 (throttled) wins over the
        // BatchError's 1201 (permanent) before it.
        let body = r#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault>
            <faultcode>s:Server</faultcode><faultstring>Invalid client data.</faultstring><detail>
            <ApiFaultDetail xmlns="https://bingads.microsoft.com/CampaignManagement/v13">
            <TrackingId xmlns="https://adapi.microsoft.com">t-1</TrackingId>
            <BatchErrors><BatchError><Code>1201</Code><Index>0</Index></BatchError></BatchErrors>
            <OperationErrors><OperationError><Code>117</Code><Message>Slow down.</Message></OperationError></OperationErrors>
            </ApiFaultDetail></detail></s:Fault></s:Body></s:Envelope>"#;
        let whole = read(body, &Options::new().status(500)).errors.remove(0);
        assert_eq!((whole.code.clone(), whole.retry.class()), (Code::Num(117), RetryClass::Throttled));
        // Cut between the two: 1201, read whole, is still no settled code, as
        // the rest would replace it; the reading is the generic one, transient.
        let cut = &body[..body.find("<OperationErrors>").unwrap()];
        let report = read(cut, &Options::new().status(500));
        let e = &report.errors[0];
        assert!(report.incomplete.is_some() && e.incomplete);
        assert_eq!((e.vendor, e.retry.class()), (Vendor::Soap, RetryClass::Transient), "{e:?}");
        // Under its own hint the vendor stands, the class is still unsettled.
        let e = read(cut, &Options::new().status(500).vendor(VendorHint::BingAds)).errors.remove(0);
        assert_eq!((e.vendor, e.retry.class()), (Vendor::BingAds, RetryClass::Transient), "{e:?}");
        // Cut after the first path's code: settled, whatever follows.
        let settled = body.replace("<OperationErrors>", "<AdApiError><Code>105</Code></AdApiError><OperationErrors>");
        let cut = &settled[..settled.find("<OperationErrors>").unwrap()];
        let e = read(cut, &Options::new().status(500)).errors.remove(0);
        assert_eq!((e.vendor, e.code.clone()), (Vendor::BingAds, Code::Num(105)), "{e:?}");
    }

    #[test]
    fn fault_names_come_from_the_body_when_the_catalog_has_none() {
        let body = r#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault>
            <faultcode>s:Server</faultcode><faultstring>Invalid client data.</faultstring><detail>
            <ApiFaultDetail xmlns="https://bingads.microsoft.com/Reporting/v13"><BatchErrors><BatchError>
            <Code>2099</Code><ErrorCode>SomethingNew</ErrorCode><Index>0</Index></BatchError></BatchErrors>
            </ApiFaultDetail></detail></s:Fault></s:Body></s:Envelope>"#;
        let e = read(body, &Options::new().status(500)).errors.remove(0);
        assert_eq!((e.code, e.name.as_deref(), e.retry), (Code::Num(2099), Some("SomethingNew"), Retry::Permanent));
        // No code anywhere in the detail: the fault code, as any profile.
        let bare = body.replace("<Code>2099</Code>", "");
        let e = read(&bare, &Options::new().status(500)).errors.remove(0);
        assert_eq!((e.vendor, e.code.to_string(), e.name), (Vendor::BingAds, "Server".to_owned(), None));
        assert_eq!(e.message, "Invalid client data.");
    }
}
