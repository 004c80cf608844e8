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
//! - WooshPay PromptPay THB 1–5,000: WooshPay's PromptPay page. ecommpay PromptPay THB
//!   500–500,000 and Malaysian online banking MYR 50–50,000: ecommpay's method pages.
//! - Opn instalments from ฿2,000 (capability `limits.installment_amount.min` 200000).
//! - UNVERIFIED (no documented limit; decided here, stated in the sandbox README): Opn's other
//!   THB rows take Opn's THB charge limits ฿20–฿150,000; SGD rows S$1.00–S$20,000.00; MYR rows
//!   RM1.00–RM50,000.00 except FPX RM1.00–RM30,000.00 (FPX's retail limit); WooshPay rows the
//!   same as Opn's for the currency; QRIS Rp1–Rp10,000,000 (the QRIS per-payment cap);
//!   ecommpay Touch 'n Go RM1.00–RM50,000.00. WooshPay IDR amounts are in cents (seed 001).
//! - UNVERIFIED codes: ecommpay `promptpay`, `touch-n-go`, `online-banking`; WooshPay QRIS
//!   shows its QR in the Stripe shape (`qris_display_qr_code`).

use super::banks::{FPX_BANKS, THAI_INSTALLMENTS, THAI_MOBILE_BANKING};
use super::model::{Flow, Input, Method, MethodId, Offer, Psp, RefundRule};
use crate::money::Currency::{IDR, MYR, SGD, THB};

const fn method(id: &'static str, name: &'static str) -> Method {
    Method {
        id: MethodId(id),
        name,
    }
}

