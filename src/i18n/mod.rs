//! UI strings: flat dotted keys, one file per locale. Brand names (TrueMoney, Akulaku,
//! PromptPay) are never translated. A test fails when a locale misses a key or has an extra one.

mod en;
mod id;
mod ja;
mod ko;
mod ru;
mod th;

use kasir_core::Locale;

fn table(locale: Locale) -> &'static [(&'static str, &'static str)] {
    match locale {
        Locale::Th => th::STRINGS,
        Locale::Id => id::STRINGS,
        Locale::Ko => ko::STRINGS,
        Locale::Ru => ru::STRINGS,
        Locale::Ja => ja::STRINGS,
        Locale::En => en::STRINGS,
    }
}

/// The string for `key` in `locale` (English when the locale has no table of its own).
pub fn t(locale: Locale, key: &str) -> &'static str {
    let find = |tab: &'static [(&'static str, &'static str)]| {
        tab.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
    };
    find(table(locale))
        .or_else(|| find(en::STRINGS))
        .unwrap_or("")
}

/// The strings of one mounted widget: its locale, plus the merchant's overrides (`strings`
/// option, by dotted key), which win over the built-in texts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Texts {
    locale: Option<Locale>,
    overrides: Vec<(String, String)>,
}

impl Texts {
    /// Texts for a locale with overrides.
    pub fn new(locale: Locale, overrides: Vec<(String, String)>) -> Texts {
        Texts {
            locale: Some(locale),
            overrides,
        }
    }
    /// The locale.
    pub fn locale(&self) -> Locale {
        self.locale.unwrap_or(Locale::En)
    }
    /// The text for `key`.
    pub fn t(&self, key: &str) -> String {
        match self.overrides.iter().find(|(k, _)| k == key) {
            Some((_, v)) => v.clone(),
            None => t(self.locale(), key).to_string(),
        }
    }
    /// The text for `key` with `{name}` placeholders filled.
    pub fn tf(&self, key: &str, args: &[(&str, &str)]) -> String {
        let mut s = self.t(key);
        for (name, value) in args {
            s = s.replace(&format!("{{{name}}}"), value);
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_locale_has_exactly_the_english_keys() {
        let keys = |tab: &[(&'static str, &'static str)]| -> Vec<&'static str> {
            let mut k: Vec<&str> = tab.iter().map(|(k, _)| *k).collect();
            k.sort_unstable();
            k
        };
        let en = keys(en::STRINGS);
        let mut dedup = en.clone();
        dedup.dedup();
        assert_eq!(dedup, en, "duplicate key in en");
        for (name, tab) in [
            ("th", th::STRINGS),
            ("id", id::STRINGS),
            ("ko", ko::STRINGS),
            ("ru", ru::STRINGS),
            ("ja", ja::STRINGS),
        ] {
            assert_eq!(keys(tab), en, "locale {name} keys differ from en");
            assert!(
                tab.iter().all(|(_, v)| !v.is_empty()),
                "empty string in {name}"
            );
        }
    }

    #[test]
    fn every_key_is_used_by_the_code() {
        let sources = [
            include_str!("../ui/picker.rs"),
            include_str!("../ui/inputs.rs"),
            include_str!("../form.rs"),
            include_str!("../ui/qr.rs"),
            include_str!("../ui/handoff.rs"),
            include_str!("../ui/result.rs"),
            include_str!("../ui/status.rs"),
            include_str!("../ui/stalled.rs"),
            include_str!("../controller.rs"),
        ]
        .concat();
        for (key, _) in en::STRINGS {
            assert!(
                sources.contains(&format!("\"{key}\"")),
                "unused i18n key {key}"
            );
        }
    }

    #[test]
    fn placeholders() {
        assert_eq!(
            Texts::new(Locale::En, vec![]).tf("pay.button", &[("amount", "฿4,000.00")]),
            "Pay ฿4,000.00"
        );
        assert_eq!(
            Texts::new(Locale::Th, vec![]).tf("pay.button", &[("amount", "฿4,000.00")]),
            "ชำระเงิน ฿4,000.00"
        );
        assert_eq!(
            Texts::new(Locale::Id, vec![]).tf("reason.below_min", &[("amount", "Rp 10.000")]),
            "Tersedia mulai Rp 10.000"
        );
        assert_eq!(t(Locale::Ja, "pay.button"), "{amount}を支払う");
        let custom = Texts::new(
            Locale::Th,
            vec![("pay.button".into(), "จ่ายเลย {amount}".into())],
        );
        assert_eq!(
            custom.tf("pay.button", &[("amount", "฿1.00")]),
            "จ่ายเลย ฿1.00"
        );
        assert_eq!(custom.t("qr.download"), "บันทึกคิวอาร์โค้ด");
    }
}
