//! Next-action handling: QR + countdown, GET/POST redirects, status polling.

pub mod poll;
pub mod qr;
pub mod redirect;
