//! WooshPay flags.

use clap::Args;

/// WooshPay settings (`--wooshpay-*`).
#[derive(Debug, Clone, Args)]
pub struct WooshpayConfig {
    /// WooshPay publishable key.
    #[arg(
        id = "wooshpay_publishable_key",
        value_name = "WOOSHPAY_PUBLISHABLE_KEY",
        long = "wooshpay-publishable-key",
        env = "KASIR_WOOSHPAY_PUBLISHABLE_KEY",
        default_value = "pk_test_kasir"
    )]
    pub publishable_key: String,
    /// WooshPay secret key.
    #[arg(
        id = "wooshpay_secret_key",
        value_name = "WOOSHPAY_SECRET_KEY",
        long = "wooshpay-secret-key",
        env = "KASIR_WOOSHPAY_SECRET_KEY",
        default_value = "sk_test_kasir"
    )]
    pub secret_key: String,
    /// Extra WooshPay webhook URLs (signed with `--wooshpay-webhook-secret`).
    #[arg(
        id = "wooshpay_webhook",
        value_name = "WOOSHPAY_WEBHOOK",
        long = "wooshpay-webhook",
        env = "KASIR_WOOSHPAY_WEBHOOK",
        value_delimiter = ','
    )]
    pub webhook: Vec<String>,
    /// WooshPay webhook signing secret.
    #[arg(
        id = "wooshpay_webhook_secret",
        value_name = "WOOSHPAY_WEBHOOK_SECRET",
        long = "wooshpay-webhook-secret",
        env = "KASIR_WOOSHPAY_WEBHOOK_SECRET",
        default_value = "whsec_kasir_test"
    )]
    pub webhook_secret: String,
}
