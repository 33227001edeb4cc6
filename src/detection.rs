//! What auto-detection claims: the rules by which a body is recognised as a
//! vendor's, with [`VendorHint::Auto`](crate::VendorHint::Auto) (the
//! default) and with a vendor's own hint. This module holds documentation
//! only.
//!
//! Under `Auto`, a reader claims only what the body makes unambiguous — a
//! vendor's own namespace, root element, or a code its catalog knows; under
//! its own hint ([`Options::vendor`](crate::Options::vendor), the CLI's
//! `--vendor NAME`) it also reads what is merely likely. Whatever no vendor
//! claims stays generic: a SOAP fault is a [`soap`](crate::Vendor::Soap)
//! error; a body with no recognisable error is a success, unless the HTTP
//! status is 400 or more, which then becomes one
//! [`http`](crate::Vendor::Http) error.
//!
//! # The order
//!
//! 1. **The body's kind**, from its first bytes (after a BOM, in the charset
//!    of the BOM, the XML declaration or `Content-Type`): XML, JSON, HTML,
//!    plain text or empty. HTML (a `<!DOCTYPE html>`, or an `html`, `head`,
//!    `body`, `title`, `h1` or `p` root) is a proxy or login page, never an
//!    API response.
//! 2. **XML**: a SOAP 1.1 or 1.2 `Envelope` (or a bare `Fault`) in the
//!    SOAP namespaces; each fault goes to the vendors in the table's order
//!    (below), the first that claims it wins (EWS, Salesforce, NetSuite,
//!    Zimbra, Google Ads, Microsoft Advertising, vSphere and Workday by
//!    namespace, Workday also by its authentication fault code, PayPal,
//!    eBay, FedEx, Canada Post and UPS by their namespaces, Marketo by its
//!    `serviceException`, OpenAir by a numeric code); else it is a generic
//!    SOAP fault. Each other element of the SOAP body (a method response)
//!    goes to the first vendor that claims it, in the same order: EWS,
//!    Salesforce, NetSuite, Microsoft Advertising, PayPal, eBay, FedEx
//!    (these by namespace), SuperOffice, QLM (these by name), OpenAir
//!    (any). A root that is not SOAP: Salesforce's `<Errors>` and Bulk API
//!    `<error>`, eBay's, FedEx's and Canada Post's replies (by namespace),
//!    UPS's legacy replies (by name), AWS's
//!    `ErrorResponse` or `DeleteResult` (by namespace) or `<Error>` (with
//!    AWS headers), Azure Storage's `<Error>` (with Azure headers), QLM's
//!    `<QuickLicenseManager>` or an ASP.NET `<string>` wrapper, a USPS Web
//!    Tools reply, OpenAir's `<response>`, and last a generic XML error
//!    document (`xml`: a root `Error`, `ErrorResponse`, `Response` or
//!    `Errors` whose children hold a code and a message); any other root is
//!    foreign XML without errors.
//! 3. **JSON**: the vendors in the same order again (Salesforce, Zimbra,
//!    Google, Kubernetes, AWS, Azure, UPS, Marketo, Salto KS, then the generic
//!    JSON formats, `json`); unclaimed, its
//!    first message-like text (`message`, a sentence in `error`...) becomes
//!    the message of the HTTP fallback when the status is an error.
//!
//! The table's order, one for every kind of body: `ews`, `salesforce`,
//! `netsuite`, `zimbra`, `googleads`, `bingads`, `vsphere`, `workday`,
//! `google`, `kubernetes`, `aws`, `azure`, `paypal`, `ebay`, `fedex`,
//! `canadapost`, `ups`, `marketo`, `superoffice`, `qlm`, `usps`, `openair`,
//! `salto`, `json`, `xml`.
//! Readers that claim by namespace come first, then those that claim by a
//! decisive signal of their own (Google's `google.rpc` types and reasons,
//! Kubernetes' `kind: Status`: before Salto KS and the generic JSON
//! formats, which would read the same `{"error": {..}}` bodies without the
//! vendor's classes; AWS's and Azure's namespaces, headers and JSON types),
//! those that claim by a path or a name next (USPS's replies among them),
//! the catch-alls last (the generic XML documents last of all). A vendor
//! asked for by name is the only one that reads, so the order matters only
//! under `Auto`.
//!
//! **Vendor profiles** ([`Options::profile`](crate::Options::profile),
//! `--profile FILE`) come before all of these, in the order given: a
//! profile under its own hint reads every body; under `Auto` it claims a
//! SOAP fault whose code QName or a detail child is in one of its
//! `[detect]` namespaces, a SOAP body item in one, a document element named
//! in its `roots` or in one of its namespaces, a JSON body whose top-level
//! object has one of its `json_keys` (see [`profile`](crate::profile)).
//! What no profile claims goes on to the built-in vendors.
//!
//! Before these: a `multipart/related` body (MTOM/XOP, SOAP with
//! attachments, from the `Content-Type` boundary or the body's first line)
//! is read from its root part; an HTML page or text followed by a SOAP
//! envelope (within [`Limits::max_preamble_bytes`](crate::Limits::max_preamble_bytes))
//! is read from the envelope. Inside a SOAP `Body`, a `Fault` in the SOAP
//! namespace at any depth of content no vendor claims is a fault too.
//!
//! # Per vendor
//!
//! What each vendor's reader claims, in short; each vendor's page in
//! [`vendors`](crate::vendors) has its exact rules, its retry classes and
//! its codes.
//!
//! <a id="soap"></a>**SOAP (any server)** ([`soap`](crate::vendors::soap)):
//! faults in the SOAP 1.1 (`http://schemas.xmlsoap.org/soap/envelope/`) and
//! 1.2 (`http://www.w3.org/2003/05/soap-envelope`) namespaces, any prefix;
//! the code's QName resolved against the declarations in scope; 1.2 subcodes
//! and every `Reason/Text`; WS-Security and WS-Trust codes
//! (`FailedAuthentication`, `InvalidSecurityToken`, `MessageExpired`) are
//! reauth.
//!
//! <a id="openair"></a>**NetSuite OpenAir**
//! ([`openair`](crate::vendors::openair)). XML API: a `<response>` root
//! without namespace; `<response status="N">` is a rejected request, and
//! every child command with a `status` other than `0` an error (with the
//! command's name and position; `<errors>` text as message). SOAP API: a
//! fault whose code is a number in the envelope namespace (`SOAP-ENV:9`) or
//! whose `detail/Error/code` is a number; `oaError`s in command results when
//! typed `oaError` (`xsi:type`, or the array's `SOAP-ENC:arrayType`) — with
//! the hint, untyped ones too.
//!
//! <a id="marketo"></a>**Marketo** ([`marketo`](crate::vendors::marketo)).
//! SOAP: a fault whose detail holds a `serviceException` (namespace
//! `http://www.marketo.com/mktows/`) named `mktServiceException` or with a
//! code the catalog knows. REST: a JSON object with `requestId` and
//! `success`; `success: false` with `errors` gives one error each, skipped
//! records (`result[i].reasons`) one per reason.
//!
//! <a id="superoffice"></a>**SuperOffice**
//! ([`superoffice`](crate::vendors::superoffice)). A method response of the
//! Customer Service SOAP interface whose method is one of the interface's
//! and whose `errorCode` child is in the catalog (number or name; `0` is
//! success). With the hint, a `...Return`/`...Result` part is read too, and
//! SOAP faults from the endpoint keep the vendor.
//!
//! <a id="qlm"></a>**Quick License Manager** ([`qlm`](crate::vendors::qlm)).
//! The `<QuickLicenseManager>` fragment, as the root, escaped inside a SOAP
//! method's `...Result` or `response` part, or inside an ASP.NET `<string>`
//! wrapper; an `<error>` in it is an error (code from
//! `errorCode`/`serverErrorCode` elements or attributes; a message-only
//! error gets the code whose description matches, else 200).
//!
//! <a id="salto"></a>**Salto KS** ([`salto`](crate::vendors::salto)). A JSON
//! error object (the body, its `error`/`Error` object, or each object of
//! `errors`/`Errors`) whose code (`ErrorCode`, `error_code`, `Code`) is in
//! Salto's catalog; with the hint, any numeric code.
//!
//! <a id="salesforce"></a>**Salesforce**
//! ([`salesforce`](crate::vendors::salesforce)). SOAP faults whose code or a
//! detail entry is in a `urn:fault.*.soap.sforce.com` namespace (partner,
//! enterprise, tooling) or in the Metadata
//! (`http://soap.sforce.com/2006/04/metadata`), Apex
//! (`http://soap.sforce.com/2006/08/apex`) or Tooling
//! (`urn:*tooling.soap.sforce.com`) namespace; per-record `result/errors` of
//! a method response in a `urn:*.soap.sforce.com`, Metadata or Apex
//! namespace (`success` not `true`; Metadata components with their
//! `fullName`); REST errors: a JSON array of objects with an upper-case
//! `errorCode` or one the catalog knows (Bulk API 2.0 too), or the
//! `<Errors><Error>` XML form; Bulk API 1.0 errors: an `error` root in
//! `http://www.force.com/2009/06/asyncapi/dataload` (`exceptionCode`,
//! `exceptionMessage`; `jobInfo` and `batchInfo` are not errors), and their
//! JSON form when the `exceptionCode` is in the catalog.
//!
//! <a id="netsuite"></a>**NetSuite SuiteTalk**
//! ([`netsuite`](crate::vendors::netsuite)). Faults whose detail holds a
//! fault element in a
//! `urn:faults_<version>.platform.webservices.netsuite.com` namespace; in a
//! method response of
//! `urn:messages_<version>.platform.webservices.netsuite.com`, every `status
//! isSuccess="false"` with `statusDetail type="ERROR"` (warnings and info
//! are not errors).
//!
//! <a id="ews"></a>**Exchange Web Services** ([`ews`](crate::vendors::ews)).
//! Faults whose code is in
//! `http://schemas.microsoft.com/exchange/services/2006/types` or whose
//! detail holds an entry of `.../2006/errors`; response messages with
//! `ResponseClass="Error"` in a method response of `.../2006/messages`
//! (`Warning` and `Success` are not errors). `BackOffMilliseconds` in
//! `MessageXml` is the error's delay (capped by
//! [`Options::max_retry_after`](crate::Options::max_retry_after)).
//!
//! <a id="zimbra"></a>**Zimbra** ([`zimbra`](crate::vendors::zimbra)), a
//! built-in profile. Faults whose detail holds an element in `urn:zimbra`
//! (`Error`, with the vendor's dotted `Code`); a JSON body with Zimbra's
//! top-level `_jsns` member whose `Body/Fault` holds the same fault as
//! objects.
//!
//! <a id="googleads"></a>**Google Ad Manager / AdWords**
//! ([`googleads`](crate::vendors::googleads)), a built-in profile. Faults
//! whose detail holds an element (`ApiExceptionFault`) in a
//! `https://www.google.com/apis/ads/publisher/` or
//! `https://adwords.google.com/api/adwords/` namespace; the first
//! `errors/errorString` is the code, `retryAfterSeconds` the delay.
//!
//! <a id="bingads"></a>**Microsoft Advertising**
//! ([`bingads`](crate::vendors::bingads)): faults as a built-in profile,
//! whose detail holds an element in `https://adapi.microsoft.com` or a
//! `https://bingads.microsoft.com/` namespace (`AdApiFaultDetail`,
//! `ApiFaultDetail`, `ApiFault`; the first error's numeric `Code`); in a
//! method response of a `https://bingads.microsoft.com/` namespace, each
//! `PartialErrors/BatchError` and `NestedPartialErrors` entry is an item
//! error (with the operation and the item's `Index`).
//!
//! <a id="vsphere"></a>**VMware vSphere**
//! ([`vsphere`](crate::vendors::vsphere)). Faults whose detail holds an
//! element in `urn:vim25` or `urn:vim2`; the element's name without its
//! `Fault` suffix is the code. The bare fault code `ServerFaultCode` claims
//! nothing under `Auto`; with the hint it does, as does a `*Fault` detail
//! element in any namespace.
//!
//! <a id="workday"></a>**Workday** ([`workday`](crate::vendors::workday)).
//! Faults whose detail holds an element in `urn:com.workday/bsvc`
//! (`Validation_Fault`, `Processing_Fault`), or whose code is
//! `Client.authenticationError` in the envelope's namespace (the documented
//! authentication fault has no detail); the dotted fault code is the code.
//!
//! <a id="google"></a>**Google APIs** ([`google`](crate::vendors::google)).
//! A JSON object whose `error` object carries one of Google's own signals: a
//! `details` entry whose `@type` starts with
//! `type.googleapis.com/google.rpc.`, an `errors` entry with both a `domain`
//! and a `reason`, or a canonical `google.rpc.Code` name as `status` with
//! the numeric `code` that goes with it (its HTTP mapping or its number:
//! `PERMISSION_DENIED` with 403 or 7). Code: the `ErrorInfo` reason, else
//! the legacy reason, else the `status`; `RetryInfo`'s `retryDelay` is the
//! delay. A top-level array gives each item with such an `error` (with
//! `index`). A long-running operation (`name` and `done` beside `error`) is
//! a success whose `error` is data. With the hint, any `error` object with a
//! code, status or message.
//!
//! <a id="kubernetes"></a>**Kubernetes**
//! ([`kubernetes`](crate::vendors::kubernetes)). A JSON object with `"kind":
//! "Status"`, `"apiVersion": "v1"` and `status` `Success` or `Failure`; only
//! `Failure` is an error (code `reason`, else the `Status`'s `code`, else
//! `Unknown`; `details.retryAfterSeconds` is the delay). With the hint, any
//! `"kind": "Status"` object.
//!
//! <a id="paypal"></a>**PayPal** ([`paypal`](crate::vendors::paypal)),
//! classic SOAP API. A document element or SOAP body item in
//! `urn:ebay:api:PayPalAPI` (the operation's response; its `Ack` and
//! `Errors` children are in eBay's namespace, so PayPal comes before eBay);
//! a fault whose code or a detail child is in that namespace. `Ack` and
//! `SeverityCode` decide: entries of severity `Error` (or none, unless the
//! `Ack` was a success) are errors, `Warning`s and `SuccessWithWarning` are
//! not; a failed `Ack` without an error entry is still one error; a parallel
//! payment's `PaymentError` has the payment's `index`. Before `qlm`, which
//! claims any `...Response` body item.
//!
//! <a id="ebay"></a>**eBay** ([`ebay`](crate::vendors::ebay)), Trading and
//! Shopping APIs. A document element or SOAP body item in
//! `urn:ebay:apis:eBLBaseComponents`, read as PayPal's (`PartialFailure`
//! items with `index`; `ErrorClassification` classes codes the catalog
//! lacks); a fault whose detail holds `FaultDetail` in that namespace (its
//! `ErrorCode` and `DetailedMessage`).
//!
//! <a id="fedex"></a>**FedEx** ([`fedex`](crate::vendors::fedex)), Web
//! Services; a built-in profile. A document element or SOAP body item in a
//! `http://fedex.com/ws/` namespace: each `Notifications` / `Notification`
//! (reply-level and per package, whatever the `HighestSeverity`) of severity
//! `ERROR` or `FAILURE` is an error, with `index` (a package's
//! `Signature/Notifications` only when `FAILURE`).
//!
//! <a id="canadapost"></a>**Canada Post**
//! ([`canadapost`](crate::vendors::canadapost)), web services; a built-in
//! profile. A document element in `http://www.canadapost.ca/ws/messages`:
//! each `messages/message` (`code`, `description`) is an error, with
//! `index`.
//!
//! <a id="ups"></a>**UPS** ([`ups`](crate::vendors::ups)). A document
//! element without namespace named as one of UPS's legacy XML responses that
//! no other vendor uses (`RatingServiceSelectionResponse`,
//! `ShipmentConfirmResponse`, ...; not `TrackResponse`, which USPS shares):
//! its `Response/Error`s of severity `Hard` or `Transient`, or a
//! `ResponseStatusCode` 0; a fault whose detail is in a
//! `http://www.ups.com/XMLSchema/XOLTWS/` namespace
//! (`Errors/ErrorDetail/PrimaryErrorCode`); a JSON body that is exactly the
//! REST error shape `{"response": {"errors": [{"code", "message"}]}}`.
//!
//! <a id="json"></a>**Generic JSON** ([`json`](crate::vendors::json)). When
//! no vendor above claims a JSON body: JSON-RPC 2.0 errors (and batches: one
//! error per failed response, with `index`); RFC 9457 / RFC 7807 problem
//! details (a `type` or `title` with an error `status`, or a `detail` with a
//! URI `type` or an error status); an `error` object (`{code, message,
//! status}` without Google's own signals, Stripe's `{type, code,
//! message}`...); an `error` string that is a registered OAuth 2.0 / RFC
//! 6750 / RFC 8628 code or comes with `error_description`/`error_uri`; an
//! `errors` array (one error per item, with `index`; an item without a
//! message takes the body's `message`); GitHub's `{message,
//! documentation_url}` unless the status is a success; a top-level array of
//! `{message, errorCode|code}` objects. `"error": null` is no error. With
//! the hint, any `error` string and a bare top-level `message` are read too.
//!
//! <a id="aws"></a>**Amazon Web Services** ([`aws`](crate::vendors::aws)).
//! Claimed: an `ErrorResponse` (query protocol, wrapped REST-XML) or
//! `DeleteResult` (S3 `DeleteObjects`) in an
//! `http(s)://<service>.amazonaws.com/doc/<YYYY-MM-DD>/` namespace (or
//! Amazon MWS's `https://mws.amazonservices.com/...`); an S3 `<Error>`
//! document (no namespace) that came with `x-amz-request-id` or
//! `x-amz-id-2`; a JSON body that came with `x-amzn-ErrorType` or whose
//! `__type` names a `com.amazon…` shape; under an error status, an empty or
//! unreadable body with `x-amzn-ErrorType` (the header's code). Named AWS's
//! by the generic XML reader: an `<Error>` with `RequestId` and `HostId`
//! children (S3, also inside an HTTP 200), an EC2 `Response/Errors/Error`
//! with a `RequestID`. `DeleteResult`'s `Error` entries are item errors
//! (`index`, the key in `detail`); its `Deleted` entries are not errors.
//! With the hint: `Error`, `ErrorResponse`, `Response`, `DeleteResult` roots
//! in any namespace, JSON objects with `__type` or `code`.
//!
//! <a id="azure"></a>**Azure Storage** ([`azure`](crate::vendors::azure)).
//! Claimed: an `<Error>` document (no namespace), or a JSON `odata.error`
//! body, that came with `x-ms-error-code` or `x-ms-request-id`; a JSON
//! `{"error": {..}}` body that came with `x-ms-error-code`; under an error
//! status, an empty or unreadable body with `x-ms-error-code` (a `HEAD`
//! response). Named Azure Storage's by the generic XML reader: an `<Error>`
//! whose `Message` holds a `RequestId:` line. With the hint: any `<Error>`
//! root, any JSON `error` or `odata.error` object.
//!
//! <a id="usps"></a>**USPS Web Tools** ([`usps`](crate::vendors::usps)).
//! Claimed by root name (no namespace): the replies `TrackResponse`,
//! `RateV4Response`, `IntlRateV2Response`, `AddressValidateResponse`,
//! `CityStateLookupResponse`, `ZipCodeLookupResponse`, whose items' `Error`
//! children (with `Number` or `Description`) are item errors; a reply
//! without them reports nothing. A `TrackResponse` whose child is UPS's
//! `Response` (`ResponseStatusCode`) is UPS's legacy tracking reply (both
//! carriers use that root): its `Response` is read by the UPS reader, as
//! `ups` errors. Named USPS's by the generic XML reader: a root `<Error>`
//! with `Number` and `Description`. With the hint: any `<Error>` or
//! `...Response` root without namespace.
//!
//! <a id="xml"></a>**Generic XML** ([`xml`](crate::vendors::xml)). Last: a
//! root `Error` (or `error`) with a `Code` and a `Message` child; an
//! `ErrorResponse` whose `Error` children have them; a `Response` whose
//! `Errors` child's `Error` children have them; an `Errors` whose `Error`
//! children have them (`code`/`message` in lower case too; the bare `Errors`
//! root is Salesforce's to claim, and its reader hands entries in this
//! shape, with no `errorCode`, to `xml`). Decided by the children, never by
//! the root's name alone; an `Error` below any other root is data. Class:
//! the status's. With the hint, an entry with a code or a message is enough,
//! and nothing is named another vendor's.
//!
//! <a id="http"></a>**HTTP** ([`http`](crate::vendors::http), no hint): the
//! fallback when the body reports no error but the status is 400 or more —
//! the page's `<title>` or `<h1>`, a plain-text body's first line, an
//! unclaimed JSON `message`, else the status's reason phrase;
//! [`ParseError`](crate::ParseError)'s text in `detail` when an XML or JSON
//! body could not be read. (With `x-amzn-ErrorType` or `x-ms-error-code`,
//! the error is AWS's or Azure's instead, as above.)
//!
//! The retry class of each error is decided by one chain of rules, the
//! same for every vendor: see [`retry`](crate::retry).

