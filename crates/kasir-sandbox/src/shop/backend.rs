//! The demo shop's merchant backend for one PSP: its `/shop/api/<psp>/*` routes and what a
//! widget on the shop's pages needs to talk to that PSP.

use crate::state::AppState;
use axum::Router;
use kasir_core::catalogue::Psp;
use std::sync::Arc;

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
}
