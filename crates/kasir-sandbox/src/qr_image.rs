//! QR code images of a text, as the PSPs serve them: SVG (Opn PromptPay `qrcode.svg`) or PNG
//! (Opn PayNow `qrcode.png`, WooshPay `image_url_png`). The PNG is encoded here (8-bit
//! greyscale, stored deflate blocks): no image library. A leaf module.

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

/// The PNG of a QR code for `text`.
pub fn png(code: &qrcode::QrCode) -> Vec<u8> {
    let w = code.width();
    let colors = code.to_colors();
    let side = (w + 2 * QUIET) * SCALE;
    let mut raw = Vec::with_capacity((side + 1) * side);
    for y in 0..side {
        raw.push(0); // filter: none
        let my = (y / SCALE).checked_sub(QUIET).filter(|m| *m < w);
        for x in 0..side {
            let mx = (x / SCALE).checked_sub(QUIET).filter(|m| *m < w);
            let dark = match (mx, my) {
                (Some(mx), Some(my)) => colors[my * w + mx] == qrcode::Color::Dark,
                _ => false,
            };
            raw.push(if dark { 0 } else { 255 });
        }
    }
    let side = u32::try_from(side).unwrap_or(u32::MAX);
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&side.to_be_bytes());
    ihdr.extend_from_slice(&side.to_be_bytes());
    ihdr.extend_from_slice(&[8, 0, 0, 0, 0]); // 8-bit greyscale, deflate, no filter, no interlace
    let mut out = vec![0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a];
    chunk(&mut out, b"IHDR", &ihdr);
    chunk(&mut out, b"IDAT", &zlib_stored(&raw));
    chunk(&mut out, b"IEND", &[]);
    out
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
        Format::Png => {
            ([(header::CONTENT_TYPE, "image/png"), no_store], png(&code)).into_response()
        }
    }
}

fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(&u32::try_from(data.len()).unwrap_or(0).to_be_bytes());
    let start = out.len();
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let crc = crc32(&out[start..]);
    out.extend_from_slice(&crc.to_be_bytes());
}

fn zlib_stored(data: &[u8]) -> Vec<u8> {
    let mut out = vec![0x78, 0x01];
    let blocks: Vec<&[u8]> = data.chunks(65_535).collect();
    for (i, b) in blocks.iter().enumerate() {
        out.push(u8::from(i + 1 == blocks.len()));
        let len = u16::try_from(b.len()).unwrap_or(u16::MAX);
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&(!len).to_le_bytes());
        out.extend_from_slice(b);
    }
    out.extend_from_slice(&adler32(data).to_be_bytes());
    out
}

fn crc32(data: &[u8]) -> u32 {
    let mut c = 0xffff_ffffu32;
    for &b in data {
        c ^= u32::from(b);
        for _ in 0..8 {
            c = if c & 1 != 0 {
                0xedb8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
        }
    }
    !c
}

fn adler32(data: &[u8]) -> u32 {
    let (mut a, mut b) = (1u32, 0u32);
    for &x in data {
        a = (a + u32::from(x)) % 65_521;
        b = (b + a) % 65_521;
    }
    (b << 16) | a
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checksums_match_their_reference_values() {
        assert_eq!(
            crc32(b"IEND"),
            0xae42_6082,
            "the IEND chunk's well-known CRC"
        );
        assert_eq!(adler32(b"Wikipedia"), 0x11e6_0398);
    }

    #[test]
    fn the_png_is_a_square_greyscale_image_of_the_code() {
        let code = qrcode::QrCode::new(b"http://127.0.0.1/pay/chrg_x").unwrap();
        let p = png(&code);
        assert_eq!(&p[..8], b"\x89PNG\r\n\x1a\n");
        assert_eq!(&p[12..16], b"IHDR");
        let side = u32::from_be_bytes([p[16], p[17], p[18], p[19]]) as usize;
        assert_eq!(side, (code.width() + 2 * QUIET) * SCALE);
        assert_eq!(&p[p.len() - 8..p.len() - 4], b"IEND");
        assert_eq!(Format::of_filename("qrcode.png"), Format::Png);
        assert_eq!(Format::of_filename("qrcode.svg"), Format::Svg);
    }
}
