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
    /// A bank from the account's capability, sent as the `bank` field (Opn FPX).
    Bank,
    /// A bank from the account's capability, sent inside the wire name: `{wire_name}_{code}`
    /// (Opn `mobile_banking_kbank`, `installment_bay`).
    BankInWireName,
    /// An email address (FPX).
    Email,
    /// An instalment term in months (Opn `installment_term`), from the bank's terms.
    InstallmentTerm,
}

/// A bank (or card issuer) the shopper can choose for a method. For instalments it carries the
/// plan terms (months) and the smallest monthly amount the issuer accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bank {
    /// The PSP's code (`kbank`, `maybank2u`).
    pub code: &'static str,
    /// The bank's own name (not translated).
    pub name: &'static str,
    /// Instalment terms in months (empty for other methods).
    pub terms: &'static [u8],
    /// The smallest monthly instalment, minor units (0: no minimum).
    pub min_monthly_minor: i64,
}

impl Bank {
    /// A bank for a non-instalment method.
    pub const fn new(code: &'static str, name: &'static str) -> Bank {
        Bank {
            code,
            name,
            terms: &[],
            min_monthly_minor: 0,
        }
    }
    /// A card issuer offering instalments over `terms` months, at least `min_monthly_minor` a
    /// month.
    pub const fn plans(
        code: &'static str,
        name: &'static str,
        terms: &'static [u8],
        min_monthly_minor: i64,
    ) -> Bank {
        Bank {
            code,
            name,
            terms,
            min_monthly_minor,
        }
    }
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
    /// What the shopper must give first for `wire_name` (the mobile name asks nothing but the
    /// bank where the bank is part of the name).
    pub inputs: &'static [Input],
    /// The banks the shopper chooses from (the catalogue's list; the account's capability
    /// narrows it at run time).
    pub banks: &'static [Bank],
    /// Only payable on a phone (the PSP has no desktop path): a desktop picker shows it disabled
    /// with the reason.
    pub mobile_only: bool,
    /// The PSP wants the phone's platform (`platform_type` `IOS`/`ANDROID`) on a mobile device.
    pub platform_type: bool,
    /// Refund rules.
    pub refunds: RefundRule,
}

impl Offer {
    /// A row with no inputs, banks or refunds; the builder methods below add them.
    pub const fn new(
        method: &'static str,
        psp: Psp,
        currency: Currency,
        wire_name: &'static str,
        flow: Flow,
        min_minor: i64,
        max_minor: i64,
    ) -> Offer {
        Offer {
            method: MethodId(method),
            psp,
            currency,
            wire_name,
            wire_name_mobile: None,
            flow,
            min_minor,
            max_minor,
            inputs: &[],
            banks: &[],
            mobile_only: false,
            platform_type: false,
            refunds: RefundRule::NONE,
        }
    }
    /// Another wire name on mobile devices.
    pub const fn mobile(self, wire: &'static str) -> Offer {
        Offer {
            wire_name_mobile: Some(wire),
            ..self
        }
    }
    /// What the shopper must give.
    pub const fn inputs(self, inputs: &'static [Input]) -> Offer {
        Offer { inputs, ..self }
    }
    /// The banks to choose from.
    pub const fn banks(self, banks: &'static [Bank]) -> Offer {
        Offer { banks, ..self }
    }
    /// Refund rules.
    pub const fn refunds(self, refunds: RefundRule) -> Offer {
        Offer { refunds, ..self }
    }
    /// Payable on a phone only.
    pub const fn mobile_only(self) -> Offer {
        Offer {
            mobile_only: true,
            ..self
        }
    }
    /// Sends `platform_type` on mobile devices.
    pub const fn platform_type(self) -> Offer {
        Offer {
            platform_type: true,
            ..self
        }
    }
    /// Whether the shopper must give `input` on this device.
    pub fn asks(&self, input: Input, mobile: bool) -> bool {
        self.inputs.contains(&input)
            && (!mobile || self.wire_name_mobile.is_none() || input == Input::BankInWireName)
    }
    /// The bank `code` of this row's list.
    pub fn bank(&self, code: &str) -> Option<&'static Bank> {
        self.banks.iter().find(|b| b.code == code)
    }
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
    /// The wire name to use on a device (for a bank-in-name row, the prefix: see
    /// [`Offer::wire_name_with`]).
    pub fn wire_name_for(&self, mobile: bool) -> &'static str {
        match (mobile, self.wire_name_mobile) {
            (true, Some(m)) => m,
            _ => self.wire_name,
        }
    }
    /// The wire name to send on a device with the shopper's bank: `{prefix}_{bank}` where the
    /// bank is part of the name (`mobile_banking_kbank`), the plain name otherwise.
    pub fn wire_name_with(&self, mobile: bool, bank: Option<&str>) -> String {
        let name = self.wire_name_for(mobile);
        match bank {
            Some(b) if self.inputs.contains(&Input::BankInWireName) => [name, "_", b].concat(),
            _ => name.to_string(),
        }
    }
    /// The bank a wire name carries (`mobile_banking_kbank` → the `kbank` row), for bank-in-name
    /// rows.
    pub fn bank_in_wire_name(&self, wire: &str) -> Option<&'static Bank> {
        if !self.inputs.contains(&Input::BankInWireName) {
            return None;
        }
        let code = wire.strip_prefix(self.wire_name)?.strip_prefix('_')?;
        self.bank(code)
    }
    /// Whether `wire` is one of this row's wire names (a bank-in-name row: with one of its
    /// banks).
    pub fn has_wire_name(&self, wire: &str) -> bool {
        if self.inputs.contains(&Input::BankInWireName) {
            return self.bank_in_wire_name(wire).is_some();
        }
        self.wire_name == wire || self.wire_name_mobile == Some(wire)
    }
}
