//! A talk's notes: the recap's Markdown for that talk rendered to HTML and **sanitized at build
//! time**, so nothing from a recap can ever execute in a reader's browser (by ammonia, or, for
//! notes without raw HTML, by writing them inside its allow-list: `safe_markdown`). Also the card
//! summary and the talk's links (session page, slides, video).
//!
//! Images become links to the image: they would load from third-party hosts (a privacy leak, and
//! blocked under the app's strict CSP) and site-relative ones cannot resolve outside the blog.

use std::sync::OnceLock;

use pulldown_cmark::{Event, Tag, TagEnd};
use recap_bundle::{Link, LinkKind};

use crate::markdown::{self, LinkRef};
use crate::safe_markdown;

/// Renders `markdown` to sanitized HTML: written safe directly when it holds nothing the
/// sanitizer would have to judge ([`safe_markdown`]), cleaned by ammonia otherwise.
pub fn render_html(markdown: &str) -> String {
    let events = note_events(markdown);
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    if safe_markdown::covered(&events) {
        pulldown_cmark::html::push_html(&mut html, safe_markdown::restrict(events));
    } else {
        pulldown_cmark::html::push_html(&mut html, events.into_iter());
        html = sanitize(&html);
    }
    trim_in_place(&mut html);
    html.shrink_to_fit();
    html
}

/// The Markdown events of a talk's notes, images turned into links to the image (an image
/// without a description is called "image").
pub(crate) fn note_events(markdown: &str) -> Vec<Event<'_>> {
    let mut in_image = false;
    markdown::parser(markdown)
        .map(|event| match event {
            Event::Start(Tag::Image {
                dest_url,
                title,
                id,
                ..
            }) => {
                in_image = true;
                Event::Start(Tag::Link {
                    link_type: pulldown_cmark::LinkType::Inline,
                    dest_url,
                    title,
                    id,
                })
            }
            Event::End(TagEnd::Image) => {
                in_image = false;
                Event::End(TagEnd::Link)
            }
            Event::Text(text) if in_image && text.trim().is_empty() => Event::Text("image".into()),
            other => other,
        })
        .collect()
}

/// `html` cleaned by the sanitizer.
fn sanitize(html: &str) -> String {
    // Serialized straight into one buffer (`to_string()` goes through `Display` and copies the
    // HTML twice more).
    let mut clean = Vec::with_capacity(html.len());
    sanitizer()
        .clean(html)
        .write_to(&mut clean)
        .expect("writing to memory cannot fail");
    String::from_utf8(clean).expect("html5ever writes UTF-8")
}

/// `text.trim()`, without a copy.
fn trim_in_place(text: &mut String) {
    text.truncate(text.trim_end().len());
    let leading = text.len() - text.trim_start().len();
    text.drain(..leading);
}

/// The sanitizer: ammonia's allow-list (no scripts, event handlers, `javascript:` URLs, styles,
/// iframes or forms) minus images, with every link opening safely.
fn sanitizer() -> &'static ammonia::Builder<'static> {
    static BUILDER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    BUILDER.get_or_init(|| {
        let mut builder = ammonia::Builder::default();
        builder
            .rm_tags(["img"])
            .add_tags(["figure", "figcaption"])
            .link_rel(Some(safe_markdown::LINK_REL))
            .url_schemes(safe_markdown::LINK_SCHEMES.into_iter().collect())
            .url_relative(ammonia::UrlRelative::Deny);
        builder
    })
}

/// A plain-text summary of at most `max_chars` characters, cut at a word, from the first
/// paragraph that says something (not a bare list of links).
pub fn summary<'a>(paragraphs: impl IntoIterator<Item = &'a str>, max_chars: usize) -> String {
    let text = paragraphs
        .into_iter()
        .map(str::trim)
        .find(|p| p.split_whitespace().nth(3).is_some())
        .unwrap_or("");
    if text.chars().count() <= max_chars {
        return text.to_owned();
    }
    let mut cut = String::new();
    // `cut.chars().count()`, kept as words are added rather than counted again for each.
    let mut cut_chars = 0;
    for word in text.split_whitespace() {
        let word_chars = word.chars().count();
        if cut_chars + word_chars + 1 > max_chars {
            break;
        }
        if !cut.is_empty() {
            cut.push(' ');
            cut_chars += 1;
        }
        cut.push_str(word);
        cut_chars += word_chars;
    }
    cut.trim_end_matches([',', ';', ':', '.', '-']).to_owned() + "…"
}

