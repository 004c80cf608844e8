//! Every error the widget reports: a stable `code` (in `kasir:error`, the rejected `mount`
//! promise and `checkout.result`) and an English developer-facing `message`. Pure, so it is
//! shared by validation, the controller and the PSP adapters without cycles.

/// Codes `kasir.js` itself reports (`kasir:error`, the rejected `mount`) when the widget could
/// not load, before any of this runs: a file it loads does not match its Subresource Integrity
/// (`www/api.js`). Listed here so that this file stays the one list of codes.
pub const LOADER_CODES: &[&str] = &["integrity_failed"];

/// Every error the widget reports (`kasir:error` detail `code` + `message`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KasirError {
    /// A secret key (`skey_…`, `sk_…`) was given as `publicKey`.
    SecretKeyInBrowser,
    /// `publicKey` is missing for a provider that needs one.
    MissingPublicKey,
    /// `amount` is not a positive integer of minor units.
    InvalidAmount(String),
    /// `provider` is not `omise`, `wooshpay` or `ecommpay`.
    UnknownProvider(String),
    /// `provider` is known but this build of the widget lacks it (a per-provider file loaded
    /// for another provider: `kasir.js` picks the right one).
    ProviderNotBuilt(String),
    /// A `methods` entry is unknown.
    UnknownMethod(String),
    /// `currency` is unknown.
    UnknownCurrency(String),
    /// Neither `createPayment` nor `createPaymentUrl` was given.
    MissingCreatePayment,
    /// The mount target is not an element or a selector of one.
    InvalidTarget(String),
    /// The element already has a mounted widget.
    AlreadyMounted,
    /// A URL the widget was asked to send the shopper to is not `https:` (or loopback `http:`).
    InsecureRedirect(String),
    /// A request could not be sent or answered.
    Network(String),
    /// The PSP or the merchant server answered with an error.
    Psp {
        /// The PSP's code.
        code: String,
        /// The PSP's message.
        message: String,
    },
    /// An answer was not what the PSP sends.
    InvalidResponse(String),
    /// No method can be used for this amount and currency.
    NoMethodAvailable,
    /// An option given as a data attribute could not be read (`data-strings` / `data-appearance`
    /// must be JSON objects).
    InvalidOption(String),
    /// A `strings` override names a text that does not exist.
    UnknownString(String),
    /// The merchant's `clientSecret` belongs to a payment that has already ended.
    PaymentFinished,
    /// A payment named by the return URL or remembered in this browser is not the one this
    /// widget started, or is for another amount or currency: it is not adopted.
    PaymentMismatch(String),
    /// `theme` is not light, dark or auto; or an `appearance` key is not a `--kasir-*` property.
    InvalidAppearance(String),
    /// `parentOrigin` is not one exact origin (`*` is refused).
    InvalidParentOrigin(String),
}

impl KasirError {
    /// The stable code in `kasir:error`.
    pub fn code(&self) -> &str {
        match self {
            KasirError::SecretKeyInBrowser => "secret_key_in_browser",
            KasirError::MissingPublicKey => "missing_public_key",
            KasirError::InvalidAmount(_) => "invalid_amount",
            KasirError::UnknownProvider(_) => "unknown_provider",
            KasirError::ProviderNotBuilt(_) => "provider_not_built",
            KasirError::UnknownMethod(_) => "unknown_method",
            KasirError::UnknownCurrency(_) => "unknown_currency",
            KasirError::MissingCreatePayment => "missing_create_payment",
            KasirError::InvalidTarget(_) => "invalid_target",
            KasirError::AlreadyMounted => "already_mounted",
            KasirError::InsecureRedirect(_) => "insecure_redirect",
            KasirError::Network(_) => "network_error",
            KasirError::Psp { code, .. } => code,
            KasirError::InvalidResponse(_) => "invalid_response",
            KasirError::NoMethodAvailable => "no_method_available",
            KasirError::InvalidOption(_) => "invalid_option",
            KasirError::UnknownString(_) => "unknown_string",
            KasirError::PaymentFinished => "payment_finished",
            KasirError::PaymentMismatch(_) => "payment_mismatch",
            KasirError::InvalidAppearance(_) => "invalid_appearance",
            KasirError::InvalidParentOrigin(_) => "invalid_parent_origin",
        }
    }

    /// A developer-facing message (English).
    pub fn message(&self) -> String {
        match self {
            KasirError::SecretKeyInBrowser => {
                "a secret key must never be used in the browser: pass your public key".into()
            }
            KasirError::MissingPublicKey => "publicKey is required for this provider".into(),
            KasirError::InvalidAmount(a) => {
                ["amount must be a positive integer in minor units, got ", a].concat()
            }
            KasirError::UnknownProvider(p) => {
                ["unknown provider `", p, "` (omise, wooshpay or ecommpay)"].concat()
            }
            KasirError::ProviderNotBuilt(p) => [
                "this build of Kasir has no `",
                p,
                "`: load kasir.js, which picks the build for the provider",
            ]
            .concat(),
            KasirError::UnknownMethod(m) => ["unknown method `", m, "`"].concat(),
            KasirError::UnknownCurrency(c) => ["unknown currency `", c, "`"].concat(),
            KasirError::MissingCreatePayment => {
                "createPayment or createPaymentUrl is required".into()
            }
            KasirError::InvalidTarget(t) => ["mount target not found: ", t].concat(),
            KasirError::AlreadyMounted => {
                "a Kasir checkout is already mounted on this element: destroy() it first".into()
            }
            KasirError::InsecureRedirect(u) => {
                ["refused to redirect to a non-https URL: ", u].concat()
            }
            KasirError::Network(m) => ["network error: ", m].concat(),
            KasirError::Psp { message, .. } => message.clone(),
            KasirError::InvalidResponse(m) => ["unexpected response: ", m].concat(),
            KasirError::NoMethodAvailable => {
                "no payment method is available for this amount and currency".into()
            }
            KasirError::InvalidOption(o) => ["option ", o, " is not valid"].concat(),
            KasirError::UnknownString(k) => ["strings: no UI text is called `", k, "`"].concat(),
            KasirError::PaymentFinished => {
                "the payment of this clientSecret has already ended: create a new one".into()
            }
            KasirError::PaymentMismatch(what) => ["not this checkout's payment: ", what].concat(),
            KasirError::InvalidAppearance(k) => ["invalid theme or appearance: ", k].concat(),
            KasirError::InvalidParentOrigin(o) => [
                "parentOrigin must be one exact origin such as https://shop.example, got `",
                o,
                "`",
            ]
            .concat(),
        }
    }
}
