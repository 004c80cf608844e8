//! The catalogue's vocabulary: method ids, providers, flows, shopper inputs, refund rules and
//! the [`Offer`] row. Pure data types; the rows themselves live in `rows`.

use crate::money::{Currency, Money};
use std::fmt;
use std::str::FromStr;

/// A payment method as the shopper sees it (PSP-independent id, e.g. `promptpay`). The ids are
/// the rows of [`super::rows::METHODS`]: adding a method is adding a row, not a variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MethodId(pub(crate) &'static str);

/// One method's PSP-independent facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Method {
    /// The Kasir id used in options and events (`truemoney_qr`).
    pub id: MethodId,
    /// The brand name (not translated).
    pub name: &'static str,
}

impl MethodId {
    /// The Kasir id used in options and events.
    pub fn as_str(self) -> &'static str {
        self.0
    }
}

impl fmt::Display for MethodId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

/// An id that is not a known method.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown payment method `{0}`")]
pub struct UnknownMethod(pub String);

/// A payment service provider Kasir speaks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Psp {
    /// Opn Payments (formerly Omise): sources + charges.
    Omise,
    /// WooshPay: Stripe-like payment intents and checkout sessions.
    Wooshpay,
    /// ecommpay: signed Payment Page, and Gate with callbacks.
    Ecommpay,
}

/// One provider's facts.
struct PspInfo {
    psp: Psp,
    id: &'static str,
    aliases: &'static [&'static str],
    name: &'static str,
    live_api_base: &'static str,
}

const PSPS: &[PspInfo] = &[
    PspInfo {
        psp: Psp::Omise,
        id: "omise",
        aliases: &["opn"],
        name: "Opn Payments",
        live_api_base: "https://api.omise.co",
    },
    PspInfo {
        psp: Psp::Wooshpay,
        id: "wooshpay",
        aliases: &[],
        name: "WooshPay",
        live_api_base: "https://api.wooshpay.com",
    },
    PspInfo {
        psp: Psp::Ecommpay,
        id: "ecommpay",
        aliases: &[],
        name: "ecommpay",
        live_api_base: "https://api.ecommpay.com",
    },
];

impl Psp {
    /// All providers.
    pub const ALL: &'static [Psp] = &[Psp::Omise, Psp::Wooshpay, Psp::Ecommpay];
    fn info(self) -> &'static PspInfo {
        // PSPS has one row per variant, in variant order
        &PSPS[self as usize]
    }
    /// The id used in options (`provider`).
    pub fn as_str(self) -> &'static str {
        self.info().id
    }
    /// Human name.
    pub fn display_name(self) -> &'static str {
        self.info().name
    }
    /// The live API base URL.
    pub fn live_api_base(self) -> &'static str {
        self.info().live_api_base
    }
}

/// A provider id that is not known.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown provider `{0}` (expected omise, wooshpay or ecommpay)")]
pub struct UnknownPsp(pub String);

impl FromStr for Psp {
    type Err = UnknownPsp;
    fn from_str(s: &str) -> Result<Self, UnknownPsp> {
        PSPS.iter()
            .find(|p| p.id == s || p.aliases.contains(&s))
            .map(|p| p.psp)
            .ok_or_else(|| UnknownPsp(s.to_string()))
    }
}

/// How the shopper completes a method.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    /// `offline_qr`: scan a QR code; the payment completes offline.
    OfflineQr,
    /// `redirect`: leave the page for the provider's page and come back.
    Redirect,
    /// `app_redirect`: open the wallet's app (a deep link); on a desktop only where the PSP
    /// offers a desktop path (a QR of the link for the phone).
    AppRedirect,
}

impl Flow {
    /// The flow kind's name (`offline_qr`, `redirect`, `app_redirect`).
    pub fn as_str(self) -> &'static str {
        match self {
            Flow::OfflineQr => "offline_qr",
            Flow::Redirect => "redirect",
            Flow::AppRedirect => "app_redirect",
        }
    }
}

/// Something the shopper must give before the payment can be created.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// A mobile phone number (Opn `truemoney`: `phone_number`).
    Phone,
    /// A bank from the account's capability (FPX, mobile banking, instalments).
    Bank,
    /// An email address (FPX).
    Email,
    /// An instalment term in months (Opn `installment_term`).
    InstallmentTerm,
}

/// Which operations are allowed after payment (seed 004's void/refund table; seed 000/001
/// feature lists; seed 003 "no refunds").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RefundRule {
    /// A full void is possible on the day of the payment.
    pub void_full: bool,
    /// A partial void is possible on the day of the payment.
    pub void_partial: bool,
    /// A full refund is possible afterwards.
    pub refund_full: bool,
    /// A partial refund is possible afterwards.
    pub refund_partial: bool,
    /// More than one partial refund is possible.
    pub multiple_partial: bool,
    /// Refunds are possible for this many days after the charge (None: the PSP's general rule).
    pub refund_window_days: Option<u32>,
}

impl RefundRule {
    /// Nothing can be refunded or voided.
    pub const NONE: RefundRule = RefundRule {
        void_full: false,
        void_partial: false,
        refund_full: false,
        refund_partial: false,
        multiple_partial: false,
        refund_window_days: None,
    };
}

/// One PSP's offer of one method in one currency: a row of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Offer {
    /// The method.
    pub method: MethodId,
    /// The provider.
    pub psp: Psp,
    /// The one currency of this row (a method offered in THB and SGD is two rows).
    pub currency: Currency,
    /// The provider's own name for it (Opn source type, WooshPay payment_method_type, ecommpay
    /// method code).
    pub wire_name: &'static str,
    /// The provider's name on mobile devices when it differs (Opn `truemoney_jumpapp`).
    pub wire_name_mobile: Option<&'static str>,
    /// How the shopper completes it.
    pub flow: Flow,
    /// Minimum amount, minor units, inclusive.
    pub min_minor: i64,
    /// Maximum amount, minor units, inclusive.
    pub max_minor: i64,
    /// What the shopper must give first (on the device where the wire name needs it).
    pub inputs: &'static [Input],
    /// Refund rules.
    pub refunds: RefundRule,
}

impl Offer {
    /// The minimum as money.
    pub fn min(&self) -> Money {
        Money::new(self.min_minor, self.currency)
    }
    /// The maximum as money.
    pub fn max(&self) -> Money {
        Money::new(self.max_minor, self.currency)
    }
    /// The wire name to use on a device.
    pub fn wire_name_for(&self, mobile: bool) -> &'static str {
        match (mobile, self.wire_name_mobile) {
            (true, Some(m)) => m,
            _ => self.wire_name,
        }
    }
    /// Whether `wire` is one of this row's wire names.
    pub fn has_wire_name(&self, wire: &str) -> bool {
        self.wire_name == wire || self.wire_name_mobile == Some(wire)
    }
}
