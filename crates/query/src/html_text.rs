//! The text a reader sees in the bundle's notes HTML: the compiler indexes it for search and
//! the app shows excerpts of it on cards, so both use this one definition.

/// The text a reader sees in sanitized notes HTML (as the compiler writes it): what the search
/// index holds and what the app's card excerpts show, so both read the same words:
/// tags dropped, character references decoded, whitespace collapsed. Block elements and `<br>`
/// separate words; inline ones (`<em>`, `<a>`, `<code>`…) do not, so `foo<em>bar</em>` stays one
/// word.
///
/// The input is sanitized, serialized HTML: in text every `<` is written `&lt;`, so a `<` always
/// opens a tag (or comment), and a `>` inside a quoted attribute value does not close it.
pub fn plain_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    push_visible_text(html, &mut text);
    collapse_whitespace(&text)
}

/// Appends the text of `html` to `text` as [`plain_text`] reads it, but with its whitespace as
/// it comes (a block tag adds one space): the same words, for callers that split words anyway
/// (the search index) and would only pay for the collapsing.
pub fn push_visible_text(html: &str, text: &mut String) {
    let bytes = html.as_bytes();
    // `start..at` is text not yet copied; `at` only ever stops at an ASCII byte (`<`, `&`), so
    // every slice below is on a character boundary.
    let mut start = 0;
    let mut at = 0;
    while let Some(found) = find_markup(&bytes[at..]) {
        at += found;
        text.push_str(&html[start..at]);
        let rest = &html[at..];
        let len = if rest.starts_with("<!--") {
            text.push(' ');
            rest.find("-->").map_or(rest.len(), |end| end + 3)
        } else if bytes[at] == b'<' {
            let end = tag_end(rest);
            if !is_inline_tag(&rest[..end]) {
                text.push(' ');
            }
            end
        } else {
            let (decoded, len) = character_reference(rest);
            text.push(decoded.unwrap_or('&'));
            len
        };
        at += len;
        start = at;
    }
    text.push_str(&html[start..]);
}

/// Position of the first `<` or `&` in `bytes`.
fn find_markup(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'<' || b == b'&')
}

/// `text` with runs of whitespace turned into one space and no whitespace at either end: the
/// same as `text.split_whitespace().collect::<Vec<_>>().join(" ")`, without the vector.
pub fn collapse_whitespace(text: &str) -> String {
    let mut collapsed = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !collapsed.is_empty() {
            collapsed.push(' ');
        }
        collapsed.push_str(word);
    }
    collapsed
}

/// Length of the tag at the start of `html` (up to and including its `>`, quotes respected).
fn tag_end(html: &str) -> usize {
    let mut quote: Option<u8> = None;
    for (i, &b) in html.as_bytes().iter().enumerate().skip(1) {
        match (quote, b) {
            (Some(q), _) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'>') => return i + 1,
            _ => {}
        }
    }
    html.len()
}

/// Whether `tag` (`<em>`, `</a>`…) is phrasing content that does not break a word.
fn is_inline_tag(tag: &str) -> bool {
    let name = tag.trim_start_matches('<').trim_start_matches('/');
    let name = &name[..name
        .bytes()
        .position(|b| !b.is_ascii_alphanumeric())
        .unwrap_or(name.len())];
    INLINE_TAGS
        .iter()
        .any(|inline| inline.eq_ignore_ascii_case(name))
}

/// Phrasing elements: [`is_inline_tag`].
const INLINE_TAGS: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "i", "ins", "kbd",
    "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u",
    "var", "wbr",
];

