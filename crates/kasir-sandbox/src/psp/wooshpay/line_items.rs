//! A checkout session's `line_items` (`price_data` with a product), their total and currency.

use super::api::{invalid, WpResult};
use crate::ids::snowflake;
use crate::params::{int_param, str_param};
use kasir_core::wire::wooshpay::{LineItem, Price, Product};
use serde_json::Value;

/// The items, their total (minor units) and their one currency.
pub fn line_items(p: &Value) -> WpResult<(Vec<LineItem>, i64, String)> {
    let missing = || {
        invalid(
            "parameter_missing",
            "Missing required param: line_items.",
            Some("line_items"),
        )
    };
    let Some(Value::Array(items)) = p.get("line_items") else {
        return Err(missing());
    };
    if items.is_empty() {
        return Err(missing());
    }
    let (mut out, mut total, mut currency) = (Vec::new(), 0i64, None::<String>);
    for (i, it) in items.iter().enumerate() {
        let pd = &it["price_data"];
        let param = |f: &str| format!("line_items[{i}][{f}]");
        let unit = int_param(pd, "unit_amount")
            .map_err(|_| {
                invalid(
                    "parameter_invalid_integer",
                    "Invalid integer: unit_amount",
                    Some(&param("price_data][unit_amount")),
                )
            })?
            .filter(|u| *u > 0)
            .ok_or_else(|| {
                invalid(
                    "parameter_missing",
                    "Missing required param: unit_amount.",
                    Some(&param("price_data][unit_amount")),
                )
            })?;
        let qty = int_param(it, "quantity")
            .map_err(|_| {
                invalid(
                    "parameter_invalid_integer",
                    "Invalid integer: quantity",
                    Some(&param("quantity")),
                )
            })?
            .unwrap_or(1);
        if !(1..=1000).contains(&qty) {
            return Err(invalid(
                "parameter_invalid_integer",
                "quantity must be between 1 and 1000",
                Some(&param("quantity")),
            ));
        }
        let cur = str_param(pd, "currency")
            .map(|c| c.to_uppercase())
            .ok_or_else(|| {
                invalid(
                    "parameter_missing",
                    "Missing required param: currency.",
                    Some(&param("price_data][currency")),
                )
            })?;
        if currency.as_ref().is_some_and(|c| *c != cur) {
            return Err(invalid(
                "parameter_invalid",
                "All line items must use the same currency.",
                Some(&param("price_data][currency")),
            ));
        }
        currency = Some(cur.clone());
        let too_large = || invalid("amount_too_large", "Amount too large", None);
        let sub = unit.checked_mul(qty).ok_or_else(too_large)?;
        total = total.checked_add(sub).ok_or_else(too_large)?;
        let product = &pd["product_data"];
        let name = product["name"].as_str().unwrap_or("Item").to_string();
        out.push(LineItem {
            id: snowflake("li"),
            object: "item".into(),
            currency: Some(cur.clone()),
            description: Some(name.clone()),
            quantity: Some(qty),
            amount_subtotal: Some(sub),
            amount_total: Some(sub),
            price: Some(Price {
                id: snowflake("price"),
                object: "price".into(),
                currency: Some(cur),
                unit_amount: Some(unit),
                kind: Some("one_time".into()),
                product: Some(Product {
                    id: snowflake("prod"),
                    object: "product".into(),
                    name: Some(name),
                    description: str_param(product, "description"),
                    extra: Default::default(),
                }),
                extra: Default::default(),
            }),
            extra: Default::default(),
        });
    }
    Ok((out, total, currency.unwrap_or_default()))
}
