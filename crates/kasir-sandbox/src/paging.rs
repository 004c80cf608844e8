//! List pagination shared by every PSP's list endpoints (`limit`, `offset`); each PSP wraps the
//! page in its own list object.

use std::collections::HashMap;

/// One page of a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page<T> {
    /// The items on the page.
    pub data: Vec<T>,
    /// The page size used.
    pub limit: usize,
    /// Items skipped.
    pub offset: usize,
    /// Items in the whole list.
    pub total: usize,
}

impl<T> Page<T> {
    /// More items follow the page.
    pub fn has_more(&self) -> bool {
        self.offset + self.data.len() < self.total
    }
}

/// Take the page `limit` (1–100, `default` when absent or invalid) / `offset` asks for.
pub fn page<T>(q: &HashMap<String, String>, default: usize, all: Vec<T>) -> Page<T> {
    let limit = q
        .get("limit")
        .and_then(|s| s.parse().ok())
        .unwrap_or(default)
        .clamp(1, 100);
    let offset = q
        .get("offset")
        .and_then(|s| s.parse().ok())
        .unwrap_or(0usize);
    let total = all.len();
    let data = all.into_iter().skip(offset).take(limit).collect();
    Page {
        data,
        limit,
        offset,
        total,
    }
}
