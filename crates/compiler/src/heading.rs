//! Reads a heading that may introduce a talk: its title, presenters and session kind.
//!
//! Shapes handled, tried in order:
//! - `[Title](url)` optionally followed by a byline (`- Speaker`, `by Speaker`);
//! - `Title - Speaker (Company), Speaker (Company)` (also `–`, `—`, `|` and `- by …`);
//! - `Title by Speaker (Company)`;
//! - `Title Speaker Name (Company)` with no separator: the person is the last capitalised words
//!   before the trailing parenthesis (`… (TDD) for infrastructure Rosemary Wang (HashiCorp)`);
//! - `Title (Speaker, Speaker)`;
//! - prefixes such as `3. ` or `10:30 - ` are dropped, and session kinds such as `Keynote:` or
//!   `(Opening Keynote)` become kinds (tracks) rather than part of the title.

use crate::people::{self, Person};
use crate::text;

/// What a heading says about a talk.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TalkHeading {
    pub title: String,
    pub speakers: Vec<Person>,
    /// Session kinds named in the heading, e.g. `Keynote`, `Opening Keynote`.
    pub kinds: Vec<String>,
}

/// The dashes and the bar that separate a heading's parts (`Title - Speaker`, `Room A | Title`).
const PART_SEPARATORS: [&str; 4] = [" - ", " – ", " — ", " | "];

/// Session kinds a heading or grouping may name, matched as whole words, case-insensitively.
const KIND_WORDS: &[(&str, &str)] = &[
    ("keynote", "Keynote"),
    ("keynotes", "Keynote"),
    ("lightning talk", "Lightning Talk"),
    ("lightning talks", "Lightning Talk"),
    ("panel", "Panel"),
    ("panel discussion", "Panel"),
    ("workshop", "Workshop"),
    ("fireside chat", "Fireside Chat"),
];

/// The session kind a phrase names on its own (`Keynote`, `Opening Keynote`, `Lightning talks`).
pub fn kind_phrase(text: &str) -> Option<String> {
    let lower = text.trim().to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    if words.is_empty() || words.len() > 3 {
        return None;
    }
    let last_two = words[words.len().saturating_sub(2)..].join(" ");
    let last = words[words.len() - 1];
    let known = KIND_WORDS.iter().any(|(w, _)| *w == last || *w == last_two);
    known.then(|| text.trim().trim_end_matches(':').to_owned())
}

/// The session kind a talk's whole title names (`Keynote`, `The Keynote`, `Fireside chat`): a
/// talk so titled has no title of its own.
pub fn kind_title(title: &str) -> Option<String> {
    let kind = kind_phrase(title)?;
    let without_article = ["The ", "the ", "A ", "Our "]
        .iter()
        .find_map(|article| kind.strip_prefix(article));
    Some(without_article.map_or(kind.clone(), str::to_owned))
}

/// The session kind a grouping heading stands for (`Day one Keynotes` → `Keynote`), if it names
/// exactly one kind and not also ordinary sessions.
pub fn grouping_kind(heading: &str) -> Option<String> {
    let lower = heading.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if words
        .iter()
        .any(|w| matches!(*w, "sessions" | "session" | "and"))
    {
        return None;
    }
    let mut found: Vec<&str> = Vec::new();
    for (i, _) in words.iter().enumerate() {
        let two = words.get(i..i + 2).map(|w| w.join(" "));
        for (phrase, canonical) in KIND_WORDS {
            if (words[i] == *phrase || two.as_deref() == Some(*phrase))
                && !found.contains(canonical)
            {
                found.push(canonical);
            }
        }
    }
    (found.len() == 1).then(|| found[0].to_owned())
}

