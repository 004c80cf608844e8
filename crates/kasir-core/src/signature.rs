//! Signatures: ecommpay request/callback signing (HMAC-SHA512 over flattened leaves), Opn webhook
//! signatures (`Omise-Signature`) and WooshPay webhook signatures (`Wooshpay-Signature`).
//!
//! The ecommpay algorithm follows `shared/reference/psp-apis.md` §2.1 and the npm `ecommpay`
//! SDK where the SDKs differ: keys sorted per object level, arrays in index order, `null` as an
//! empty value, booleans as `1`/`0`, every `signature` key and every `frame_mode` key left out.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use hmac::{Hmac, Mac};
use serde_json::Value;
use sha2::{Sha256, Sha512};

/// A signature could not be made or checked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignatureError {
    /// The signature does not match the message.
    #[error("signature mismatch")]
    Mismatch,
    /// No signature was present where one is required.
    #[error("signature missing")]
    Missing,
    /// A header or key was not in the expected format.
    #[error("malformed {0}")]
    Malformed(&'static str),
}

fn leaves(prefix: &str, v: &Value, out: &mut Vec<String>) {
    let path = |k: &str| {
        if prefix.is_empty() {
            k.to_string()
        } else {
            format!("{prefix}:{k}")
        }
    };
    match v {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map
                .keys()
                .filter(|k| *k != "signature" && *k != "frame_mode")
                .collect();
            keys.sort();
            for k in keys {
                leaves(&path(k), &map[k.as_str()], out);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                leaves(&path(&i.to_string()), item, out);
            }
        }
        Value::Null => out.push(format!("{prefix}:")),
        Value::Bool(b) => out.push(format!("{prefix}:{}", u8::from(*b))),
        Value::Number(n) => out.push(format!("{prefix}:{n}")),
        Value::String(s) => out.push(format!("{prefix}:{s}")),
    }
}

/// The string ecommpay signs for a message (exposed for debugging and tests).
pub fn ecommpay_signing_string(message: &Value) -> String {
    let mut out = Vec::new();
    match message {
        Value::Object(_) | Value::Array(_) => leaves("", message, &mut out),
        _ => {}
    }
    out.join(";")
}

/// `base64(HMAC-SHA512(secret, signing_string(message)))`.
pub fn ecommpay_sign(message: &Value, secret: &str) -> String {
    // HMAC accepts keys of any length, so `new_from_slice` cannot fail.
    let mut mac = match Hmac::<Sha512>::new_from_slice(secret.as_bytes()) {
        Ok(m) => m,
        Err(_) => return String::new(),
    };
    mac.update(ecommpay_signing_string(message).as_bytes());
    STANDARD.encode(mac.finalize().into_bytes())
}

/// Find the signature of a message where ecommpay puts it: top-level `signature` (Payment Page
/// params, callbacks) or `general.signature` (Gate requests).
pub fn ecommpay_signature_of(message: &Value) -> Option<&str> {
    message
        .get("signature")
        .and_then(Value::as_str)
        .or_else(|| {
            message
                .get("general")
                .and_then(|g| g.get("signature"))
                .and_then(Value::as_str)
        })
}

/// Verify a signed ecommpay message (constant-time comparison).
pub fn ecommpay_verify(message: &Value, secret: &str) -> Result<(), SignatureError> {
    let given = ecommpay_signature_of(message).ok_or(SignatureError::Missing)?;
    let given = STANDARD
        .decode(given)
        .map_err(|_| SignatureError::Mismatch)?;
    let mut mac = Hmac::<Sha512>::new_from_slice(secret.as_bytes())
        .map_err(|_| SignatureError::Malformed("secret"))?;
    mac.update(ecommpay_signing_string(message).as_bytes());
    mac.verify_slice(&given)
        .map_err(|_| SignatureError::Mismatch)
}

/// Sign in place: top-level `signature`, or `general.signature` when `general` exists (Gate).
pub fn ecommpay_sign_in_place(message: &mut Value, secret: &str) {
    let sig = ecommpay_sign(message, secret);
    if let Some(general) = message.get_mut("general").and_then(Value::as_object_mut) {
        general.insert("signature".into(), Value::String(sig));
    } else if let Some(map) = message.as_object_mut() {
        map.insert("signature".into(), Value::String(sig));
    }
}

fn hmac256_hex(key: &[u8], timestamp: &str, body: &[u8]) -> Result<String, SignatureError> {
    let mut mac =
        Hmac::<Sha256>::new_from_slice(key).map_err(|_| SignatureError::Malformed("secret"))?;
    mac.update(timestamp.as_bytes());
    mac.update(b".");
    mac.update(body);
    Ok(hex(&mac.finalize().into_bytes()))
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[usize::from(b >> 4)] as char);
        s.push(DIGITS[usize::from(b & 15)] as char);
    }
    s
}

