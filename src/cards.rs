//! The talk cards: one `<article>` per talk with its title (a link to the talk's view),
//! speakers, tracks, day, conference, summary and links, search matches highlighted, and a
//! star. Lists render a page of cards at a time ("Show more"), so huge archives stay fast; a
//! new selection builds the cards the window shows at once and the rest of the page a slice per
//! frame after that.

use leptos::prelude::*;
use recap_bundle::Talk;
use recap_query::html_text::plain_text;
use recap_query::{Facet, SearchQuery, Selection, excerpt, has_match};
use wasm_bindgen::JsCast;

use crate::app::Viewer;
use crate::bundle_parts::Arrival;
use crate::card_html;
use crate::favourites::Favourites;
use crate::url_state::PageState;

/// Cards rendered at first, and added by each "Show more".
pub const PAGE_SIZE: usize = 48;

/// Cards built in the same task as the change that asks for them (a filter, a search) until
/// the list has been measured: enough to fill a laptop's screen (two rows of three). After
/// that, the first slice is what fits in the reader's window (`cards_in_view`), so the first
/// frame after a reader's input never waits for cards below the fold.
pub const FIRST_SLICE: usize = 6;

/// The fewest cards a first slice has, however little of them the window shows.
const MIN_FIRST_SLICE: usize = 2;

/// Cards added per frame after that, until the page is complete.
pub const SLICE: usize = 12;

/// The cards of the current selection, a page at a time.
///
/// Cards are keyed by talk, so filtering only adds, removes and moves cards; it never
/// re-renders a card that stays.
#[component]
pub fn TalkList() -> impl IntoView {
    let viewer = expect_context::<Viewer>();
    let (selection, state, favourites) = (viewer.selection, viewer.state, viewer.favourites);
    // Counts the selections seen: a new one starts again from its first page and first slice.
    // Both counts below belong to one generation, so a new selection resets them by itself.
    let generation = Memo::new(move |previous: Option<&u64>| {
        selection.track();
        previous.map_or(0, |generation| generation + 1)
    });
    let for_this_selection = move |count: RwSignal<(u64, usize)>, initial: usize| {
        let generation = generation.get();
        count.with(|(of, count)| if *of == generation { *count } else { initial })
    };
    // Cards the reader asked for ("Show more"), and how many of them may be built so far.
    let asked = RwSignal::new((0_u64, PAGE_SIZE));
    let built = RwSignal::new((0_u64, FIRST_SLICE));
    // How many cards the window showed when the list was last measured: a new selection's first
    // slice. Measured after a paint, when reading the layout costs nothing.
    let first_slice = StoredValue::new(FIRST_SLICE);
    let list = NodeRef::<leptos::html::Ol>::new();
    let limit = move || for_this_selection(asked, PAGE_SIZE);
    let shown = Memo::new(move |_| {
        let first = first_slice.get_value();
        let allowed = limit().min(for_this_selection(built, first));
        selection.with(|selection| {
            selection
                .indices()
                .iter()
                .copied()
                .take(allowed)
                .collect::<Vec<_>>()
        })
    });
    // Once a slice is on screen, the next one is built after the browser has painted.
    Effect::new(move |_| {
        let generation = generation.get();
        let wanted = limit().min(selection.with(Selection::len));
        let have = shown.with(Vec::len);
        if have < wanted {
            crate::app::after_next_paint(move || {
                if let Some(fit) = list
                    .try_get_untracked()
                    .flatten()
                    .and_then(|list| measure(&list))
                {
                    first_slice.set_value(fit);
                }
                let _ = built.try_set((generation, have + SLICE));
            });
        }
    });
    // Cards write their star as it is when they are built; when the reader stars or unstars a
    // talk (here, in the talk view or in another tab), the stars on screen follow.
    Effect::new(move |_| {
        favourites.ids().with(|starred| {
            if let Some(list) = list.get() {
                show_stars(&list, starred);
            }
        })
    });
    let remaining = move || selection.with(|s| s.len()).saturating_sub(limit());
    view! {
        <ol class="talk-list" node_ref=list on:click=move |event| follow_card_link(&event, state, favourites)>
            <For
                each=move || shown.get()
                key=|index| *index
                children=move |index| view! { <li><TalkCard index /></li> }
            />
        </ol>
        <Show when=move || { remaining() > 0 }>
            <button
                type="button"
                class="button show-more"
                data-testid="show-more"
                on:click=move |_| asked.set((generation.get_untracked(), limit() + PAGE_SIZE))
            >
                {move || format!("Show {} more", remaining().min(PAGE_SIZE))}
                <span class="show-more-rest">{move || format!(" of {} left", remaining())}</span>
            </button>
        </Show>
    }
}

