//! The filter panel: the "starred only" switch and one fieldset of checkboxes per facet
//! (conference, day, track, speaker, company), each option with its live count.
//!
//! Options whose count is zero are dimmed, not hidden. Long lists show their most common
//! options first with a "Show all" toggle and a box to find an option; selected options are
//! always shown. On narrow screens the panel collapses behind a "Filters" toggle.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use leptos::prelude::*;
use recap_query::{BundleIndex, Facet, Filters, OptionInfo, Selection, text};

use crate::favourites::Favourites;
use crate::url_state::PageState;

/// Options shown before "Show all".
const COLLAPSED_OPTIONS: usize = 8;
/// Options rendered at most at once (find the others with the facet's search box).
const MAX_RENDERED_OPTIONS: usize = 200;
/// The order facets appear in the panel.
const PANEL_FACETS: [Facet; 5] = [
    Facet::Conference,
    Facet::Day,
    Facet::Track,
    Facet::Speaker,
    Facet::Company,
];

/// A page-unique id, so several viewers can live on one page.
pub fn unique_id(prefix: &str) -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    format!("{prefix}-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// The sidebar with every facet.
#[component]
pub fn FilterPanel(
    state: PageState,
    selection: Memo<Selection>,
    favourites: Favourites,
) -> impl IntoView {
    let (open, set_open) = signal(false);
    let panel_id = unique_id("recap-filters");
    let filters = state.filters();
    let active = move || filters.with(Filters::active_count);
    let index = expect_context::<crate::app::Viewer>().index;
    let facets = PANEL_FACETS
        .into_iter()
        // A facet with a single option filters nothing (one conference, one company…).
        .filter(|&facet| index.options(facet).len() > 1 || facet == Facet::Track)
        .map(|facet| view! { <FacetFieldset state selection facet /> })
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
                <StarredSwitch state favourites />
                {facets}
            </div>
        </aside>
    }
}

/// "Starred only", with how many talks the reader starred.
#[component]
fn StarredSwitch(state: PageState, favourites: Favourites) -> impl IntoView {
    let filters = state.filters();
    let on = move || filters.with(Filters::starred_only);
    let count = move || favourites.ids().with(|ids| ids.len());
    view! {
        <label class="starred-switch facet-option" data-testid="starred-only">
            <input
                type="checkbox"
                prop:checked=on
                on:change=move |event| state.set_starred_only(event_target_checked(&event))
            />
            <span class="facet-option-label">
                <span class="star-glyph" aria-hidden="true">"★"</span>
                " Starred only"
            </span>
            " "
            <span class="facet-option-count">{count}</span>
        </label>
    }
}

