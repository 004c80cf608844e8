//! [`JsonView`] over JavaScript values, so kasir-core's PSP interpretation runs on the objects
//! the merchant hooks return without serde_json in the bundle; and the few `Reflect` helpers
//! every other module uses (one copy of each).

use js_sys::{Array, Number, Object, Reflect};
use kasir_core::view::JsonView;
use wasm_bindgen::{JsCast, JsValue};

/// A JavaScript value seen as JSON.
#[derive(Clone, Debug)]
pub struct Js(pub JsValue);

impl JsonView for Js {
    fn field(&self, key: &str) -> Option<Self> {
        if !self.0.is_object() {
            return None;
        }
        let v = Reflect::get(&self.0, &JsValue::from_str(key)).ok()?;
        (!v.is_undefined()).then_some(Js(v))
    }
    fn as_str(&self) -> Option<String> {
        self.0.as_string()
    }
    fn as_i64(&self) -> Option<i64> {
        let f = self.0.as_f64()?;
        (f.fract() == 0.0 && f.abs() <= 9_007_199_254_740_991.0).then_some(f as i64)
    }
    fn as_bool(&self) -> Option<bool> {
        self.0.as_bool()
    }
    fn is_null(&self) -> bool {
        self.0.is_null()
    }
    fn entries(&self) -> Option<Vec<(String, Self)>> {
        if !self.0.is_object() || Array::is_array(&self.0) {
            return None;
        }
        let obj: &Object = self.0.unchecked_ref();
        Some(
            Object::entries(obj)
                .iter()
                .filter_map(|pair| {
                    let pair: Array = pair.unchecked_into();
                    Some((pair.get(0).as_string()?, Js(pair.get(1))))
                })
                .collect(),
        )
    }
    fn elements(&self) -> Option<Vec<Self>> {
        Array::is_array(&self.0).then(|| self.0.unchecked_ref::<Array>().iter().map(Js).collect())
    }
    fn scalar_text(&self) -> Option<String> {
        if let Some(s) = self.0.as_string() {
            Some(s)
        } else if self.0.as_f64().is_some() {
            self.0
                .unchecked_ref::<Number>()
                .to_string_with_radix(10)
                .ok()
                .map(String::from)
        } else {
            self.0
                .as_bool()
                .map(|b| if b { "true".into() } else { "false".into() })
        }
    }
}

/// `obj[key]` (undefined when `obj` is not an object).
pub fn get(obj: &JsValue, key: &str) -> JsValue {
    if obj.is_object() {
        Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    } else {
        JsValue::UNDEFINED
    }
}

/// `obj[key] = value` (ignored when `obj` is frozen or not an object).
pub fn set(obj: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(obj, &JsValue::from_str(key), value);
}

/// `obj[key]` as text: a string as is, a number as JavaScript's own `String(n)` (no float
/// formatting in the bundle).
pub fn get_text(obj: &JsValue, key: &str) -> Option<String> {
    let v = get(obj, key);
    v.as_string().or_else(|| {
        v.as_f64()
            .and_then(|_| v.unchecked_ref::<Number>().to_string_with_radix(10).ok())
            .map(String::from)
    })
}

/// The string-valued entries of a plain object (`strings`, `appearance`); `None` when `v` is
/// given but is not an object.
pub fn string_entries(v: &JsValue) -> Option<Vec<(String, String)>> {
    if v.is_undefined() || v.is_null() {
        return Some(Vec::new());
    }
    if !v.is_object() || Array::is_array(v) {
        return None;
    }
    Some(
        Object::entries(v.unchecked_ref::<Object>())
            .iter()
            .filter_map(|pair| {
                let pair: Array = pair.unchecked_into();
                Some((
                    pair.get(0).as_string()?,
                    pair.get(1).as_string().unwrap_or_default(),
                ))
            })
            .collect(),
    )
}
