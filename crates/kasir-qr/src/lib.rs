//! A QR code as inline SVG, for the few payloads the widget must encode itself (a WooshPay
//! payload without an image, the desktop handoff's link). Its own wasm module: the
//! module is 9 KB brotli (the `qrcodegen` crate), which no shopper paying by a PSP's QR image
//! (Opn) should download.
//! The widget loads it on demand (`kasir.js` / the ES module, with its Subresource Integrity).
//!
//! The SVG is built here rather than with the crate's generic renderer (which costs more bytes).

/// Render `payload` as an SVG QR code: one `<path>` of unit squares in a viewBox with a 4-module
/// quiet zone (scaled by CSS). `None` when the payload does not fit in a QR code. Built with
/// `push_str` and [`push_number`], not `format!`: `core::fmt` would be most of the module.
pub fn qr_svg(payload: &str) -> Option<String> {
    let code = qrcodegen::QrCode::encode_text(payload, qrcodegen::QrCodeEcc::Medium).ok()?;
    let width = code.size() as usize;
    let size = width + 8;
    let mut svg = String::with_capacity(width * width * 6 + 200);
    svg.push_str(r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 "#);
    push_number(&mut svg, size);
    svg.push(' ');
    push_number(&mut svg, size);
    svg.push_str(r#"" shape-rendering="crispEdges"><rect width=""#);
    push_number(&mut svg, size);
    svg.push_str(r#"" height=""#);
    push_number(&mut svg, size);
    svg.push_str(r##"" fill="#fff"/><path fill="#000" d=""##);
    for y in 0..width {
        for x in 0..width {
            if code.get_module(x as i32, y as i32) {
                svg.push('M');
                push_number(&mut svg, x + 4);
                svg.push(' ');
                push_number(&mut svg, y + 4);
                svg.push_str("h1v1h-1z");
            }
        }
    }
    svg.push_str(r#""/></svg>"#);
    Some(svg)
}

/// `n` in decimal.
fn push_number(out: &mut String, n: usize) {
    if n >= 10 {
        push_number(out, n / 10);
    }
    out.push(char::from(b'0' + (n % 10) as u8));
}

/// The module's allocator (the module only: the widget's browser tests link this crate too).
#[cfg(all(feature = "module", target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: lol_alloc::LockedAllocator<lol_alloc::FreeListAllocator> =
    lol_alloc::LockedAllocator::new(lol_alloc::FreeListAllocator::new());

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
    fn numbers_are_written_in_decimal() {
        for n in [0, 7, 10, 37, 100, 177, 1234] {
            let mut s = String::new();
            push_number(&mut s, n);
            assert_eq!(s, n.to_string());
        }
    }

    /// The SVG's dark modules (`M<x> <y>h1v1h-1z`) drawn 4 px each on white, read back by an
    /// independent decoder (rqrr).
    fn decode(svg: &str) -> String {
        let size: usize = svg
            .split(r#"viewBox="0 0 "#)
            .nth(1)
            .and_then(|r| r.split(' ').next())
            .and_then(|n| n.parse().ok())
            .expect("viewBox");
        let scale = 4;
        let mut dark = vec![false; size * size];
        let path = svg.split(r#" d=""#).nth(1).expect("path");
        for m in path.split('M').skip(1) {
            let xy = m
                .trim_end_matches(r#""/></svg>"#)
                .trim_end_matches("h1v1h-1z");
            let (x, y) = xy.split_once(' ').expect("x y");
            let (x, y): (usize, usize) = (x.parse().unwrap(), y.parse().unwrap());
            dark[y * size + x] = true;
        }
        let px = size * scale;
        let mut img = rqrr::PreparedImage::prepare_from_greyscale(px, px, |x, y| {
            if dark[(y / scale) * size + x / scale] {
                0
            } else {
                255
            }
        });
        let grids = img.detect_grids();
        assert_eq!(grids.len(), 1, "one QR code in the image");
        grids[0].decode().expect("decodes").1
    }

    #[test]
    fn what_is_encoded_decodes_back_to_the_payload() {
        for payload in [
            "http://127.0.0.1:8080/pay/chrg_test_1",
            // an EMVCo merchant-presented payload (PromptPay's shape): digits and letters
            "00020101021230370016A000000677010111011300669123456785802TH53037645406400.006304ABCD",
            "https://checkout.example/pay/cs_test_a1B2c3D4e5F6g7H8i9J0?session=%E0%B8%97",
            &"9".repeat(300),
        ] {
            let svg = qr_svg(payload).expect("fits");
            assert_eq!(decode(&svg), payload);
        }
    }

    #[test]
    fn a_payload_too_long_for_a_qr_code_is_none() {
        assert_eq!(qr_svg(&"x".repeat(8000)), None);
    }
}
