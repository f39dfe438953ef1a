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
            if !is_inline_tag(&rest[..end]) {
                text.push(' ');
            }
            rest = &rest[end..];
        } else {
            let (decoded, len) = character_reference(rest);
            match decoded {
                Some(c) => text.push(c),
                None => text.push('&'),
            }
            rest = &rest[len..];
        }
    }
    text.push_str(rest);
    text.split_whitespace().collect::<Vec<_>>().join(" ")
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
    let name = tag
        .trim_start_matches('<')
        .trim_start_matches('/')
        .split(|c: char| !c.is_ascii_alphanumeric())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    matches!(
        name.as_str(),
        "a" | "abbr"
            | "b"
            | "bdi"
            | "bdo"
            | "cite"
            | "code"
            | "data"
            | "del"
            | "dfn"
            | "em"
            | "i"
            | "ins"
            | "kbd"
            | "mark"
            | "q"
            | "s"
            | "samp"
            | "small"
            | "span"
            | "strike"
            | "strong"
            | "sub"
            | "sup"
            | "time"
            | "tt"
            | "u"
            | "var"
            | "wbr"
    )
}

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
}
