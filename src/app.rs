//! The page a reader sees: the header, the loading and error states, and, once the bundle is
//! there, the search box, the filter sidebar, the result bar, the cards and the talk view.

use std::sync::Arc;

use leptos::html::Input;
use leptos::prelude::*;
use recap_bundle::Bundle;
use recap_query::{BundleIndex, SearchQuery, Selection, SortOrder};
use wasm_bindgen::JsCast;

use crate::bundle_parts::{Arrival, BundleParts};
use crate::bundle_source::{BundleSource, LoadError, check_bundle, fetch_bundle, parse_bundle};
use crate::cards::TalkList;
use crate::chips::{ActiveChips, NoResults};
use crate::embed::EmbedOptions;
use crate::favourites::{Favourites, download, starred_markdown};
use crate::filters::FilterPanel;
use crate::overview::Overview;
use crate::search_box::SearchBox;
use crate::talk_view::TalkView;
use crate::theme::{ThemeState, ThemeToggle};
use crate::url_state::PageState;

/// Where loading stands.
#[derive(Clone)]
enum LoadState {
    Loading,
    Ready(Arc<Bundle>, BundleParts),
    Failed(LoadError),
}

/// What every part of a loaded viewer shares (provided as context).
#[derive(Clone)]
pub struct Viewer {
    pub bundle: Arc<Bundle>,
    /// The bundle's search index and notes, which may arrive after its cards.
    pub parts: BundleParts,
    /// The bundle prepared for filtering (built once).
    pub index: Arc<BundleIndex>,
    pub state: PageState,
    pub favourites: Favourites,
    /// The talks to show for the current filters, search and order.
    pub selection: Memo<Selection>,
    /// The parsed search words, for highlighting.
    pub query: Memo<SearchQuery>,
}

/// The whole viewer: loads the bundle from `source` and shows it, mounted as `options` say.
#[component]
pub fn RecapViewer(
    source: BundleSource,
    #[prop(optional)] options: Option<EmbedOptions>,
) -> impl IntoView {
    let options = options.unwrap_or_else(EmbedOptions::page);
    let loaded = |result: Result<Bundle, LoadError>, url: Option<&str>| match result {
        Ok(mut bundle) => {
            let parts = BundleParts::take_from(&mut bundle, url);
            LoadState::Ready(Arc::new(bundle), parts)
        }
        Err(error) => LoadState::Failed(error),
    };
    let state = RwSignal::new(LoadState::Loading);
    match source {
        // Bundles at hand are shown right away, without a loading flash.
        BundleSource::Json(text) => state.set(loaded(parse_bundle(&text), None)),
        BundleSource::Loaded(bundle) => state.set(loaded(check_bundle(bundle), None)),
        BundleSource::Url(url) => {
            leptos::task::spawn_local(async move {
                let next = match fetch_bundle(&url).await {
                    Ok((bundle, url)) => loaded(Ok(bundle), Some(&url)),
                    Err(error) => loaded(Err(error), None),
                };
                // The viewer may have been unmounted meanwhile.
                let _ = state.try_set(next);
            });
        }
    }
    let theme = ThemeState::new(options.theme.as_deref());
    let chromeless = options.chromeless;
    let header = (!chromeless).then(|| {
        view! {
            <header class="app-header">
                <div class="app-header-inner">
                    <div>
                        <h1 class="app-title">"Conference recaps"</h1>
                        {move || match state.get() {
                            LoadState::Ready(bundle, _) => Some(view! { <Subtitle bundle /> }),
                            _ => None,
                        }}
                    </div>
                    <ThemeToggle theme />
                </div>
            </header>
        }
    });
    view! {
        <div class="recap-viewer" class:is-embedded=chromeless data-theme=move || theme.get().name()>
            {header}
            {move || match state.get() {
                LoadState::Loading => view! { <Loading /> }.into_any(),
                LoadState::Failed(error) => view! { <ErrorState error /> }.into_any(),
                LoadState::Ready(bundle, parts) => {
                    view! { <Browser bundle parts options=options.clone() /> }.into_any()
                }
            }}
        </div>
    }
}

/// A line under the title saying what the archive holds.
#[component]
fn Subtitle(bundle: Arc<Bundle>) -> impl IntoView {
    let text = format!(
        "{} from {}",
        plural(bundle.talks.len(), "talk", "talks"),
        plural(bundle.conferences.len(), "conference", "conferences")
    );
    view! { <p class="app-subtitle">{text}</p> }
}

