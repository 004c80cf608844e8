//! Kasir widget (placeholder while the foundation lands).
