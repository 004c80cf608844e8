//! The delivery queue (the `outbox` table): queue a webhook or callback inside the caller's
//! transaction, find what is due per endpoint, record attempts and give-ups, list deliveries
//! for the test controls. A delivery that must be signed when sent names its emulator (and the
//! emulator's signing key).

use crate::store::{now_ms, StoreError};
use kasir_core::catalogue::Psp;
use rusqlite::{params, Connection};
use serde::Serialize;
use serde_json::{Map, Value};

/// Pseudo-header naming how to sign a delivery at send time: `<psp>` or `<psp>:<key>`.
pub const SIGN: &str = "x-kasir-sign";

/// A delivery to attempt (webhook or callback).
#[derive(Debug, Clone)]
pub struct Delivery {
    /// Row id.
    pub seq: i64,
    /// The PSP that sends it (`omise`, `wooshpay`, `ecommpay`; empty in databases from before).
    pub psp: String,
    /// Target URL.
    pub url: String,
    /// Extra headers as a JSON object of strings.
    pub headers: Value,
    /// Raw body.
    pub body: String,
    /// Attempts made so far.
    pub attempts: i64,
}

/// Queue `body` from `psp` for `url`; `signing_key` (when given) signs it at send time through
/// the PSP's emulator.
pub fn queue(
    c: &Connection,
    psp: Psp,
    url: &str,
    signing_key: Option<&str>,
    body: &str,
    kind: &str,
    ref_id: &str,
) -> Result<(), StoreError> {
    let mut headers = Map::new();
    if let Some(key) = signing_key {
        let v = if key.is_empty() {
            psp.as_str().to_string()
        } else {
            format!("{}:{key}", psp.as_str())
        };
        headers.insert(SIGN.into(), Value::String(v));
    }
    tracing::info!(%url, kind, ref_id, "delivery queued");
    c.execute(
        "INSERT INTO outbox (url, headers, body, kind, ref_id, next_at, psp) VALUES (?1,?2,?3,?4,?5,?6,?7)",
        params![url, Value::Object(headers).to_string(), body, kind, ref_id, now_ms(), psp.as_str()],
    )?;
    Ok(())
}

const PENDING: &str = "delivered_at IS NULL AND given_up_at IS NULL";

/// The endpoints that have deliveries due at `now`.
pub fn due_urls(c: &Connection, now: i64) -> Result<Vec<String>, StoreError> {
    let sql = format!("SELECT DISTINCT url FROM outbox WHERE {PENDING} AND next_at <= ?1");
    let mut st = c.prepare(&sql)?;
    let rows = st.query_map(params![now], |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Up to `limit` deliveries to `url` due at `now`, oldest first.
pub fn due_for(
    c: &Connection,
    url: &str,
    now: i64,
    limit: i64,
) -> Result<Vec<Delivery>, StoreError> {
    let sql = format!(
        "SELECT seq, psp, url, headers, body, attempts FROM outbox
         WHERE url = ?1 AND {PENDING} AND next_at <= ?2 ORDER BY seq LIMIT ?3"
    );
    let mut st = c.prepare(&sql)?;
    let rows = st.query_map(params![url, now, limit], |r| {
        Ok(Delivery {
            seq: r.get(0)?,
            psp: r.get(1)?,
            url: r.get(2)?,
            headers: serde_json::from_str(&r.get::<_, String>(3)?).unwrap_or(Value::Null),
            body: r.get(4)?,
            attempts: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// What happened to one attempt.
#[derive(Debug, Clone, Copy)]
pub enum Attempt<'a> {
    /// A 2xx answer.
    Delivered(u16),
    /// Failed (HTTP status or transport error); try again at this time (Unix ms).
    Retry(Option<u16>, Option<&'a str>, i64),
    /// Failed, and the PSP's schedule gives up.
    GiveUp(Option<u16>, Option<&'a str>),
}

/// Record one attempt of delivery `seq`.
pub fn record(c: &Connection, seq: i64, a: Attempt<'_>) -> Result<(), StoreError> {
    let now = now_ms();
    let (status, error, delivered, given_up, next) = match a {
        Attempt::Delivered(s) => (Some(s), None, Some(now), None, now),
        Attempt::Retry(s, e, next) => (s, e, None, None, next),
        Attempt::GiveUp(s, e) => (s, e, None, Some(now), now),
    };
    c.execute(
        "UPDATE outbox SET attempts = attempts + 1, last_status = ?2, last_error = ?3,
         delivered_at = ?4, given_up_at = ?5, next_at = ?6 WHERE seq = ?1",
        params![seq, status, error, delivered, given_up, next],
    )?;
    Ok(())
}

/// One queued delivery, as `/_sandbox/outbox` shows it.
#[derive(Debug, Clone, Serialize)]
pub struct OutboxEntry {
    /// Queue position.
    pub seq: i64,
    /// Target URL.
    pub url: String,
    /// What it delivers (event type).
    pub kind: String,
    /// The event or payment it is about.
    pub ref_id: String,
    /// Attempts so far.
    pub attempts: i64,
    /// Delivered (a 2xx answer).
    pub delivered: bool,
    /// Last HTTP status.
    pub last_status: Option<i64>,
    /// Last transport error.
    pub last_error: Option<String>,
}

/// One delivery with its state, as `/_sandbox/deliveries` shows it.
#[derive(Debug, Clone, Serialize)]
pub struct DeliveryState {
    /// The delivery as the outbox shows it.
    #[serde(flatten)]
    pub entry: OutboxEntry,
    /// Which PSP sends it.
    pub psp: String,
    /// `pending` (will be tried again), `delivered` or `given_up` (the PSP's schedule ran out).
    pub state: &'static str,
    /// When it is tried next (Unix ms), while pending.
    pub next_attempt_at: Option<i64>,
}

/// Every delivery with its state, oldest first.
pub fn list(c: &Connection) -> Result<Vec<DeliveryState>, StoreError> {
    let mut st = c.prepare(
        "SELECT seq, url, kind, ref_id, attempts, delivered_at, last_status, last_error,
         psp, given_up_at, next_at FROM outbox ORDER BY seq",
    )?;
    let rows = st.query_map([], |r| {
        let delivered = r.get::<_, Option<i64>>(5)?.is_some();
        let given_up = r.get::<_, Option<i64>>(9)?.is_some();
        let state = match (delivered, given_up) {
            (true, _) => "delivered",
            (_, true) => "given_up",
            _ => "pending",
        };
        Ok(DeliveryState {
            entry: OutboxEntry {
                seq: r.get(0)?,
                url: r.get(1)?,
                kind: r.get(2)?,
                ref_id: r.get(3)?,
                attempts: r.get(4)?,
                delivered,
                last_status: r.get(6)?,
                last_error: r.get(7)?,
            },
            psp: r.get(8)?,
            state,
            next_attempt_at: (state == "pending").then(|| r.get(10)).transpose()?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The outbox for `/_sandbox/outbox`.
pub fn outbox_summary(c: &Connection) -> Result<Vec<OutboxEntry>, StoreError> {
    Ok(list(c)?.into_iter().map(|d| d.entry).collect())
}
