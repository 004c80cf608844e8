//! The demo shop's merchant backend for one PSP: its `/shop/api/<psp>/*` routes and what a
//! widget on the shop's pages needs to talk to that PSP.

use crate::state::AppState;
use axum::Router;
use kasir_core::catalogue::Psp;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

/// What a backend's async call returns (the trait is used as `dyn Backend`).
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// What a widget needs to talk to a PSP from the browser (a public key or a project id).
pub struct Credential {
    /// The widget's data attribute (`data-public-key`, `data-project-id`).
    pub attr: &'static str,
    /// What the shop page calls it (`Opn`, `ecommpay project`).
    pub label: &'static str,
    /// The value.
    pub value: String,
}

/// One PSP's merchant backend.
pub trait Backend: Sync {
    /// The PSP.
    fn psp(&self) -> Psp;
    /// The short name in the shop's navigation (`Opn`).
    fn nav_label(&self) -> &'static str;
    /// Its `/shop/api/<psp>/*` routes.
    fn routes(&self) -> Router<Arc<AppState>>;
    /// The widget's credential for this PSP.
    fn credential(&self, st: &AppState) -> Credential;
    /// The account's capability (the widget's `capability` option, JSON), read by the shop's
    /// server while it renders a page, so the widgets on it need not ask the PSP; `None` when
    /// the PSP has no such call or it did not answer.
    fn account<'a>(&self, _st: &'a Arc<AppState>) -> BoxFuture<'a, Option<String>> {
        Box::pin(std::future::ready(None))
    }
}
