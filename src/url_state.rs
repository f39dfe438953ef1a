//! The reader's place in the archive and its mirror in the page URL: the filters and search
//! text, the sort order and the open talk (`?q=…&track=…&sort=title&talk=…`).
//!
//! The URL query is the source of truth: the state starts from `location.search`, every change
//! writes the query back (keeping unrelated keys such as `embed=1`) and `popstate` (Back and
//! Forward) reads it again. A viewer embedded as a custom element keeps its place in memory
//! instead (several can share a page), starting from its attributes, and reports changes as DOM
//! events (see [`crate::embed`]). Only the query string changes, so the app works under any sub-path
//! without a router. Typing in the search box *replaces* the history entry (one entry per
//! search, not per keystroke); everything else *pushes* one, so Back undoes it.

use leptos::prelude::*;
use recap_query::{ActiveFilter, Facet, Filters, SortOrder};
use web_sys::{HtmlElement, UrlSearchParams};

use crate::embed::{self, EVENT_FILTERS, EVENT_TALK_CLOSE, EVENT_TALK_OPEN, EmbedOptions};

/// Query key of the sort order.
const SORT_KEY: &str = "sort";
/// Query key of the open talk.
pub const TALK_KEY: &str = "talk";

/// How a change is recorded in the browser history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum History {
    /// A new entry: Back returns to the state before the change.
    Push,
    /// The current entry is rewritten (search typing).
    Replace,
}

/// The current `location.search` (with its leading `?`, or empty).
fn current_search() -> String {
    web_sys::window()
        .and_then(|window| window.location().search().ok())
        .unwrap_or_default()
}

/// The place read from a URL query.
#[derive(Debug, Clone, PartialEq)]
struct Place {
    filters: Filters,
    sort: Option<SortOrder>,
    talk: Option<String>,
}

impl Place {
    fn from_search(search: &str) -> Place {
        let params = UrlSearchParams::new_with_str(search).ok();
        let get = |key: &str| {
            params
                .as_ref()
                .and_then(|params| params.get(key))
                .filter(|value| !value.is_empty())
        };
        Place {
            filters: Filters::from_query(search),
            sort: get(SORT_KEY).and_then(|value| SortOrder::from_query_value(&value)),
            talk: get(TALK_KEY),
        }
    }

    /// `search` rewritten to hold this place, other keys kept.
    fn to_search(&self, search: &str) -> String {
        let merged = self.filters.merge_into_query(search);
        let Ok(params) = UrlSearchParams::new_with_str(&merged) else {
            return merged;
        };
        let set = |key: &str, value: Option<&str>| match value {
            Some(value) => params.set(key, value),
            None => params.delete(key),
        };
        set(SORT_KEY, self.sort.map(SortOrder::query_value));
        set(TALK_KEY, self.talk.as_deref());
        let query = String::from(params.to_string());
        if query.is_empty() {
            query
        } else {
            format!("?{query}")
        }
    }
}

/// Writes `place` into the page URL once the page has painted the change: a history entry
/// costs Chromium milliseconds, which the reader's next frame should not wait for. Writes keep
/// their order, so every change still gets its own entry.
fn write_url_after_paint(place: Place, history: History) {
    crate::app::after_next_paint(move || write_url(&place, history));
}

/// Writes `place` into the page URL.
fn write_url(place: &Place, history: History) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let search = location.search().unwrap_or_default();
    let new_search = place.to_search(&search);
    if new_search == search {
        return;
    }
    let path = location.pathname().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    let url = format!("{path}{new_search}{hash}");
    let Ok(browser_history) = window.history() else {
        return;
    };
    let null = wasm_bindgen::JsValue::NULL;
    let _ = match history {
        History::Push => browser_history.push_state_with_url(&null, "", Some(&url)),
        History::Replace => browser_history.replace_state_with_url(&null, "", Some(&url)),
    };
}

/// The reader's place, shared by every part of the page (copied into each component).
#[derive(Debug, Clone, Copy)]
pub struct PageState {
    filters: RwSignal<Filters>,
    sort: RwSignal<Option<SortOrder>>,
    talk: RwSignal<Option<String>>,
    /// Whether the open talk was opened from the list in this page (so Back returns there).
    opened_from_list: StoredValue<bool>,
    /// The list's scroll position when a talk was opened, restored when it closes.
    list_scroll: StoredValue<f64>,
    /// Whether the place lives in the page URL (else in memory only).
    url_state: bool,
    /// Where to dispatch change events (custom-element embeds).
    events: StoredValue<Option<HtmlElement>, LocalStorage>,
}

impl PageState {
    /// Creates the state as `options` ask: from the page URL, following Back/Forward until the
    /// owning view is unmounted, or in memory from the preset filters. Call inside a component.
    pub fn new(options: &EmbedOptions) -> PageState {
        let place = if options.url_state {
            Place::from_search(&current_search())
        } else {
            Place::from_search(&options.preset_query)
        };
        let state = PageState {
            filters: RwSignal::new(place.filters),
            sort: RwSignal::new(place.sort),
            talk: RwSignal::new(place.talk),
            opened_from_list: StoredValue::new(false),
            list_scroll: StoredValue::new(0.0),
            url_state: options.url_state,
            events: StoredValue::new_local(options.events.clone()),
        };
        if options.url_state {
            let listener = window_event_listener(leptos::ev::popstate, move |_| {
                state.opened_from_list.set_value(false);
                state.apply(Place::from_search(&current_search()));
            });
            on_cleanup(move || listener.remove());
        }
        state
    }

