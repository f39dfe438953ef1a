//! The talk view (`?talk=<id>`): everything about one talk — full notes from every recap that
//! covers it (with author and a link to the original post), links, and the previous and next
//! talk of the current list. Escape or Back returns to the list where the reader left it.

use leptos::prelude::*;
use recap_bundle::{RecapSource, Talk};

use crate::app::Viewer;
use crate::bundle_parts::Arrival;
use crate::card_html::is_web_url;
use crate::cards::{Links, Speakers, StarButton, TalkMeta, Tracks, is_plain_click};
use crate::filters::unique_id;
use crate::url_state::talk_href;

/// The open talk, or a message when the permalink names no talk of this archive.
#[component]
pub fn TalkView(id: String) -> impl IntoView {
    let viewer = expect_context::<Viewer>();
    let bundle = viewer.bundle.clone();
    let state = viewer.state;
    let Some(index) = bundle.talks.iter().position(|talk| talk.id == id) else {
        return view! {
            <section class="talk-view talk-view-missing" data-testid="talk-view">
                <BackButton />
                <h2>"Talk not found"</h2>
                <p>{format!("This archive has no talk “{id}”. It may have been renamed or removed.")}</p>
            </section>
        }
        .into_any();
    };
    let talk: Talk = bundle.talks[index].clone();
    let neighbours = move || {
        viewer
            .selection
            .with(|selection| selection.neighbours(index))
    };
    let neighbour_link = {
        let bundle = bundle.clone();
        move |index: Option<usize>, rel: &'static str| {
            index.map(|index| {
                let talk = &bundle.talks[index];
                let id = talk.id.clone();
                let (label, arrow) = if rel == "prev" {
                    ("Previous", "← ")
                } else {
                    ("Next", "")
                };
                view! {
                    <a
                        class="neighbour"
                        class:is-next=rel == "next"
                        rel=rel
                        href=talk_href(&id)
                        data-testid=format!("talk-{rel}")
                        on:click=move |event| {
                            if is_plain_click(&event) {
                                event.prevent_default();
                                state.switch_talk(&id);
                            }
                        }
                    >
                        <span class="neighbour-kind">{arrow} {label} {(rel == "next").then_some(" →")}</span>
                        <span class="neighbour-title">{talk.display_title()}</span>
                    </a>
                }
            })
        }
    };
    let sources = {
        let (parts, talk, bundle) = (viewer.parts.clone(), talk.clone(), viewer.bundle.clone());
        move || {
            match parts.notes_html(&talk) {
            Arrival::Ready(html) => {
                let notes: Vec<(Option<RecapSource>, String)> = talk
                    .notes
                    .iter()
                    .map(|notes| bundle.recap_of(&talk, notes).cloned())
                    .zip(html)
                    .filter(|(_, html)| !html.trim().is_empty())
                    .collect();
                let several = notes.len() > 1;
                notes
                    .into_iter()
                    .map(|(recap, html)| view! { <RecapNotes recap html several /> })
                    .collect_view()
                    .into_any()
            }
            Arrival::Pending => view! {
                <p class="notes-state" data-testid="notes-loading" role="status">"Loading the notes…"</p>
            }
            .into_any(),
            Arrival::Failed(error) => {
                let (parts, talk) = (parts.clone(), talk.clone());
                view! {
                    <div class="notes-state notes-failed" data-testid="notes-error" role="alert">
                        <p>{format!("The notes could not be loaded. {error}")}</p>
                        <button type="button" class="button" on:click=move |_| parts.retry_notes(&talk)>
                            "Try again"
                        </button>
                    </div>
                }
                .into_any()
            }
        }
        }
    };
    let title = talk.display_title();
    let title_id = unique_id("talk-view-title");
    let labelled_by = title_id.clone();
    // Focus moves to the title when the view opens, so keyboard and screen-reader users start
    // there (and Tab continues into the talk).
    let title_ref = NodeRef::<leptos::html::H2>::new();
    Effect::new(move |_| {
        if let Some(title) = title_ref.get() {
            request_animation_frame(move || {
                let _ = title.focus();
            });
        }
    });
    view! {
        <article class="talk-view" data-testid="talk-view" data-id=talk.id.clone() aria-labelledby=labelled_by>
            <nav class="talk-view-nav" aria-label="Talk navigation">
                <BackButton />
            </nav>
            <header class="talk-view-header">
                <TalkMeta index />
                <div class="talk-title-row">
                    <h2 id=title_id node_ref=title_ref class="talk-view-title" tabindex="-1">{title.clone()}</h2>
                    <StarButton id=talk.id.clone() title=title />
                </div>
                <Speakers index />
                <Tracks index />
            </header>
            <Links index />
            <div class="talk-view-notes" data-testid="talk-notes">{sources}</div>
            <nav class="talk-neighbours" aria-label="Previous and next talk">
                {move || {
                    let (previous, next) = neighbours();
                    view! {
                        {neighbour_link.clone()(previous, "prev")}
                        {neighbour_link.clone()(next, "next")}
                    }
                }}
            </nav>
        </article>
    }
    .into_any()
}

/// "Back to the talks".
#[component]
fn BackButton() -> impl IntoView {
    let state = expect_context::<Viewer>().state;
    view! {
        <button
            type="button"
            class="link-button back-button"
            data-testid="talk-back"
            aria-keyshortcuts="Escape"
            on:click=move |_| state.leave_talk()
        >
            <span aria-hidden="true">"← "</span>
            "All talks"
        </button>
    }
}

/// One recap's notes on the talk, with who wrote them and where (`recap`: none when the bundle
/// does not say).
#[component]
fn RecapNotes(recap: Option<RecapSource>, html: String, several: bool) -> impl IntoView {
    let source = recap.as_ref();
    let recap_title = source
        .map(|source| source.title.clone().unwrap_or_else(|| source.file.clone()))
        .unwrap_or_else(|| "a recap".to_owned());
    let url = source
        .and_then(|source| source.url.clone())
        .filter(|url| is_web_url(url));
    let date = source
        .and_then(|source| source.date.clone())
        .map(|date| date.chars().take(10).collect::<String>());
    let recap = match url {
        Some(url) => view! {
            <a href=url rel="noopener noreferrer" data-testid="recap-link">{recap_title}</a>
        }
        .into_any(),
        None => view! { <cite>{recap_title}</cite> }.into_any(),
    };
    let author = source
        .and_then(|source| source.author.clone())
        .map(|author| view! { " by " <span class="recap-author">{author}</span> });
    let date = date.map(|date| view! { " · " <time datetime=date.clone()>{date.clone()}</time> });
    view! {
        <section class="recap-notes" data-testid="recap-notes" class:is-one-of-several=several>
            <p class="recap-source">
                {if several { "Notes from " } else { "From " }}
                {recap}
                {author}
                {date}
            </p>
            <div class="talk-notes-body" inner_html=html></div>
        </section>
    }
}
