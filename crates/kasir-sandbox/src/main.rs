//! kasir-sandbox (placeholder while the foundation lands).
fn main() {}
