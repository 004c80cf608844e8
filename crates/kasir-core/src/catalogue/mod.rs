//! The payment-method catalogue as data: which PSP offers which method, under which wire name,
//! in which currency, by which flow, within which amount limits, asking the shopper for what,
//! with which refund rules. One row per (method, PSP, currency) in [`rows::OFFERS`]; every
//! consumer (widget, sandbox, demo shop) takes wire names from here.
//!
//! - [`model`]: the types ([`MethodId`], [`Psp`], [`Flow`], [`Input`], [`Offer`], …).
//! - [`rows`]: the data.
//! - this module: lookups and [`availability`].

pub mod account;
pub mod banks;
pub mod model;
pub mod rows;

pub use account::{Account, BankChoice};
pub use model::{
    Bank, Flow, Input, Method, MethodId, Offer, Psp, RefundRule, UnknownMethod, UnknownPsp,
};
pub use rows::{METHODS, OFFERS};

use crate::money::{Currency, Money};
use std::str::FromStr;

impl MethodId {
    /// All methods, in display order.
    pub fn all() -> impl Iterator<Item = MethodId> {
        METHODS.iter().map(|m| m.id)
    }
    /// The brand name (not translated).
    pub fn display_name(self) -> &'static str {
        METHODS
            .iter()
            .find(|m| m.id == self)
            .map_or(self.0, |m| m.name)
    }
}

impl FromStr for MethodId {
    type Err = UnknownMethod;
    fn from_str(s: &str) -> Result<Self, UnknownMethod> {
        MethodId::all()
            .find(|m| m.as_str() == s)
            .ok_or_else(|| UnknownMethod(s.to_string()))
    }
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

/// The offer of `method` by `psp` in `currency`, if any.
pub fn offer(method: MethodId, psp: Psp, currency: Currency) -> Option<&'static Offer> {
    OFFERS
        .iter()
        .find(|o| o.method == method && o.psp == psp && o.currency == currency)
}

/// Every currency row of `method` by `psp`.
pub fn offers_for(method: MethodId, psp: Psp) -> impl Iterator<Item = &'static Offer> {
    OFFERS
        .iter()
        .filter(move |o| o.method == method && o.psp == psp)
}

/// The first offer a PSP knows under a wire name (either desktop or mobile name).
pub fn offer_by_wire_name(psp: Psp, wire: &str) -> Option<&'static Offer> {
    OFFERS
        .iter()
        .find(|o| o.psp == psp && o.has_wire_name(wire))
}

/// The offer a PSP knows under a wire name in one currency.
pub fn offer_by_wire_name_in(psp: Psp, wire: &str, currency: Currency) -> Option<&'static Offer> {
    OFFERS
        .iter()
        .find(|o| o.psp == psp && o.currency == currency && o.has_wire_name(wire))
}

/// All offers of one PSP (every currency), methods in display order.
pub fn offers_of(psp: Psp) -> impl Iterator<Item = &'static Offer> {
    METHODS.iter().flat_map(move |m| offers_for(m.id, psp))
}

/// Whether any of `psp`'s offers asks the shopper for something (phone, bank, plan, email).
/// A `const fn`, so that a build carrying only PSPs whose rows ask nothing can leave the input
/// code out at compile time.
pub const fn asks_inputs(psp: Psp) -> bool {
    let mut i = 0;
    while i < OFFERS.len() {
        if OFFERS[i].psp as u8 == psp as u8 && !OFFERS[i].inputs.is_empty() {
            return true;
        }
        i += 1;
    }
    false
}

