//! One mounted checkout's state ([`Ctx`]) and the handle the screens take as a prop
//! ([`Checkout`]). A leaf of the widget: the controller, the PSP adapters,
//! the events and the screens all read it; it reads none of them.

use crate::config::Settings;
use crate::details::Details;
use crate::flow::{Machine, Phase};
use crate::i18n::Texts;
use crate::page::{find, Device};
use js_sys::Function;
use kasir_core::catalogue::{offer, Account, BankChoice, MethodId, Offer};
use leptos::prelude::*;
use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::JsValue;
use web_sys::HtmlElement;

/// Everything one mounted checkout needs (not `Send`: lives in the UI thread only).
pub struct Ctx {
    /// Validated options.
    pub settings: Settings,
    /// The merchant's options object (hooks and callbacks are read from it).
    pub options: JsValue,
    /// The element the widget is mounted on (events are dispatched here).
    pub target: HtmlElement,
    /// False once destroyed: async work checks it after every await.
    pub alive: Cell<bool>,
    /// Resolves `checkout.result`.
    pub resolve_result: RefCell<Option<Function>>,
    /// The PSP object of the current payment (passed to `retrievePayment`).
    pub last_payment: RefCell<JsValue>,
    /// Unique prefix for element ids.
    pub id_prefix: String,
    /// The shopper's device.
    pub device: Device,
    /// The checkout state machine (phase, selected method, attempt).
    pub machine: RwSignal<Machine>,
    /// UI strings (locale + the merchant's overrides).
    pub texts: Texts,
    /// The locale's text table is in (or could not load): the screens wait for it
    /// ([`Ctx::texts_shown`]).
    pub texts_ready: Cell<bool>,
    /// Notified when `texts_ready` turns true.
    pub texts_arrived: Trigger,
    /// The PSP's browser-side secret for the current payment (WooshPay `client_secret`), from
    /// the options or from the merchant's answer.
    pub client_secret: RefCell<Option<String>>,
    /// The payment of the merchant's own `clientSecret` option has ended (it cannot be paid
    /// again).
    pub given_secret_finished: Cell<bool>,
    /// What the merchant's account has enabled (Opn capability); `None` while it is read.
    pub account: RefCell<Option<Account>>,
    /// Notified when `account` has been read (the picker waits for it).
    pub account_read: Trigger,
    /// The shopper's inputs (phone, email, bank, plan).
    pub details: Details,
    /// A pending payment could not be picked up (the flows' chunk did not load): the next Pay
    /// picks it up instead of starting another (`flows`).
    pub resume_owed: Cell<bool>,
    /// The selected method's inputs could not be drawn (same): the next Pay draws them instead
    /// of paying without them.
    pub inputs_owed: Cell<bool>,
    /// The screen after the picker the flows drew (`ui::screens`), with the phase it shows:
    /// taking it removes it.
    pub screen: RefCell<Option<(Phase, Box<dyn Any>)>>,
}

impl Ctx {
    /// The method selected / being paid (the state machine holds it; this is its one copy).
    pub fn method(&self) -> Option<MethodId> {
        self.machine.try_with_untracked(|m| m.selected).flatten()
    }
    /// The catalogue row of `method` for this checkout's provider and currency.
    pub fn offer_of(&self, method: MethodId) -> Option<&'static Offer> {
        offer(method, self.settings.provider, self.settings.money.currency)
    }
    /// The banks the shopper can choose for a row on this device (the account's, else the
    /// catalogue's).
    pub fn banks(&self, offer: &'static Offer) -> Vec<BankChoice> {
        match &*self.account.borrow() {
            Some(a) => a.banks(offer, self.device.mobile),
            None => Account::everything().banks(offer, self.device.mobile),
        }
    }
    /// Whether the account has been read (tracked: a screen re-renders when it is).
    pub fn account_known(&self) -> bool {
        self.account_read.track();
        self.account.borrow().is_some()
    }
    /// Store the account and tell the screens.
    pub fn set_account(&self, account: Account) {
        *self.account.borrow_mut() = Some(account);
        self.account_read.notify();
    }
    /// Show `message` in the widget's alert region (`None` clears it). Set in the DOM, not
    /// through a signal: the region is always drawn while the checkout is mounted, and a
    /// reactive text would be one more effect's code in the bundle.
    pub fn set_error(&self, message: Option<String>) {
        if let Some(alert) = find(&self.target, ".kasir-error") {
            alert.set_text_content(message.as_deref());
        }
    }
    /// Whether the screens can be drawn: the locale's texts are in (tracked).
    pub fn texts_shown(&self) -> bool {
        self.texts_arrived.track();
        self.texts_ready.get()
    }
    /// The selected method's brand name ("" when none).
    pub fn method_name(&self) -> &'static str {
        self.method().map(MethodId::display_name).unwrap_or("")
    }
}

/// A `Copy` handle on the mounted checkout, kept in the reactive arena (owned by the mount's
/// root, so it goes with it). The screens take it as a prop, and their reactive closures, which
/// must be `Send`, capture it rather than the `Rc`. Not the Leptos context: its map of types
/// (hashing, growing, the lookup up the owners) costs the bundle more than a prop (bench/SIZE.md).
#[derive(Clone, Copy)]
pub struct Checkout(StoredValue<Rc<Ctx>, LocalStorage>);

impl Checkout {
    /// Keep `ctx` under the current owner.
    pub fn new(ctx: Rc<Ctx>) -> Checkout {
        Checkout(StoredValue::new_local(ctx))
    }
    /// The checkout (its screens are only drawn while it is mounted).
    pub fn get(self) -> Rc<Ctx> {
        self.0.get_value()
    }
}