/// Words of a grouping heading that name no topic: `My favourite talks`, `Morning sessions`,
/// `Other highlights`.
const GENERIC_GROUPING_WORDS: &[&str] = &[
    "talks",
    "talk",
    "sessions",
    "session",
    "presentations",
    "presentation",
    "notes",
    "highlights",
    "favourite",
    "favorite",
    "favourites",
    "favorites",
    "my",
    "our",
    "the",
    "most",
    "best",
    "inspiring",
    "interesting",
    "other",
    "some",
    "more",
    "a",
    "few",
    "top",
    "selected",
    "remaining",
    "rest",
    "of",
    "conference",
    "main",
    "morning",
    "afternoon",
    "evening",
    "lunch",
    "before",
    "after",
    "first",
    "second",
    "third",
    "last",
    "day",
    "days",
    "part",
    "general",
    "misc",
    "miscellaneous",
    "various",
    "what",
    "i",
    "saw",
    "attended",
    "watched",
    "track",
    "tracks",
    "agenda",
    "schedule",
    "program",
    "programme",
    "and",
    "in",
    "at",
    "on",
    "content",
    "summaries",
    "summary",
];

/// The topic a grouping heading stands for, which its talks take as a track (`## Networking`,
/// `## Security track` → `Security`): not a post section (`Introduction`), not a generic
/// grouping (`Most inspiring talks`), not the conference itself, and not a date or a number.
pub fn grouping_topic(heading: &str, conference_name: &str) -> Option<String> {
    let text = heading.trim().trim_end_matches(':').trim();
    if text.is_empty()
        || text
            .chars()
            .any(|c| c.is_ascii_digit() || matches!(c, '?' | '!' | ':'))
        || text.split_whitespace().count() > 4
        || crate::prose::is_post_section(text)
    {
        return None;
    }
    let lower = text.to_lowercase();
    let conference_word = conference_name
        .split_whitespace()
        .next()
        .map(str::to_lowercase);
    if conference_word.is_some_and(|word| lower.split_whitespace().any(|w| w == word)) {
        return None;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let generic = |word: &&str| GENERIC_GROUPING_WORDS.contains(&word.to_lowercase().as_str());
    if words.iter().all(generic) {
        return None;
    }
    // `Security track`, `Kubernetes talks`: the topic without the word for sessions.
    let end = words.len()
        - words
            .iter()
            .rev()
            .take_while(|word| {
                matches!(
                    word.to_lowercase().as_str(),
                    "track" | "talks" | "sessions" | "devroom"
                )
            })
            .count();
    Some(words[..end].join(" "))
}

/// How a recap writes its talk headings, learnt from all of them: recaps keep one style.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HeadingStyle {
    /// Most headings that end in parentheses hold a person there: `Title (Speaker)`.
    pub speakers_in_parentheses: bool,
    /// Headings name their speakers after the title (`Title - Speaker`) more often than before
    /// it (`Speaker: Title`), so a heading is never read the other way round.
    pub titles_first: bool,
    /// Two or more headings read speaker first (`Ada Lovelace — Engines`) and none title first
    /// (`Title - Ada Lovelace`, `Title (Ada Lovelace)`): the recap may name its speakers first,
    /// and [`crate::speaker_first`] looks closer.
    pub speakers_first: bool,
}

impl HeadingStyle {
    /// Learns the style from the plain text of every heading of a recap.
    pub fn learn<'a>(headings: impl IntoIterator<Item = &'a str>) -> HeadingStyle {
        let (mut company_votes, mut person_votes) = (0, 0);
        let (mut title_first_votes, mut speaker_first_votes) = (0, 0);
        for heading in headings {
            // Only headings that read one way only vote (`Ann Lee - Go Build Modes` reads both).
            match (
                by_separator(heading).is_some(),
                speaker_first(heading).is_some(),
            ) {
                (true, false) => title_first_votes += 1,
                (false, true) => speaker_first_votes += 1,
                _ => {}
            }
            let (before, Some(inner)) = people::split_trailing_parenthetical(heading) else {
                continue;
            };
            if kind_phrase(inner).is_some() {
                continue;
            }
            let words: Vec<&str> = before.split_whitespace().collect();
            let ends_in_name = words.len() >= 3
                && words[words.len() - 2..]
                    .iter()
                    .all(|w| people::is_name_word(w));
            let after_separator = [" - ", " – ", " — ", " | ", " by "]
                .iter()
                .filter_map(|sep| before.rsplit_once(sep).map(|(_, name)| name))
                .any(people::is_person_name);
            if people::parse_byline(inner).is_none()
                || after_separator
                || (ends_in_name && !people::is_title_case(before))
            {
                // `Title - Ada Lovelace (Two Words)`, `… small teams Omar Farouk (Quarry Labs)`
                company_votes += 1;
            } else if !ends_in_name {
                // `Continuous Delivery at Scale (Ada Lovelace)`
                person_votes += 1;
            }
            // `Title Case Words (Two Words)`: either reading works; no vote.
        }
        HeadingStyle {
            speakers_in_parentheses: person_votes >= 2 && person_votes >= 2 * company_votes,
            titles_first: title_first_votes > speaker_first_votes,
            speakers_first: speaker_first_votes >= 2
                && title_first_votes == 0
                && person_votes == 0
                && company_votes == 0,
        }
    }
}

