//! The shopper's inputs for the selected method (phone, bank, instalment plan, email), under
//! the picker: each a labelled control with its error inline (`aria-invalid`,
//! `aria-describedby`), shown after Pay; nothing is sent until every one is valid
//! (`controller::pay` validates through `details::collect`). The controls are built with plain
//! DOM calls when the selection changes, and their values and errors live in the DOM (`form`):
//! a dozen view types would cost the bundle ~15 KB of generic rendering code.

use crate::build::ASKS_INPUTS;
use crate::checkout::Ctx;
use crate::details::Field;
use crate::form::{control_id, element, refill, set_error};
use crate::page::{by_id, find};
use kasir_core::catalogue::{BankChoice, MethodId};
use kasir_core::money::Money;
use kasir_core::shopper::{monthly, plan_allowed};
use kasir_core::text;
use leptos::prelude::event_target_value;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

/// Draw the inputs of the selected method (none when it asks none) under the picker's
/// `.kasir-details` (through `flows::show_inputs` when the selection changes); whether it drew
/// any.
pub fn show(ctx: &Rc<Ctx>, selected: Option<MethodId>) -> bool {
    find(&ctx.target, ".kasir-details").is_some_and(|el| build(ctx, &el, selected))
}

fn build(ctx: &Rc<Ctx>, box_: &Element, selected: Option<MethodId>) -> bool {
    box_.set_text_content(None);
    if !ASKS_INPUTS {
        return false;
    }
    let Some(offer) = selected.and_then(|m| ctx.offer_of(m)) else {
        return false;
    };
    let Some(doc) = box_.owner_document() else {
        return false;
    };
    let banks = Rc::new(ctx.banks(offer));
    let mut drawn = false;
    for f in ctx.details.fields(offer, ctx.device.mobile) {
        let _ = box_.append_child(&field(ctx, &doc, f, &banks));
        drawn = true;
    }
    drawn
}

/// The plan options of a bank: (months, text, allowed).
fn plans(ctx: &Ctx, bank: &BankChoice) -> Vec<(String, String, bool)> {
    let total = ctx.settings.money;
    let locale = ctx.settings.locale;
    let min = Money::new(bank.bank.min_monthly_minor, total.currency).format(locale);
    bank.terms
        .iter()
        .map(|&months| {
            let ok = plan_allowed(bank, total, months);
            let n = text::decimal(months.into());
            let each = monthly(total, months).format(locale);
            let key = if ok { "plan.option" } else { "plan.below_min" };
            let text = ctx
                .texts
                .tf(key, &[("months", &n), ("monthly", &each), ("min", &min)]);
            (n, text, ok)
        })
        .collect()
}

fn listen(el: &Element, event: &str, f: impl FnMut(web_sys::Event) + 'static) {
    let cb = Closure::<dyn FnMut(web_sys::Event)>::new(f).into_js_value();
    let _ = el.add_event_listener_with_callback(event, cb.unchecked_ref());
}

fn field(ctx: &Rc<Ctx>, doc: &Document, f: Field, banks: &Rc<Vec<BankChoice>>) -> Element {
    let tx = &ctx.texts;
    let id = control_id(&ctx.id_prefix, f);
    let err_id = [&id, "-error"].concat();
    let hint_id = [&id, "-hint"].concat();
    let wrap = element(doc, "div", &[("class", "kasir-field")], None);
    let label = match f {
        Field::Phone => "input.phone",
        Field::Email => "input.email",
        Field::Bank => "input.bank",
        Field::Plan => "input.plan",
    };
    let text = tx.t(label);
    let l = element(
        doc,
        "label",
        &[("class", "kasir-field-label"), ("for", &id)],
        Some(&text),
    );
    let _ = wrap.append_child(&l);
    let described = if f == Field::Phone {
        [&hint_id, " ", &err_id].concat()
    } else {
        err_id.clone()
    };
    let common = [
        ("id", id.as_str()),
        ("class", "kasir-input"),
        ("aria-describedby", described.as_str()),
    ];
    let control = match f {
        Field::Phone | Field::Email => {
            let (kind, value) = if f == Field::Phone {
                ("tel", &ctx.details.prefill.0)
            } else {
                ("email", &ctx.details.prefill.1)
            };
            let input = element(doc, "input", &common, None);
            for (k, v) in [("type", kind), ("autocomplete", kind), ("value", value)] {
                let _ = input.set_attribute(k, v);
            }
            input
        }
        Field::Bank | Field::Plan => {
            let select = element(doc, "select", &common, None);
            let choose = tx.t("input.choose");
            let _ = select.append_child(&element(doc, "option", &[("value", "")], Some(&choose)));
            if f == Field::Bank {
                let options: Vec<(String, String, bool)> = banks
                    .iter()
                    .map(|b| {
                        let name = if b.active {
                            b.bank.name.to_string()
                        } else {
                            tx.tf("bank.inactive", &[("bank", b.bank.name)])
                        };
                        (b.bank.code.to_string(), name, b.active)
                    })
                    .collect();
                refill(&select, &options);
            }
            select
        }
    };
    let on_change = {
        let (ctx, banks) = (ctx.clone(), banks.clone());
        move |ev: web_sys::Event| {
            // typing or choosing again clears that control's error; a bank sets its plans
            set_error(&ctx.target, &ctx.id_prefix, &ctx.texts, f, None);
            if f != Field::Bank {
                return;
            }
            let code = event_target_value(&ev);
            let plan = control_id(&ctx.id_prefix, Field::Plan);
            if let Some(select) = by_id(&ctx.target, &plan) {
                let options = banks
                    .iter()
                    .find(|b| b.bank.code == code)
                    .map(|b| plans(&ctx, b))
                    .unwrap_or_default();
                refill(&select, &options);
            }
        }
    };
    let event = if matches!(f, Field::Phone | Field::Email) {
        "input"
    } else {
        "change"
    };
    listen(&control, event, on_change);
    let _ = wrap.append_child(&control);
    let zero = f == Field::Plan
        && ctx
            .account
            .borrow()
            .as_ref()
            .is_some_and(|a| a.zero_interest_installments);
    let hint = match f {
        Field::Phone => Some(tx.t("input.phone_hint")),
        _ if zero => Some(tx.t("plan.zero_interest")),
        _ => None,
    };
    if let Some(h) = hint {
        let _ = wrap.append_child(&element(
            doc,
            "p",
            &[("class", "kasir-hint"), ("id", &hint_id)],
            Some(&h),
        ));
    }
    let err = element(
        doc,
        "p",
        &[
            ("class", "kasir-field-error"),
            ("id", &err_id),
            ("aria-live", "polite"),
        ],
        None,
    );
    let _ = wrap.append_child(&err);
    wrap
}
