//! The shopper's inputs a method asks for (phone, email, bank, instalment plan): parsing and
//! validation shared by the widget (before anything is sent) and the sandbox (which refuses
//! what the PSP refuses). Every failure is a named [`InputError`].

use crate::catalogue::BankChoice;
use crate::money::Money;

/// Why a shopper's input cannot be sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum InputError {
    /// Not a Thai mobile number (`0XXXXXXXXX` or `+66XXXXXXXXX`).
    #[error("phone_invalid")]
    PhoneInvalid,
    /// Not an email address.
    #[error("email_invalid")]
    EmailInvalid,
    /// No bank chosen, or one that is not offered or not active.
    #[error("bank_required")]
    BankRequired,
    /// No instalment plan chosen, or one the bank does not offer for this amount.
    #[error("plan_required")]
    PlanRequired,
}

/// A Thai mobile number as Opn expects it (`0812345678`): ten digits starting `06`, `08` or
/// `09`, given as `0XXXXXXXXX` or `+66XXXXXXXXX` (spaces and dashes ignored).
pub fn thai_mobile(input: &str) -> Result<String, InputError> {
    let compact: String = input
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '(' | ')'))
        .collect();
    let national = match compact.strip_prefix("+66") {
        Some(rest) => ["0", rest].concat(),
        None => compact,
    };
    let ok = national.len() == 10
        && national.bytes().all(|b| b.is_ascii_digit())
        && matches!(&national[..2], "06" | "08" | "09");
    if ok {
        Ok(national)
    } else {
        Err(InputError::PhoneInvalid)
    }
}

/// An email address: one `@`, something before it, a dotted domain after it, no spaces.
pub fn email(input: &str) -> Result<String, InputError> {
    let e = input.trim();
    let valid = match e.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !e.chars().any(char::is_whitespace)
        }
        None => false,
    };
    if valid {
        Ok(e.to_string())
    } else {
        Err(InputError::EmailInvalid)
    }
}

/// The monthly instalment of `total` over `months`, rounded up to the minor unit.
pub fn monthly(total: Money, months: u8) -> Money {
    let m = i64::from(months.max(1));
    Money::new((total.minor + m - 1) / m, total.currency)
}

/// Whether a plan is allowed: the bank offers `months`, and the monthly amount is at least the
/// bank's minimum.
pub fn plan_allowed(bank: &BankChoice, total: Money, months: u8) -> bool {
    bank.terms.contains(&months) && monthly(total, months).minor >= bank.bank.min_monthly_minor
}

/// The bank `code` among `choices`, if offered and active.
pub fn chosen_bank<'a>(
    choices: &'a [BankChoice],
    code: &str,
) -> Result<&'a BankChoice, InputError> {
    choices
        .iter()
        .find(|b| b.bank.code == code && b.active)
        .ok_or(InputError::BankRequired)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::{Account, MethodId, Psp};
    use crate::money::Currency;

    #[test]
    fn thai_mobile_numbers_in_both_forms_are_sent_nationally() {
        assert_eq!(thai_mobile("0812345678"), Ok("0812345678".into()));
        assert_eq!(thai_mobile("+66 81 234 5678"), Ok("0812345678".into()));
        assert_eq!(thai_mobile("081-234-5678"), Ok("0812345678".into()));
        for bad in [
            "",
            "081234567",
            "08123456789",
            "0212345678",
            "+6681234567",
            "08l2345678",
            "+1 812345678",
        ] {
            assert_eq!(thai_mobile(bad), Err(InputError::PhoneInvalid), "{bad}");
        }
    }

    #[test]
    fn emails() {
        assert_eq!(email(" a@b.my "), Ok("a@b.my".into()));
        for bad in [
            "", "a", "a@b", "@b.my", "a@.my", "a@b.", "a b@c.my", "a@b@c.my",
        ] {
            assert_eq!(email(bad), Err(InputError::EmailInvalid), "{bad}");
        }
    }

    #[test]
    fn a_plan_under_the_banks_monthly_minimum_is_not_allowed() {
        let o = crate::catalogue::offer(
            "installment".parse::<MethodId>().unwrap(),
            Psp::Omise,
            Currency::THB,
        )
        .unwrap();
        let banks = Account::everything().banks(o, false);
        let kbank = chosen_bank(&banks, "kbank").unwrap();
        let total = Money::new(300_000, Currency::THB); // ฿3,000
        assert_eq!(monthly(total, 10).minor, 30_000);
        assert!(
            plan_allowed(kbank, total, 10),
            "฿300 a month is KBank's minimum"
        );
        let scb = chosen_bank(&banks, "scb").unwrap();
        assert!(!plan_allowed(scb, total, 10), "฿300 < SCB's ฿500");
        assert!(plan_allowed(scb, total, 6));
        assert!(!plan_allowed(kbank, total, 4), "KBank has no 4-month plan");
        assert_eq!(monthly(Money::new(100_001, Currency::THB), 3).minor, 33_334);
        assert_eq!(
            chosen_bank(&banks, "nope").err(),
            Some(InputError::BankRequired)
        );
    }
}
