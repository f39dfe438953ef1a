//! The search box: results follow every keystroke (the index answers in well under a frame,
//! so there is no debounce), `/` focuses it from anywhere, Escape clears it.

use leptos::html::Input;
use leptos::prelude::*;

use crate::url_state::PageState;

/// The search field above the results.
#[component]
pub fn SearchBox(state: PageState, input_ref: NodeRef<Input>) -> impl IntoView {
    let filters = state.filters();
    let text = move || filters.with(|filters| filters.text().to_owned());
    let has_text = move || filters.with(|filters| !filters.text().is_empty());
    let id = crate::filters::unique_id("recap-search");
    view! {
        <div class="search" role="search">
            <label class="visually-hidden" for=id.clone()>
                "Search talks"
            </label>
            <svg class="search-icon" viewBox="0 0 24 24" aria-hidden="true">
                <circle cx="11" cy="11" r="7" />
                <path d="m20 20-4.2-4.2" />
            </svg>
            <input
                id=id
                node_ref=input_ref
                class="search-input"
                data-testid="search"
                type="search"
                autocomplete="off"
                spellcheck="false"
                placeholder="Search talks, speakers, notes…"
                aria-keyshortcuts="/"
                prop:value=text
                on:input=move |event| state.set_text(&event_target_value(&event))
                on:keydown=move |event| {
                    if event.key() == "Escape" && has_text() {
                        event.prevent_default();
                        state.set_text("");
                    }
                }
            />
            <kbd class="search-hint" aria-hidden="true" class:is-hidden=has_text>
                "/"
            </kbd>
        </div>
    }
}
