//! Money in minor units with ISO-4217 exponents; locale-aware display; checked arithmetic.

use crate::text;
use std::fmt;
use std::str::FromStr;

/// Errors from parsing or arithmetic on [`Money`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    /// The currency code is not one Kasir knows.
    #[error("unsupported currency `{0}`")]
    UnknownCurrency(String),
    /// The text is not a decimal amount.
    #[error("`{0}` is not a valid amount")]
    InvalidAmount(String),
    /// The amount has more decimal places than the currency allows.
    #[error("`{text}` has more than {exponent} decimal places for {currency}")]
    TooPrecise {
        /// the input
        text: String,
        /// the currency
        currency: Currency,
        /// its ISO-4217 exponent
        exponent: u8,
    },
    /// Two amounts in different currencies were combined.
    #[error("currency mismatch: {0} and {1}")]
    CurrencyMismatch(Currency, Currency),
    /// The result does not fit in an `i64` of minor units.
    #[error("amount overflow")]
    Overflow,
}

macro_rules! currencies {
    ($($code:ident => $exp:expr, $sym:expr;)*) => {
        /// ISO-4217 currencies Kasir handles.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[allow(clippy::upper_case_acronyms)]
        pub enum Currency {
            $(
                #[doc = stringify!($code)]
                $code,
            )*
        }
        impl Currency {
            /// All known currencies.
            pub const ALL: &'static [Currency] = &[$(Currency::$code),*];
            /// The ISO-4217 alpha-3 code.
            pub fn code(self) -> &'static str { match self { $(Currency::$code => stringify!($code)),* } }
            /// Number of minor-unit digits (ISO-4217 exponent).
            pub fn exponent(self) -> u8 { match self { $(Currency::$code => $exp),* } }
            /// Display symbol.
            pub fn symbol(self) -> &'static str { match self { $(Currency::$code => $sym),* } }
        }
    };
}

currencies! {
    THB => 2, "฿";
    IDR => 2, "Rp";
    SGD => 2, "S$";
    MYR => 2, "RM";
    PHP => 2, "₱";
    USD => 2, "$";
    EUR => 2, "€";
    GBP => 2, "£";
    JPY => 0, "¥";
    KRW => 0, "₩";
    VND => 0, "₫";
}

impl FromStr for Currency {
    type Err = MoneyError;
    fn from_str(s: &str) -> Result<Self, MoneyError> {
        Currency::ALL
            .iter()
            .copied()
            .find(|c| c.code().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| MoneyError::UnknownCurrency(s.to_string()))
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Display locales (the widget's UI languages).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Locale {
    /// English
    En,
    /// Thai
    Th,
    /// Indonesian
    Id,
    /// Korean
    Ko,
    /// Russian
    Ru,
    /// Japanese
    Ja,
}

impl Locale {
    /// All locales.
    pub const ALL: &'static [Locale] = &[
        Locale::En,
        Locale::Th,
        Locale::Id,
        Locale::Ko,
        Locale::Ru,
        Locale::Ja,
    ];
    /// BCP-47 primary tag.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Th => "th",
            Locale::Id => "id",
            Locale::Ko => "ko",
            Locale::Ru => "ru",
            Locale::Ja => "ja",
        }
    }
    /// Parse a BCP-47 tag such as `th-TH` (only the primary subtag counts); `in` is the legacy
    /// code for Indonesian.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Locale::En),
            "th" => Some(Locale::Th),
            "id" | "in" => Some(Locale::Id),
            "ko" => Some(Locale::Ko),
            "ru" => Some(Locale::Ru),
            "ja" => Some(Locale::Ja),
            _ => None,
        }
    }
    /// (thousands separator, decimal separator)
    fn separators(self) -> (&'static str, &'static str) {
        match self {
            Locale::Id => (".", ","),
            Locale::Ru => ("\u{a0}", ","),
            _ => (",", "."),
        }
    }
}

/// An amount of money in minor units (satang, sen, …) of a currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Money {
    /// Amount in minor units; may be negative for differences.
    pub minor: i64,
    /// Currency.
    pub currency: Currency,
}

impl Money {
    /// An amount from minor units.
    pub const fn new(minor: i64, currency: Currency) -> Money {
        Money { minor, currency }
    }

