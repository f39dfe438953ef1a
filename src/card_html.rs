//! The text-heavy parts of a talk (on its card and in its view) written as HTML text.
//!
//! A card is mostly static text: conference and day, speakers, track chips, a summary, links.
//! Building each of those pieces as its own reactive DOM node costs a call from wasm to the DOM
//! per element, attribute and text, and as much again to tear it down when a filter replaces
//! the card. Here each part is one string, set as the `innerHTML` of its container and parsed by
//! the browser in one go, which keeps a reader's filter or search within a frame.
//!
//! Everything that comes from the bundle is escaped on the way in, text and attribute values
//! alike, and links are only written for `http(s)` URLs: no recap can inject markup or script.

use recap_bundle::{Bundle, LinkKind, Talk};
use recap_query::SearchQuery;

use crate::markup::{escape_into, push_highlighted, query_value};

/// On a link that opens a talk's view: the talk's id.
pub const TALK_ATTRIBUTE: &str = "data-talk";
/// On a link to a conference's overview: the conference's id.
pub const CONFERENCE_ATTRIBUTE: &str = "data-conference";
/// On a speaker's button: the id of the speaker whose talks it shows.
pub const SPEAKER_ATTRIBUTE: &str = "data-speaker";

/// On a star button written here: the id of the talk it stars.
pub const STAR_ATTRIBUTE: &str = "data-star";

/// The class of a star button, whether the talk is starred.
pub fn star_class(starred: bool) -> &'static str {
    if starred {
        "star-button is-starred"
    } else {
        "star-button"
    }
}

/// The tooltip of a star button.
pub fn star_tooltip(starred: bool) -> &'static str {
    if starred {
        "Starred: click to unstar"
    } else {
        "Star this talk"
    }
}

/// The star itself, filled when the talk is starred.
pub fn star_glyph(starred: bool) -> &'static str {
    if starred { "★" } else { "☆" }
}

/// The accessible name of a talk's star button (its state is `aria-pressed`).
pub fn star_label(title: &str) -> String {
    format!("Star “{title}”")
}

