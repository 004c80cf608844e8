//! kasir-sandbox: a stateful local emulator of Opn (Omise), WooshPay and ecommpay, plus a demo
//! shop that embeds the Kasir widget.
//!
//! [`app`] builds the router over an [`AppState`]; [`serve`] binds, prints the URL and keys,
//! starts the background workers (timers and the webhook/callback outbox) and serves.
//!
//! Each PSP is one [`emulator::Emulator`] (in `psp/<psp>/`), listed in [`registry`]; the test
//! controls, the customer pages, the timers and the outbox reach PSPs only through it.

#![recursion_limit = "512"]

pub mod config;
pub mod control;
pub mod control_page;
pub mod customer_page;
pub mod delivery;
pub mod emulator;
pub mod error;
pub mod http;
pub mod idempotency;
pub mod ids;
pub mod outbox;
pub mod outcome;
pub mod pages;
pub mod paging;
pub mod params;
pub mod psp;
pub mod qr_image;
pub mod registry;
pub mod retry;
pub mod shop;
pub mod state;
pub mod store;
pub mod timers;

pub use config::Config;
pub use state::AppState;

use axum::Router;
use std::net::SocketAddr;
use std::sync::Arc;
use tower_http::trace::TraceLayer;

/// The whole router.
pub fn app(st: Arc<AppState>) -> Router {
    let dist = tower_http::services::ServeDir::new(&st.cfg.dist);
    Router::new()
        .merge(registry::routes())
        .merge(control::routes())
        .merge(pages::routes())
        .merge(shop::routes())
        // The widget is loaded cross-origin by merchant pages (module import + wasm fetch): CORS.
        .nest_service(
            "/kasir",
            tower::ServiceBuilder::new()
                .layer(http::cors_any())
                .service(dist),
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
    tokio::spawn(timers::run_timers(st.clone()));
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
    for e in registry::EMULATORS {
        let _ = writeln!(out, "{}", e.banner(&st, &base));
    }
    let _ = out.flush();
    spawn_workers(&st);
    run(st, listener).await
}