/// The loading state.
#[component]
fn Loading() -> impl IntoView {
    view! {
        <main class="state state-loading" data-testid="loading" role="status" aria-live="polite">
            <span class="spinner" aria-hidden="true"></span>
            <p>"Loading recaps…"</p>
        </main>
    }
}

/// The error state: what went wrong, in words a reader (or the site's maintainer) can act on.
#[component]
fn ErrorState(error: LoadError) -> impl IntoView {
    view! {
        <main class="state state-error">
            <div class="error-box" data-testid="error" role="alert">
                <h2>{error.title()}</h2>
                <p>{error.to_string()}</p>
            </div>
        </main>
    }
}

/// The loaded bundle: search, filters, results and the talk view.
#[component]
fn Browser(bundle: Arc<Bundle>, parts: BundleParts, options: EmbedOptions) -> impl IntoView {
    let state = PageState::new(&options);
    let favourites = Favourites::load();
    let filters = state.filters();
    let sort = state.sort();
    let starred = favourites.ids();
    let index = Arc::new(BundleIndex::new(&bundle));
    let selection = {
        let bundle = bundle.clone();
        let index = index.clone();
        let search = parts.search();
        Memo::new(move |_| {
            search.with(|search| {
                let search = search.ready().map(|search| &**search);
                filters.with(|filters| {
                    starred.with(|starred| {
                        Selection::with_index(&bundle, &index, search, filters, starred, sort.get())
                    })
                })
            })
        })
    };
    let query = Memo::new(move |_| filters.with(|filters| SearchQuery::parse(filters.text())));
    parts.fetch_search_after_paint();
    let viewer = Viewer {
        bundle: bundle.clone(),
        parts,
        index,
        state,
        favourites,
        selection,
        query,
    };
    provide_context(viewer.clone());

    let search_input = NodeRef::<Input>::new();
    keyboard_shortcuts(state, search_input);
    restore_list_scroll(state);
    mark_first_card();

    let talk = state.talk();
    let talk_open = move || talk.with(Option::is_some);
    view! {
        <div class="layout" class:is-hidden=talk_open>
            <FilterPanel state selection favourites />
            <main class="results" aria-label="Talks" id="recap-results">
                <SearchBox state input_ref=search_input />
                <Overview />
                <ResultsBar bundle=bundle.clone() />
                <ActiveChips bundle=bundle.clone() state />
                <Show when=move || selection.with(|selection| selection.is_empty() && !selection.is_search_pending())>
                    <NoResults bundle=bundle.clone() state selection starred />
                </Show>
                <TalkList />
            </main>
        </div>
        {move || talk.get().map(|id| view! { <main class="talk-page"><TalkView id /></main> })}
    }
}

/// Result count (announced to screen readers), sort order, export and "clear".
#[component]
fn ResultsBar(bundle: Arc<Bundle>) -> impl IntoView {
    let viewer = expect_context::<Viewer>();
    let state = viewer.state;
    let selection = viewer.selection;
    let filters = state.filters();
    let total = bundle.talks.len();
    let search = viewer.parts.search();
    let count_text = move || {
        let shown = selection.with(Selection::len);
        if selection.with(Selection::is_search_pending) {
            return search.with(|search| match search {
                Arrival::Failed(error) => format!("Search is unavailable. {error}"),
                _ => "Searching…".to_owned(),
            });
        }
        if filters.with(|filters| filters.is_empty()) {
            plural(total, "talk", "talks")
        } else {
            format!("{shown} of {}", plural(total, "talk", "talks"))
        }
    };
    let searching = move || viewer.query.with(|query| !query.is_empty());
    let order = move || selection.with(Selection::order);
    let options = move || {
        SortOrder::ALL
            .into_iter()
            .filter(|order| *order != SortOrder::Relevance || searching())
            .map(|option| {
                view! {
                    <option value=option.query_value() selected=move || order() == option>
                        {option.label()}
                    </option>
                }
            })
            .collect_view()
    };
    let on_sort = move |event: leptos::ev::Event| {
        let value = event_target_value(&event);
        let chosen = SortOrder::from_query_value(&value);
        let default = SortOrder::default_for(searching());
        state.set_sort(chosen.filter(|chosen| *chosen != default));
    };
    let starred_count = move || viewer.favourites.ids().with(|ids| ids.len());
    let export = {
        let bundle = bundle.clone();
        move |_| {
            let markdown = viewer
                .favourites
                .ids()
                .with_untracked(|ids| starred_markdown(&bundle, ids));
            if let Err(error) = download("starred-talks.md", "text/markdown", &markdown) {
                leptos::logging::warn!("export failed: {error:?}");
            }
        }
    };
    view! {
        <div class="results-bar">
            <p class="result-count" data-testid="result-count" role="status" aria-live="polite">
                {count_text}
            </p>
            <div class="results-actions">
                <label class="sort">
                    <span class="sort-label">"Sort"</span>
                    <select data-testid="sort" on:change=on_sort prop:value=move || order().query_value()>
                        {options}
                    </select>
                </label>
                <button
                    type="button"
                    class="button button-quiet"
                    data-testid="export-starred"
                    disabled=move || starred_count() == 0
                    title="Download your starred talks as a Markdown list"
                    on:click=export
                >
                    {move || format!("Export starred ({})", starred_count())}
                </button>
                <button
                    type="button"
                    class="button button-quiet clear-filters"
                    data-testid="clear-filters"
                    disabled=move || filters.with(|filters| filters.is_empty())
                    on:click=move |_| state.clear()
                >
                    "Clear filters"
                </button>
            </div>
        </div>
    }
}

