//! Talks written as list items, as many recaps list the talks they saw:
//! - `[Title](url) _by_ [_Speaker_](url) - what it was about` (possibly wrapped over lines);
//! - `Speaker - Title` and `Title - Speaker`;
//! - `Title (Speaker, Speaker): [Slides](…)`;
//! - speaker-only keynote bullets: `Name (Company): note` or just `Name (Company)` (title null).
//!
//! A list counts as a list of talks when most of its items read as one, so bullet-point notes
//! (`eBPF = extended Berkeley Packet Filter`) never become talks.

use crate::affiliation;
use crate::heading::{self, HeadingStyle};
use crate::markdown::ListItem;
use crate::people::{self, Person};

/// One talk read from a list item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListTalk {
    pub title: Option<String>,
    pub speakers: Vec<Person>,
    /// What the item says about the talk besides title and speakers.
    pub description: String,
}

/// Which side of ` - ` a list puts its speakers on, learnt from its unambiguous items so that
/// `Ann Lee - Go Build Modes` (both sides look like names) follows its neighbours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Orientation {
    SpeakerFirst,
    TitleFirst,
    Unknown,
}

fn speaker_first(text: &str) -> Option<(Vec<Person>, &str)> {
    let (left, right) = text.split_once(" - ")?;
    let speakers = people::parse_byline(left)?;
    let right = right.trim();
    (!right.is_empty()).then_some((speakers, right))
}

fn learn_orientation(items: &[&ListItem]) -> Orientation {
    let (mut speaker_first_votes, mut title_first_votes) = (0, 0);
    for item in items {
        if let Some((left, right)) = item.text.split_once(" - ") {
            // `Title (Speaker, Company) - note` puts the speakers after the title.
            let title_then_people = || {
                split_after_parentheses(&item.text)
                    .is_some_and(|(talk, _)| !heading::parse(talk, None).speakers.is_empty())
            };
            match (
                people::parse_byline(left).is_some(),
                people::parse_byline(right).is_some() || title_then_people(),
            ) {
                (true, false) => speaker_first_votes += 1,
                (false, true) => title_first_votes += 1,
                _ => {}
            }
        }
    }
    match speaker_first_votes.cmp(&title_first_votes) {
        std::cmp::Ordering::Greater => Orientation::SpeakerFirst,
        std::cmp::Ordering::Less => Orientation::TitleFirst,
        std::cmp::Ordering::Equal => Orientation::Unknown,
    }
}

/// Whether a list puts people in its parentheses (`Title (Ada Lovelace, Initech)`) rather than
/// companies (`Ada Lovelace (Initech)`), learnt from the items that read one way only, so that
/// `**Async Pitfalls** (Bo Ray)` follows its neighbours.
fn learn_parentheses_hold_people(items: &[&ListItem]) -> bool {
    let (mut people_votes, mut company_votes) = (0, 0);
    for item in items {
        let (head, _) = split_top_level_colon(&item.text);
        let head = split_after_parentheses(head).map_or(head, |(talk, _)| talk);
        let (_, Some(inner)) = people::split_trailing_parenthetical(head) else {
            continue;
        };
        if people::parse_person(head).is_none() {
            if inner.contains([',', '&']) && people::parse_byline(inner).is_some() {
                people_votes += 1;
            }
        } else if !people::is_person_name(inner) {
            company_votes += 1;
        }
    }
    people_votes > company_votes
}

/// `**Title** (Ada Lovelace)`: an emphasised lead right before parentheses that hold a name.
fn emphasised_title_before_person(item: &ListItem, head: &str) -> bool {
    let (before, Some(inner)) = people::split_trailing_parenthetical(head) else {
        return false;
    };
    people::is_person_name(inner)
        && item
            .emphasised
            .iter()
            .any(|span| span.trim() == before.trim())
}

/// Reads one list item as a talk.
pub fn parse_item(item: &ListItem, style: HeadingStyle) -> Option<ListTalk> {
    parse_item_oriented(item, style, Orientation::Unknown, false)
}