/// One facet as a fieldset of labelled checkboxes.
#[component]
fn FacetFieldset(state: PageState, selection: Memo<Selection>, facet: Facet) -> impl IntoView {
    let filters = state.filters();
    // The options (ids, labels, order) depend only on the bundle, so checkboxes are created once
    // and never lose focus; counts and selection are read per option.
    let index = expect_context::<crate::app::Viewer>().index;
    let options: Arc<Vec<(usize, OptionInfo)>> = Arc::new(ordered_options(&index, facet));
    let long = options.len() > COLLAPSED_OPTIONS;
    let (expanded, set_expanded) = signal(false);
    let (find, set_find) = signal(String::new());
    let visible = {
        let options = options.clone();
        Memo::new(move |_| {
            let find = text::fold(find.get().trim());
            let expanded = expanded.get();
            filters.with(|filters| visible_options(&options, filters, facet, &find, expanded))
        })
    };
    let hidden_count = {
        let total = options.len();
        move || total.saturating_sub(visible.with(Vec::len))
    };
    let item = {
        let options = options.clone();
        move |index: usize| {
            let (position, option) = options[index].clone();
            let id = option.id.clone();
            let count = Signal::derive(move || {
                selection.with(|selection| selection.count(facet, position))
            });
            let checked = {
                let id = id.clone();
                move || state.is_selected(facet, &id)
            };
            let on_change = {
                let id = id.clone();
                move |_| state.toggle(facet, &id)
            };
            // The conference heading above the first day of each conference.
            let group_heading = option.group.clone().map(|group| {
                let options = options.clone();
                let starts_group = move || {
                    visible.with(|visible| {
                        let at = visible.iter().position(|&i| i == index);
                        match at {
                            Some(0) => true,
                            Some(at) => options[visible[at - 1]].1.group != options[index].1.group,
                            None => false,
                        }
                    })
                };
                view! {
                    <Show when=starts_group>
                        <span class="facet-group" aria-hidden="true">{group.clone()}</span>
                    </Show>
                }
            });
            let group_label = option
                .group
                .clone()
                .map(|group| format!("{}, {group}", option.label));
            view! {
                <li>
                    {group_heading}
                    <label
                        class="facet-option"
                        class:is-empty=move || count.get() == 0
                        data-testid="facet-option"
                        data-id=id
                    >
                        <input
                            type="checkbox"
                            prop:checked=checked
                            on:change=on_change
                            aria-label=group_label
                        />
                        <span class="facet-option-label">{option.label}</span>
                        " "
                        <span class="facet-option-count">{count}</span>
                    </label>
                </li>
            }
        }
    };
    let testid = format!("facet-{}", facet.query_key());
    let list_id = unique_id(&testid);
    let noun = facet.title().to_lowercase();
    view! {
        <fieldset class="facet" data-testid=testid>
            <legend>{facet.title()}</legend>
            {long.then(|| {
                let placeholder = format!("Find a {noun}");
                view! {
                    <input
                        type="search"
                        class="facet-find"
                        data-testid="facet-find"
                        placeholder=placeholder.clone()
                        aria-label=placeholder
                        aria-controls=list_id.clone()
                        on:input=move |event| set_find.set(event_target_value(&event))
                    />
                }
            })}
            <ul class="facet-options" id=list_id.clone()>
                <For each=move || visible.get() key=|index| *index children=item />
            </ul>
            <Show when=move || !find.with(String::is_empty) && visible.with(Vec::is_empty)>
                <p class="facet-none">"No match."</p>
            </Show>
            {long.then(|| view! {
                <button
                    type="button"
                    class="link-button facet-more"
                    data-testid="facet-more"
                    aria-controls=list_id
                    aria-expanded=move || expanded.get().to_string()
                    class:is-hidden=move || !find.with(String::is_empty) || (!expanded.get() && hidden_count() == 0)
                    on:click=move |_| set_expanded.update(|expanded| *expanded = !*expanded)
                >
                    {move || if expanded.get() {
                        "Show fewer".to_owned()
                    } else {
                        format!("Show all {}", options.len())
                    }}
                </button>
            })}
        </fieldset>
    }
}

/// The options of `facet` in panel order, each with its position in the index: tracks,
/// speakers and companies most common first (ties by name); conferences and days as the archive
/// orders them.
fn ordered_options(index: &BundleIndex, facet: Facet) -> Vec<(usize, OptionInfo)> {
    let mut options: Vec<(usize, OptionInfo)> =
        index.options(facet).iter().cloned().enumerate().collect();
    if matches!(facet, Facet::Track | Facet::Speaker | Facet::Company) {
        options.sort_by_key(|(_, option)| std::cmp::Reverse(option.talks));
    }
    options
}

/// Which options (positions in `options`) to render.
fn visible_options(
    options: &[(usize, OptionInfo)],
    filters: &Filters,
    facet: Facet,
    find: &str,
    expanded: bool,
) -> Vec<usize> {
    let selected = |option: &OptionInfo| filters.is_selected(facet, &option.id);
    if !find.is_empty() {
        return options
            .iter()
            .enumerate()
            .filter(|(_, (_, option))| {
                selected(option)
                    || text::words(&option.label)
                        .iter()
                        .any(|word| word.starts_with(find))
                    || text::fold(&option.label).contains(find)
            })
            .map(|(index, _)| index)
            .take(MAX_RENDERED_OPTIONS)
            .collect();
    }
    let limit = if expanded {
        MAX_RENDERED_OPTIONS
    } else {
        COLLAPSED_OPTIONS
    };
    options
        .iter()
        .enumerate()
        .filter(|(index, (_, option))| *index < limit || selected(option))
        .map(|(index, _)| index)
        .collect()
}
