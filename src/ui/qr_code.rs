//! A QR code as inline SVG, built here rather than with the crate's generic renderer (which
//! costs more bytes in the bundle than this).

/// Render `payload` as an SVG QR code: one `<path>` of unit squares in a viewBox with a 4-module
/// quiet zone (scaled by CSS).
pub fn qr_svg(payload: &str) -> Option<String> {
    use std::fmt::Write;
    let code = qrcode::QrCode::new(payload.as_bytes()).ok()?;
    let width = code.width();
    let size = width + 8;
    let mut path = String::with_capacity(width * width * 4);
    for (i, color) in code.to_colors().iter().enumerate() {
        if *color == qrcode::Color::Dark {
            let _ = write!(path, "M{} {}h1v1h-1z", i % width + 4, i / width + 4);
        }
    }
    Some(format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" shape-rendering="crispEdges"><rect width="{size}" height="{size}" fill="#fff"/><path fill="#000" d="{path}"/></svg>"##
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn svg_has_no_prolog() {
        let svg = qr_svg("http://127.0.0.1:8080/pay/chrg_test_1").unwrap();
        assert!(svg.starts_with("<svg"));
        assert!(!svg.contains("style="));
        // version 3 (29 modules) + quiet zone
        assert!(svg.contains(r#"viewBox="0 0 37 37""#), "{svg}");
        let dark = svg.matches('M').count();
        assert!(dark > 200 && dark < 29 * 29, "{dark} dark modules");
    }
}
