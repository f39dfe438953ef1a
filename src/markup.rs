//! Writing HTML text safely: escaping what comes from recaps, marking search matches, and
//! encoding query-string values. Views that set `innerHTML` (cards, the overview chart) build
//! their strings with these, so no recap text can become markup.

use recap_query::{SearchQuery, highlight};

/// Appends `text` to `out` with the characters that HTML gives a meaning escaped, safe both as
/// element content and inside a double-quoted attribute value.
pub fn escape_into(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(at) = rest.find(['&', '<', '>', '"']) {
        out.push_str(&rest[..at]);
        out.push_str(match rest.as_bytes()[at] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            _ => "&quot;",
        });
        rest = &rest[at + 1..];
    }
    out.push_str(rest);
}

/// `text` escaped (see [`escape_into`]).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

/// `text` escaped, with the parts matching the search wrapped in `<mark>`.
pub fn highlighted(text: &str, query: &SearchQuery) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    push_highlighted(&mut out, text, query);
    out
}

/// Appends `text` escaped, with the parts matching the search wrapped in `<mark>`.
pub fn push_highlighted(out: &mut String, text: &str, query: &SearchQuery) {
    if query.is_empty() {
        escape_into(out, text);
        return;
    }
    for segment in highlight(text, query) {
        if segment.highlighted {
            out.push_str("<mark>");
            escape_into(out, segment.text);
            out.push_str("</mark>");
        } else {
            escape_into(out, segment.text);
        }
    }
}

/// A value for a link's query string (`?talk=…`), encoded as `URLSearchParams` would.
pub fn query_value(value: &str) -> String {
    form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recap_text_never_becomes_markup() {
        let label = r#"#Sec<img src=x onerror="alert(1)">&co"#;
        let escaped = escape(label);
        assert_eq!(
            escaped,
            "#Sec&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;co"
        );
        assert!(!escaped.contains('<') && !escaped.contains('"'));
    }

    #[test]
    fn search_matches_are_marked_and_the_rest_escaped() {
        assert_eq!(
            highlighted("Pipes <& pipelines>", &SearchQuery::parse("pipe")),
            "<mark>Pipe</mark>s &lt;&amp; <mark>pipe</mark>lines&gt;"
        );
        assert_eq!(highlighted("a < b", &SearchQuery::parse("")), "a &lt; b");
    }

    #[test]
    fn query_values_are_encoded_like_url_search_params() {
        assert_eq!(query_value("a b&c=d/é"), "a+b%26c%3Dd%2F%C3%A9");
        assert_eq!(query_value("plain-slug-2024"), "plain-slug-2024");
    }
}
