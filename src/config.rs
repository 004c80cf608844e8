//! The merchant's options: read from JavaScript in `options`, validated here (pure, so the rules
//! are tested natively). Every problem is a named [`KasirError`] and stops the widget before any
//! request is sent.

use crate::build::has_provider;
use crate::build::GivenAccount;
use crate::error::KasirError;
use kasir_core::text;
use kasir_core::{Currency, Locale, MethodId, Money, Psp};

/// Options as read from JavaScript, before validation.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RawOptions {
    /// `provider`
    pub provider: Option<String>,
    /// `shopper` (`phone`, `email`): what the merchant already knows
    pub shopper: Vec<(String, String)>,
    /// `icons`: method id → image URL
    pub icons: Vec<(String, String)>,
    /// `publicKey`
    pub public_key: Option<String>,
    /// `projectId`
    pub project_id: Option<String>,
    /// `apiBase`
    pub api_base: Option<String>,
    /// `amount` as a JS number
    pub amount: Option<f64>,
    /// `amount` when given as a string
    pub amount_text: Option<String>,
    /// `currency`
    pub currency: Option<String>,
    /// `methods`
    pub methods: Option<Vec<String>>,
    /// `locale`
    pub locale: Option<String>,
    /// `navigator.language`
    pub browser_language: Option<String>,
    /// `returnUrl`
    pub return_url: Option<String>,
    /// `clientSecret`
    pub client_secret: Option<String>,
    /// `orderId`
    pub order_id: Option<String>,
    /// `createPayment` or `createPaymentUrl` given
    pub has_create_payment: bool,
    /// Scope of the remembered pending payment (the target element's id).
    pub storage_scope: String,
    /// `strings`: overrides of UI texts by dotted key.
    pub strings: Vec<(String, String)>,
    /// `theme`
    pub theme: Option<String>,
    /// `appearance`: `--kasir-*` custom properties.
    pub appearance: Vec<(String, String)>,
    /// `parentOrigin`
    pub parent_origin: Option<String>,
    /// `redirectTarget`
    pub redirect_target: Option<String>,
    /// `capability`: the account's Opn `GET /capability` answer, fetched by the merchant's
    /// server; `Some(None)` when given but not a capability object.
    pub capability: Option<Option<GivenAccount>>,
    /// The name of an option whose value could not be read (a JSON attribute that is not an
    /// object).
    pub invalid: Option<String>,
}

/// Validated options.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// Provider.
    pub provider: Psp,
    /// Public key (Opn, WooshPay).
    pub public_key: Option<String>,
    /// ecommpay project.
    pub project_id: Option<String>,
    /// PSP base URL without trailing slash.
    pub api_base: String,
    /// Amount.
    pub money: Money,
    /// Methods to show (allow-list ∩ the provider's offers in this currency), display order.
    pub methods: Vec<MethodId>,
    /// UI language.
    pub locale: Locale,
    /// Where the shopper comes back (`None`: the page itself, `page::return_url`).
    pub return_url: Option<String>,
    /// WooshPay intent secret.
    pub client_secret: Option<String>,
    /// The merchant's order (sent as `orderId`: its server prices the payment from it).
    pub order_id: Option<String>,
    /// Scope of the remembered pending payment (several widgets on one page stay apart).
    pub storage_scope: String,
    /// The merchant's text overrides (keys checked against the English table).
    pub strings: Vec<(String, String)>,
    /// `light`, `dark` or `auto` (follows `prefers-color-scheme`).
    pub theme: &'static str,
    /// `--kasir-*` custom properties set on the widget's root.
    pub appearance: Vec<(String, String)>,
    /// The exact origin of the parent page to report to with `postMessage` (never `*`).
    pub parent_origin: Option<String>,
    /// Where redirects open (`_self`, `_top`, `_blank`); `None`: `_top` inside an iframe,
    /// else `_self`.
    pub redirect_target: Option<String>,
    /// The shopper's phone number the merchant already has (`shopper.phone`).
    pub shopper_phone: Option<String>,
    /// The shopper's email the merchant already has (`shopper.email`).
    pub shopper_email: Option<String>,
    /// The merchant's own icon per method (`icons`).
    pub icons: Vec<(MethodId, String)>,
}

