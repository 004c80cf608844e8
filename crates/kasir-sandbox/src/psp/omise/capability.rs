//! `GET /capability`: the account's payment methods, from the catalogue.

use super::api::{auth, OpnResult};
use crate::state::AppState;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::Json;
use kasir_core::catalogue::{offers_of, Psp};
use kasir_core::wire::omise::{AmountLimit, Capability, CapabilityLimits, PaymentMethod};
use std::sync::Arc;

/// `GET /capability` (public or secret key).
pub async fn get(
    State(st): State<Arc<AppState>>,
    headers: HeaderMap,
) -> OpnResult<Json<Capability>> {
    auth(&st, &headers, true)?;
    // one entry per wire name, with the currencies of every catalogue row that has it
    let mut methods: Vec<PaymentMethod> = Vec::new();
    for o in offers_of(Psp::Omise) {
        for name in std::iter::once(o.wire_name).chain(o.wire_name_mobile) {
            let code = o.currency.code().to_string();
            match methods.iter_mut().find(|m| m.name == name) {
                Some(m) => m.currencies.push(code),
                None => methods.push(PaymentMethod {
                    object: "payment_method".into(),
                    name: name.into(),
                    currencies: vec![code],
                    ..PaymentMethod::default()
                }),
            }
        }
    }
    Ok(Json(Capability {
        object: "capability".into(),
        location: Some("/capability".into()),
        country: Some("TH".into()),
        payment_methods: methods,
        zero_interest_installments: Some(false),
        limits: Some(CapabilityLimits {
            charge_amount: AmountLimit {
                max: 15_000_000,
                min: 2000,
            },
            extra: Default::default(),
        }),
        ..Capability::default()
    }))
}
