//! SQLite persistence: one `objects` table (id, kind, json, created), an `outbox` of pending
//! deliveries, `timers` for scheduled state changes and an `idempotency` table.
//!
//! Every write happens inside a transaction that commits before the HTTP response is sent, so a
//! `kill -9` never loses an acknowledged object or a pending delivery.

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{de::DeserializeOwned, Serialize};
use serde_json::Value;
use std::path::Path;
use std::sync::Mutex;

/// Errors from the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// SQLite failed.
    #[error("sqlite: {0}")]
    Sql(#[from] rusqlite::Error),
    /// Stored JSON could not be parsed.
    #[error("json: {0}")]
    Json(#[from] serde_json::Error),
}

/// The SQLite-backed store (one connection behind a mutex: writes are serialised).
pub struct Store {
    conn: Mutex<Connection>,
}

/// A pending delivery (webhook or callback).
#[derive(Debug, Clone)]
pub struct Delivery {
    /// Row id.
    pub seq: i64,
    /// Target URL.
    pub url: String,
    /// Extra headers as a JSON object of strings.
    pub headers: Value,
    /// Raw body.
    pub body: String,
    /// Attempts made so far.
    pub attempts: i64,
}

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS objects (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL, json TEXT NOT NULL, created INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS objects_kind ON objects(kind, seq);
CREATE TABLE IF NOT EXISTS outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, url TEXT NOT NULL,
  headers TEXT NOT NULL, body TEXT NOT NULL, kind TEXT NOT NULL, ref_id TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0, next_at INTEGER NOT NULL, delivered_at INTEGER,
  last_status INTEGER, last_error TEXT);
CREATE TABLE IF NOT EXISTS timers (id TEXT PRIMARY KEY, kind TEXT NOT NULL, due INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS idempotency (key TEXT PRIMARY KEY, fingerprint TEXT NOT NULL,
  status INTEGER NOT NULL, response TEXT NOT NULL, created INTEGER NOT NULL);
";

/// Current time in Unix milliseconds.
pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

impl Store {
    /// Open (or create) the database at `path`; `fresh` deletes it first.
    pub fn open(path: &Path, fresh: bool) -> Result<Store, StoreError> {
        if fresh {
            for suffix in ["", "-wal", "-shm"] {
                let mut p = path.as_os_str().to_owned();
                p.push(suffix);
                let _ = std::fs::remove_file(p);
            }
        }
        if let Some(dir) = path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let conn = Connection::open(path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        conn.execute_batch(SCHEMA)?;
        Ok(Store {
            conn: Mutex::new(conn),
        })
    }

    /// An in-memory store (tests).
    pub fn memory() -> Result<Store, StoreError> {
        let conn = Connection::open_in_memory()?;
        conn.execute_batch(SCHEMA)?;
        Ok(Store {
            conn: Mutex::new(conn),
        })
    }

    /// Run `f` inside one transaction; it commits only when `f` returns `Ok`.
    pub fn tx<T, E: From<StoreError>>(
        &self,
        f: impl FnOnce(&Transaction<'_>) -> Result<T, E>,
    ) -> Result<T, E> {
        let mut conn = self.conn.lock().unwrap_or_else(|p| p.into_inner());
        let tx = conn.transaction().map_err(StoreError::from)?;
        let out = f(&tx)?;
        tx.commit().map_err(StoreError::from)?;
        Ok(out)
    }

    /// Read one object (`None` also when it cannot be read).
    pub fn get<T: DeserializeOwned>(&self, kind: &str, id: &str) -> Option<T> {
        self.tx(|c| get(c, kind, id)).ok().flatten()
    }

    /// All objects of a kind in creation order.
    pub fn list<T: DeserializeOwned>(&self, kind: &str) -> Result<Vec<T>, StoreError> {
        self.tx(|c| list(c, kind))
    }
}

/// Insert or replace an object.
pub fn put<T: Serialize>(
    c: &Connection,
    kind: &str,
    id: &str,
    object: &T,
) -> Result<(), StoreError> {
    let json = serde_json::to_string(object)?;
    c.execute(
        "INSERT INTO objects (id, kind, json, created) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT(id) DO UPDATE SET json = excluded.json",
        params![id, kind, json, now_ms()],
    )?;
    Ok(())
}

/// Read an object of a kind.
pub fn get<T: DeserializeOwned>(
    c: &Connection,
    kind: &str,
    id: &str,
) -> Result<Option<T>, StoreError> {
    let s: Option<String> = c
        .query_row(
            "SELECT json FROM objects WHERE id = ?1 AND kind = ?2",
            params![id, kind],
            |r| r.get(0),
        )
        .optional()?;
    Ok(match s {
        Some(s) => Some(serde_json::from_str(&s)?),
        None => None,
    })
}

/// All objects of a kind in creation order.
pub fn list<T: DeserializeOwned>(c: &Connection, kind: &str) -> Result<Vec<T>, StoreError> {
    let mut st = c.prepare("SELECT json FROM objects WHERE kind = ?1 ORDER BY seq")?;
    let rows = st.query_map(params![kind], |r| r.get::<_, String>(0))?;
    let mut out = Vec::new();
    for r in rows {
        out.push(serde_json::from_str(&r?)?);
    }
    Ok(out)
}

/// Queue a delivery (POST `body` to `url`).
pub fn enqueue(
    c: &Connection,
    url: &str,
    headers: &Value,
    body: &str,
    kind: &str,
    ref_id: &str,
) -> Result<(), StoreError> {
    c.execute(
        "INSERT INTO outbox (url, headers, body, kind, ref_id, next_at) VALUES (?1,?2,?3,?4,?5,?6)",
        params![url, headers.to_string(), body, kind, ref_id, now_ms()],
    )?;
    Ok(())
}

/// Deliveries that are due now.
pub fn due_deliveries(c: &Connection, now: i64) -> Result<Vec<Delivery>, StoreError> {
    let mut st = c.prepare(
        "SELECT seq, url, headers, body, attempts FROM outbox
         WHERE delivered_at IS NULL AND next_at <= ?1 ORDER BY seq LIMIT 50",
    )?;
    let rows = st.query_map(params![now], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, i64>(4)?,
        ))
    })?;
    let mut out = Vec::new();
    for r in rows {
        let (seq, url, headers, body, attempts) = r?;
        out.push(Delivery {
            seq,
            url,
            headers: serde_json::from_str(&headers).unwrap_or(Value::Null),
            body,
            attempts,
        });
    }
    Ok(out)
}

/// Record the outcome of one delivery attempt.
pub fn record_attempt(
    c: &Connection,
    seq: i64,
    status: Option<u16>,
    error: Option<&str>,
    delivered: bool,
    next_at: i64,
) -> Result<(), StoreError> {
    c.execute(
        "UPDATE outbox SET attempts = attempts + 1, last_status = ?2, last_error = ?3,
         delivered_at = CASE WHEN ?4 THEN ?5 ELSE NULL END, next_at = ?5 WHERE seq = ?1",
        params![seq, status, error, delivered, next_at],
    )?;
    Ok(())
}

/// One queued delivery, as the control API shows it.
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

/// A summary of the outbox for the control API.
pub fn outbox_summary(c: &Connection) -> Result<Vec<OutboxEntry>, StoreError> {
    let mut st = c.prepare(
        "SELECT seq, url, kind, ref_id, attempts, delivered_at, last_status, last_error FROM outbox ORDER BY seq",
    )?;
    let rows = st.query_map([], |r| {
        Ok(OutboxEntry {
            seq: r.get(0)?,
            url: r.get(1)?,
            kind: r.get(2)?,
            ref_id: r.get(3)?,
            attempts: r.get(4)?,
            delivered: r.get::<_, Option<i64>>(5)?.is_some(),
            last_status: r.get(6)?,
            last_error: r.get(7)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Schedule (or reschedule) a timer.
pub fn set_timer(c: &Connection, id: &str, kind: &str, due: i64) -> Result<(), StoreError> {
    c.execute(
        "INSERT INTO timers (id, kind, due) VALUES (?1,?2,?3) ON CONFLICT(id) DO UPDATE SET due = excluded.due, kind = excluded.kind",
        params![id, kind, due],
    )?;
    Ok(())
}

/// Remove a timer.
pub fn clear_timer(c: &Connection, id: &str) -> Result<(), StoreError> {
    c.execute("DELETE FROM timers WHERE id = ?1", params![id])?;
    Ok(())
}

/// Timers that are due: (id, kind).
pub fn due_timers(c: &Connection, now: i64) -> Result<Vec<(String, String)>, StoreError> {
    let mut st = c.prepare("SELECT id, kind FROM timers WHERE due <= ?1 LIMIT 100")?;
    let rows = st.query_map(params![now], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// A stored idempotent response: (fingerprint, status, body).
pub fn idem_get(c: &Connection, key: &str) -> Result<Option<(String, u16, String)>, StoreError> {
    Ok(c.query_row(
        "SELECT fingerprint, status, response FROM idempotency WHERE key = ?1",
        params![key],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )
    .optional()?)
}

/// Store an idempotent response.
pub fn idem_put(
    c: &Connection,
    key: &str,
    fingerprint: &str,
    status: u16,
    response: &str,
) -> Result<(), StoreError> {
    c.execute(
        "INSERT OR REPLACE INTO idempotency (key, fingerprint, status, response, created) VALUES (?1,?2,?3,?4,?5)",
        params![key, fingerprint, status, response, now_ms()],
    )?;
    Ok(())
}