/// The kind of the links under a label (lower case): a line `**Slides:** [pdf](…)` or a table
/// column headed `Video`.
pub fn labelled_link_kind(label: &str) -> Option<LinkKind> {
    Some(match label {
        "slides" | "slide deck" | "deck" => LinkKind::Slides,
        "video" | "recording" | "youtube" => LinkKind::Video,
        "session" | "abstract" | "talk" | "talk page" | "schedule" => LinkKind::Session,
        "link" | "links" | "code" | "repo" | "repository" | "demo" | "resources" | "website" => {
            LinkKind::Other
        }
        _ => return None,
    })
}

/// The kind of a link the recap gives as a talk's material, judged by its text or its host.
/// Links to anything else (articles, tools mentioned in the notes) are not the talk's links.
pub fn material_kind(link: &LinkRef) -> Option<LinkKind> {
    if !link.url.starts_with("http://") && !link.url.starts_with("https://") {
        return None;
    }
    let text = link.text.to_lowercase();
    let url = link.url.to_lowercase();
    let text_is = |words: &[&str]| {
        words.iter().any(|w| {
            text.strip_prefix(w)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
        })
    };
    if text_is(&["slides", "slide deck", "deck", "presentation"])
        || [
            "speakerdeck.com",
            "slideshare.net",
            "docs.google.com/presentation",
            "slides.com",
            "noti.st",
        ]
        .iter()
        .any(|h| url.contains(h))
    {
        return Some(LinkKind::Slides);
    }
    if text_is(&["video", "recording", "watch"])
        || [
            "youtube.com/watch",
            "youtu.be/",
            "vimeo.com/",
            "infoq.com/presentations",
        ]
        .iter()
        .any(|h| url.contains(h))
    {
        return Some(LinkKind::Video);
    }
    if text_is(&["session", "abstract", "talk page", "talk", "schedule"]) {
        return Some(LinkKind::Session);
    }
    None
}

/// Video players embedded as `<iframe src="https://www.youtube.com/embed/ID">` (the sanitizer
/// removes the frame; the talk keeps the video as a link).
pub fn embedded_videos(markdown: &str) -> Vec<Link> {
    // Most notes embed nothing: one fast search says so before any splitting.
    if !markdown.contains("<iframe") {
        return Vec::new();
    }
    let mut videos = Vec::new();
    for frame in markdown.split("<iframe").skip(1) {
        let Some(tag_end) = frame.find('>') else {
            continue;
        };
        let tag = &frame[..tag_end];
        let Some(src) = tag.split("src=").nth(1) else {
            continue;
        };
        let src = src.trim_start_matches(['"', '\'']);
        let src = &src[..src.find(['"', '\'', ' ']).unwrap_or(src.len())];
        let url = if let Some(id) = src
            .split("youtube.com/embed/")
            .nth(1)
            .or_else(|| src.split("youtube-nocookie.com/embed/").nth(1))
        {
            format!(
                "https://www.youtube.com/watch?v={}",
                id.split(['?', '&']).next().unwrap_or(id)
            )
        } else if let Some(id) = src.split("player.vimeo.com/video/").nth(1) {
            format!(
                "https://vimeo.com/{}",
                id.split(['?', '&']).next().unwrap_or(id)
            )
        } else {
            continue;
        };
        videos.push(Link {
            kind: LinkKind::Video,
            url,
            label: "Video".to_owned(),
        });
    }
    videos
}

