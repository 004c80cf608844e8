//! What the emulated Opn account has enabled: every catalogue source type (bank-in-name rows
//! expanded per bank: `mobile_banking_kbank`, `installment_bay`) minus the disabled ones, FPX
//! banks with inactive ones marked, instalment terms per issuer and `zero_interest_installments`.
//! The flags (`--omise-disable-methods`, `--omise-inactive-banks`,
//! `--omise-zero-interest-installments`) set it at start; the test control
//! `POST /_sandbox/omise/capability` replaces it at run time (stored, so it survives a restart;
//! `DELETE` returns to the flags). `GET /capability` shows it and `POST /sources` refuses what it
//! does not enable.

use super::source_types::{parse_disabled, parse_inactive, source_types};
use crate::state::AppState;
use crate::store;
use kasir_core::catalogue::{Bank, Input};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Stored kind of the run-time account settings (one object, id [`ID`]).
pub const ACCOUNT: &str = "omise_account";
/// Its id (object ids are unique across kinds).
pub const ID: &str = "omise_account";

/// The account's settings (also the control's JSON body).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// Source types the account does not have (`promptpay`, `installment_kbank`).
    #[serde(default)]
    pub disabled: Vec<String>,
    /// `{method}:{bank}` pairs listed with `active: false` (`fpx:rhb`).
    #[serde(default)]
    pub inactive_banks: Vec<String>,
    /// Instalment terms per instalment source type (`{"installment_kbank": [3, 6]}`); a type not
    /// named keeps the catalogue's terms for its issuer.
    #[serde(default)]
    pub installment_terms: BTreeMap<String, Vec<u8>>,
    /// The capability's `zero_interest_installments`.
    #[serde(default)]
    pub zero_interest_installments: bool,
}

impl Settings {
    /// The settings the flags give.
    pub fn from_flags(st: &AppState) -> Settings {
        Settings {
            disabled: st.cfg.omise.disable_methods.clone(),
            inactive_banks: st.cfg.omise.inactive_banks.clone(),
            installment_terms: BTreeMap::new(),
            zero_interest_installments: st.cfg.omise.zero_interest_installments,
        }
    }

    /// The account now: the control's settings if set, else the flags' (outside a transaction).
    pub fn current(st: &AppState) -> Settings {
        st.store
            .get::<Settings>(ACCOUNT, ID)
            .unwrap_or_else(|| Settings::from_flags(st))
    }

    /// [`Settings::current`] inside a transaction `c`.
    pub fn current_in(st: &AppState, c: &rusqlite::Connection) -> Settings {
        store::get::<Settings>(c, ACCOUNT, ID)
            .ok()
            .flatten()
            .unwrap_or_else(|| Settings::from_flags(st))
    }

    /// Every problem with the settings (unknown names, terms the issuer does not offer).
    pub fn validate(&self) -> Result<(), String> {
        for d in &self.disabled {
            parse_disabled(d)?;
        }
        for b in &self.inactive_banks {
            parse_inactive(b)?;
        }
        let types = source_types();
        for (name, terms) in &self.installment_terms {
            let t = types
                .iter()
                .find(|t| &t.name == name && t.row.inputs.contains(&Input::InstallmentTerm))
                .ok_or_else(|| format!("`{name}` is not an Opn instalment source type"))?;
            let bank = t.bank.map(|b| b.terms).unwrap_or_default();
            if terms.is_empty() || terms.iter().any(|m| !bank.contains(m)) {
                return Err(format!(
                    "installment_terms for {name} must be a non-empty subset of {bank:?}"
                ));
            }
        }
        Ok(())
    }

    /// Whether the account has source type `name`.
    pub fn enabled(&self, name: &str) -> bool {
        !self.disabled.iter().any(|d| d == name)
    }

    /// Whether bank `code` of method `name` is active.
    pub fn bank_active(&self, name: &str, code: &str) -> bool {
        !self
            .inactive_banks
            .iter()
            .any(|p| p == &format!("{name}:{code}"))
    }

    /// The instalment terms of an instalment source type (the account's, else the issuer's).
    pub fn terms(&self, name: &str, bank: &Bank) -> Vec<u8> {
        self.installment_terms
            .get(name)
            .cloned()
            .unwrap_or_else(|| bank.terms.to_vec())
    }

    /// Store these settings (the control).
    pub fn save(&self, c: &rusqlite::Connection) -> Result<(), store::StoreError> {
        store::put(c, ACCOUNT, ID, self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bank_in_name_rows_expand_per_bank_and_names_are_unique() {
        let t = source_types();
        let names: Vec<&str> = t.iter().map(|t| t.name.as_str()).collect();
        for n in [
            "promptpay",
            "truemoney",
            "truemoney_jumpapp",
            "mobile_banking_kbank",
            "mobile_banking_ktb",
            "installment_first_choice",
            "installment_uob",
            "fpx",
            "paynow",
            "duitnow_qr",
            "touch_n_go",
        ] {
            assert!(names.contains(&n), "{n} missing from {names:?}");
        }
        assert!(!names.contains(&"mobile_banking") && !names.contains(&"installment"));
        let mut sorted = names.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), names.len());
        let shopee = t.iter().find(|t| t.name == "shopeepay").unwrap();
        assert_eq!(shopee.currencies, vec!["THB", "SGD", "MYR"]);
    }

    #[test]
    fn settings_name_only_what_the_catalogue_has() {
        assert!(parse_disabled("installment_kbank").is_ok());
        assert!(parse_disabled("installment").is_err());
        assert!(parse_inactive("fpx:rhb").is_ok());
        assert!(parse_inactive("fpx:nope").is_err());
        assert!(parse_inactive("promptpay:rhb").is_err());
        let mut s = Settings::default();
        s.installment_terms
            .insert("installment_kbank".into(), vec![3, 6]);
        assert!(s.validate().is_ok());
        s.installment_terms
            .insert("installment_kbank".into(), vec![4]);
        assert!(s.validate().is_err(), "KBank has no 4-month plan");
        s.installment_terms.clear();
        s.installment_terms.insert("fpx".into(), vec![3]);
        assert!(s.validate().is_err());
    }
}
