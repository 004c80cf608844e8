//! Every demo flow of the shop, once (a table, no code): the cards on `/` and `/shop/{psp}`
//! (`cards.rs`) and the shop's seed orders (`orders.rs`) are generated from [`FLOWS`].

use kasir_core::catalogue::Psp;
use kasir_core::money::{Currency, Locale};

/// One demo flow: a product card with a widget mounted from data attributes.
#[derive(Debug, Clone, Copy)]
pub struct DemoFlow {
    /// The element id (E2E tests find the widget by it).
    pub id: &'static str,
    /// The PSP.
    pub psp: Psp,
    /// Card title.
    pub title: &'static str,
    /// What the flow shows.
    pub why: &'static str,
    /// Price, minor units.
    pub amount: i64,
    /// Currency.
    pub currency: Currency,
    /// Locale of the price.
    pub locale: Locale,
    /// The Kasir method ids the widget offers (catalogue ids, not wire names).
    pub methods: &'static [&'static str],
    /// The shop endpoint that creates the payment.
    pub create: &'static str,
    /// The shop endpoint the widget polls.
    pub retrieve: &'static str,
}

impl DemoFlow {
    /// The id of the shop's order behind this card (`data-order-id`).
    pub fn order_id(&self) -> String {
        format!("demo-{}", self.id)
    }
}

/// Every demo flow, in page order.
pub const FLOWS: &[DemoFlow] = &[
    DemoFlow {
        id: "opn-qr",
        psp: Psp::Omise,
        title: "Opn · TrueMoney QR",
        why: "A source is created in the browser with the public key; the shop charges it; the shopper scans the QR before the charge's own expires_at.",
        amount: 40_000,
        currency: Currency::THB,
        locale: Locale::En,
        methods: &["truemoney_qr", "truemoney"],
        create: "/shop/api/omise/charges",
        retrieve: "/shop/api/omise/charges",
    },
    DemoFlow {
        id: "wooshpay-truemoney",
        psp: Psp::Wooshpay,
        title: "WooshPay · TrueMoney Wallet",
        why: "The shop creates a payment intent; the widget confirms it with the publishable key and follows next_action (on a desktop it also offers the link as a QR for your phone).",
        amount: 25_000,
        currency: Currency::THB,
        locale: Locale::En,
        methods: &["truemoney"],
        create: "/shop/api/wooshpay/payment_intents",
        retrieve: "/shop/api/wooshpay/payment_intents",
    },
    DemoFlow {
        id: "wooshpay-akulaku",
        psp: Psp::Wooshpay,
        title: "WooshPay · Akulaku PayLater",
        why: "The same intent flow in Indonesian rupiah, for instalments.",
        amount: 150_000_000,
        currency: Currency::IDR,
        locale: Locale::Id,
        methods: &["akulaku"],
        create: "/shop/api/wooshpay/payment_intents",
        retrieve: "/shop/api/wooshpay/payment_intents",
    },
    DemoFlow {
        id: "wooshpay-session",
        psp: Psp::Wooshpay,
        title: "WooshPay · Checkout Session",
        why: "The shop creates a hosted checkout session; the widget sends the shopper to its url and confirms the result on return.",
        amount: 18_000,
        currency: Currency::THB,
        locale: Locale::En,
        methods: &["truemoney"],
        create: "/shop/api/wooshpay/checkout_sessions",
        retrieve: "/shop/api/wooshpay/payment_intents",
    },
    DemoFlow {
        id: "ecommpay-page",
        psp: Psp::Ecommpay,
        title: "ecommpay · Payment Page",
        why: "The shop signs the Payment Page URL (the widget never sees the secret); the widget opens it with the method preselected (force_payment_method).",
        amount: 35_000,
        currency: Currency::THB,
        locale: Locale::En,
        methods: &["truemoney"],
        create: "/shop/api/ecommpay/payment_page",
        retrieve: "/shop/api/ecommpay/gate",
    },
    DemoFlow {
        id: "ecommpay-gate",
        psp: Psp::Ecommpay,
        title: "ecommpay · Gate",
        why: "The shop sends a signed Gate sale; the widget waits for the callback's redirect_data and POSTs the shopper there.",
        amount: 42_000,
        currency: Currency::THB,
        locale: Locale::En,
        methods: &["truemoney"],
        create: "/shop/api/ecommpay/gate",
        retrieve: "/shop/api/ecommpay/gate",
    },
    // One card per country, every method the country's PSP offers there (issue 11).
    DemoFlow {
        id: "th-opn",
        psp: Psp::Omise,
        title: "Thailand · Opn",
        why: "Every Thai method: PromptPay and TrueMoney QR (scan), TrueMoney Wallet (phone number), Rabbit LINE Pay and ShopeePay (redirect), mobile banking (phones only) and card instalments (bank and months).",
        amount: 300_000,
        currency: Currency::THB,
        locale: Locale::Th,
        methods: &[
            "promptpay",
            "truemoney",
            "truemoney_qr",
            "rabbit_linepay",
            "shopeepay",
            "mobile_banking",
            "installment",
        ],
        create: "/shop/api/omise/charges",
        retrieve: "/shop/api/omise/charges",
    },
    DemoFlow {
        id: "sg-opn",
        psp: Psp::Omise,
        title: "Singapore · Opn",
        why: "PayNow (scan the PNG QR), GrabPay and ShopeePay (redirect) in Singapore dollars.",
        amount: 2_500,
        currency: Currency::SGD,
        locale: Locale::En,
        methods: &["paynow", "grabpay", "shopeepay"],
        create: "/shop/api/omise/charges",
        retrieve: "/shop/api/omise/charges",
    },
    DemoFlow {
        id: "my-opn",
        psp: Psp::Omise,
        title: "Malaysia · Opn",
        why: "DuitNow QR (scan), FPX (bank and email), GrabPay, ShopeePay and Touch 'n Go in ringgit.",
        amount: 12_000,
        currency: Currency::MYR,
        locale: Locale::En,
        methods: &["duitnow_qr", "fpx", "grabpay", "shopeepay", "touch_n_go"],
        create: "/shop/api/omise/charges",
        retrieve: "/shop/api/omise/charges",
    },
    DemoFlow {
        id: "id-wooshpay",
        psp: Psp::Wooshpay,
        title: "Indonesia · WooshPay",
        why: "QRIS (the intent's display_qr_code, with its own expiry) and Akulaku PayLater in rupiah.",
        amount: 15_000_000,
        currency: Currency::IDR,
        locale: Locale::Id,
        methods: &["qris", "akulaku"],
        create: "/shop/api/wooshpay/payment_intents",
        retrieve: "/shop/api/wooshpay/payment_intents",
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use kasir_core::catalogue::{availability, MethodId};
    use kasir_core::money::Money;

    #[test]
    fn every_flow_offers_catalogue_methods_it_can_pay() {
        for f in FLOWS {
            for m in f.methods {
                let id: MethodId = m.parse().unwrap_or_else(|_| panic!("{}: {m}", f.id));
                let money = Money::new(f.amount, f.currency);
                assert!(
                    availability(id, f.psp, money).is_available(),
                    "{}: {m} cannot pay {money:?} with {:?}",
                    f.id,
                    f.psp
                );
            }
        }
    }
}
