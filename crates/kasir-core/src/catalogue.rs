//! The payment-method catalogue: which PSP offers which method, under which wire name, in which
//! currencies, within which amount limits, with which refund rules.
//!
//! Every limit comes from the PSPs' own documents (the seeds):
//! - Opn TrueMoney QR: 10000–5000000 satang (THB 100.00–50,000.00), seed 004 "Limits".
//! - WooshPay TrueMoney: 0.01–10,000 THB, seed 000 "Features".
//! - WooshPay Akulaku: 0.01–25,000,000 IDR, seed 001.
//! - ecommpay TrueMoney (`true-money`): 100.00–500,000.00 THB, seed 003; no refunds.
//! - Opn TrueMoney Wallet ฿20–฿100,000 and PromptPay ฿20–฿150,000 are not in the seeds; they come
//!   from the reference notes (second-hand) and Opn's documented THB charge minimum of ฿20.

use crate::money::{Currency, Money};
use std::fmt;
use std::str::FromStr;

/// A payment method as the shopper sees it (PSP-independent id).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MethodId {
    /// TrueMoney QR: scan an offline QR code with the TrueMoney app.
    TruemoneyQr,
    /// TrueMoney Wallet: redirect to TrueMoney (phone + OTP or app).
    Truemoney,
    /// Akulaku PayLater instalments (Indonesia).
    Akulaku,
    /// Thai PromptPay QR.
    Promptpay,
}

impl MethodId {
    /// All methods, in display order.
    pub const ALL: &'static [MethodId] = &[
        MethodId::TruemoneyQr,
        MethodId::Truemoney,
        MethodId::Akulaku,
        MethodId::Promptpay,
    ];
    /// The Kasir id used in options and events.
    pub fn as_str(self) -> &'static str {
        match self {
            MethodId::TruemoneyQr => "truemoney_qr",
            MethodId::Truemoney => "truemoney",
            MethodId::Akulaku => "akulaku",
            MethodId::Promptpay => "promptpay",
        }
    }
    /// The brand name (not translated).
    pub fn display_name(self) -> &'static str {
        match self {
            MethodId::TruemoneyQr => "TrueMoney QR",
            MethodId::Truemoney => "TrueMoney Wallet",
            MethodId::Akulaku => "Akulaku",
            MethodId::Promptpay => "PromptPay",
        }
    }
}

impl fmt::Display for MethodId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An id that is not a known method.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown payment method `{0}`")]
pub struct UnknownMethod(pub String);

impl FromStr for MethodId {
    type Err = UnknownMethod;
    fn from_str(s: &str) -> Result<Self, UnknownMethod> {
        MethodId::ALL
            .iter()
            .copied()
            .find(|m| m.as_str() == s)
            .ok_or_else(|| UnknownMethod(s.to_string()))
    }
}

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

impl Psp {
    /// All providers.
    pub const ALL: &'static [Psp] = &[Psp::Omise, Psp::Wooshpay, Psp::Ecommpay];
    /// The id used in options (`provider`).
    pub fn as_str(self) -> &'static str {
        match self {
            Psp::Omise => "omise",
            Psp::Wooshpay => "wooshpay",
            Psp::Ecommpay => "ecommpay",
        }
    }
    /// Human name.
    pub fn display_name(self) -> &'static str {
        match self {
            Psp::Omise => "Opn Payments",
            Psp::Wooshpay => "WooshPay",
            Psp::Ecommpay => "ecommpay",
        }
    }
    /// The live API base URL.
    pub fn live_api_base(self) -> &'static str {
        match self {
            Psp::Omise => "https://api.omise.co",
            Psp::Wooshpay => "https://api.wooshpay.com",
            Psp::Ecommpay => "https://api.ecommpay.com",
        }
    }
}

/// A provider id that is not known.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown provider `{0}` (expected omise, wooshpay or ecommpay)")]
pub struct UnknownPsp(pub String);

