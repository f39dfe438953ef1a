//! Which parts of a text to highlight for a search: the start of every word that a query word
//! is a (folded) prefix of, mapped back to the text as written.

use crate::search::SearchQuery;
use crate::text;

/// A run of text, highlighted or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment<'a> {
    pub text: &'a str,
    pub highlighted: bool,
}

/// Splits `text` into segments, highlighting the part of each word that matches a query word.
/// Without query words, the whole text is one plain segment.
pub fn highlight<'a>(text: &'a str, query: &SearchQuery) -> Vec<Segment<'a>> {
    let mut segments = Vec::new();
    let mut plain_start = 0;
    for (word_start, word) in word_spans(text) {
        let Some(matched) = matched_len(word, query) else {
            continue;
        };
        if word_start > plain_start {
            segments.push(Segment {
                text: &text[plain_start..word_start],
                highlighted: false,
            });
        }
        let end = word_start + matched;
        segments.push(Segment {
            text: &text[word_start..end],
            highlighted: true,
        });
        plain_start = end;
    }
    if plain_start < text.len() || segments.is_empty() {
        segments.push(Segment {
            text: &text[plain_start..],
            highlighted: false,
        });
    }
    segments
}

/// Whether any word of `text` matches the query.
pub fn has_match(text: &str, query: &SearchQuery) -> bool {
    !query.is_empty() && word_spans(text).any(|(_, word)| matched_len(word, query).is_some())
}

/// A short excerpt of `text` around its first match, cut at words, with `…` where it was cut;
/// `None` when nothing matches. Used to show why a talk matched when only its notes do.
pub fn excerpt(text: &str, query: &SearchQuery, max_chars: usize) -> Option<String> {
    if query.is_empty() {
        return None;
    }
    let (start, _) = word_spans(text).find(|(_, word)| matched_len(word, query).is_some())?;
    // Up to a third of the room before the match, the rest after it.
    let before: Vec<(usize, &str)> = word_spans(&text[..start]).collect();
    let mut from = start;
    let mut room = max_chars / 3;
    for (offset, _) in before.iter().rev() {
        let len = text[*offset..from].chars().count();
        if len > room {
            break;
        }
        room -= len;
        from = *offset;
    }
    let mut to = from;
    for (offset, word) in word_spans(&text[from..]) {
        let end = from + offset + word.len();
        if text[from..end].chars().count() > max_chars {
            break;
        }
        to = end;
    }
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    out.push_str(text[from..to].trim());
    if to < text.trim_end().len() {
        out.push('…');
    }
    Some(out)
}

/// The words of `text` as written, with their byte offsets.
fn word_spans(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(move |word| (word.as_ptr() as usize - text.as_ptr() as usize, word))
}

/// How many bytes at the start of `word` (as written) the longest matching query word covers.
fn matched_len(word: &str, query: &SearchQuery) -> Option<usize> {
    let folded = text::fold(word);
    let longest = query
        .words()
        .iter()
        .filter(|query_word| folded.starts_with(query_word.as_str()))
        .map(String::len)
        .max()?;
    // Walk the written characters until their folded form covers the query word.
    let mut folded_len = 0;
    let mut buffer = String::new();
    for (offset, c) in word.char_indices() {
        if folded_len >= longest {
            return Some(offset);
        }
        buffer.clear();
        text::push_folded(c, &mut buffer);
        folded_len += buffer.len();
    }
    Some(word.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(text: &str, query: &str) -> String {
        highlight(text, &SearchQuery::parse(query))
            .into_iter()
            .map(|segment| {
                if segment.highlighted {
                    format!("[{}]", segment.text)
                } else {
                    segment.text.to_owned()
                }
            })
            .collect()
    }

    #[test]
    fn word_prefixes_are_marked_as_written() {
        assert_eq!(marked("Łukasz Nowak", "luk"), "[Łuk]asz Nowak");
        assert_eq!(
            marked("Zero trust, trusted", "trust"),
            "Zero [trust], [trust]ed"
        );
        assert_eq!(marked("Straße", "strass"), "[Straß]e");
    }

    #[test]
    fn excerpts_show_the_first_match_in_context() {
        let text = "One two three four five six seven eight nine ten eleven twelve";
        let query = SearchQuery::parse("eigh");
        assert_eq!(
            excerpt(text, &query, 30).unwrap(),
            "…six seven eight nine ten…"
        );
        assert_eq!(excerpt(text, &SearchQuery::parse("zebra"), 30), None);
        assert_eq!(
            excerpt("Short one", &SearchQuery::parse("one"), 30).unwrap(),
            "Short one"
        );
        assert!(has_match(text, &query) && !has_match(text, &SearchQuery::parse("x")));
    }

    #[test]
    fn only_word_starts_match() {
        assert_eq!(marked("distrust", "trust"), "distrust");
    }

    #[test]
    fn without_query_words_nothing_is_marked() {
        assert_eq!(highlight("Plain", &SearchQuery::parse("")).len(), 1);
        assert_eq!(marked("", "x"), "");
    }
}
