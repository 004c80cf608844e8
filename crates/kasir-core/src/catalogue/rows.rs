//! The catalogue's rows: every method Kasir knows, and every (method, PSP, currency) offer.
//! Adding a method on an existing flow is adding rows here (see CONTRIBUTING.md).
//!
//! Every limit comes from the PSPs' own documents (the seeds) where they give one:
//! - Opn TrueMoney QR: 10000–5000000 satang (THB 100.00–50,000.00), seed 004 "Limits".
//! - WooshPay TrueMoney: 0.01–10,000 THB, seed 000 "Features".
//! - WooshPay Akulaku: 0.01–25,000,000 IDR, seed 001.
//! - ecommpay TrueMoney (`true-money`): 100.00–500,000.00 THB, seed 003; no refunds.
//! - Opn TrueMoney Wallet ฿20–฿100,000 and PromptPay ฿20–฿150,000 are not in the seeds; they come
//!   from the reference notes (second-hand) and Opn's documented THB charge minimum of ฿20.
//! - Opn ShopeePay in SGD (S$1.00–S$20,000.00) and MYR (RM1.00–RM50,000.00): no documented
//!   limits; UNVERIFIED, stated in the sandbox README. (THB joins with the coverage work.)

use super::model::{Flow, Method, MethodId, Offer, Psp, RefundRule};
use crate::money::Currency;

/// Every method, in display order.
pub const METHODS: &[Method] = &[
    Method {
        id: MethodId("truemoney_qr"),
        name: "TrueMoney QR",
    },
    Method {
        id: MethodId("truemoney"),
        name: "TrueMoney Wallet",
    },
    Method {
        id: MethodId("akulaku"),
        name: "Akulaku",
    },
    Method {
        id: MethodId("promptpay"),
        name: "PromptPay",
    },
    Method {
        id: MethodId("shopeepay"),
        name: "ShopeePay",
    },
];

const WOOSHPAY_TRUEMONEY_REFUNDS: RefundRule = RefundRule {
    void_full: false,
    void_partial: false,
    refund_full: true,
    refund_partial: true,
    multiple_partial: false,
    refund_window_days: None,
};

/// Opn TrueMoney, seed 004's wallet-balance row: voids on the day of authorisation, refunds
/// within 30 days of charge creation.
const OPN_TRUEMONEY_WALLET_ROW: RefundRule = RefundRule {
    void_full: true,
    void_partial: true,
    refund_full: true,
    refund_partial: false,
    multiple_partial: false,
    refund_window_days: Some(30),
};

/// Every offer Kasir knows: one row per (method, PSP, currency).
pub const OFFERS: &[Offer] = &[
    Offer {
        method: MethodId("truemoney_qr"),
        psp: Psp::Omise,
        currency: Currency::THB,
        wire_name: "truemoney_qr",
        wire_name_mobile: None,
        flow: Flow::OfflineQr,
        min_minor: 10_000,
        max_minor: 5_000_000,
        inputs: &[],
        refunds: OPN_TRUEMONEY_WALLET_ROW,
    },
    Offer {
        method: MethodId("truemoney"),
        psp: Psp::Omise,
        currency: Currency::THB,
        wire_name: "truemoney",
        wire_name_mobile: Some("truemoney_jumpapp"),
        flow: Flow::Redirect,
        min_minor: 2_000,
        max_minor: 10_000_000,
        inputs: &[],
        refunds: OPN_TRUEMONEY_WALLET_ROW,
    },
    Offer {
        method: MethodId("promptpay"),
        psp: Psp::Omise,
        currency: Currency::THB,
        wire_name: "promptpay",
        wire_name_mobile: None,
        flow: Flow::OfflineQr,
        min_minor: 2_000,
        max_minor: 15_000_000,
        inputs: &[],
        refunds: RefundRule::NONE,
    },
    Offer {
        method: MethodId("shopeepay"),
        psp: Psp::Omise,
        currency: Currency::SGD,
        wire_name: "shopeepay",
        wire_name_mobile: Some("shopeepay_jumpapp"),
        flow: Flow::Redirect,
        min_minor: 100,
        max_minor: 2_000_000,
        inputs: &[],
        refunds: RefundRule::NONE,
    },
    Offer {
        method: MethodId("shopeepay"),
        psp: Psp::Omise,
        currency: Currency::MYR,
        wire_name: "shopeepay",
        wire_name_mobile: Some("shopeepay_jumpapp"),
        flow: Flow::Redirect,
        min_minor: 100,
        max_minor: 5_000_000,
        inputs: &[],
        refunds: RefundRule::NONE,
    },
    Offer {
        method: MethodId("truemoney"),
        psp: Psp::Wooshpay,
        currency: Currency::THB,
        wire_name: "truemoney",
        wire_name_mobile: None,
        flow: Flow::AppRedirect,
        min_minor: 1,
        max_minor: 1_000_000,
        inputs: &[],
        refunds: WOOSHPAY_TRUEMONEY_REFUNDS,
    },
    Offer {
        method: MethodId("akulaku"),
        psp: Psp::Wooshpay,
        currency: Currency::IDR,
        wire_name: "akulaku",
        wire_name_mobile: None,
        flow: Flow::Redirect,
        min_minor: 1,
        max_minor: 2_500_000_000,
        inputs: &[],
        refunds: WOOSHPAY_TRUEMONEY_REFUNDS,
    },
    Offer {
        method: MethodId("truemoney"),
        psp: Psp::Ecommpay,
        currency: Currency::THB,
        wire_name: "true-money",
        wire_name_mobile: None,
        flow: Flow::Redirect,
        min_minor: 10_000,
        max_minor: 50_000_000,
        inputs: &[],
        refunds: RefundRule::NONE,
    },
];