/// The first slice for the window `list` is shown in, from the size of its first card; `None`
/// while the list has no card to measure or is not on screen.
fn measure(list: &web_sys::HtmlOListElement) -> Option<usize> {
    let card = list.first_element_child()?.get_bounding_client_rect();
    let list_box = list.get_bounding_client_rect();
    let window_height = web_sys::window()?.inner_height().ok()?.as_f64()?;
    let geometry = ListGeometry {
        list_width: list_box.width(),
        card_width: card.width(),
        card_height: card.height(),
        visible_height: window_height - list_box.top().max(0.0),
    };
    cards_in_view(geometry)
}

/// What decides how many cards a window shows: sizes in CSS pixels.
#[derive(Clone, Copy, Debug)]
struct ListGeometry {
    /// The width of the list (its grid of cards).
    list_width: f64,
    /// The width of one card.
    card_width: f64,
    /// The height of one card.
    card_height: f64,
    /// The height of the window below the list's top (all of it once the list's top is
    /// scrolled past).
    visible_height: f64,
}

/// How many cards fill the part of the window the list shows: its columns times the rows of
/// cards that start inside it, at least [`MIN_FIRST_SLICE`] and at most [`SLICE`]; `None` for a
/// list without a size (not laid out, or hidden).
fn cards_in_view(geometry: ListGeometry) -> Option<usize> {
    let ListGeometry {
        list_width,
        card_width,
        card_height,
        visible_height,
    } = geometry;
    if !(list_width > 0.0 && card_width > 0.0 && card_height > 0.0) {
        return None;
    }
    // Columns share the list's width, with a gap between them narrower than a card.
    let columns = (list_width / card_width).round().max(1.0);
    let rows = (visible_height.max(0.0) / card_height).ceil().max(1.0);
    let cards = (columns * rows) as usize;
    Some(cards.clamp(MIN_FIRST_SLICE, SLICE))
}

/// One talk card: its head (conference, day, title, star) and body (speakers, tracks, summary,
/// links) are each one HTML string, re-written when the search changes. Clicks on the card's
/// links and buttons are handled by the list ([`follow_card_link`]), which also keeps the stars
/// in step.
#[component]
pub fn TalkCard(index: usize) -> impl IntoView {
    let viewer = expect_context::<Viewer>();
    let (bundle, query) = (viewer.bundle.clone(), viewer.query);
    let talk: &Talk = &bundle.talks[index];
    let id = talk.id.clone();
    let summary = summary_or_excerpt(index, query);
    let favourites = viewer.favourites;
    let head = {
        let (bundle, id) = (bundle.clone(), id.clone());
        move || {
            // The list keeps the star's state in step afterwards (see `TalkList`).
            let starred = favourites.ids().with_untracked(|ids| ids.contains(&id));
            query.with(|query| card_html::card_head(&bundle, &bundle.talks[index], query, starred))
        }
    };
    let body = move || {
        let (text, is_excerpt) = summary();
        let summary = card_html::CardSummary {
            text: &text,
            is_excerpt,
        };
        query.with(|query| card_html::card_body(&bundle, &bundle.talks[index], summary, query))
    };
    view! {
        <article class="talk-card" data-testid="talk-card" data-id=id>
            <header class="talk-header" inner_html=head></header>
            <div class="talk-body" inner_html=body></div>
        </article>
    }
}

