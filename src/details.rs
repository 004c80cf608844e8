//! What the shopper gives before a payment is created (phone, email, bank, instalment plan):
//! which controls a row asks for, and [`collect`], which turns their values into exactly the
//! fields the PSP receives — or the named errors, in which case nothing is sent. A leaf, pure
//! over its arguments (tested natively).

use kasir_core::catalogue::{BankChoice, Input, Offer};
use kasir_core::money::Money;
use kasir_core::shopper::{chosen_bank, email, plan_allowed, thai_mobile, InputError};
use std::cell::RefCell;

/// One control of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// Phone number.
    Phone,
    /// Email.
    Email,
    /// Bank.
    Bank,
    /// Instalment plan (months).
    Plan,
}

impl Field {
    /// The control's id suffix.
    pub fn slug(self) -> &'static str {
        match self {
            Field::Phone => "phone",
            Field::Email => "email",
            Field::Bank => "bank",
            Field::Plan => "plan",
        }
    }
}

/// The validated values sent to the PSP.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Given {
    /// `phone_number`, national form.
    pub phone: Option<String>,
    /// `email`.
    pub email: Option<String>,
    /// The bank's code (the `bank` field, or part of the source type).
    pub bank: Option<&'static str>,
    /// `installment_term`.
    pub term: Option<u8>,
}

/// What one checkout knows of the shopper's inputs: the merchant's prefill, and what the
/// current payment was created with. The values being typed live in the form's own controls
/// (read at Pay), so typing costs no reactive state.
pub struct Details {
    /// The merchant's `shopper.phone` / `shopper.email` (shown in the controls; a valid one is
    /// not asked again). Checked when a row's controls are drawn, not at the mount: the rules
    /// stay with the inputs, out of the first paint (`flows`).
    pub prefill: (String, String),
    /// What the current payment was created with.
    pub given: RefCell<Given>,
}

impl Details {
    /// A form prefilled with what the merchant already knows.
    pub fn new(phone: Option<&str>, mail: Option<&str>) -> Details {
        Details {
            prefill: (
                phone.unwrap_or_default().to_string(),
                mail.unwrap_or_default().to_string(),
            ),
            given: RefCell::new(Given::default()),
        }
    }

    /// The controls shown for a row on a device, in form order.
    pub fn fields(&self, offer: &Offer, mobile: bool) -> Vec<Field> {
        let asks = |i| offer.asks(i, mobile);
        let mut f = Vec::new();
        if asks(Input::Phone) && thai_mobile(&self.prefill.0).is_err() {
            f.push(Field::Phone);
        }
        if asks(Input::Bank) || asks(Input::BankInWireName) {
            f.push(Field::Bank);
        }
        if asks(Input::InstallmentTerm) {
            f.push(Field::Plan);
        }
        if asks(Input::Email) && email(&self.prefill.1).is_err() {
            f.push(Field::Email);
        }
        f
    }

    /// A control's value: what the shopper typed (`typed`, from the control), else the
    /// merchant's prefill.
    fn value(&self, field: Field, typed: &dyn Fn(Field) -> Option<String>) -> String {
        typed(field).unwrap_or_else(|| match field {
            Field::Phone => self.prefill.0.clone(),
            Field::Email => self.prefill.1.clone(),
            _ => String::new(),
        })
    }
}

