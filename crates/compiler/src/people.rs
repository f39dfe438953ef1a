//! Recognising people and their affiliations in bylines: `Liz Fong-Jones (Honeycomb)`,
//! `Robin van Zijll`, `A and B`, `by A (X), B (Y)`.
//!
//! These are rules about how names are written (capitalised words, lowercase particles such as
//! `van` or `de`), never lists of known people.

use std::borrow::Cow;

use crate::affiliation;
use crate::text;

/// A presenter as written in a byline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub name: String,
    pub company: Option<String>,
}

/// Lowercase words that may stand inside a name (`Robin van Zijll`, `Ana de Armas`).
const PARTICLES: &[&str] = &[
    "van", "von", "de", "der", "den", "da", "di", "du", "le", "la", "del", "della", "dos", "das",
    "ten", "ter", "bin", "al", "el", "zu", "y",
];

/// Capitalised words that start titles and phrases but are not names.
const NOT_NAME_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "and",
    "or",
    "of",
    "in",
    "on",
    "for",
    "to",
    "with",
    "at",
    "by",
    "from",
    "how",
    "why",
    "what",
    "when",
    "your",
    "our",
    "my",
    "is",
    "are",
    "we",
    "you",
    "it",
    "this",
    "that",
    "keynote",
    "keynotes",
    "panel",
    "workshop",
    "tutorial",
    "talk",
    "talks",
    "session",
    "sessions",
    "day",
    "track",
    "lightning",
    "opening",
    "closing",
    "q&a",
    "intro",
    "introduction",
    "slides",
    "video",
    "notes",
    "recap",
    "summary",
    "takeaways",
    "conclusion",
    "part",
    "as",
    "if",
    "so",
    "but",
    "then",
    "also",
    "here",
    "there",
    "after",
    "before",
    "since",
    "while",
    "once",
    "now",
    "next",
    "first",
    "last",
    "new",
    "year",
    "years",
    "final",
    "thoughts",
    "lessons",
    "learned",
    "even",
    "just",
    "like",
    "both",
    "all",
    "some",
    "many",
    "most",
    "every",
    "each",
    "no",
    "not",
    "yes",
    "his",
    "her",
    "their",
    "its",
    "who",
    "which",
    "where",
];

/// [`NOT_NAME_WORDS`], looked up without a scan.
static NOT_NAME_WORD_SET: text::WordSet = text::WordSet::new(NOT_NAME_WORDS);

/// Words that end an organisation's name and never a person's (`Acme Corp`, `Quarry Labs`), so
/// `Ada Lovelace, Acme Corp` is a person and her company, not two people.
static ORGANISATION_ENDINGS: text::WordSet = text::WordSet::new(&[
    "inc",
    "inc.",
    "corp",
    "corp.",
    "corporation",
    "ltd",
    "ltd.",
    "llc",
    "gmbh",
    "plc",
    "labs",
    "lab",
    "technologies",
    "technology",
    "software",
    "systems",
    "solutions",
    "consulting",
    "consultancy",
    "group",
    "foundation",
    "university",
    "institute",
    "studios",
    "networks",
    "partners",
    "services",
    "cloud",
    "security",
    "digital",
    "analytics",
    "ventures",
    "industries",
    "company",
    "agency",
    "bank",
    "games",
    "media",
    "data",
]);

/// Whether `word` can be part of a person's name as a capitalised word (`Fong-Jones`, `J.`,
/// `O'Neil`, `McNamara`). Acronyms and brand casing (`ING`, `VMWare`, `CircleCI`) are not names.
pub fn is_name_word(word: &str) -> bool {
    // The cheap tests first: most words fail on their first letter.
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if !first.is_uppercase()
        || !chars.all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
    {
        return false;
    }
    let initial = word.chars().count() == 2 && word.ends_with('.');
    let consecutive_capitals = word
        .chars()
        .zip(word.chars().skip(1))
        .any(|(a, b)| a.is_uppercase() && b.is_uppercase());
    (initial || !consecutive_capitals) && !NOT_NAME_WORD_SET.has_lowercase_of(word)
}