fn parse_item_oriented(
    item: &ListItem,
    style: HeadingStyle,
    orientation: Orientation,
    parentheses_hold_people: bool,
) -> Option<ListTalk> {
    let text = item.text.trim();
    if let Some(link) = item.leading_link.as_ref().filter(|l| !l.text.is_empty())
        && let Some(rest) = text.strip_prefix(link.text.as_str())
    {
        let rest = rest.trim_start_matches([',', ':', ' ']);
        if let Some(byline) = people::strip_by(rest) {
            let (names, description) = split_description(byline);
            if let Some(speakers) = people::parse_byline(names) {
                return Some(with_affiliation(
                    Some(link.text.clone()),
                    speakers,
                    description,
                ));
            }
        }
    }
    // `Speaker - Title` (the title may hold a colon)
    if let Some((speakers, title)) = speaker_first(text)
        && orientation != Orientation::TitleFirst
        && (orientation == Orientation::SpeakerFirst || people::parse_byline(title).is_none())
    {
        return Some(ListTalk {
            title: Some(title.to_owned()),
            speakers,
            description: String::new(),
        });
    }
    // `Name (Company): note` / `Name: note` / `Name (Company)`, and `Name: *Title*` where the
    // whole note is emphasised or quoted.
    let (head, note) = split_top_level_colon(text);
    if let Some(person) = people::parse_person(head)
        && !head.contains(" - ")
        && !head.contains(" by ")
        && !(parentheses_hold_people && emphasised_title_before_person(item, head))
    {
        // (`Ada: *missed it, sadly*` is an aside: a title starts with a capital.)
        let quoted = heading::strip_quotes(note);
        let is_title = quoted.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            && (quoted.len() < note.len() || item.emphasised.iter().any(|span| span == note));
        return Some(ListTalk {
            title: is_title.then(|| quoted.to_owned()),
            speakers: vec![person],
            description: if is_title {
                String::new()
            } else {
                note.to_owned()
            },
        });
    }
    // `Title - Speaker`, `Title by Speaker`, `Title (Speaker, Speaker): [Slides](…)`,
    // `Title (Speaker, Company) - what it was about`
    let (head, note) = match split_after_parentheses(head) {
        Some((talk, description)) if note.is_empty() => (talk, description),
        _ => (head, note),
    };
    let style = HeadingStyle {
        speakers_in_parentheses: style.speakers_in_parentheses || parentheses_hold_people,
        ..style
    };
    let talk_of = |head: &str, note: &str| {
        let parsed = heading::parse_with_style(head, None, style);
        (!parsed.speakers.is_empty() && !parsed.title.is_empty()).then(|| ListTalk {
            title: Some(parsed.title),
            speakers: parsed.speakers,
            description: note.to_owned(),
        })
    };
    talk_of(head, note).or_else(|| {
        // `Title by Speaker — what it was about`: the note after the last dash.
        [" — ", " – ", " - "]
            .iter()
            .filter(|_| note.is_empty())
            .filter_map(|separator| head.rsplit_once(separator))
            .find_map(|(talk, description)| talk_of(talk, description.trim()))
    })
}

/// Reads a whole list: the talks of its items when most items are talks, else nothing.
pub fn parse_list<'a>(
    items: &[&'a ListItem],
    style: HeadingStyle,
) -> Option<Vec<(&'a ListItem, Option<ListTalk>)>> {
    let orientation = learn_orientation(items);
    let parentheses_hold_people = learn_parentheses_hold_people(items);
    let parsed: Vec<(&ListItem, Option<ListTalk>)> = items
        .iter()
        .map(|item| {
            let talk = parse_item_oriented(item, style, orientation, parentheses_hold_people);
            (*item, talk)
        })
        .collect();
    let talks = parsed.iter().filter(|(_, t)| t.is_some()).count();
    (talks >= 2 && talks * 3 >= items.len() * 2).then_some(parsed)
}

fn with_affiliation(
    title: Option<String>,
    mut speakers: Vec<Person>,
    description: &str,
) -> ListTalk {
    if speakers.len() == 1 && speakers[0].company.is_none() {
        speakers[0].company = affiliation::in_description(description);
    }
    ListTalk {
        title,
        speakers,
        description: description.to_owned(),
    }
}

/// `Ada Lovelace - the inventor of…` → (`Ada Lovelace`, `the inventor of…`).
fn split_description(text: &str) -> (&str, &str) {
    for separator in [" - ", " – ", " — ", ": "] {
        if let Some((names, description)) = text.split_once(separator) {
            return (names.trim(), description.trim());
        }
    }
    (text.trim().trim_end_matches(['-', '–', '—']).trim(), "")
}

/// `Title (Speaker) - note` → `("Title (Speaker)", "note")`: a dash right after parentheses.
fn split_after_parentheses(text: &str) -> Option<(&str, &str)> {
    [") - ", ") – ", ") — "]
        .iter()
        .filter_map(|separator| text.find(separator).map(|at| (at, separator.len())))
        .min()
        .map(|(at, len)| (text[..=at].trim(), text[at + len..].trim()))
}

