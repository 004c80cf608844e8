//! Validation of intent parameters against the catalogue: amount, currency, method types and
//! their terminal options.

use super::api::{invalid, WpResult};
use crate::params::NotAnInteger;
use kasir_core::catalogue::{
    availability, offer_by_wire_name, offers_of, Availability, Psp, Unavailable,
};
use kasir_core::money::{Currency, Money};
use kasir_core::wire::wooshpay::TerminalOptions;
use serde_json::Value;
use std::collections::BTreeMap;

/// Validate amount, currency and method types against the catalogue.
pub fn check_amount(
    amount: Result<Option<i64>, NotAnInteger>,
    currency: Option<String>,
    types: &[String],
) -> WpResult<(i64, Currency)> {
    let amount = amount
        .map_err(|_| {
            invalid(
                "parameter_invalid_integer",
                "Invalid integer: amount",
                Some("amount"),
            )
        })?
        .ok_or_else(|| {
            invalid(
                "parameter_missing",
                "Missing required param: amount.",
                Some("amount"),
            )
        })?;
    let cur = currency.ok_or_else(|| {
        invalid(
            "parameter_missing",
            "Missing required param: currency.",
            Some("currency"),
        )
    })?;
    let currency: Currency = cur.parse().map_err(|_| {
        invalid(
            "parameter_invalid",
            &format!("Invalid currency: {cur}"),
            Some("currency"),
        )
    })?;
    if amount <= 0 {
        return Err(invalid(
            "parameter_invalid_integer",
            "This value must be greater than or equal to 1.",
            Some("amount"),
        ));
    }
    for t in types {
        let offer = offer_by_wire_name(Psp::Wooshpay, t).ok_or_else(|| {
            invalid(
                "payment_method_type_invalid",
                &format!("The payment method type \"{t}\" is invalid."),
                Some("payment_method_types"),
            )
        })?;
        let why = match availability(offer.method, Psp::Wooshpay, Money::new(amount, currency)) {
            Availability::Available(_) => continue,
            Availability::Unavailable(u) => u,
        };
        return Err(match why {
            Unavailable::BelowMinimum { min } => invalid(
                "amount_too_small",
                &format!(
                    "Amount must be at least {} {}",
                    min.to_decimal_string(),
                    min.currency
                ),
                Some("amount"),
            ),
            Unavailable::AboveMaximum { max } => invalid(
                "amount_too_large",
                &format!(
                    "Amount must be no more than {} {}",
                    max.to_decimal_string(),
                    max.currency
                ),
                Some("amount"),
            ),
            _ => invalid(
                "payment_method_currency_mismatch",
                &format!(
                    "The currency {} is not supported by payment method type \"{t}\".",
                    currency.code().to_lowercase()
                ),
                Some("currency"),
            ),
        });
    }
    Ok((amount, currency))
}

/// `payment_method_types`; the PSP's first catalogue row when absent.
pub fn method_types(p: &Value) -> WpResult<Vec<String>> {
    let bad = |m: &str| invalid("parameter_invalid", m, Some("payment_method_types"));
    match p.get("payment_method_types") {
        None | Some(Value::Null) => Ok(offers_of(Psp::Wooshpay)
            .next()
            .map(|o| vec![o.wire_name.to_string()])
            .unwrap_or_default()),
        Some(Value::Array(a)) if !a.is_empty() => a
            .iter()
            .map(|v| {
                v.as_str()
                    .map(str::to_string)
                    .ok_or_else(|| bad("payment_method_types must be strings"))
            })
            .collect(),
        _ => Err(bad("payment_method_types must be a non-empty array")),
    }
}

/// `payment_method_options`, with `terminal_type` and `os_type` checked.
pub fn method_options(p: &Value) -> WpResult<BTreeMap<String, TerminalOptions>> {
    let Some(v @ Value::Object(_)) = p.get("payment_method_options") else {
        return Ok(BTreeMap::new());
    };
    let m: BTreeMap<String, TerminalOptions> = serde_json::from_value(v.clone()).map_err(|_| {
        invalid(
            "parameter_invalid",
            "payment_method_options must map each method to its options",
            Some("payment_method_options"),
        )
    })?;
    for (method, o) in &m {
        if let Some(t) = o.terminal_type.as_deref() {
            if !["WEB", "WAP", "APP"].contains(&t) {
                return Err(invalid(
                    "parameter_invalid",
                    &format!("Invalid terminal_type: {t}"),
                    Some(&format!("payment_method_options[{method}][terminal_type]")),
                ));
            }
        }
        if let Some(t) = o.os_type.as_deref() {
            if !["ANDROID", "IOS"].contains(&t) {
                return Err(invalid(
                    "parameter_invalid",
                    &format!("Invalid os_type: {t}"),
                    Some(&format!("payment_method_options[{method}][os_type]")),
                ));
            }
        }
    }
    Ok(m)
}
