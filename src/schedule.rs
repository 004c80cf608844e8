//! The timing rules of a pending payment, pure (tested natively): the polling backoff, the
//! bound after which the shopper sees "Still confirming", the countdown text. All times are
//! on the page's monotonic clock (`performance.now()` ms), never the shopper's wall clock.

use kasir_core::text;

/// Polling delay before request number `n` (0-based): starts at 2 s, grows ×1.5, capped at
/// 10 s, minus up to 20 % jitter (`jitter` in `[0, 1)`).
pub fn poll_delay_ms(n: u32, jitter: f64) -> u32 {
    let mut base: u32 = 2_000;
    for _ in 0..n.min(10) {
        base = (base + base / 2).min(10_000);
    }
    let j = jitter.clamp(0.0, 0.999);
    base - (f64::from(base) * 0.2 * j) as u32
}

/// After a QR's deadline the widget keeps asking the PSP this long before "Still confirming".
pub const EXPIRY_GRACE_MS: i64 = 60_000;

/// Where the PSP gives no expiry (redirects, confirming after a return), the bound of one round
/// of polling.
pub const NO_EXPIRY_BOUND_MS: i64 = 30 * 60_000;

/// Every read (the PSP's or the merchant's retrieve) is abandoned after this long; a POST
/// that creates or confirms a payment never is (it may have taken effect).
pub const REQUEST_TIMEOUT_MS: u32 = 15_000;

/// The account's capability (Opn `GET /capability`) is awaited this long before the picker
/// falls back to the catalogue.
pub const CAPABILITY_TIMEOUT_MS: u32 = 5_000;

/// How long the screens wait for the locale's text table before they show in English (the
/// table comes from the same place as the wasm, and its fetch starts with it).
pub const TEXTS_TIMEOUT_MS: u32 = 5_000;

/// The bound of a round of polling that started at `started_ms`: the deadline plus the grace,
/// or 30 minutes where there is no deadline.
pub fn poll_bound_ms(deadline_ms: Option<i64>, started_ms: i64) -> i64 {
    match deadline_ms {
        Some(d) => d.saturating_add(EXPIRY_GRACE_MS),
        None => started_ms.saturating_add(NO_EXPIRY_BOUND_MS),
    }
}

/// The delay before the next poll: the backoff, but never past the deadline (so the PSP is
/// asked as soon as its time is up: the "final retrieve" that may say expired).
pub fn next_poll_ms(backoff_ms: u32, deadline_ms: Option<i64>, now_ms: i64) -> u32 {
    match deadline_ms {
        Some(d) if d > now_ms => {
            let until = (d - now_ms).saturating_add(250);
            backoff_ms.min(u32::try_from(until).unwrap_or(u32::MAX))
        }
        _ => backoff_ms,
    }
}

/// `mm:ss` (or `h:mm:ss`) of the time left, never negative.
pub fn format_remaining(ms: i64) -> String {
    let s = (ms.max(0) + 999) / 1000;
    let (h, m, sec) = (s / 3600, s % 3600 / 60, s % 60);
    // `s` is not negative: the casts keep every value
    let (h, m, sec) = (h as u64, m as u64, sec as u64);
    // `&str` parts, as every other text: one copy of `concat` in the wasm
    let sec = text::digits(sec, 2);
    if h > 0 {
        [
            text::decimal(h).as_str(),
            ":",
            &text::digits(m, 2),
            ":",
            &sec,
        ]
        .concat()
    } else {
        [text::decimal(m).as_str(), ":", &sec].concat()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_starts_at_two_seconds_and_caps_at_ten() {
        assert_eq!(poll_delay_ms(0, 0.0), 2_000);
        assert_eq!(poll_delay_ms(1, 0.0), 3_000);
        assert_eq!(poll_delay_ms(50, 0.0), 10_000);
        let mut prev = 0;
        for n in 0..20 {
            let d = poll_delay_ms(n, 0.0);
            assert!(d >= prev && d <= 10_000);
            prev = d;
            assert!(poll_delay_ms(n, 0.999) >= d * 8 / 10 && poll_delay_ms(n, 0.999) < d);
        }
        assert_eq!(poll_bound_ms(Some(1_000), 0), 61_000);
        assert_eq!(poll_bound_ms(None, 5), 5 + 30 * 60_000);
        assert_eq!(poll_bound_ms(Some(i64::MAX), 0), i64::MAX);
        assert_eq!(
            next_poll_ms(10_000, Some(3_000), 1_000),
            2_250,
            "asks at the deadline"
        );
        assert_eq!(next_poll_ms(2_000, Some(30_000), 1_000), 2_000);
        assert_eq!(
            next_poll_ms(5_000, Some(1_000), 2_000),
            5_000,
            "after it: backoff"
        );
        assert_eq!(next_poll_ms(5_000, None, 2_000), 5_000);
        assert_eq!(format_remaining(125_000), "2:05");
        assert_eq!(format_remaining(-5), "0:00");
        assert_eq!(format_remaining(3_600_000), "1:00:00");
    }
}
