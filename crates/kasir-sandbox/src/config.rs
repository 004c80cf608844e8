//! Command-line / environment configuration: the sandbox's own flags, plus one flattened group
//! per PSP (defined in the PSP's folder).

use crate::psp::ecommpay::config::EcommpayConfig;
use crate::psp::omise::config::OmiseConfig;
use crate::psp::wooshpay::config::WooshpayConfig;
use clap::Parser;
use std::path::PathBuf;

/// Command-line / environment configuration.
#[derive(Debug, Clone, Parser)]
#[command(
    name = "kasir-sandbox",
    about = "Local emulator of Opn, WooshPay and ecommpay"
)]
pub struct Config {
    /// Address to listen on (`127.0.0.1:0` picks a free port).
    #[arg(long, env = "KASIR_SANDBOX_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: String,
    /// SQLite database file.
    #[arg(
        long,
        env = "KASIR_SANDBOX_DB",
        default_value = "target/kasir-sandbox.db"
    )]
    pub db: PathBuf,
    /// Delete the database first.
    #[arg(long)]
    pub fresh: bool,
    /// Directory of the built widget, served at `/kasir/*`.
    #[arg(long, env = "KASIR_SANDBOX_DIST", default_value = "dist")]
    pub dist: PathBuf,
    /// Opn settings.
    #[command(flatten)]
    pub omise: OmiseConfig,
    /// WooshPay settings.
    #[command(flatten)]
    pub wooshpay: WooshpayConfig,
    /// ecommpay settings.
    #[command(flatten)]
    pub ecommpay: EcommpayConfig,
    /// First retry delay for webhooks and callbacks, milliseconds (doubles each attempt, max 60 s).
    #[arg(long, env = "KASIR_RETRY_BASE_MS", default_value_t = 1000)]
    pub retry_base_ms: i64,
    /// Do not deliver webhooks to the demo shop's own endpoints.
    #[arg(long)]
    pub no_shop_webhooks: bool,
}

impl Default for Config {
    fn default() -> Config {
        Config::parse_from(["kasir-sandbox"])
    }
}
