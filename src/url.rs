//! URL rules, pure (tested natively): which URLs the shopper may be sent to, and a GET
//! redirect's query string (form-encoded, before any `#fragment`).

use kasir_core::text;

/// Redirects go to `https:` URLs, or `http:` on loopback only (development with the sandbox).
pub fn is_allowed_redirect(url: &str) -> bool {
    let Some((scheme, rest)) = text::split_once(url, "://") else {
        return false;
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    // the host after any user info (up to the last `@`, as browsers parse it)
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    if host_port.is_empty()
        || authority.contains('\\')
        || url.chars().any(|c| c.is_whitespace() || c.is_control())
    {
        return false;
    }
    let host = if let Some(rest) = host_port.strip_prefix('[') {
        rest.split(']').next().unwrap_or("")
    } else {
        host_port.split(':').next().unwrap_or("")
    }
    .to_ascii_lowercase();
    match scheme.to_ascii_lowercase().as_str() {
        "https" => !host.is_empty(),
        "http" => {
            host == "127.0.0.1"
                || host == "localhost"
                || host == "::1"
                || host.ends_with(".localhost")
        }
        _ => false,
    }
}

/// `application/x-www-form-urlencoded` component encoding (`encodeURIComponent` plus the
/// characters forms encode), without the browser.
pub fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            const HEX: &[u8; 16] = b"0123456789ABCDEF";
            out.push('%');
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 15)] as char);
        }
    }
    out
}

/// `url` with `fields` appended to its query, before its `#fragment` if it has one.
pub fn with_query(url: &str, fields: &[(String, String)]) -> String {
    if fields.is_empty() {
        return url.to_string();
    }
    let (base, fragment) = match url.split_once('#') {
        Some((b, f)) => (b, Some(f)),
        None => (url, None),
    };
    let mut full = base.to_string();
    let mut sep = if base.contains('?') { '&' } else { '?' };
    if base.ends_with('?') || base.ends_with('&') {
        sep = '\0';
    }
    for (k, v) in fields {
        if sep != '\0' {
            full.push(sep);
        }
        sep = '&';
        full.push_str(&encode_component(k));
        full.push('=');
        full.push_str(&encode_component(v));
    }
    if let Some(f) = fragment {
        full.push('#');
        full.push_str(f);
    }
    full
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redirect_url_rules() {
        for ok in [
            "https://pay.example.com/x",
            "http://127.0.0.1:8080/pay/1",
            "http://localhost/x",
            "http://[::1]:80/",
            "HTTPS://A.B",
            "https://user@pay.example.com/x",
            "http://a@b@127.0.0.1/x",
        ] {
            assert!(is_allowed_redirect(ok), "{ok}");
        }
        for bad in [
            "http://example.com/",
            "javascript:alert(1)",
            "data:text/html,x",
            "//evil.com",
            "ftp://x",
            "http://127.0.0.1.evil.com/",
            "https://",
            "http://evil.com@127.0.0.1x/",
            "http://127.0.0.1@evil.com/",
            "http://localhost:80@evil.com/",
            "https://user@/x",
            "https://a b",
        ] {
            assert!(!is_allowed_redirect(bad), "{bad}");
        }
    }

    /// Regression: GET redirect fields were appended after the URL's `#fragment`, where the
    /// server never sees them.
    #[test]
    fn get_fields_go_before_the_fragment() {
        let f = |k: &str, v: &str| (k.to_string(), v.to_string());
        assert_eq!(
            with_query("https://psp.example/pay?a=1#frag", &[f("b", "2 3")]),
            "https://psp.example/pay?a=1&b=2%203#frag"
        );
        assert_eq!(
            with_query("https://psp.example/pay#x", &[f("k", "é&=")]),
            "https://psp.example/pay?k=%C3%A9%26%3D#x"
        );
        assert_eq!(
            with_query("https://psp.example/pay?", &[f("a", "1"), f("b", "")]),
            "https://psp.example/pay?a=1&b="
        );
        assert_eq!(
            with_query("https://p.example/x", &[]),
            "https://p.example/x"
        );
    }
}
