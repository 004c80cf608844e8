//! A QR code as inline SVG, for the few payloads the widget must encode itself (a WooshPay
//! payload without an image, the desktop handoff's link). Its own wasm module: the `qrcode`
//! crate is ~12 KB brotli, which no shopper paying by a PSP's QR image (Opn) should download.
//! The widget loads it on demand (`kasir.js` / the ES module, with its Subresource Integrity).
//!
//! The SVG is built here rather than with the crate's generic renderer (which costs more bytes).

/// Render `payload` as an SVG QR code: one `<path>` of unit squares in a viewBox with a 4-module
/// quiet zone (scaled by CSS). `None` when the payload does not fit in a QR code.
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

/// The module's one export: [`qr_svg`] for JavaScript (`undefined` when it does not fit).
#[cfg(feature = "module")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn svg(payload: &str) -> Option<String> {
    qr_svg(payload)
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

    #[test]
    fn a_payload_too_long_for_a_qr_code_is_none() {
        assert_eq!(qr_svg(&"x".repeat(8000)), None);
    }
}
