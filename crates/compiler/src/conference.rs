//! The conference a recap covers: its display name and year, from the post title.
//!
//! Post titles wrap the conference name in words about the post (`Notes from …`, `… recap`);
//! those are removed, and `Velocity Berlin, 2019` reads `Velocity Berlin 2019`.

/// The conference name and year for a post titled `title` and dated `date`.
pub fn name_and_year(title: &str, date: Option<&str>) -> (String, Option<i32>) {
    let year_in_title = find_year(title);
    let year = year_in_title.or_else(|| date.and_then(|d| d.get(..4)).and_then(|y| y.parse().ok()));
    let mut name = strip_post_words(title.trim());
    name = name.replace(", ", " ").replace(',', " ");
    name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    let name = name
        .trim_matches(|c: char| matches!(c, ':' | '-' | '–' | '—' | '|' | ' ' | '!'))
        .to_owned();
    let name = match (year_in_title, year) {
        (None, Some(year)) if !name.is_empty() => format!("{name} {year}"),
        _ => name,
    };
    (name, year)
}

fn find_year(text: &str) -> Option<i32> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|w| w.len() == 4)
        .filter_map(|w| w.parse::<i32>().ok())
        .find(|y| (1990..=2100).contains(y))
}

/// Phrases about the post that open its title, matched case-insensitively after a leading
/// `My`/`Our` is dropped (`My notes from …`).
const PREFIXES: &[&str] = &[
    "recap:",
    "recap of",
    "recap -",
    "notes from",
    "notes on",
    "takeaways from",
    "report:",
    "report from",
    "trip report:",
    "live blog:",
    "liveblogging",
    "highlights from",
    "highlights of",
    "takeaways of",
    "impressions of",
    "impressions from",
    "a recap of",
    "thoughts on",
    "lessons from",
    "learnings from",
    "what i learned at",
    "what i learnt at",
    "a look back at",
    "looking back at",
];
/// Phrases about the post that close its title; longer ones first.
const SUFFIXES: &[&str] = &[
    " - a recap",
    " trip report",
    " in review",
    " wrap-up",
    " wrap up",
    " recap",
    " notes",
    " takeaways",
    " report",
    " highlights",
    " impressions",
    " learnings",
    " retrospective",
];
/// Separators between a conference name and a phrase about the post (`RustLab: crabs in
/// the old town`, `Velocity 2019 - day one`).
const SEPARATORS: &[&str] = &[": ", " | ", " — ", " – ", " - "];

fn strip_post_words(title: &str) -> String {
    let mut name = title.trim();
    for possessive in ["my ", "our "] {
        if starts_with_ignoring_case(name, possessive) {
            name = name[possessive.len()..].trim_start();
        }
    }
    // `What I learnt at the harbour` names no conference after its phrase: it stays whole.
    if let Some(prefix) = PREFIXES.iter().find(|p| starts_with_ignoring_case(name, p))
        && !starts_lowercase(&name[prefix.len()..])
    {
        name = name[prefix.len()..].trim_start();
    }
    let lower = name.to_lowercase();
    if let Some(suffix) = SUFFIXES.iter().find(|s| lower.ends_with(*s)) {
        name = &name[..name.len() - suffix.len()];
    }
    conference_part(without_day(name)).to_owned()
}

/// The conference day a post's title says it covers: `Harbourconf 2019 Day 2` and `Day two of
/// Harbourconf` → `Day 2`.
pub fn day_in_title(title: &str) -> Option<String> {
    let words: Vec<&str> = title
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ':' | '(' | ')' | '|'))
        .filter(|w| !w.is_empty())
        .collect();
    words
        .windows(2)
        .find_map(|pair| day_number(pair[0], pair[1]))
        .map(|n| format!("Day {n}"))
}

/// `Day` and `2`, `two` or `second` → 2.
fn day_number(day: &str, number: &str) -> Option<u32> {
    if !day.eq_ignore_ascii_case("day") {
        return None;
    }
    crate::days::day_marker(&format!("day {number}")).and_then(|m| m.number)
}

/// A title's name without the day it covers: `Harbourconf 2019 - Day 2` → `Harbourconf 2019`,
/// `Day 2 of Harbourconf 2019` → `Harbourconf 2019`.
fn without_day(name: &str) -> &str {
    let separators = |c: char| c.is_whitespace() || matches!(c, ',' | ':' | '-' | '–' | '—' | '|');
    let trimmed = name.trim_end_matches([')', ' ']);
    if let Some((rest, number)) = trimmed.rsplit_once(' ')
        && let Some((before, day)) = rest.trim_end().rsplit_once(' ')
        && day_number(day.trim_start_matches('('), number).is_some()
    {
        let before = before.trim_end_matches(separators);
        if !before.is_empty() {
            return before;
        }
    }
    let mut words = name.splitn(3, ' ');
    if let (Some(day), Some(number), Some(rest)) = (words.next(), words.next(), words.next())
        && day_number(day, number.trim_end_matches([':', ','])).is_some()
    {
        let rest = rest.trim_start_matches(separators);
        let rest = ["of ", "at "]
            .iter()
            .find_map(|joiner| rest.strip_prefix(joiner))
            .unwrap_or(rest);
        if !rest.is_empty() {
            return rest;
        }
    }
    name
}

