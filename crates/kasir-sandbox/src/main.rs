//! `kasir-sandbox`: run the PSP emulator and demo shop.

use clap::Parser;

#[tokio::main]
async fn main() -> std::io::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "kasir_sandbox=info,tower_http=info".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    kasir_sandbox::serve(kasir_sandbox::Config::parse()).await
}
