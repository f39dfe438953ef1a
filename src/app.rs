//! The page a reader sees: the header, the loading and error states, and, once the bundle is
//! there, the filter sidebar next to the result count and the talk cards.

use std::sync::Arc;

use leptos::prelude::*;
use recap_bundle::Bundle;
use recap_query::matching_indices;

use crate::bundle_source::{BundleSource, LoadError, check_bundle, fetch_bundle, parse_bundle};
use crate::cards::TalkList;
use crate::filters::FilterPanel;
use crate::url_state::FilterState;

/// Where loading stands.
#[derive(Debug, Clone)]
enum LoadState {
    Loading,
    Ready(Arc<Bundle>),
    Failed(LoadError),
}

/// The whole viewer: loads the bundle from `source` and shows it.
#[component]
pub fn RecapViewer(source: BundleSource) -> impl IntoView {
    let loaded = |result: Result<Bundle, LoadError>| match result {
        Ok(bundle) => LoadState::Ready(Arc::new(bundle)),
        Err(error) => LoadState::Failed(error),
    };
    let state = RwSignal::new(LoadState::Loading);
    match source {
        // Bundles at hand are shown right away, without a loading flash.
        BundleSource::Json(text) => state.set(loaded(parse_bundle(&text))),
        BundleSource::Loaded(bundle) => state.set(loaded(check_bundle(bundle))),
        BundleSource::Url(url) => {
            leptos::task::spawn_local(async move {
                let next = loaded(fetch_bundle(&url).await);
                // The viewer may have been unmounted meanwhile.
                let _ = state.try_set(next);
            });
        }
    }
    view! {
        <div class="recap-viewer">
            <header class="app-header">
                <div class="app-header-inner">
                    <h1 class="app-title">"Conference recaps"</h1>
                    {move || match state.get() {
                        LoadState::Ready(bundle) => Some(view! { <Subtitle bundle /> }),
                        _ => None,
                    }}
                </div>
            </header>
            {move || match state.get() {
                LoadState::Loading => view! { <Loading /> }.into_any(),
                LoadState::Failed(error) => view! { <ErrorState error /> }.into_any(),
                LoadState::Ready(bundle) => view! { <Browser bundle /> }.into_any(),
            }}
        </div>
    }
}

/// A line under the title saying what the archive holds.
#[component]
fn Subtitle(bundle: Arc<Bundle>) -> impl IntoView {
    let conferences = bundle.conferences.len();
    let talks = bundle.talks.len();
    let text = format!(
        "{} from {} {}",
        plural(talks, "talk", "talks"),
        conferences,
        if conferences == 1 {
            "conference"
        } else {
            "conferences"
        }
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

/// The loaded bundle: filters, result count and cards.
#[component]
fn Browser(bundle: Arc<Bundle>) -> impl IntoView {
    let state = FilterState::from_url();
    let filters = state.filters();
    let total = bundle.talks.len();
    let indices = {
        let bundle = bundle.clone();
        Memo::new(move |_| filters.with(|filters| matching_indices(&bundle, filters)))
    };
    let shown = move || indices.with(Vec::len);
    let count_text = move || {
        let shown = shown();
        if filters.with(|filters| filters.is_empty()) {
            plural(total, "talk", "talks")
        } else {
            format!("{shown} of {}", plural(total, "talk", "talks"))
        }
    };
    let no_filters = move || filters.with(|filters| filters.is_empty());
    view! {
        <div class="layout">
            <FilterPanel bundle=bundle.clone() state />
            <main class="results" aria-label="Talks">
                <div class="results-bar">
                    <p class="result-count" data-testid="result-count" aria-live="polite">
                        {count_text}
                    </p>
                    <button
                        type="button"
                        class="clear-filters"
                        data-testid="clear-filters"
                        disabled=no_filters
                        on:click=move |_| state.clear()
                    >
                        "Clear filters"
                    </button>
                </div>
                <Show when=move || shown() == 0>
                    <p class="no-results">
                        {if total == 0 {
                            "This archive has no talks yet."
                        } else {
                            "No talks match all of these filters. Remove one, or clear them all."
                        }}
                    </p>
                </Show>
                <TalkList bundle indices />
            </main>
        </div>
    }
}

/// `1 talk`, `2 talks`.
fn plural(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}
