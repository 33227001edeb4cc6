//! Generic XML error documents (vendor `xml`): a document whose **root** is
//! an error container in one of the common shapes, read even from a vendor
//! no reader knows. The last row of the vendor table: it reads only what
//! every reader before it left.
//!
//! The shapes (local names; `Code`/`code` and `Message`/`message` either way):
//!
//! 1. `Error` (or `error`) with a `Code` and a `Message` child: one error.
//! 2. `ErrorResponse` with `Error` children, each with a `Code` and a
//!    `Message` (and maybe a `Type`): one error each; a `RequestId` beside
//!    them goes into each error's `detail`.
//! 3. `Response` with an `Errors` child whose `Error` children each have a
//!    `Code` and a `Message`: one error each, `index` its position among
//!    them; a `RequestID` beside `Errors` goes into `detail`.
//! 4. `Errors` (or `errors`) with `Error` (or `error`) children, each with a
//!    `Code` and a `Message`: one error each, `index` its position. (A bare
//!    `Errors` root is claimed first by the Salesforce reader, which reports
//!    such entries as this reader would.)
//!
//! The root is decided by its children, never by its name alone: a root of
//! one of these names whose entries lack a code or a message reports
//! nothing (with the `xml` hint, a code or a message is enough; the missing
//! code is then the response's error status, else the literal `error`). An
//! `Error` nested anywhere below another root is data, never an error.
//!
//! Code: the `Code` text (a decimal number stays a number); message: the
//! `Message` text; `detail`: the entry's other children as `Name: text`,
//! then the request id. Class: the response status's (`429` throttled,
//! `503` transient, `400` permanent...), with no error status permanent —
//! the shape carries no meaning of its own. With a status of 400 or more
//! these errors stand in place of the bare `http` error the status alone
//! would give (and keep the status in `http_status`).
//!
//! **Who sent it.** Under auto-detection a document no reader claimed by
//! namespace or header is named here by what its children show, and read
//! with that vendor's catalog: an `Error` root without namespace holding
//! `Number` and `Description` (no `Code`) is USPS Web Tools'; one holding
//! `RequestId` and `HostId` children is S3's (AWS); one whose `Message`
//! holds a `RequestId:` line is Azure Storage's; a `Response/Errors/Error`
//! document with a `RequestID` child is EC2's (AWS). With the `xml` hint,
//! everything read here is vendor `xml`.
//!
//! # Auto-detection
//!
//! What auto-detection claims for `xml`, beside the other vendors and in
//! their order: [`detection`](crate::detection#xml).
//!
//! # Codes and retry classes
//!
#![doc = include_str!("../catalog/xml.md")]
#![doc = include_str!("../../docs/catalog/xml.md")]

// This module also reads, for the AWS, Azure and USPS readers, the children
// of an error element into [`Fields`].

use crate::catalog::{self, Entry};
use crate::emit::{Emitter, Halt, Pending};
use crate::error::VendorError;
use crate::limits::Limits;
use crate::parse_error::ParseError;
use crate::retry;
use crate::text::{Capped, CappedString};
use crate::vendor::{Code, Vendor, VendorHint};
use crate::vendors::table::Reader;
use crate::vendors::{Ctx, aws, azure, usps};
use crate::xml::{Element, Source};

/// Most other children of one error element said in its `detail`.
const MAX_OTHERS: usize = 16;

/// The children of an error element, read once: those some vendor's shape
/// names, each kept the first time it appears (text cut at
/// `max_message_bytes`), and every other child with text as `Name: text`
/// (at most 16 of them, within `max_detail_bytes`).
#[derive(Debug, Clone, Default)]
pub(crate) struct Fields {
    /// `Code` or `code`.
    pub(crate) code: Option<String>,
    /// `Message` or `message`.
    pub(crate) message: Option<String>,
    /// `Type` (AWS query protocol: `Sender` or `Receiver`).
    pub(crate) kind: Option<String>,
    /// `Number` (USPS).
    pub(crate) number: Option<String>,
    /// `Description` (USPS).
    pub(crate) description: Option<String>,
    /// `Source` (USPS).
    pub(crate) source: Option<String>,
    /// `RequestId` or `RequestID`.
    pub(crate) request_id: Option<String>,
    /// `HostId` (S3).
    pub(crate) host_id: Option<String>,
    /// `Key` (S3).
    pub(crate) key: Option<String>,
    /// `VersionId` (S3).
    pub(crate) version_id: Option<String>,
    /// The other children, `Name: text`, `; ` between.
    pub(crate) others: Capped,
    /// A named child's text was cut.
    pub(crate) truncated: bool,
}