    fn apply(&self, place: Place) {
        self.filters.maybe_update(|filters| {
            let changed = *filters != place.filters;
            *filters = place.filters;
            changed
        });
        self.sort.maybe_update(|sort| {
            let changed = *sort != place.sort;
            *sort = place.sort;
            changed
        });
        self.talk.maybe_update(|talk| {
            let changed = *talk != place.talk;
            *talk = place.talk;
            changed
        });
    }

    fn place_untracked(&self) -> Place {
        Place {
            filters: self.filters.get_untracked(),
            sort: self.sort.get_untracked(),
            talk: self.talk.get_untracked(),
        }
    }

    /// Changes the place, records it in the URL and updates the page.
    fn change(&self, history: History, change: impl FnOnce(&mut Place)) {
        let before = self.place_untracked();
        let mut next = before.clone();
        change(&mut next);
        if next == before {
            return;
        }
        if self.url_state {
            write_url_after_paint(next.clone(), history);
        }
        self.announce(&before, &next);
        self.apply(next);
    }

    /// Tells the embedding page what changed (custom-element embeds only).
    fn announce(&self, before: &Place, next: &Place) {
        self.events.with_value(|target| {
            let Some(target) = target else {
                return;
            };
            if before.filters != next.filters {
                let query = next.filters.to_query();
                embed::dispatch(target, EVENT_FILTERS, &embed::detail(&[("query", &query)]));
            }
            if before.talk != next.talk {
                match &next.talk {
                    Some(id) => {
                        embed::dispatch(target, EVENT_TALK_OPEN, &embed::detail(&[("id", id)]))
                    }
                    None => embed::dispatch(target, EVENT_TALK_CLOSE, &wasm_bindgen::JsValue::NULL),
                }
            }
        });
    }

    /// The current filters (reactive).
    pub fn filters(&self) -> Signal<Filters> {
        self.filters.into()
    }

    /// The sort order the reader chose, if any (reactive).
    pub fn sort(&self) -> Signal<Option<SortOrder>> {
        self.sort.into()
    }

    /// The id of the open talk, if any (reactive).
    pub fn talk(&self) -> Signal<Option<String>> {
        self.talk.into()
    }

    /// Whether `id` is selected in `facet` (reactive).
    pub fn is_selected(&self, facet: Facet, id: &str) -> bool {
        self.filters.with(|filters| filters.is_selected(facet, id))
    }

    /// Selects or deselects one option.
    pub fn toggle(&self, facet: Facet, id: &str) {
        self.change(History::Push, |place| place.filters.toggle(facet, id));
    }

    /// Shows exactly one option of a facet (e.g. a speaker's name on a card was clicked),
    /// closing any open talk.
    pub fn show_only(&self, facet: Facet, id: &str) {
        self.change(History::Push, |place| {
            place.filters.select_only(facet, id);
            place.talk = None;
        });
    }

    /// Removes one active filter.
    pub fn remove(&self, filter: &ActiveFilter) {
        self.change(History::Push, |place| place.filters.remove(filter));
    }

    /// Sets the search text as the reader types.
    pub fn set_text(&self, text: &str) {
        self.change(History::Replace, |place| place.filters.set_text(text));
    }

    /// Turns "starred only" on or off.
    pub fn set_starred_only(&self, on: bool) {
        self.change(History::Push, |place| place.filters.set_starred_only(on));
    }

    /// Chooses a sort order (`None` for the default).
    pub fn set_sort(&self, sort: Option<SortOrder>) {
        self.change(History::Push, |place| place.sort = sort);
    }

    /// Removes every filter and the search text.
    pub fn clear(&self) {
        self.change(History::Push, |place| place.filters = Filters::default());
    }

    /// Opens a talk's view from the list, remembering where the list was scrolled to.
    pub fn open_talk(&self, id: &str) {
        if self.talk.get_untracked().is_none() {
            let scroll = web_sys::window()
                .and_then(|window| window.scroll_y().ok())
                .unwrap_or(0.0);
            self.list_scroll.set_value(scroll);
            self.opened_from_list.set_value(true);
        }
        self.change(History::Push, |place| place.talk = Some(id.to_owned()));
    }

    /// Returns from the talk view to the list: through the browser history when the talk was
    /// opened from the list (as the Back button would), else by closing it in place.
    pub fn leave_talk(&self) {
        if self.url_state
            && self.opened_from_list.get_value()
            && let Some(history) = web_sys::window().and_then(|window| window.history().ok())
            && history.back().is_ok()
        {
            return;
        }
        self.close_talk();
    }

    /// Where the list was scrolled to when the open talk was opened from it.
    pub fn list_scroll(&self) -> f64 {
        self.list_scroll.get_value()
    }

    /// Shows another talk in the open view (previous/next), replacing the entry so Back still
    /// returns to the list.
    pub fn switch_talk(&self, id: &str) {
        self.change(History::Replace, |place| place.talk = Some(id.to_owned()));
    }

    /// Closes the talk view without a history entry (when the view was opened from a link
    /// rather than from the list, Back would leave the app).
    pub fn close_talk(&self) {
        self.change(History::Replace, |place| place.talk = None);
    }
}

/// The permalink of a talk, relative to the page: `?talk=<id>`.
pub fn talk_href(id: &str) -> String {
    format!("?{TALK_KEY}={}", crate::markup::query_value(id))
}