impl FromStr for Psp {
    type Err = UnknownPsp;
    fn from_str(s: &str) -> Result<Self, UnknownPsp> {
        match s {
            "omise" | "opn" => Ok(Psp::Omise),
            "wooshpay" => Ok(Psp::Wooshpay),
            "ecommpay" => Ok(Psp::Ecommpay),
            _ => Err(UnknownPsp(s.to_string())),
        }
    }
}

/// How the shopper completes a method.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    /// Scan a QR code; the charge completes offline.
    OfflineQr,
    /// Leave the page for the provider's page and come back.
    Redirect,
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

/// What a TrueMoney charge was funded with: seed 004's table rows differ per funding source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TruemoneyFunding {
    /// Wallet balance.
    WalletBalance,
    /// Linked bank account.
    BankAccount,
    /// Credit card linked to the wallet.
    CreditCard,
    /// Pay Next.
    PayNext,
    /// Pay Next Extra.
    PayNextExtra,
}

/// Opn TrueMoney void/refund rules per funding source (seed 004): voids on the day of
/// authorisation, refunds within 30 days of charge creation.
pub fn opn_truemoney_refund_rule(funding: TruemoneyFunding) -> RefundRule {
    let (void_partial, refund_full) = match funding {
        TruemoneyFunding::WalletBalance | TruemoneyFunding::BankAccount => (true, true),
        TruemoneyFunding::CreditCard
        | TruemoneyFunding::PayNext
        | TruemoneyFunding::PayNextExtra => (false, true),
    };
    RefundRule {
        void_full: true,
        void_partial,
        refund_full,
        refund_partial: false,
        multiple_partial: false,
        refund_window_days: Some(30),
    }
}

/// One PSP's offer of one method.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Offer {
    /// The method.
    pub method: MethodId,
    /// The provider.
    pub psp: Psp,
    /// The provider's own name for it (Opn source type, WooshPay payment_method_type, ecommpay
    /// method code).
    pub wire_name: &'static str,
    /// The provider's name on mobile devices when it differs (Opn `truemoney_jumpapp`).
    pub wire_name_mobile: Option<&'static str>,
    /// How the shopper completes it.
    pub flow: Flow,
    /// The one currency it is offered in.
    pub currency: Currency,
    /// Minimum amount, minor units, inclusive.
    pub min_minor: i64,
    /// Maximum amount, minor units, inclusive.
    pub max_minor: i64,
    /// Refund rules (for TrueMoney on Opn: the wallet-balance row; see
    /// [`opn_truemoney_refund_rule`] for the others).
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
}

const WOOSHPAY_TRUEMONEY_REFUNDS: RefundRule = RefundRule {
    void_full: false,
    void_partial: false,
    refund_full: true,
    refund_partial: true,
    multiple_partial: false,
    refund_window_days: None,
};

const OPN_TRUEMONEY_WALLET_ROW: RefundRule = RefundRule {
    void_full: true,
    void_partial: true,
    refund_full: true,
    refund_partial: false,
    multiple_partial: false,
    refund_window_days: Some(30),
};

