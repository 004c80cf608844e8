//! Three radio buttons and the selected one's name: Leptos's runtime, one signal, one
//! reactive text, event handlers, mounted into `#pay` by the exported `start()`.
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

const METHODS: [&str; 3] = ["TrueMoney Wallet", "TrueMoney QR", "PromptPay"];

#[component]
fn Picker() -> impl IntoView {
    let chosen = RwSignal::new(None::<usize>);
    view! {
        <fieldset>
            <legend>"Pay with"</legend>
            {METHODS.iter().enumerate().map(|(i, name)| view! {
                <label><input type="radio" name="m" on:change=move |_| chosen.set(Some(i))/>{*name}</label>
            }).collect_view()}
            <p>{move || chosen.get().map(|i| METHODS[i]).unwrap_or("")}</p>
        </fieldset>
    }
}

/// The widget's allocator (the root crate's `src/lib.rs`).
#[global_allocator]
static ALLOCATOR: lol_alloc::LockedAllocator<lol_alloc::FreeListAllocator> =
    lol_alloc::LockedAllocator::new(lol_alloc::FreeListAllocator::new());

/// Mount the picker into `#pay`.
#[wasm_bindgen]
pub fn start() {
    let el = document().get_element_by_id("pay").unwrap();
    leptos::mount::mount_to(el.unchecked_into(), Picker).forget();
}
