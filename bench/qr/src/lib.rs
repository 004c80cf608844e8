//! The QR module's path (`crates/kasir-qr::qr_svg`, the same code) on a 300-character payload.

/// A 300-character EMVCo-style payload (PromptPay/TrueMoney QR strings look like this).
pub fn payload() -> String {
    let head =
        "00020101021230830016A00000067701011201150105560068127960219KASIRBENCH000000000000000000";
    let mut s = String::from(head);
    let mut i = 0u32;
    while s.len() < 300 {
        s.push(char::from(b'0' + (i % 10) as u8));
        i += 1;
    }
    s.truncate(300);
    s
}

/// The QR module's renderer (`crates/kasir-qr`).
pub use kasir_qr::qr_svg;

/// Encode + render `n` times; returns the total SVG length (so nothing is optimised away).
pub fn run(n: u32) -> usize {
    let p = payload();
    let mut total = 0;
    for _ in 0..n {
        total += qr_svg(std::hint::black_box(&p))
            .map(|s| s.len())
            .unwrap_or(0);
    }
    total
}

/// wasm entry point: `bench(n)` → total SVG bytes; the caller times it (no imports needed).
#[cfg(target_arch = "wasm32")]
#[no_mangle]
pub extern "C" fn bench(n: u32) -> u32 {
    run(n) as u32
}

/// Length of the payload (sanity check from JS).
#[cfg(target_arch = "wasm32")]
#[no_mangle]
pub extern "C" fn payload_len() -> u32 {
    payload().len() as u32
}
