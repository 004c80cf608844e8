//! SQLite persistence: one `objects` table (id, kind, json, created), an `outbox` of
//! deliveries (queried in [`crate::delivery`]), `timers` for scheduled state changes, an
//! `idempotency` table and the demo shop's created `orders` (id, json, created).
//!
//! Every write happens inside a transaction that commits before the HTTP response is sent, so a
//! `kill -9` never loses an acknowledged object or a pending delivery.

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{de::DeserializeOwned, Serialize};
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

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS objects (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL, json TEXT NOT NULL, created INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS objects_kind ON objects(kind, seq);
CREATE TABLE IF NOT EXISTS outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, url TEXT NOT NULL,
  headers TEXT NOT NULL, body TEXT NOT NULL, kind TEXT NOT NULL, ref_id TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0, next_at INTEGER NOT NULL, delivered_at INTEGER,
  last_status INTEGER, last_error TEXT, psp TEXT NOT NULL DEFAULT '', given_up_at INTEGER);
CREATE TABLE IF NOT EXISTS timers (id TEXT PRIMARY KEY, kind TEXT NOT NULL, due INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS idempotency (key TEXT PRIMARY KEY, fingerprint TEXT NOT NULL,
  status INTEGER NOT NULL, response TEXT NOT NULL, created INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS orders (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,
  json TEXT NOT NULL, created INTEGER NOT NULL);
";

/// Columns added to `outbox` since the first schema (added to older databases on open).
const OUTBOX_COLUMNS: &[(&str, &str)] = &[
    (
        "psp",
        "ALTER TABLE outbox ADD COLUMN psp TEXT NOT NULL DEFAULT ''",
    ),
    (
        "given_up_at",
        "ALTER TABLE outbox ADD COLUMN given_up_at INTEGER",
    ),
];

/// Create the schema (an older database gains the tables it lacks, e.g. `orders`), bring an older
/// database's `outbox` up to date, index due deliveries.
fn migrate(conn: &Connection) -> Result<(), StoreError> {
    conn.execute_batch(SCHEMA)?;
    let have: Vec<String> = conn
        .prepare("SELECT name FROM pragma_table_info('outbox')")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for (column, ddl) in OUTBOX_COLUMNS {
        if !have.iter().any(|h| h == column) {
            conn.execute_batch(ddl)?;
        }
    }
    conn.execute_batch(
        "CREATE INDEX IF NOT EXISTS outbox_due ON outbox(url, next_at)
         WHERE delivered_at IS NULL AND given_up_at IS NULL",
    )?;
    Ok(())
}

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
        migrate(&conn)?;
        Ok(Store {
            conn: Mutex::new(conn),
        })
    }

    /// An in-memory store (tests).
    pub fn memory() -> Result<Store, StoreError> {
        let conn = Connection::open_in_memory()?;
        migrate(&conn)?;
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

/// Delete an object of a kind (nothing when there is none).
pub fn delete(c: &Connection, kind: &str, id: &str) -> Result<(), StoreError> {
    c.execute(
        "DELETE FROM objects WHERE id = ?1 AND kind = ?2",
        params![id, kind],
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

/// Store a new order (the demo shop's, created by `POST /_sandbox/orders`); ids are unique.
pub fn order_put<T: Serialize>(c: &Connection, id: &str, order: &T) -> Result<(), StoreError> {
    let json = serde_json::to_string(order)?;
    c.execute(
        "INSERT INTO orders (id, json, created) VALUES (?1, ?2, ?3)",
        params![id, json, now_ms()],
    )?;
    Ok(())
}

/// One stored order.
pub fn order_get<T: DeserializeOwned>(c: &Connection, id: &str) -> Result<Option<T>, StoreError> {
    let s: Option<String> = c
        .query_row("SELECT json FROM orders WHERE id = ?1", params![id], |r| {
            r.get(0)
        })
        .optional()?;
    Ok(match s {
        Some(s) => Some(serde_json::from_str(&s)?),
        None => None,
    })
}

/// Every stored order in creation order.
pub fn order_list<T: DeserializeOwned>(c: &Connection) -> Result<Vec<T>, StoreError> {
    let mut st = c.prepare("SELECT json FROM orders ORDER BY seq")?;
    let rows = st.query_map([], |r| r.get::<_, String>(0))?;
    let mut out = Vec::new();
    for r in rows {
        out.push(serde_json::from_str(&r?)?);
    }
    Ok(out)
}
