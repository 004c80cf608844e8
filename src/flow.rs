//! The checkout state machine, pure: no DOM, no network, no clock. The embedding code feeds it
//! events (select, pay, PSP objects, poll results, ticks) and carries out the [`Effect`]s it
//! returns. Tested natively.

use kasir_core::status::{NextAction, Payment, PaymentStatus, RedirectMethod};
use kasir_core::MethodId;

/// What the widget shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Phase {
    /// The method picker.
    Picking,
    /// A source / payment is being created (Pay is disabled).
    Creating,
    /// A QR code to scan.
    Qr(QrState),
    /// Leaving for the provider's page.
    Redirecting {
        /// Where to.
        url: String,
    },
    /// Desktop handoff: continue here, or scan the redirect URL with a phone (polling meanwhile).
    Handoff {
        /// The provider's page.
        url: String,
    },
    /// Waiting for the provider to confirm (polling).
    Confirming,
    /// Finished.
    Done(Outcome),
}

/// The QR screen's data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrState {
    /// Image URL from the PSP.
    pub image_url: Option<String>,
    /// Text to encode ourselves.
    pub payload: Option<String>,
    /// The PSP's own expiry (Unix ms).
    pub expires_at_ms: Option<i64>,
}

/// How a payment ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Paid.
    Succeeded,
    /// Declined.
    Failed {
        /// PSP code.
        code: String,
        /// PSP message.
        message: String,
    },
    /// Not paid in time.
    Expired,
    /// Canceled at the PSP.
    Canceled,
}

impl Outcome {
    /// `checkout.result.status`: `succeeded`, `failed`, `expired` or `canceled`.
    pub fn status(&self) -> &'static str {
        match self {
            Outcome::Succeeded => "succeeded",
            Outcome::Failed { .. } => "failed",
            Outcome::Expired => "expired",
            Outcome::Canceled => "canceled",
        }
    }
    /// The event name suffix (`kasir:success`, …).
    pub fn event(&self) -> &'static str {
        match self {
            Outcome::Succeeded => "success",
            Outcome::Failed { .. } => "failure",
            Outcome::Expired => "expired",
            Outcome::Canceled => "cancel",
        }
    }
}

/// Something the embedding code must do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Report `kasir:pending` (QR shown or redirect about to happen).
    ReportPending,
    /// Start polling the payment (once per attempt).
    StartPolling,
    /// Navigate the browser.
    Navigate {
        /// URL (already checked by [`is_allowed_redirect`]).
        url: String,
        /// GET or POST.
        method: RedirectMethod,
        /// Form fields / query.
        fields: Vec<(String, String)>,
    },
    /// Report the final outcome (happens once per payment).
    Report(Outcome),
    /// A redirect URL was refused.
    RefusedUrl(String),
}

/// The machine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Machine {
    /// Current phase.
    pub phase: Phase,
    /// Selected method.
    pub selected: Option<MethodId>,
    /// The payment being followed.
    pub payment_id: Option<String>,
    /// Attempt counter; async work of an older attempt is ignored.
    pub attempt: u32,
    /// On a desktop, an app redirect the PSP lets a phone finish offers "Pay on your phone"
    /// instead of leaving at once (set per attempt from the catalogue row and the PSP adapter).
    pub desktop_handoff: bool,
    /// The shopper came back from the provider (or reloaded): never redirect again by itself.
    pub returned: bool,
    reported: Vec<String>,
}

impl Default for Machine {
    fn default() -> Self {
        Machine::new()
    }
}

impl Machine {
    /// A fresh machine on the picker.
    pub fn new() -> Machine {
        Machine {
            phase: Phase::Picking,
            selected: None,
            payment_id: None,
            attempt: 0,
            desktop_handoff: false,
            returned: false,
            reported: Vec::new(),
        }
    }

    /// Pick up a payment remembered from before a reload or a redirect: the same QR with the
    /// time left, or "Confirming your payment…" — no new source, no new charge, no redirect.
    pub fn resume(&mut self, method: MethodId, payment: Payment) -> (u32, Vec<Effect>) {
        self.selected = Some(method);
        self.attempt += 1;
        self.returned = true;
        self.phase = Phase::Creating;
        let attempt = self.attempt;
        (attempt, self.on_created(attempt, payment))
    }

    /// Select a method (only on the picker).
    pub fn select(&mut self, method: MethodId) -> bool {
        if self.phase == Phase::Picking && self.selected != Some(method) {
            self.selected = Some(method);
            true
        } else {
            false
        }
    }

