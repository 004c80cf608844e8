//! Random ids in each PSP's format.

use crate::store::now_ms;
use rand::Rng;

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
    let t = (now_ms() - 1_288_834_974_657).max(0) as u64;
    let n = (t << 22) | rand::thread_rng().gen_range(0..(1u64 << 22));
    format!("{prefix}_{n}")
}