/// A talk's star toggle (the list handles its click, reading [`STAR_ATTRIBUTE`], and keeps its
/// state in step with the reader's stars).
pub fn star_button(id: &str, title: &str, starred: bool) -> String {
    let mut out = String::with_capacity(256);
    out.push_str(r#"<button type="button" data-testid="star""#);
    push_attribute(&mut out, "class", star_class(starred));
    push_attribute(&mut out, STAR_ATTRIBUTE, id);
    push_attribute(&mut out, "aria-label", &star_label(title));
    push_attribute(
        &mut out,
        "aria-pressed",
        if starred { "true" } else { "false" },
    );
    push_attribute(&mut out, "title", star_tooltip(starred));
    out.push_str(r#"><span aria-hidden="true">"#);
    out.push_str(star_glyph(starred));
    out.push_str("</span></button>");
    out
}

/// Appends ` name="value"` with the value escaped.
fn push_attribute(out: &mut String, name: &str, value: &str) {
    out.push(' ');
    out.push_str(name);
    out.push_str("=\"");
    escape_into(out, value);
    out.push('"');
}

/// The top of a card: conference and day, the title linking to the talk's view, and the star.
pub fn card_head(bundle: &Bundle, talk: &Talk, query: &SearchQuery, starred: bool) -> String {
    let mut out = String::with_capacity(512);
    out.push_str(r#"<p class="talk-meta">"#);
    out.push_str(&meta(bundle, talk));
    out.push_str("</p><h2 class=\"talk-title");
    if talk.title.is_none() {
        out.push_str(" is-untitled");
    }
    out.push_str(r#"" data-testid="talk-title"><a class="talk-title-link""#);
    push_talk_link(&mut out, &talk.id);
    out.push('>');
    let title = talk.display_title();
    push_highlighted(&mut out, &title, query);
    out.push_str("</a></h2>");
    out.push_str(&star_button(&talk.id, &title, starred));
    out
}

/// What a card shows under its title for a summary: the talk's summary, or an excerpt of its
/// notes that shows why a search matched.
pub struct CardSummary<'a> {
    pub text: &'a str,
    pub is_excerpt: bool,
}

/// The rest of a card: speakers, track chips, the summary (or a notes excerpt), links, and a
/// link to the notes when there are any.
pub fn card_body(
    bundle: &Bundle,
    talk: &Talk,
    summary: CardSummary,
    query: &SearchQuery,
) -> String {
    let mut out = String::with_capacity(1024);
    if !talk.speakers.is_empty() {
        out.push_str(
            r#"<ul class="talk-speakers" data-testid="talk-speakers" aria-label="Speakers">"#,
        );
        out.push_str(&speakers(talk, query));
        out.push_str("</ul>");
    }
    // No empty list (and no empty gap) for a talk without tracks.
    if !talk.tracks.is_empty() {
        out.push_str(r#"<ul class="talk-tracks" aria-label="Tracks">"#);
        out.push_str(&tracks(bundle, talk, query));
        out.push_str("</ul>");
    }
    if !summary.text.is_empty() {
        out.push_str(r#"<p class="talk-summary"#);
        if summary.is_excerpt {
            out.push_str(" is-excerpt");
        }
        out.push_str(r#"" data-testid="talk-summary">"#);
        push_highlighted(&mut out, summary.text, query);
        out.push_str("</p>");
    }
    if let Some(links) = links(talk) {
        out.push_str(r#"<ul class="talk-links" aria-label="Links">"#);
        out.push_str(&links);
        out.push_str("</ul>");
    }
    if talk.has_notes() {
        out.push_str(r#"<a class="talk-open" data-testid="talk-open""#);
        push_talk_link(&mut out, &talk.id);
        out.push_str(r#">Read the notes<span aria-hidden="true"> →</span><span class="visually-hidden"> on "#);
        escape_into(&mut out, &talk.display_title());
        out.push_str("</span></a>");
    }
    out
}

/// Appends a talk's permalink (`href`) and its id for the click handler.
fn push_talk_link(out: &mut String, id: &str) {
    out.push_str(r#" href="?talk="#);
    escape_into(out, &query_value(id));
    out.push('"');
    push_attribute(out, TALK_ATTRIBUTE, id);
}

/// The talk's conference (a link to its overview; the container handles the click) and day.
pub fn meta(bundle: &Bundle, talk: &Talk) -> String {
    let name = bundle
        .conference(&talk.conference)
        .map_or(talk.conference.as_str(), |conference| {
            conference.name.as_str()
        });
    let mut out = String::with_capacity(256);
    out.push_str(
        r#"<a class="meta-item meta-link" data-testid="talk-conference" title="Show this conference's overview" href="?conference="#,
    );
    escape_into(&mut out, &query_value(&talk.conference));
    out.push('"');
    push_attribute(&mut out, CONFERENCE_ATTRIBUTE, &talk.conference);
    out.push('>');
    escape_into(&mut out, name);
    out.push_str("</a> ");
    if let Some((_, day)) = talk.day.as_deref().and_then(|id| bundle.day(id)) {
        out.push_str(r#"<span class="meta-item" data-testid="talk-day"><time"#);
        if let Some(date) = &day.date {
            for attribute in [" datetime=\"", " title=\""] {
                out.push_str(attribute);
                escape_into(&mut out, date);
                out.push('"');
            }
        }
        out.push('>');
        escape_into(&mut out, &day.label);
        out.push_str("</time></span>");
    }
    out
}

/// One list item per speaker: a button showing all of the speaker's talks (the container
/// handles the click, reading [`SPEAKER_ATTRIBUTE`]), and the company given for this talk.
pub fn speakers(talk: &Talk, query: &SearchQuery) -> String {
    let mut out = String::with_capacity(160 * talk.speakers.len());
    for speaker in &talk.speakers {
        out.push_str(r#"<li class="speaker"><button type="button" class="speaker-name link-button" title="All talks by "#);
        escape_into(&mut out, &speaker.name);
        out.push('"');
        push_attribute(&mut out, SPEAKER_ATTRIBUTE, &speaker.id);
        out.push('>');
        push_highlighted(&mut out, &speaker.name, query);
        out.push_str("</button>");
        if let Some(company) = &speaker.company {
            out.push_str(r#" <span class="speaker-company">("#);
            push_highlighted(&mut out, company, query);
            out.push_str(")</span>");
        }
        out.push_str("</li>");
    }
    out
}

/// One chip per track, with the track's other spellings in the recaps as a tooltip.
pub fn tracks(bundle: &Bundle, talk: &Talk, query: &SearchQuery) -> String {
    let mut out = String::with_capacity(96 * talk.tracks.len());
    for id in &talk.tracks {
        let track = bundle.track(id);
        out.push_str(r#"<li class="chip" data-testid="talk-track" data-id=""#);
        escape_into(&mut out, id);
        out.push('"');
        if let Some(track) = track.filter(|track| !track.aliases.is_empty()) {
            out.push_str(r#" title="Also written "#);
            escape_into(&mut out, &track.aliases.join(", "));
            out.push('"');
        }
        out.push('>');
        push_highlighted(&mut out, track.map_or(id, |track| &track.label), query);
        out.push_str("</li>");
    }
    out
}

/// Session, slides, video and other links (only `http(s)` ones), or `None` when there are none.
pub fn links(talk: &Talk) -> Option<String> {
    let mut out = String::new();
    for link in talk.links.iter().filter(|link| is_web_url(&link.url)) {
        let kind = link_kind_label(link.kind);
        // `Video video`, or a session link labelled with the talk's own title, says nothing
        // more than the kind.
        let label = link.label.trim();
        let redundant = label.is_empty()
            || label.eq_ignore_ascii_case(kind)
            || talk
                .title
                .as_deref()
                .is_some_and(|title| title.trim() == label);
        out.push_str(r#"<li><a class="talk-link" rel="noopener noreferrer" data-kind=""#);
        out.push_str(&kind.to_ascii_lowercase());
        out.push_str(r#"" href=""#);
        escape_into(&mut out, link.url.trim());
        out.push_str(r#""><span class="talk-link-kind">"#);
        out.push_str(kind);
        out.push_str("</span>");
        if !redundant {
            out.push_str(r#"<span class="talk-link-label">"#);
            escape_into(&mut out, label);
            out.push_str("</span>");
        }
        out.push_str("</a></li>");
    }
    (!out.is_empty()).then_some(out)
}

/// Only `http(s)` links are shown; the compiler promises that, and the viewer double-checks.
pub fn is_web_url(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// What a link of this kind is called on a card.
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
    use recap_bundle::{Conference, Day, Link, TalkSpeaker, Track};

    const ATTACK: &str = r#"<img src=x onerror="alert(1)">&co"#;

    fn talk() -> Talk {
        Talk {
            id: "t1".into(),
            conference: "conf".into(),
            day: Some("conf-day-1".into()),
            title: Some("Typed Pipelines".into()),
            speakers: vec![
                TalkSpeaker {
                    id: "ada".into(),
                    name: "Ada Lovelace".into(),
                    company: Some("Engines & Co".into()),
                },
                TalkSpeaker {
                    id: "evil".into(),
                    name: ATTACK.into(),
                    company: None,
                },
            ],
            tracks: vec!["k8s".into(), "unknown".into()],
            companies: vec![],
            links: vec![
                Link {
                    kind: LinkKind::Slides,
                    url: "https://slides.example/a?x=1&y=\"2\"".into(),
                    label: "slides".into(),
                },
                Link {
                    kind: LinkKind::Video,
                    url: "javascript:alert(1)".into(),
                    label: "Watch".into(),
                },
                Link {
                    kind: LinkKind::Other,
                    url: "http://blog.example/".into(),
                    label: "The <b>write-up</b>".into(),
                },
            ],
            summary: String::new(),
            notes: vec![],
            notes_chunk: None,
        }
    }

    fn bundle() -> Bundle {
        Bundle {
            conferences: vec![Conference {
                id: "conf".into(),
                name: "Ops <Days>".into(),
                days: vec![Day {
                    id: "conf-day-1".into(),
                    label: "Day 1".into(),
                    date: Some("2024-05-02".into()),
                }],
                year: Some(2024),
                sources: vec![],
            }],
            tracks: vec![Track {
                id: "k8s".into(),
                label: "#Docker & Kubernetes".into(),
                aliases: vec!["K8s".into(), "\"Kube\"".into()],
            }],
            ..Bundle::default()
        }
    }

    #[test]
    fn recap_text_never_becomes_markup() {
        let speakers = speakers(&talk(), &SearchQuery::parse(""));
        assert!(!speakers.contains("<img"), "{speakers}");
        assert!(speakers.contains("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;co"));
        let meta = meta(&bundle(), &talk());
        assert!(meta.contains(">Ops &lt;Days&gt;</a>"), "{meta}");
    }

    #[test]
    fn search_matches_are_marked_and_escaped() {
        let query = SearchQuery::parse("engines");
        let speakers = speakers(&talk(), &query);
        assert!(
            speakers.contains("(<mark>Engines</mark> &amp; Co)"),
            "{speakers}"
        );
    }

    #[test]
    fn speakers_carry_the_id_their_button_shows() {
        let speakers = speakers(&talk(), &SearchQuery::parse(""));
        assert!(
            speakers.contains(
                r#"title="All talks by Ada Lovelace" data-speaker="ada">Ada Lovelace</button>"#
            ),
            "{speakers}"
        );
    }

    #[test]
    fn day_and_conference_link() {
        let meta = meta(&bundle(), &talk());
        assert!(meta.contains(r#"href="?conference=conf""#), "{meta}");
        assert!(
            meta.contains(r#"<time datetime="2024-05-02" title="2024-05-02">Day 1</time>"#),
            "{meta}"
        );
    }

    #[test]
    fn tracks_show_labels_and_other_spellings() {
        let tracks = tracks(&bundle(), &talk(), &SearchQuery::parse(""));
        assert!(
            tracks.contains(r#"data-id="k8s" title="Also written K8s, &quot;Kube&quot;">#Docker &amp; Kubernetes</li>"#),
            "{tracks}"
        );
        assert!(
            tracks.contains(r#"data-id="unknown">unknown</li>"#),
            "{tracks}"
        );
    }

    #[test]
    fn only_web_links_are_written() {
        let links = links(&talk()).expect("two web links");
        assert!(!links.contains("javascript:"), "{links}");
        assert!(links.contains(r#"href="https://slides.example/a?x=1&amp;y=&quot;2&quot;""#));
        // The label `slides` repeats the kind; the blog post's label is kept, escaped.
        assert!(links.contains(r#"<span class="talk-link-kind">Slides</span></a>"#));
        assert!(links.contains("The &lt;b&gt;write-up&lt;/b&gt;"));
        let mut bare = talk();
        bare.links.truncate(0);
        assert_eq!(super::links(&bare), None);
    }

    #[test]
    fn card_head_links_the_title_to_the_talk() {
        let query = SearchQuery::parse("typed");
        let head = card_head(&bundle(), &talk(), &query, true);
        assert!(head.starts_with(r#"<p class="talk-meta"><a class="meta-item meta-link""#));
        assert!(
            head.contains(r#"<h2 class="talk-title" data-testid="talk-title"><a class="talk-title-link" href="?talk=t1" data-talk="t1"><mark>Typed</mark> Pipelines</a></h2>"#),
            "{head}"
        );
        let mut untitled = talk();
        untitled.title = None;
        let head = card_head(&bundle(), &untitled, &query, false);
        assert!(head.contains(r#"class="talk-title is-untitled""#), "{head}");
        assert!(head.contains(r#"aria-pressed="false""#), "{head}");
        assert!(head.contains("Ada Lovelace, &lt;img"), "{head}");
    }

    #[test]
    fn star_buttons_say_whether_the_talk_is_starred() {
        let star = star_button("t1", "Say \"hi\" <b>", true);
        assert_eq!(
            star,
            r#"<button type="button" data-testid="star" class="star-button is-starred" data-star="t1" aria-label="Star “Say &quot;hi&quot; &lt;b&gt;”" aria-pressed="true" title="Starred: click to unstar"><span aria-hidden="true">★</span></button>"#
        );
        assert!(star_button("t1", "x", false).contains(
            r#"aria-pressed="false" title="Star this talk"><span aria-hidden="true">☆</span>"#
        ));
    }

    #[test]
    fn card_body_shows_an_excerpt_as_one_and_links_the_notes() {
        let mut talk = talk();
        talk.notes_chunk = Some(0);
        let summary = CardSummary {
            text: "…the <typed> part…",
            is_excerpt: true,
        };
        let body = card_body(&bundle(), &talk, summary, &SearchQuery::parse("typed"));
        assert!(body.starts_with(r#"<ul class="talk-speakers" data-testid="talk-speakers""#));
        assert!(
            body.contains(r#"<p class="talk-summary is-excerpt" data-testid="talk-summary">…the &lt;<mark>typed</mark>&gt; part…</p>"#),
            "{body}"
        );
        assert!(
            body.ends_with(r#"<a class="talk-open" data-testid="talk-open" href="?talk=t1" data-talk="t1">Read the notes<span aria-hidden="true"> →</span><span class="visually-hidden"> on Typed Pipelines</span></a>"#),
            "{body}"
        );
        talk.notes_chunk = None;
        talk.speakers.clear();
        let empty = CardSummary {
            text: "",
            is_excerpt: false,
        };
        let body = card_body(&bundle(), &talk, empty, &SearchQuery::parse(""));
        assert!(body.starts_with(r#"<ul class="talk-tracks""#), "{body}");
        assert!(
            !body.contains("talk-summary") && !body.contains("talk-open"),
            "{body}"
        );
        talk.tracks.clear();
        let empty = CardSummary {
            text: "",
            is_excerpt: false,
        };
        let body = card_body(&bundle(), &talk, empty, &SearchQuery::parse(""));
        assert!(!body.contains("talk-tracks"), "{body}");
    }

    #[test]
    fn only_web_urls_count() {
        assert!(is_web_url("https://example.org/talk"));
        assert!(is_web_url("HTTP://example.org"));
        assert!(!is_web_url("javascript:alert(1)"));
        assert!(!is_web_url("data:text/html,hi"));
    }
}