    /// Start paying; `None` when busy or nothing is selected (double clicks do nothing).
    pub fn start_pay(&mut self) -> Option<(MethodId, u32)> {
        let method = self.selected?;
        match self.phase {
            Phase::Picking | Phase::Done(Outcome::Expired) => {
                self.phase = Phase::Creating;
                self.attempt += 1;
                self.payment_id = None;
                self.returned = false;
                Some((method, self.attempt))
            }
            _ => None,
        }
    }

    /// Creating failed (network, PSP error, refused option): back to the picker.
    pub fn fail_creation(&mut self, attempt: u32) {
        if attempt == self.attempt && self.phase == Phase::Creating {
            self.phase = Phase::Picking;
        }
    }

    /// The merchant server returned the PSP's payment object.
    pub fn on_created(&mut self, attempt: u32, payment: Payment) -> Vec<Effect> {
        if attempt != self.attempt || self.phase != Phase::Creating {
            return Vec::new();
        }
        self.payment_id = Some(payment.id.clone());
        let mut fx = self.apply(payment);
        if matches!(
            self.phase,
            Phase::Qr(_) | Phase::Confirming | Phase::Redirecting { .. } | Phase::Handoff { .. }
        ) {
            fx.push(Effect::StartPolling);
        }
        fx
    }

    /// A poll answer for the payment of `attempt`.
    pub fn on_poll(&mut self, attempt: u32, payment: Payment) -> Vec<Effect> {
        if attempt != self.attempt
            || matches!(
                self.phase,
                Phase::Done(_) | Phase::Picking | Phase::Creating
            )
        {
            return Vec::new();
        }
        self.apply(payment)
    }

    /// Whether async work of `attempt` may still change the checkout (the attempt is the
    /// current one and its payment is still being followed).
    pub fn is_current(&self, attempt: u32) -> bool {
        attempt == self.attempt
            && !matches!(
                self.phase,
                Phase::Done(_) | Phase::Picking | Phase::Creating
            )
    }

    /// Polling gave up (expiry + grace passed without an answer).
    pub fn on_gave_up(&mut self, attempt: u32) -> Vec<Effect> {
        if attempt != self.attempt || matches!(self.phase, Phase::Done(_)) {
            return Vec::new();
        }
        self.finish(Outcome::Expired)
    }

    /// The shopper goes back to the picker; true when there was something to cancel.
    pub fn cancel(&mut self) -> bool {
        match self.phase {
            Phase::Qr(_)
            | Phase::Confirming
            | Phase::Redirecting { .. }
            | Phase::Handoff { .. }
            | Phase::Done(_) => {
                self.phase = Phase::Picking;
                self.attempt += 1;
                self.payment_id = None;
                true
            }
            _ => false,
        }
    }

    fn apply(&mut self, payment: Payment) -> Vec<Effect> {
        match payment.status {
            PaymentStatus::Pending => match payment.next_action {
                NextAction::ShowQr {
                    image_url,
                    payload,
                    expires_at_ms,
                } => {
                    let qr = QrState {
                        image_url,
                        payload,
                        expires_at_ms,
                    };
                    let first = !matches!(self.phase, Phase::Qr(_));
                    self.phase = Phase::Qr(qr);
                    if first {
                        vec![Effect::ReportPending]
                    } else {
                        Vec::new()
                    }
                }
                NextAction::Redirect {
                    url,
                    method,
                    fields,
                } => {
                    if !crate::url::is_allowed_redirect(&url) {
                        self.phase = Phase::Picking;
                        self.attempt += 1;
                        return vec![Effect::RefusedUrl(url)];
                    }
                    if matches!(
                        self.phase,
                        Phase::Redirecting { .. } | Phase::Handoff { .. }
                    ) {
                        return Vec::new();
                    }
                    if self.returned {
                        // Back from the provider: wait for its answer, never bounce back.
                        self.phase = Phase::Confirming;
                        return Vec::new();
                    }
                    if self.desktop_handoff && method == RedirectMethod::Get && fields.is_empty() {
                        self.phase = Phase::Handoff { url };
                        return vec![Effect::ReportPending];
                    }
                    self.phase = Phase::Redirecting { url: url.clone() };
                    vec![
                        Effect::ReportPending,
                        Effect::Navigate {
                            url,
                            method,
                            fields,
                        },
                    ]
                }
                NextAction::None => {
                    if self.phase == Phase::Creating {
                        self.phase = Phase::Confirming;
                    }
                    Vec::new()
                }
            },
            PaymentStatus::Succeeded => self.finish_for(&payment.id, Outcome::Succeeded),
            PaymentStatus::Failed { code, message } => {
                self.finish_for(&payment.id, Outcome::Failed { code, message })
            }
            PaymentStatus::Expired => self.finish_for(&payment.id, Outcome::Expired),
            PaymentStatus::Canceled => self.finish_for(&payment.id, Outcome::Canceled),
        }
    }

