//! Numbers as text without `core::fmt`.
//!
//! `format!` links the formatting machinery (`core::fmt::write`, `Formatter`'s padding, each
//! `Display` impl it reaches) into the widget's wasm, which every shopper downloads. The widget
//! builds its texts from `&str` parts (`[a, b].concat()`) and these digit writers instead.

/// `n` in decimal, at least `width` digits (zero-padded on the left): `digits(7, 2)` is `"07"`.
pub fn digits(n: u64, width: usize) -> String {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    let mut rest = n;
    loop {
        i -= 1;
        buf[i] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    let mut out = String::with_capacity(width.max(buf.len() - i));
    for _ in buf.len() - i..width {
        out.push('0');
    }
    // every byte written is an ASCII digit
    out.extend(buf[i..].iter().map(|&b| char::from(b)));
    out
}

/// `n` in decimal: `decimal(42)` is `"42"`.
pub fn decimal(n: u64) -> String {
    digits(n, 1)
}

/// `n` in decimal with a leading `-` when negative: `signed(-5)` is `"-5"`.
pub fn signed(n: i64) -> String {
    let abs = decimal(n.unsigned_abs());
    if n < 0 {
        ["-", &abs].concat()
    } else {
        abs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_are_what_format_writes() {
        for n in [0u64, 1, 9, 10, 99, 100, 12_345, u64::MAX] {
            assert_eq!(decimal(n), n.to_string());
            for w in 0..22 {
                assert_eq!(digits(n, w), format!("{n:0w$}"), "{n} width {w}");
            }
        }
        for n in [0i64, 1, -1, 42, -42, i64::MAX, i64::MIN] {
            assert_eq!(signed(n), n.to_string());
        }
    }
}
