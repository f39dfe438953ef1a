//! Headings written speaker first (`### Petra Holm — Designing APIs People Love`) in a recap
//! that writes all its talk headings that way, read so even when the notes never name the
//! speaker. A heading whose notes name the speaker is read speaker first without this (see
//! `extract`); this module decides on the recap's style, which alone is weak evidence.

use std::collections::HashSet;

use crate::heading::{self, TalkHeading};
use crate::markdown::{BlockKind, Outline};
use crate::prose;

/// Which headings read speaker first because the recap writes its headings that way
/// ([`heading::HeadingStyle::speakers_first`]) although their notes never name the speaker
/// (`### Petra Holm — Designing APIs People Love`). That style alone is weak evidence
/// (`## Platform Engineering - Why Now` is a topic), so each such heading must also hold:
/// - no byline under it, and a title of three words or more after the name;
/// - most such headings read speaker first only (`Title: Part, Ada Lovelace` reads both ways);
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
    let first_paragraph = |i: usize| {
        outline
            .blocks_in(
                outline.headings[i].range.end,
                outline.own_end(i, body.len()),
            )
            .find(|b| b.kind == BlockKind::Paragraph)
    };
    // The cheap tests first (a byline under the heading names the speakers: the heading is a
    // title), then the notes, then the words of the whole recap.
    let candidates: Vec<(usize, TalkHeading)> = outline
        .headings
        .iter()
        .enumerate()
        .filter(|(i, heading)| {
            heading.leading_link.is_none()
                && first_paragraph(*i).is_none_or(|b| !b.all_emphasis && !b.all_strong)
        })
        .filter_map(|(i, heading)| Some((i, heading::speaker_first(&heading.text)?)))
        .filter(|(i, reading)| {
            reading.title.split_whitespace().count() >= 3
                && !prose::is_post_section(&outline.headings[*i].text)
        })
        .collect();
    // Most of them must read speaker first only: `Read Replicas: Less Magic, Ada Lovelace`
    // reads title first too.
    let only_speaker_first = candidates
        .iter()
        .filter(|(i, _)| {
            heading::parse(&outline.headings[*i].text, None)
                .speakers
                .is_empty()
        })
        .count();
    if only_speaker_first < 2 || only_speaker_first * 3 < candidates.len() * 2 {
        return by_style;
    }
    let candidates: Vec<(usize, TalkHeading)> = candidates
        .into_iter()
        .filter(|(i, _)| first_paragraph(*i).is_none_or(|b| prose::presenters(&b.text).is_empty()))
        .collect();
    if candidates.len() < 2 {
        return by_style;
    }
    let lowercase_words: HashSet<&str> = body
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .filter(|word| word.starts_with(|c: char| c.is_lowercase()))
        .collect();
    let is_common = |word: &str| lowercase_words.contains(word.to_lowercase().as_str());
    let names_are_names = |reading: &TalkHeading| {
        reading
            .speakers
            .iter()
            .flat_map(|person| person.name.split_whitespace())
            .all(|word| !is_common(word))
    };
    let confirmed: Vec<usize> = candidates
        .iter()
        .filter(|(_, reading)| names_are_names(reading))
        .map(|(i, _)| *i)
        .collect();
    if confirmed.len() >= 2 {
        confirmed.into_iter().for_each(|i| by_style[i] = true);
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