/// Validate; the first problem wins (secret keys are checked first of all).
pub fn validate(raw: RawOptions) -> Result<Settings, KasirError> {
    let key = raw
        .public_key
        .as_deref()
        .map(str::trim)
        .filter(|k| !k.is_empty());
    if let Some(k) = key {
        if k.starts_with("skey_") || k.starts_with("sk_") {
            return Err(KasirError::SecretKeyInBrowser);
        }
    }
    if let Some(name) = &raw.invalid {
        return Err(KasirError::InvalidOption(name.clone()));
    }
    let provider_text = raw.provider.as_deref().unwrap_or("");
    let provider: Psp = provider_text
        .parse()
        .map_err(|_| KasirError::UnknownProvider(provider_text.to_string()))?;
    if !has_provider(provider) {
        return Err(KasirError::ProviderNotBuilt(provider_text.to_string()));
    }
    if provider != Psp::Ecommpay && key.is_none() {
        return Err(KasirError::MissingPublicKey);
    }
    // only Opn describes an account to the browser; anything else named `capability` is refused
    // (a valid one stays in `raw`, where the mount takes it: no copy)
    if let Some(given) = &raw.capability {
        if provider != Psp::Omise || given.is_none() {
            return Err(KasirError::InvalidOption("capability".into()));
        }
    }
    let minor = match (raw.amount, raw.amount_text.as_deref()) {
        (Some(a), _)
            if a.is_finite() && a.fract() == 0.0 && a > 0.0 && a <= 9_007_199_254_740_991.0 =>
        {
            a as i64
        }
        // the text comes from JavaScript's own String(amount): no float formatting in the bundle
        (Some(_), t) => {
            return Err(KasirError::InvalidAmount(
                t.unwrap_or("a non-integer").to_string(),
            ))
        }
        (None, Some(t)) => match text::parse_digits(t) {
            Some(v) if v > 0 => v,
            _ => return Err(KasirError::InvalidAmount(t.to_string())),
        },
        (None, None) => return Err(KasirError::InvalidAmount("nothing".into())),
    };
    let currency_text = raw.currency.as_deref().unwrap_or("");
    let currency: Currency = currency_text
        .parse()
        .map_err(|_| KasirError::UnknownCurrency(currency_text.to_string()))?;
    let allow: Option<Vec<MethodId>> = match &raw.methods {
        Some(list) => Some(
            list.iter()
                .map(|m| {
                    m.parse::<MethodId>()
                        .map_err(|_| KasirError::UnknownMethod(m.clone()))
                })
                .collect::<Result<_, _>>()?,
        ),
        None => None,
    };
    let has_intent = provider == Psp::Wooshpay && raw.client_secret.is_some();
    if !(raw.has_create_payment || has_intent) {
        return Err(KasirError::MissingCreatePayment);
    }
    // `methods` is an allow-list that also orders the picker; without it, the catalogue's order
    let mut methods: Vec<MethodId> = match allow {
        Some(list) => list,
        None => MethodId::all().collect(),
    };
    methods.retain(|m| kasir_core::catalogue::offer(*m, provider, currency).is_some());
    let mut seen = Vec::with_capacity(methods.len());
    methods.retain(|m| {
        let first = !seen.contains(m);
        seen.push(*m);
        first
    });
    let theme = match raw.theme.as_deref() {
        None | Some("light") => "light",
        Some("dark") => "dark",
        Some("auto") => "auto",
        Some(other) => {
            return Err(KasirError::InvalidAppearance(
                ["theme `", other, "`"].concat(),
            ))
        }
    };
    if let Some((k, _)) = raw
        .appearance
        .iter()
        .find(|(k, _)| !k.starts_with("--kasir-") || k.contains([';', '{', '}']))
    {
        return Err(KasirError::InvalidAppearance(k.clone()));
    }
    let parent_origin = match raw.parent_origin.as_deref() {
        None => None,
        Some(o) => match normalize_origin(o) {
            Some(n) => Some(n),
            None => return Err(KasirError::InvalidParentOrigin(o.to_string())),
        },
    };
    if let Some((k, _)) = raw
        .strings
        .iter()
        .find(|(k, _)| crate::i18n::t(Locale::En, k).is_empty())
    {
        return Err(KasirError::UnknownString(k.clone()));
    }
    let locale = raw
        .locale
        .as_deref()
        .and_then(Locale::from_tag)
        .or_else(|| raw.browser_language.as_deref().and_then(Locale::from_tag))
        .unwrap_or(Locale::En);
    let api_base = raw
        .api_base
        .as_deref()
        .map(str::trim)
        .filter(|b| !b.is_empty())
        .unwrap_or(provider.live_api_base())
        .trim_end_matches('/')
        .to_string();
    let shopper = |k: &str| {
        raw.shopper
            .iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    if let Some((k, _)) = raw
        .shopper
        .iter()
        .find(|(k, _)| k != "phone" && k != "email")
    {
        return Err(KasirError::InvalidOption(["shopper.", k].concat()));
    }
    let mut icons = Vec::with_capacity(raw.icons.len());
    for (k, url) in &raw.icons {
        let m: MethodId = k
            .parse()
            .map_err(|_| KasirError::InvalidOption(["icons.", k].concat()))?;
        let scheme_ok = !url.contains(':')
            || url.starts_with("https://")
            || url.starts_with("http://")
            || url.starts_with("data:image/");
        if url.trim().is_empty() || !scheme_ok {
            return Err(KasirError::InvalidOption(["icons.", k].concat()));
        }
        icons.push((m, url.clone()));
    }
    Ok(Settings {
        shopper_phone: shopper("phone"),
        shopper_email: shopper("email"),
        icons,
        provider,
        public_key: key.map(str::to_string),
        project_id: raw.project_id,
        api_base,
        money: Money::new(minor, currency),
        methods,
        locale,
        return_url: raw.return_url,
        client_secret: raw.client_secret,
        order_id: raw.order_id.filter(|o| !o.trim().is_empty()),
        storage_scope: raw.storage_scope,
        strings: raw.strings,
        theme,
        appearance: raw.appearance,
        parent_origin,
        redirect_target: raw.redirect_target.filter(|t| !t.trim().is_empty()),
    })
}

/// `parentOrigin` as `MessageEvent.origin` spells it: `scheme://host[:port]` with nothing after
/// it, scheme and host lower-cased, the scheme's default port left out
/// (`https://Shop.example:443` → `https://shop.example`). `None` when it is not one origin.
pub fn normalize_origin(o: &str) -> Option<String> {
    let (scheme, rest) = text::split_once(o.trim(), "://")?;
    let scheme = scheme.to_ascii_lowercase();
    let default_port = match scheme.as_str() {
        "https" => ":443",
        "http" => ":80",
        _ => return None,
    };
    if rest.is_empty() || rest.contains(['/', '?', '#', '*', '@', ' ', '\\']) {
        return None;
    }
    let host = rest.to_ascii_lowercase();
    let host = host.strip_suffix(default_port).unwrap_or(&host);
    if host.is_empty() || host.starts_with(':') {
        return None;
    }
    Some([&scheme, "://", host].concat())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mid(id: &str) -> MethodId {
        id.parse().unwrap()
    }

    fn ok() -> RawOptions {
        RawOptions {
            provider: Some("omise".into()),
            public_key: Some("pkey_test_kasir".into()),
            amount: Some(400_000.0),
            currency: Some("THB".into()),
            has_create_payment: true,
            ..RawOptions::default()
        }
    }

    #[test]
    fn valid_options() {
        let s = validate(ok()).unwrap();
        assert_eq!(s.provider, Psp::Omise);
        assert_eq!(s.money, Money::new(400_000, Currency::THB));
        let thb = [
            "promptpay",
            "truemoney",
            "truemoney_qr",
            "rabbit_linepay",
            "shopeepay",
            "mobile_banking",
            "installment",
        ];
        assert_eq!(s.methods, thb.map(mid).to_vec());
        assert_eq!(s.api_base, "https://api.omise.co");
        assert_eq!(s.locale, Locale::En);
        let s = validate(RawOptions {
            methods: Some(vec!["truemoney_qr".into()]),
            browser_language: Some("th-TH".into()),
            api_base: Some("http://127.0.0.1:8080/".into()),
            ..ok()
        })
        .unwrap();
        assert_eq!(s.methods, vec![mid("truemoney_qr")]);
        assert_eq!(s.locale, Locale::Th);
        assert_eq!(s.api_base, "http://127.0.0.1:8080");
        let idr = validate(RawOptions {
            provider: Some("wooshpay".into()),
            public_key: Some("pk_test_x".into()),
            currency: Some("IDR".into()),
            ..ok()
        })
        .unwrap();
        assert_eq!(idr.methods, vec![mid("qris"), mid("akulaku")]);
        let ordered = validate(RawOptions {
            methods: Some(vec![
                "truemoney".into(),
                "paynow".into(),
                "promptpay".into(),
                "truemoney".into(),
            ]),
            ..ok()
        })
        .unwrap();
        assert_eq!(
            ordered.methods,
            vec![mid("truemoney"), mid("promptpay")],
            "the allow-list orders the picker; methods not offered in THB are left out"
        );
    }

    #[test]
    fn named_errors() {
        let e = |r: RawOptions| validate(r).unwrap_err().code().to_string();
        assert_eq!(
            e(RawOptions {
                public_key: Some("skey_test_123".into()),
                ..ok()
            }),
            "secret_key_in_browser"
        );
        assert_eq!(
            e(RawOptions {
                public_key: Some("sk_live_123".into()),
                provider: Some("nope".into()),
                ..ok()
            }),
            "secret_key_in_browser"
        );
        assert_eq!(
            e(RawOptions {
                public_key: None,
                ..ok()
            }),
            "missing_public_key"
        );
        assert_eq!(
            e(RawOptions {
                amount: Some(-1.0),
                ..ok()
            }),
            "invalid_amount"
        );
        assert_eq!(
            e(RawOptions {
                amount: Some(10.5),
                ..ok()
            }),
            "invalid_amount"
        );
        assert_eq!(
            e(RawOptions {
                amount: Some(f64::NAN),
                ..ok()
            }),
            "invalid_amount"
        );
        assert_eq!(
            e(RawOptions {
                amount: None,
                ..ok()
            }),
            "invalid_amount"
        );
        assert_eq!(
            e(RawOptions {
                amount: None,
                amount_text: Some("12a".into()),
                ..ok()
            }),
            "invalid_amount"
        );
        assert_eq!(
            validate(RawOptions {
                amount: None,
                amount_text: Some("400000".into()),
                ..ok()
            })
            .unwrap()
            .money
            .minor,
            400_000
        );
        assert_eq!(
            e(RawOptions {
                provider: Some("stripe".into()),
                ..ok()
            }),
            "unknown_provider"
        );
        assert_eq!(
            e(RawOptions {
                currency: Some("XYZ".into()),
                ..ok()
            }),
            "unknown_currency"
        );
        assert_eq!(
            e(RawOptions {
                methods: Some(vec!["paypal".into()]),
                ..ok()
            }),
            "unknown_method"
        );
        assert_eq!(
            e(RawOptions {
                has_create_payment: false,
                ..ok()
            }),
            "missing_create_payment"
        );
    }

    /// Regression: `parentOrigin` was compared as typed, so `https://Shop.example:443` never
    /// matched the browser's `https://shop.example`.
    #[test]
    #[cfg(feature = "omise")]
    fn a_given_capability_is_the_account_for_opn_only() {
        use kasir_core::catalogue::Account;
        let given = Some(Some(Account::everything()));
        assert!(validate(RawOptions {
            capability: given.clone(),
            ..ok()
        })
        .is_ok());
        for raw in [
            // given, but not a capability object
            RawOptions {
                capability: Some(None),
                ..ok()
            },
            // WooshPay's and ecommpay's accounts are not described to the browser
            RawOptions {
                provider: Some("wooshpay".into()),
                public_key: Some("pk_test_x".into()),
                capability: given.clone(),
                ..ok()
            },
            RawOptions {
                provider: Some("ecommpay".into()),
                public_key: None,
                capability: given.clone(),
                ..ok()
            },
        ] {
            assert_eq!(
                validate(raw),
                Err(KasirError::InvalidOption("capability".into()))
            );
        }
    }

    #[test]
    fn parent_origin_is_normalised_like_message_event_origin() {
        assert_eq!(
            normalize_origin("https://Shop.example:443").as_deref(),
            Some("https://shop.example")
        );
        assert_eq!(
            normalize_origin("HTTP://127.0.0.1:80").as_deref(),
            Some("http://127.0.0.1")
        );
        assert_eq!(
            normalize_origin("https://shop.example:8443").as_deref(),
            Some("https://shop.example:8443")
        );
        for bad in [
            "*",
            "https://",
            "https://a/b",
            "ftp://a",
            "https://a@b",
            "shop.example",
        ] {
            assert_eq!(normalize_origin(bad), None, "{bad}");
        }
        let s = validate(RawOptions {
            parent_origin: Some("https://Shop.example:443".into()),
            ..ok()
        })
        .unwrap();
        assert_eq!(s.parent_origin.as_deref(), Some("https://shop.example"));
    }
}
