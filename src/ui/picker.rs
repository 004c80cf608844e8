//! The method picker: an accessible radio group (roving tabindex, arrow keys move and select,
//! Space/Enter select) where a method outside its amount limits is shown disabled *with the
//! reason*, and the Pay button.

use crate::checkout;
use crate::controller::{pay, select};
use crate::flow::Phase;
use crate::page::by_id;
use crate::ui::icons::icon;
use crate::ui::inputs::ShopperInputs;
use kasir_core::catalogue::{availability, Availability, MethodId, Unavailable};
use leptos::prelude::*;

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

/// The picker screen, once the account's methods are known.
#[component]
pub fn Picker() -> impl IntoView {
    // read inside: a reactive closure must be `Send`, the checkout is not
    move || {
        checkout::current()
            .account_known()
            .then(|| view! { <Methods/> })
    }
}

/// The methods of the account (those it has not enabled are left out), each disabled with the
/// reason where it cannot be used here.
#[component]
fn Methods() -> impl IntoView {
    let ctx = checkout::current();
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
    let on_keydown = {
        let select = select.clone();
        let enabled = enabled.clone();
        let item_id = item_id.clone();
        let scope = ctx.target.clone();
        move |ev: web_sys::KeyboardEvent| {
            if enabled.is_empty() {
                return;
            }
            let current = machine
                .with_untracked(|m| m.selected)
                .and_then(|m| enabled.iter().position(|x| *x == m));
            let len = enabled.len();
            let next = match ev.key().as_str() {
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
    let radios = items
        .into_iter()
        .map(|item| {
            let m = item.method;
            let id = item_id(m);
            let reason_id = [&id, "-reason"].concat();
            let disabled = item.reason.is_some();
            let icon = icon(&ctx, m);
            let described = item.reason.as_ref().map(|_| reason_id.clone());
            let checked = move || machine.with(|mm| mm.selected == Some(m));
            let tabindex = move || {
                let sel = machine.with(|mm| mm.selected);
                if disabled {
                    "-1"
                } else if sel == Some(m) || (sel.is_none() && first_enabled == Some(m)) {
                    "0"
                } else {
                    "-1"
                }
            };
            let click = {
                let select = select.clone();
                move |_| {
                    if !disabled {
                        select(m)
                    }
                }
            };
            let key = {
                let select = select.clone();
                move |ev: web_sys::KeyboardEvent| {
                    if !disabled && (ev.key() == " " || ev.key() == "Enter") {
                        ev.prevent_default();
                        select(m);
                    }
                }
            };
            view! {
                <div
                    id=id.clone()
                    class="kasir-method"
                    role="radio"
                    aria-checked=move || if checked() { "true" } else { "false" }
                    aria-disabled=if disabled { Some("true") } else { None }
                    aria-describedby=described
                    tabindex=tabindex
                    data-method=m.as_str()
                    on:click=click
                    on:keydown=key
                >
                    <span class="kasir-radio" aria-hidden="true"></span>
                    <span class="kasir-icon" aria-hidden="true" data-mark=icon.mark inner_html=icon.markup></span>
                    <span class="kasir-method-name">{m.display_name()}</span>
                    {item.reason.map(|r| view! { <span class="kasir-method-reason" id=reason_id>{r}</span> })}
                </div>
            }
        })
        .collect_view();
    let label_id = [&ctx.id_prefix, "-label"].concat();
    let amount = s.money.format(locale);
    let busy = move || machine.with(|m| m.phase == Phase::Creating);
    let can_pay = move || machine.with(|m| m.selected.is_some() && m.phase == Phase::Picking);
    let pay_ctx = ctx.clone();
    let none = enabled.is_empty();
    view! {
        <div class="kasir-picker">
            <p class="kasir-label" id=label_id.clone()>{tx.t("picker.label")}</p>
            <div class="kasir-methods" role="radiogroup" aria-labelledby=label_id on:keydown=on_keydown>
                {radios}
            </div>
            {none.then(|| view! { <p class="kasir-note">{tx.t("error.none_available")}</p> })}
            <ShopperInputs/>
            <button
                type="button"
                class="kasir-button kasir-primary kasir-pay"
                disabled=move || !can_pay()
                aria-busy=move || if busy() { "true" } else { "false" }
                on:click=move |_| pay(&pay_ctx)
            >
                {move || if busy() { tx.t("pay.working") } else { tx.tf("pay.button", &[("amount", &amount)]) }}
            </button>
        </div>
    }
}
