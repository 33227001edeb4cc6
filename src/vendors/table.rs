//! The built-in vendors as one table: each row a [`Reader`], in the order
//! every dispatch walks them. A new vendor is its reader module, its
//! catalog, and one row here.
//!
//! The order, for every hook alike: readers that claim by namespace first
//! (EWS, Salesforce, NetSuite), then those that claim by a decisive
//! signal of their own (Google's `google.rpc` types and reasons,
//! Kubernetes' `kind: Status`; AWS's and Azure's namespaces, headers and
//! JSON types), then those that claim by a path or a name (Marketo's
//! `serviceException`, SuperOffice's methods, QLM's `...Response`, USPS's
//! replies), then the catch-alls (OpenAir reads every method response and
//! numeric fault codes; Salto KS and the generic JSON formats read JSON
//! error shapes others share; the generic XML documents come last of all).
//! A reader asked for by name
//! ([`Options::vendor`](crate::Options::vendor)) is the only one allowed, so
//! the order matters only under auto-detection. `src/detection.rs` states
//! this order; a test holds it to the table.

use serde_json::Value;

use super::Ctx;
use super::profile::BuiltinProfile;
use crate::catalog::Entry;
use crate::emit::{Emitter, Halt, Stopped};
use crate::error::VendorError;
use crate::soap::Fault;
use crate::xml::{Element, Source};

/// One built-in vendor's reader: what it claims and how it reads it. Each
/// hook declines by default, so a reader writes only those it has.
pub(crate) trait Reader {
    /// Its catalog: code, name, English description, retry class.
    const CATALOG: &'static [Entry];

    /// The fault as this vendor's error (taken out of `fault`), or `None`
    /// when it is not this vendor's (`fault` untouched).
    fn read_fault(_fault: &mut Fault, _ctx: Ctx<'_>) -> Option<VendorError> {
        None
    }

