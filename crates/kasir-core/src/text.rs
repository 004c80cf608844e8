//! Text without core's heavier machinery: numbers without `core::fmt`, substrings without the
//! two-way searcher, decimal numbers without its generic integer parser.
//!
//! `format!` links the formatting machinery (`core::fmt::write`, `Formatter`'s padding, each
//! `Display` impl it reaches) into the widget's wasm, which every shopper downloads. The widget
//! builds its texts from `&str` parts (`[a, b].concat()`) and these digit writers instead.
//! Likewise `str::contains(&str)`, `split_once(&str)` and `replace(&str, …)` link core's
//! two-way string searcher (≈ 1.6 KB of code) for the widget's few searches in short strings (a
//! user agent, a URL, a text template); [`find`] is a plain scan that gives the same answers.

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

/// `s` as a number when it is one or more ASCII digits (no sign, no space) that fit an `i64`,
/// as `s.parse::<i64>()` answers for such text; `None` otherwise. Core's generic parser (signs,
/// radixes, its error kinds) is ≈ 0.5 KB of code the widget's parses of amounts and timestamps
/// do not need.
pub fn parse_digits(s: &str) -> Option<i64> {
    if s.is_empty() {
        return None;
    }
    s.bytes().try_fold(0i64, |n, b| {
        if !b.is_ascii_digit() {
            return None;
        }
        n.checked_mul(10)?.checked_add(i64::from(b - b'0'))
    })
}

/// The byte offset of the first `needle` in `hay`, as `hay.find(needle)`. A match of valid
/// UTF-8 in valid UTF-8 starts and ends on character boundaries.
pub fn find(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    if n.is_empty() {
        return Some(0);
    }
    h.windows(n.len()).position(|w| w == n)
}

/// Whether `needle` occurs in `hay`, as `hay.contains(needle)`.
pub fn contains(hay: &str, needle: &str) -> bool {
    find(hay, needle).is_some()
}

/// `s` around its first `sep`, as `s.split_once(sep)`.
pub fn split_once<'a>(s: &'a str, sep: &str) -> Option<(&'a str, &'a str)> {
    let i = find(s, sep)?;
    Some((&s[..i], &s[i + sep.len()..]))
}

/// `s` with every `from` replaced by `to`, as `s.replace(from, to)`; an empty `from` replaces
/// nothing.
pub fn replace(s: &str, from: &str, to: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = find(rest, from).filter(|_| !from.is_empty()) {
        out.push_str(&rest[..i]);
        out.push_str(to);
        rest = &rest[i + from.len()..];
    }
    out.push_str(rest);
    out
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

    #[test]
    fn parse_digits_answers_as_core_does_for_digits_and_refuses_the_rest() {
        for t in [
            "0",
            "7",
            "0042",
            "400000",
            "9223372036854775807",
            "9223372036854775808",
            "99999999999999999999",
        ] {
            assert_eq!(parse_digits(t), t.parse::<i64>().ok(), "{t:?}");
        }
        for t in ["", "+1", "-1", " 1", "1 ", "1.5", "1e3", "๑", "0x1"] {
            assert_eq!(parse_digits(t), None, "{t:?}");
        }
    }

    #[test]
    fn searches_answer_as_core_does() {
        let hays = [
            "",
            "a",
            "aaa",
            "https://shop.example/pay?x=1#f",
            "Mozilla/5.0 (Linux; Android 14) Mobile",
            "{amount} paid with {method}. {amount}",
            "ชำระ {amount} ด้วย {method}",
            "pi_3Mtw_secret_abc_secret_def",
            "abababab",
        ];
        let needles = [
            "",
            "a",
            "aa",
            "ab",
            "://",
            "Android",
            "{amount}",
            "_secret_",
            "ด้วย",
            "zz",
            "abab",
        ];
        for h in hays {
            for n in needles {
                assert_eq!(find(h, n), h.find(n), "{h:?} / {n:?}");
                assert_eq!(contains(h, n), h.contains(n), "{h:?} / {n:?}");
                assert_eq!(split_once(h, n), h.split_once(n), "{h:?} / {n:?}");
                if !n.is_empty() {
                    assert_eq!(replace(h, n, "<x>"), h.replace(n, "<x>"), "{h:?} / {n:?}");
                    assert_eq!(replace(h, n, ""), h.replace(n, ""), "{h:?} / {n:?}");
                }
            }
        }
        assert_eq!(replace("abc", "", "-"), "abc");
    }
}