/// Parses a heading's plain text. `link_text` is the text of a link that starts the heading
/// (`[Title](url) - Speaker`), which is then the title.
pub fn parse(text: &str, link_text: Option<&str>) -> TalkHeading {
    parse_with_style(text, link_text, HeadingStyle::default())
}

/// [`parse`] for a recap whose heading style is known.
pub fn parse_with_style(text: &str, link_text: Option<&str>, style: HeadingStyle) -> TalkHeading {
    let text = strip_material_labels(strip_numbering(text.trim()));
    let mut kinds = Vec::new();
    let text = strip_kind_prefix(text, &mut kinds);

    if let Some(link_text) = link_text.map(str::trim).filter(|t| !t.is_empty())
        && let Some(rest) = text.strip_prefix(link_text)
    {
        let rest = rest
            .trim()
            .trim_start_matches(['-', '–', '—', '|', ':', ','])
            .trim();
        let speakers = people::parse_byline(rest).unwrap_or_default();
        return finish(link_text, speakers, kinds);
    }
    if style.speakers_in_parentheses
        && let Some((title, speakers)) = by_parenthesised_speakers(text)
    {
        return finish(&title, speakers, kinds);
    }
    for parse in [
        by_separator,
        by_word_by,
        by_trailing_company,
        by_parenthesised_speakers,
        by_trailing_names,
    ] {
        if let Some((title, speakers)) = parse(text) {
            return finish(&title, speakers, kinds);
        }
    }
    finish(text, Vec::new(), kinds)
}

/// Reads a heading written speaker first: `Ada Lovelace: Engines`, `Ada Lovelace - Engines`,
/// or `Ada Lovelace – Fireside chat` (a session kind and no title). `Harbour Pier – Mile
/// 12` reads this way too, and `Ann Lee - Go Build Modes` reads both ways, so a caller only
/// takes this reading with more evidence: the recap's other headings, or the notes naming the
/// speaker.
pub fn speaker_first(text: &str) -> Option<TalkHeading> {
    let text = strip_numbering(text.trim());
    let mut kinds = Vec::new();
    let text = strip_kind_prefix(text, &mut kinds);
    let mut splits: Vec<(&str, &str)> = std::iter::once(&": ")
        .chain(&PART_SEPARATORS)
        .filter_map(|separator| text.split_once(separator))
        .filter(|(_, rest)| !rest.trim().is_empty())
        .collect();
    splits.sort_by_key(|(names, _)| names.len());
    splits.into_iter().find_map(|(names, rest)| {
        let mut kinds = kinds.clone();
        // `Keynote — Ada Lovelace: Engines`: the session kind before the speaker.
        let names = PART_SEPARATORS
            .iter()
            .filter_map(|separator| names.split_once(separator))
            .find_map(|(kind, names)| {
                kind_phrase(kind).map(|kind| {
                    kinds.push(kind);
                    names
                })
            })
            .unwrap_or(names);
        let speakers = people::parse_byline(names)?;
        Some(finish(rest.trim(), speakers, kinds))
    })
}

