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
//! `description`, the class the catalog's (`src/catalog/canadapost.rs`),
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
