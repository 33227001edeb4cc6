#![doc = include_str!("paypal.md")]

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