fn finish(title: &str, speakers: Vec<Person>, mut kinds: Vec<String>) -> TalkHeading {
    let mut title = title.trim();
    // `"Title" (Opening Keynote)`: the trailing kind moves to kinds.
    let (before, paren) = people::split_trailing_parenthetical(title);
    if let Some(kind) = paren.and_then(kind_phrase) {
        kinds.push(kind);
        title = before;
    }
    let title = text::strip_pictographs(title);
    let mut title = strip_quotes(title.trim_end_matches([':', ',', '-', '–', '—']).trim());
    // `Keynote by Ada Lovelace`: a session kind, not a title.
    if !speakers.is_empty()
        && let Some(kind) = kind_title(title)
    {
        kinds.push(kind);
        title = "";
    }
    TalkHeading {
        title: title.to_owned(),
        speakers,
        kinds,
    }
}

/// `Title - Speaker`: the rightmost separator whose right side is a byline.
fn by_separator(text: &str) -> Option<(String, Vec<Person>)> {
    let mut positions: Vec<(usize, usize)> = PART_SEPARATORS
        .iter()
        .flat_map(|sep| text.match_indices(sep).map(|(i, s)| (i, s.len())))
        .collect();
    positions.sort_unstable_by_key(|&(at, _)| std::cmp::Reverse(at));
    positions.into_iter().find_map(|(i, len)| {
        let (title, byline) = (&text[..i], &text[i + len..]);
        let speakers = people::parse_byline(byline)?;
        (!title.trim().is_empty()).then(|| (title.to_owned(), speakers))
    })
}

/// `Title by Speaker (Company)`.
fn by_word_by(text: &str) -> Option<(String, Vec<Person>)> {
    text.rmatch_indices(" by ").find_map(|(i, _)| {
        let speakers = people::parse_byline(&text[i + 4..])?;
        let title = text[..i].trim();
        (!title.is_empty()).then(|| (title.to_owned(), speakers))
    })
}

/// `Title Speaker Name (Company)[, Speaker Name (Company)]` with no separator.
fn by_trailing_company(text: &str) -> Option<(String, Vec<Person>)> {
    let items = people::split_list(text);
    let mut speakers = Vec::new();
    // Whole trailing items that are `Name (Company)`, from the right.
    let mut first_item = items.len();
    while first_item > 1 {
        let item = &items[first_item - 1];
        match people::parse_person(item) {
            Some(person) if person.company.is_some() => {
                speakers.insert(0, person);
                first_item -= 1;
            }
            _ => break,
        }
    }
    // The leftmost remaining item ends with `… Name Name (Company)`; but the text may contain list
    // separators inside the title, so work on the original text up to that item's end.
    let cut = nth_item_end(text, &items, first_item.checked_sub(1)?)?;
    let head = &text[..cut];
    let (before, company) = people::split_trailing_parenthetical(head);
    let company = company?;
    let offsets = word_offsets(before);
    let words: Vec<&str> = offsets
        .iter()
        .map(|&(start, end)| &before[start..end])
        .collect();
    let mut name_start = words.len();
    let mut capitalised = 0;
    while name_start > 0 && capitalised < 2 {
        let word = words[name_start - 1];
        if people::is_name_word(word) {
            capitalised += 1;
        } else if !(people::is_particle(word) && capitalised == 1) {
            break;
        }
        name_start -= 1;
    }
    if capitalised < 2 || name_start == 0 {
        return None;
    }
    let name = words[name_start..].join(" ");
    let person = people::parse_person(&format!("{name} ({company})"))?;
    speakers.insert(0, person);
    let title = before[..offsets[name_start].0].trim();
    (!title.is_empty()).then(|| (title.to_owned(), speakers))
}