/// A child [`Fields`] names.
#[derive(Clone, Copy)]
enum Slot {
    Code,
    Message,
    Kind,
    Number,
    Description,
    Source,
    RequestId,
    HostId,
    Key,
    VersionId,
}

impl Slot {
    fn of(local: &str) -> Option<Slot> {
        Some(match local {
            "Code" | "code" => Slot::Code,
            "Message" | "message" => Slot::Message,
            "Type" => Slot::Kind,
            "Number" => Slot::Number,
            "Description" => Slot::Description,
            "Source" => Slot::Source,
            "RequestId" | "RequestID" => Slot::RequestId,
            "HostId" => Slot::HostId,
            "Key" => Slot::Key,
            "VersionId" => Slot::VersionId,
            _ => return None,
        })
    }
}

impl Fields {
    /// Reads the children of `element`.
    pub(crate) fn read<S: Source>(element: Element<'_, S>, limits: &Limits) -> Result<Fields, ParseError> {
        let mut fields = Fields::default();
        fields.read_from(element, limits)?;
        Ok(fields)
    }

    /// Reads the children of `element` into `self`; when the body breaks
    /// off, `self` keeps what was read before the break.
    pub(crate) fn read_from<S: Source>(&mut self, mut element: Element<'_, S>, limits: &Limits) -> Result<(), ParseError> {
        let mut others = CappedString::new(limits.max_detail_bytes);
        let mut count = 0;
        let outcome = (|| {
            while let Some(child) = element.next_child()? {
                match Slot::of(child.local_name()) {
                    Some(slot) if self.slot(slot).is_none() => {
                        let kept = child.text(limits.max_message_bytes)?;
                        self.truncated |= kept.truncated;
                        *self.slot(slot) = Some(kept.text);
                    }
                    _ if count < MAX_OTHERS => {
                        // A name is bounded like the tag it comes from.
                        let name = child.local_name().to_owned();
                        let kept = child.text(limits.max_detail_bytes)?;
                        if !kept.text.is_empty() {
                            if count > 0 {
                                others.push("; ");
                            }
                            others.push(&name);
                            others.push(": ");
                            others.push_words(&kept.text);
                            count += 1;
                        }
                    }
                    _ => {}
                }
            }
            Ok(())
        })();
        self.others = others.finish();
        outcome
    }

    /// Were a code and a message (or USPS's number and description) read?
    /// An error cut short after them is still reported.
    pub(crate) fn identified(&self) -> bool {
        given(&self.code) && given(&self.message) || self.usps_shaped()
    }

    /// USPS's shape: a number and a description.
    fn usps_shaped(&self) -> bool {
        given(&self.number) && given(&self.description)
    }

    fn slot(&mut self, slot: Slot) -> &mut Option<String> {
        match slot {
            Slot::Code => &mut self.code,
            Slot::Message => &mut self.message,
            Slot::Kind => &mut self.kind,
            Slot::Number => &mut self.number,
            Slot::Description => &mut self.description,
            Slot::Source => &mut self.source,
            Slot::RequestId => &mut self.request_id,
            Slot::HostId => &mut self.host_id,
            Slot::Key => &mut self.key,
            Slot::VersionId => &mut self.version_id,
        }
    }

    /// The code, when there is one (not empty).
    pub(crate) fn code(&self) -> Option<&str> {
        self.code.as_deref().filter(|c| !c.is_empty())
    }

    /// The message, when there is one (not empty).
    pub(crate) fn message(&self) -> Option<&str> {
        self.message.as_deref().filter(|m| !m.is_empty())
    }
}