    /// Parse a major-unit decimal such as `"4000"`, `"4,000.50"` or `"100.5"` (no floats are
    /// involved; `,` and `_` are accepted as digit group separators, `.` is the decimal point).
    pub fn parse(text: &str, currency: Currency) -> Result<Money, MoneyError> {
        let bad = || MoneyError::InvalidAmount(text.to_string());
        let t = text.trim();
        let (neg, t) = match t.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, t),
        };
        let (int, frac) = match t.split_once('.') {
            Some((i, f)) => (i, f),
            None => (t, ""),
        };
        let int: String = int.chars().filter(|c| *c != ',' && *c != '_').collect();
        if int.is_empty() && frac.is_empty() {
            return Err(bad());
        }
        if !int.chars().all(|c| c.is_ascii_digit()) || !frac.chars().all(|c| c.is_ascii_digit()) {
            return Err(bad());
        }
        let exp = currency.exponent();
        let frac_trimmed = frac.trim_end_matches('0');
        if frac_trimmed.len() > exp as usize {
            return Err(MoneyError::TooPrecise {
                text: text.to_string(),
                currency,
                exponent: exp,
            });
        }
        let scale = 10i64.pow(exp as u32);
        let major: i64 = if int.is_empty() {
            0
        } else {
            int.parse().map_err(|_| MoneyError::Overflow)?
        };
        let mut frac_minor: i64 = 0;
        for (i, c) in frac_trimmed.chars().enumerate() {
            let digit = i64::from(c as u8 - b'0');
            frac_minor += digit * 10i64.pow(u32::from(exp) - 1 - i as u32);
        }
        let minor = major
            .checked_mul(scale)
            .and_then(|m| m.checked_add(frac_minor))
            .ok_or(MoneyError::Overflow)?;
        Ok(Money::new(if neg { -minor } else { minor }, currency))
    }

    /// Checked addition; currencies must match.
    pub fn checked_add(self, other: Money) -> Result<Money, MoneyError> {
        self.same_currency(other)?;
        self.minor
            .checked_add(other.minor)
            .map(|m| Money::new(m, self.currency))
            .ok_or(MoneyError::Overflow)
    }

    /// Checked subtraction; currencies must match.
    pub fn checked_sub(self, other: Money) -> Result<Money, MoneyError> {
        self.same_currency(other)?;
        self.minor
            .checked_sub(other.minor)
            .map(|m| Money::new(m, self.currency))
            .ok_or(MoneyError::Overflow)
    }

    /// Checked multiplication by an integer quantity.
    pub fn checked_mul(self, qty: i64) -> Result<Money, MoneyError> {
        self.minor
            .checked_mul(qty)
            .map(|m| Money::new(m, self.currency))
            .ok_or(MoneyError::Overflow)
    }

    fn same_currency(self, other: Money) -> Result<(), MoneyError> {
        if self.currency == other.currency {
            Ok(())
        } else {
            Err(MoneyError::CurrencyMismatch(self.currency, other.currency))
        }
    }

    /// The plain decimal in major units with `.` and no grouping, e.g. `"4000.00"`.
    pub fn to_decimal_string(self) -> String {
        let (int, frac) = self.split();
        let sign = if self.minor < 0 { "-" } else { "" };
        if frac.is_empty() {
            [sign, &int].concat()
        } else {
            [sign, &int, ".", &frac].concat()
        }
    }

    /// Integer part (absolute, as digits) and fraction digits.
    fn split(self) -> (String, String) {
        let exp = self.currency.exponent() as usize;
        if exp == 0 {
            return (text::decimal(self.minor.unsigned_abs()), String::new());
        }
        let padded = text::digits(self.minor.unsigned_abs(), exp + 1);
        let (i, f) = padded.split_at(padded.len() - exp);
        (i.to_string(), f.to_string())
    }

    /// Format for display in a locale: `฿4,000.00` (en/th), `Rp 25.000.000` (id).
    ///
    /// Rupiah is shown without the (always zero in practice) sen, as Indonesian shops do; any
    /// other currency shows all its minor digits.
    pub fn format(self, locale: Locale) -> String {
        let (group, dec) = locale.separators();
        let (int, frac) = self.split();
        let mut grouped = String::with_capacity(int.len() + int.len() / 3 * group.len());
        for (i, c) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                grouped.push_str(group);
            }
            grouped.push(c);
        }
        let hide_frac =
            frac.is_empty() || (self.currency == Currency::IDR && frac.bytes().all(|b| b == b'0'));
        let number = if hide_frac {
            grouped
        } else {
            [&grouped, dec, &frac].concat()
        };
        let sign = if self.minor < 0 { "-" } else { "" };
        let sym = self.currency.symbol();
        match (locale, self.currency) {
            (Locale::Ru, _) => [sign, &number, "\u{a0}", sym].concat(),
            (_, Currency::IDR | Currency::MYR) => [sign, sym, "\u{a0}", &number].concat(),
            _ => [sign, sym, &number].concat(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_thb_and_idr_per_locale() {
        let thb = Money::new(400_000, Currency::THB);
        assert_eq!(thb.format(Locale::En), "฿4,000.00");
        assert_eq!(thb.format(Locale::Th), "฿4,000.00");
        assert_eq!(thb.format(Locale::Id), "฿4.000,00");
        assert_eq!(thb.format(Locale::Ru), "4\u{a0}000,00\u{a0}฿");
        let idr = Money::new(2_500_000_000, Currency::IDR);
        assert_eq!(idr.format(Locale::Id), "Rp\u{a0}25.000.000");
        assert_eq!(idr.format(Locale::En), "Rp\u{a0}25,000,000");
        assert_eq!(
            Money::new(150, Currency::IDR).format(Locale::Id),
            "Rp\u{a0}1,50"
        );
        assert_eq!(Money::new(5, Currency::THB).format(Locale::En), "฿0.05");
        assert_eq!(
            Money::new(-12345, Currency::THB).format(Locale::En),
            "-฿123.45"
        );
        assert_eq!(Money::new(1000, Currency::JPY).format(Locale::Ja), "¥1,000");
    }

    #[test]
    fn parses_decimals_without_floats() {
        assert_eq!(
            Money::parse("4,000.00", Currency::THB).unwrap().minor,
            400_000
        );
        assert_eq!(Money::parse("100.5", Currency::THB).unwrap().minor, 10_050);
        assert_eq!(Money::parse("0.01", Currency::THB).unwrap().minor, 1);
        assert_eq!(Money::parse(".5", Currency::THB).unwrap().minor, 50);
        assert_eq!(Money::parse("-1", Currency::THB).unwrap().minor, -100);
        assert_eq!(
            Money::parse("25000000", Currency::IDR).unwrap().minor,
            2_500_000_000
        );
        assert!(matches!(
            Money::parse("1.001", Currency::THB),
            Err(MoneyError::TooPrecise { .. })
        ));
        assert!(matches!(
            Money::parse("1.5", Currency::JPY),
            Err(MoneyError::TooPrecise { .. })
        ));
        assert!(matches!(
            Money::parse("abc", Currency::THB),
            Err(MoneyError::InvalidAmount(_))
        ));
        assert!(matches!(
            Money::parse("", Currency::THB),
            Err(MoneyError::InvalidAmount(_))
        ));
        assert!(matches!(
            Money::parse("99999999999999999999", Currency::THB),
            Err(MoneyError::Overflow)
        ));
        assert_eq!("thb".parse::<Currency>().unwrap(), Currency::THB);
        assert!(matches!(
            "XXX".parse::<Currency>(),
            Err(MoneyError::UnknownCurrency(_))
        ));
    }

    #[test]
    fn arithmetic_is_checked() {
        let a = Money::new(i64::MAX, Currency::THB);
        assert_eq!(
            a.checked_add(Money::new(1, Currency::THB)),
            Err(MoneyError::Overflow)
        );
        assert_eq!(
            Money::new(i64::MIN, Currency::THB).checked_sub(Money::new(1, Currency::THB)),
            Err(MoneyError::Overflow)
        );
        assert_eq!(
            Money::new(1, Currency::THB).checked_add(Money::new(1, Currency::IDR)),
            Err(MoneyError::CurrencyMismatch(Currency::THB, Currency::IDR))
        );
        assert_eq!(
            Money::new(2000, Currency::THB)
                .checked_mul(3)
                .unwrap()
                .minor,
            6000
        );
        assert_eq!(a.checked_mul(2), Err(MoneyError::Overflow));
        assert_eq!(
            Money::new(i64::MIN, Currency::THB).format(Locale::En),
            "-฿92,233,720,368,547,758.08"
        );
    }

    #[test]
    fn decimal_round_trip() {
        for minor in [0i64, 1, 99, 100, 12345, -5, 400_000] {
            let m = Money::new(minor, Currency::THB);
            assert_eq!(
                Money::parse(&m.to_decimal_string(), Currency::THB).unwrap(),
                m
            );
        }
    }

    #[test]
    fn locale_tags() {
        assert_eq!(Locale::from_tag("th-TH"), Some(Locale::Th));
        assert_eq!(Locale::from_tag("in_ID"), Some(Locale::Id));
        assert_eq!(Locale::from_tag("fr"), None);
    }
}
