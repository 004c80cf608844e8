//! ecommpay flags.

use clap::Args;

/// ecommpay settings (`--ecommpay-*`).
#[derive(Debug, Clone, Args)]
pub struct EcommpayConfig {
    /// ecommpay project id.
    #[arg(
        id = "ecommpay_project_id",
        value_name = "ECOMMPAY_PROJECT_ID",
        long = "ecommpay-project-id",
        env = "KASIR_ECOMMPAY_PROJECT_ID",
        default_value_t = 4242
    )]
    pub project_id: u64,
    /// ecommpay project secret (signature key).
    #[arg(
        id = "ecommpay_secret",
        value_name = "ECOMMPAY_SECRET",
        long = "ecommpay-secret",
        env = "KASIR_ECOMMPAY_SECRET",
        default_value = "kasir_secret"
    )]
    pub secret: String,
}