/// Reads a root error element and hands on the error `build` makes of it;
/// a body that breaks off after the code and the message (or the number
/// and the description) were read still gives it, then the break.
pub(crate) fn read_root_error<S: Source>(
    root: Element<'_, S>,
    ctx: Ctx<'_>,
    out: &mut Emitter,
    build: impl FnOnce(&Fields, Ctx<'_>) -> Option<VendorError>,
) -> Result<(), Halt> {
    let mut fields = Fields::default();
    let outcome = fields.read_from(root, ctx.limits);
    if (outcome.is_ok() || fields.identified())
        && let Some(e) = build(&fields, ctx)
    {
        out.push(e)?;
    }
    Ok(outcome?)
}

/// Sets `detail` to `parts` (`Name: text`, those present; the bare text
/// for an empty name) after the other children, folded and cut at `max`
/// bytes; nothing when all are absent.
pub(crate) fn set_detail(e: &mut VendorError, others: &Capped, parts: &[(&str, Option<&str>)], max: usize) {
    let mut detail = CappedString::new(max);
    let mut said = !others.text.is_empty();
    detail.push(&others.text);
    for (name, value) in parts {
        let Some(value) = value.filter(|v| !v.is_empty()) else { continue };
        if said {
            detail.push("; ");
        }
        if !name.is_empty() {
            detail.push(name);
            detail.push(": ");
        }
        detail.push_words(value);
        said = true;
    }
    if said {
        let kept = detail.finish();
        e.truncated |= kept.truncated || others.truncated;
        e.detail = Some(kept.text);
    }
}

/// The code of an error that gave a message but no code: the response's
/// error status, else the literal `error` (as the generic JSON reader does).
pub(crate) fn code_without_one(ctx: Ctx<'_>) -> Code {
    match ctx.status.filter(|s| *s >= 400) {
        Some(status) => Code::Num(i64::from(status)),
        None => Code::text("error"),
    }
}

/// A code written as text: a decimal number as a number, else the text.
fn parsed_code(text: &str) -> Code {
    Code::parse(text)
}

/// An entry in a generic shape as a `xml` error: under auto-detection it
/// needs a code and a message; with the hint, one of them.
fn generic_error(fields: &Fields, index: Option<u32>, ctx: Ctx<'_>) -> Option<VendorError> {
    let (code, message) = (fields.code(), fields.message());
    let enough = match ctx.named(VendorHint::Xml) {
        true => code.is_some() || message.is_some(),
        false => code.is_some() && message.is_some(),
    };
    if !enough {
        return None;
    }
    let code = code.map_or_else(|| code_without_one(ctx), parsed_code);
    let mut e = ctx.catalog_error(Vendor::Xml, code, message.map(str::to_owned));
    e.truncated |= fields.truncated;
    e.index = index;
    let parts = [
        ("Type", fields.kind.as_deref()),
        ("Number", fields.number.as_deref()),
        ("Description", fields.description.as_deref()),
        ("Source", fields.source.as_deref()),
        ("Key", fields.key.as_deref()),
        ("VersionId", fields.version_id.as_deref()),
        ("RequestId", fields.request_id.as_deref()),
        ("HostId", fields.host_id.as_deref()),
    ];
    set_detail(&mut e, &fields.others, &parts, ctx.limits.max_detail_bytes);
    Some(e)
}

/// The error entries of a document, read until its end: the first
/// `max_errors` held (a request id may follow them), the rest handed to
/// `overflow` as they come.
pub(crate) struct Entries {
    /// The entries held, in body order.
    pub(crate) held: Vec<Fields>,
    /// The `RequestId` (or `RequestID`) beside the entries.
    pub(crate) request_id: Option<String>,
    /// The id was spelt `RequestID`, as EC2 spells it.
    pub(crate) ec2_id: bool,
}

/// Where a document's entries are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Layout {
    /// `Error` children of the root (`ErrorResponse/Error`, `Errors/Error`).
    Children,
    /// `Error` children of the root's `Errors` child (`Response/Errors/Error`).
    InErrors,
}

impl Entries {
    /// Reads the entries of `root` laid out as `layout`.
    pub(crate) fn read<S: Source>(
        mut root: Element<'_, S>,
        layout: Layout,
        ctx: Ctx<'_>,
        overflow: &mut dyn FnMut(Fields),
    ) -> Result<Entries, ParseError> {
        let mut entries = Entries { held: Vec::new(), request_id: None, ec2_id: false };
        let limits = ctx.limits;
        while let Some(mut child) = root.next_child()? {
            match (child.local_name(), layout) {
                ("Error" | "error", Layout::Children) => entries.add(Fields::read(child, limits)?, limits, overflow),
                ("Errors", Layout::InErrors) => {
                    while let Some(entry) = child.next_child()? {
                        if entry.local_name() == "Error" {
                            entries.add(Fields::read(entry, limits)?, limits, overflow);
                        }
                    }
                }
                (name @ ("RequestId" | "RequestID"), _) if entries.request_id.is_none() => {
                    entries.ec2_id = name == "RequestID";
                    entries.request_id = Some(child.text(limits.max_message_bytes)?.text);
                }
                _ => {}
            }
        }
        Ok(entries)
    }

    fn add(&mut self, fields: Fields, limits: &Limits, overflow: &mut dyn FnMut(Fields)) {
        if self.held.len() < limits.max_errors {
            self.held.push(fields);
        } else {
            overflow(fields);
        }
    }

    /// The request id, for `detail`.
    pub(crate) fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref().filter(|r| !r.is_empty())
    }
}

/// Is a field there, and not empty?
fn given(field: &Option<String>) -> bool {
    field.as_deref().is_some_and(|f| !f.is_empty())
}