/// Every offer Kasir knows.
pub const OFFERS: &[Offer] = &[
    Offer {
        method: MethodId::TruemoneyQr,
        psp: Psp::Omise,
        wire_name: "truemoney_qr",
        wire_name_mobile: None,
        flow: Flow::OfflineQr,
        currency: Currency::THB,
        min_minor: 10_000,
        max_minor: 5_000_000,
        refunds: OPN_TRUEMONEY_WALLET_ROW,
    },
    Offer {
        method: MethodId::Truemoney,
        psp: Psp::Omise,
        wire_name: "truemoney",
        wire_name_mobile: Some("truemoney_jumpapp"),
        flow: Flow::Redirect,
        currency: Currency::THB,
        min_minor: 2_000,
        max_minor: 10_000_000,
        refunds: OPN_TRUEMONEY_WALLET_ROW,
    },
    Offer {
        method: MethodId::Promptpay,
        psp: Psp::Omise,
        wire_name: "promptpay",
        wire_name_mobile: None,
        flow: Flow::OfflineQr,
        currency: Currency::THB,
        min_minor: 2_000,
        max_minor: 15_000_000,
        refunds: RefundRule::NONE,
    },
    Offer {
        method: MethodId::Truemoney,
        psp: Psp::Wooshpay,
        wire_name: "truemoney",
        wire_name_mobile: None,
        flow: Flow::Redirect,
        currency: Currency::THB,
        min_minor: 1,
        max_minor: 1_000_000,
        refunds: WOOSHPAY_TRUEMONEY_REFUNDS,
    },
    Offer {
        method: MethodId::Akulaku,
        psp: Psp::Wooshpay,
        wire_name: "akulaku",
        wire_name_mobile: None,
        flow: Flow::Redirect,
        currency: Currency::IDR,
        min_minor: 1,
        max_minor: 2_500_000_000,
        refunds: WOOSHPAY_TRUEMONEY_REFUNDS,
    },
    Offer {
        method: MethodId::Truemoney,
        psp: Psp::Ecommpay,
        wire_name: "true-money",
        wire_name_mobile: None,
        flow: Flow::Redirect,
        currency: Currency::THB,
        min_minor: 10_000,
        max_minor: 50_000_000,
        refunds: RefundRule::NONE,
    },
];

/// The offer of `method` by `psp`, if any.
pub fn offer(method: MethodId, psp: Psp) -> Option<&'static Offer> {
    OFFERS.iter().find(|o| o.method == method && o.psp == psp)
}

/// The offer a PSP knows under a wire name (either desktop or mobile name).
pub fn offer_by_wire_name(psp: Psp, wire: &str) -> Option<&'static Offer> {
    OFFERS
        .iter()
        .find(|o| o.psp == psp && (o.wire_name == wire || o.wire_name_mobile == Some(wire)))
}

/// All offers of one PSP, in display order.
pub fn offers_of(psp: Psp) -> impl Iterator<Item = &'static Offer> {
    MethodId::ALL.iter().filter_map(move |m| offer(*m, psp))
}

/// Why a method cannot be used for an amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unavailable {
    /// The provider does not offer the method at all.
    NotOffered,
    /// The provider offers the method only in `supported`.
    CurrencyNotSupported {
        /// the currency asked for
        currency: Currency,
        /// the one it is offered in
        supported: Currency,
    },
    /// The amount is below the method's minimum.
    BelowMinimum {
        /// the minimum
        min: Money,
    },
    /// The amount is above the method's maximum.
    AboveMaximum {
        /// the maximum
        max: Money,
    },
}

/// Whether a method can be used for an amount with a provider.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Availability {
    /// It can.
    Available(&'static Offer),
    /// It cannot, and why.
    Unavailable(Unavailable),
}

impl Availability {
    /// True when available.
    pub fn is_available(&self) -> bool {
        matches!(self, Availability::Available(_))
    }
}