/// The character a reference at the start of `text` (`&amp;`, `&#233;`, `&#x1F600;`) stands
/// for, and its length; `None` (length 1) when `&` starts no reference we know.
fn character_reference(text: &str) -> (Option<char>, usize) {
    let Some(end) = text[1..]
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
        .map(|i| i + 1)
        .filter(|&i| text[i..].starts_with(';'))
    else {
        return (None, 1);
    };
    let name = &text[1..end];
    let decoded = match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some(' '),
        _ => name
            .strip_prefix("#x")
            .or_else(|| name.strip_prefix("#X"))
            .map(|hex| u32::from_str_radix(hex, 16))
            .or_else(|| name.strip_prefix('#').map(str::parse::<u32>))
            .and_then(Result::ok)
            .and_then(char::from_u32),
    };
    match decoded {
        Some(c) => (Some(c), end + 1),
        None => (None, 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_what_a_reader_sees() {
        assert_eq!(
            plain_text("<p>Ops &amp; Dev</p><p>a&lt;b</p><ul><li>one</li><li>two</li></ul>"),
            "Ops & Dev a<b one two"
        );
        assert_eq!(plain_text("line<br>break"), "line break");
        assert_eq!(
            plain_text(
                "intra<em>word</em> <a href=\"https://e.example/?a>b\" title='x > y'>link</a>"
            ),
            "intraword link"
        );
        assert_eq!(
            plain_text("caf&#233; &#x1F600; &nbsp;x&bogus; &amp R&D <!-- a > b --> end"),
            "café 😀 x&bogus; &amp R&D end"
        );
    }

    #[test]
    fn entities_in_lists_and_unknown_ones() {
        assert_eq!(
            plain_text("<p>Fish &amp; chips</p><ul><li>one&#39;s</li><li>&lt;two&gt;</li></ul>"),
            "Fish & chips one's <two>"
        );
        assert_eq!(plain_text("a &unknown; b & c"), "a &unknown; b & c");
    }

    /// The first definition of [`plain_text`] (string searches, tag names lower-cased into a
    /// new string, whitespace collapsed by a split and a join): the byte scanner must agree.
    fn plain_text_as_first_written(html: &str) -> String {
        let mut text = String::new();
        let mut rest = html;
        while let Some(at) = rest.find(['<', '&']) {
            text.push_str(&rest[..at]);
            rest = &rest[at..];
            if rest.starts_with("<!--") {
                let end = rest.find("-->").map_or(rest.len(), |end| end + 3);
                text.push(' ');
                rest = &rest[end..];
            } else if rest.starts_with('<') {
                let end = tag_end(rest);
                let name = rest[..end]
                    .trim_start_matches('<')
                    .trim_start_matches('/')
                    .split(|c: char| !c.is_ascii_alphanumeric())
                    .next()
                    .unwrap_or("")
                    .to_ascii_lowercase();
                if !INLINE_TAGS.contains(&name.as_str()) {
                    text.push(' ');
                }
                rest = &rest[end..];
            } else {
                let (decoded, len) = character_reference(rest);
                text.push(decoded.unwrap_or('&'));
                rest = &rest[len..];
            }
        }
        text.push_str(rest);
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// Pieces of sanitized-looking HTML, joined at random by the property tests.
    const PIECES: &[&str] = &[
        "<p>",
        "</p>",
        "<EM>",
        "</em>",
        "<a href=\"x>y\">",
        "</a>",
        "<br>",
        "<li>",
        "<code>",
        "</Code>",
        "<span class='a > b'>",
        "<!-- c > d -->",
        "<!-- open",
        "<",
        "<é>",
        "<a\u{e9}>",
        "&amp;",
        "&lt;",
        "&#233;",
        "&#x1F600;",
        "&#xD800;",
        "&nbsp;",
        "&bogus;",
        "&",
        "&amp",
        "word",
        "Łukasz",
        "東京",
        " ",
        "  ",
        "\n",
        "\t",
        "\u{a0}",
        "\u{2003}",
        "-",
        "é",
    ];

    proptest::proptest! {
        #[test]
        fn the_byte_scanner_reads_what_the_first_definition_read(
            picks in proptest::collection::vec(0..PIECES.len(), 0..40)
        ) {
            let html: String = picks.iter().map(|&i| PIECES[i]).collect();
            proptest::prop_assert_eq!(plain_text(&html), plain_text_as_first_written(&html));
        }

        #[test]
        fn uncollapsed_text_has_the_same_words(
            picks in proptest::collection::vec(0..PIECES.len(), 0..40)
        ) {
            let html: String = picks.iter().map(|&i| PIECES[i]).collect();
            let mut raw = String::new();
            push_visible_text(&html, &mut raw);
            let collapsed = plain_text(&html);
            proptest::prop_assert_eq!(crate::text::words(&raw), crate::text::words(&collapsed));
            proptest::prop_assert_eq!(collapse_whitespace(&raw), collapsed);
        }
    }
}