/// Byte ranges of the whitespace-separated words of `text`.
fn word_offsets(text: &str) -> Vec<(usize, usize)> {
    let mut words = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                words.push((s, i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push((s, text.len()));
    }
    words
}

/// `Title, Speaker & Speaker`: trailing list items that are all names, after a title of at
/// least three words (so `Kubernetes, Docker Swarm` stays a title).
fn by_trailing_names(text: &str) -> Option<(String, Vec<Person>)> {
    let items = people::split_list(text);
    let mut first = items.len();
    while first > 1 && people::is_person_name(items[first - 1]) {
        first -= 1;
    }
    if first == items.len() || first == 0 {
        return None;
    }
    let cut = nth_item_end(text, &items, first - 1)?;
    let title = text[..cut].trim();
    if title.split_whitespace().count() < 3 || !text[cut..].trim_start().starts_with(',') {
        return None;
    }
    let speakers = items[first..]
        .iter()
        .filter_map(|item| people::parse_person(item))
        .collect();
    Some((title.to_owned(), speakers))
}

/// The byte offset in `text` where item `index` of `items` (from [`people::split_list`]) ends.
fn nth_item_end(text: &str, items: &[&str], index: usize) -> Option<usize> {
    let mut from = 0;
    for item in &items[..=index] {
        let at = text[from..].find(item)? + from;
        from = at + item.len();
    }
    Some(from)
}

/// `Title (Speaker, Speaker)`.
fn by_parenthesised_speakers(text: &str) -> Option<(String, Vec<Person>)> {
    let (title, inner) = people::split_trailing_parenthetical(text);
    let inner = inner?;
    if kind_phrase(inner).is_some() {
        return None;
    }
    let speakers = people::parse_byline(inner)?;
    (!title.trim().is_empty()).then(|| (title.to_owned(), speakers))
}

/// Drops list numbering (`3. `, `3) `) and times (`10:30 - `, `10:30 `, `10:30–11:15 `) in
/// front of a title, in any order (`3. 10:45 – Title`).
fn strip_numbering(text: &str) -> &str {
    let mut text = text;
    loop {
        let rest = strip_one_number(text);
        if rest.len() == text.len() {
            return text;
        }
        text = rest;
    }
}

fn strip_one_number(text: &str) -> &str {
    let digits = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    if digits == 0 || digits > 2 {
        return text;
    }
    let rest = &text[digits..];
    if let Some(after) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
        return after.trim_start();
    }
    if let Some(minutes) = rest.strip_prefix(':') {
        let m = minutes
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(minutes.len());
        if m == 2 {
            let after = minutes[m..].trim_start();
            let after = after.trim_start_matches(['-', '–', '—', '|']).trim_start();
            return after;
        }
    }
    text
}

/// `Title (Ada Lovelace) slides video` → `Title (Ada Lovelace)`: the texts of links to the talk's
/// slides or video after the byline's parentheses (the links themselves become the talk's links).
fn strip_material_labels(text: &str) -> &str {
    let mut rest = text;
    while let Some((before, last)) = rest.trim_end().rsplit_once(' ') {
        let label = last.trim_matches(|c: char| matches!(c, '[' | ']' | '(' | ')' | '|' | ','));
        if !["slides", "deck", "video", "recording", "youtube"]
            .iter()
            .any(|material| label.eq_ignore_ascii_case(material))
        {
            break;
        }
        rest = before
            .trim_end()
            .trim_end_matches(['|', '-', '–', '·', ','])
            .trim_end();
    }
    if rest.len() < text.len() && rest.ends_with(')') {
        rest
    } else {
        text
    }
}

/// `[Security] Title` → `Title`, recording `Security`: a bracketed topic in front of a title.
fn strip_bracketed_topic<'a>(text: &'a str, kinds: &mut Vec<String>) -> &'a str {
    if let Some(inner_and_rest) = text.strip_prefix('[')
        && let Some((topic, rest)) = inner_and_rest.split_once("] ")
        && !topic.is_empty()
        && topic.split_whitespace().count() <= 3
        && !topic.contains(['[', '(', ':'])
        && !rest.trim().is_empty()
    {
        kinds.push(topic.trim().to_owned());
        return rest.trim_start();
    }
    text
}

