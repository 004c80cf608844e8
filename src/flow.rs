//! The checkout state machine, pure: no DOM, no network, no clock. The embedding code feeds it
//! events (select, pay, PSP objects, poll results, ticks) and carries out the [`Effect`]s it
//! returns. Tested natively.

use kasir_core::status::{NextAction, Payment, PaymentStatus, RedirectMethod};
use kasir_core::text;
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
    /// Polling reached its bound without a final answer from the provider: "Still confirming",
    /// with "Check again" (the payment may still complete; nothing is decided).
    Stalled,
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
    /// When the PSP's own time for it runs out, on the page's monotonic clock
    /// (`performance.now()` ms): counted from the PSP's lifetime of the payment, never from the
    /// shopper's wall clock.
    pub deadline_ms: Option<i64>,
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
    /// Polling reached its bound without a final answer (`kasir:timeout`).
    ReportStalled,
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
    /// The current attempt's QR deadline on the page's monotonic clock (set by the controller
    /// from the PSP's lifetime of the payment).
    pub deadline_ms: Option<i64>,
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
            deadline_ms: None,
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

    /// Polling reached its bound without a final answer: "Still confirming". Never an outcome:
    /// only the PSP's own status ends a payment (an expiry included).
    pub fn on_gave_up(&mut self, attempt: u32) -> Vec<Effect> {
        if !self.is_current(attempt) || self.phase == Phase::Stalled {
            return Vec::new();
        }
        self.phase = Phase::Stalled;
        vec![Effect::ReportStalled]
    }

    /// "Check again" on the stalled screen: confirming again, with a new round of polling.
    pub fn check_again(&mut self) -> Vec<Effect> {
        if self.phase != Phase::Stalled {
            return Vec::new();
        }
        self.phase = Phase::Confirming;
        // the PSP's time is up: this round has the bound of a payment without an expiry
        self.deadline_ms = None;
        vec![Effect::StartPolling]
    }

    /// The shopper goes back to the picker; true when there was something to cancel.
    pub fn cancel(&mut self) -> bool {
        match self.phase {
            Phase::Qr(_)
            | Phase::Confirming
            | Phase::Stalled
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
                    image_url, payload, ..
                } => {
                    let qr = QrState {
                        image_url,
                        payload,
                        deadline_ms: self.deadline_ms,
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
            .unwrap_or_else(|| ["attempt-", &text::decimal(self.attempt.into())].concat());
        if self.reported.contains(&id) {
            return Vec::new();
        }
        self.reported.push(id);
        vec![Effect::Report(outcome)]
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
        // the time left, as the controller computed it from the remembered payment
        m.deadline_ms = Some(1_000);
        let (a, fx) = m.resume(
            mid("truemoney_qr"),
            pay("chrg_1", PaymentStatus::Pending, qr()),
        );
        assert_eq!(fx, vec![Effect::ReportPending, Effect::StartPolling]);
        assert!(matches!(
            m.phase,
            Phase::Qr(QrState {
                deadline_ms: Some(1_000),
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

    /// Regression: polling that ran past the expiry (on the shopper's clock) ended the payment
    /// as expired; now only the PSP's status does, and the bound only says "still confirming".
    #[test]
    fn the_polling_bound_never_expires_a_payment() {
        let mut m = Machine::new();
        m.select(mid("truemoney_qr"));
        let (_, a) = m.start_pay().unwrap();
        m.on_created(a, pay("chrg_1", PaymentStatus::Pending, qr()));
        assert_eq!(m.on_gave_up(a), vec![Effect::ReportStalled]);
        assert_eq!(m.phase, Phase::Stalled);
        assert!(m.on_gave_up(a).is_empty(), "reported once");
        assert!(
            m.start_pay().is_none(),
            "no new QR while the first may still be paid"
        );
        m.deadline_ms = Some(1);
        assert_eq!(m.check_again(), vec![Effect::StartPolling]);
        assert_eq!(m.phase, Phase::Confirming);
        assert_eq!(m.deadline_ms, None, "a new round has a bound of its own");
        assert_eq!(
            m.on_poll(a, pay("chrg_1", PaymentStatus::Expired, NextAction::None)),
            vec![Effect::Report(Outcome::Expired)],
            "the PSP says expired"
        );
        assert!(m.start_pay().is_some(), "now a new QR can be generated");
        let mut m = Machine::new();
        m.select(mid("truemoney_qr"));
        let (_, a) = m.start_pay().unwrap();
        m.on_created(a, pay("chrg_2", PaymentStatus::Pending, qr()));
        m.on_gave_up(a);
        assert!(m.cancel(), "the shopper may still leave");
    }
}
