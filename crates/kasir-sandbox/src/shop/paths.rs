//! Where the demo shop receives webhooks and callbacks: the PSP emulators deliver there unless
//! `--no-shop-webhooks` (a leaf module, so emulators need not depend on the shop).

/// Opn webhooks.
pub const OMISE_WEBHOOK: &str = "/shop/api/webhooks/omise";
/// WooshPay webhooks.
pub const WOOSHPAY_WEBHOOK: &str = "/shop/api/webhooks/wooshpay";
/// ecommpay callbacks.
pub const ECOMMPAY_CALLBACK: &str = "/shop/api/ecommpay/callback";