/// The vendor whose `Error` document (no namespace) this is, by its children.
fn owner_of_error(fields: &Fields) -> Vendor {
    if fields.code().is_none() && fields.usps_shaped() {
        Vendor::Usps
    } else if given(&fields.request_id) && given(&fields.host_id) {
        Vendor::Aws
    } else if fields.message().is_some_and(azure::has_request_line) {
        Vendor::Azure
    } else {
        Vendor::Xml
    }
}

/// The shapes, by root name.
#[derive(Clone, Copy)]
enum Shape {
    Error,
    ErrorResponse,
    Response,
    Errors,
}

impl Shape {
    fn of(local: &str) -> Option<Shape> {
        Some(match local {
            "Error" | "error" => Shape::Error,
            "ErrorResponse" => Shape::ErrorResponse,
            "Response" => Shape::Response,
            "Errors" | "errors" => Shape::Errors,
            _ => return None,
        })
    }
}

/// Reads a document of one of the shapes.
fn read_document<S: Source>(root: Element<'_, S>, ctx: Ctx<'_>, out: &mut Emitter) -> Result<(), Halt> {
    let named = ctx.named(VendorHint::Xml);
    let bare = root.namespace().is_none();
    let Some(shape) = Shape::of(root.local_name()) else { return Ok(()) };
    match shape {
        Shape::Error => {
            let mut fields = Fields::default();
            let outcome = fields.read_from(root, ctx.limits);
            if outcome.is_err() && !fields.identified() {
                return Ok(outcome?);
            }
            let e = match owner_of_error(&fields) {
                _ if named || !bare => generic_error(&fields, None, ctx),
                Vendor::Usps => usps::root_error(&fields, ctx),
                Vendor::Aws => aws::s3_error(&fields, ctx),
                Vendor::Azure => azure::storage_error(&fields, ctx),
                _ => generic_error(&fields, None, ctx),
            };
            match e {
                // Cut before the children that name the owner (an S3
                // `RequestId`, an Azure `AuthenticationErrorDetail`): the
                // owner's catalog, which would decide the class, is unknown.
                Some(mut e) if outcome.as_ref().is_err_and(ParseError::is_break) && !named && e.vendor == Vendor::Xml => {
                    e.retry = retry::decide(&ctx.evidence().unsettled());
                    out.push(e)?;
                }
                Some(e) => out.push(e)?,
                // A message without a code is no error of this shape, but
                // it is what the HTTP fallback should say, as for JSON.
                None => keep_message(out, fields.message()),
            }
            outcome?;
        }
        Shape::ErrorResponse | Shape::Errors => {
            let indexed = matches!(shape, Shape::Errors);
            let mut over = Pending::new(0);
            let entries = Entries::read(root, Layout::Children, ctx, &mut |f| {
                if let Some(e) = generic_error(&f, None, ctx) {
                    over.push(e);
                }
            })?;
            for (i, fields) in entries.held.iter().enumerate() {
                let index = indexed.then(|| u32::try_from(i).unwrap_or(u32::MAX));
                match generic_error(&with_request_id(fields, &entries), index, ctx) {
                    Some(e) => out.push(e)?,
                    None => keep_message(out, fields.message()),
                }
            }
            out.push_pending(over)?;
        }
        Shape::Response => {
            // EC2's, when a `RequestID` follows: every entry is read both
            // ways until then, and those past `max_errors` counted both ways.
            let (mut as_aws, mut as_xml) = (Pending::new(0), Pending::new(0));
            let entries = Entries::read(root, Layout::InErrors, ctx, &mut |f| {
                if let Some(e) = aws::ec2_error(&f, None, ctx) {
                    as_aws.push(e);
                }
                if let Some(e) = generic_error(&f, None, ctx) {
                    as_xml.push(e);
                }
            })?;
            let ec2 = !named && bare && entries.ec2_id;
            for (i, fields) in entries.held.iter().enumerate() {
                let e = match ec2 {
                    true => aws::ec2_error(fields, entries.request_id(), ctx),
                    false => {
                        let index = Some(u32::try_from(i).unwrap_or(u32::MAX));
                        generic_error(&with_request_id(fields, &entries), index, ctx)
                    }
                };
                match e {
                    Some(e) => out.push(e)?,
                    None => keep_message(out, fields.message()),
                }
            }
            out.push_pending(if ec2 { as_aws } else { as_xml })?;
        }
    }
    Ok(())
}

/// Keeps `message` for the HTTP fallback, unless a message is kept already.
fn keep_message(out: &mut Emitter, message: Option<&str>) {
    if out.page_message.is_none() {
        out.page_message = message.map(str::to_owned);
    }
}