/// Turns a recognised link into a bundle link.
pub fn bundle_link(link: &LinkRef, kind: LinkKind) -> Link {
    Link {
        kind,
        url: link.url.clone(),
        label: link.text.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_and_handlers_never_survive() {
        let html = render_html(
            "Hi <script>alert(1)</script>\n\n<img src=x onerror=\"alert(2)\">\n\n[x](javascript:alert(3))\n\n<iframe src=\"https://evil.example\"></iframe>\n\n<a href=\"https://ok.example\" onclick=\"alert(4)\">ok</a>",
        );
        for bad in [
            "<script",
            "alert(1)",
            "onerror",
            "javascript:",
            "<iframe",
            "onclick",
            "<img",
        ] {
            assert!(!html.contains(bad), "{bad} in {html}");
        }
        assert!(
            html.contains(
                r#"<a href="https://ok.example" rel="noopener noreferrer nofollow">ok</a>"#
            ),
            "{html}"
        );
    }

    /// What `html` reads as, written again by the HTML parser ammonia uses with nothing removed
    /// (every element and attribute pulldown-cmark writes is allowed, and so are relative URLs
    /// and the schemes a hostile link would use), so two writings of the same HTML compare equal.
    fn reserialized(html: &str) -> String {
        ammonia::Builder::empty()
            .add_tags([
                "a",
                "blockquote",
                "br",
                "code",
                "del",
                "div",
                "em",
                "h1",
                "h2",
                "h3",
                "h4",
                "h5",
                "h6",
                "hr",
                "img",
                "input",
                "li",
                "ol",
                "p",
                "pre",
                "strong",
                "sup",
                "table",
                "tbody",
                "td",
                "th",
                "thead",
                "tr",
                "ul",
            ])
            .add_generic_attributes([
                "alt", "checked", "class", "disabled", "href", "id", "rel", "src", "start",
                "style", "title", "type",
            ])
            .add_url_schemes(["http", "https", "mailto", "javascript", "data", "vbscript"])
            .url_relative(ammonia::UrlRelative::PassThrough)
            .link_rel(None)
            .clean(html)
            .to_string()
    }

    /// Notes written safe directly: ammonia finds nothing in them to remove, and they read the
    /// same as ammonia's cleaning of pulldown-cmark's plain HTML (what every note got before).
    fn assert_written_safe(markdown: &str) {
        let events = note_events(markdown);
        assert!(safe_markdown::covered(&events), "not covered: {markdown:?}");
        let mut plain = String::new();
        pulldown_cmark::html::push_html(&mut plain, events.into_iter());
        let written = render_html(markdown);
        let as_read = reserialized(&written);
        assert_eq!(sanitize(&written), as_read, "ammonia changed {written:?}");
        assert_eq!(as_read.trim(), sanitize(&plain).trim(), "for {markdown:?}");
    }

    #[test]
    fn notes_without_html_are_written_as_the_sanitizer_would_leave_them() {
        assert_written_safe(
            "# Heading **bold** and `code`\n\n\
             Text with *em*, **strong**, ~~del~~, `<b>code</b>`, \"quotes\" & 'apostrophes' < > \
             &copy; &#x27; &nbsp; caf\u{e9} \u{0}\r\nnext line  \nhard break\\\nsoft\n\n---\n\n\
             > quoted [link](https://a.example/?q=1&r='2' \"Title \\\"q\\\"\")\n\n\
             1. one\n2. two\n\n5) five\n6) six\n\n- [ ] task\n- [x] done\n  * nested\n\n\
             ```rust title\nfn main() { println!(\"<script>\"); }\n```\n\n    indented <i>\n\n\
             | left | center | right |\n|:-----|:------:|------:|\n| a | *b* | [c](https://c.example) |\n\n\
             <https://auto.example/x?y=1&z> <ada@example.org>\n\n\
             [relative](/slides.pdf) [anchor](#x) [js](javascript:alert(1)) [JS](JAVASCRIPT:x) \
             [data](data:text/html,x) [spaces](<https://a.example/a b>) [unicode](https://b\u{fc}cher.example/\u{e4})\n\n\
             ![](https://e.example/empty.png) ![alt *em*](https://e.example/d.png \"t\")",
        );
        assert_written_safe("");
        assert_written_safe("Just words.");
    }

    /// Every section of the real recaps (and of the sample ones) that holds no HTML, checked
    /// as [`assert_written_safe`] does.
    #[test]
    fn real_recap_sections_are_written_as_the_sanitizer_would_leave_them() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let corpus = root.join("../shared/corpus/recaps");
        assert!(
            corpus.is_dir(),
            "the shared corpus is missing at {}",
            corpus.display()
        );
        let mut checked = 0;
        for dir in [corpus, root.join("recaps")] {
            for entry in std::fs::read_dir(&dir).expect("reading the recaps") {
                let text = std::fs::read_to_string(entry.expect("a recap").path())
                    .expect("a readable recap");
                for section in text.split("\n#") {
                    if safe_markdown::covered(&note_events(section)) {
                        assert_written_safe(section);
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 100, "only {checked} sections without HTML");
    }

    #[test]
    fn markdown_renders_lists_quotes_and_images_as_links() {
        let html =
            render_html("* one\n* two\n\n> quoted\n\n![Architecture](https://e.example/a.png)");
        assert!(html.contains("<li>one</li>"), "{html}");
        assert!(html.contains("<blockquote>"), "{html}");
        assert!(html.contains(r#"<a href="https://e.example/a.png" rel="noopener noreferrer nofollow">Architecture</a>"#), "{html}");
    }

    #[test]
    fn plain_text_of_rendered_notes_keeps_every_word() {
        let html = render_html(
            "**Łukasz** said `cargo build` & more:\n\n```\nfn main() {}\n```\n\n* <b>bold</b> point\n\n![diagram](https://e.example/d.png)",
        );
        assert_eq!(
            recap_query::html_text::plain_text(&html),
            "Łukasz said cargo build & more: fn main() {} bold point diagram"
        );
    }

    #[test]
    fn trimming_in_place_is_trim() {
        for text in ["", "  ", " a b ", "\n<p>x</p>\n", "\u{a0}é\u{2003}"] {
            let mut trimmed = text.to_owned();
            trim_in_place(&mut trimmed);
            assert_eq!(trimmed, text.trim(), "{text:?}");
        }
    }

    #[test]
    fn embedded_players_become_video_links() {
        let videos = embedded_videos(
            r#"<iframe width="560" src="https://www.youtube.com/embed/abc123?si=x" allowfullscreen></iframe> <iframe src='https://player.vimeo.com/video/42'></iframe>"#,
        );
        let urls: Vec<&str> = videos.iter().map(|v| v.url.as_str()).collect();
        assert_eq!(
            urls,
            [
                "https://www.youtube.com/watch?v=abc123",
                "https://vimeo.com/42"
            ]
        );
    }

    /// [`summary`] as first written, counting the cut's characters again for every word.
    fn summary_as_first_written(text: &str, max_chars: usize) -> String {
        let text = text.trim();
        let text = if text.split_whitespace().count() >= 4 {
            text
        } else {
            ""
        };
        if text.chars().count() <= max_chars {
            return text.to_owned();
        }
        let mut cut = String::new();
        for word in text.split_whitespace() {
            if cut.chars().count() + word.chars().count() + 1 > max_chars {
                break;
            }
            if !cut.is_empty() {
                cut.push(' ');
            }
            cut.push_str(word);
        }
        cut.trim_end_matches([',', ';', ':', '.', '-']).to_owned() + "…"
    }

    #[test]
    fn summaries_count_characters_as_first_written() {
        let texts = [
            "",
            "one two three",
            "one two three four",
            "  Zoë and Łukasz spoke about   naïve café-style caching; déjà vu.  ",
            "東京 大阪 名古屋 札幌 福岡 神戸 京都 横浜",
            "A long first paragraph that goes on and on, and then on, - and on.",
        ];
        for text in texts {
            for max_chars in 0..80 {
                assert_eq!(
                    summary([text], max_chars),
                    summary_as_first_written(text, max_chars),
                    "{text:?} {max_chars}"
                );
            }
        }
    }

    #[test]
    fn summaries_cut_at_a_word() {
        let s = summary(
            ["[slides](x)", "A long first paragraph that goes on and on."],
            20,
        );
        assert_eq!(s, "A long first…");
        assert_eq!(
            summary(["Short but real text."], 200),
            "Short but real text."
        );
    }

    #[test]
    fn material_links_by_text_or_host() {
        let link = |text: &str, url: &str| LinkRef {
            text: text.into(),
            url: url.into(),
        };
        assert_eq!(
            material_kind(&link("session", "https://conf.example/t/1")),
            Some(LinkKind::Session)
        );
        assert_eq!(
            material_kind(&link("Slides", "https://example.org/x")),
            Some(LinkKind::Slides)
        );
        assert_eq!(
            material_kind(&link("here", "https://speakerdeck.com/a/b")),
            Some(LinkKind::Slides)
        );
        assert_eq!(
            material_kind(&link("the recording", "https://youtu.be/x")),
            Some(LinkKind::Video)
        );
        assert_eq!(material_kind(&link("Istio", "https://istio.io")), None);
        assert_eq!(
            material_kind(&link("YouTube", "https://youtube.com")),
            None,
            "a site is not a video"
        );
        assert_eq!(material_kind(&link("slides", "/local/slides.pdf")), None);
        assert_eq!(
            material_kind(&link("Slide deck (PDF)", "https://example.org/x")),
            Some(LinkKind::Slides),
            "a word, then more"
        );
        assert_eq!(
            material_kind(&link("Deckard", "https://example.org/x")),
            None,
            "not a word's start"
        );
    }

    #[test]
    fn notes_without_frames_embed_no_video() {
        assert!(embedded_videos("Text with <b>markup</b> and an iframe mention.").is_empty());
        let videos =
            embedded_videos("<iframe src=\"https://www.youtube.com/embed/abc?x=1\"></iframe>");
        assert_eq!(videos.len(), 1);
        assert_eq!(videos[0].url, "https://www.youtube.com/watch?v=abc");
    }
}
