//! Presenters named in prose: `In this talk, Ada Lovelace and Charles Babbage explain…`,
//! `Initech Engineer Ada Lovelace described…`, `Ada Lovelace of Analytical.io showed…`.
//!
//! A name counts only as the subject of a presenting verb, so people merely mentioned in the
//! notes (`thanks to Ada Lovelace for the video gear`) are not taken for presenters.

use crate::affiliation;
use crate::people::{self, Person};
use crate::text;

/// Verbs that say someone presented.
const PRESENTING_VERBS: &[&str] = &[
    "explains",
    "explained",
    "explain",
    "describes",
    "described",
    "describe",
    "presents",
    "presented",
    "present",
    "talks",
    "talked",
    "talk",
    "gave",
    "gives",
    "give",
    "shows",
    "showed",
    "show",
    "demoed",
    "demonstrated",
    "demonstrates",
    "discussed",
    "discusses",
    "shared",
    "shares",
    "introduced",
    "introduces",
    "walked",
    "walks",
    "covered",
    "covers",
];

/// Whether `word` (punctuation after it aside) says someone presented: `showed`, `talks`.
pub fn is_presenting_verb(word: &str) -> bool {
    PRESENTING_VERBS.contains(&word.trim_end_matches([',', '.']).to_lowercase().as_str())
}

/// Whether a paragraph speaks of one of `speakers` as a presenter: a word of the name followed
/// by a presenting verb, a parenthesis, a comma or `'s` (`Ada showed…`, `Ada (Initech) …`,
/// `Lovelace, who…`). A mere capitalised word (`Service meshes are…`) is not enough.
pub fn names_presenter(paragraph: &str, speakers: &[Person]) -> bool {
    let words: Vec<&str> = paragraph.split_whitespace().collect();
    let name_words: Vec<&str> = speakers
        .iter()
        .flat_map(|speaker| {
            let mut words = speaker.name.split_whitespace();
            [words.next(), words.next_back()]
        })
        .flatten()
        .filter(|word| word.chars().count() >= 3)
        .collect();
    words.iter().enumerate().any(|(i, word)| {
        let marked = word
            .strip_suffix(',')
            .or_else(|| word.strip_suffix("'s"))
            .or_else(|| word.strip_suffix("’s"));
        if let Some(bare) = marked {
            return name_words.contains(&bare);
        }
        name_words.contains(word)
            && words.get(i + 1).is_some_and(|next| {
                next.starts_with('(') || matches!(*next, "who" | "from") || is_presenting_verb(next)
            })
    })
}

/// The people a panel or conversation is held with: `A lively discussion with Ada Lovelace
/// (Initech) and Alan Turing, moderated by …` → Ada and Alan (not the moderator).
pub fn panelists(paragraph: &str) -> Vec<Person> {
    const CONVERSATIONS: &[&str] = &[
        "discussion",
        "conversation",
        "chat",
        "panel",
        "interview",
        "debate",
        "q&a",
    ];
    // Offsets come from `paragraph` itself: lower-casing may change a text's byte length.
    paragraph
        .match_indices(" with ")
        .filter(|(at, _)| {
            paragraph[..*at]
                .split_whitespace()
                .rev()
                .take(2)
                .any(|word| text::lowercase_is_one_of(word, CONVERSATIONS))
        })
        .find_map(|(at, with)| {
            let clause = &paragraph[at + with.len()..];
            let end = [", moderated", " moderated", ". ", ";"]
                .iter()
                .filter_map(|stop| clause.find(stop))
                .min()
                .unwrap_or(clause.len());
            people::parse_byline(clause[..end].trim_end_matches(['.', ',']))
                .filter(|people| people.len() >= 2 || people.iter().all(|p| p.company.is_some()))
        })
        .unwrap_or_default()
}

/// Headings of sections that are about the post, not a talk, whatever their prose says.
const NOT_TALK_SECTIONS: &[&str] = &[
    "introduction",
    "intro",
    "conclusion",
    "conclusions",
    "summary",
    "takeaways",
    "more",
    "wrap",
    "overview",
    "about",
    "thanks",
    "venue",
    "travel",
    "food",
    "party",
    "misc",
    "miscellaneous",
    "themes",
    "final",
    "closing",
    "words",
];