    /// The built-in profile this reader reads faults by, when it does: its
    /// [`read_fault`](Reader::read_fault) declines every fault the
    /// profile's [`claims_fault`](BuiltinProfile::claims_fault) declines,
    /// so the table's walk passes it by when no profile's signal is in the
    /// fault (see [`FaultSignals`](super::profile::FaultSignals)), without
    /// asking it.
    fn builtin_profile() -> Option<&'static BuiltinProfile> {
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

/// The table: one row per built-in vendor with a reader, in the order every
/// dispatch walks them. From it come the reader modules, [`Vendor`] and
/// [`VendorHint`] (with `ALL`, `as_str` and `vendor`), the catalog lookup,
/// and each dispatch as one walk over the rows. A row: the vendor's doc,
/// `Variant = "name" in module`, the hint's doc; `module::Variant` is its
/// [`Reader`].
///
/// [`Vendor`]: crate::Vendor
/// [`VendorHint`]: crate::VendorHint
macro_rules! vendor_table {
    ($($(#[$doc:meta])* $variant:ident = $name:literal in $module:ident, hint $hint_doc:literal;)+) => {
        // Each reader module is public as its vendor's documentation page
        // (`vendor_errors::vendors::<name>`); everything in it stays private.
        $(pub mod $module;)+

        pub(crate) use names::{Vendor, VendorHint};

        /// The two enums, in a module of their own: `vendors` is a public
        /// page, and the enums are public at the crate root only.
        pub(crate) mod names {
            /// The system an error comes from. New vendors are added over time:
            /// match with a wildcard arm.
            ///
            /// Parsed (and deserialized) from its name, ignoring ASCII case: a
            /// built-in name gives that vendor, any other valid
            /// [`ProfileName`](crate::ProfileName) gives [`Vendor::Profile`] (so
            /// an error a profile reported, written as JSON, reads back).
            ///
            /// ```
            /// use vendor_errors::{ProfileName, Vendor};
            /// assert_eq!("openair".parse::<Vendor>().unwrap(), Vendor::OpenAir);
            /// assert_eq!(Vendor::SaltoKs.as_str(), "salto");
            /// let acme: Vendor = "acme".parse().unwrap();
            /// assert_eq!(acme, Vendor::Profile(ProfileName::new("acme").unwrap()));
            /// assert_eq!(acme.as_str(), "acme");
            /// assert!("no such vendor".parse::<Vendor>().is_err());
            /// ```
            #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
            #[non_exhaustive]
            pub enum Vendor {
                /// A SOAP 1.1 or 1.2 fault from any server; the code is the fault code's local name.
                Soap,
                /// Known only from the HTTP status (and maybe a page title): no error in the body.
                Http,
                $($(#[$doc])* $variant,)+
                /// A vendor taught by a [`Profile`](crate::Profile): its errors carry
                /// the profile's `vendor` name.
                Profile(crate::ProfileName),
            }

            impl Vendor {
                /// Every built-in vendor: `soap`, `http`, then those with a
                /// reader in the order they are tried (not the
                /// [`Vendor::Profile`]s).
                pub const ALL: &'static [Vendor] = &[Vendor::Soap, Vendor::Http, $(Vendor::$variant,)+];

                /// The name used in JSON output and on the command line.
                pub const fn as_str(self) -> &'static str {
                    match self {
                        Vendor::Soap => "soap",
                        Vendor::Http => "http",
                        $(Vendor::$variant => $name,)+
                        Vendor::Profile(name) => name.as_str(),
                    }
                }
            }

            /// Which reader to apply to a body: recognise it
            /// ([`VendorHint::Auto`], the default) or read it as one vendor's
            /// format.
            ///
            /// A hint narrows what is recognised: with [`VendorHint::Soap`] only
            /// SOAP faults count as errors, whoever sent them.
            ///
            /// Parsed (and deserialized) like [`Vendor`]: a built-in name, or any
            /// other valid [`ProfileName`](crate::ProfileName) for
            /// [`VendorHint::Profile`].
            ///
            /// ```
            /// use vendor_errors::{Vendor, VendorHint};
            /// assert_eq!("AUTO".parse::<VendorHint>().unwrap(), VendorHint::Auto);
            /// let acme: VendorHint = "acme".parse().unwrap();
            /// assert_eq!(acme.vendor().map(Vendor::as_str), Some("acme"));
            /// ```
            #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
            #[non_exhaustive]
            pub enum VendorHint {
                /// Recognise the body: SOAP envelope, vendor XML roots, JSON, HTML.
                #[default]
                Auto,
                /// Generic SOAP faults only.
                Soap,
                $(#[doc = $hint_doc] $variant,)+
                /// The vendor a [`Profile`](crate::Profile) teaches, and only it.
                Profile(crate::ProfileName),
            }

            impl VendorHint {
                /// Every built-in hint, as accepted by `--vendor` (not the
                /// [`VendorHint::Profile`]s).
                pub const ALL: &'static [VendorHint] = &[VendorHint::Auto, VendorHint::Soap, $(VendorHint::$variant,)+];

                /// The name used on the command line.
                pub const fn as_str(self) -> &'static str {
                    match self {
                        VendorHint::Auto => "auto",
                        VendorHint::Soap => "soap",
                        $(VendorHint::$variant => $name,)+
                        VendorHint::Profile(name) => name.as_str(),
                    }
                }

                /// The vendor a hint names; `None` for [`VendorHint::Auto`].
                pub const fn vendor(self) -> Option<Vendor> {
                    match self {
                        VendorHint::Auto => None,
                        VendorHint::Soap => Some(Vendor::Soap),
                        $(VendorHint::$variant => Some(Vendor::$variant),)+
                        VendorHint::Profile(name) => Some(Vendor::Profile(name)),
                    }
                }
            }
        }

        /// Each dispatch as one walk over the table's rows, in order.
        pub(crate) mod builtin {
            use serde_json::Value;

            use super::profile::{BuiltinProfile, FaultSignals};
            use super::table::Reader;
            use super::{Ctx, Vendor};
            use crate::catalog::Entry;
            use crate::emit::{Emitter, Halt, Stopped};
            use crate::error::VendorError;
            use crate::soap::Fault;
            use crate::xml::{Element, Source};

            /// The built-in vendors with a reader, in dispatch order.
            #[cfg(test)]
            pub(crate) const ORDER: &[Vendor] = &[$(Vendor::$variant),+];

            /// Each row's module (its vendor's page) and name.
            #[cfg(test)]
            pub(crate) const PAGES: &[(&str, &str)] = &[$((stringify!($module), $name)),+];

            /// The catalog of a vendor of the table.
            pub(crate) fn catalog(vendor: Vendor) -> Option<&'static [Entry]> {
                match vendor {
                    $(Vendor::$variant => Some(<super::$module::$variant as Reader>::CATALOG),)+
                    _ => None,
                }
            }

            /// The fault as the first vendor that claims it reads it (taken
            /// out of `fault`); `None` when none does. The built-in profiles
            /// are asked only when the fault holds a signal of theirs (or
            /// they are named): one lookup in [`FaultSignals`] for all.
            pub(crate) fn read_fault(fault: &mut Fault, ctx: Ctx<'_>) -> Option<VendorError> {
                let signals = FaultSignals::of(fault);
                $(if <super::$module::$variant as Reader>::builtin_profile()
                    .is_none_or(|profile| signals.may_be_claimed_by(profile, ctx))
                    && let Some(e) = <super::$module::$variant as Reader>::read_fault(fault, ctx)
                {
                    return Some(e);
                })+
                None
            }

            /// The built-in profiles, in the table's order.
            pub(crate) fn profiles() -> impl Iterator<Item = &'static BuiltinProfile> {
                [$(<super::$module::$variant as Reader>::builtin_profile()),+].into_iter().flatten()
            }

            /// Reads a document element with the first vendor that claims it;
            /// `false` when none does.
            pub(crate) fn read_root<S: Source>(root: Element<'_, S>, ctx: Ctx<'_>, out: &mut Emitter) -> Result<bool, Halt> {
                $(if <super::$module::$variant as Reader>::claims_root(&root, ctx) {
                    <super::$module::$variant as Reader>::read_root(root, ctx, out)?;
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
                $(if <super::$module::$variant as Reader>::claims_item(&item, ctx) {
                    <super::$module::$variant as Reader>::read_item(item, ctx, out)?;
                    return Ok(None);
                })+
                Ok(Some(item))
            }

            /// Reads a JSON body with the first vendor that claims it; `false`
            /// when none does.
            pub(crate) fn read_json(body: &Value, ctx: Ctx<'_>, out: &mut Emitter) -> Result<bool, Stopped> {
                $(if <super::$module::$variant as Reader>::read_json(body, ctx, out)? {
                    return Ok(true);
                })+
                Ok(false)
            }
        }
    };
}

pub(crate) use vendor_table;

#[cfg(test)]
mod tests {
    use crate::vendor::Vendor;

    /// Every vendor but the two without a reader of their own is a row.
    #[test]
    fn every_vendor_is_a_row_once() {
        for vendor in Vendor::ALL {
            let rows = super::super::builtin::ORDER.iter().filter(|v| *v == vendor).count();
            let expected = usize::from(!matches!(vendor, Vendor::Soap | Vendor::Http));
            assert_eq!(rows, expected, "{vendor}");
        }
    }

    /// Each reader module is its vendor's page, `vendors::<name>`: named as
    /// the vendor is.
    #[test]
    fn every_page_is_named_as_its_vendor() {
        for (module, name) in super::super::builtin::PAGES {
            assert_eq!(module, name);
        }
    }
}