/// Whether `text` is written in Title Case (most longer words capitalised), where a pair of
/// capitalised words at its end says nothing about a person.
pub fn is_title_case(text: &str) -> bool {
    let words: Vec<&str> = text
        .split_whitespace()
        .skip(1)
        .filter(|w| w.chars().count() > 3)
        .collect();
    let capitalised = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    !words.is_empty() && capitalised * 2 > words.len()
}

pub fn is_particle(word: &str) -> bool {
    PARTICLES.contains(&word)
}

/// Whether `text` reads as one person's name: two to five words, starting and ending with a
/// capitalised word, with only capitalised words or particles between.
pub fn is_person_name(text: &str) -> bool {
    let mut words = [""; 5];
    let mut len = 0;
    for word in text.split_whitespace() {
        if len == words.len() {
            return false;
        }
        words[len] = word;
        len += 1;
    }
    let words = &words[..len];
    if len < 2
        || !is_name_word(words[0])
        || !is_name_word(words[len - 1])
        || ORGANISATION_ENDINGS.has_lowercase_of(words[len - 1])
    {
        return false;
    }
    let mut capitalised = 0;
    for word in words {
        if is_name_word(word) {
            capitalised += 1;
        } else if !is_particle(word) {
            return false;
        }
    }
    capitalised <= 4
}

