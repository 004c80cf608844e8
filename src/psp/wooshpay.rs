//! WooshPay: the merchant's server creates the payment intent with its secret key (or passes
//! `clientSecret`); the browser confirms and retrieves it with the publishable key and the
//! intent's `client_secret`. A hosted checkout session is followed as a plain redirect. Back
//! from WooshPay's page, the return URL names the intent (`payment_intent`,
//! `payment_intent_client_secret`).

use crate::checkout::Ctx;
use crate::config::Settings;
use crate::error::KasirError;
use crate::jsview::{set, Js};
use crate::net;
use crate::page::{query_param, return_url, Device};
use crate::psp::adapter::{retrieve_from_merchant, Adapter, PspFuture, Returned};
use crate::psp::merchant;
use crate::resume;
use js_sys::{Array, Object, JSON};
use kasir_core::catalogue::Offer;
use kasir_core::status::{interpret_wooshpay, InterpretError, Payment};
use kasir_core::text;
use kasir_core::view::JsonView;
use wasm_bindgen::JsValue;

/// The WooshPay adapter.
pub struct Wooshpay;

/// The intent id inside a client secret (`pi_…_secret_…`).
pub fn intent_id(client_secret: &str) -> Option<&str> {
    text::split_once(client_secret, "_secret_")
        .map(|(id, _)| id)
        .filter(|id| {
            id.starts_with("pi_") && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
        })
}

fn is_session(obj: &JsValue) -> bool {
    Js(obj.clone()).str_at(&["object"]).as_deref() == Some("checkout.session")
}

/// The client secret of an intent that still waits for the browser's confirmation.
fn secret_to_confirm(obj: &JsValue) -> Option<String> {
    if let Some(cs) = obj.as_string() {
        return Some(cs);
    }
    let o = Js(obj.clone());
    let needs_confirm = o.str_at(&["object"]).as_deref() == Some("payment_intent")
        && matches!(
            o.str_at(&["status"]).as_deref(),
            Some("requires_payment_method" | "requires_confirmation")
        )
        && o.field("next_action").is_none_or(|n| n.is_null())
        && o.field("last_payment_error").is_none_or(|n| n.is_null());
    needs_confirm
        .then(|| o.str_at(&["client_secret"]))
        .flatten()
}

impl Adapter for Wooshpay {
    fn interpret(&self, obj: &Js) -> Result<Payment, InterpretError> {
        interpret_wooshpay(obj)
    }

    fn create<'a>(
        &'a self,
        ctx: &'a Ctx,
        offer: &'static Offer,
        request: &'a JsValue,
        idempotency_key: &'a str,
    ) -> PspFuture<'a> {
        Box::pin(async move {
            // the current payment's secret, else the merchant's own (unless its payment ended)
            let given = ctx.client_secret.borrow().clone();
            let given = match (given, &ctx.settings.client_secret) {
                (Some(cs), _) => Some(cs),
                (None, Some(_)) if ctx.given_secret_finished.get() => {
                    return Err(KasirError::PaymentFinished)
                }
                (None, mine) => mine.clone(),
            };
            let obj = match given {
                // The merchant server already created the intent: confirm it from here.
                Some(cs) => JsValue::from(cs),
                None => merchant::create_payment(&ctx.options, request).await?,
            };
            let Some(cs) = secret_to_confirm(&obj) else {
                return Ok(obj);
            };
            *ctx.client_secret.borrow_mut() = Some(cs.clone());
            let wire = offer.wire_name_for(ctx.device.mobile);
            // one key per endpoint: the merchant's create used the attempt's key itself
            let key = [idempotency_key, "-confirm"].concat();
            confirm(&ctx.settings, &cs, wire, ctx.device, &key).await
        })
    }

    fn retrieve<'a>(&'a self, ctx: &'a Ctx, id: &'a str) -> PspFuture<'a> {
        match ctx.client_secret.borrow().clone() {
            Some(cs) if !merchant::has_retrieve(&ctx.options) => {
                Box::pin(async move { retrieve(&ctx.settings, &cs).await })
            }
            _ => retrieve_from_merchant(ctx, id),
        }
    }

    fn resume_from_return(&self, _ctx: &Ctx) -> Option<Returned> {
        let id = query_param("payment_intent")?;
        let cs = query_param("payment_intent_client_secret")?;
        if intent_id(&cs) != Some(id.as_str()) || resume::was_reported(&id) {
            return None;
        }
        let pi = Object::new();
        set(&pi, "object", &"payment_intent".into());
        set(&pi, "id", &id.into());
        set(&pi, "status", &"processing".into());
        set(&pi, "client_secret", &cs.clone().into());
        Some((pi.into(), Some(cs)))
    }

    fn return_params(&self) -> &'static [&'static str] {
        RETURN_PARAMS
    }

    fn encodes_qr(&self) -> bool {
        true
    }

    fn desktop_handoff(&self, created: &JsValue) -> bool {
        // A hosted checkout session is a whole checkout page, not a wallet: no phone handoff.
        !is_session(created)
    }
}

