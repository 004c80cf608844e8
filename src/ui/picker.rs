//! The method picker: an accessible radio group (roving tabindex, arrow keys move and select,
//! Space/Enter select) where a method outside its amount limits is shown disabled *with the
//! reason*, and the Pay button.

use crate::checkout::{Checkout, Ctx};
use crate::controller::select;
use crate::flow::{Machine, Phase};
use crate::flows::{pay, prefetch, show_inputs};
use crate::form::element;
use crate::page::{by_id, find};
use crate::ui::icons;
use kasir_core::catalogue::{availability, Availability, MethodId, Unavailable};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

struct Item {
    method: MethodId,
    reason: Option<String>,
}

fn focus_id(scope: &web_sys::HtmlElement, id: &str) {
    // relative to the widget's element, so it also works inside a shadow root
    if let Some(el) = by_id(scope, id) {
        let _ = el.focus();
    }
}

/// The picker screen (drawn once the account's methods are known): the methods of the account
/// (those it has not enabled are left out), each disabled with the reason where it cannot be
/// used here.
#[component]
pub fn Picker(
    /// The mounted checkout.
    ck: Checkout,
) -> impl IntoView {
    let ctx = ck.get();
    let machine = ctx.machine;
    let s = &ctx.settings;
    let locale = s.locale;
    let tx = ctx.texts.clone();
    let mobile = ctx.device.mobile;
    let account = ctx.account.borrow().clone().unwrap_or_default();
    let items: Vec<Item> = s
        .methods
        .iter()
        .filter(|&&m| ctx.offer_of(m).is_some_and(|o| account.offers(o, mobile)))
        .map(|&method| Item {
            method,
            reason: match availability(method, s.provider, s.money) {
                Availability::Available(o) if o.mobile_only && !mobile => {
                    Some(tx.t("reason.phone_only"))
                }
                Availability::Available(_) => None,
                Availability::Unavailable(Unavailable::BelowMinimum { min }) => {
                    Some(tx.tf("reason.below_min", &[("amount", &min.format(locale))]))
                }
                Availability::Unavailable(Unavailable::AboveMaximum { max }) => {
                    Some(tx.tf("reason.above_max", &[("amount", &max.format(locale))]))
                }
                Availability::Unavailable(_) => Some(tx.t("error.none_available")),
            },
        })
        .collect();
    let enabled: Vec<MethodId> = items
        .iter()
        .filter(|i| i.reason.is_none())
        .map(|i| i.method)
        .collect();
    let prefix = ctx.id_prefix.clone();
    let item_id = move |m: MethodId| [&prefix, "-", m.as_str()].concat();
    let first_enabled = enabled.first().copied();

    let select = {
        let ctx = ctx.clone();
        move |m: MethodId| select(&ctx, m)
    };
    // one pair of handlers for the whole group: the radio an event concerns is the nearest
    // `[data-method]` of its target, and only an enabled one is selected
    let target_method = |ev: &web_sys::Event| {
        ev.target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("[data-method]").ok().flatten())
            .and_then(|row| method_of(&row))
    };
    let on_click = {
        let select = select.clone();
        let enabled = enabled.clone();
        move |ev: web_sys::MouseEvent| {
            if let Some(m) = target_method(&ev).filter(|m| enabled.contains(m)) {
                select(m);
            }
        }
    };
    let on_keydown = {
        let enabled = enabled.clone();
        let item_id = item_id.clone();
        let scope = ctx.target.clone();
        move |ev: web_sys::KeyboardEvent| {
            if enabled.is_empty() {
                return;
            }
            let key = ev.key();
            if key == " " || key == "Enter" {
                if let Some(m) = target_method(&ev).filter(|m| enabled.contains(m)) {
                    ev.prevent_default();
                    select(m);
                }
                return;
            }
            let current = machine
                .with_untracked(|m| m.selected)
                .and_then(|m| enabled.iter().position(|x| *x == m));
            let len = enabled.len();
            let next = match key.as_str() {
                "ArrowDown" | "ArrowRight" => current.map_or(0, |i| (i + 1) % len),
                "ArrowUp" | "ArrowLeft" => current.map_or(len - 1, |i| (i + len - 1) % len),
                "Home" => 0,
                "End" => len - 1,
                _ => return,
            };
            ev.prevent_default();
            select(enabled[next]);
            focus_id(&scope, &item_id(enabled[next]));
        }
    };
    // the rows are built with plain DOM calls when the group is created (a directive runs then,
    // in the same render), and one effect keeps their `aria-checked` and roving `tabindex` in
    // step with the selection and draws the selected method's inputs: a typed view per row, with
    // two reactive attributes and two handlers each, cost the bundle ~3 KB more (bench/SIZE.md)
    let group_id = [&ctx.id_prefix, "-methods"].concat();
    let draw = {
        let ctx = ctx.clone();
        move |group: web_sys::Element| {
            draw_rows(&ctx, &group, &items, &item_id);
            mark_selected(
                &group,
                machine.with_untracked(|m| m.selected),
                first_enabled,
            );
        }
    };
    let amount = s.money.format(locale);
    // the Pay button: (disabled, aria-busy, text) in a state of the machine
    let pay_state = {
        let tx = tx.clone();
        move |m: &Machine| {
            let busy = m.phase == Phase::Creating;
            let text = if busy {
                tx.t("pay.working")
            } else {
                tx.tf("pay.button", &[("amount", &amount)])
            };
            let can_pay = m.selected.is_some() && m.phase == Phase::Picking;
            (!can_pay, if busy { "true" } else { "false" }, text)
        }
    };
    let (pay_disabled, pay_busy, pay_text) = machine.with_untracked(&pay_state);
    // one effect (not a reactive attribute each: every one is more generic code in the bundle)
    // moves the selection's marks, draws its inputs and sets the Pay button
    let effect_ctx = ctx.clone();
    let effect_group = group_id.clone();
    Effect::new(move |prev: Option<Option<MethodId>>| {
        let (selected, pay) = machine.with(|m| (m.selected, pay_state(m)));
        let scope = &effect_ctx.target;
        if prev.is_none() {
            // the picker is drawn: the flows' chunk of a split build can come now
            prefetch();
        }
        if prev != Some(selected) {
            if let Some(group) = by_id(scope, &effect_group) {
                mark_selected(&group, selected, first_enabled);
            }
            // (drawn by the flows' chunk of a split build: nothing to draw before a selection)
            if prev.is_some() || selected.is_some() {
                show_inputs(&effect_ctx);
            }
        }
        if let Some(button) = find(scope, ".kasir-pay") {
            let _ = match pay.0 {
                true => button.set_attribute("disabled", ""),
                false => button.remove_attribute("disabled"),
            };
            let _ = button.set_attribute("aria-busy", pay.1);
            button.set_text_content(Some(&pay.2));
        }
        selected
    });
    let label_id = [&ctx.id_prefix, "-label"].concat();
    let pay_ctx = ctx.clone();
    let none = enabled.is_empty();
    view! {
        <div class="kasir-picker">
            <p class="kasir-label" id=label_id.clone()>{tx.t("picker.label")}</p>
            <div
                class="kasir-methods"
                id=group_id
                role="radiogroup"
                aria-labelledby=label_id
                on:click=on_click
                on:keydown=on_keydown
                use:draw
            ></div>
            {none.then(|| view! { <p class="kasir-note">{tx.t("error.none_available")}</p> })}
            <div class="kasir-details"></div>
            <button
                type="button"
                class="kasir-button kasir-primary kasir-pay"
                disabled=pay_disabled
                aria-busy=pay_busy
                on:click=move |_| pay(&pay_ctx)
            >
                {pay_text}
            </button>
        </div>
    }
}

