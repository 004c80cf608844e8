//! The Opn source types the catalogue knows (bank-in-name rows expanded per bank), and the
//! checks of the flags that name them. A leaf: catalogue data only, no sandbox state.

use kasir_core::catalogue::{offers_of, Bank, Input, Offer, Psp};

/// One source type of the catalogue: its name, row, the bank it carries (bank-in-name rows) and
/// the currencies of every row with that name.
#[derive(Debug, Clone)]
pub struct SourceType {
    /// The wire name (`truemoney_jumpapp`, `installment_bay`).
    pub name: String,
    /// The first catalogue row with it.
    pub row: &'static Offer,
    /// The bank in the name, for bank-in-name rows.
    pub bank: Option<&'static Bank>,
    /// ISO codes.
    pub currencies: Vec<&'static str>,
}

/// Every Opn source type the catalogue knows, in catalogue order.
pub fn source_types() -> Vec<SourceType> {
    let mut out: Vec<SourceType> = Vec::new();
    for o in offers_of(Psp::Omise) {
        let names: Vec<(String, Option<&'static Bank>)> =
            if o.inputs.contains(&Input::BankInWireName) {
                o.banks
                    .iter()
                    .map(|b| (o.wire_name_with(false, Some(b.code)), Some(b)))
                    .collect()
            } else {
                std::iter::once(o.wire_name)
                    .chain(o.wire_name_mobile)
                    .map(|n| (n.to_string(), None))
                    .collect()
            };
        for (name, bank) in names {
            let code = o.currency.code();
            match out.iter_mut().find(|t| t.name == name) {
                Some(t) if !t.currencies.contains(&code) => t.currencies.push(code),
                Some(_) => {}
                None => out.push(SourceType {
                    name,
                    row: o,
                    bank,
                    currencies: vec![code],
                }),
            }
        }
    }
    out
}

/// Check a `--omise-disable-methods` value: a known source type.
pub fn parse_disabled(s: &str) -> Result<String, String> {
    let s = s.trim();
    if source_types().iter().any(|t| t.name == s) {
        Ok(s.to_string())
    } else {
        Err(format!(
            "`{s}` is not an Opn source type of the catalogue (e.g. promptpay, installment_kbank)"
        ))
    }
}

/// Check a `--omise-inactive-banks` value: `{method}:{bank}` for a method with a bank field.
pub fn parse_inactive(s: &str) -> Result<String, String> {
    let s = s.trim();
    let ok = s.split_once(':').is_some_and(|(m, b)| {
        source_types()
            .iter()
            .any(|t| t.name == m && t.row.inputs.contains(&Input::Bank) && t.row.bank(b).is_some())
    });
    if ok {
        Ok(s.to_string())
    } else {
        Err(format!(
            "`{s}` is not `method:bank` for an Opn method with a bank list (e.g. fpx:rhb)"
        ))
    }
}