#[cfg(test)]
mod tests {
    /// The order stated above is the vendor table's.
    #[test]
    fn the_stated_order_is_the_tables() {
        let page = include_str!("detection.rs");
        let from = page.find("The table's order, one for every kind of body:").expect("the order is stated");
        let stated = &page[from..page[from..].find('.').map_or(page.len(), |end| from + end)];
        let names: Vec<&str> = stated.split('`').skip(1).step_by(2).collect();
        let table: Vec<&str> = crate::vendors::ORDER.iter().map(|v| v.as_str()).collect();
        assert_eq!(names, table);
    }

    /// Every vendor has its paragraph here, anchored by its name (the
    /// vendor pages link to `detection#<name>`) and linking to its page: a
    /// new vendor must say what auto-detection claims for it.
    #[test]
    fn every_vendor_is_documented() {
        let page = include_str!("detection.rs");
        for vendor in crate::Vendor::ALL {
            let anchor = format!("//! <a id=\"{vendor}\"></a>**");
            let paragraph: Vec<&str> =
                page.lines().skip_while(|l| !l.starts_with(&anchor)).take_while(|l| *l != "//!").collect();
            assert!(!paragraph.is_empty(), "{vendor} has no paragraph in src/detection.rs");
            let link = format!("(crate::vendors::{vendor})");
            assert!(paragraph.concat().contains(&link), "{vendor}'s paragraph does not link its page");
        }
    }
}
