//! HTTP helpers shared by the PSP emulators: body reading with a size limit, JSON / form
//! (bracket-notation) parsing, credentials, ids, HTML escaping and idempotency.

use crate::store::{self, StoreError};
use crate::AppState;
use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use rand::Rng;
use rusqlite::Transaction;
use serde_json::{Map, Value};

/// Largest accepted request body.
pub const BODY_LIMIT: usize = 64 * 1024;

/// A failed API call: HTTP status and the PSP's own error body.
#[derive(Debug)]
pub struct Fail(pub StatusCode, pub Value);

impl From<StoreError> for Fail {
    fn from(e: StoreError) -> Fail {
        tracing::error!(error = %e, "store failure");
        Fail(
            StatusCode::INTERNAL_SERVER_ERROR,
            serde_json::json!({"object":"error","code":"internal_error","message":"internal error"}),
        )
    }
}

/// A JSON response.
pub fn json(status: StatusCode, v: &Value) -> Response {
    (
        status,
        [(axum::http::header::CONTENT_TYPE, "application/json")],
        v.to_string(),
    )
        .into_response()
}

/// An HTML response.
pub fn html(status: StatusCode, body: String) -> Response {
    (
        status,
        [(axum::http::header::CONTENT_TYPE, "text/html; charset=utf-8")],
        body,
    )
        .into_response()
}

/// Read a request body; `None` when it exceeds [`BODY_LIMIT`] or fails.
pub async fn read_body(body: Body) -> Option<Bytes> {
    axum::body::to_bytes(body, BODY_LIMIT).await.ok()
}

/// Parse a request body as JSON or as a bracket-notation form, by `Content-Type` (an empty body is `{}`).
pub fn parse_params(headers: &HeaderMap, bytes: &[u8]) -> Result<Value, String> {
    let ct = headers
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(Value::Object(Map::new()));
    }
    if ct.contains("x-www-form-urlencoded") {
        return parse_form(bytes);
    }
    match serde_json::from_slice::<Value>(bytes) {
        Ok(v @ Value::Object(_)) => Ok(v),
        Ok(_) => Err("request body must be a JSON object".into()),
        Err(e) if ct.contains("json") || bytes.first() == Some(&b'{') => {
            Err(format!("malformed JSON: {e}"))
        }
        Err(_) => parse_form(bytes),
    }
}

/// Parse `a[b][0]=x&c=y` into nested JSON (objects with all-numeric keys become arrays).
pub fn parse_form(bytes: &[u8]) -> Result<Value, String> {
    let pairs: Vec<(String, String)> =
        serde_urlencoded::from_bytes(bytes).map_err(|e| format!("malformed form body: {e}"))?;
    let mut root = Value::Object(Map::new());
    for (key, value) in pairs {
        let (head, rest) = match key.find('[') {
            Some(i) => (&key[..i], &key[i..]),
            None => (key.as_str(), ""),
        };
        let mut path = vec![head.to_string()];
        let mut r = rest;
        while let Some(stripped) = r.strip_prefix('[') {
            let Some(end) = stripped.find(']') else {
                return Err(format!("malformed form key {key}"));
            };
            path.push(stripped[..end].to_string());
            r = &stripped[end + 1..];
        }
        let mut cur = &mut root;
        for (i, seg) in path.iter().enumerate() {
            let map = match cur {
                Value::Object(m) => m,
                _ => return Err(format!("conflicting form key {key}")),
            };
            let seg = if seg.is_empty() {
                map.len().to_string()
            } else {
                seg.clone()
            };
            if i + 1 == path.len() {
                map.insert(seg, Value::String(value.clone()));
                break;
            }
            cur = map.entry(seg).or_insert_with(|| Value::Object(Map::new()));
        }
    }
    Ok(arrayify(root))
}

fn arrayify(v: Value) -> Value {
    match v {
        Value::Object(m) => {
            let numeric = !m.is_empty() && m.keys().all(|k| k.parse::<usize>().is_ok());
            if numeric {
                let mut items: Vec<(usize, Value)> = m
                    .into_iter()
                    .map(|(k, v)| (k.parse().unwrap_or(0), arrayify(v)))
                    .collect();
                items.sort_by_key(|(i, _)| *i);
                Value::Array(items.into_iter().map(|(_, v)| v).collect())
            } else {
                Value::Object(m.into_iter().map(|(k, v)| (k, arrayify(v))).collect())
            }
        }
        other => other,
    }
}

/// A parameter that is present but not a valid integer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotAnInteger;

/// An integer parameter: a JSON integer or a string of digits. `Err` when present but invalid.
pub fn int_param(v: &Value, key: &str) -> Result<Option<i64>, NotAnInteger> {
    match v.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) => n.as_i64().map(Some).ok_or(NotAnInteger),
        Some(Value::String(s)) => s.trim().parse::<i64>().map(Some).map_err(|_| NotAnInteger),
        Some(_) => Err(NotAnInteger),
    }
}

