//! Headings written speaker first (`### Petra Holm — Designing APIs People Love`) in a recap
//! that writes all its talk headings that way, read so even when the notes never name the
//! speaker. A heading whose notes name the speaker is read speaker first without this (see
//! `extract`); this module decides on the recap's style, which alone is weak evidence.

use std::collections::HashSet;

use crate::heading;
use crate::markdown::{BlockKind, Outline};
use crate::prose;

/// Which headings read speaker first because the recap writes its headings that way
/// ([`heading::HeadingStyle::speakers_first`]) although their notes never name the speaker
/// (`### Petra Holm — Designing APIs People Love`). That style alone is weak evidence
/// (`## Platform Engineering - Why Now` is a topic), so each such heading must also hold:
/// - a title of three words or more after the name;
/// - no word of the name written in lowercase anywhere in the recap (`edge`, `platform`): a
///   word the author writes in lowercase is a common word, not a name;
/// - no presenter named in its first paragraph, and no closing section (`Final Thoughts`);
///
/// and two headings or more must hold all of that.
pub fn by_style(body: &str, outline: &Outline, style: heading::HeadingStyle) -> Vec<bool> {
    let mut by_style = vec![false; outline.headings.len()];
    if style.titles_first || !style.speakers_first {
        return by_style;
    }
    let lowercase_words: HashSet<&str> = body
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .filter(|word| word.starts_with(|c: char| c.is_lowercase()))
        .collect();
    let is_common = |word: &str| lowercase_words.contains(word.to_lowercase().as_str());
    for (i, heading) in outline.headings.iter().enumerate() {
        let own_end = outline
            .headings
            .get(i + 1)
            .map_or(body.len(), |h| h.range.start);
        let Some(reading) = heading::speaker_first(&heading.text) else {
            continue;
        };
        let first_paragraph = outline
            .blocks_in(heading.range.end, own_end)
            .find(|b| b.kind == BlockKind::Paragraph);
        by_style[i] = heading.leading_link.is_none()
            && reading.title.split_whitespace().count() >= 3
            && reading
                .speakers
                .iter()
                .flat_map(|person| person.name.split_whitespace())
                .all(|word| !is_common(word))
            && !prose::is_post_section(&heading.text)
            && first_paragraph.is_none_or(|b| prose::presenters(&b.text).is_empty());
    }
    if by_style.iter().filter(|&&b| b).count() < 2 {
        by_style.fill(false);
    }
    by_style
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(markdown: &str) -> Vec<bool> {
        let outline = Outline::parse(markdown);
        let style = heading::HeadingStyle::learn(outline.headings.iter().map(|h| h.text.as_str()));
        by_style(markdown, &outline, style)
    }

    #[test]
    fn two_headings_with_names_and_long_titles_make_the_style() {
        let recap = "## Ilse Marten — Designing Queues that People Trust\n\nNotes.\n\n\
            ## Vera Lindgren: Rust, One Step at a Time\n\nMore notes.\n";
        assert_eq!(read(recap), [true, true]);
    }

    #[test]
    fn a_name_word_written_in_lowercase_elsewhere_is_a_common_word() {
        let recap = "## Ilse Marten — Designing Queues that People Trust\n\nNotes.\n\n\
            ## Platform Engineering: Rust for Harbour Masters\n\nA platform team.\n";
        assert_eq!(read(recap), [false, false], "one heading alone is no style");
    }

    #[test]
    fn short_titles_and_named_presenters_do_not_count() {
        let recap = "## Ilse Marten — Designing Queues that People Trust\n\nNotes.\n\n\
            ## Vera Lindgren: Why Now\n\nNotes.\n\n\
            ## Edge Caching: Designs That Scale Out\n\nIn this talk, Marit Sol explained it.\n";
        assert_eq!(read(recap), [false, false, false]);
    }
}