/// `Keynote: Title` → `Title`, recording `Keynote`; `Talk: Title` and `Talk 3: Title` → `Title`;
/// and a room in front of a title (`Room A – Title`, `Hall 2 | Title`) goes too.
fn strip_kind_prefix<'a>(text: &'a str, kinds: &mut Vec<String>) -> &'a str {
    let text = strip_bracketed_topic(text, kinds);
    if let Some((prefix, rest)) = text.split_once(':') {
        if let Some(kind) = kind_phrase(prefix) {
            kinds.push(kind);
            return rest.trim_start();
        }
        // `Talk: Title`, and numbered: `Talk 3: Title`, `Session #3: Title`.
        let mut words = prefix.split_whitespace();
        let generic = words.next().is_some_and(|word| {
            ["talk", "session", "presentation"]
                .iter()
                .any(|generic| word.eq_ignore_ascii_case(generic))
        });
        let numbered = words.next().is_none_or(|number| {
            let digits = number.trim_start_matches('#');
            !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
        });
        if generic && numbered && words.next().is_none() {
            return rest.trim_start();
        }
    }
    for separator in PART_SEPARATORS {
        if let Some((room, rest)) = text.split_once(separator)
            && is_room(room)
        {
            return rest.trim_start();
        }
    }
    text
}

/// `Room A`, `Hall 2`, `Main Stage`, `Track 3`: where a session took place.
fn is_room(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.len() <= 3
        && words.iter().any(|word| {
            ["room", "hall", "stage", "track", "auditorium"]
                .iter()
                .any(|place| word.eq_ignore_ascii_case(place))
        })
}

