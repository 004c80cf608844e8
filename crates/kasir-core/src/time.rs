//! RFC 3339 timestamps ↔ Unix milliseconds, without a date library (tiny in wasm).

use crate::text::parse_digits;

/// A timestamp that is not RFC 3339 / ISO 8601 with a zone.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not an RFC 3339 timestamp")]
pub struct BadTimestamp(pub String);

fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    // Howard Hinnant's algorithm.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// Parse `2024-09-24T03:18:40Z`, `2024-05-01T10:00:00+0000`, `…+07:00`, with optional
/// fractional seconds, into Unix milliseconds.
pub fn parse_rfc3339_ms(s: &str) -> Result<i64, BadTimestamp> {
    let bad = || BadTimestamp(s.to_string());
    let b = s.as_bytes();
    if b.len() < 20 || !s.is_ascii() {
        return Err(bad());
    }
    let num = |r: std::ops::Range<usize>| parse_digits(&s[r]).ok_or_else(bad);
    if b[4] != b'-'
        || b[7] != b'-'
        || !(b[10] == b'T' || b[10] == b't' || b[10] == b' ')
        || b[13] != b':'
        || b[16] != b':'
    {
        return Err(bad());
    }
    let (y, mo, d, h, mi, se) = (
        num(0..4)?,
        num(5..7)?,
        num(8..10)?,
        num(11..13)?,
        num(14..16)?,
        num(17..19)?,
    );
    if !(1..=12).contains(&mo) || !(1..=31).contains(&d) || h > 23 || mi > 59 || se > 60 {
        return Err(bad());
    }
    let mut i = 19;
    let mut ms = 0i64;
    if b[i] == b'.' {
        i += 1;
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return Err(bad());
        }
        let frac = &s[start..i.min(start + 3)];
        ms = parse_digits(frac).ok_or_else(bad)? * 10i64.pow(3 - frac.len() as u32);
    }
    let zone = &s[i..];
    let offset_min = match zone {
        "Z" | "z" => 0,
        _ if zone.len() == 6
            && (zone.starts_with('+') || zone.starts_with('-'))
            && &zone[3..4] == ":" =>
        {
            let v = num(i + 1..i + 3)? * 60 + num(i + 4..i + 6)?;
            if zone.starts_with('-') {
                -v
            } else {
                v
            }
        }
        _ if zone.len() == 5 && (zone.starts_with('+') || zone.starts_with('-')) => {
            let v = num(i + 1..i + 3)? * 60 + num(i + 3..i + 5)?;
            if zone.starts_with('-') {
                -v
            } else {
                v
            }
        }
        _ => return Err(bad()),
    };
    let days = days_from_civil(y, mo, d);
    Ok(((days * 86_400 + h * 3_600 + mi * 60 + se) - offset_min * 60) * 1_000 + ms)
}

/// Format Unix milliseconds as `2024-09-24T03:18:40Z` (whole seconds, as Opn does).
pub fn format_rfc3339(ms: i64) -> String {
    let secs = ms.div_euclid(1_000);
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3_600,
        rem % 3_600 / 60,
        rem % 60
    )
}

/// Format Unix milliseconds as ecommpay does: `2024-05-01T10:00:00+0000`.
pub fn format_ecommpay(ms: i64) -> String {
    let mut s = format_rfc3339(ms);
    s.pop();
    s.push_str("+0000");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_seed_shapes() {
        assert_eq!(parse_rfc3339_ms("1970-01-01T00:00:00Z").unwrap(), 0);
        assert_eq!(
            parse_rfc3339_ms("2024-09-24T03:18:40Z").unwrap(),
            1_727_147_920_000
        );
        assert_eq!(
            parse_rfc3339_ms("2024-09-24T10:18:40+07:00").unwrap(),
            1_727_147_920_000
        );
        assert_eq!(
            parse_rfc3339_ms("2024-05-01T10:00:00+0000").unwrap(),
            1_714_557_600_000
        );
        assert_eq!(
            parse_rfc3339_ms("2024-05-01T10:00:00.25Z").unwrap(),
            1_714_557_600_250
        );
        for bad in [
            "",
            "2024-13-01T00:00:00Z",
            "2024-05-01",
            "2024-05-01T10:00:00",
            "2024-05-01T10:00:00+7",
            "２０２４-05-01T10:00:00Z",
        ] {
            assert!(parse_rfc3339_ms(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn formats_round_trip() {
        for ms in [0i64, 1_727_147_920_000, 951_782_400_000, 4_102_444_800_000] {
            assert_eq!(parse_rfc3339_ms(&format_rfc3339(ms)).unwrap(), ms);
            assert_eq!(parse_rfc3339_ms(&format_ecommpay(ms)).unwrap(), ms);
        }
        assert_eq!(format_rfc3339(1_727_147_920_000), "2024-09-24T03:18:40Z");
    }
}