/// Can `method` be paid with `psp` for `money`? The reason is structured so the picker can say
/// why not ("Available from ฿100.00").
pub fn availability(method: MethodId, psp: Psp, money: Money) -> Availability {
    let Some(o) = offer(method, psp) else {
        return Availability::Unavailable(Unavailable::NotOffered);
    };
    if money.currency != o.currency {
        return Availability::Unavailable(Unavailable::CurrencyNotSupported {
            currency: money.currency,
            supported: o.currency,
        });
    }
    if money.minor < o.min_minor {
        return Availability::Unavailable(Unavailable::BelowMinimum { min: o.min() });
    }
    if money.minor > o.max_minor {
        return Availability::Unavailable(Unavailable::AboveMaximum { max: o.max() });
    }
    Availability::Available(o)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn thb(minor: i64) -> Money {
        Money::new(minor, Currency::THB)
    }

    #[test]
    fn limits_from_the_seeds_inclusive() {
        use Availability::*;
        let a = |m, p, money| availability(m, p, money);
        assert!(a(MethodId::TruemoneyQr, Psp::Omise, thb(10_000)).is_available());
        assert!(a(MethodId::TruemoneyQr, Psp::Omise, thb(5_000_000)).is_available());
        assert_eq!(
            a(MethodId::TruemoneyQr, Psp::Omise, thb(9_999)),
            Unavailable(super::Unavailable::BelowMinimum { min: thb(10_000) })
        );
        assert_eq!(
            a(MethodId::TruemoneyQr, Psp::Omise, thb(5_000_001)),
            Unavailable(super::Unavailable::AboveMaximum {
                max: thb(5_000_000)
            })
        );
        assert!(a(MethodId::Truemoney, Psp::Wooshpay, thb(1)).is_available());
        assert!(a(MethodId::Truemoney, Psp::Wooshpay, thb(1_000_000)).is_available());
        assert!(!a(MethodId::Truemoney, Psp::Wooshpay, thb(1_000_001)).is_available());
        let idr = |m| Money::new(m, Currency::IDR);
        assert!(a(MethodId::Akulaku, Psp::Wooshpay, idr(2_500_000_000)).is_available());
        assert!(!a(MethodId::Akulaku, Psp::Wooshpay, idr(2_500_000_001)).is_available());
        assert_eq!(
            a(MethodId::Akulaku, Psp::Wooshpay, thb(100)),
            Unavailable(super::Unavailable::CurrencyNotSupported {
                currency: Currency::THB,
                supported: Currency::IDR
            })
        );
        assert!(a(MethodId::Truemoney, Psp::Ecommpay, thb(10_000)).is_available());
        assert!(a(MethodId::Truemoney, Psp::Ecommpay, thb(50_000_000)).is_available());
        assert!(!a(MethodId::Truemoney, Psp::Ecommpay, thb(9_999)).is_available());
        assert_eq!(
            a(MethodId::Akulaku, Psp::Omise, thb(10_000)),
            Unavailable(super::Unavailable::NotOffered)
        );
    }

    #[test]
    fn wire_names() {
        assert_eq!(
            offer(MethodId::Truemoney, Psp::Ecommpay).unwrap().wire_name,
            "true-money"
        );
        let opn = offer(MethodId::Truemoney, Psp::Omise).unwrap();
        assert_eq!(opn.wire_name_for(false), "truemoney");
        assert_eq!(opn.wire_name_for(true), "truemoney_jumpapp");
        assert_eq!(
            offer_by_wire_name(Psp::Omise, "truemoney_jumpapp")
                .unwrap()
                .method,
            MethodId::Truemoney
        );
        assert_eq!(
            offer_by_wire_name(Psp::Omise, "truemoney_qr")
                .unwrap()
                .method,
            MethodId::TruemoneyQr
        );
        assert!(offer_by_wire_name(Psp::Wooshpay, "truemoney_qr").is_none());
        assert_eq!("akulaku".parse::<MethodId>().unwrap(), MethodId::Akulaku);
        assert!("paypal".parse::<MethodId>().is_err());
        assert_eq!("opn".parse::<Psp>().unwrap(), Psp::Omise);
    }

    #[test]
    fn refund_rules_from_seed_004() {
        let w = opn_truemoney_refund_rule(TruemoneyFunding::WalletBalance);
        assert!(w.void_full && w.void_partial && w.refund_full && !w.refund_partial);
        assert_eq!(w.refund_window_days, Some(30));
        let c = opn_truemoney_refund_rule(TruemoneyFunding::PayNext);
        assert!(c.void_full && !c.void_partial && c.refund_full && !c.refund_partial);
        assert_eq!(
            offer(MethodId::Truemoney, Psp::Ecommpay).unwrap().refunds,
            RefundRule::NONE
        );
        let wp = offer(MethodId::Truemoney, Psp::Wooshpay).unwrap().refunds;
        assert!(wp.refund_partial && !wp.multiple_partial);
    }
}
