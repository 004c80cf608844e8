//! The state every handler and worker shares.

use crate::config::Config;
use crate::store::Store;
use std::collections::HashSet;
use std::sync::{Arc, Mutex, RwLock};

/// Shared state of the running sandbox.
pub struct AppState {
    /// Configuration.
    pub cfg: Config,
    /// Persistence.
    pub store: Store,
    /// Wakes the outbox worker.
    pub notify: tokio::sync::Notify,
    /// HTTP client for deliveries.
    pub client: reqwest::Client,
    /// Endpoints the outbox worker is sending to right now (one sender per endpoint).
    pub sending: Mutex<HashSet<String>>,
    base: RwLock<String>,
}

impl AppState {
    /// New state over a store; `base` is the sandbox's own URL (for deliveries to the shop).
    pub fn new(cfg: Config, store: Store, base: &str) -> Arc<AppState> {
        Arc::new(AppState {
            cfg,
            store,
            notify: tokio::sync::Notify::new(),
            client: reqwest::Client::builder()
                .timeout(std::time::Duration::from_secs(10))
                .build()
                .unwrap_or_default(),
            sending: Mutex::new(HashSet::new()),
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
