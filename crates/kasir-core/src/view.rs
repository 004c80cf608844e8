//! A read-only view over JSON-like data, so PSP objects can be interpreted by shared code
//! whether they are `serde_json::Value`s (sandbox, tests) or JavaScript objects (widget).

/// Read access to a JSON-like value. Implementations return `None` for a missing key or a value
/// of another type; they never panic.
pub trait JsonView: Sized {
    /// The member `key` of an object.
    fn field(&self, key: &str) -> Option<Self>;
    /// The value as a string, if it is one.
    fn as_str(&self) -> Option<String>;
    /// The value as an integer, if it is an integral number.
    fn as_i64(&self) -> Option<i64>;
    /// The value as a boolean, if it is one.
    fn as_bool(&self) -> Option<bool>;
    /// True for JSON `null`.
    fn is_null(&self) -> bool;
    /// Key/value pairs of an object (None for anything else).
    fn entries(&self) -> Option<Vec<(String, Self)>>;
    /// Elements of an array (None for anything else).
    fn elements(&self) -> Option<Vec<Self>>;
    /// A scalar (string, number, boolean) rendered as text; None for objects, arrays, null.
    fn scalar_text(&self) -> Option<String>;

    /// Follow a path of keys.
    fn at(&self, path: &[&str]) -> Option<Self> {
        let (first, rest) = path.split_first()?;
        let next = self.field(first)?;
        if rest.is_empty() {
            Some(next)
        } else {
            next.at(rest)
        }
    }
    /// A non-empty string at a path.
    fn str_at(&self, path: &[&str]) -> Option<String> {
        self.at(path)?.as_str().filter(|s| !s.is_empty())
    }
    /// An integer at a path.
    fn i64_at(&self, path: &[&str]) -> Option<i64> {
        self.at(path)?.as_i64()
    }
}

/// Flatten an object into HTML form fields with bracket names (`a[b][0]=…`), values as strings,
/// in the object's own key order. Nulls are skipped; booleans become `true`/`false`.
pub fn form_fields<V: JsonView>(value: &V) -> Vec<(String, String)> {
    fn walk<V: JsonView>(prefix: &str, v: &V, out: &mut Vec<(String, String)>) {
        let name = |k: &str| {
            if prefix.is_empty() {
                k.to_string()
            } else {
                [prefix, "[", k, "]"].concat()
            }
        };
        if let Some(entries) = v.entries() {
            for (k, child) in entries {
                walk(&name(&k), &child, out);
            }
        } else if let Some(items) = v.elements() {
            for (i, child) in items.into_iter().enumerate() {
                walk(&name(&crate::text::decimal(i as u64)), &child, out);
            }
        } else if let Some(text) = v.scalar_text() {
            if !prefix.is_empty() {
                out.push((prefix.to_string(), text));
            }
        }
    }
    let mut out = Vec::new();
    walk("", value, &mut out);
    out
}

#[cfg(feature = "json")]
impl JsonView for serde_json::Value {
    fn field(&self, key: &str) -> Option<Self> {
        self.get(key).cloned()
    }
    fn as_str(&self) -> Option<String> {
        serde_json::Value::as_str(self).map(str::to_string)
    }
    fn as_i64(&self) -> Option<i64> {
        serde_json::Value::as_i64(self)
    }
    fn as_bool(&self) -> Option<bool> {
        serde_json::Value::as_bool(self)
    }
    fn is_null(&self) -> bool {
        serde_json::Value::is_null(self)
    }
    fn entries(&self) -> Option<Vec<(String, Self)>> {
        self.as_object()
            .map(|m| m.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
    }
    fn elements(&self) -> Option<Vec<Self>> {
        self.as_array().cloned()
    }
    fn scalar_text(&self) -> Option<String> {
        match self {
            serde_json::Value::String(s) => Some(s.clone()),
            serde_json::Value::Number(n) => Some(n.to_string()),
            serde_json::Value::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    }
}

#[cfg(all(test, feature = "json"))]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn flattens_nested_bodies_with_brackets() {
        let body = json!({"Data": "4dg6", "Remarks": "", "n": 5, "nested": {"a": [1, {"b": true}], "z": null}});
        let fields = form_fields(&body);
        assert_eq!(
            fields,
            vec![
                ("Data".into(), "4dg6".into()),
                ("Remarks".into(), "".into()),
                ("n".into(), "5".into()),
                ("nested[a][0]".into(), "1".into()),
                ("nested[a][1][b]".into(), "true".into()),
            ]
        );
        assert!(form_fields(&json!("scalar")).is_empty());
    }

    #[test]
    fn paths() {
        let v = json!({"a": {"b": {"c": "x"}}, "e": ""});
        assert_eq!(v.str_at(&["a", "b", "c"]).as_deref(), Some("x"));
        assert_eq!(v.str_at(&["e"]), None);
        assert_eq!(v.str_at(&["a", "zz"]), None);
        assert_eq!(v.str_at(&[]), None);
    }
}
