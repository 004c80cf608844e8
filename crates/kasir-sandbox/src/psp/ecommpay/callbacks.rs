//! Signed callbacks (intermediate `awaiting redirect result` with `redirect_data`, then final),
//! how a payment ends, and what the customer page shows about it.

use super::api::{key, Payment, EXPIRE_TIMER, PAYMENT};
use crate::delivery;
use crate::outcome::{Finished, Outcome, PayInfo};
use crate::retry::RetrySchedule;
use crate::state::AppState;
use crate::store::{self, now_ms, StoreError};
use kasir_core::catalogue::Psp;
use kasir_core::signature::ecommpay_sign;
use kasir_core::time::format_ecommpay;
use kasir_core::wire::ecommpay::{
    Callback, CallbackCustomer, CallbackPayment, Operation, Provider, Sum,
};

/// ecommpay's callback retries (psp-apis.md §2.4): six at 10 s, then growing intervals up to 4 h,
/// at most 120 attempts over 11 days.
pub const RETRIES: RetrySchedule = RetrySchedule {
    fixed: &[10, 10, 10, 10, 10, 10],
    growing_from: 20,
    max_interval: 4 * 3600,
    max_attempts: 120,
    max_age: 11 * 86_400,
};

/// The provider id ecommpay reports for TrueMoney.
const PROVIDER_ID: i64 = 6641;

/// A callback (unsigned) for a payment whose payment and operation have these statuses.
pub fn callback(
    st: &AppState,
    p: &Payment,
    pay_status: &str,
    op_status: &str,
    result: Option<(&str, &str)>,
) -> Callback {
    let now = format_ecommpay(now_ms());
    let sum = Sum {
        amount: p.amount,
        currency: p.currency.clone(),
    };
    Callback {
        project_id: st.cfg.ecommpay.project_id as i64,
        payment: CallbackPayment {
            id: p.payment_id.clone(),
            kind: Some("purchase".into()),
            status: pay_status.into(),
            date: Some(now.clone()),
            method: Some(p.method.clone()),
            sum: Some(sum.clone()),
            description: Some(p.description.clone()),
            extra: Default::default(),
        },
        customer: Some(CallbackCustomer {
            id: p.customer_id.clone(),
            extra: Default::default(),
        }),
        operation: Some(Operation {
            id: p.operation_id,
            kind: "sale".into(),
            status: op_status.into(),
            date: Some(now),
            created_date: Some(p.created_date.clone()),
            request_id: Some(p.request_id.clone()),
            sum_initial: Some(sum.clone()),
            sum_converted: Some(sum),
            code: result.map(|(c, _)| c.into()),
            message: result.map(|(_, m)| m.into()),
            provider: Some(Provider {
                id: PROVIDER_ID,
                payment_id: Some(p.provider_payment_id.clone()),
                auth_code: Some(String::new()),
                extra: Default::default(),
            }),
            extra: Default::default(),
        }),
        redirect_data: None,
        signature: None,
        extra: Default::default(),
    }
}

/// Sign a callback with the project secret.
pub fn sign(st: &AppState, cb: &mut Callback) -> Result<(), StoreError> {
    cb.signature = None;
    let v = serde_json::to_value(&*cb)?;
    cb.signature = Some(ecommpay_sign(&v, &st.cfg.ecommpay.secret));
    Ok(())
}

/// Remember `cb` as the payment's last callback and queue it for the merchant.
pub fn send(c: &rusqlite::Connection, p: &mut Payment, cb: &Callback) -> Result<(), StoreError> {
    p.last_callback = Some(cb.clone());
    if let Some(url) = &p.callback_url {
        let body = serde_json::to_string(cb)?;
        let pid = &p.payment_id;
        delivery::queue(c, Psp::Ecommpay, url, None, &body, "ecommpay.callback", pid)?;
    }
    Ok(())
}

fn return_url(p: &Payment) -> Option<String> {
    if p.status == "success" {
        p.success_url.clone()
    } else {
        p.decline_url.clone()
    }
}

/// Complete a payment and queue the final callback; `None` if there is no such payment.
pub fn finish(
    st: &AppState,
    c: &rusqlite::Connection,
    id: &str,
    o: Outcome,
) -> Result<Option<Finished>, StoreError> {
    let Some(mut p) = store::get::<Payment>(c, PAYMENT, &key(id))? else {
        return Ok(None);
    };
    if p.status != "processing" {
        return Ok(Some(Finished {
            object: serde_json::to_value(&p.last_callback)?,
            changed: false,
            return_url: return_url(&p),
        }));
    }
    let (status, result) = match o {
        Outcome::Successful => ("success", ("0", "Success")),
        Outcome::Failed => ("decline", ("20000", "General decline")),
        Outcome::Expired => ("expired", ("20000", "General decline")),
    };
    p.status = status.into();
    if o == Outcome::Successful {
        p.provider_payment_id = now_ms().to_string();
    }
    let mut cb = callback(st, &p, status, status, Some(result));
    sign(st, &mut cb)?;
    send(c, &mut p, &cb)?;
    store::put(c, PAYMENT, &key(id), &p)?;
    store::clear_timer(c, &key(id))?;
    Ok(Some(Finished {
        object: serde_json::to_value(&cb)?,
        changed: true,
        return_url: return_url(&p),
    }))
}

/// The customer page's view of a payment.
pub fn describe(st: &AppState, id: &str) -> Option<PayInfo> {
    let p: Payment = st.store.get(PAYMENT, &key(id))?;
    Some(PayInfo {
        psp: Psp::Ecommpay.display_name(),
        amount: p.amount,
        pending: p.status == "processing",
        status: p.status,
        method: p.method,
        currency: p.currency,
    })
}

/// The timer kinds ecommpay schedules.
pub const TIMER_KINDS: &[&str] = &[EXPIRE_TIMER];