/// Splits at the first `:` outside parentheses.
fn split_top_level_colon(text: &str) -> (&str, &str) {
    let mut depth = 0i32;
    for (i, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ':' if depth == 0 => return (text[..i].trim(), text[i + 1..].trim()),
            _ => {}
        }
    }
    (text.trim(), "")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::Outline;

    fn talks(markdown: &str) -> Option<Vec<Option<ListTalk>>> {
        let outline = Outline::parse(markdown);
        let items: Vec<&ListItem> = outline.items.iter().collect();
        parse_list(&items, HeadingStyle::default())
            .map(|list| list.into_iter().map(|(_, t)| t).collect())
    }

    fn summary(talk: &Option<ListTalk>) -> (Option<&str>, Vec<(&str, Option<&str>)>) {
        let talk = talk.as_ref().expect("a talk");
        (
            talk.title.as_deref(),
            talk.speakers
                .iter()
                .map(|p| (p.name.as_str(), p.company.as_deref()))
                .collect(),
        )
    }

    #[test]
    fn linked_titles_with_bylines_and_descriptions() {
        let list = talks(
            "- [Zero to Async](https://v.example/1) _by_ [_Ann Lee_](https://t.example/ann) -\n  a principal engineer at Initech explains runtimes.\n- [Ownership Explained](https://v.example/2) _by Bo Ray_ - tips for newcomers.\n",
        )
        .unwrap();
        assert_eq!(
            summary(&list[0]),
            (Some("Zero to Async"), vec![("Ann Lee", Some("Initech"))])
        );
        assert_eq!(
            summary(&list[1]),
            (Some("Ownership Explained"), vec![("Bo Ray", None)])
        );
    }

    #[test]
    fn speaker_first_items() {
        let list = talks("* Ann Lee - The future of parsers\n* Bo Ray - Writing a tool to rewrite code\n* Cy Dot - Go Build Modes\n* Di Eve - Typesafe: Pick Any Three\n").unwrap();
        assert_eq!(
            summary(&list[1]),
            (
                Some("Writing a tool to rewrite code"),
                vec![("Bo Ray", None)]
            )
        );
        assert_eq!(
            summary(&list[2]),
            (Some("Go Build Modes"), vec![("Cy Dot", None)]),
            "follows its neighbours"
        );
        assert_eq!(
            summary(&list[3]),
            (Some("Typesafe: Pick Any Three"), vec![("Di Eve", None)])
        );
    }

    #[test]
    fn speaker_only_keynote_bullets() {
        let list =
            talks("- Ann Lee: on bridges\n- Bo Ray (Initech)\n- Cy Dot (Globex): error budgets\n")
                .unwrap();
        assert_eq!(summary(&list[1]), (None, vec![("Bo Ray", Some("Initech"))]));
        assert_eq!(summary(&list[2]), (None, vec![("Cy Dot", Some("Globex"))]));
    }

    #[test]
    fn speaker_then_emphasised_or_quoted_title() {
        let list = talks(
            "- Ann Lee: *Bridges at Scale*\n- Bo Ray (Initech): \"Quiet Queues\"\n- Cy Dot: *missed it, sadly*\n",
        )
        .unwrap();
        assert_eq!(
            summary(&list[0]),
            (Some("Bridges at Scale"), vec![("Ann Lee", None)])
        );
        assert_eq!(
            summary(&list[1]),
            (Some("Quiet Queues"), vec![("Bo Ray", Some("Initech"))])
        );
        assert_eq!(
            summary(&list[2]),
            (None, vec![("Cy Dot", None)]),
            "an aside"
        );
    }

    #[test]
    fn a_dash_of_any_width_after_parentheses_starts_the_note() {
        for dash in ["-", "–", "—"] {
            let text = format!("Knots (Mara Quill) {dash} six bowlines");
            assert_eq!(
                split_after_parentheses(&text),
                Some(("Knots (Mara Quill)", "six bowlines")),
                "{dash}"
            );
        }
    }

    #[test]
    fn title_with_speakers_in_parentheses() {
        let list = talks("- Fearless refactoring (Ann Lee, Bo Ray): [Slides](https://s.example)\n- Parsing at speed (Cy Dot): [Slides](https://s.example/2)\n").unwrap();
        assert_eq!(
            summary(&list[0]),
            (
                Some("Fearless refactoring"),
                vec![("Ann Lee", None), ("Bo Ray", None)]
            )
        );
    }

    #[test]
    fn note_bullets_are_not_talks() {
        assert!(
            talks("- eBPF = extended Berkeley Packet Filter\n- run code in the kernel\n- LLVM\n")
                .is_none()
        );
        assert!(talks("- Kubernetes: Give me YAML\n- ArgoCD: Give me git repos\n").is_none());
    }
}