/// The entry's fields with the document's request id, when it has none of its own.
fn with_request_id(fields: &Fields, entries: &Entries) -> Fields {
    let mut fields = fields.clone();
    if fields.request_id.is_none() {
        fields.request_id = entries.request_id().map(str::to_owned);
    }
    fields
}

/// The generic XML error documents in the vendor table (the last row).
pub(crate) struct Xml;

impl Reader for Xml {
    const CATALOG: &'static [Entry] = catalog::xml::ENTRIES;

    fn claims_root<S: Source>(root: &Element<'_, S>, ctx: Ctx<'_>) -> bool {
        ctx.may_read(VendorHint::Xml) && Shape::of(root.local_name()).is_some()
    }

    fn read_root<S: Source>(root: Element<'_, S>, ctx: Ctx<'_>, out: &mut Emitter) -> Result<(), Halt> {
        read_document(root, ctx, out)
    }
}

#[cfg(test)]
mod tests {
    use crate::{Code, Limits, Options, RetryClass, Vendor, VendorHint};

    fn report(body: &str, opts: &Options) -> crate::Report {
        crate::from_slice(body.as_bytes(), opts).unwrap()
    }

    #[test]
    fn the_root_is_decided_by_its_children() {
        for body in [
            "<Error><Code>E1</Code></Error>",
            "<Error><Code/><Message>m</Message></Error>",
            "<ErrorResponse><Error><Message>m</Message></Error></ErrorResponse>",
            "<Response><Errors/><Error><Code>E</Code><Message>m</Message></Error></Response>",
            "<Response><Result><Errors><Error><Code>E</Code><Message>m</Message></Error></Errors></Result></Response>",
            "<Result><Error><Code>E</Code><Message>m</Message></Error></Result>",
        ] {
            assert!(report(body, &Options::new().status(200)).is_success(), "{body}");
        }
    }

    #[test]
    fn with_the_hint_a_code_or_a_message_is_enough_and_nothing_is_named_another_vendors() {
        let hint = Options::new().status(400).vendor(VendorHint::Xml);
        let e = &report("<Error><Code>E1</Code></Error>", &hint).errors[0];
        assert_eq!((e.vendor, e.message.as_str()), (Vendor::Xml, "xml error E1"));
        let s3 = "<Error><Code>SlowDown</Code><Message>m</Message><RequestId>r</RequestId><HostId>h</HostId></Error>";
        assert_eq!(report(s3, &hint).errors[0].vendor, Vendor::Xml);
        assert_eq!(report(s3, &Options::new().status(400)).errors[0].vendor, Vendor::Aws);
        // A namespaced root is never named another vendor's.
        let ns = "<Error xmlns='urn:x'><Code>SlowDown</Code><Message>m</Message><RequestId>r</RequestId><HostId>h</HostId></Error>";
        assert_eq!(report(ns, &Options::new().status(400)).errors[0].vendor, Vendor::Xml);
        // Other hints leave these documents alone.
        assert_eq!(report(s3, &Options::new().status(400).vendor(VendorHint::Json)).errors[0].vendor, Vendor::Http);
    }

    #[test]
    fn entries_past_max_errors_are_counted() {
        let entry = "<Error><Code>E</Code><Message>m</Message></Error>";
        let body = format!("<ErrorResponse>{entry}{entry}{entry}<RequestId>r</RequestId></ErrorResponse>");
        let limits = Limits { max_errors: 2, ..Limits::default() };
        let report = report(&body, &Options::new().status(503).limits(limits));
        assert_eq!((report.errors.len(), report.omitted), (2, 1));
        assert_eq!(report.errors[1].detail.as_deref(), Some("RequestId: r"));
        assert_eq!(report.retry().map(|r| r.class()), Some(RetryClass::Transient));
    }

    #[test]
    fn numbers_stay_numbers_and_texts_are_cut() {
        let limits = Limits { max_message_bytes: 8, ..Limits::default() };
        let body = "<error><code>1042</code><message>A message longer than eight bytes</message></error>";
        let e = &report(body, &Options::new().limits(limits)).errors[0];
        assert_eq!(e.code, Code::Num(1042));
        assert!(e.truncated && e.message.len() <= 8 + 3);
    }

    #[test]
    fn a_truncated_document_keeps_an_identified_error() {
        let got = crate::from_slice(b"<Error><Code>E1</Code><Message>m</Message><Detail>", &Options::new()).unwrap();
        assert!(got.errors[0].incomplete);
        assert!(crate::from_slice(b"<Error><Code>E1</Code><Mess", &Options::new()).is_err());
    }
}
