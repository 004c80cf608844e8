//! Opn flags.

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
}
