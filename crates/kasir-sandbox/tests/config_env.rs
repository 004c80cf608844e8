//! Environment variables of the expiry flag (its own binary: it sets process environment, which
//! every `Config::default()` of a parallel test would read).

use clap::Parser;
use kasir_sandbox::Config;

#[test]
fn expiry_env_vars_old_and_new() {
    std::env::set_var("KASIR_QR_EXPIRY_SECS", "7");
    let old = Config::try_parse_from(["kasir-sandbox"]).unwrap();
    assert_eq!(
        old.expiry_ms(600),
        7000,
        "KASIR_QR_EXPIRY_SECS still sets the expiry"
    );
    std::env::set_var("KASIR_EXPIRY_SECS", "9");
    let both = Config::try_parse_from(["kasir-sandbox"]).unwrap();
    assert_eq!(both.expiry_ms(600), 9000, "KASIR_EXPIRY_SECS wins");
    let flag = Config::try_parse_from(["kasir-sandbox", "--expiry-secs", "3"]).unwrap();
    assert_eq!(
        flag.expiry_ms(600),
        3000,
        "the flag wins over the environment"
    );
    std::env::remove_var("KASIR_QR_EXPIRY_SECS");
    std::env::remove_var("KASIR_EXPIRY_SECS");
    assert_eq!(
        Config::try_parse_from(["kasir-sandbox"])
            .unwrap()
            .expiry_ms(600),
        600_000
    );
}
