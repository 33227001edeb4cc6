//! USPS Web Tools (the XML APIs behind `ShippingAPI.dll`: Verify,
//! CityStateLookup, ZipCodeLookup, TrackV2, RateV4, IntlRateV2...).
//!
//! - **The whole request failed**: the body is a root `<Error>` (no
//!   namespace) with `Number`, `Source`, `Description`, `HelpFile`,
//!   `HelpContext` (a bad USERID, XML the server could not parse, the test
//!   server's canned answer). One error: code `Number`, message
//!   `Description` (folded to one line), `detail` the `Source` and the other
//!   non-empty children.
//! - **One item failed**: in a reply (`TrackResponse`, `RateV4Response`,
//!   `IntlRateV2Response`, `AddressValidateResponse`,
//!   `CityStateLookupResponse`, `ZipCodeLookupResponse`, ...), an `<Error>`
//!   child of an item (`TrackInfo`, `Package`, `Address`, `ZipCode`) with a
//!   `Number` or a `Description`: an item error, `command` the API
//!   (`Track`, `RateV4`, ...), `index` the item's position among the
//!   reply's children, the item's `ID` attribute in `detail`. The other
//!   items are successes, and the reply is not a failure as a whole.
//! - Not errors: an `Error` element without `Number` and `Description`, any
//!   `Error` deeper in an item (the service-level
//!   `ServiceErrors/ServiceError` of an international rate reply, which
//!   lists services not offered for a package beside those priced), and the
//!   warnings a success carries (`ReturnText` of an address reply, "Default
//!   address: ... more information is needed").
//!
//! **Codes as written**: `Number` is a decimal number (kept as a number:
//! `-2147219401`, `2147219040`) or a hexadecimal `HRESULT` (kept as the
//! text it is, trimmed: `80040B1A`); see the catalog's reasoning
//! ([below](#codes-and-retry-classes)) for why the same failure can come
//! in two forms. A `Description` without a `Number` takes the response's
//! error status as its code, else `error`. The replies come with HTTP 200:
//! a number the catalog lacks is permanent.
//!
//! What auto-detection claims: the reply roots above (no namespace), read
//! by their items' children: a reply whose items hold no `Error` reports
//! nothing. A root `<Error>` with `Number` and `Description` is named USPS's
//! by the generic XML reader (see [`xml`](super::xml)), which reads
//! it with this module. With the `usps` hint: an `<Error>` root (its `Code`
//! and `Message` read when it has no `Number` and `Description`) and any
//! `...Response` root without namespace.
//!
//! UPS's legacy XML also answers with a `TrackResponse` root, whose first
//! child is `Response` with a `ResponseStatusCode`: such a reply is not
//! USPS's; its `Response` is read by the UPS reader (as `ups` errors: a
//! `Hard` or `Transient` error, or a status `0`), whatever the hint that
//! brought it here, since no USPS reply has such a child. (The UPS reader
//! leaves `TrackResponse` to this one: which carrier sent it shows only in
//! its children.)
//!
//! # Auto-detection
//!
//! What auto-detection claims for `usps`, beside the other vendors and in
//! their order: [`detection`](crate::detection#usps).
//!
//! # Codes and retry classes
//!
#![doc = include_str!("../catalog/usps.md")]
#![doc = include_str!("../../docs/catalog/usps.md")]

use crate::catalog::{self, Entry};
use crate::emit::{Emitter, Halt};
use crate::error::VendorError;
use crate::text::collapse_whitespace;
use crate::vendor::{Code, Vendor, VendorHint};
use crate::vendors::table::Reader;
use crate::vendors::xml::{Fields, code_without_one, read_root_error, set_detail};
use crate::vendors::{Ctx, operation_of};
use crate::xml::{Element, Source};

/// The reply roots claimed under auto-detection (the Web Tools APIs whose
/// replies carry item errors).
const REPLY_ROOTS: [&str; 6] = [
    "AddressValidateResponse",
    "CityStateLookupResponse",
    "ZipCodeLookupResponse",
    "TrackResponse",
    "RateV4Response",
    "IntlRateV2Response",
];

