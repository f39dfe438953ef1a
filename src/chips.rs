//! The active filters as removable chips above the results, and the empty state that says
//! which filter to remove.

use std::collections::BTreeSet;
use std::sync::Arc;

use leptos::prelude::*;
use recap_bundle::Bundle;
use recap_query::{ActiveFilter, Facet, Selection};

use crate::url_state::PageState;

/// What a reader calls an active filter: `Track: #Security`, `Search: “zero trust”`.
pub fn describe(bundle: &Bundle, filter: &ActiveFilter) -> (String, String, bool) {
    match filter {
        ActiveFilter::Text(text) => ("Search".to_owned(), format!("“{text}”"), true),
        ActiveFilter::Starred => ("Starred".to_owned(), "only".to_owned(), true),
        ActiveFilter::Option { facet, id } => {
            let label = option_label(bundle, *facet, id);
            let known = label.is_some();
            (
                facet.title().to_owned(),
                label.unwrap_or_else(|| format!("{id} (not in this archive)")),
                known,
            )
        }
    }
}

/// The label of one facet option, if the id exists in the bundle.
pub fn option_label(bundle: &Bundle, facet: Facet, id: &str) -> Option<String> {
    match facet {
        Facet::Track => bundle.track(id).map(|track| track.label.clone()),
        Facet::Speaker => bundle.speaker(id).map(|speaker| speaker.name.clone()),
        Facet::Company => bundle.company(id).map(|company| company.name.clone()),
        Facet::Conference => bundle
            .conference(id)
            .map(|conference| conference.name.clone()),
        Facet::Day => bundle.day(id).map(|(conference, day)| {
            if bundle.conferences.len() > 1 {
                format!("{} · {}", day.label, conference.name)
            } else {
                day.label.clone()
            }
        }),
    }
}

/// One chip per active filter, each with a remove button.
#[component]
pub fn ActiveChips(bundle: Arc<Bundle>, state: PageState) -> impl IntoView {
    let filters = state.filters();
    let active = Memo::new(move |_| filters.with(|filters| filters.active()));
    view! {
        <Show when=move || active.with(|active| !active.is_empty())>
            <ul class="active-filters" aria-label="Active filters" data-testid="active-filters">
                <For
                    each=move || active.get()
                    key=|filter| filter.clone()
                    children={
                        let bundle = bundle.clone();
                        move |filter| {
                            let (facet, label, known) = describe(&bundle, &filter);
                            let remove_label = format!("Remove filter {facet}: {label}");
                            view! {
                                <li class="active-chip" class:is-unknown=!known data-testid="active-chip">
                                    <span class="active-chip-facet">{facet} ":"</span>
                                    " "
                                    <span class="active-chip-label">{label}</span>
                                    <button
                                        type="button"
                                        class="active-chip-remove"
                                        aria-label=remove_label
                                        title="Remove this filter"
                                        on:click=move |_| state.remove(&filter)
                                    >
                                        <span aria-hidden="true">"×"</span>
                                    </button>
                                </li>
                            }
                        }
                    }
                />
            </ul>
        </Show>
    }
}

/// The empty state: nothing matches, and which filter's removal would bring talks back.
#[component]
pub fn NoResults(
    bundle: Arc<Bundle>,
    state: PageState,
    selection: Memo<Selection>,
    starred: Signal<BTreeSet<String>>,
) -> impl IntoView {
    let filters = state.filters();
    let viewer = expect_context::<crate::app::Viewer>();
    let index = viewer.index;
    let search = viewer.parts.search();
    let suggestions = {
        let bundle = bundle.clone();
        move || {
            let relaxed = search.with(|search| {
                let search = search.ready().map(|search| &**search);
                selection.with(|selection| {
                    filters.with(|filters| {
                        starred.with(|starred| {
                            selection.relaxations(&bundle, &index, search, filters, starred)
                        })
                    })
                })
            });
            relaxed
                .into_iter()
                .filter(|(_, count)| *count > 0)
                .take(3)
                .map(|(filter, count)| {
                    let (facet, label, _) = describe(&bundle, &filter);
                    let text = format!(
                        "Remove {facet}: {label} ({count} {})",
                        if count == 1 { "talk" } else { "talks" }
                    );
                    view! {
                        <li>
                            <button
                                type="button"
                                class="link-button"
                                data-testid="suggestion"
                                on:click=move |_| state.remove(&filter)
                            >
                                {text}
                            </button>
                        </li>
                    }
                })
                .collect_view()
        }
    };
    let empty_archive = bundle.talks.is_empty();
    view! {
        <div class="no-results" data-testid="no-results">
            {if empty_archive {
                view! { <p>"This archive has no talks yet."</p> }.into_any()
            } else {
                view! {
                    <p class="no-results-title">"No talks match all of these filters."</p>
                    <ul class="suggestions">{suggestions}</ul>
                    <button type="button" class="button" on:click=move |_| state.clear()>
                        "Clear all filters"
                    </button>
                }
                    .into_any()
            }}
        </div>
    }
}
