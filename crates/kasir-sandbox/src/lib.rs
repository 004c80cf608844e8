//! kasir-sandbox: a stateful local emulator of Opn (Omise), WooshPay and ecommpay, plus a demo
//! shop that embeds the Kasir widget.
//!
//! [`app`] builds the router over an [`AppState`]; [`serve`] binds, prints the URL and keys,
//! starts the background workers (timers and the webhook/callback outbox) and serves.

#![recursion_limit = "512"]

pub mod control;
pub mod http;
pub mod outbox;
pub mod pages;
pub mod psp;
pub mod shop;
pub mod store;

use axum::http::{header, HeaderName, Method};
use axum::Router;
use clap::Parser;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, RwLock};
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::trace::TraceLayer;

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
    /// Opn public key.
    #[arg(
        long,
        env = "KASIR_OMISE_PUBLIC_KEY",
        default_value = "pkey_test_kasir"
    )]
    pub omise_public_key: String,
    /// Opn secret key.
    #[arg(
        long,
        env = "KASIR_OMISE_SECRET_KEY",
        default_value = "skey_test_kasir"
    )]
    pub omise_secret_key: String,
    /// Extra Opn webhook URLs (repeatable or comma-separated).
    #[arg(long, env = "KASIR_OMISE_WEBHOOK", value_delimiter = ',')]
    pub omise_webhook: Vec<String>,
    /// Opn webhook secret (base64; the HMAC key is its decoded bytes).
    #[arg(
        long,
        env = "KASIR_OMISE_WEBHOOK_SECRET",
        default_value = "a2FzaXJfb21pc2Vfd2ViaG9va19zZWNyZXQ="
    )]
    pub omise_webhook_secret: String,
    /// WooshPay publishable key.
    #[arg(
        long,
        env = "KASIR_WOOSHPAY_PUBLISHABLE_KEY",
        default_value = "pk_test_kasir"
    )]
    pub wooshpay_publishable_key: String,
    /// WooshPay secret key.
    #[arg(
        long,
        env = "KASIR_WOOSHPAY_SECRET_KEY",
        default_value = "sk_test_kasir"
    )]
    pub wooshpay_secret_key: String,
    /// Extra WooshPay webhook URLs (signed with `--wooshpay-webhook-secret`).
    #[arg(long, env = "KASIR_WOOSHPAY_WEBHOOK", value_delimiter = ',')]
    pub wooshpay_webhook: Vec<String>,
    /// WooshPay webhook signing secret.
    #[arg(
        long,
        env = "KASIR_WOOSHPAY_WEBHOOK_SECRET",
        default_value = "whsec_kasir_test"
    )]
    pub wooshpay_webhook_secret: String,
    /// ecommpay project id.
    #[arg(long, env = "KASIR_ECOMMPAY_PROJECT_ID", default_value_t = 4242)]
    pub ecommpay_project_id: u64,
    /// ecommpay project secret (signature key).
    #[arg(long, env = "KASIR_ECOMMPAY_SECRET", default_value = "kasir_secret")]
    pub ecommpay_secret: String,
    /// Default lifetime of an Opn QR charge, seconds.
    #[arg(long, env = "KASIR_QR_EXPIRY_SECS", default_value_t = 600)]
    pub qr_expiry_secs: i64,
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

/// Shared state of the running sandbox.
pub struct AppState {
    /// Configuration.
    pub cfg: Config,
    /// Persistence.
    pub store: store::Store,
    /// Wakes the outbox worker.
    pub notify: tokio::sync::Notify,
    /// HTTP client for deliveries.
    pub client: reqwest::Client,
    base: RwLock<String>,
}