/// Every method, in display order.
pub const METHODS: &[Method] = &[
    method("promptpay", "PromptPay"),
    method("truemoney", "TrueMoney Wallet"),
    method("truemoney_qr", "TrueMoney QR"),
    method("rabbit_linepay", "Rabbit LINE Pay"),
    method("shopeepay", "ShopeePay"),
    method("mobile_banking", "Mobile banking"),
    method("installment", "Installments"),
    method("grabpay", "GrabPay"),
    method("paynow", "PayNow"),
    method("duitnow_qr", "DuitNow QR"),
    method("fpx", "FPX"),
    method("touch_n_go", "Touch 'n Go eWallet"),
    method("qris", "QRIS"),
    method("akulaku", "Akulaku"),
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

use Flow::{AppRedirect, OfflineQr, Redirect};
use Psp::{Ecommpay, Omise, Wooshpay};

/// Whether this build of the crate has `psp`'s rows (cargo features `omise`, `wooshpay`,
/// `ecommpay`; all by default). The widget's build for one provider has only its rows.
pub const fn has_rows(psp: Psp) -> bool {
    match psp {
        Omise => cfg!(feature = "omise"),
        Wooshpay => cfg!(feature = "wooshpay"),
        Ecommpay => cfg!(feature = "ecommpay"),
    }
}

const fn kept() -> usize {
    let (mut i, mut n) = (0, 0);
    while i < ALL.len() {
        if has_rows(ALL[i].psp) {
            n += 1;
        }
        i += 1;
    }
    n
}

/// [`ALL`]'s rows of this build's PSPs, in order.
const KEPT: [Offer; kept()] = {
    let mut out = [ALL[0]; kept()];
    let (mut i, mut n) = (0, 0);
    while i < ALL.len() {
        if has_rows(ALL[i].psp) {
            out[n] = ALL[i];
            n += 1;
        }
        i += 1;
    }
    out
};

/// Every offer of this build's PSPs: one row per (method, PSP, currency). Within a PSP the
/// first row of a method is the one named when a currency is not offered.
pub const OFFERS: &[Offer] = &KEPT;

/// Every offer Kasir knows, of every PSP.
const ALL: &[Offer] = &[
    // Opn Payments
    Offer::new(
        "promptpay",
        Omise,
        THB,
        "promptpay",
        OfflineQr,
        2_000,
        15_000_000,
    ),
    Offer::new(
        "truemoney",
        Omise,
        THB,
        "truemoney",
        Redirect,
        2_000,
        10_000_000,
    )
    .mobile("truemoney_jumpapp")
    .inputs(&[Input::Phone])
    .refunds(OPN_TRUEMONEY_WALLET_ROW),
    Offer::new(
        "truemoney_qr",
        Omise,
        THB,
        "truemoney_qr",
        OfflineQr,
        10_000,
        5_000_000,
    )
    .refunds(OPN_TRUEMONEY_WALLET_ROW),
    Offer::new(
        "rabbit_linepay",
        Omise,
        THB,
        "rabbit_linepay",
        Redirect,
        2_000,
        15_000_000,
    ),
    Offer::new(
        "shopeepay",
        Omise,
        THB,
        "shopeepay",
        Redirect,
        2_000,
        15_000_000,
    )
    .mobile("shopeepay_jumpapp"),
    Offer::new(
        "shopeepay",
        Omise,
        SGD,
        "shopeepay",
        Redirect,
        100,
        2_000_000,
    )
    .mobile("shopeepay_jumpapp"),
    Offer::new(
        "shopeepay",
        Omise,
        MYR,
        "shopeepay",
        Redirect,
        100,
        5_000_000,
    )
    .mobile("shopeepay_jumpapp"),
    Offer::new(
        "mobile_banking",
        Omise,
        THB,
        "mobile_banking",
        AppRedirect,
        2_000,
        15_000_000,
    )
    .inputs(&[Input::BankInWireName])
    .banks(THAI_MOBILE_BANKING)
    .mobile_only()
    .platform_type(),
    Offer::new(
        "installment",
        Omise,
        THB,
        "installment",
        Redirect,
        200_000,
        15_000_000,
    )
    .inputs(&[Input::BankInWireName, Input::InstallmentTerm])
    .banks(THAI_INSTALLMENTS),
    Offer::new("grabpay", Omise, SGD, "grabpay", Redirect, 100, 2_000_000).platform_type(),
    Offer::new("grabpay", Omise, MYR, "grabpay", Redirect, 100, 5_000_000).platform_type(),
    Offer::new("paynow", Omise, SGD, "paynow", OfflineQr, 100, 2_000_000),
    Offer::new(
        "duitnow_qr",
        Omise,
        MYR,
        "duitnow_qr",
        OfflineQr,
        100,
        5_000_000,
    ),
    Offer::new("fpx", Omise, MYR, "fpx", Redirect, 100, 3_000_000)
        .inputs(&[Input::Bank, Input::Email])
        .banks(FPX_BANKS),
    Offer::new(
        "touch_n_go",
        Omise,
        MYR,
        "touch_n_go",
        AppRedirect,
        100,
        5_000_000,
    )
    .platform_type(),
    // WooshPay
    Offer::new(
        "promptpay",
        Wooshpay,
        THB,
        "promptpay",
        Redirect,
        100,
        500_000,
    ),
    Offer::new(
        "truemoney",
        Wooshpay,
        THB,
        "truemoney",
        AppRedirect,
        1,
        1_000_000,
    )
    .refunds(WOOSHPAY_TRUEMONEY_REFUNDS),
    Offer::new(
        "rabbit_linepay",
        Wooshpay,
        THB,
        "rabbit_line_pay",
        Redirect,
        2_000,
        15_000_000,
    ),
    Offer::new(
        "shopeepay",
        Wooshpay,
        THB,
        "shopeepay",
        Redirect,
        2_000,
        15_000_000,
    ),
    Offer::new(
        "shopeepay",
        Wooshpay,
        SGD,
        "shopeepay",
        Redirect,
        100,
        2_000_000,
    ),
    Offer::new(
        "shopeepay",
        Wooshpay,
        MYR,
        "shopeepay",
        Redirect,
        100,
        5_000_000,
    ),
    Offer::new(
        "grabpay", Wooshpay, SGD, "grabpay", Redirect, 100, 2_000_000,
    ),
    Offer::new(
        "grabpay", Wooshpay, MYR, "grabpay", Redirect, 100, 5_000_000,
    ),
    Offer::new("paynow", Wooshpay, SGD, "paynow", Redirect, 100, 2_000_000),
    Offer::new("fpx", Wooshpay, MYR, "fpx", Redirect, 100, 3_000_000),
    Offer::new(
        "touch_n_go",
        Wooshpay,
        MYR,
        "touchngo",
        Redirect,
        100,
        5_000_000,
    ),
    Offer::new("qris", Wooshpay, IDR, "qris", OfflineQr, 100, 1_000_000_000),
    Offer::new(
        "akulaku",
        Wooshpay,
        IDR,
        "akulaku",
        Redirect,
        1,
        2_500_000_000,
    )
    .refunds(WOOSHPAY_TRUEMONEY_REFUNDS),
    // ecommpay (Payment Page `force_payment_method` codes)
    Offer::new(
        "truemoney",
        Ecommpay,
        THB,
        "true-money",
        Redirect,
        10_000,
        50_000_000,
    ),
    Offer::new(
        "promptpay",
        Ecommpay,
        THB,
        "promptpay",
        Redirect,
        50_000,
        50_000_000,
    ),
    Offer::new(
        "fpx",
        Ecommpay,
        MYR,
        "online-banking",
        Redirect,
        5_000,
        5_000_000,
    ),
    Offer::new(
        "touch_n_go",
        Ecommpay,
        MYR,
        "touch-n-go",
        Redirect,
        100,
        5_000_000,
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offers_are_the_rows_of_the_built_psps_in_order() {
        let kept: Vec<&Offer> = ALL.iter().filter(|o| has_rows(o.psp)).collect();
        assert_eq!(OFFERS.iter().collect::<Vec<_>>(), kept);
        for psp in [Omise, Wooshpay, Ecommpay] {
            assert_eq!(has_rows(psp), OFFERS.iter().any(|o| o.psp == psp));
        }
    }
}
