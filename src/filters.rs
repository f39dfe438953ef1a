//! The filter panel: one fieldset of checkboxes per facet (track, day, speaker), each option
//! with its live count from [`recap_query::facet_options`].
//!
//! On narrow screens the panel collapses behind a "Filters" toggle above the cards; on wide
//! screens it is a sidebar and the toggle is hidden by CSS.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use leptos::prelude::*;
use recap_bundle::Bundle;
use recap_query::{Facet, facet_options};

use crate::url_state::FilterState;

/// A page-unique id prefix, so several viewers can live on one page.
fn unique_id(prefix: &str) -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    format!("{prefix}-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// The sidebar with every facet.
#[component]
pub fn FilterPanel(bundle: Arc<Bundle>, state: FilterState) -> impl IntoView {
    let (open, set_open) = signal(false);
    let panel_id = unique_id("recap-filters");
    let active = move || state.filters().with(|filters| filters.active_count());
    let facets = Facet::ALL
        .into_iter()
        .map(|facet| view! { <FacetFieldset bundle=bundle.clone() state facet /> })
        .collect_view();
    view! {
        <aside class="filters" class:is-open=open aria-label="Filters">
            <button
                type="button"
                class="filters-toggle"
                aria-expanded=move || open.get().to_string()
                aria-controls=panel_id.clone()
                on:click=move |_| set_open.update(|open| *open = !*open)
            >
                <span>"Filters"</span>
                <span class="filters-toggle-count" class:is-hidden=move || active() == 0>
                    {move || format!("{} active", active())}
                </span>
            </button>
            <div class="filters-body" id=panel_id>
                <h2 class="filters-heading">"Filter talks"</h2>
                {facets}
            </div>
        </aside>
    }
}

/// One facet as a fieldset of labelled checkboxes.
#[component]
fn FacetFieldset(bundle: Arc<Bundle>, state: FilterState, facet: Facet) -> impl IntoView {
    let filters = state.filters();
    // The option list (ids, labels, order) depends only on the bundle; counts and selection are
    // read per option so that toggling a checkbox never re-creates (and unfocuses) it.
    let options =
        Memo::new(move |_| filters.with(|filters| facet_options(&bundle, filters, facet)));
    let initial = options.get_untracked();
    let long = initial.len() > 8;
    let items = initial
        .into_iter()
        .enumerate()
        .map(|(index, option)| {
            let count = move || options.with(|o| o.get(index).map_or(0, |o| o.count));
            let id = option.id.clone();
            let checked = {
                let id = id.clone();
                move || state.is_selected(facet, &id)
            };
            let on_change = {
                let id = id.clone();
                move |_| state.toggle(facet, &id)
            };
            view! {
                <li>
                    <label
                        class="facet-option"
                        class:is-empty=move || count() == 0
                        data-testid="facet-option"
                        data-id=id
                    >
                        <input type="checkbox" prop:checked=checked on:change=on_change />
                        <span class="facet-option-label">{option.label}</span>
                        " "
                        <span class="facet-option-count">{count}</span>
                    </label>
                </li>
            }
        })
        .collect_view();
    let testid = format!("facet-{}", facet.query_key());
    view! {
        <fieldset class="facet" data-testid=testid>
            <legend>{facet.title()}</legend>
            <ul class="facet-options" class:is-long=long>
                {items}
            </ul>
        </fieldset>
    }
}