/// `"Title"` → `Title`, for any of the usual quotation marks.
pub fn strip_quotes(text: &str) -> &str {
    let pairs = [('"', '"'), ('“', '”'), ('\'', '\''), ('‘', '’'), ('„', '“')];
    for (open, close) in pairs {
        if let Some(inner) = text.strip_prefix(open).and_then(|t| t.strip_suffix(close))
            && !inner.contains(open)
        {
            return inner.trim();
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn speakers(heading: &TalkHeading) -> Vec<(&str, Option<&str>)> {
        heading
            .speakers
            .iter()
            .map(|p| (p.name.as_str(), p.company.as_deref()))
            .collect()
    }

    #[test]
    fn headings_of_separators_alone_are_no_talks() {
        for text in [",", "&", " and ", ", ,", "; &", "( )", "—", "|"] {
            let heading = parse(text, None);
            assert!(heading.speakers.is_empty(), "{text:?}");
        }
    }

    #[test]
    fn title_dash_speakers_with_companies() {
        let h = parse(
            "Borrow checking in depth - by Grace Hopper (Navy), Alan Turing (Bletchley Park)",
            None,
        );
        assert_eq!(h.title, "Borrow checking in depth");
        assert_eq!(
            speakers(&h),
            vec![
                ("Grace Hopper", Some("Navy")),
                ("Alan Turing", Some("Bletchley Park"))
            ]
        );
    }

    #[test]
    fn title_dash_two_speakers() {
        let h = parse(
            "Caching: the good parts - Ada Lovelace and Łukasz Nowak",
            None,
        );
        assert_eq!(h.title, "Caching: the good parts");
        assert_eq!(
            speakers(&h),
            vec![("Ada Lovelace", None), ("Łukasz Nowak", None)]
        );
    }

    #[test]
    fn dash_inside_a_place_is_not_a_byline() {
        let h = parse("Me @ RustFest 2023 - Barcelona", None);
        assert_eq!(h.title, "Me @ RustFest 2023 - Barcelona");
        assert!(h.speakers.is_empty());
    }

    #[test]
    fn speaker_without_separator_before_company() {
        let h = parse(
            "Property testing (PBT) for pipelines Mara Bos (Fusion Engineering)",
            None,
        );
        assert_eq!(h.title, "Property testing (PBT) for pipelines");
        assert_eq!(speakers(&h), vec![("Mara Bos", Some("Fusion Engineering"))]);

        let h = parse(
            "Scaling teams, one step at a time Anne van Dijk (Acme Corp), Bo Li (Acme Corp)",
            None,
        );
        assert_eq!(h.title, "Scaling teams, one step at a time");
        assert_eq!(
            speakers(&h),
            vec![
                ("Anne van Dijk", Some("Acme Corp")),
                ("Bo Li", Some("Acme Corp"))
            ]
        );
    }

    #[test]
    fn title_case_titles_with_two_word_companies() {
        let h = parse("Designing Forms That Work - Hanne Vik (Bølge Design)", None);
        assert_eq!(
            (h.title.as_str(), speakers(&h)),
            (
                "Designing Forms That Work",
                vec![("Hanne Vik", Some("Bølge Design"))]
            )
        );
        let h = parse(
            "Running Kubernetes on Renewable Power Elin Sundberg (Vindkraft Digital)",
            None,
        );
        assert_eq!(
            (h.title.as_str(), speakers(&h)),
            (
                "Running Kubernetes on Renewable Power",
                vec![("Elin Sundberg", Some("Vindkraft Digital"))]
            )
        );
        let styles = [
            "Forms That Work - Hanne Vik (Bølge Design)",
            "Measuring Feelings - Lin Berg (Nordlys Cloud)",
            "Less JS - Arne Fosse (Tindeløft)",
        ];
        assert!(!HeadingStyle::learn(styles).speakers_in_parentheses);
    }

    #[test]
    fn a_recap_that_puts_speakers_in_parentheses_keeps_doing_so() {
        let headings = [
            "Caching at Scale (Ada Lovelace)",
            "Lambda - The Ultimate Fabric (Alan Turing)",
            "Ownership Rules (Grace Hopper)",
        ];
        let style = HeadingStyle::learn(headings);
        assert!(style.speakers_in_parentheses);
        let h = parse_with_style(headings[1], None, style);
        assert_eq!(
            (h.title.as_str(), speakers(&h)),
            ("Lambda - The Ultimate Fabric", vec![("Alan Turing", None)])
        );
        assert!(
            !HeadingStyle::learn(["Talk - Ann Lee (Google)", "Other - Bo Li (Initech)"])
                .speakers_in_parentheses
        );
        let sentence_case = [
            "Small teams and big data Omar Farouk (Quarry Labs)",
            "The quiet pipeline Bea Santos (Riverbed Data)",
        ];
        assert!(!HeadingStyle::learn(sentence_case).speakers_in_parentheses);
    }

    #[test]
    fn acronym_in_parentheses_is_not_a_company() {
        let h = parse("Test-driven development (TDD)", None);
        assert_eq!(h.title, "Test-driven development (TDD)");
        assert!(h.speakers.is_empty());
    }

    #[test]
    fn link_heading_with_byline() {
        let h = parse("Zero-cost futures - Niko Mat", Some("Zero-cost futures"));
        assert_eq!(h.title, "Zero-cost futures");
        assert_eq!(speakers(&h), vec![("Niko Mat", None)]);
        let h = parse("#DataDrivenThings", Some("#DataDrivenThings"));
        assert_eq!(h.title, "#DataDrivenThings");
    }

    #[test]
    fn by_and_parenthesised_speakers() {
        let h = parse("Async in practice by Jane Roe (Initech)", None);
        assert_eq!(
            (h.title.as_str(), speakers(&h)),
            ("Async in practice", vec![("Jane Roe", Some("Initech"))])
        );
        let h = parse("Fearless refactoring (Jane Roe, John Doe)", None);
        assert_eq!(speakers(&h), vec![("Jane Roe", None), ("John Doe", None)]);
    }

    #[test]
    fn numbering_times_quotes_and_kinds() {
        let h = parse("3. Memory safety everywhere, Ann Lee & Bob Ray", None);
        assert_eq!(h.title, "Memory safety everywhere");
        assert_eq!(speakers(&h).len(), 2);
        let h = parse("09:30 - Opening words", None);
        assert_eq!(h.title, "Opening words");
        let h = parse("2. 10:45–11:30 – Quiet Queues (Bo Ray, Initech)", None);
        assert_eq!(h.title, "Quiet Queues");
        assert_eq!(
            parse("10 Years of Queues", None).title,
            "10 Years of Queues"
        );
        let h = parse("Talk 2: \"Quiet Queues\" — Bo Ray, Initech", None);
        assert_eq!(h.title, "Quiet Queues");
        assert_eq!(speakers(&h), [("Bo Ray", Some("Initech"))]);
        assert_eq!(
            parse("Talk Radio: On Air", None).title,
            "Talk Radio: On Air"
        );
        let h = parse("\"Ship it\" (Opening Keynote) by Sam Poe (Globex)", None);
        assert_eq!(h.title, "Ship it");
        assert_eq!(h.kinds, vec!["Opening Keynote"]);
        let h = parse("Keynote: The road ahead", None);
        assert_eq!(
            (h.title.as_str(), h.kinds.clone()),
            ("The road ahead", vec!["Keynote".to_owned()])
        );
    }

    #[test]
    fn grouping_kinds() {
        assert_eq!(
            grouping_kind("Day one Keynotes").as_deref(),
            Some("Keynote")
        );
        assert_eq!(grouping_kind("Wednesday: Keynotes and sessions"), None);
        assert_eq!(grouping_kind("Conference day one Sessions"), None);
        assert_eq!(
            grouping_kind("Lightning talks").as_deref(),
            Some("Lightning Talk")
        );
    }

    #[test]
    fn grouping_topics() {
        let topic = |heading| grouping_topic(heading, "Harbourconf 2022");
        assert_eq!(topic("Networking").as_deref(), Some("Networking"));
        assert_eq!(topic("Security track").as_deref(), Some("Security"));
        assert_eq!(
            topic("Platform Engineering talks").as_deref(),
            Some("Platform Engineering")
        );
        for heading in [
            "Talks",
            "Most inspiring talks",
            "Other highlights",
            "Morning sessions",
            "Introduction",
            "Harbourconf recap",
            "Part 2",
            "What did I learn?",
            "The talks I liked best of the whole conference",
        ] {
            assert_eq!(topic(heading), None, "{heading}");
        }
    }

    #[test]
    fn speaker_first_readings() {
        let read = speaker_first("Ada Lovelace: Engines That Weave").unwrap();
        assert_eq!(read.title, "Engines That Weave");
        assert_eq!(speakers(&read), [("Ada Lovelace", None)]);
        let read = speaker_first("Ada Lovelace (Initech) – Fireside chat").unwrap();
        assert_eq!(read.title, "");
        assert_eq!(read.kinds, ["Fireside chat"]);
        assert_eq!(speakers(&read), [("Ada Lovelace", Some("Initech"))]);
        let read = speaker_first("Keynote — Ada Lovelace: Engines That Weave").unwrap();
        assert_eq!(read.title, "Engines That Weave");
        assert_eq!(read.kinds, ["Keynote"]);
        assert_eq!(speakers(&read), [("Ada Lovelace", None)]);
        assert_eq!(speaker_first("Why engines weave: a story"), None);
        assert_eq!(speaker_first("Ada Lovelace"), None);
    }

    #[test]
    fn a_recap_learns_which_side_its_speakers_are_on() {
        let titles_first = [
            "Engines at Scale - Ada Lovelace",
            "Ann Lee - Go Build Modes",
            "Weaving Patterns - Grace Hopper (Navy)",
        ];
        assert!(HeadingStyle::learn(titles_first).titles_first);
        let speakers_first = [
            "Ada Lovelace: how engines weave",
            "Ann Lee - Go Build Modes",
            "Engines at Scale - Grace Hopper",
            "Grace Hopper - the first compiler",
        ];
        assert!(!HeadingStyle::learn(speakers_first).titles_first);
    }
}
