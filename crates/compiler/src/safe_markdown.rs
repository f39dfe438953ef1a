//! Notes that are safe as pulldown-cmark writes them, so they skip the sanitizer.
//!
//! Markdown without raw HTML can only become the elements pulldown-cmark writes itself. All of
//! them are on the sanitizer's allow-list except for a few details, which this module maps onto
//! it the way ammonia would: a link keeps its `href` only for an `http`, `https` or `mailto` URL
//! (read with the same `url` crate) and always gets the sanitizer's `rel`; code languages, table
//! alignments and task-list boxes are left out. Such notes are then written once, safe, instead of
//! being parsed again by ammonia, which was the largest single cost of a build (the notes of most
//! recaps hold no HTML at all).
//!
//! Anything outside that mapping (raw HTML, footnotes, a link inside a link, heading attributes)
//! is not [`covered`], and those notes go through ammonia as before. The tests in `notes` check,
//! for crafted Markdown and for real recaps, that ammonia finds nothing to remove from what this
//! writes, and that it reads the same as ammonia's cleaning of pulldown-cmark's own HTML.

use std::borrow::Cow;

use pulldown_cmark::{Alignment, CodeBlockKind, Event, LinkType, Tag, TagEnd};
use pulldown_cmark_escape::{escape_href, escape_html};

/// The URL schemes a link may keep: the sanitizer's `url_schemes`.
pub const LINK_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// The `rel` of every link: the sanitizer's `link_rel`.
pub const LINK_REL: &str = "noopener noreferrer nofollow";

/// Whether every event in `events` is one [`restrict`] writes inside the sanitizer's
/// allow-list. Images must already be links (see `notes`).
pub fn covered(events: &[Event<'_>]) -> bool {
    let mut open_links = 0_usize;
    events.iter().all(|event| match event {
        // A link inside a link (a linked image): the HTML parser would restructure it.
        Event::Start(Tag::Link { .. }) => {
            open_links += 1;
            open_links == 1
        }
        Event::End(TagEnd::Link) => {
            open_links -= 1;
            true
        }
        Event::Start(tag) => tag_covered(tag),
        Event::End(_)
        | Event::Text(_)
        | Event::Code(_)
        | Event::SoftBreak
        | Event::HardBreak
        | Event::Rule
        | Event::TaskListMarker(_) => true,
        // Raw HTML, footnotes (their ids and relative links), math.
        _ => false,
    })
}

/// Whether pulldown-cmark writes `tag` with no attribute the sanitizer drops, or with only
/// those [`restrict`] leaves out.
fn tag_covered(tag: &Tag<'_>) -> bool {
    match tag {
        Tag::Paragraph
        | Tag::BlockQuote(None)
        | Tag::CodeBlock(_)
        | Tag::List(_)
        | Tag::Item
        | Tag::Table(_)
        | Tag::TableHead
        | Tag::TableRow
        | Tag::TableCell
        | Tag::Emphasis
        | Tag::Strong
        | Tag::Strikethrough => true,
        Tag::Heading {
            id, classes, attrs, ..
        } => id.is_none() && classes.is_empty() && attrs.is_empty(),
        // HTML blocks, images (not yet links), footnote definitions, alerts, definition lists,
        // super- and subscripts, metadata.
        _ => false,
    }
}

/// `events` (which must be [`covered`]) as the sanitizer would leave them: links written with
/// a checked `href` and the sanitizer's `rel`, code blocks without their language class, tables
/// without alignment styles, task-list boxes gone (their line break stays).
pub fn restrict<'a>(events: Vec<Event<'a>>) -> impl Iterator<Item = Event<'a>> {
    events.into_iter().map(|event| match event {
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            ..
        }) => Event::InlineHtml(link_start(link_type, &dest_url, &title).into()),
        Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(_))) => {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Indented))
        }
        Event::Start(Tag::Table(columns)) => {
            Event::Start(Tag::Table(vec![Alignment::None; columns.len()]))
        }
        Event::TaskListMarker(_) => Event::SoftBreak,
        other => other,
    })
}

/// The start tag pulldown-cmark would write for a link, as the sanitizer leaves it.
fn link_start(link_type: LinkType, dest_url: &str, title: &str) -> String {
    let mut href = String::with_capacity(dest_url.len() + "mailto:".len());
    if link_type == LinkType::Email {
        href.push_str("mailto:");
    }
    escape_href(&mut href, dest_url).expect("writing to a String cannot fail");
    let mut tag = String::with_capacity(href.len() + title.len() + LINK_REL.len() + 32);
    tag.push_str("<a");
    if keeps_href(&href) {
        tag.push_str(" href=\"");
        tag.push_str(&href);
        tag.push('"');
    }
    if !title.is_empty() {
        tag.push_str(" title=\"");
        escape_html(&mut tag, title).expect("writing to a String cannot fail");
        tag.push('"');
    }
    tag.push_str(" rel=\"");
    tag.push_str(LINK_REL);
    tag.push_str("\">");
    tag
}

/// Whether the sanitizer keeps an `href` written as `escaped` (by `escape_href`): an absolute
/// URL with an allowed scheme; relative URLs are dropped, as the sanitizer is set to.
fn keeps_href(escaped: &str) -> bool {
    // `escape_href` percent-encodes everything but `&` and `'`, which it writes as references.
    let href = if escaped.contains('&') {
        Cow::Owned(escaped.replace("&amp;", "&").replace("&#x27;", "'"))
    } else {
        Cow::Borrowed(escaped)
    };
    url::Url::parse(&href).is_ok_and(|url| LINK_SCHEMES.contains(&url.scheme()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_keep_only_allowed_absolute_urls() {
        for (url, kept) in [
            ("https://talks.example/a?x=1&y='2'", true),
            ("HTTP://talks.example", true),
            ("mailto:ada@example.org", true),
            ("javascript:alert(1)", false),
            ("JaVaScRiPt:alert(1)", false),
            ("java\tscript:alert(1)", false),
            ("data:text/html,<script>alert(1)</script>", false),
            ("vbscript:msgbox", false),
            ("/slides.pdf", false),
            ("#notes", false),
            ("slides.pdf", false),
        ] {
            let tag = link_start(LinkType::Inline, url, "");
            assert_eq!(tag.contains(" href="), kept, "{url} -> {tag}");
            assert!(
                tag.ends_with(r#" rel="noopener noreferrer nofollow">"#),
                "{tag}"
            );
        }
    }

    #[test]
    fn email_autolinks_become_mailto_links() {
        assert_eq!(
            link_start(LinkType::Email, "ada@example.org", r#"Say "hi""#),
            r#"<a href="mailto:ada@example.org" title="Say &quot;hi&quot;" rel="noopener noreferrer nofollow">"#
        );
    }

    #[test]
    fn raw_html_footnotes_and_nested_links_are_not_covered() {
        let covers = |markdown: &str| covered(&crate::notes::note_events(markdown));
        assert!(covers(
            "# Talk\n\n* [a](https://a.example) **b** `c`\n\n|x|\n|-|\n|y|\n\n- [ ] task"
        ));
        assert!(!covers("Hi <b>there</b>"));
        assert!(!covers("<div>\nblock\n</div>"));
        assert!(!covers("A note[^1].\n\n[^1]: The footnote."));
        // A linked image: its image becomes a link inside the link.
        assert!(covers("![diagram](https://e.example/d.png)"));
        assert!(!covers(
            "[![diagram](https://e.example/d.png)](https://a.example)"
        ));
    }
}