/// The rows of the radio group: each an element with the method's mark, name and, when it
/// cannot be chosen here, the reason (its `aria-describedby`).
fn draw_rows(
    ctx: &Ctx,
    group: &web_sys::Element,
    items: &[Item],
    item_id: &dyn Fn(MethodId) -> String,
) {
    let Some(doc) = group.owner_document() else {
        return;
    };
    for item in items {
        let m = item.method;
        let id = item_id(m);
        let row = element(
            &doc,
            "div",
            &[
                ("id", &id),
                ("class", "kasir-method"),
                ("role", "radio"),
                ("data-method", m.as_str()),
            ],
            None,
        );
        let radio = element(&doc, "span", &[("class", "kasir-radio")], None);
        let mark = element(&doc, "span", &[("class", "kasir-icon")], None);
        icons::draw(ctx, &mark, m);
        for el in [&radio, &mark] {
            let _ = el.set_attribute("aria-hidden", "true");
            let _ = row.append_child(el);
        }
        let name = element(
            &doc,
            "span",
            &[("class", "kasir-method-name")],
            Some(m.display_name()),
        );
        let _ = row.append_child(&name);
        if let Some(reason) = &item.reason {
            let reason_id = [&id, "-reason"].concat();
            let _ = row.set_attribute("aria-disabled", "true");
            let _ = row.set_attribute("aria-describedby", &reason_id);
            let _ = row.append_child(&element(
                &doc,
                "span",
                &[("class", "kasir-method-reason"), ("id", &reason_id)],
                Some(reason),
            ));
        }
        let _ = group.append_child(&row);
    }
}

/// The method of a row (its `data-method`).
fn method_of(row: &web_sys::Element) -> Option<MethodId> {
    row.get_attribute("data-method")?.parse().ok()
}

/// Each row's `aria-checked`, and the roving `tabindex`: on the selected method, else on the
/// first enabled one; never on a disabled one.
fn mark_selected(
    group: &web_sys::Element,
    selected: Option<MethodId>,
    first_enabled: Option<MethodId>,
) {
    let Ok(rows) = group.query_selector_all("[data-method]") else {
        return;
    };
    let focusable = selected.or(first_enabled);
    for i in 0..rows.length() {
        let Some(row) = rows
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let m = method_of(&row);
        let checked = m.is_some() && m == selected;
        let tab = m.is_some() && m == focusable && !row.has_attribute("aria-disabled");
        let _ = row.set_attribute("aria-checked", if checked { "true" } else { "false" });
        let _ = row.set_attribute("tabindex", if tab { "0" } else { "-1" });
    }
}
