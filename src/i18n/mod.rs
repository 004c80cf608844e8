//! UI strings: flat dotted keys. English (`en.rs`, in key order) is compiled in; the other
//! locales are JSON tables (`th.json`, `id.json`, `ko.json`, `ru.json`, `ja.json`, `{key: text}`)
//! that the page fetches only for the locale a widget shows. What ships is each table's texts
//! as one array in key order, without the keys (scripts/make-loader.sh; −280 B brotli a table):
//! `kasir.js` and the ES module hand the widget a loader (`setLocaleLoader`: `load(tag)` →
//! `Promise<string[]>`, each file with its Subresource Integrity), and the widget's screens
//! appear once the table is in (English if it cannot load, or is not one text per key). Brand
//! names (TrueMoney, Akulaku, PromptPay) are never translated. A test fails when a locale misses
//! a key or has an extra one.

mod en;

use crate::net;
use crate::schedule::TEXTS_TIMEOUT_MS;
use kasir_core::text;
use kasir_core::Locale;
use std::cell::RefCell;
use std::future::Future;
use wasm_bindgen::prelude::*;

type Table = &'static [(&'static str, &'static str)];

thread_local! {
    static LOADER: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
    /// The tables fetched so far (at most one per locale: their strings live as long as the page).
    static LOADED: RefCell<Vec<(Locale, Table)>> = const { RefCell::new(Vec::new()) };
}

fn loaded(locale: Locale) -> Option<Table> {
    LOADED.with(|l| {
        l.borrow()
            .iter()
            .find(|(k, _)| *k == locale)
            .map(|(_, t)| *t)
    })
}

/// Why a fetched table was not kept (the locale then stays English).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotATable;

/// Keep `texts` (one per English key, in key order) as `locale`'s table; the first one given
/// stays. A table of another length (another build's) is refused and changes nothing.
pub fn add_table(locale: Locale, texts: Vec<String>) -> Result<(), NotATable> {
    if texts.len() != en::STRINGS.len() {
        return Err(NotATable);
    }
    if locale == Locale::En || loaded(locale).is_some() {
        return Ok(());
    }
    let table: Vec<(&'static str, &'static str)> = en::STRINGS
        .iter()
        .zip(texts)
        .map(|((k, _), v)| (*k, &*v.leak()))
        .collect();
    LOADED.with(|l| l.borrow_mut().push((locale, table.leak())));
    Ok(())
}

/// Install the table loader: `load(tag)` resolving to the locale's texts in key order.
#[wasm_bindgen(js_name = setLocaleLoader)]
pub fn set_locale_loader(load: js_sys::Function) {
    LOADER.with(|l| *l.borrow_mut() = Some(load));
}

/// Start fetching `locale`'s table when it is not in yet (`None`: nothing to wait for). The
/// request starts now; the future ends when the table is kept, or when it could not load or
/// took more than [`TEXTS_TIMEOUT_MS`] (the texts then stay English).
pub fn load(locale: Locale) -> Option<impl Future<Output = ()>> {
    if locale == Locale::En || loaded(locale).is_some() {
        return None;
    }
    let f = LOADER.with(|l| l.borrow().clone())?;
    let promise: js_sys::Promise = f
        .call1(&JsValue::UNDEFINED, &locale.tag().into())
        .ok()?
        .dyn_into()
        .ok()?;
    Some(async move {
        let Ok(texts) = net::within(promise, TEXTS_TIMEOUT_MS).await else {
            return;
        };
        if !js_sys::Array::is_array(&texts) {
            return;
        }
        let texts: Option<Vec<String>> = texts
            .unchecked_into::<js_sys::Array>()
            .iter()
            .map(|t| t.as_string())
            .collect();
        if let Some(texts) = texts {
            let _ = add_table(locale, texts);
        }
    })
}

/// The string for `key` in `locale` (English when the locale's table is not in, or lacks it).
pub fn t(locale: Locale, key: &str) -> &'static str {
    let find = |tab: Table| tab.iter().find(|(k, _)| *k == key).map(|(_, v)| *v);
    loaded(locale)
        .and_then(find)
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
            s = text::replace(&s, &["{", name, "}"].concat(), value);
        }
        s
    }
}

// native only: they read the JSON tables with serde_json
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// The locale's source table, `{key: text}` (serde_json's map: in key order).
    fn json(locale: Locale) -> Vec<(String, String)> {
        let text = match locale {
            Locale::Th => include_str!("th.json"),
            Locale::Id => include_str!("id.json"),
            Locale::Ko => include_str!("ko.json"),
            Locale::Ru => include_str!("ru.json"),
            Locale::Ja => include_str!("ja.json"),
            Locale::En => unreachable!("English is compiled in"),
        };
        let map: serde_json::Map<String, serde_json::Value> = serde_json::from_str(text).unwrap();
        map.into_iter()
            .map(|(k, v)| (k, v.as_str().expect("a string").to_string()))
            .collect()
    }

    /// What ships: the texts in key order (as scripts/make-loader.sh writes them).
    fn shipped(locale: Locale) -> Vec<String> {
        json(locale).into_iter().map(|(_, v)| v).collect()
    }

    const OTHERS: [Locale; 5] = [Locale::Th, Locale::Id, Locale::Ko, Locale::Ru, Locale::Ja];

    #[test]
    fn every_locale_has_exactly_the_english_keys() {
        let en: Vec<&str> = en::STRINGS.iter().map(|(k, _)| *k).collect();
        let mut sorted = en.clone();
        // the shipped tables are texts in key order (byte order: what JavaScript's sort() gives
        // for ASCII keys), zipped with en.rs's keys
        assert!(en.iter().all(|k| k.is_ascii()), "a key is not ASCII");
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted, en, "en.rs is not in key order, or has a key twice");
        for locale in OTHERS {
            let table = json(locale);
            let mut keys: Vec<&str> = table.iter().map(|(k, _)| k.as_str()).collect();
            keys.sort_unstable();
            assert_eq!(keys, en, "locale {} keys differ from en", locale.tag());
            assert!(
                table.iter().all(|(_, v)| !v.is_empty()),
                "empty string in {}",
                locale.tag()
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
    fn a_locale_is_english_until_its_table_is_in() {
        assert_eq!(t(Locale::Ko, "pay.button"), "Pay {amount}");
        add_table(Locale::Ko, shipped(Locale::Ko)).unwrap();
        assert_eq!(t(Locale::Ko, "pay.button"), "{amount} 결제하기");
        assert_eq!(t(Locale::Ko, "no.such.key"), "");
        let changed = vec!["changed".to_string(); en::STRINGS.len()];
        add_table(Locale::Ko, changed).unwrap();
        assert_eq!(
            t(Locale::Ko, "pay.button"),
            "{amount} 결제하기",
            "the first table stays"
        );
    }

    #[test]
    fn a_table_with_a_text_missing_is_refused_and_the_locale_stays_english() {
        let mut short = shipped(Locale::Ru);
        short.pop();
        assert_eq!(add_table(Locale::Ru, short), Err(NotATable));
        assert_eq!(t(Locale::Ru, "pay.button"), "Pay {amount}");
        let mut long = shipped(Locale::Ru);
        long.push("extra".into());
        assert_eq!(add_table(Locale::Ru, long), Err(NotATable));
        assert_eq!(t(Locale::Ru, "pay.button"), "Pay {amount}");
    }

    #[test]
    fn placeholders() {
        for locale in OTHERS {
            add_table(locale, shipped(locale)).unwrap();
        }
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
