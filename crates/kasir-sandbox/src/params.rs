//! Request parameters as the PSPs accept them: JSON or bracket-notation forms
//! (`a[b][0]=x`), and lenient readers for integers, strings and booleans.

use axum::http::{header, HeaderMap};
use serde_json::{Map, Value};

/// Parse a request body as JSON or as a bracket-notation form, by `Content-Type` (an empty body is `{}`).
pub fn parse_params(headers: &HeaderMap, bytes: &[u8]) -> Result<Value, String> {
    let ct = headers
        .get(header::CONTENT_TYPE)
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

/// Deepest bracket nesting a form key may have (`a[b][c]` is 3 levels).
pub const MAX_FORM_DEPTH: usize = 32;
/// Most fields a form body may have.
pub const MAX_FORM_FIELDS: usize = 1000;

/// The flat `key=value` pairs of a form body, at most [`MAX_FORM_FIELDS`] of them.
pub fn form_pairs(bytes: &[u8]) -> Result<Vec<(String, String)>, String> {
    let fields = bytes
        .split(|b| *b == b'&')
        .filter(|p| !p.is_empty())
        .count();
    if fields > MAX_FORM_FIELDS {
        return Err(format!(
            "form body has {fields} fields; at most {MAX_FORM_FIELDS} are accepted"
        ));
    }
    serde_urlencoded::from_bytes(bytes).map_err(|e| format!("malformed form body: {e}"))
}

/// The path of a bracket key (`a[b][]` → `a`, `b`, ``), at most [`MAX_FORM_DEPTH`] deep.
fn key_path(key: &str) -> Result<Vec<&str>, String> {
    let (head, mut rest) = match key.find('[') {
        Some(i) => (&key[..i], &key[i..]),
        None => (key, ""),
    };
    let mut path = vec![head];
    while let Some(stripped) = rest.strip_prefix('[') {
        let Some(end) = stripped.find(']') else {
            return Err(format!("malformed form key {key:.64}"));
        };
        if path.len() >= MAX_FORM_DEPTH {
            return Err(format!(
                "form key {key:.64}… is nested deeper than {MAX_FORM_DEPTH} levels"
            ));
        }
        path.push(&stripped[..end]);
        rest = &stripped[end + 1..];
    }
    Ok(path)
}

/// Parse `a[b][0]=x&c=y` into nested JSON (objects with all-numeric keys become arrays);
/// keys nest at most [`MAX_FORM_DEPTH`] levels, bodies have at most [`MAX_FORM_FIELDS`] fields.
pub fn parse_form(bytes: &[u8]) -> Result<Value, String> {
    let pairs = form_pairs(bytes)?;
    let mut root = Value::Object(Map::new());
    for (key, value) in pairs {
        let path = key_path(&key)?;
        let mut cur = &mut root;
        for (i, seg) in path.iter().enumerate() {
            let map = match cur {
                Value::Object(m) => m,
                _ => return Err(format!("conflicting form key {key:.64}")),
            };
            let seg = if seg.is_empty() {
                map.len().to_string()
            } else {
                seg.to_string()
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

/// An object parameter (merchant `metadata`), if it is an object.
pub fn object_param(v: &Value, key: &str) -> Option<Map<String, Value>> {
    v.get(key).and_then(Value::as_object).cloned()
}
