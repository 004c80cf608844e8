//! The banks a method lets the shopper choose, as the catalogue knows them. At run time the
//! account's capability (Opn `GET /capability`) narrows these lists; they are the fallback when
//! the capability cannot be read.
//!
//! Codes: Opn's mobile-banking and instalment source types (`mobile_banking_kbank`,
//! `installment_bay`: omise-woocommerce, omise-ios). Instalment terms: omise-woocommerce's
//! capability fixture. Monthly minimums: the older Opn plugin (฿300 for KTC, KBank and First
//! Choice, ฿500 for the other issuers). FPX bank codes: UNVERIFIED (Opn's FPX page lists the
//! banks by name; the codes follow Opn's style), stated in the sandbox README.

use super::model::Bank;

/// Thai banks with an Opn mobile-banking app flow.
pub const THAI_MOBILE_BANKING: &[Bank] = &[
    Bank::new("kbank", "K PLUS (Kasikornbank)"),
    Bank::new("scb", "SCB EASY"),
    Bank::new("bay", "KMA (Krungsri)"),
    Bank::new("bbl", "Bangkok Bank Mobile Banking"),
    Bank::new("ktb", "Krungthai NEXT"),
];

/// Thai card issuers offering Opn instalments: terms in months, monthly minimum in satang.
pub const THAI_INSTALLMENTS: &[Bank] = &[
    Bank::plans("bay", "Krungsri", &[3, 4, 6, 9, 10], 50_000),
    Bank::plans("bbl", "Bangkok Bank", &[4, 6, 8, 10], 50_000),
    Bank::plans(
        "first_choice",
        "Krungsri First Choice",
        &[3, 4, 6, 9, 10, 12, 18, 24, 36],
        30_000,
    ),
    Bank::plans("kbank", "Kasikornbank", &[3, 6, 10], 30_000),
    Bank::plans("ktc", "KTC", &[3, 4, 5, 6, 7, 8, 9, 10], 30_000),
    Bank::plans("scb", "Siam Commercial Bank", &[3, 4, 6, 9, 10], 50_000),
    Bank::plans("ttb", "TMBThanachart Bank", &[3, 4, 6, 10], 50_000),
    Bank::plans("uob", "UOB", &[3, 4, 6, 10], 50_000),
];

/// Malaysian banks on FPX.
pub const FPX_BANKS: &[Bank] = &[
    Bank::new("affin", "Affin Bank"),
    Bank::new("alliance", "Alliance Bank"),
    Bank::new("agro", "Agrobank"),
    Bank::new("ambank", "AmBank"),
    Bank::new("islam", "Bank Islam"),
    Bank::new("muamalat", "Bank Muamalat"),
    Bank::new("rakyat", "Bank Rakyat"),
    Bank::new("bsn", "BSN"),
    Bank::new("cimb", "CIMB Clicks"),
    Bank::new("hong_leong", "Hong Leong Bank"),
    Bank::new("hsbc", "HSBC Bank"),
    Bank::new("kfh", "Kuwait Finance House"),
    Bank::new("maybank2u", "Maybank2u"),
    Bank::new("ocbc", "OCBC Bank"),
    Bank::new("public_bank", "Public Bank"),
    Bank::new("rhb", "RHB Now"),
    Bank::new("sc", "Standard Chartered"),
    Bank::new("uob", "UOB Bank"),
];