/// The part of a title that names the conference when the rest is about the post: the side of
/// a separator that holds the year, or the part before a lower-case phrase; `PyCon 2020, 20
/// years of PyCon` → `PyCon 2020`; `Rust talks at FOSDEM 2024` → `FOSDEM 2024`.
fn conference_part(name: &str) -> &str {
    for separator in SEPARATORS {
        if let Some((left, right)) = name.split_once(separator) {
            match (find_year(left).is_some(), find_year(right).is_some()) {
                (true, false) => return left,
                (false, true) => return right,
                (false, false) if starts_lowercase(right) => return left,
                _ => {}
            }
        }
    }
    if let Some((left, right)) = name.split_once(", ")
        && find_year(left).is_some()
        && find_year(right).is_none()
    {
        return left;
    }
    // `Rust talks at FOSDEM 2024`: a phrase (it has a lower-case word) before `at` a name.
    if let Some((left, right)) = name.rsplit_once(" at ")
        && find_year(right).is_some()
        && !starts_lowercase(right)
        && left.split_whitespace().skip(1).any(starts_lowercase)
    {
        return right;
    }
    name
}

fn starts_lowercase(text: &str) -> bool {
    text.trim_start().starts_with(char::is_lowercase)
}

/// Whether `text` starts with `prefix` (lower-case ASCII), ignoring case.
fn starts_with_ignoring_case(text: &str, prefix: &str) -> bool {
    text.get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

#[cfg(test)]
mod tests {
    use super::{day_in_title, name_and_year};

    #[test]
    fn days_named_by_titles() {
        assert_eq!(
            day_in_title("Harbourconf 2019 Day 2").as_deref(),
            Some("Day 2")
        );
        assert_eq!(
            day_in_title("Day two of Harbourconf").as_deref(),
            Some("Day 2")
        );
        assert_eq!(day_in_title("RustConf 2021 (second day)"), None);
        assert_eq!(day_in_title("Day of Rust 2020"), None);
        assert_eq!(day_in_title("DevOpsDays Oslo 2019"), None);
    }

    #[test]
    fn names_from_titles() {
        assert_eq!(
            name_and_year("RustFest Zürich, 2017", None),
            ("RustFest Zürich 2017".into(), Some(2017))
        );
        assert_eq!(
            name_and_year("Notes from StrangeLoop", Some("2019-09-30")),
            ("StrangeLoop 2019".into(), Some(2019))
        );
        assert_eq!(
            name_and_year("EuroRust 2024 Vienna recap", None),
            ("EuroRust 2024 Vienna".into(), Some(2024))
        );
        assert_eq!(
            name_and_year("My Notes From DevFest Oslo 2016", None).0,
            "DevFest Oslo 2016"
        );
        assert_eq!(
            name_and_year("My highlights of Harbourconf 2021", None).0,
            "Harbourconf 2021"
        );
        assert_eq!(
            name_and_year("My KubeCon EU 2023 recap", None).0,
            "KubeCon EU 2023"
        );
        assert_eq!(
            name_and_year("GopherCon UK 2022: what I saw", None).0,
            "GopherCon UK 2022"
        );
        assert_eq!(
            name_and_year("RustLab: gophers and crabs", Some("2015-11-20")).0,
            "RustLab 2015"
        );
        assert_eq!(
            name_and_year("PyCon 2020, 20 years of PyCon", None).0,
            "PyCon 2020"
        );
        assert_eq!(
            name_and_year("Rust talks at FOSDEM 2014", None).0,
            "FOSDEM 2014"
        );
        assert_eq!(
            name_and_year("What I learnt at the harbour", Some("2021-05-01")).0,
            "What I learnt at the harbour 2021",
            "a title without a conference in it stays as it is"
        );
        assert_eq!(
            name_and_year("Harbourconf 2019 Day 2", None).0,
            "Harbourconf 2019"
        );
        assert_eq!(
            name_and_year("Tidewater Summit 2019 - Day One recap", None).0,
            "Tidewater Summit 2019"
        );
        assert_eq!(
            name_and_year("Day 2 of RustConf 2021", None).0,
            "RustConf 2021"
        );
        assert_eq!(
            name_and_year("Day of Rust 2020", None).0,
            "Day of Rust 2020",
            "`Day` names no day here"
        );
        assert_eq!(
            name_and_year("DevOpsDays at Sea 2019", None).0,
            "DevOpsDays at Sea 2019",
            "`at` inside a name"
        );
    }
}