/// A string parameter (numbers are stringified).
pub fn str_param(v: &Value, key: &str) -> Option<String> {
    match v.get(key)? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// A boolean parameter (`true`/`false`, `1`/`0`, strings too).
pub fn bool_param(v: &Value, key: &str) -> Option<bool> {
    match v.get(key)? {
        Value::Bool(b) => Some(*b),
        Value::String(s) => match s.as_str() {
            "true" | "True" | "1" => Some(true),
            "false" | "False" | "0" => Some(false),
            _ => None,
        },
        Value::Number(n) => Some(n.as_i64() == Some(1)),
        _ => None,
    }
}

/// The API key sent: the Basic username, or the Bearer token.
pub fn credential(headers: &HeaderMap) -> Option<String> {
    let h = headers
        .get(axum::http::header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .trim();
    if let Some(b) = h
        .strip_prefix("Basic ")
        .or_else(|| h.strip_prefix("basic "))
    {
        let raw = base64::engine::general_purpose::STANDARD
            .decode(b.trim())
            .ok()?;
        let s = String::from_utf8(raw).ok()?;
        return Some(s.split(':').next().unwrap_or("").to_string());
    }
    h.strip_prefix("Bearer ")
        .or_else(|| h.strip_prefix("bearer "))
        .map(|t| t.trim().to_string())
}

/// The base URL as the caller sees it (`http://<Host>`), falling back to the bound address.
pub fn base_url(headers: &HeaderMap, st: &AppState) -> String {
    match headers
        .get(axum::http::header::HOST)
        .and_then(|v| v.to_str().ok())
    {
        Some(h) if !h.is_empty() && h.chars().all(|c| c.is_ascii_graphic()) => {
            format!("http://{h}")
        }
        _ => st.base(),
    }
}

/// Random lowercase alphanumerics.
pub fn alnum_lower(n: usize) -> String {
    const A: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut r = rand::thread_rng();
    (0..n).map(|_| A[r.gen_range(0..A.len())] as char).collect()
}

/// Random mixed-case alphanumerics.
pub fn alnum(n: usize) -> String {
    const A: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut r = rand::thread_rng();
    (0..n).map(|_| A[r.gen_range(0..A.len())] as char).collect()
}

/// Random upper-case hex of `n` digits.
pub fn hex_upper(n: usize) -> String {
    const A: &[u8] = b"0123456789ABCDEF";
    let mut r = rand::thread_rng();
    (0..n).map(|_| A[r.gen_range(0..16)] as char).collect()
}

/// An Opn test id: `<prefix>_test_<19 chars>`.
pub fn opn_id(prefix: &str) -> String {
    format!("{prefix}_test_{}", alnum_lower(19))
}

/// A WooshPay snowflake-like id: `<prefix>_<19 digits>`.
pub fn snowflake(prefix: &str) -> String {
    let t = (store::now_ms() - 1_288_834_974_657).max(0) as u64;
    let n = (t << 22) | rand::thread_rng().gen_range(0..(1u64 << 22));
    format!("{prefix}_{n}")
}

/// Escape text for HTML element content and attribute values.
pub fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c => o.push(c),
        }
    }
    o
}

/// The outcome of an idempotent operation.
pub enum Idem {
    /// Executed now, or replayed from the stored response.
    Done(StatusCode, Value),
    /// Same key, different request.
    Conflict,
    /// The operation failed (nothing was written).
    Failed(Fail),
}

/// Run `f` in one transaction, honouring an `Idempotency-Key` scoped by `scope`.
/// Only successful responses are remembered; failures roll back and change nothing.
pub fn idempotent(
    st: &AppState,
    scope: &str,
    headers: &HeaderMap,
    fingerprint: &str,
    f: impl FnOnce(&Transaction<'_>) -> Result<Value, Fail>,
) -> Idem {
    let key = headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .filter(|k| !k.is_empty())
        .map(|k| format!("{scope}:{k}"));
    let r = st.store.tx(|tx| {
        if let Some(k) = &key {
            if let Some((fp, status, body)) = store::idem_get(tx, k)? {
                if fp != fingerprint {
                    return Ok(Idem::Conflict);
                }
                let v = serde_json::from_str(&body).map_err(StoreError::from)?;
                return Ok(Idem::Done(
                    StatusCode::from_u16(status).unwrap_or(StatusCode::OK),
                    v,
                ));
            }
        }
        let v = f(tx)?;
        if let Some(k) = &key {
            store::idem_put(tx, k, fingerprint, 200, &v.to_string())?;
        }
        Ok::<_, Fail>(Idem::Done(StatusCode::OK, v))
    });
    match r {
        Ok(i) => i,
        Err(f) => Idem::Failed(f),
    }
}
