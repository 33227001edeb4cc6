//! The built-in vendors as one table: each row a [`Reader`], in the order
//! every dispatch walks them. A new vendor is its reader module, its
//! catalog, and one row here.
//!
//! The order, for every hook alike: readers that claim by namespace first
//! (EWS, Salesforce, NetSuite), then those that claim by a path or a name
//! (Marketo's `serviceException`, SuperOffice's methods, QLM's
//! `...Response`), then the catch-alls (OpenAir reads every method response
//! and numeric fault codes; Salto KS and the generic JSON formats read JSON
//! error shapes others share). A reader asked for by name
//! ([`Options::vendor`](crate::Options::vendor)) is the only one allowed, so
//! the order matters only under auto-detection. `src/detection.rs` states
//! this order; a test holds it to the table.

use serde_json::Value;

use super::{Ctx, ews, json, marketo, netsuite, openair, qlm, salesforce, salto, superoffice};
use crate::catalog::Entry;
use crate::emit::{Emitter, Halt, Stopped};
use crate::error::VendorError;
use crate::soap::Fault;
use crate::vendor::Vendor;
use crate::xml::{Element, Source};

/// One built-in vendor's reader: what it claims and how it reads it. Each
/// hook declines by default, so a reader writes only those it has.
pub(crate) trait Reader {
    /// Who its errors name.
    const VENDOR: Vendor;
    /// Its catalog: code, name, English description, retry class.
    const CATALOG: &'static [Entry];

    /// The fault as this vendor's error (taken out of `fault`), or `None`
    /// when it is not this vendor's (`fault` untouched).
    fn read_fault(_fault: &mut Fault, _ctx: Ctx<'_>) -> Option<VendorError> {
        None
    }

    /// Is this document element (not a SOAP envelope) this vendor's?
    fn claims_root<S: Source>(_root: &Element<'_, S>, _ctx: Ctx<'_>) -> bool {
        false
    }

    /// Reads a document element it claimed.
    fn read_root<S: Source>(_root: Element<'_, S>, _ctx: Ctx<'_>, _out: &mut Emitter) -> Result<(), Halt> {
        Ok(())
    }

    /// Is this child of a SOAP `Body` (a method response) this vendor's?
    fn claims_item<S: Source>(_item: &Element<'_, S>, _ctx: Ctx<'_>) -> bool {
        false
    }

    /// Reads a SOAP body item it claimed.
    fn read_item<S: Source>(_item: Element<'_, S>, _ctx: Ctx<'_>, _out: &mut Emitter) -> Result<(), Halt> {
        Ok(())
    }

    /// Reads a JSON body; `false` when it is not this vendor's.
    fn read_json(_body: &Value, _ctx: Ctx<'_>, _out: &mut Emitter) -> Result<bool, Stopped> {
        Ok(false)
    }
}

/// The table: generates each dispatch as one walk over the rows, in order,
/// and the catalog lookup.
macro_rules! vendor_table {
    ($($reader:ty),+ $(,)?) => {
        /// The built-in vendors with a reader, in dispatch order.
        #[cfg(test)]
        pub(crate) const ORDER: &[Vendor] = &[$(<$reader>::VENDOR),+];

        /// The catalog of a vendor of the table.
        pub(crate) fn catalog(vendor: Vendor) -> Option<&'static [Entry]> {
            $(if vendor == <$reader>::VENDOR {
                return Some(<$reader>::CATALOG);
            })+
            None
        }

        /// The fault as the first vendor that claims it reads it (taken out
        /// of `fault`); `None` when none does.
        pub(crate) fn read_fault(fault: &mut Fault, ctx: Ctx<'_>) -> Option<VendorError> {
            $(if let Some(e) = <$reader>::read_fault(fault, ctx) {
                return Some(e);
            })+
            None
        }

        /// Reads a document element with the first vendor that claims it;
        /// `false` when none does.
        pub(crate) fn read_root<S: Source>(root: Element<'_, S>, ctx: Ctx<'_>, out: &mut Emitter) -> Result<bool, Halt> {
            $(if <$reader>::claims_root(&root, ctx) {
                <$reader>::read_root(root, ctx, out)?;
                return Ok(true);
            })+
            Ok(false)
        }

        /// Reads a SOAP body item with the first vendor that claims it, or
        /// hands it back.
        pub(crate) fn read_item<'c, S: Source>(
            item: Element<'c, S>,
            ctx: Ctx<'_>,
            out: &mut Emitter,
        ) -> Result<Option<Element<'c, S>>, Halt> {
            $(if <$reader>::claims_item(&item, ctx) {
                <$reader>::read_item(item, ctx, out)?;
                return Ok(None);
            })+
            Ok(Some(item))
        }

        /// Reads a JSON body with the first vendor that claims it; `false`
        /// when none does.
        pub(crate) fn read_json(body: &Value, ctx: Ctx<'_>, out: &mut Emitter) -> Result<bool, Stopped> {
            $(if <$reader>::read_json(body, ctx, out)? {
                return Ok(true);
            })+
            Ok(false)
        }
    };
}

vendor_table! {
    ews::Ews,
    salesforce::Salesforce,
    netsuite::NetSuite,
    marketo::Marketo,
    superoffice::SuperOffice,
    qlm::Qlm,
    openair::OpenAir,
    salto::Salto,
    json::Json,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every vendor but the two without a reader of their own is a row.
    #[test]
    fn every_vendor_is_a_row_once() {
        for vendor in Vendor::ALL {
            let rows = ORDER.iter().filter(|v| *v == vendor).count();
            let expected = usize::from(!matches!(vendor, Vendor::Soap | Vendor::Http));
            assert_eq!(rows, expected, "{vendor}");
        }
    }
}
