//! A PSP's retry schedule for webhooks and callbacks (a leaf: each emulator defines its own,
//! the outbox worker applies it). Delays are in the PSP's documented seconds; the worker scales
//! them by `--retry-base-ms` (milliseconds per documented second).

/// When a failed delivery is tried again, and when the PSP gives up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetrySchedule {
    /// The first retries' delays, seconds, in order.
    pub fixed: &'static [i64],
    /// Then the delay starts here, seconds, and doubles each retry …
    pub growing_from: i64,
    /// … up to this interval, seconds.
    pub max_interval: i64,
    /// Give up after this many attempts in all (the first one included) …
    pub max_attempts: i64,
    /// … or when the next attempt would come later than this after the first one, seconds.
    pub max_age: i64,
}

impl RetrySchedule {
    /// The delay before retry number `k` (1-based), seconds.
    pub fn interval(&self, k: i64) -> i64 {
        let k = k.max(1);
        if let Some(d) = usize::try_from(k - 1).ok().and_then(|i| self.fixed.get(i)) {
            return *d;
        }
        let doublings = k - 1 - self.fixed.len() as i64;
        let grown = if doublings >= 62 {
            i64::MAX
        } else {
            self.growing_from.saturating_mul(1i64 << doublings)
        };
        grown.min(self.max_interval).max(0)
    }

    /// The delay, seconds, before the next attempt after `failed` failed attempts; `None` when
    /// the PSP gives up.
    pub fn delay_after(&self, failed: i64) -> Option<i64> {
        if failed >= self.max_attempts {
            return None;
        }
        let next = self.interval(failed);
        let age: i64 = (1..=failed).fold(0i64, |a, k| a.saturating_add(self.interval(k)));
        (age <= self.max_age).then_some(next)
    }

    /// How many attempts the schedule makes at most before giving up.
    pub fn attempts(&self) -> i64 {
        let mut n = 1;
        while self.delay_after(n).is_some() {
            n += 1;
        }
        n
    }
}

/// The schedule of deliveries queued before the sending PSP was recorded: doubling from 10 s,
/// at most an hour apart, for a day.
pub const FALLBACK: RetrySchedule = RetrySchedule {
    fixed: &[],
    growing_from: 10,
    max_interval: 3600,
    max_attempts: 100,
    max_age: 86_400,
};

/// A delay of `secs` documented seconds in real milliseconds, at `ms_per_sec`.
pub fn scaled_ms(secs: i64, ms_per_sec: i64) -> i64 {
    secs.saturating_mul(ms_per_sec.max(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    const S: RetrySchedule = RetrySchedule {
        fixed: &[10, 10],
        growing_from: 20,
        max_interval: 100,
        max_attempts: 8,
        max_age: 1000,
    };

    #[test]
    fn fixed_then_doubling_then_capped() {
        let d: Vec<i64> = (1..=7).map(|k| S.interval(k)).collect();
        assert_eq!(d, [10, 10, 20, 40, 80, 100, 100]);
        assert_eq!(S.interval(500), 100, "no overflow");
        assert_eq!(S.delay_after(1), Some(10));
        assert_eq!(S.delay_after(7), Some(100));
        assert_eq!(S.delay_after(8), None, "max_attempts");
        assert_eq!(S.attempts(), 8);
        let short = RetrySchedule { max_age: 30, ..S };
        // 10 + 10 + 20 = 40 > 30: no fourth attempt.
        assert_eq!(short.attempts(), 3);
    }
}
