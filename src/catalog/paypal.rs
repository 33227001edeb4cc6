//! PayPal classic (NVP/SOAP) API error codes (`Errors/ErrorCode`, and a
//! payment's `PaymentError/ErrorCode`).
//!
//! PayPal lists its codes per operation, with a short and a long message, in
//! "API Error Codes" (<https://developer.paypal.com/api/nvp-soap/errors/>);
//! the same number can mean different things per operation and severity (10001
//! is "Internal error" as an error, and "ButtonSource value truncated." or
//! "Warning an internal error has occurred. The transaction id may not be
//! correct." as a warning). Only entries whose `SeverityCode` is `Error` are
//! errors (see `src/vendors/paypal.rs`), so a row here describes a code as an
//! error. PayPal publishes no retry list for the classic API: the classes come
//! from PayPal's troubleshooting pages
//! (<https://developer.paypal.com/api/nvp-soap/troubleshooting/>, one page per
//! code: cause, impact, resolution) and the error texts.
//!
//! - Transient: 10001 (internal error; PayPal's page "What is API error code
//!   10001?" treats it as PayPal-side) and 10445 ("This transaction cannot be
//!   processed at this time. Please try again later.").
//! - Reauth: 10002 (security error: the API credentials are wrong, or lack the
//!   permission for this API or for the account acted for; PayPal help article
//!   "Why did I get API error code 10002?"). Re-read the credentials: a retry
//!   with the same ones cannot succeed, so callers must not loop.
//! - Permanent: the Express Checkout token problems, whose resolution is a new
//!   checkout (10409 token issued for another account or already used, 10410
//!   invalid token, 10411 session expired, 10416 too many attempts with the
//!   token), 10415 (the token already completed a payment: the request is a
//!   duplicate, the payment exists), 10412 (duplicate invoice ID), 10413 (item
//!   totals do not match the order total) and the funding problems that need the
//!   buyer (10207, 10417, 10422, 10486: send the buyer back to PayPal to choose
//!   another funding source).
//! - 11610 (payment pending review by Fraud Management Filters) is no failure:
//!   activemerchant's `paypal_common_api.rb` (commit ca45b1b0) keeps it as
//!   `FRAUD_REVIEW_CODE` beside a successful `Ack`; informational.
//!
//! Descriptions are written here from PayPal's pages; the error's own
//! `LongMessage` (else `ShortMessage`) is its message. Other codes go through
//! the common chain (the response's status, else permanent).
//!
//! Rows: 15: 12 permanent (11610 informational), 2 transient, 1 reauth.

use super::{Entry, num as e};
use crate::retry::RetryClass::{Permanent, Reauth, Transient};

/// The catalog, by code.
pub(crate) const ENTRIES: &[Entry] = &[
    e(
        10001,
        "Internal error.",
        "The transaction failed because of an internal error at PayPal; retry later.",
        Transient,
    )
    .with_note("Also a warning code with other meanings (ButtonSource truncated); warnings are not errors."),
    e(
        10002,
        "Security error",
        "The API credentials are not valid, or lack the permission for this API or account.",
        Reauth,
    )
    .with_note("Re-read the credentials: the same ones fail the same way."),
    e(
        10207,
        "Transaction failed",
        "The buyer's payment method may lack funds: the buyer must update it and pay again.",
        Permanent,
    ),
    e(
        10409,
        "Token issued for another account",
        "The Express Checkout token belongs to another merchant, is not valid or was already used.",
        Permanent,
    ),
    e(10410, "Invalid token", "The Express Checkout token (or billing agreement ID) was not recognised.", Permanent),
    e(
        10411,
        "Express Checkout session expired",
        "The Express Checkout session has expired: start a new checkout for a new token.",
        Permanent,
    ),
    e(10412, "Duplicate invoice", "The invoice ID was already used for a payment.", Permanent),
    e(10413, "Totals mismatch", "The item amounts do not add up to the order total.", Permanent)
        .with_note("PayPal: may also come with Ack SuccessWithWarning, the payment done without item details."),
    e(
        10415,
        "Transaction refused: duplicate",
        "A payment was already completed with this Express Checkout token.",
        Permanent,
    )
    .with_note("The payment exists: look it up (GetExpressCheckoutDetails) rather than pay again."),
    e(
        10416,
        "Maximum attempts exceeded",
        "The payment attempts allowed for this Express Checkout token are used up.",
        Permanent,
    ),
    e(
        10417,
        "Transaction cannot complete.",
        "The buyer's chosen funding method cannot be used: the buyer must choose another.",
        Permanent,
    ),
    e(
        10422,
        "Customer must choose new funding sources.",
        "The buyer must return to PayPal and choose new funding sources.",
        Permanent,
    ),
    e(
        10445,
        "This transaction cannot be processed at this time.",
        "The transaction cannot be processed at this time; try again later.",
        Transient,
    ),
    e(
        10486,
        "This transaction couldn't be completed.",
        "The buyer's funding source cannot be used: redirect the buyer back to PayPal.",
        Permanent,
    ),
    e(
        11610,
        "Payment Pending your review in Fraud Management Filters",
        "The payment is held for review by Fraud Management Filters.",
        Permanent,
    )
    .informational(),
];
