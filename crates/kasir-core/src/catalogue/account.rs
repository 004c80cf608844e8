//! What one merchant account has enabled, read from the PSP (Opn `GET /capability`), applied to
//! the catalogue: which rows the picker offers, which banks (active or not) and which instalment
//! terms. The catalogue alone is the fallback ([`Account::everything`]) when the capability
//! cannot be read.

use super::model::{Bank, Input, Offer};
use crate::view::JsonView;

/// One enabled payment method of the account (`payment_methods[]`).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Enabled {
    name: String,
    currencies: Vec<String>,
    terms: Vec<u8>,
    banks: Vec<(String, bool)>,
}

/// The account's enabled methods; `None` inside means "not known: everything the catalogue has".
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Account {
    methods: Option<Vec<Enabled>>,
    /// The account's `zero_interest_installments` (sent with instalment sources).
    pub zero_interest_installments: bool,
}

/// A bank the shopper may see for a row: the catalogue's bank, whether the account has it active
/// now, and the instalment terms the account offers with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BankChoice {
    /// The catalogue's bank.
    pub bank: &'static Bank,
    /// False when the account lists it as inactive (shown disabled).
    pub active: bool,
    /// Instalment terms in months (the account's, else the catalogue's).
    pub terms: Vec<u8>,
}

fn enabled<V: JsonView>(m: &V) -> Option<Enabled> {
    let list = |key: &str| m.field(key).and_then(|v| v.elements()).unwrap_or_default();
    Some(Enabled {
        name: m.str_at(&["name"])?,
        currencies: list("currencies")
            .iter()
            .filter_map(|c| c.as_str())
            .map(|c| c.to_ascii_uppercase())
            .collect(),
        terms: list("installment_terms")
            .iter()
            .filter_map(|t| t.as_i64().and_then(|t| u8::try_from(t).ok()))
            .collect(),
        // a bank is a code string, or `{code, name, active}`
        banks: list("banks")
            .iter()
            .filter_map(|b| match b.as_str() {
                Some(code) => Some((code, true)),
                None => Some((
                    b.str_at(&["code"])?,
                    b.at(&["active"]).and_then(|a| a.as_bool()).unwrap_or(true),
                )),
            })
            .collect(),
    })
}

impl Account {
    /// Nothing known about the account: every catalogue row, every bank active.
    pub fn everything() -> Account {
        Account::default()
    }

    /// The account from an Opn capability object; `None` when it is not one.
    pub fn from_capability<V: JsonView>(cap: &V) -> Option<Account> {
        if cap.str_at(&["object"]).as_deref() != Some("capability") {
            return None;
        }
        let methods = cap.field("payment_methods")?.elements()?;
        Some(Account {
            methods: Some(methods.iter().filter_map(enabled).collect()),
            zero_interest_installments: cap
                .at(&["zero_interest_installments"])
                .and_then(|z| z.as_bool())
                .unwrap_or(false),
        })
    }

    fn find(&self, name: &str, o: &Offer) -> Option<&Enabled> {
        let code = o.currency.code();
        self.methods.as_ref()?.iter().find(|e| {
            e.name == name && (e.currencies.is_empty() || e.currencies.iter().any(|c| c == code))
        })
    }

    /// Whether the account offers a catalogue row on a device (a bank-in-name row: with at
    /// least one of its banks).
    pub fn offers(&self, o: &'static Offer, mobile: bool) -> bool {
        if self.methods.is_none() {
            return true;
        }
        if o.inputs.contains(&Input::BankInWireName) {
            return !self.banks(o, mobile).is_empty();
        }
        self.find(o.wire_name_for(mobile), o).is_some()
    }

    /// The banks to show for a row, in the catalogue's order: those the account has (a bank in
    /// the wire name: `{prefix}_{code}` enabled; a bank field: listed in the method's `banks`).
    pub fn banks(&self, o: &'static Offer, mobile: bool) -> Vec<BankChoice> {
        o.banks
            .iter()
            .filter_map(|bank| {
                let catalogue = || bank.terms.to_vec();
                if self.methods.is_none() {
                    return Some(BankChoice {
                        bank,
                        active: true,
                        terms: catalogue(),
                    });
                }
                if o.inputs.contains(&Input::BankInWireName) {
                    let e = self.find(&o.wire_name_with(mobile, Some(bank.code)), o)?;
                    let terms = if e.terms.is_empty() {
                        catalogue()
                    } else {
                        e.terms.clone()
                    };
                    return Some(BankChoice {
                        bank,
                        active: true,
                        terms,
                    });
                }
                let e = self.find(o.wire_name_for(mobile), o)?;
                // an account that lists no banks for the method: the catalogue's
                let active = if e.banks.is_empty() {
                    true
                } else {
                    e.banks.iter().find(|(c, _)| c == bank.code)?.1
                };
                Some(BankChoice {
                    bank,
                    active,
                    terms: catalogue(),
                })
            })
            .collect()
    }
}

#[cfg(all(test, feature = "json"))]
mod tests {
    use super::*;
    use crate::catalogue::{offer, MethodId, Psp};
    use crate::money::Currency;
    use serde_json::json;

    fn row(id: &str, c: Currency) -> &'static Offer {
        offer(id.parse::<MethodId>().unwrap(), Psp::Omise, c).unwrap()
    }

    #[test]
    fn the_capability_narrows_methods_banks_and_terms() {
        let cap = json!({"object":"capability","zero_interest_installments":true,"payment_methods":[
            {"object":"payment_method","name":"promptpay","currencies":["THB"],"banks":[]},
            {"object":"payment_method","name":"installment_kbank","currencies":["THB"],"installment_terms":[3,6]},
            {"object":"payment_method","name":"fpx","currencies":["MYR"],"banks":[
                {"code":"cimb","name":"CIMB Clicks","active":true},{"code":"rhb","name":"RHB Now","active":false}]},
            {"object":"payment_method","name":"mobile_banking_scb","currencies":["THB"]}
        ]});
        let a = Account::from_capability(&cap).unwrap();
        assert!(a.zero_interest_installments);
        assert!(a.offers(row("promptpay", Currency::THB), false));
        assert!(!a.offers(row("truemoney_qr", Currency::THB), false));
        let inst = a.banks(row("installment", Currency::THB), false);
        assert_eq!(inst.len(), 1);
        assert_eq!(
            (inst[0].bank.code, inst[0].terms.clone()),
            ("kbank", vec![3, 6])
        );
        let fpx = a.banks(row("fpx", Currency::MYR), false);
        let codes: Vec<(&str, bool)> = fpx.iter().map(|b| (b.bank.code, b.active)).collect();
        assert_eq!(codes, vec![("cimb", true), ("rhb", false)]);
        let mb = a.banks(row("mobile_banking", Currency::THB), true);
        assert_eq!(mb.len(), 1);
        assert!(a.offers(row("mobile_banking", Currency::THB), true));
    }

    #[test]
    fn without_a_capability_the_catalogue_is_the_account() {
        assert!(Account::from_capability(&json!({"object":"error"})).is_none());
        let a = Account::everything();
        assert!(a.offers(row("truemoney_qr", Currency::THB), false));
        assert_eq!(a.banks(row("fpx", Currency::MYR), false).len(), 18);
    }
}