    fn finish_for(&mut self, id: &str, outcome: Outcome) -> Vec<Effect> {
        if self.payment_id.is_none() {
            self.payment_id = Some(id.to_string());
        }
        self.finish(outcome)
    }

    fn finish(&mut self, outcome: Outcome) -> Vec<Effect> {
        self.phase = Phase::Done(outcome.clone());
        let id = self
            .payment_id
            .clone()
            .unwrap_or_else(|| format!("attempt-{}", self.attempt));
        if self.reported.contains(&id) {
            return Vec::new();
        }
        self.reported.push(id);
        vec![Effect::Report(outcome)]
    }
}

/// Polling delay before request number `n` (0-based): starts at 2 s, grows ×1.5, capped at
/// 10 s, minus up to 20 % jitter (`jitter` in `[0, 1)`).
pub fn poll_delay_ms(n: u32, jitter: f64) -> u32 {
    let mut base: u32 = 2_000;
    for _ in 0..n.min(10) {
        base = (base + base / 2).min(10_000);
    }
    let j = jitter.clamp(0.0, 0.999);
    base - (f64::from(base) * 0.2 * j) as u32
}

/// Polling stops this long after the PSP's expiry when the PSP has not said "expired" itself.
pub const EXPIRY_GRACE_MS: i64 = 60_000;

/// Whether polling should give up at `now_ms`.
pub fn past_grace(expires_at_ms: Option<i64>, now_ms: i64) -> bool {
    expires_at_ms.is_some_and(|e| now_ms > e.saturating_add(EXPIRY_GRACE_MS))
}

