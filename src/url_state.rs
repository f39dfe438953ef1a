//! The reactive filter state and its mirror in the page URL.
//!
//! The URL query is the source of truth: the state starts from `location.search`, every change
//! pushes a history entry (keeping unrelated query keys, see [`Filters::merge_into_query`]) and
//! `popstate` (Back/Forward) reads the query again. Only the query string changes, so the app
//! works under any sub-path without a router.

use leptos::prelude::*;
use recap_query::{Facet, Filters};

/// The current `location.search` (with its leading `?`, or empty).
fn current_search() -> String {
    web_sys::window()
        .and_then(|window| window.location().search().ok())
        .unwrap_or_default()
}

/// Reads the filters from the page URL.
pub fn filters_from_location() -> Filters {
    Filters::from_query(&current_search())
}

/// Pushes a history entry whose query holds `filters` (other query keys and the hash are kept).
/// Does nothing when the URL would not change.
pub fn push_filters(filters: &Filters) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let search = location.search().unwrap_or_default();
    let query = filters.merge_into_query(&search);
    let new_search = if query.is_empty() {
        String::new()
    } else {
        format!("?{query}")
    };
    if new_search == search {
        return;
    }
    let path = location.pathname().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    let url = format!("{path}{new_search}{hash}");
    if let Ok(history) = window.history() {
        let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// The filter state shared by the filter panel and the card list (provided as context).
#[derive(Debug, Clone, Copy)]
pub struct FilterState {
    filters: RwSignal<Filters>,
}

impl FilterState {
    /// Creates the state from the page URL and follows Back/Forward until the owning view is
    /// unmounted. Call inside a component.
    pub fn from_url() -> FilterState {
        let filters = RwSignal::new(filters_from_location());
        let listener = window_event_listener(leptos::ev::popstate, move |_| {
            filters.set(filters_from_location());
        });
        on_cleanup(move || listener.remove());
        FilterState { filters }
    }

    /// The current filters (reactive).
    pub fn filters(&self) -> Signal<Filters> {
        self.filters.into()
    }

    /// Whether `id` is selected in `facet` (reactive).
    pub fn is_selected(&self, facet: Facet, id: &str) -> bool {
        self.filters.with(|filters| filters.is_selected(facet, id))
    }

    /// Selects or deselects one option and records the change in the URL.
    pub fn toggle(&self, facet: Facet, id: &str) {
        self.update(|filters| filters.toggle(facet, id));
    }

    /// Removes every filter and records the change in the URL.
    pub fn clear(&self) {
        self.update(|filters| *filters = Filters::default());
    }

    fn update(&self, change: impl FnOnce(&mut Filters)) {
        let mut next = self.filters.get_untracked();
        change(&mut next);
        if next != self.filters.get_untracked() {
            push_filters(&next);
            self.filters.set(next);
        }
    }
}