/// Splits `text` at top level (outside parentheses) on `,`, `;`, ` and `, ` & `.
pub fn split_list(text: &str) -> Vec<&str> {
    let bytes = text.as_bytes();
    let mut items = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    let mut i = 0;
    // Every separator and bracket is ASCII, so bytes can be scanned: a UTF-8 continuation or
    // lead byte is never one of them.
    while i < bytes.len() {
        match bytes[i] {
            b'(' | b'[' => depth += 1,
            b')' | b']' => depth -= 1,
            b',' | b';' if depth == 0 => {
                items.push(&text[start..i]);
                start = i + 1;
            }
            b' ' if depth == 0 => {
                let rest = &bytes[i..];
                if let Some(sep) = [" and ", " & ", " und "]
                    .iter()
                    .find(|sep| rest.starts_with(sep.as_bytes()))
                {
                    items.push(&text[start..i]);
                    i += sep.len();
                    start = i;
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
    items.push(&text[start..]);
    items.retain_mut(|item| {
        *item = item.trim();
        !item.is_empty()
    });
    items
}

/// Splits a trailing `(…)` off `text`: `("Liz Fong-Jones", Some("Honeycomb"))`.
pub fn split_trailing_parenthetical(text: &str) -> (&str, Option<&str>) {
    let trimmed = text.trim_end();
    if !trimmed.ends_with(')') {
        return (trimmed, None);
    }
    let mut depth = 0;
    for (i, c) in trimmed.char_indices().rev() {
        match c {
            ')' => depth += 1,
            '(' => {
                depth -= 1;
                if depth == 0 {
                    let inner = trimmed[i + 1..trimmed.len() - 1].trim();
                    return (trimmed[..i].trim_end(), Some(inner));
                }
            }
            _ => {}
        }
    }
    (trimmed, None)
}

/// Parses one byline item: `Name`, `Name (Company)`, `Name from/of/at/@/—/| Company`.
pub fn parse_person(item: &str) -> Option<Person> {
    let item = without_honorific(item.trim().trim_start_matches("by ").trim());
    let (name, company) = split_trailing_parenthetical(item);
    // `Ada Lovelace (@ada)`: a handle, not a company.
    if let Some(handle) = company.filter(|c| c.starts_with('@'))
        && !handle.contains(' ')
    {
        return is_person_name(name).then(|| Person {
            name: tidy(name),
            company: None,
        });
    }
    if let Some(company) = company {
        // `Serverless Java (Una Vale, Oracle)`: the parentheses hold a person, so what stands
        // before them is a title, not a name.
        if company.contains([',', '&']) && parse_byline(company).is_some() {
            return None;
        }
        // Keep a company's own final period (`Systems ltd.`); it is not sentence punctuation here.
        let company = text::collapse_whitespace(company.trim().trim_end_matches([',', ';']));
        return is_person_name(name).then(|| Person {
            name: tidy(name),
            company: (!company.is_empty()).then_some(company),
        });
    }
    if is_person_name(item) {
        return Some(Person {
            name: tidy(item),
            company: None,
        });
    }
    // `Ada Lovelace — Initech`, `Ada Lovelace | Initech`: a dash or a bar joins a company only
    // inside a byline, never a title.
    for joiner in [" from ", " of ", " at ", " @ ", " — ", " – ", " | "] {
        if let Some((name, company)) = item.split_once(joiner)
            && is_person_name(name)
            // `Principal Engineer @ Initech` is a role, not a person.
            && !name.split_whitespace().any(affiliation::is_role)
            && company
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        {
            return Some(Person {
                name: tidy(name),
                company: company_name(company),
            });
        }
    }
    None
}

/// A name without the academic or medical title in front of it: `Dr. Ada Lovelace` → `Ada
/// Lovelace`, so that the same person is one speaker however a recap writes them.
fn without_honorific(name: &str) -> &str {
    ["Dr. ", "Dr ", "Prof. ", "Prof ", "Professor "]
        .iter()
        .find_map(|title| name.strip_prefix(title))
        .map_or(name, str::trim_start)
}

/// Parses a whole byline (`by A (X), B (Y)`, `A and B`) when every item is a person.
pub fn parse_byline(text: &str) -> Option<Vec<Person>> {
    let text = text::strip_pictographs(text);
    // `Ada Lovelace (@ada), Analytical Engines`: a handle after the first name only, so what
    // follows the comma is not another person written the same way.
    let one_handle_first = text.split_once(',').is_some_and(|(first, rest)| {
        without_handles(first).len() < first.len() && without_handles(rest).len() == rest.len()
    });
    let text = without_handles(text);
    // `With Ada (Initech) and Bo (Globex).`: a sentence's final period after a company.
    let text = text
        .strip_suffix('.')
        .filter(|t| t.ends_with(')'))
        .unwrap_or(&text);
    let one_presenter = one_handle_first || names_one_presenter(text);
    let text = strip_by(text).unwrap_or(text);
    // `Ada Lovelace and Alan Turing, both from Initech`: one company for everyone.
    if let Some((names, company)) = [", both from ", ", both at ", ", all from ", ", all at "]
        .iter()
        .find_map(|joiner| text.split_once(joiner))
    {
        let mut people = parse_byline(names)?;
        let company = company_name(company)?;
        people
            .iter_mut()
            .for_each(|person| person.company = Some(company.clone()));
        return Some(people);
    }
    // `Ada Lovelace & Alan Turing, Initech`: the enumeration of names ends at its `&` or `and`,
    // so what follows the comma after it is their company.
    if let Some((names, company)) = text.rsplit_once(", ")
        && (names.contains(" & ") || names.contains(" and "))
        && !names.contains(',')
        && !company.contains(" & ")
        && !company.contains(" and ")
        && company.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && company.split_whitespace().count() <= 5
        && let Some(mut people) = split_list(names)
            .iter()
            .map(|name| parse_person(name))
            .collect::<Option<Vec<Person>>>()
        && people.iter().all(|p| p.company.is_none())
        && let Some(company) = company_name(company)
    {
        people
            .iter_mut()
            .for_each(|person| person.company = Some(company.clone()));
        return Some(people);
    }
    let items = split_list(text);
    if items.is_empty() {
        return None;
    }
    // `Ada Lovelace, Analytical Engines`: a name and, after the comma, not a name but a company
    // (or anything after the comma when the label says there is one speaker).
    if let [name, company] = items.as_slice()
        && !text.contains(" and ")
        && !text.contains(" & ")
        && is_person_name(name)
        && !ORGANISATION_ENDINGS.has_lowercase_of(company)
        && (one_presenter || parse_person(company).is_none())
        && company
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && company.split_whitespace().count() <= 5
    {
        return Some(vec![Person {
            name: tidy(without_honorific(name)),
            company: company_name(company),
        }]);
    }
    let mut people: Vec<Person> = items
        .iter()
        .map(|item| parse_person(item))
        .collect::<Option<_>>()?;
    // `Ada & Charles (Analytical Engines)`: one company after several names belongs to all.
    if let [earlier @ .., last] = people.as_mut_slice()
        && !earlier.is_empty()
        && last.company.is_some()
        && earlier.iter().all(|p| p.company.is_none())
        && !text.contains(',')
    {
        let company = last.company.clone();
        earlier.iter_mut().for_each(|p| p.company = company.clone());
    }
    (!people.is_empty()).then_some(people)
}

/// A byline without the social handles that stand beside names: `Ada (@ada), Initech` →
/// `Ada, Initech`, `Ada, @ada` → `Ada`, `Ada (Initech, @ada)` → `Ada (Initech)`. A handle is
/// an `@` that starts a word (`@ada`, `@ada@fosstodon.org`); `Ada @ Initech` and e-mail
/// addresses have none.
fn without_handles(text: &str) -> Cow<'_, str> {
    let is_handle_char = |c: char| c.is_alphanumeric() || matches!(c, '_' | '.' | '@' | '-');
    let starts_handle = |i: usize| {
        text[i..].starts_with('@')
            && text[i + 1..].starts_with(|c: char| c.is_alphanumeric() || c == '_')
            && text[..i]
                .chars()
                .next_back()
                .is_none_or(|c| c.is_whitespace() || matches!(c, '(' | ','))
    };
    if !text.match_indices('@').any(|(i, _)| starts_handle(i)) {
        return Cow::Borrowed(text);
    }
    let mut kept = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('@') {
        let offset = text.len() - rest.len() + at;
        if !starts_handle(offset) {
            kept.push_str(&rest[..=at]);
            rest = &rest[at + 1..];
            continue;
        }
        kept.push_str(&rest[..at]);
        let handle_len = rest[at..]
            .char_indices()
            .skip(1)
            .find(|&(_, c)| !is_handle_char(c))
            .map_or(rest.len() - at, |(i, _)| i);
        // A handle's last character is never a full stop: that ends the sentence.
        let handle = rest[at..at + handle_len].trim_end_matches('.');
        rest = &rest[at + handle.len()..];
        // The separator before the handle goes with it.
        let trimmed = kept
            .trim_end()
            .trim_end_matches([',', '/', '|', '·'])
            .trim_end();
        kept.truncate(trimmed.len());
    }
    kept.push_str(rest);
    let tidied = kept
        .replace(" ()", "")
        .replace("()", "")
        .replace("(, ", "(")
        .replace("(,", "(");
    Cow::Owned(text::collapse_whitespace(
        tidied.trim().trim_matches(',').trim(),
    ))
}

/// Whether a byline's label says it names one person: `Speaker: Ada Lovelace, Red Hat`.
fn names_one_presenter(text: &str) -> bool {
    let head: String = text.chars().take(10).collect::<String>().to_lowercase();
    ["speaker", "presenter"].iter().any(|label| {
        head.strip_prefix(label)
            .is_some_and(|rest| rest.starts_with([':', ' ']))
    })
}

/// `by Ada` / `By Ada` → `Ada`.
/// `by Ada`, `By: Ada`, `Speaker: Ada`, `Speakers: Ada & Charles`, `Presented by Ada`, `With Ada
/// (Initech) and Charles` (a panel) → the names.
pub fn strip_by(text: &str) -> Option<&str> {
    const PREFIXES: &[&str] = &[
        "presented by",
        "by:",
        "by",
        "with",
        "panelists:",
        "panellists:",
        "speakers:",
        "speaker:",
        "presenters:",
        "presenter:",
        "speakers",
        "speaker",
    ];
    // Only the start of `text` can match a prefix: lower-case just enough of it (every prefix
    // and the character after it fit in `PREFIX_CHARS` characters, each at least one byte).
    const PREFIX_CHARS: usize = 13;
    let head_end = text
        .char_indices()
        .nth(PREFIX_CHARS)
        .map_or(text.len(), |(i, _)| i);
    let head = &text[..head_end];
    let lower = if head.is_ascii() {
        head.to_ascii_lowercase()
    } else {
        // Whole-text lower-casing (a final sigma depends on what follows it).
        text.to_lowercase()
    };
    PREFIXES
        .iter()
        .find(|p| {
            lower.starts_with(*p) && (p.ends_with(':') || lower[p.len()..].starts_with([' ', ':']))
        })
        .map(|p| text[p.len()..].trim_start_matches(':').trim())
        .filter(|rest| !rest.is_empty())
}

/// A name as shown: whitespace collapsed, without a sentence's final period (`By Ada Lovelace.`)
/// but keeping an initial's (`Ada L.`).
fn tidy(name: &str) -> String {
    let name = text::collapse_whitespace(name);
    match name.strip_suffix('.') {
        Some(bare)
            if bare
                .rsplit(' ')
                .next()
                .is_some_and(|w| w.chars().count() > 1) =>
        {
            bare.to_owned()
        }
        _ => name,
    }
}

/// The company in what a byline writes after a name: `Initech`, and `Senior Engineer at
/// Initech` or `CTO @ Initech` (a role at the company) → `Initech`.
fn company_name(text: &str) -> Option<String> {
    let text = without_role(text.trim());
    let company = text::collapse_whitespace(text.trim_end_matches([',', '.', ';']));
    (!company.is_empty()).then_some(company)
}

/// `Senior Engineer at Initech` → `Initech`: a role of a few words, one of them a role word
/// (`engineer`, `head`, `founder`), before `at`, `@`, `of` or `from`.
fn without_role(text: &str) -> &str {
    [" at ", " @ ", " of ", " from "]
        .iter()
        .filter_map(|joiner| text.split_once(joiner))
        .find(|(role, company)| {
            role.split_whitespace().count() <= 4
                && role.split_whitespace().any(affiliation::is_role)
                && company.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        })
        .map_or(text, |(_, company)| company.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str, company: Option<&str>) -> Person {
        Person {
            name: name.into(),
            company: company.map(Into::into),
        }
    }

    #[test]
    fn names_follow_how_names_are_written() {
        for name in [
            "Ada Lovelace",
            "Robin van Zijll",
            "Mary-Jane O'Neil",
            "Łukasz Szczęsny",
            "J. R. Hacker",
        ] {
            assert!(is_person_name(name), "{name}");
        }
        for text in [
            "As Wikipedia",
            "Berlin",
            "the Ocean",
            "Keynote Day",
            "Kubernetes at scale",
            "ING 2019",
            "Rule them all",
            "ING Netherlands",
            "VMWare Tanzu",
            "Acme Corp",
            "Quarry Labs",
            "Hazel Consulting",
        ] {
            assert!(!is_person_name(text), "{text}");
        }
    }

    #[test]
    fn names_joined_by_and_then_a_comma_share_the_company_after_it() {
        assert_eq!(
            parse_byline("Ada Lovelace & Alan Turing, Bletchley Park"),
            Some(vec![
                person("Ada Lovelace", Some("Bletchley Park")),
                person("Alan Turing", Some("Bletchley Park")),
            ])
        );
        assert_eq!(
            parse_byline("Ada Lovelace, Alan Turing and Grace Hopper").map(|p| p.len()),
            Some(3),
            "an enumeration that ends in `and` names three people"
        );
        assert_eq!(
            parse_byline("Dr. Ada Lovelace (Initech)"),
            Some(vec![person("Ada Lovelace", Some("Initech"))])
        );
    }

    #[test]
    fn social_handles_beside_names_are_not_companies() {
        for (byline, expected) in [
            ("Ada Lovelace, @ada", vec![person("Ada Lovelace", None)]),
            (
                "Ada Lovelace (@ada), Analytical Engines",
                vec![person("Ada Lovelace", Some("Analytical Engines"))],
            ),
            (
                "Ada Lovelace (Analytical Engines, @ada)",
                vec![person("Ada Lovelace", Some("Analytical Engines"))],
            ),
            (
                "Ada Lovelace (@ada@fosstodon.org, Analytical Engines)",
                vec![person("Ada Lovelace", Some("Analytical Engines"))],
            ),
            (
                "Ada Lovelace @ Analytical Engines",
                vec![person("Ada Lovelace", Some("Analytical Engines"))],
            ),
            (
                "Ada Lovelace (@ada) and Grace Hopper (@grace)",
                vec![person("Ada Lovelace", None), person("Grace Hopper", None)],
            ),
        ] {
            assert_eq!(parse_byline(byline), Some(expected), "{byline}");
        }
        assert_eq!(
            without_handles("Ada (ada@example.com)"),
            "Ada (ada@example.com)"
        );
    }

    #[test]
    fn a_role_before_the_company_is_not_part_of_it() {
        assert_eq!(
            parse_byline("Ada Lovelace, Senior Engineer at Initech").unwrap(),
            vec![person("Ada Lovelace", Some("Initech"))]
        );
        assert_eq!(
            parse_byline("by Ada Lovelace, Head of Platform @ Initech").unwrap(),
            vec![person("Ada Lovelace", Some("Initech"))]
        );
        assert_eq!(
            parse_byline("Ada Lovelace, Bank of Harbours").unwrap(),
            vec![person("Ada Lovelace", Some("Bank of Harbours"))]
        );
        assert_eq!(parse_person("Principal Engineer @ Initech"), None);
    }

    #[test]
    fn bylines_with_companies() {
        assert_eq!(
            parse_byline("by Grace Hopper (Navy), Alan Turing (Bletchley Park)").unwrap(),
            vec![
                person("Grace Hopper", Some("Navy")),
                person("Alan Turing", Some("Bletchley Park"))
            ]
        );
        assert_eq!(
            parse_byline("Ada Lovelace and Charles Babbage").unwrap(),
            vec![
                person("Ada Lovelace", None),
                person("Charles Babbage", None)
            ]
        );
        assert_eq!(
            parse_byline("Linus Torvalds from Linux Foundation").unwrap(),
            vec![person("Linus Torvalds", Some("Linux Foundation"))]
        );
        assert_eq!(
            parse_byline("Ada Lovelace & Charles Babbage (Engines Ltd)").unwrap(),
            vec![
                person("Ada Lovelace", Some("Engines Ltd")),
                person("Charles Babbage", Some("Engines Ltd"))
            ]
        );
        assert_eq!(parse_byline("Berlin"), None);
        assert_eq!(
            parse_byline("by Ada Lovelace, Initech").unwrap(),
            vec![person("Ada Lovelace", Some("Initech"))]
        );
        assert_eq!(
            parse_byline("Speaker: Ada Lovelace (@ada)").unwrap(),
            vec![person("Ada Lovelace", None)]
        );
        assert_eq!(
            parse_byline("Speakers: Ada Lovelace & Alan Turing")
                .unwrap()
                .len(),
            2
        );
        assert_eq!(
            parse_byline("Presented by Grace Hopper (Navy)").unwrap(),
            vec![person("Grace Hopper", Some("Navy"))]
        );
        assert_eq!(
            parse_byline("Ada Lovelace, Alan Turing").unwrap().len(),
            2,
            "two people stay two people"
        );
        assert_eq!(
            parse_byline("Speaker: Ada Lovelace, Red Hat").unwrap(),
            vec![person("Ada Lovelace", Some("Red Hat"))],
            "one speaker, so the rest is her company"
        );
        assert_eq!(
            parse_byline("Ada Lovelace, Acme Corp").unwrap(),
            vec![person("Ada Lovelace", Some("Acme Corp"))]
        );
        assert_eq!(
            parse_byline("Speakers: Ada Lovelace and Alan Turing, both from Initech").unwrap(),
            vec![
                person("Ada Lovelace", Some("Initech")),
                person("Alan Turing", Some("Initech"))
            ]
        );
        assert_eq!(
            parse_person("Serverless Java (Ada Lovelace, Initech)"),
            None,
            "a person in the parentheses makes what is before them a title"
        );
        assert_eq!(
            parse_byline("Grace Hopper (Red Hat, Inc.)").unwrap(),
            vec![person("Grace Hopper", Some("Red Hat, Inc."))]
        );
        assert_eq!(
            parse_byline("By Jonas Adler.").unwrap(),
            vec![person("Jonas Adler", None)]
        );
        assert_eq!(
            parse_byline("Ada L.").unwrap(),
            vec![person("Ada L.", None)]
        );
        assert_eq!(parse_byline("Bylines everywhere"), None);
        assert_eq!(parse_byline("Ada Lovelace, the Ocean"), None);
    }

    #[test]
    fn lists_split_outside_parentheses_only() {
        assert_eq!(
            split_list("A B (X, Y), C D & E F"),
            vec!["A B (X, Y)", "C D", "E F"]
        );
    }
}