/// The error an `Error` element (`fields`) reports, with the item's `ID`
/// when it is an item's; `None` without number or description (nor, for
/// a root read under the hint, code or message).
fn error_of(fields: &Fields, id: Option<&str>, ctx: Ctx<'_>) -> Option<VendorError> {
    let number = fields.number.as_deref().map(str::trim).filter(|n| !n.is_empty());
    let description = fields.description.as_deref().filter(|d| !d.is_empty());
    let (number, description) = match (number, description) {
        (None, None) => (fields.code(), fields.message()),
        shape => shape,
    };
    let code = match number {
        Some(number) => Code::parse(number),
        None => {
            description?;
            code_without_one(ctx)
        }
    };
    let message = description.map(|d| collapse_whitespace(d, ctx.limits.max_message_bytes));
    let truncated = message.as_ref().is_some_and(|m| m.truncated);
    let mut e = ctx.catalog_error(Vendor::Usps, code, message.map(|m| m.text));
    e.truncated |= truncated || fields.truncated;
    let parts = [("ID", id), ("Source", fields.source.as_deref())];
    set_detail(&mut e, &fields.others, &parts, ctx.limits.max_detail_bytes);
    Some(e)
}

/// A root `<Error>` document's error: the whole request failed.
pub(crate) fn root_error(fields: &Fields, ctx: Ctx<'_>) -> Option<VendorError> {
    error_of(fields, None, ctx)
}

/// Reads a reply: each item's `Error` child is an item error.
fn read_reply<S: Source>(mut root: Element<'_, S>, ctx: Ctx<'_>, out: &mut Emitter) -> Result<(), Halt> {
    let command = operation_of(root.local_name()).to_owned();
    let mut index = 0u32;
    let mut ups = false;
    while let Some(item) = root.next_child()? {
        let position = index;
        index = index.saturating_add(1);
        if item.local_name() == "Response" {
            // A `Response` child (UPS's `ResponseStatusCode` and `Error`s)
            // makes the reply UPS's legacy `TrackResponse`, not USPS's: the
            // UPS reader reads it, and nothing else of it is read as USPS
            // items.
            ups = true;
            super::ups::read_status(item, &command, ctx, out)?;
        } else if !ups {
            read_item(item, &command, position, ctx, out)?;
        }
    }
    Ok(())
}

/// Reads one item: its `Error` children with a number or a description.
fn read_item<S: Source>(
    mut item: Element<'_, S>,
    command: &str,
    position: u32,
    ctx: Ctx<'_>,
    out: &mut Emitter,
) -> Result<(), Halt> {
    let id = item.attr("ID").map(|id| collapse_whitespace(&id, ctx.limits.max_detail_bytes).text);
    while let Some(child) = item.next_child()? {
        if child.local_name() != "Error" {
            continue;
        }
        let fields = Fields::read(child, ctx.limits)?;
        if fields.number.is_none() && fields.description.is_none() {
            continue;
        }
        if let Some(mut e) = error_of(&fields, id.as_deref(), ctx) {
            e.command = Some(command.to_owned());
            e.index = Some(position);
            out.push(e)?;
        }
    }
    Ok(())
}

/// Does this reader claim the document element `root`?
fn claims_root<S: Source>(root: &Element<'_, S>, ctx: Ctx<'_>) -> bool {
    if !ctx.may_read(VendorHint::Usps) || root.namespace().is_some() {
        return false;
    }
    let local = root.local_name();
    match ctx.named(VendorHint::Usps) {
        true => local == "Error" || local.ends_with("Response"),
        false => REPLY_ROOTS.contains(&local),
    }
}

/// USPS Web Tools in the vendor table.
pub(crate) struct Usps;

impl Reader for Usps {
    const CATALOG: &'static [Entry] = catalog::usps::ENTRIES;

    fn claims_root<S: Source>(root: &Element<'_, S>, ctx: Ctx<'_>) -> bool {
        claims_root(root, ctx)
    }

    fn read_root<S: Source>(root: Element<'_, S>, ctx: Ctx<'_>, out: &mut Emitter) -> Result<(), Halt> {
        if root.local_name() == "Error" {
            return read_root_error(root, ctx, out, root_error);
        }
        read_reply(root, ctx, out)
    }
}

#[cfg(test)]
mod tests {
    use crate::{Code, Options, RetryClass, Vendor, VendorHint};