fn ct_eq(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// Opn webhook signature: hex HMAC-SHA256 of `"<timestamp>.<body>"` keyed with the
/// base64-decoded webhook secret (header `Omise-Signature`, with `Omise-Signature-Timestamp`).
pub fn opn_webhook_sign(
    secret_b64: &str,
    timestamp: &str,
    body: &[u8],
) -> Result<String, SignatureError> {
    let key = STANDARD
        .decode(secret_b64)
        .map_err(|_| SignatureError::Malformed("webhook secret (base64)"))?;
    hmac256_hex(&key, timestamp, body)
}

/// Verify an `Omise-Signature` header (one value, or two comma-separated during rotation).
pub fn opn_webhook_verify(
    secret_b64: &str,
    timestamp: &str,
    body: &[u8],
    header: &str,
) -> Result<(), SignatureError> {
    let expected = opn_webhook_sign(secret_b64, timestamp, body)?;
    if header.split(',').any(|s| ct_eq(s.trim(), &expected)) {
        Ok(())
    } else {
        Err(SignatureError::Mismatch)
    }
}

/// WooshPay webhook signature header value: `t=<unix>,v1=<hex HMAC-SHA256(secret, "t.body")>`.
pub fn wooshpay_webhook_header(
    secret: &str,
    unix_secs: i64,
    body: &[u8],
) -> Result<String, SignatureError> {
    let t = unix_secs.to_string();
    Ok(format!(
        "t={t},v1={}",
        hmac256_hex(secret.as_bytes(), &t, body)?
    ))
}

/// Verify a `Wooshpay-Signature` header.
pub fn wooshpay_webhook_verify(
    secret: &str,
    body: &[u8],
    header: &str,
) -> Result<(), SignatureError> {
    let mut t = None;
    let mut sigs = Vec::new();
    for part in header.split(',') {
        match part.trim().split_once('=') {
            Some(("t", v)) => t = Some(v),
            Some(("v1", v)) => sigs.push(v),
            _ => {}
        }
    }
    let t = t.ok_or(SignatureError::Malformed("Wooshpay-Signature"))?;
    if sigs.is_empty() {
        return Err(SignatureError::Missing);
    }
    let expected = hmac256_hex(secret.as_bytes(), t, body)?;
    if sigs.iter().any(|s| ct_eq(s, &expected)) {
        Ok(())
    } else {
        Err(SignatureError::Mismatch)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn opn_and_wooshpay_webhooks() {
        let secret = STANDARD.encode("whsec-kasir");
        let sig = opn_webhook_sign(&secret, "1700000000", b"{}").unwrap();
        assert_eq!(sig.len(), 64);
        opn_webhook_verify(&secret, "1700000000", b"{}", &format!("deadbeef,{sig}")).unwrap();
        assert_eq!(
            opn_webhook_verify(&secret, "1700000001", b"{}", &sig),
            Err(SignatureError::Mismatch)
        );
        assert!(matches!(
            opn_webhook_sign("%%%", "1", b""),
            Err(SignatureError::Malformed(_))
        ));

        let h = wooshpay_webhook_header("whsec_x", 1_700_000_000, b"{\"a\":1}").unwrap();
        wooshpay_webhook_verify("whsec_x", b"{\"a\":1}", &h).unwrap();
        assert_eq!(
            wooshpay_webhook_verify("whsec_y", b"{\"a\":1}", &h),
            Err(SignatureError::Mismatch)
        );
        assert_eq!(
            wooshpay_webhook_verify("whsec_x", b"{}", "v1=00"),
            Err(SignatureError::Malformed("Wooshpay-Signature"))
        );
    }

    #[test]
    fn gate_signature_goes_to_general() {
        let mut gate = json!({"general":{"project_id":4242,"payment_id":"p1"},"payment":{"amount":10000,"currency":"THB"}});
        ecommpay_sign_in_place(&mut gate, "kasir_secret");
        assert!(gate["general"]["signature"].is_string());
        ecommpay_verify(&gate, "kasir_secret").unwrap();
        gate["payment"]["amount"] = json!(10001);
        assert_eq!(
            ecommpay_verify(&gate, "kasir_secret"),
            Err(SignatureError::Mismatch)
        );
        assert_eq!(
            ecommpay_verify(&json!({"a":1}), "k"),
            Err(SignatureError::Missing)
        );
    }
}
