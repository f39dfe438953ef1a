//! The talk cards: one `<article>` per talk with its title, speakers, tracks, day, conference,
//! summary, links and (on demand) the full notes.

use std::sync::Arc;

use leptos::prelude::*;
use recap_bundle::{Bundle, LinkKind, Talk};

/// The cards of the talks at `indices` (positions in `bundle.talks`), in that order.
///
/// Cards are keyed by talk, so filtering only adds and removes cards; it never re-renders (and
/// closes the notes of) a card that stays.
#[component]
pub fn TalkList(bundle: Arc<Bundle>, #[prop(into)] indices: Signal<Vec<usize>>) -> impl IntoView {
    view! {
        <ol class="talk-list">
            <For
                each=move || indices.get()
                key=|index| *index
                children=move |index| {
                    view! {
                        <li>
                            <TalkCard bundle=bundle.clone() index />
                        </li>
                    }
                }
            />
        </ol>
    }
}

/// One talk card.
#[component]
pub fn TalkCard(bundle: Arc<Bundle>, index: usize) -> impl IntoView {
    let talk: &Talk = &bundle.talks[index];
    let conference = bundle.conference(&talk.conference);
    let day = talk
        .day
        .as_deref()
        .and_then(|id| bundle.day(id))
        .map(|(_, day)| day);
    let untitled = talk.title.is_none();
    let has_speakers = !talk.speakers.is_empty();

    let speakers = talk
        .speakers
        .iter()
        .map(|speaker| {
            let company = speaker.company.clone().map(|company| {
                view! {
                    " "
                    <span class="speaker-company">"(" {company} ")"</span>
                }
            });
            view! {
                <li class="speaker">
                    <span class="speaker-name">{speaker.name.clone()}</span>
                    {company}
                </li>
            }
        })
        .collect_view();

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
                    {label}
                </li>
            }
        })
        .collect_view();

    let day_view = day.map(|day| {
        let date = day.date.clone();
        view! {
            <span class="meta-item" data-testid="talk-day">
                <time datetime=date.clone() title=date>{day.label.clone()}</time>
            </span>
        }
    });
    let conference_view = view! {
        <span class="meta-item" data-testid="talk-conference">
            {conference.map_or_else(|| talk.conference.clone(), |c| c.name.clone())}
        </span>
    };

    let links: Vec<_> = talk
        .links
        .iter()
        .filter(|link| is_web_url(&link.url))
        .collect();
    let links_view = (!links.is_empty()).then(|| {
        let items = links
            .into_iter()
            .map(|link| {
                let kind = link_kind_label(link.kind);
                // `Video video` or a session link labelled with the talk's own title say nothing
                // more than the kind.
                let label = link.label.trim();
                let redundant = label.is_empty()
                    || label.eq_ignore_ascii_case(kind)
                    || talk.title.as_deref().is_some_and(|title| title.trim() == label);
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
        view! { <ul class="talk-links" aria-label="Links">{items}</ul> }
    });

    let recap_title = |file: &str| {
        conference
            .and_then(|c| c.sources.iter().find(|source| source.file == file))
            .and_then(|source| source.title.clone())
    };
    let notes: Vec<_> = talk
        .notes
        .iter()
        .filter(|notes| !notes.html.trim().is_empty())
        .collect();
    let notes_view = (!notes.is_empty()).then(|| {
        let several = notes.len() > 1;
        let summary = if several {
            format!("Read the full notes ({} recaps)", notes.len())
        } else {
            "Read the full notes".to_owned()
        };
        let sections = notes
            .into_iter()
            .map(|notes| {
                // With several recaps of one talk, say whose notes each part is.
                let byline = several.then(|| {
                    let by = notes_byline(&notes.author, recap_title(&notes.source.file));
                    view! { <h3 class="talk-notes-byline">{by}</h3> }
                });
                view! {
                    <section class="talk-notes-part">
                        {byline}
                        <div class="talk-notes-body" inner_html=notes.html.clone()></div>
                    </section>
                }
            })
            .collect_view();
        view! {
            <details class="talk-notes" data-testid="talk-notes">
                <summary>{summary}</summary>
                {sections}
            </details>
        }
    });

    let summary = (!talk.summary.trim().is_empty()).then(|| {
        view! { <p class="talk-summary" data-testid="talk-summary">{talk.summary.clone()}</p> }
    });

    view! {
        <article class="talk-card" data-testid="talk-card" data-id=talk.id.clone()>
            <header class="talk-header">
                <p class="talk-meta">{conference_view} {day_view}</p>
                <h2 class="talk-title" class:is-untitled=untitled data-testid="talk-title">
                    {talk.display_title()}
                </h2>
                {has_speakers.then(|| view! {
                    <ul class="talk-speakers" data-testid="talk-speakers" aria-label="Speakers">
                        {speakers}
                    </ul>
                })}
            </header>
            <ul class="talk-tracks" aria-label="Tracks">
                {tracks}
            </ul>
            {summary}
            {links_view}
            {notes_view}
        </article>
    }
}

/// Whose notes these are, when a talk has notes from several recaps.
fn notes_byline(author: &Option<String>, recap_title: Option<String>) -> String {
    match (author, recap_title) {
        (Some(author), _) => format!("Notes by {author}"),
        (None, Some(title)) => format!("From “{title}”"),
        (None, None) => "From another recap".to_owned(),
    }
}

/// Only `http(s)` links are shown; the compiler promises that, and the card double-checks.
fn is_web_url(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

fn link_kind_label(kind: LinkKind) -> &'static str {
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