/// A room-based track named in prose: `talks in the Go Devroom`, `presented in the Open Source
/// Design devroom`. Returns the room as written (`Go Devroom`).
pub fn devroom(text: &str) -> Option<String> {
    // Only ASCII letters lower-case to `devroom`, so text without it (in any ASCII case) names
    // no room; most paragraphs stop here without splitting or lower-casing anything.
    if !crate::text::contains_ignore_ascii_case(text, "devroom") {
        return None;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let end = words.iter().position(|w| {
        let w = w
            .trim_end_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        w == "devroom" || w == "devrooms"
    })?;
    let mut start = end;
    while start > 0
        && words[start - 1]
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    {
        start -= 1;
    }
    // `in the Go Devroom`, not `in preparation for the Go devroom`.
    let in_the = start > 1
        && words[start - 1].eq_ignore_ascii_case("the")
        && words[start - 2].eq_ignore_ascii_case("in");
    (start < end && in_the).then(|| {
        let room: Vec<&str> = words[start..=end]
            .iter()
            .map(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric()))
            .collect();
        room.join(" ")
    })
}

/// Whether a heading names a section about the post rather than a talk.
pub fn is_post_section(heading: &str) -> bool {
    heading
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| NOT_TALK_SECTIONS.contains(&w))
}

/// The presenters a paragraph names as subjects of a presenting verb.
pub fn presenters(paragraph: &str) -> Vec<Person> {
    let words: Vec<&str> = paragraph.split_whitespace().collect();
    let is_verb = |i: usize| words.get(i).is_some_and(|w| is_presenting_verb(w));
    for start in 0..words.len() {
        // `a maintainer at Red Hat, walked…`: capitalised words after `at` name a place.
        if start > 0 && is_affiliation_word(words[start - 1]) {
            continue;
        }
        let mut people: Vec<Person> = Vec::new();
        let mut i = start;
        while let Some((person, next)) = name_at(&words, i) {
            people.push(person);
            i = next;
            if !words.get(i).is_some_and(|w| matches!(*w, "and" | "&")) {
                break;
            }
            i += 1;
        }
        if people.is_empty() {
            continue;
        }
        // `Ada Lovelace of Initech showed`, `Ada Lovelace (Initech) showed`
        let mut company = None;
        if words
            .get(i)
            .is_some_and(|w| matches!(*w, "of" | "from" | "at"))
        {
            let run: Vec<&str> = words[i + 1..]
                .iter()
                .take(4)
                .take_while(|w| {
                    w.chars()
                        .next()
                        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                })
                .map(|w| w.trim_end_matches([',', '.', ';', ':']))
                .collect();
            if !run.is_empty() {
                i += 1 + run.len();
                company = Some(run.join(" "));
            }
        }
        if is_verb(i) {
            if let (Some(company), [only]) = (
                company.or_else(|| affiliation::before_name(&words, start)),
                people.as_mut_slice(),
            ) {
                only.company.get_or_insert(company);
            }
            return people;
        }
    }
    Vec::new()
}

/// Words after which capitalised words name an organisation or a place, not a presenter.
fn is_affiliation_word(word: &str) -> bool {
    matches!(word, "at" | "from" | "of" | "for" | "in" | "@")
}

/// `Ada Lovelace of Initech showed…` or `Ada Lovelace from Initech, on why…` opening a talk's
/// notes: the presenter and company, even without a presenting verb.
pub fn presenter_opening(paragraph: &str) -> Option<Person> {
    let words: Vec<&str> = paragraph.split_whitespace().collect();
    let (mut person, next) = name_at(&words, 0)?;
    if !words
        .get(next)
        .is_some_and(|w| matches!(*w, "of" | "from" | "at"))
    {
        return None;
    }
    person.company = Some(affiliation::company_at(&words, next + 1)?);
    Some(person)
}

