//! QR code images of a text, as the PSPs serve them: SVG (Opn PromptPay `qrcode.svg`) or PNG
//! (Opn PayNow `qrcode.png`, WooshPay `image_url_png`), the PNG 8-bit greyscale encoded by the
//! `png` crate. A leaf module.

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

/// An image format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `image/svg+xml`.
    Svg,
    /// `image/png`.
    Png,
}

impl Format {
    /// The format of a file name (`qrcode.png` → PNG; anything else SVG).
    pub fn of_filename(name: &str) -> Format {
        if name.ends_with(".png") {
            Format::Png
        } else {
            Format::Svg
        }
    }
}

/// Pixels per QR module in the PNG.
const SCALE: usize = 8;
/// Quiet zone, modules.
const QUIET: usize = 4;

/// The SVG of a QR code for `text`.
pub fn svg(code: &qrcode::QrCode) -> String {
    code.render::<qrcode::render::svg::Color<'_>>()
        .min_dimensions(240, 240)
        .quiet_zone(true)
        .build()
}

/// The PNG of a QR code: `SCALE` pixels a module, a `QUIET`-module white border.
pub fn png(code: &qrcode::QrCode) -> Result<Vec<u8>, png::EncodingError> {
    let w = code.width();
    let colors = code.to_colors();
    let side = (w + 2 * QUIET) * SCALE;
    let module = |p: usize| (p / SCALE).checked_sub(QUIET).filter(|m| *m < w);
    let mut pixels = Vec::with_capacity(side * side);
    for y in 0..side {
        for x in 0..side {
            let dark = match (module(x), module(y)) {
                (Some(mx), Some(my)) => colors[my * w + mx] == qrcode::Color::Dark,
                _ => false,
            };
            pixels.push(if dark { 0 } else { 255 });
        }
    }
    let side = u32::try_from(side).unwrap_or(u32::MAX);
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, side, side);
    encoder.set_color(png::ColorType::Grayscale);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header()?;
    writer.write_image_data(&pixels)?;
    writer.finish()?;
    Ok(out)
}

/// The image response for `text`, or a 500 when it cannot be encoded.
pub fn response(text: &str, format: Format) -> Response {
    let code = match qrcode::QrCode::new(text.as_bytes()) {
        Ok(c) => c,
        Err(e) => return (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()).into_response(),
    };
    let no_store = (header::CACHE_CONTROL, "no-store");
    match format {
        Format::Svg => (
            [(header::CONTENT_TYPE, "image/svg+xml"), no_store],
            svg(&code),
        )
            .into_response(),
        Format::Png => match png(&code) {
            Ok(bytes) => ([(header::CONTENT_TYPE, "image/png"), no_store], bytes).into_response(),
            Err(e) => (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()).into_response(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The PNG decoded (the `png` crate's decoder), then read as a QR code by an independent
    /// reader (rqrr): its side in pixels and the text it holds.
    fn read_back(bytes: &[u8]) -> (u32, String) {
        let mut reader = png::Decoder::new(std::io::Cursor::new(bytes))
            .read_info()
            .expect("a PNG");
        let mut buf = vec![0; reader.output_buffer_size().expect("a size")];
        let info = reader.next_frame(&mut buf).expect("one frame");
        assert_eq!(info.color_type, png::ColorType::Grayscale);
        assert_eq!(info.bit_depth, png::BitDepth::Eight);
        let (w, h) = (info.width as usize, info.height as usize);
        assert_eq!(w, h, "square");
        let mut img =
            rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| buf[y * info.line_size + x]);
        let grids = img.detect_grids();
        assert_eq!(grids.len(), 1, "one QR code in the image");
        (info.width, grids[0].decode().expect("decodes").1)
    }

    #[test]
    fn the_png_is_a_square_greyscale_image_that_reads_back_as_its_text() {
        for text in [
            "http://127.0.0.1/pay/chrg_x",
            "00020101021230810016A000000677010112011501075360001028602150000000000000000303KSR5303764540540.005802TH6304ABCD",
        ] {
            let code = qrcode::QrCode::new(text.as_bytes()).unwrap();
            let (side, read) = read_back(&png(&code).unwrap());
            assert_eq!(read, text);
            assert_eq!(side as usize, (code.width() + 2 * QUIET) * SCALE);
        }
        assert_eq!(Format::of_filename("qrcode.png"), Format::Png);
        assert_eq!(Format::of_filename("qrcode.svg"), Format::Svg);
    }
}