impl AppState {
    /// New state over a store; `base` is the sandbox's own URL (for deliveries to the shop).
    pub fn new(cfg: Config, store: store::Store, base: &str) -> Arc<AppState> {
        Arc::new(AppState {
            cfg,
            store,
            notify: tokio::sync::Notify::new(),
            client: reqwest::Client::builder()
                .timeout(std::time::Duration::from_secs(10))
                .build()
                .unwrap_or_default(),
            base: RwLock::new(base.trim_end_matches('/').to_string()),
        })
    }
    /// The sandbox's own base URL (`http://127.0.0.1:PORT`).
    pub fn base(&self) -> String {
        self.base.read().map(|b| b.clone()).unwrap_or_default()
    }
    /// Set the base URL once the listener is bound.
    pub fn set_base(&self, b: &str) {
        if let Ok(mut g) = self.base.write() {
            *g = b.trim_end_matches('/').to_string();
        }
    }
}

/// A CORS layer that allows any origin (browser-callable endpoints only).
pub fn cors_any() -> CorsLayer {
    CorsLayer::new()
        .allow_origin(AllowOrigin::mirror_request())
        .allow_methods([Method::GET, Method::POST, Method::OPTIONS])
        .allow_headers([
            header::AUTHORIZATION,
            header::CONTENT_TYPE,
            HeaderName::from_static("idempotency-key"),
        ])
        .max_age(std::time::Duration::from_secs(600))
}

/// The whole router.
pub fn app(st: Arc<AppState>) -> Router {
    let dist = tower_http::services::ServeDir::new(&st.cfg.dist);
    Router::new()
        .merge(psp::omise::routes())
        .merge(psp::wooshpay::routes())
        .merge(psp::ecommpay::routes())
        .merge(control::routes())
        .merge(pages::routes())
        .merge(shop::routes())
        // The widget is loaded cross-origin by merchant pages (module import + wasm fetch): CORS.
        .nest_service(
            "/kasir",
            tower::ServiceBuilder::new().layer(cors_any()).service(dist),
        )
        .layer(TraceLayer::new_for_http())
        .with_state(st)
}

/// Bind the listener and build the state (the base URL is the bound address).
pub async fn bind(cfg: Config) -> std::io::Result<(Arc<AppState>, tokio::net::TcpListener)> {
    let store = store::Store::open(&cfg.db, cfg.fresh).map_err(std::io::Error::other)?;
    let listener = tokio::net::TcpListener::bind(&cfg.addr).await?;
    let addr: SocketAddr = listener.local_addr()?;
    let st = AppState::new(cfg, store, &format!("http://{addr}"));
    Ok((st, listener))
}

/// Start the background workers (timers, outbox) for a state.
pub fn spawn_workers(st: &Arc<AppState>) {
    tokio::spawn(outbox::run(st.clone()));
    tokio::spawn(control::run_timers(st.clone()));
}

/// Serve on an already-bound listener (workers must be spawned separately).
pub async fn run(st: Arc<AppState>, listener: tokio::net::TcpListener) -> std::io::Result<()> {
    axum::serve(
        listener,
        app(st).into_make_service_with_connect_info::<SocketAddr>(),
    )
    .await
}

/// Bind, print the URL and the test keys, start the workers and serve until killed.
pub async fn serve(cfg: Config) -> std::io::Result<()> {
    let (st, listener) = bind(cfg).await?;
    let base = st.base();
    use std::io::Write;
    let mut out = std::io::stdout();
    let _ = writeln!(out, "kasir-sandbox listening on {base}");
    let _ = writeln!(out, "  demo shop:  {base}/");
    let _ = writeln!(
        out,
        "  Opn:        pkey {} / skey {}   (omise.api_main = \"{base}\")",
        st.cfg.omise_public_key, st.cfg.omise_secret_key
    );
    let _ = writeln!(
        out,
        "  WooshPay:   pk {} / sk {}   (api base {base})",
        st.cfg.wooshpay_publishable_key, st.cfg.wooshpay_secret_key
    );
    let _ = writeln!(
        out,
        "  ecommpay:   project {} / secret {}   (Payment Page {base}/payment, Gate {base}/v2/)",
        st.cfg.ecommpay_project_id, st.cfg.ecommpay_secret
    );
    let _ = out.flush();
    spawn_workers(&st);
    run(st, listener).await
}