/// Why a method cannot be used for an amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unavailable {
    /// The provider does not offer the method at all.
    NotOffered,
    /// The provider offers the method only in other currencies (`supported`: the first).
    CurrencyNotSupported {
        /// the currency asked for
        currency: Currency,
        /// a currency it is offered in
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
    let Some(o) = offer(method, psp, money.currency) else {
        return Availability::Unavailable(match offers_for(method, psp).next() {
            Some(other) => Unavailable::CurrencyNotSupported {
                currency: money.currency,
                supported: other.currency,
            },
            None => Unavailable::NotOffered,
        });
    };
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

    fn m(id: &str) -> MethodId {
        id.parse().unwrap()
    }

    fn thb(minor: i64) -> Money {
        Money::new(minor, Currency::THB)
    }

    #[test]
    fn asks_inputs_is_whether_a_row_of_the_psp_has_inputs() {
        for p in [Psp::Omise, Psp::Wooshpay, Psp::Ecommpay] {
            let any = OFFERS.iter().any(|o| o.psp == p && !o.inputs.is_empty());
            assert_eq!(asks_inputs(p), any, "{p:?}");
        }
        // today only Opn's rows ask (TrueMoney's phone, banks, plans, FPX's email)
        assert!(asks_inputs(Psp::Omise));
        assert!(!asks_inputs(Psp::Wooshpay) && !asks_inputs(Psp::Ecommpay));
    }

    #[test]
    fn limits_from_the_seeds_inclusive() {
        use Availability::*;
        let a = |m, p, money| availability(m, p, money);
        assert!(a(m("truemoney_qr"), Psp::Omise, thb(10_000)).is_available());
        assert!(a(m("truemoney_qr"), Psp::Omise, thb(5_000_000)).is_available());
        assert_eq!(
            a(m("truemoney_qr"), Psp::Omise, thb(9_999)),
            Unavailable(super::Unavailable::BelowMinimum { min: thb(10_000) })
        );
        assert_eq!(
            a(m("truemoney_qr"), Psp::Omise, thb(5_000_001)),
            Unavailable(super::Unavailable::AboveMaximum {
                max: thb(5_000_000)
            })
        );
        assert!(a(m("truemoney"), Psp::Wooshpay, thb(1)).is_available());
        assert!(a(m("truemoney"), Psp::Wooshpay, thb(1_000_000)).is_available());
        assert!(!a(m("truemoney"), Psp::Wooshpay, thb(1_000_001)).is_available());
        let idr = |m| Money::new(m, Currency::IDR);
        assert!(a(m("akulaku"), Psp::Wooshpay, idr(2_500_000_000)).is_available());
        assert!(!a(m("akulaku"), Psp::Wooshpay, idr(2_500_000_001)).is_available());
        assert_eq!(
            a(m("akulaku"), Psp::Wooshpay, thb(100)),
            Unavailable(super::Unavailable::CurrencyNotSupported {
                currency: Currency::THB,
                supported: Currency::IDR
            })
        );
        assert!(a(m("truemoney"), Psp::Ecommpay, thb(10_000)).is_available());
        assert!(a(m("truemoney"), Psp::Ecommpay, thb(50_000_000)).is_available());
        assert!(!a(m("truemoney"), Psp::Ecommpay, thb(9_999)).is_available());
        assert_eq!(
            a(m("akulaku"), Psp::Omise, thb(10_000)),
            Unavailable(super::Unavailable::NotOffered)
        );
    }

    #[test]
    fn wire_names() {
        assert_eq!(
            offer(m("truemoney"), Psp::Ecommpay, Currency::THB)
                .unwrap()
                .wire_name,
            "true-money"
        );
        let opn = offer(m("truemoney"), Psp::Omise, Currency::THB).unwrap();
        assert_eq!(opn.wire_name_for(false), "truemoney");
        assert_eq!(opn.wire_name_for(true), "truemoney_jumpapp");
        assert_eq!(
            offer_by_wire_name(Psp::Omise, "truemoney_jumpapp")
                .unwrap()
                .method,
            m("truemoney")
        );
        assert_eq!(
            offer_by_wire_name(Psp::Omise, "truemoney_qr")
                .unwrap()
                .method,
            m("truemoney_qr")
        );
        assert!(offer_by_wire_name(Psp::Wooshpay, "truemoney_qr").is_none());
        assert_eq!("akulaku".parse::<MethodId>().unwrap().as_str(), "akulaku");
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
            offer(m("truemoney"), Psp::Ecommpay, Currency::THB)
                .unwrap()
                .refunds,
            RefundRule::NONE
        );
        let wp = offer(m("truemoney"), Psp::Wooshpay, Currency::THB)
            .unwrap()
            .refunds;
        assert!(wp.refund_partial && !wp.multiple_partial);
    }

    #[test]
    fn one_row_per_method_psp_currency_and_every_row_is_consistent() {
        for (i, a) in OFFERS.iter().enumerate() {
            assert!(
                METHODS.iter().any(|x| x.id == a.method),
                "{} is not in METHODS",
                a.method
            );
            assert!(a.min_minor >= 1 && a.min_minor <= a.max_minor, "{a:?}");
            assert!(!a.wire_name.is_empty(), "{a:?}");
            for b in &OFFERS[i + 1..] {
                assert!(
                    !(a.method == b.method && a.psp == b.psp && a.currency == b.currency),
                    "two rows for {} / {:?} / {:?}",
                    a.method,
                    a.psp,
                    a.currency
                );
            }
        }
        let mut ids: Vec<&str> = METHODS.iter().map(|x| x.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), METHODS.len(), "method ids are unique");
    }

    #[test]
    fn a_method_in_several_currencies_is_several_rows() {
        let shopee = m("shopeepay");
        let rows: Vec<Currency> = offers_for(shopee, Psp::Omise).map(|o| o.currency).collect();
        assert_eq!(rows, vec![Currency::THB, Currency::SGD, Currency::MYR]);
        assert!(availability(shopee, Psp::Omise, Money::new(10_000, Currency::SGD)).is_available());
        assert!(availability(shopee, Psp::Omise, Money::new(10_000, Currency::MYR)).is_available());
        assert_eq!(
            availability(shopee, Psp::Omise, Money::new(10_000, Currency::IDR)),
            Availability::Unavailable(Unavailable::CurrencyNotSupported {
                currency: Currency::IDR,
                supported: Currency::THB
            })
        );
        assert_eq!(
            offer_by_wire_name_in(Psp::Omise, "shopeepay_jumpapp", Currency::MYR)
                .map(|o| o.currency),
            Some(Currency::MYR)
        );
        assert_eq!("opn".parse::<Psp>(), Ok(Psp::Omise));
        assert_eq!(Psp::Ecommpay.as_str(), "ecommpay");
        assert_eq!(Psp::Wooshpay.live_api_base(), "https://api.wooshpay.com");
    }

    #[test]
    fn a_bank_in_the_wire_name_is_one_row_with_its_banks() {
        let mb = offer(m("mobile_banking"), Psp::Omise, Currency::THB).unwrap();
        assert_eq!(
            mb.wire_name_with(true, Some("kbank")),
            "mobile_banking_kbank"
        );
        assert!(mb.has_wire_name("mobile_banking_scb"));
        assert!(!mb.has_wire_name("mobile_banking_xyz"));
        assert!(!mb.has_wire_name("mobile_banking"));
        assert_eq!(
            offer_by_wire_name(Psp::Omise, "installment_first_choice").map(|o| o.method),
            Some(m("installment"))
        );
        let inst = offer(m("installment"), Psp::Omise, Currency::THB).unwrap();
        let fc = inst.bank_in_wire_name("installment_first_choice").unwrap();
        assert_eq!(fc.terms.last(), Some(&36));
        assert!(mb.mobile_only && mb.platform_type);
        // FPX sends the bank as a field: its wire name stays plain
        let fpx = offer(m("fpx"), Psp::Omise, Currency::MYR).unwrap();
        assert_eq!(fpx.wire_name_with(false, Some("cimb")), "fpx");
        assert!(fpx.asks(Input::Bank, false) && fpx.asks(Input::Email, true));
    }

    #[test]
    fn truemoney_asks_the_phone_only_for_the_desktop_source_type() {
        let tm = offer(m("truemoney"), Psp::Omise, Currency::THB).unwrap();
        assert!(tm.asks(Input::Phone, false));
        assert!(
            !tm.asks(Input::Phone, true),
            "truemoney_jumpapp needs no phone"
        );
    }

    #[test]
    fn every_method_of_the_coverage_table_is_offered_for_its_currencies() {
        use Currency::*;
        let table: &[(&str, &[Currency])] = &[
            ("promptpay", &[THB]),
            ("truemoney", &[THB]),
            ("truemoney_qr", &[THB]),
            ("rabbit_linepay", &[THB]),
            ("shopeepay", &[THB, SGD, MYR]),
            ("mobile_banking", &[THB]),
            ("installment", &[THB]),
            ("grabpay", &[SGD, MYR]),
            ("paynow", &[SGD]),
            ("duitnow_qr", &[MYR]),
            ("fpx", &[MYR]),
            ("touch_n_go", &[MYR]),
            ("qris", &[IDR]),
            ("akulaku", &[IDR]),
        ];
        assert_eq!(table.len(), METHODS.len());
        for (id, currencies) in table {
            for c in *currencies {
                assert!(
                    Psp::ALL.iter().any(|p| offer(m(id), *p, *c).is_some()),
                    "{id} in {c:?}"
                );
            }
        }
    }
}