/// The query parameters WooshPay (as Stripe) appends to the return URL.
const RETURN_PARAMS: &[&str] = &[
    "payment_intent",
    "payment_intent_client_secret",
    "redirect_status",
];

/// `POST /v1/payment_intents/{id}/confirm` with `payment_method_types: [method]`, the device's
/// `terminal_type` (WEB on desktop, WAP on phones) and `os_type`, `return_url`, and the attempt's
/// `Idempotency-Key` (WooshPay documents idempotency errors, so its CORS allows the header).
pub async fn confirm(
    s: &Settings,
    client_secret: &str,
    wire: &str,
    device: Device,
    idempotency_key: &str,
) -> Result<JsValue, KasirError> {
    let id = intent_id(client_secret).ok_or_else(|| {
        KasirError::InvalidResponse("clientSecret is not a payment intent secret".into())
    })?;
    let body = Object::new();
    set(&body, "client_secret", &client_secret.into());
    set(&body, "payment_method_types", &Array::of1(&wire.into()));
    let opts = Object::new();
    let terminal = if device.mobile { "WAP" } else { "WEB" };
    set(&opts, "terminal_type", &terminal.into());
    match device.os {
        "android" => set(&opts, "os_type", &"ANDROID".into()),
        "ios" => set(&opts, "os_type", &"IOS".into()),
        _ => {}
    }
    let pmo = Object::new();
    set(&pmo, wire, &opts);
    set(&body, "payment_method_options", &pmo);
    if let Some(r) = return_url(&s.return_url, RETURN_PARAMS) {
        set(&body, "return_url", &r.into());
    }
    let body: String = JSON::stringify(&body).map(String::from).unwrap_or_default();
    net::request(
        "POST",
        &[&s.api_base, "/v1/payment_intents/", id, "/confirm"].concat(),
        &[
            ("Authorization", &net::basic_auth(s.public_key.as_deref())?),
            ("Content-Type", "application/json"),
            ("Idempotency-Key", idempotency_key),
        ],
        Some(&body),
    )
    .await
}

/// `GET /v1/payment_intents/{id}?client_secret=…` with the publishable key.
pub async fn retrieve(s: &Settings, client_secret: &str) -> Result<JsValue, KasirError> {
    let id = intent_id(client_secret).ok_or_else(|| {
        KasirError::InvalidResponse("clientSecret is not a payment intent secret".into())
    })?;
    net::request(
        "GET",
        &[
            &s.api_base,
            "/v1/payment_intents/",
            id,
            "?client_secret=",
            &net::encode(client_secret),
        ]
        .concat(),
        &[("Authorization", &net::basic_auth(s.public_key.as_deref())?)],
        None,
    )
    .await
}