/// Handles a click on a talk's links and buttons written by [`card_html`]: a talk's title or
/// "Read the notes" opens its view, the conference shows its overview, a speaker shows their
/// talks, a star stars the talk. Links clicked to open a new tab or window are left to the browser.
pub fn follow_card_link(event: &leptos::ev::MouseEvent, state: PageState, favourites: Favourites) {
    let attribute = |name: &str| {
        clicked_element(event, &format!("[{name}]")).and_then(|element| element.get_attribute(name))
    };
    if let Some(talk) = attribute(card_html::STAR_ATTRIBUTE) {
        favourites.toggle(&talk);
        return;
    }
    if let Some(speaker) = attribute(card_html::SPEAKER_ATTRIBUTE) {
        state.show_only(Facet::Speaker, &speaker);
        return;
    }
    if !is_plain_click(event) {
        return;
    }
    if let Some(talk) = attribute(card_html::TALK_ATTRIBUTE) {
        event.prevent_default();
        state.open_talk(&talk);
    } else if let Some(conference) = attribute(card_html::CONFERENCE_ATTRIBUTE) {
        event.prevent_default();
        state.show_only(Facet::Conference, &conference);
    }
}

/// The card's summary; while searching, when neither the title, the speakers nor the summary
/// show why the talk matched, an excerpt of the notes around the first match instead (fetching
/// the talk's notes if they are not there yet; the summary shows meanwhile). Returns the text
/// and whether it is an excerpt.
fn summary_or_excerpt(index: usize, query: Memo<SearchQuery>) -> impl Fn() -> (String, bool) {
    let viewer = expect_context::<Viewer>();
    let (bundle, parts) = (viewer.bundle, viewer.parts);
    let summary = bundle.talks[index].summary.trim().to_owned();
    // The notes' text, extracted the first time a search needs it.
    let notes_text = StoredValue::new(None::<String>);
    move || {
        let talk = &bundle.talks[index];
        let visible_match = |query: &SearchQuery| {
            has_match(&summary, query)
                || has_match(&talk.display_title(), query)
                || talk
                    .speakers
                    .iter()
                    .any(|speaker| has_match(&speaker.name, query))
        };
        if query.with(|query| query.is_empty() || visible_match(query)) {
            return (summary.clone(), false);
        }
        if notes_text.with_value(Option::is_none)
            && let Arrival::Ready(html) = parts.notes_html(talk)
        {
            let texts: Vec<String> = html.iter().map(|html| plain_text(html)).collect();
            notes_text.set_value(Some(texts.join(" ")));
        }
        let excerpt = notes_text.with_value(|text| {
            text.as_ref()
                .and_then(|text| query.with(|query| excerpt(text, query, EXCERPT_CHARS)))
        });
        match excerpt {
            Some(excerpt) => (excerpt, true),
            None => (summary.clone(), false),
        }
    }
}

/// Characters of a notes excerpt on a card.
const EXCERPT_CHARS: usize = 180;

/// Whether a click on a link should be handled in the page (not a new tab or window).
pub fn is_plain_click(event: &leptos::ev::MouseEvent) -> bool {
    event.button() == 0
        && !event.ctrl_key()
        && !event.meta_key()
        && !event.shift_key()
        && !event.alt_key()
}

/// Conference (a link to its overview) and day.
#[component]
pub fn TalkMeta(index: usize) -> impl IntoView {
    let viewer = expect_context::<Viewer>();
    let (bundle, state, favourites) = (viewer.bundle, viewer.state, viewer.favourites);
    let talk = &bundle.talks[index];
    let html = card_html::meta(&bundle, talk);
    view! {
        <p
            class="talk-meta"
            inner_html=html
            on:click=move |event| follow_card_link(&event, state, favourites)
        ></p>
    }
}

/// Speakers, each a button showing all of that speaker's talks.
#[component]
pub fn Speakers(index: usize) -> impl IntoView {
    let viewer = expect_context::<Viewer>();
    let (bundle, state, query) = (viewer.bundle, viewer.state, viewer.query);
    let favourites = viewer.favourites;
    if bundle.talks[index].speakers.is_empty() {
        return None;
    }
    let html = move || query.with(|query| card_html::speakers(&bundle.talks[index], query));
    Some(view! {
        <ul
            class="talk-speakers"
            data-testid="talk-speakers"
            aria-label="Speakers"
            inner_html=html
            on:click=move |event| follow_card_link(&event, state, favourites)
        ></ul>
    })
}

/// The talk's tracks as chips.
#[component]
pub fn Tracks(index: usize) -> impl IntoView {
    let viewer = expect_context::<Viewer>();
    let (bundle, query) = (viewer.bundle, viewer.query);
    let html = move || query.with(|query| card_html::tracks(&bundle, &bundle.talks[index], query));
    view! { <ul class="talk-tracks" aria-label="Tracks" inner_html=html></ul> }
}

