//! The method-specific fields of a new source, checked as Opn checks them: the account has the
//! source type, `truemoney` has a valid `phone_number`, FPX a listed and active `bank` and a
//! valid `email`, an instalment an `installment_term` the account offers for that issuer (and a
//! monthly amount at least the issuer's minimum), mobile banking a `platform_type` of `IOS` or
//! `ANDROID`. Every refusal is Opn's `400 bad_request` with a message naming the field (the
//! wording omise-ios parses: "… phone …", "… email …", "type …"); nothing is stored.

use super::account::Settings;
use super::api::{err, OpnError};
use crate::params::{bool_param, int_param, str_param};
use axum::http::StatusCode;
use kasir_core::catalogue::{Input, Offer};
use kasir_core::money::Money;
use kasir_core::shopper::{email, monthly, thai_mobile};
use serde_json::Value;

fn bad(code: &str, m: &str) -> OpnError {
    err(StatusCode::BAD_REQUEST, code, m)
}

/// Check the fields of a new source of `kind` (row `row`) for `amount`; `code` is the error
/// code of the call (`bad_request` for sources, `invalid_charge` for inline charge sources).
pub fn check_fields(
    acct: &Settings,
    p: &Value,
    kind: &str,
    row: &Offer,
    amount: Money,
    code: &str,
) -> Result<(), OpnError> {
    let bad = |m: &str| bad(code, m);
    if !acct.enabled(kind) {
        return Err(bad("type is currently not supported"));
    }
    let mobile_name = row.wire_name_mobile == Some(kind);
    if row.asks(Input::Phone, mobile_name) {
        let phone = str_param(p, "phone_number").filter(|s| !s.trim().is_empty());
        let phone = phone.ok_or_else(|| bad("phone_number is required"))?;
        thai_mobile(&phone).map_err(|_| bad("phone_number is invalid"))?;
    }
    if row.asks(Input::Bank, mobile_name) {
        let b = str_param(p, "bank").ok_or_else(|| bad("bank is required"))?;
        if row.bank(&b).is_none() {
            return Err(bad("bank is not supported"));
        }
        if !acct.bank_active(kind, &b) {
            return Err(bad("bank is currently unavailable"));
        }
    }
    if row.asks(Input::Email, mobile_name) {
        let e = str_param(p, "email").ok_or_else(|| bad("email is required"))?;
        email(&e).map_err(|_| bad("email is in invalid format"))?;
    }
    if row.asks(Input::InstallmentTerm, mobile_name) {
        let bank = row
            .bank_in_wire_name(kind)
            .ok_or_else(|| bad("type is currently not supported"))?;
        let term = int_param(p, "installment_term")
            .map_err(|_| bad("installment_term is invalid"))?
            .ok_or_else(|| bad("installment_term is required"))?;
        let term = u8::try_from(term)
            .ok()
            .filter(|t| acct.terms(kind, bank).contains(t))
            .ok_or_else(|| bad("installment_term is not supported for this type"))?;
        let min = Money::new(bank.min_monthly_minor, amount.currency);
        if monthly(amount, term).minor < min.minor {
            return Err(bad(&format!(
                "amount per month must be at least {} ({} subunits) for {kind}",
                min.minor,
                amount.currency.code().to_lowercase()
            )));
        }
        if bool_param(p, "zero_interest_installments")
            .is_some_and(|z| z != acct.zero_interest_installments)
        {
            return Err(bad(
                "zero_interest_installments does not match the account's setting",
            ));
        }
    }
    if row.platform_type {
        match str_param(p, "platform_type").as_deref() {
            Some("IOS" | "ANDROID") => {}
            Some(_) => return Err(bad("platform_type must be IOS or ANDROID")),
            None if row.mobile_only => return Err(bad("platform_type is required")),
            None => {}
        }
    }
    Ok(())
}
