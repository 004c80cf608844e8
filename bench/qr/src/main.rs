//! Native timing: `kasir-qr-bench [iterations]` prints JSON with the mean per encode+render.
use std::time::Instant;

fn main() {
    let n: u32 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1000);
    let p = kasir_qr_bench::payload();
    assert_eq!(p.len(), 300);
    let svg = kasir_qr_bench::qr_svg(&p).expect("encodes");
    kasir_qr_bench::run(20); // warm-up
    let t = Instant::now();
    let total = kasir_qr_bench::run(n);
    let el = t.elapsed();
    println!(
        "{{\"iterations\":{n},\"payload_chars\":{},\"svg_bytes\":{},\"mean_us\":{:.1},\"total_ms\":{:.1},\"checksum\":{total}}}",
        p.len(),
        svg.len(),
        el.as_secs_f64() * 1e6 / n as f64,
        el.as_secs_f64() * 1e3
    );
}
