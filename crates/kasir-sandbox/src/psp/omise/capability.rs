//! `GET /capability`: the account's payment methods from the catalogue (one per source type,
//! bank-in-name rows per bank with their instalment terms, FPX with `{code, name, active}`
//! banks), narrowed by the account settings; and the test control that changes them
//! (`GET/POST/DELETE /_sandbox/omise/capability`).

use super::account::{Settings, ACCOUNT, ID};
use super::api::{auth, OpnResult};
use super::source_types::source_types;
use crate::error::{ApiError, Plain};
use crate::state::AppState;
use crate::store;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use kasir_core::catalogue::{Input, Psp};
use kasir_core::wire::omise::{
    AmountLimit, BankInfo, Capability, CapabilityBank, CapabilityLimits, MinLimit, PaymentMethod,
};
use std::sync::Arc;

/// The smallest instalment charge, satang (capability fixture: `installment_amount.min`).
pub const INSTALLMENT_MIN: i64 = 200_000;

/// The capability of an account.
pub fn capability(acct: &Settings) -> Capability {
    let methods = source_types()
        .into_iter()
        .filter(|t| acct.enabled(&t.name))
        .map(|t| {
            let banks = t.row.inputs.contains(&Input::Bank).then(|| {
                t.row
                    .banks
                    .iter()
                    .map(|b| {
                        CapabilityBank::Bank(BankInfo {
                            code: b.code.into(),
                            name: b.name.into(),
                            active: acct.bank_active(&t.name, b.code),
                            extra: Default::default(),
                        })
                    })
                    .collect()
            });
            let terms = t
                .bank
                .filter(|_| t.row.inputs.contains(&Input::InstallmentTerm))
                .map(|b| acct.terms(&t.name, b).into_iter().map(i64::from).collect());
            PaymentMethod {
                object: "payment_method".into(),
                name: t.name,
                currencies: t.currencies.iter().map(|c| c.to_string()).collect(),
                card_brands: None,
                installment_terms: terms,
                banks: Some(banks.unwrap_or_default()),
                provider: None,
                extra: Default::default(),
            }
        })
        .collect();
    let (min, max) = kasir_core::catalogue::offers_of(Psp::Omise)
        .filter(|o| o.currency == kasir_core::money::Currency::THB)
        .fold((i64::MAX, 0), |(lo, hi), o| {
            (lo.min(o.min_minor), hi.max(o.max_minor))
        });
    Capability {
        object: "capability".into(),
        location: Some("/capability".into()),
        country: Some("TH".into()),
        payment_methods: methods,
        zero_interest_installments: Some(acct.zero_interest_installments),
        limits: Some(CapabilityLimits {
            charge_amount: AmountLimit { max, min },
            installment_amount: Some(MinLimit {
                min: INSTALLMENT_MIN,
                extra: Default::default(),
            }),
            extra: Default::default(),
        }),
        ..Capability::default()
    }
}

/// `GET /capability` (public or secret key).
pub async fn get(
    State(st): State<Arc<AppState>>,
    headers: HeaderMap,
) -> OpnResult<Json<Capability>> {
    auth(&st, &headers, true)?;
    Ok(Json(capability(&Settings::current(&st))))
}

/// `GET /_sandbox/omise/capability`: the account settings in force.
pub async fn settings(State(st): State<Arc<AppState>>) -> Json<Settings> {
    Json(Settings::current(&st))
}

/// `POST /_sandbox/omise/capability` `{disabled, inactive_banks, installment_terms,
/// zero_interest_installments}` (each optional): replaces the account settings (the flags'
/// included); a bad body is a 400 and changes nothing.
pub async fn set(
    State(st): State<Arc<AppState>>,
    body: axum::body::Bytes,
) -> Result<Json<Settings>, ApiError<Plain>> {
    let bad = |m: &str| ApiError::<Plain>::new(StatusCode::BAD_REQUEST, "bad_request", m);
    let v: serde_json::Value = serde_json::from_slice(&body)
        .ok()
        .filter(serde_json::Value::is_object)
        .ok_or_else(|| bad("body must be a JSON object"))?;
    let s: Settings = serde_json::from_value(v).map_err(|e| {
        bad(&format!(
            "body must be JSON {{disabled?: [source type], inactive_banks?: [\"method:bank\"], installment_terms?: {{type: [months]}}, zero_interest_installments?: bool}}: {e}"
        ))
    })?;
    s.validate().map_err(|m| bad(&m))?;
    st.store.tx(|c| s.save(c))?;
    Ok(Json(s))
}

/// `DELETE /_sandbox/omise/capability`: back to the flags' settings.
pub async fn reset(State(st): State<Arc<AppState>>) -> Result<Json<Settings>, ApiError<Plain>> {
    st.store.tx(|c| store::delete(c, ACCOUNT, ID))?;
    Ok(Json(Settings::from_flags(&st)))
}
