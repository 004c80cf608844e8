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
    /// Lifetime of every PSP's pending payment, seconds: Opn charges and WooshPay checkout
    /// sessions created without their own `expires_at`, WooshPay payment intents, ecommpay
    /// payments. Unset: each PSP's default (Opn QR 600 s, everything else 24 h).
    #[arg(long, env = "KASIR_EXPIRY_SECS", value_parser = clap::value_parser!(i64).range(1..=MAX_EXPIRY_SECS))]
    pub expiry_secs: Option<i64>,
    /// The old name of `--expiry-secs` (it used to set Opn QR charges only); `--expiry-secs` wins.
    #[arg(long, env = "KASIR_QR_EXPIRY_SECS", value_parser = clap::value_parser!(i64).range(1..=MAX_EXPIRY_SECS))]
    pub qr_expiry_secs: Option<i64>,
    /// Milliseconds one second of the PSPs' documented webhook/callback retry schedules lasts:
    /// 1000 is the real schedules, 10 a hundred times faster, 0 retries at once.
    #[arg(long, env = "KASIR_RETRY_BASE_MS", default_value_t = 1000, value_parser = clap::value_parser!(i64).range(0..=60_000))]
    pub retry_base_ms: i64,
    /// Do not deliver webhooks to the demo shop's own endpoints.
    #[arg(long)]
    pub no_shop_webhooks: bool,
}

/// Longest `--expiry-secs` accepted (a year).
pub const MAX_EXPIRY_SECS: i64 = 366 * 86_400;

/// The default lifetime of an Opn QR (offline) charge, seconds.
pub const QR_EXPIRY_SECS: i64 = 600;
/// The default lifetime of every other pending payment, seconds.
pub const PENDING_EXPIRY_SECS: i64 = 86_400;

impl Config {
    /// How long a new pending payment stays payable, milliseconds: `--expiry-secs` (or its old
    /// name) when given, else `default_secs` (the PSP's own default).
    pub fn expiry_ms(&self, default_secs: i64) -> i64 {
        self.expiry_secs
            .or(self.qr_expiry_secs)
            .unwrap_or(default_secs)
            .clamp(1, MAX_EXPIRY_SECS)
            * 1000
    }
}

impl Default for Config {
    fn default() -> Config {
        Config::parse_from(["kasir-sandbox"])
    }
}
