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

const PREFIXES: &[&str] = &[
    "recap:",
    "recap of",
    "recap -",
    "notes from",
    "my notes from",
    "notes on",
    "my notes on",
    "takeaways from",
    "my takeaways from",
    "report:",
    "report from",
    "live blog:",
    "liveblogging",
    "highlights from",
    "impressions from",
    "a recap of",
    "my thoughts on",
];
const SUFFIXES: &[&str] = &[
    " recap",
    " notes",
    " takeaways",
    " report",
    " highlights",
    " impressions",
    " - a recap",
    " retrospective",
];

fn strip_post_words(title: &str) -> String {
    let mut name = title.to_owned();
    let lower = name.to_lowercase();
    if let Some(prefix) = PREFIXES.iter().find(|p| lower.starts_with(*p)) {
        name = name[prefix.len()..].trim_start().to_owned();
    }
    let lower = name.to_lowercase();
    if let Some(suffix) = SUFFIXES.iter().find(|s| lower.ends_with(*s)) {
        name.truncate(name.len() - suffix.len());
    }
    name
}

#[cfg(test)]
mod tests {
    use super::name_and_year;

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
    }
}
