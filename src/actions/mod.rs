//! Next-action mechanics, free of checkout state: polling with backoff, GET/POST redirects.

pub mod poll;
pub mod redirect;
