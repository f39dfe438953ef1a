//! The talk cards: one `<article>` per talk with its title (a link to the talk's view),
//! speakers, tracks, day, conference, summary and links, search matches highlighted, and a
//! star. Lists render a page of cards at a time ("Show more"), so huge archives stay fast.

use leptos::prelude::*;
use recap_bundle::{LinkKind, Talk};
use recap_query::html_text::plain_text;
use recap_query::{Facet, SearchQuery, Selection, excerpt, has_match, highlight};

use crate::app::Viewer;
use crate::bundle_parts::Arrival;
use crate::url_state::talk_href;

/// Cards rendered at first, and added by each "Show more".
pub const PAGE_SIZE: usize = 48;

/// Cards built in the same task as the change that asks for them (a filter, a search): enough
/// to fill a screen. The rest of the page follows in slices of this size, one per frame, so the
/// first frame after a reader's input never waits for cards below the fold.
pub const SLICE: usize = 12;

/// The cards of the current selection, a page at a time.
///
/// Cards are keyed by talk, so filtering only adds, removes and moves cards; it never
/// re-renders a card that stays.
#[component]
pub fn TalkList() -> impl IntoView {
    let viewer = expect_context::<Viewer>();
    let selection = viewer.selection;
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
    let built = RwSignal::new((0_u64, SLICE));
    let limit = move || for_this_selection(asked, PAGE_SIZE);
    let shown = Memo::new(move |_| {
        let allowed = limit().min(for_this_selection(built, SLICE));
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
            request_animation_frame(move || {
                set_timeout(
                    move || {
                        let _ = built.try_set((generation, have + SLICE));
                    },
                    std::time::Duration::ZERO,
                );
            });
        }
    });
    let remaining = move || selection.with(|s| s.len()).saturating_sub(limit());
    view! {
        <ol class="talk-list">
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

/// `text` with the parts matching the search marked.
pub fn highlighted(text: String, query: Memo<SearchQuery>) -> impl IntoView {
    move || {
        query.with(|query| {
            highlight(&text, query)
                .into_iter()
                .map(|segment| {
                    let part = segment.text.to_owned();
                    if segment.highlighted {
                        view! { <mark>{part}</mark> }.into_any()
                    } else {
                        part.into_any()
                    }
                })
                .collect_view()
        })
    }
}

/// One talk card.
#[component]
pub fn TalkCard(index: usize) -> impl IntoView {
    let viewer = expect_context::<Viewer>();
    let bundle = viewer.bundle.clone();
    let state = viewer.state;
    let query = viewer.query;
    let talk: &Talk = &bundle.talks[index];
    let id = talk.id.clone();

    let open = {
        let id = id.clone();
        move |event: leptos::ev::MouseEvent| {
            if is_plain_click(&event) {
                event.prevent_default();
                state.open_talk(&id);
            }
        }
    };
    let has_notes = talk.has_notes();
    let summary = summary_or_excerpt(index, query);
    view! {
        <article class="talk-card" data-testid="talk-card" data-id=id.clone()>
            <header class="talk-header">
                <TalkMeta index />
                <div class="talk-title-row">
                    <h2 class="talk-title" class:is-untitled=talk.title.is_none() data-testid="talk-title">
                        <a href=talk_href(&id) class="talk-title-link" on:click=open.clone()>
                            {highlighted(talk.display_title(), query)}
                        </a>
                    </h2>
                    <StarButton id=id.clone() title=talk.display_title() />
                </div>
                <Speakers index />
            </header>
            <Tracks index />
            {summary}
            <Links index />
            {has_notes.then(|| view! {
                <a class="talk-open" href=talk_href(&id) on:click=open data-testid="talk-open">
                    "Read the notes"
                    <span aria-hidden="true">" →"</span>
                    <span class="visually-hidden">{format!(" on {}", talk.display_title())}</span>
                </a>
            })}
        </article>
    }
}

/// The card's summary; while searching, when neither the title, the speakers nor the summary
/// show why the talk matched, an excerpt of the notes around the first match instead (fetching
/// the talk's notes if they are not there yet; the summary shows meanwhile).
fn summary_or_excerpt(index: usize, query: Memo<SearchQuery>) -> impl IntoView + use<> {
    let viewer = expect_context::<Viewer>();
    let (bundle, parts) = (viewer.bundle, viewer.parts);
    let summary = bundle.talks[index].summary.trim().to_owned();
    // The notes' text, extracted the first time a search needs it.
    let notes_text = StoredValue::new(None::<String>);
    let shown = move || {
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
    };
    move || {
        let (text, is_excerpt) = shown();
        (!text.is_empty()).then(|| {
            let segments = query.with(|query| {
                highlight(&text, query)
                    .into_iter()
                    .map(|segment| (segment.text.to_owned(), segment.highlighted))
                    .collect::<Vec<_>>()
            });
            view! {
                <p class="talk-summary" class:is-excerpt=is_excerpt data-testid="talk-summary">
                    {segments
                        .into_iter()
                        .map(|(part, marked)| if marked {
                            view! { <mark>{part}</mark> }.into_any()
                        } else {
                            part.into_any()
                        })
                        .collect_view()}
                </p>
            }
        })
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
    let bundle = viewer.bundle.clone();
    let talk = &bundle.talks[index];
    let state = viewer.state;
    let conference = bundle.conference(&talk.conference);
    let name = conference.map_or_else(|| talk.conference.clone(), |c| c.name.clone());
    let day = talk
        .day
        .as_deref()
        .and_then(|id| bundle.day(id))
        .map(|(_, day)| {
            let date = day.date.clone();
            view! {
                <span class="meta-item" data-testid="talk-day">
                    <time datetime=date.clone() title=date>{day.label.clone()}</time>
                </span>
            }
        });
    let conference_id = talk.conference.clone();
    let href = format!("?conference={}", encode(&conference_id));
    view! {
        <p class="talk-meta">
            <a
                class="meta-item meta-link"
                data-testid="talk-conference"
                href=href
                title="Show this conference's overview"
                on:click=move |event| {
                    if is_plain_click(&event) {
                        event.prevent_default();
                        state.show_only(Facet::Conference, &conference_id);
                    }
                }
            >
                {name}
            </a>
            " "
            {day}
        </p>
    }
}

/// Speakers, each a button showing all of that speaker's talks.
#[component]
pub fn Speakers(index: usize) -> impl IntoView {
    let viewer = expect_context::<Viewer>();
    let bundle = viewer.bundle.clone();
    let talk = &bundle.talks[index];
    let state = viewer.state;
    let query = viewer.query;
    if talk.speakers.is_empty() {
        return None;
    }
    let items = talk
        .speakers
        .iter()
        .map(|speaker| {
            let company = speaker.company.clone().map(|company| {
                view! {
                    " "
                    <span class="speaker-company">"(" {highlighted(company, query)} ")"</span>
                }
            });
            let id = speaker.id.clone();
            let label = format!("All talks by {}", speaker.name);
            view! {
                <li class="speaker">
                    <button
                        type="button"
                        class="speaker-name link-button"
                        title=label
                        on:click=move |_| state.show_only(Facet::Speaker, &id)
                    >
                        {highlighted(speaker.name.clone(), query)}
                    </button>
                    {company}
                </li>
            }
        })
        .collect_view();
    Some(view! {
        <ul class="talk-speakers" data-testid="talk-speakers" aria-label="Speakers">
            {items}
        </ul>
    })
}

/// The talk's tracks as chips.
#[component]
pub fn Tracks(index: usize) -> impl IntoView {
    let viewer = expect_context::<Viewer>();
    let bundle = viewer.bundle.clone();
    let talk = &bundle.talks[index];
    let query = viewer.query;
    let tracks = talk
        .tracks
        .iter()
        .map(|id| {
            let track = bundle.track(id);
            let label = track.map_or_else(|| id.clone(), |track| track.label.clone());
            // Other spellings of the track in the recaps, as a tooltip.
            let aliases = track
                .filter(|track| !track.aliases.is_empty())
                .map(|track| format!("Also written {}", track.aliases.join(", ")));
            view! {
                <li class="chip" data-testid="talk-track" data-id=id.clone() title=aliases>
                    {highlighted(label, query)}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="talk-tracks" aria-label="Tracks">{tracks}</ul> }
}

/// Session, slides, video and other links.
#[component]
pub fn Links(index: usize) -> impl IntoView {
    let bundle = expect_context::<Viewer>().bundle;
    let talk = &bundle.talks[index];
    let links: Vec<_> = talk
        .links
        .iter()
        .filter(|link| is_web_url(&link.url))
        .cloned()
        .collect();
    if links.is_empty() {
        return None;
    }
    let items = links
        .into_iter()
        .map(|link| {
            let kind = link_kind_label(link.kind);
            // `Video video` or a session link labelled with the talk's own title say nothing
            // more than the kind.
            let label = link.label.trim();
            let redundant = label.is_empty()
                || label.eq_ignore_ascii_case(kind)
                || talk
                    .title
                    .as_deref()
                    .is_some_and(|title| title.trim() == label);
            let label = (!redundant).then(|| label.to_owned());
            view! {
                <li>
                    <a
                        class="talk-link"
                        data-kind=kind.to_lowercase()
                        href=link.url.clone()
                        rel="noopener noreferrer"
                    >
                        <span class="talk-link-kind">{kind}</span>
                        {label.map(|label| view! { <span class="talk-link-label">{label}</span> })}
                    </a>
                </li>
            }
        })
        .collect_view();
    Some(view! { <ul class="talk-links" aria-label="Links">{items}</ul> })
}

/// The star toggle of a talk.
#[component]
pub fn StarButton(id: String, title: String) -> impl IntoView {
    let favourites = expect_context::<Viewer>().favourites;
    let starred = {
        let id = id.clone();
        Signal::derive(move || favourites.is_starred(&id))
    };
    let label = format!("Star “{title}”");
    view! {
        <button
            type="button"
            class="star-button"
            class:is-starred=starred
            data-testid="star"
            aria-label=label
            aria-pressed=move || starred.get().to_string()
            title=move || if starred.get() { "Starred: click to unstar" } else { "Star this talk" }
            on:click=move |_| favourites.toggle(&id)
        >
            <span aria-hidden="true">{move || if starred.get() { "★" } else { "☆" }}</span>
        </button>
    }
}

/// Percent-encodes a query value.
pub fn encode(value: &str) -> String {
    String::from(js_sys::encode_uri_component(value))
}

/// Only `http(s)` links are shown; the compiler promises that, and the card double-checks.
pub fn is_web_url(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

pub fn link_kind_label(kind: LinkKind) -> &'static str {
    match kind {
        LinkKind::Session => "Session",
        LinkKind::Slides => "Slides",
        LinkKind::Video => "Video",
        LinkKind::Other => "Link",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_links_are_shown() {
        assert!(is_web_url("https://example.org/talk"));
        assert!(is_web_url("HTTP://example.org"));
        assert!(!is_web_url("javascript:alert(1)"));
        assert!(!is_web_url("data:text/html,hi"));
    }
}
