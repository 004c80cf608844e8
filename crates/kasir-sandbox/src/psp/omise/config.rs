//! Opn flags.

use super::source_types::{parse_disabled, parse_inactive};
use clap::Args;

/// Opn settings (`--omise-*`).
#[derive(Debug, Clone, Args)]
pub struct OmiseConfig {
    /// Opn public key.
    #[arg(
        id = "omise_public_key",
        value_name = "OMISE_PUBLIC_KEY",
        long = "omise-public-key",
        env = "KASIR_OMISE_PUBLIC_KEY",
        default_value = "pkey_test_kasir"
    )]
    pub public_key: String,
    /// Opn secret key.
    #[arg(
        id = "omise_secret_key",
        value_name = "OMISE_SECRET_KEY",
        long = "omise-secret-key",
        env = "KASIR_OMISE_SECRET_KEY",
        default_value = "skey_test_kasir"
    )]
    pub secret_key: String,
    /// Extra Opn webhook URLs (repeatable or comma-separated).
    #[arg(
        id = "omise_webhook",
        value_name = "OMISE_WEBHOOK",
        long = "omise-webhook",
        env = "KASIR_OMISE_WEBHOOK",
        value_delimiter = ','
    )]
    pub webhook: Vec<String>,
    /// Opn webhook secret (base64; the HMAC key is its decoded bytes).
    #[arg(
        id = "omise_webhook_secret",
        value_name = "OMISE_WEBHOOK_SECRET",
        long = "omise-webhook-secret",
        env = "KASIR_OMISE_WEBHOOK_SECRET",
        default_value = "a2FzaXJfb21pc2Vfd2ViaG9va19zZWNyZXQ="
    )]
    pub webhook_secret: String,
    /// Source types the emulated account does not have (comma list of catalogue wire names,
    /// bank-in-name types per bank: `promptpay,installment_kbank,mobile_banking_scb`): left out
    /// of `GET /capability` and refused by `POST /sources`.
    #[arg(
        id = "omise_disable_methods",
        value_name = "SOURCE_TYPE",
        long = "omise-disable-methods",
        env = "KASIR_OMISE_DISABLE_METHODS",
        value_delimiter = ',',
        value_parser = parse_disabled
    )]
    pub disable_methods: Vec<String>,
    /// Banks listed as inactive (`active: false`) in `GET /capability` and refused by
    /// `POST /sources` (comma list of `method:bank`, e.g. `fpx:rhb,fpx:hsbc`).
    #[arg(
        id = "omise_inactive_banks",
        value_name = "METHOD:BANK",
        long = "omise-inactive-banks",
        env = "KASIR_OMISE_INACTIVE_BANKS",
        value_delimiter = ',',
        value_parser = parse_inactive
    )]
    pub inactive_banks: Vec<String>,
    /// The account absorbs instalment interest (`zero_interest_installments: true`).
    #[arg(
        id = "omise_zero_interest_installments",
        long = "omise-zero-interest-installments",
        env = "KASIR_OMISE_ZERO_INTEREST_INSTALLMENTS"
    )]
    pub zero_interest_installments: bool,
}