/// A name of two or three words starting at `words[i]`, and the index after it.
fn name_at(words: &[&str], i: usize) -> Option<(Person, usize)> {
    for len in [3, 2] {
        let slice = words.get(i..i + len)?;
        let last_has_punctuation = slice[..len - 1]
            .iter()
            .any(|w| w.ends_with([',', '.', ':', ';']));
        if affiliation::is_role(slice[0]) {
            continue;
        }
        let name = slice.join(" ");
        if !last_has_punctuation && people::is_person_name(name.trim_end_matches([',', '.'])) {
            return Some((
                Person {
                    name: name.trim_end_matches([',', '.']).to_owned(),
                    company: None,
                },
                i + len,
            ));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(paragraph: &str) -> Vec<(String, Option<String>)> {
        presenters(paragraph)
            .into_iter()
            .map(|p| (p.name, p.company))
            .collect()
    }

    #[test]
    fn subjects_of_presenting_verbs() {
        assert_eq!(
            names(
                "It is extremely flexible. In this talk, Ada Lovelace and Charles Babbage explain why they built it."
            ),
            [
                ("Ada Lovelace".into(), None),
                ("Charles Babbage".into(), None)
            ]
        );
        assert_eq!(
            names("Initech Engineer Grace Hopper described how the team scaled."),
            [("Grace Hopper".into(), Some("Initech".into()))]
        );
        assert_eq!(
            names("Alan Turing explains the potential of machines."),
            [("Alan Turing".into(), None)]
        );
        assert_eq!(
            names("Mara Bos of Fusion Labs showed a demo."),
            [("Mara Bos".into(), Some("Fusion Labs".into()))]
        );
    }

    #[test]
    fn presenters_opening_the_notes() {
        let opening =
            presenter_opening("Ada Lovelace of Analytical.io how engines compute.").unwrap();
        assert_eq!(
            (opening.name.as_str(), opening.company.as_deref()),
            ("Ada Lovelace", Some("Analytical.io"))
        );
        assert_eq!(
            presenter_opening("Audi Business Innovation GmbH provides teams with clusters."),
            None
        );
    }

    #[test]
    fn mentions_are_not_presenters() {
        assert!(
            names("Thanks to the speakers, Ada Lovelace for managing the video gear.").is_empty()
        );
        assert!(names("Members of the Go community presented a series of talks.").is_empty());
        assert!(
            names("Julia, a kernel maintainer at Red Hat, walked through the patches.").is_empty(),
            "a company after `at` is not a presenter"
        );
    }

    #[test]
    fn notes_that_speak_of_a_presenter() {
        let ada = [Person {
            name: "Ada Lovelace".into(),
            company: None,
        }];
        for paragraph in [
            "Ada showed how the engine weaves.",
            "Ada (Initech) opened with a story.",
            "Lovelace, who built it, explained the cards.",
            "The talk was Ada's best yet.",
        ] {
            assert!(names_presenter(paragraph, &ada), "{paragraph}");
        }
        for paragraph in [
            "Ada is a name; engines are machines.",
            "Thanks to the organisers for a great day.",
        ] {
            assert!(!names_presenter(paragraph, &ada), "{paragraph}");
        }
    }

    #[test]
    fn panelists_of_a_discussion() {
        assert_eq!(
            panelists(
                "A lively discussion with Ada Lovelace (Initech) and Alan Turing (Hooli), moderated by Grace Hopper."
            )
            .into_iter()
            .map(|p| (p.name, p.company))
            .collect::<Vec<_>>(),
            [
                ("Ada Lovelace".into(), Some("Initech".into())),
                ("Alan Turing".into(), Some("Hooli".into()))
            ]
        );
        assert!(panelists("We had lunch with Ada Lovelace and Alan Turing.").is_empty());
        assert_eq!(
            panelists("İstanbul's Panel with Ada Lovelace and Alan Turing.").len(),
            2,
            "a letter whose lower case is longer does not shift the names"
        );
    }

    #[test]
    fn devrooms_named_in_prose() {
        assert_eq!(
            devroom("a series of talks in the Rust Devroom. Great day").as_deref(),
            Some("Rust Devroom")
        );
        assert_eq!(
            devroom("presented it in the Open Source Design devroom.").as_deref(),
            Some("Open Source Design devroom")
        );
        assert_eq!(devroom("the devroom was packed"), None);
        assert_eq!(devroom("in preparation for the FOSDEM Go devroom"), None);
    }

    #[test]
    fn post_sections() {
        assert!(is_post_section("Introduction"));
        assert!(is_post_section("Main takeaways"));
        assert!(!is_post_section("Scaling with Rust: a story"));
    }
}