/// Session, slides, video and other links.
#[component]
pub fn Links(index: usize) -> impl IntoView {
    let bundle = expect_context::<Viewer>().bundle;
    card_html::links(&bundle.talks[index])
        .map(|html| view! { <ul class="talk-links" aria-label="Links" inner_html=html></ul> })
}

/// The element matching `selector` that a click landed on or in, inside the element handling it.
fn clicked_element(event: &leptos::ev::MouseEvent, selector: &str) -> Option<web_sys::Element> {
    let target = event.target()?.dyn_into::<web_sys::Element>().ok()?;
    let container = event
        .current_target()?
        .dyn_into::<web_sys::Element>()
        .ok()?;
    target
        .closest(selector)
        .ok()
        .flatten()
        .filter(|element| container.contains(Some(element)))
}

/// Puts the star buttons in `list` in step with the starred talks.
fn show_stars(list: &web_sys::Element, starred: &std::collections::BTreeSet<String>) {
    let selector = format!("[{}]", card_html::STAR_ATTRIBUTE);
    let Ok(buttons) = list.query_selector_all(&selector) else {
        return;
    };
    for button in (0..buttons.length()).filter_map(|at| buttons.item(at)) {
        let Ok(button) = button.dyn_into::<web_sys::Element>() else {
            continue;
        };
        let Some(id) = button.get_attribute(card_html::STAR_ATTRIBUTE) else {
            continue;
        };
        let is_starred = starred.contains(&id);
        let pressed = if is_starred { "true" } else { "false" };
        if button.get_attribute("aria-pressed").as_deref() == Some(pressed) {
            continue;
        }
        let _ = button.set_attribute("aria-pressed", pressed);
        let _ = button.set_attribute("class", card_html::star_class(is_starred));
        let _ = button.set_attribute("title", card_html::star_tooltip(is_starred));
        if let Some(glyph) = button.first_element_child() {
            glyph.set_text_content(Some(card_html::star_glyph(is_starred)));
        }
    }
}

/// The star toggle of a talk.
#[component]
pub fn StarButton(id: String, title: String) -> impl IntoView {
    let favourites = expect_context::<Viewer>().favourites;
    let starred = {
        let id = id.clone();
        Signal::derive(move || favourites.is_starred(&id))
    };
    view! {
        <button
            type="button"
            class=move || card_html::star_class(starred.get())
            data-testid="star"
            aria-label=card_html::star_label(&title)
            aria-pressed=move || starred.get().to_string()
            title=move || card_html::star_tooltip(starred.get())
            on:click=move |_| favourites.toggle(&id)
        >
            <span aria-hidden="true">{move || card_html::star_glyph(starred.get())}</span>
        </button>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn geometry(list_width: f64, visible_height: f64) -> ListGeometry {
        ListGeometry {
            list_width,
            card_width: 448.0,
            card_height: 388.0,
            visible_height,
        }
    }

    #[test]
    fn a_laptop_window_shows_two_rows_of_two_cards() {
        // Two 448 px columns with a 16 px gap, 561 px of window below the list's top.
        assert_eq!(cards_in_view(geometry(912.0, 561.0)), Some(4));
    }

    #[test]
    fn a_wide_window_shows_more_columns_and_a_tall_one_more_rows() {
        assert_eq!(cards_in_view(geometry(1392.0, 561.0)), Some(6));
        assert_eq!(cards_in_view(geometry(912.0, 1200.0)), Some(8));
    }

    #[test]
    fn a_phone_shows_at_least_two_cards_and_a_huge_screen_at_most_a_slice() {
        assert_eq!(cards_in_view(geometry(448.0, 300.0)), Some(MIN_FIRST_SLICE));
        assert_eq!(cards_in_view(geometry(4000.0, 4000.0)), Some(SLICE));
    }

    #[test]
    fn a_list_scrolled_below_the_window_still_builds_the_minimum() {
        assert_eq!(
            cards_in_view(geometry(912.0, -200.0)),
            Some(MIN_FIRST_SLICE)
        );
    }

    #[test]
    fn a_list_without_a_size_is_not_measured() {
        let hidden = ListGeometry {
            card_width: 0.0,
            ..geometry(912.0, 561.0)
        };
        assert_eq!(cards_in_view(hidden), None);
    }
}