/// `/` focuses the search box; Escape leaves the talk view.
fn keyboard_shortcuts(state: PageState, search_input: NodeRef<Input>) {
    let talk = state.talk();
    let listener = window_event_listener(leptos::ev::keydown, move |event| {
        if event.ctrl_key() || event.meta_key() || event.alt_key() || event.default_prevented() {
            return;
        }
        match event.key().as_str() {
            "/" if !is_typing_target(event.target()) && talk.with_untracked(Option::is_none) => {
                if let Some(input) = search_input.get_untracked() {
                    event.prevent_default();
                    let _ = input.focus();
                    input.select();
                }
            }
            "Escape" if talk.with_untracked(Option::is_some) => {
                event.prevent_default();
                state.leave_talk();
            }
            _ => {}
        }
    });
    on_cleanup(move || listener.remove());
}

/// Whether keys typed at `target` are text input (where `/` is a character).
fn is_typing_target(target: Option<web_sys::EventTarget>) -> bool {
    let Some(element) = target.and_then(|target| target.dyn_into::<web_sys::Element>().ok()) else {
        return false;
    };
    matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        || element
            .dyn_into::<web_sys::HtmlElement>()
            .is_ok_and(|element| element.is_content_editable())
}

/// Back on the list after a talk view: the list scrolls to where the reader left it and focus
/// returns to the card of the talk that was open, so keyboard users carry on from there; opening
/// a talk starts at its top (the view moves focus to its title).
fn restore_list_scroll(state: PageState) {
    let talk = state.talk();
    Effect::new(move |previous: Option<Option<String>>| {
        let current = talk.get();
        if let Some(was) = previous
            && was.is_some() != current.is_some()
        {
            let open = current.is_some();
            let target = if open { 0.0 } else { state.list_scroll() };
            request_animation_frame(move || {
                let Some(window) = web_sys::window() else {
                    return;
                };
                window.scroll_to_with_x_and_y(0.0, target);
                if let (false, Some(id)) = (open, was)
                    && let Some(link) = window
                        .document()
                        .and_then(|document| {
                            document
                                .query_selector(&format!(
                                    "[data-testid=\"talk-card\"][data-id=\"{}\"] .talk-title-link",
                                    id.replace('"', "")
                                ))
                                .ok()
                                .flatten()
                        })
                        .and_then(|link| link.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let options = web_sys::FocusOptions::new();
                    options.set_prevent_scroll(true);
                    let _ = link.focus_with_options(&options);
                }
            });
        }
        current
    });
}

/// Records `recap:first-card` (a performance mark) once the first cards are on screen.
fn mark_first_card() {
    Effect::new(move |_| {
        request_animation_frame(|| performance_mark("recap:first-card"));
    });
}

/// Runs `task` once the browser has painted the next frame (a task queued from that frame's
/// animation callback runs after its paint): for work the reader's next frame should not wait
/// for.
pub fn after_next_paint(task: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(task, std::time::Duration::ZERO));
}

/// Records a performance mark (what `cargo xtask bench` measures the app by).
pub fn performance_mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|window| window.performance()) {
        let _ = performance.mark(name);
    }
}

/// `1 talk`, `2 talks`.
fn plural(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}