/// `mm:ss` (or `h:mm:ss`) of the time left, never negative.
pub fn format_remaining(ms: i64) -> String {
    let s = (ms.max(0) + 999) / 1000;
    let (h, m, sec) = (s / 3600, s % 3600 / 60, s % 60);
    if h > 0 {
        format!("{h}:{m:02}:{sec:02}")
    } else {
        format!("{m}:{sec:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mid(id: &str) -> MethodId {
        id.parse().unwrap()
    }

    fn pay(id: &str, status: PaymentStatus, next: NextAction) -> Payment {
        Payment {
            id: id.into(),
            status,
            next_action: next,
        }
    }
    fn qr() -> NextAction {
        NextAction::ShowQr {
            image_url: Some("https://x/q.png".into()),
            payload: None,
            expires_at_ms: Some(1_000),
        }
    }

    #[test]
    fn qr_flow_reports_success_exactly_once() {
        let mut m = Machine::new();
        assert_eq!(m.start_pay(), None, "nothing selected");
        assert!(m.select(mid("truemoney_qr")));
        let (method, a) = m.start_pay().unwrap();
        assert_eq!(method, mid("truemoney_qr"));
        assert_eq!(m.start_pay(), None, "double click while creating");
        assert!(!m.select(mid("truemoney")), "no selection while busy");
        let fx = m.on_created(a, pay("chrg_1", PaymentStatus::Pending, qr()));
        assert_eq!(fx, vec![Effect::ReportPending, Effect::StartPolling]);
        assert!(matches!(m.phase, Phase::Qr(_)));
        assert!(m
            .on_poll(a, pay("chrg_1", PaymentStatus::Pending, qr()))
            .is_empty());
        assert_eq!(
            m.on_poll(a, pay("chrg_1", PaymentStatus::Succeeded, NextAction::None)),
            vec![Effect::Report(Outcome::Succeeded)]
        );
        assert!(m
            .on_poll(a, pay("chrg_1", PaymentStatus::Succeeded, NextAction::None))
            .is_empty());
        assert!(m.on_gave_up(a).is_empty());
    }

    #[test]
    fn stale_attempts_are_ignored_and_expiry_can_be_retried() {
        let mut m = Machine::new();
        m.select(mid("truemoney_qr"));
        let (_, a1) = m.start_pay().unwrap();
        m.on_created(a1, pay("chrg_1", PaymentStatus::Pending, qr()));
        assert_eq!(
            m.on_poll(a1, pay("chrg_1", PaymentStatus::Expired, NextAction::None)),
            vec![Effect::Report(Outcome::Expired)]
        );
        let (_, a2) = m.start_pay().expect("generate a new QR after expiry");
        assert!(a2 > a1);
        assert!(
            m.on_poll(
                a1,
                pay("chrg_1", PaymentStatus::Succeeded, NextAction::None)
            )
            .is_empty(),
            "old attempt"
        );
        m.on_created(a2, pay("chrg_2", PaymentStatus::Pending, qr()));
        let fx = m.on_poll(
            a2,
            pay(
                "chrg_2",
                PaymentStatus::Failed {
                    code: "failed_processing".into(),
                    message: "x".into(),
                },
                NextAction::None,
            ),
        );
        assert!(matches!(
            fx.as_slice(),
            [Effect::Report(Outcome::Failed { .. })]
        ));
    }

    #[test]
    fn redirects_are_checked() {
        let mut m = Machine::new();
        m.select(mid("truemoney"));
        let (_, a) = m.start_pay().unwrap();
        let evil = NextAction::Redirect {
            url: "javascript:alert(1)".into(),
            method: RedirectMethod::Get,
            fields: vec![],
        };
        assert_eq!(
            m.on_created(a, pay("pi_1", PaymentStatus::Pending, evil)),
            vec![Effect::RefusedUrl("javascript:alert(1)".into())]
        );
        assert_eq!(m.phase, Phase::Picking);
        let (_, a) = m.start_pay().unwrap();
        let ok = NextAction::Redirect {
            url: "https://psp.example/pay".into(),
            method: RedirectMethod::Post,
            fields: vec![("a".into(), "1".into())],
        };
        let fx = m.on_created(a, pay("pi_1", PaymentStatus::Pending, ok));
        assert!(matches!(
            fx.as_slice(),
            [
                Effect::ReportPending,
                Effect::Navigate { .. },
                Effect::StartPolling
            ]
        ));
        assert!(m.cancel());
        assert_eq!(m.phase, Phase::Picking);
    }

    #[test]
    fn resume_shows_the_same_qr_and_never_redirects_again() {
        let mut m = Machine::new();
        let (a, fx) = m.resume(
            mid("truemoney_qr"),
            pay("chrg_1", PaymentStatus::Pending, qr()),
        );
        assert_eq!(fx, vec![Effect::ReportPending, Effect::StartPolling]);
        assert!(matches!(
            m.phase,
            Phase::Qr(QrState {
                expires_at_ms: Some(1_000),
                ..
            })
        ));
        let mut m = Machine::new();
        let redirect = NextAction::Redirect {
            url: "https://psp.example/pay".into(),
            method: RedirectMethod::Post,
            fields: vec![],
        };
        let (a2, fx) = m.resume(
            mid("truemoney"),
            pay("order-1", PaymentStatus::Pending, redirect.clone()),
        );
        assert_eq!(
            fx,
            vec![Effect::StartPolling],
            "no navigation after coming back"
        );
        assert_eq!(m.phase, Phase::Confirming);
        assert!(m
            .on_poll(a2, pay("order-1", PaymentStatus::Pending, redirect))
            .is_empty());
        assert_eq!(
            m.on_poll(
                a2,
                pay("order-1", PaymentStatus::Succeeded, NextAction::None)
            ),
            vec![Effect::Report(Outcome::Succeeded)]
        );
        assert!(a >= 1);
    }

    #[test]
    fn desktop_wallet_redirect_offers_a_handoff() {
        let mut m = Machine {
            desktop_handoff: true,
            ..Machine::new()
        };
        m.select(mid("truemoney"));
        let (_, a) = m.start_pay().unwrap();
        let r = NextAction::Redirect {
            url: "https://psp.example/pay".into(),
            method: RedirectMethod::Get,
            fields: vec![],
        };
        assert_eq!(
            m.on_created(a, pay("pi_1", PaymentStatus::Pending, r)),
            vec![Effect::ReportPending, Effect::StartPolling]
        );
        assert_eq!(
            m.phase,
            Phase::Handoff {
                url: "https://psp.example/pay".into()
            }
        );
        assert!(m.cancel());
    }

    #[test]
    fn backoff_starts_at_two_seconds_and_caps_at_ten() {
        assert_eq!(poll_delay_ms(0, 0.0), 2_000);
        assert_eq!(poll_delay_ms(1, 0.0), 3_000);
        assert_eq!(poll_delay_ms(50, 0.0), 10_000);
        let mut prev = 0;
        for n in 0..20 {
            let d = poll_delay_ms(n, 0.0);
            assert!(d >= prev && d <= 10_000);
            prev = d;
            assert!(poll_delay_ms(n, 0.999) >= d * 8 / 10 && poll_delay_ms(n, 0.999) < d);
        }
        assert!(!past_grace(Some(1_000), 61_000));
        assert!(past_grace(Some(1_000), 61_001));
        assert!(!past_grace(None, i64::MAX));
        assert_eq!(format_remaining(125_000), "2:05");
        assert_eq!(format_remaining(-5), "0:00");
        assert_eq!(format_remaining(3_600_000), "1:00:00");
    }
}