/// Validate the form for a row (`banks`: the account's choices for it) and an amount: the
/// fields to send, or every error.
pub fn collect(
    d: &Details,
    typed: &dyn Fn(Field) -> Option<String>,
    offer: &Offer,
    banks: &[BankChoice],
    total: Money,
    mobile: bool,
) -> Result<Given, Vec<(Field, InputError)>> {
    let mut given = Given::default();
    let mut errors = Vec::new();
    let asks = |i| offer.asks(i, mobile);
    if asks(Input::Phone) {
        match thai_mobile(&d.value(Field::Phone, typed)) {
            Ok(p) => given.phone = Some(p),
            Err(e) => errors.push((Field::Phone, e)),
        }
    }
    let mut bank = None;
    if asks(Input::Bank) || asks(Input::BankInWireName) {
        match chosen_bank(banks, &d.value(Field::Bank, typed)) {
            Ok(b) => {
                given.bank = Some(b.bank.code);
                bank = Some(b);
            }
            Err(e) => errors.push((Field::Bank, e)),
        }
    }
    if asks(Input::InstallmentTerm) {
        let months = d.value(Field::Plan, typed).parse::<u8>().ok();
        match (bank, months) {
            (Some(b), Some(m)) if plan_allowed(b, total, m) => given.term = Some(m),
            _ => errors.push((Field::Plan, InputError::PlanRequired)),
        }
    }
    if asks(Input::Email) {
        match email(&d.value(Field::Email, typed)) {
            Ok(e) => given.email = Some(e),
            Err(e) => errors.push((Field::Email, e)),
        }
    }
    if errors.is_empty() {
        Ok(given)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kasir_core::catalogue::{offer, Account, MethodId, Psp};
    use kasir_core::money::Currency;

    fn row(id: &str, c: Currency) -> &'static Offer {
        offer(id.parse::<MethodId>().unwrap(), Psp::Omise, c).unwrap()
    }

    #[test]
    fn an_invalid_phone_is_an_error_and_a_valid_one_is_sent_nationally() {
        let d = Details::new(None, None);
        let tm = row("truemoney", Currency::THB);
        let thb = Money::new(50_000, Currency::THB);
        assert_eq!(d.fields(tm, false), vec![Field::Phone]);
        assert!(
            d.fields(tm, true).is_empty(),
            "truemoney_jumpapp asks nothing"
        );
        let bad = |_: Field| Some("12345".to_string());
        assert_eq!(
            collect(&d, &bad, tm, &[], thb, false),
            Err(vec![(Field::Phone, InputError::PhoneInvalid)])
        );
        let good = |_: Field| Some("+66 81 234 5678".to_string());
        assert_eq!(
            collect(&d, &good, tm, &[], thb, false)
                .unwrap()
                .phone
                .as_deref(),
            Some("0812345678")
        );
    }

    #[test]
    fn a_valid_prefill_is_not_asked_again_and_is_sent() {
        let d = Details::new(Some("0812345678"), Some("not-an-email"));
        let tm = row("truemoney", Currency::THB);
        assert!(d.fields(tm, false).is_empty());
        let none = |_: Field| None;
        let thb = Money::new(50_000, Currency::THB);
        assert_eq!(
            collect(&d, &none, tm, &[], thb, false)
                .unwrap()
                .phone
                .as_deref(),
            Some("0812345678")
        );
        let fpx = row("fpx", Currency::MYR);
        assert_eq!(
            d.fields(fpx, false),
            vec![Field::Bank, Field::Email],
            "an invalid prefill is asked"
        );
    }

    #[test]
    fn fpx_needs_an_active_bank_and_an_email_and_instalments_an_allowed_plan() {
        let d = Details::new(None, None);
        let fpx = row("fpx", Currency::MYR);
        let banks = Account::everything().banks(fpx, false);
        let myr = Money::new(10_000, Currency::MYR);
        let typed = |f: Field| match f {
            Field::Bank => Some("cimb".to_string()),
            Field::Email => Some("a@b.my".to_string()),
            _ => None,
        };
        let g = collect(&d, &typed, fpx, &banks, myr, false).unwrap();
        assert_eq!((g.bank, g.email.as_deref()), (Some("cimb"), Some("a@b.my")));
        let none = |_: Field| None;
        assert_eq!(
            collect(&d, &none, fpx, &banks, myr, false),
            Err(vec![
                (Field::Bank, InputError::BankRequired),
                (Field::Email, InputError::EmailInvalid)
            ])
        );
        let inst = row("installment", Currency::THB);
        let banks = Account::everything().banks(inst, false);
        let thb = Money::new(300_000, Currency::THB);
        let plan = |m: &'static str| {
            move |f: Field| match f {
                Field::Bank => Some("scb".to_string()),
                Field::Plan => Some(m.to_string()),
                _ => None,
            }
        };
        assert_eq!(
            collect(&d, &plan("10"), inst, &banks, thb, false),
            Err(vec![(Field::Plan, InputError::PlanRequired)]),
            "฿300 a month is under SCB's ฿500"
        );
        let g = collect(&d, &plan("6"), inst, &banks, thb, false).unwrap();
        assert_eq!((g.bank, g.term), (Some("scb"), Some(6)));
    }
}
