//! Errors known only from the HTTP status (vendor `http`): the fallback
//! when the body reports no error but the status is 400 or more. (This
//! module holds documentation only.)
//!
//! One `http` error stands for the response when its status is 400 or
//! more and its body holds no error any reader recognises: an empty body,
//! an HTML page (a proxy's, a login page), plain text, XML or JSON no
//! reader claims, or a body that could not be read to its end. Its code is
//! the status; its message the page's own text when it has some (an HTML
//! `<title>` or first `<h1>`, the start of a plain-text body, an unclaimed
//! JSON `message`), else the status's reason phrase (its name in the table
//! below), else `HTTP error <status>`; for an XML or JSON body that could not be read,
//! [`detail`](crate::VendorError::detail) says where it broke (the
//! [`ParseError`](crate::ParseError)'s text). Without a status of 400 or
//! more, a body without errors is a success, and a body not understood is
//! a [`ParseError`](crate::ParseError).
//!
//! The class is the status's, as the [retry chain](crate::retry) decides
//! it (its rules 3 and 5): the table below gives it for each status listed;
//! one not listed is transient when 5xx, permanent when 4xx. `Retry-After`
//! (and the delay headers in milliseconds) give the delay of a transient
//! or throttled one.
//!
//! # Auto-detection
//!
//! When the fallback applies, and when an AWS or Azure header names the
//! error instead: [`detection`](crate::detection#http).
//!
//! # Codes and retry classes
//!
#![doc = include_str!("../catalog/http.md")]
#![doc = include_str!("../../docs/catalog/http.md")]
