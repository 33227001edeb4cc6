//! Canada Post web services (REST XML): the `messages` document of a failed
//! request. A built-in profile.
//!
//! A failed request is answered with
//! `<messages xmlns="http://www.canadapost.ca/ws/messages">` holding one or
//! more `message`s, each a `code` (alphanumeric: `AA004`, `004`) and a
//! `description` (Shopify/active_shipping's Canada Post carrier,
//! `canada_post_pws.rb` `error_response`, and its fixtures, commit
//! 590bc805). Each `message` is one error, with `index`; every message of
//! the document is an error (it is sent only for failures).
//!
//! Claimed under auto: a document element in the messages namespace
//! (decisive: no other vendor uses it; success documents use the service's
//! own namespace). Under `--vendor canadapost`: every document element and
//! SOAP body item (only `messages/message` elements are errors). The code is
//! `code` (a number when it is digits: `004` is 4), the message
//! `description`, the class the catalog's ([below](#codes-and-retry-classes)),
//! else the response's HTTP status (the common chain).
//!
//! The profile, as a user would write it in TOML:
//!
//! ```toml
//! vendor = "canadapost"
//! [detect]
//! namespaces = ["http://www.canadapost.ca/ws/messages"]
//! [[element]]
//! at = "messages/message"
//! code = "code"
//! message = "description"
//! ```
//!
//! # Auto-detection
//!
//! What auto-detection claims for `canadapost`, beside the other vendors and in
//! their order: [`detection`](crate::detection#canadapost).
//!
//! # Codes and retry classes
//!
#![doc = include_str!("../catalog/canadapost.md")]
#![doc = include_str!("../../docs/catalog/canadapost.md")]

use crate::profile::{ElementSpec, ProfileSpec};

/// Canada Post's reader: a built-in profile.
pub(crate) struct CanadaPost;

super::profile::builtin_profile!(
    CanadaPost,
    CanadaPost,
    crate::catalog::canadapost::ENTRIES,
    ProfileSpec::new("canadapost")
        .detect_namespace("http://www.canadapost.ca/ws/messages")
        .element(ElementSpec::at("messages/message").code("code").message("description"))
);

#[cfg(test)]
mod tests {
    use crate::{Code, Options, Vendor, VendorError, VendorHint};

    fn errors_with(body: &str, opts: &Options) -> Vec<VendorError> {
        crate::from_slice(body.as_bytes(), opts).unwrap().errors
    }

    const NS: &str = "http://www.canadapost.ca/ws/messages";

    #[test]
    fn each_message_is_an_error() {
        let body = format!(
            r#"<messages xmlns="{NS}"><message><code>AA004</code></message><message><description>text only</description></message><message/></messages>"#
        );
        let found = errors_with(&body, &Options::new());
        assert_eq!(found.len(), 2);
        assert_eq!((found[0].vendor, found[0].code.clone(), found[0].index), (Vendor::CanadaPost, Code::from("AA004"), Some(0)));
        // Without a description, the catalog's.
        assert_eq!(found[0].message, "You cannot mail on behalf of the requested customer.");
        assert_eq!((found[1].code.clone(), found[1].message.as_str()), (Code::from("unknown"), "text only"));
    }

    #[test]
    fn other_namespaces_only_under_the_hint() {
        let body = r#"<messages xmlns="urn:other"><message><code>7</code><description>d</description></message></messages>"#;
        assert!(errors_with(body, &Options::new()).is_empty());
        let opts = Options::new().vendor(VendorHint::CanadaPost);
        assert_eq!(errors_with(body, &opts)[0].code, Code::Num(7));
    }
}