    fn errors(body: &str, opts: &Options) -> Vec<crate::VendorError> {
        crate::from_slice(body.as_bytes(), opts).unwrap().errors
    }

    #[test]
    fn codes_are_kept_as_written() {
        let root = |number: &str| format!("<Error><Number> {number} </Number><Description>d</Description></Error>");
        assert_eq!(errors(&root("-2147219401"), &Options::new())[0].code, Code::Num(-2147219401));
        assert_eq!(errors(&root("80040b1a"), &Options::new())[0].code, Code::from("80040b1a"));
        assert_eq!(errors(&root("80040b1a"), &Options::new())[0].retry.class(), RetryClass::Reauth);
        assert_eq!(errors(&root("0x1F"), &Options::new())[0].code, Code::from("0x1F"));
    }

    #[test]
    fn a_description_without_number_is_read_under_the_hint() {
        let body = "<Error><Description>Something failed.</Description></Error>";
        // Under auto it is not USPS's shape (nor the generic one): nothing.
        assert!(crate::from_slice(body.as_bytes(), &Options::new()).unwrap().is_success());
        let e = &errors(body, &Options::new().vendor(VendorHint::Usps))[0];
        assert_eq!((e.vendor, e.code.to_string().as_str()), (Vendor::Usps, "error"));
        let e = &errors(body, &Options::new().status(500).vendor(VendorHint::Usps))[0];
        assert_eq!(e.code, Code::Num(500));
    }

    #[test]
    fn error_elements_that_are_data_are_not_errors() {
        for body in [
            "<TrackResponse><TrackInfo ID='1'><Error/></TrackInfo></TrackResponse>",
            "<TrackResponse><TrackInfo ID='1'><Error><HelpFile/></Error></TrackInfo></TrackResponse>",
            "<RateV4Response><Package ID='0'><Postage><Error><Number>1</Number><Description>d</Description></Error></Postage></Package></RateV4Response>",
            "<RateV4Response><Error><Number>1</Number><Description>d</Description></Error></RateV4Response>",
            "<ExampleResponse><Item><Error><Number>1</Number><Description>d</Description></Error></Item></ExampleResponse>",
        ] {
            assert!(crate::from_slice(body.as_bytes(), &Options::new()).unwrap().is_success(), "{body}");
        }
        // A reply root USPS does not list is read under the hint.
        let body = "<ExampleResponse><Item><Error><Number>1</Number><Description>d</Description></Error></Item></ExampleResponse>";
        assert_eq!(errors(body, &Options::new().vendor(VendorHint::Usps))[0].command.as_deref(), Some("Example"));
    }

    #[test]
    fn a_truncated_reply_keeps_the_item_errors_read() {
        let body = "<TrackResponse><TrackInfo ID='1'><Error><Number>-2147219301</Number><Description>n/a</Description></Error></TrackInfo><TrackInfo ID='2'><Tra";
        let report = crate::from_slice(body.as_bytes(), &Options::new()).unwrap();
        assert_eq!(report.errors.len(), 1);
        assert!(report.errors[0].incomplete && report.incomplete.is_some());
    }

    #[test]
    fn ups_replies_are_not_usps_and_not_successes() {
        let warning = "<TrackResponse><Response><ResponseStatusCode>1</ResponseStatusCode>\
            <Error><ErrorSeverity>Warning</ErrorSeverity><ErrorCode>1</ErrorCode><ErrorDescription>w</ErrorDescription></Error>\
            </Response><Shipment><Error><Number>1</Number><Description>data</Description></Error></Shipment></TrackResponse>";
        assert!(crate::from_slice(warning.as_bytes(), &Options::new()).unwrap().is_success());
        let failed = "<TrackResponse><Response><ResponseStatusCode>0</ResponseStatusCode>\
            <ResponseStatusDescription>Failure</ResponseStatusDescription></Response></TrackResponse>";
        let e = &errors(failed, &Options::new())[0];
        assert_eq!((e.vendor, e.code.to_string().as_str(), e.command.as_deref()), (Vendor::Ups, "Failure", Some("Track")));
        // Under the USPS hint too: it is UPS's all the same.
        assert_eq!(errors(failed, &Options::new().vendor(VendorHint::Usps))[0].vendor, Vendor::Ups);
    }
}
