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
    // The checkboxes come a frame after the first cards: at 10,000 talks, building five
    // fieldsets and their live counts would otherwise hold back the first paint of the list.
    let facets_shown = RwSignal::new(false);
    crate::app::after_next_paint(move || {
        let _ = facets_shown.try_set(true);
    });
    let facets = move || {
        facets_shown.get().then(|| {
            PANEL_FACETS
                .into_iter()
                // A facet with a single option filters nothing (one conference, one company…).
                .filter(|&facet| index.options(facet).len() > 1 || facet == Facet::Track)
                .map(|facet| view! { <FacetFieldset state selection facet /> })
                .collect_view()
        })
    };
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
    // Positions of the facet's options (in `index.options(facet)`), in panel order.
    let options: Arc<Vec<usize>> = Arc::new(ordered_options(&index, facet));
    let long = options.len() > COLLAPSED_OPTIONS;
    let (expanded, set_expanded) = signal(false);
    let (find, set_find) = signal(String::new());
    let visible = {
        let (options, index) = (options.clone(), index.clone());
        Memo::new(move |_| {
            let find = text::fold(find.get().trim());
            let expanded = expanded.get();
            let all = index.options(facet);
            let in_order = options.iter().map(|&position| &all[position]);
            filters.with(|filters| visible_options(in_order, filters, facet, &find, expanded))
        })
    };
    let hidden_count = {
        let total = options.len();
        move || total.saturating_sub(visible.with(Vec::len))
    };
    let item = {
        let options = options.clone();
        move |at: usize| {
            let position = options[at];
            let option = index.options(facet)[position].clone();
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
                let (options, index) = (options.clone(), index.clone());
                let starts_group = move || {
                    visible.with(|visible| match visible.iter().position(|&i| i == at) {
                        Some(0) => true,
                        Some(shown) => {
                            let previous = options[visible[shown - 1]];
                            index.options(facet)[previous].group
                                != index.options(facet)[position].group
                        }
                        None => false,
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

/// The positions of `facet`'s options in the index, in panel order: tracks, speakers and
/// companies most common first (ties by name); conferences and days as the archive orders them.
fn ordered_options(index: &BundleIndex, facet: Facet) -> Vec<usize> {
    let options = index.options(facet);
    let mut order: Vec<usize> = (0..options.len()).collect();
    if matches!(facet, Facet::Track | Facet::Speaker | Facet::Company) {
        order.sort_by_key(|&position| std::cmp::Reverse(options[position].talks));
    }
    order
}

/// Which options to render, as places in `options` (the facet's options in panel order): the
/// first few (or, expanded, many) and every selected one; while finding, those whose label
/// matches.
fn visible_options<'a>(
    options: impl ExactSizeIterator<Item = &'a OptionInfo>,
    filters: &Filters,
    facet: Facet,
    find: &str,
    expanded: bool,
) -> Vec<usize> {
    let selected = |option: &OptionInfo| filters.is_selected(facet, &option.id);
    if !find.is_empty() {
        return options
            .enumerate()
            .filter(|(_, option)| {
                selected(option)
                    || text::words(&option.label)
                        .iter()
                        .any(|word| word.starts_with(find))
                    || text::fold(&option.label).contains(find)
            })
            .map(|(at, _)| at)
            .take(MAX_RENDERED_OPTIONS)
            .collect();
    }
    let limit = if expanded {
        MAX_RENDERED_OPTIONS
    } else {
        COLLAPSED_OPTIONS
    };
    if filters.selected(facet).is_empty() {
        // Nothing selected to keep in view: no need to look past the limit.
        return (0..options.len().min(limit)).collect();
    }
    options
        .enumerate()
        .filter(|(at, option)| *at < limit || selected(option))
        .map(|(at, _)| at)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(count: usize) -> Vec<OptionInfo> {
        (0..count)
            .map(|n| OptionInfo {
                id: format!("track-{n}"),
                label: format!("#Track {n}"),
                group: None,
                talks: 1,
            })
            .collect()
    }

    #[test]
    fn the_first_options_show_and_selected_ones_stay_in_view() {
        let options = options(30);
        let mut filters = Filters::default();
        let visible = |filters: &Filters, expanded| {
            visible_options(options.iter(), filters, Facet::Track, "", expanded)
        };
        assert_eq!(
            visible(&filters, false),
            (0..COLLAPSED_OPTIONS).collect::<Vec<_>>()
        );
        assert_eq!(visible(&filters, true), (0..30).collect::<Vec<_>>());
        filters.toggle(Facet::Track, "track-20");
        let mut expected: Vec<usize> = (0..COLLAPSED_OPTIONS).collect();
        expected.push(20);
        assert_eq!(visible(&filters, false), expected);
    }

    #[test]
    fn finding_shows_matching_labels_and_selected_ones() {
        let options = options(30);
        let mut filters = Filters::default();
        filters.toggle(Facet::Track, "track-3");
        let found = visible_options(options.iter(), &filters, Facet::Track, "2", false);
        assert_eq!(found, [2, 3, 12, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29]);
    }
}
