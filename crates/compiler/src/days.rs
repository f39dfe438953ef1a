//! Conference days: recognising day headings and resolving them to the **conference day**.
//!
//! Recaps name days in many ways: `Tuesday: tutorials`, `Day 1`, `Day one Keynotes`,
//! `Conference day 2 keynotes`, `06.11. - Wednesday`. A reader wants one day per calendar day, so
//! numbered days are resolved to weekdays when the recap tells which weekday they are:
//! - a `Day N` heading that directly follows a weekday heading is that weekday
//!   (`## Wednesday: keynotes` then `## Day one Keynotes`), and later `Day M` headings follow
//!   from it (`Day 2` is the day after `Day 1`);
//! - when a recap has no weekday headings, an introduction sentence naming the conference days
//!   (`Tuesday 4th and Wednesday 5th the conference took place…`) anchors `Day 1`.

/// A day of the week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Weekday(u8);

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

impl Weekday {
    pub fn name(self) -> &'static str {
        WEEKDAYS[self.0 as usize]
    }

    /// `tuesday`, `TUESDAY:` → Tuesday. Abbreviations are not accepted (`Sun and fun`).
    pub fn parse(word: &str) -> Option<Weekday> {
        let lower = word.to_lowercase();
        let lower = lower.trim_end_matches(['.', ',', ':']);
        WEEKDAYS
            .iter()
            .position(|d| d.eq_ignore_ascii_case(lower))
            .map(|i| Weekday(i as u8))
    }

    /// Days from `earlier` forward to this weekday, within one week (-3..=3 around it).
    pub fn days_since(self, earlier: Weekday) -> i64 {
        let diff = (self.0 as i64 - earlier.0 as i64).rem_euclid(7);
        if diff > 3 { diff - 7 } else { diff }
    }

    fn plus(self, days: i64) -> Weekday {
        Weekday((self.0 as i64 + days).rem_euclid(7) as u8)
    }
}

/// What a heading says about the day, if it is a day heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DayMarker {
    pub number: Option<u32>,
    pub weekday: Option<Weekday>,
    /// `(month, day)` when the heading gives a date (`06.11. - Wednesday`, `THURSDAY 7/13`).
    pub month_day: Option<(u32, u32)>,
}

const NUMBER_WORDS: [&str; 7] = ["zero", "one", "two", "three", "four", "five", "six"];
const ORDINALS: [&str; 7] = [
    "zeroth", "first", "second", "third", "fourth", "fifth", "sixth",
];

fn number_word(word: &str) -> Option<u32> {
    let word = word.trim_end_matches([':', '.', ',']);
    if let Ok(n) = word.parse::<u32>() {
        return (1..=14).contains(&n).then_some(n);
    }
    NUMBER_WORDS
        .iter()
        .position(|w| *w == word)
        .filter(|&n| n > 0)
        .map(|n| n as u32)
}

/// Recognises a day heading (or bold day line). The text must *start* with the day, so
/// `Conclusion of Tuesday` is not a day heading.
pub fn day_marker(text: &str) -> Option<DayMarker> {
    let lower = text.trim().to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| {
            c.is_whitespace() || matches!(c, ':' | ',' | '-' | '–' | '—' | '|' | '(' | ')')
        })
        .filter(|w| !w.is_empty())
        .collect();
    if let Some(month_day) = iso_month_day(lower.trim()).or_else(|| date_only(&words)) {
        return Some(DayMarker {
            month_day: Some(month_day),
            ..DayMarker::default()
        });
    }
    let mut marker = DayMarker::default();
    let mut i = 0;
    // `06.11.` / `7/13` date prefix, or a date after the weekday (`THURSDAY 7/13`).
    if let Some(first) = words.first().filter(|w| looks_like_date(w)) {
        marker.month_day = month_day(first);
        i += 1;
    } else if let Some(second) = words.get(1).filter(|w| looks_like_date(w)) {
        marker.month_day = month_day(second);
    }
    if let Some(weekday) = words.get(i).and_then(|w| Weekday::parse(w)) {
        marker.weekday = Some(weekday);
    } else {
        if words.get(i) == Some(&"conference") {
            i += 1;
        }
        if words.get(i) == Some(&"day") {
            marker.number = number_word(words.get(i + 1)?);
            marker.number?;
            i += 2;
        } else if let Some(n) = words
            .get(i)
            .and_then(|w| ORDINALS.iter().position(|o| o == w))
        {
            if n == 0 || words.get(i + 1) != Some(&"day") {
                return None;
            }
            marker.number = Some(n as u32);
            i += 2;
        } else {
            return None;
        }
        // `Day 1 - Tuesday`
        if let Some(weekday) = words.get(i).and_then(|w| Weekday::parse(w)) {
            marker.weekday = Some(weekday);
        }
    }
    Some(marker)
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn month_number(word: &str) -> Option<u32> {
    let word = word.trim_end_matches(['.', ',']);
    MONTHS
        .iter()
        .position(|m| *m == word || (word.len() >= 3 && m.starts_with(word)))
        .map(|i| i as u32 + 1)
}

fn day_number(word: &str) -> Option<u32> {
    let word = word.trim_end_matches(['.', ',']);
    let digits = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|suffix| word.strip_suffix(suffix))
        .unwrap_or(word);
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

/// `2019-11-05` → (11, 5).
fn iso_month_day(text: &str) -> Option<(u32, u32)> {
    let parts: Vec<&str> = text.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return None;
    };
    if y.len() != 4 || y.parse::<u32>().is_err() {
        return None;
    }
    let (m, d): (u32, u32) = (m.parse().ok()?, d.parse().ok()?);
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((m, d))
}

/// A heading that is only a date: `2019-11-05`, `5 November 2019`, `Nov 5th`, `November 5, 2019`.
fn date_only(words: &[&str]) -> Option<(u32, u32)> {
    let year = |w: &str| {
        w.trim_end_matches(',').len() == 4 && w.trim_end_matches(',').parse::<u32>().is_ok()
    };
    match words {
        [a, b] | [a, b, _] if words.len() == 2 || year(words[2]) => {
            if let (Some(d), Some(m)) = (day_number(a), month_number(b)) {
                Some((m, d))
            } else {
                Some((month_number(a)?, day_number(b)?))
            }
        }
        _ => None,
    }
}

/// `06.11.` is day.month (European), `7/13` is month/day (US) unless the first part is > 12.
fn month_day(word: &str) -> Option<(u32, u32)> {
    let parts: Vec<u32> = word
        .split(['.', '/'])
        .filter(|p| !p.is_empty())
        .filter_map(|p| p.parse().ok())
        .collect();
    let (a, b) = (*parts.first()?, *parts.get(1)?);
    let (month, day) = if word.contains('.') || a > 12 {
        (b, a)
    } else {
        (a, b)
    };
    ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some((month, day))
}

/// The weekday of an ISO date (`2019-11-06` → Wednesday), by Sakamoto's method.
pub fn weekday_of_date(iso: &str) -> Option<Weekday> {
    let mut parts = iso.get(..10)?.split('-').map(|p| p.parse::<i64>().ok());
    let (mut y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    const T: [i64; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    if m < 3 {
        y -= 1;
    }
    let sunday_based = (y + y / 4 - y / 100 + y / 400 + T[(m - 1) as usize] + d).rem_euclid(7);
    Some(Weekday(((sunday_based + 6) % 7) as u8))
}

/// `iso` moved by `days` days (`2019-11-06`, -1 → `2019-11-05`).
pub fn shift_date(iso: &str, days: i64) -> Option<String> {
    let mut parts = iso.get(..10)?.split('-').map(|p| p.parse::<i64>().ok());
    let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
    let (y, m, d) = civil_from_days(days_from_civil(y, m, d) + days);
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

/// Days since 1970-01-01 (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

fn looks_like_date(word: &str) -> bool {
    let digits = word.chars().filter(char::is_ascii_digit).count();
    digits >= 2
        && word
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | '/'))
        && word.contains(['.', '/'])
}

/// The weekday that `Day 1` is, read from an introduction sentence that names two or more
/// weekdays (`Tuesday 4th and Wednesday 5th the conference took place`).
pub fn intro_anchor(intro: &str) -> Option<Weekday> {
    intro
        .split(['.', '!', '?', '\n'])
        .map(|sentence| {
            sentence
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| w.len() > 3)
                .filter_map(Weekday::parse)
                .collect::<Vec<_>>()
        })
        .find(|weekdays| weekdays.len() >= 2 && weekdays[0] != weekdays[1])
        .map(|weekdays| weekdays[0])
}

/// A resolved day: the key that identifies it within one recap and what to call it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvedDay {
    pub label: String,
}

/// Turns the sequence of day headings of one recap into conference days.
#[derive(Debug, Default)]
pub struct DayResolver {
    /// `Day N` → weekday, learnt from the recap.
    numbered: Vec<(u32, Weekday)>,
    /// The weekday of the last day heading, while no talk has followed it.
    pending_weekday: Option<Weekday>,
    /// Whether the recap has weekday headings at all (then the introduction is not consulted).
    intro_anchor: Option<Weekday>,
}

impl DayResolver {
    /// A resolver for a recap whose introduction anchors `Day 1` (see [`intro_anchor`]).
    pub fn new(intro_anchor: Option<Weekday>) -> Self {
        DayResolver {
            intro_anchor,
            ..Default::default()
        }
    }

    /// Resolves a day heading.
    pub fn resolve(&mut self, marker: DayMarker) -> ResolvedDay {
        let weekday = match (marker.number, marker.weekday) {
            (Some(n), Some(w)) => {
                self.learn(n, w);
                Some(w)
            }
            (None, Some(w)) => Some(w),
            (Some(n), None) => self.weekday_of(n),
            (None, None) => None,
        };
        // Only an explicit weekday heading can name the numbered day that follows it.
        self.pending_weekday = marker.weekday.filter(|_| marker.number.is_none());
        let label = match (weekday, marker.number) {
            (Some(w), _) => w.name().to_owned(),
            (None, Some(n)) => format!("Day {n}"),
            (None, None) => match marker.month_day {
                Some((month, day)) => {
                    let name = MONTHS[month as usize - 1];
                    format!("{}{} {day}", name[..1].to_uppercase(), &name[1..])
                }
                None => "Day".to_owned(),
            },
        };
        ResolvedDay { label }
    }

    /// A talk followed the last day heading: a later `Day N` no longer refers to it.
    pub fn talk_seen(&mut self) {
        self.pending_weekday = None;
    }

    fn weekday_of(&mut self, n: u32) -> Option<Weekday> {
        if let Some(&(_, w)) = self.numbered.iter().find(|(m, _)| *m == n) {
            return Some(w);
        }
        if let Some(w) = self.pending_weekday {
            self.learn(n, w);
            return Some(w);
        }
        if let Some(&(m, w)) = self.numbered.first() {
            return Some(w.plus(n as i64 - m as i64));
        }
        self.intro_anchor.map(|w| w.plus(n as i64 - 1))
    }

    /// Tells the resolver which weekday `Day n` is (from an author hint).
    pub fn learn(&mut self, n: u32, w: Weekday) {
        if !self.numbered.iter().any(|(m, _)| *m == n) {
            self.numbered.push((n, w));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wd(name: &str) -> Option<Weekday> {
        Weekday::parse(name)
    }

    #[test]
    fn recognises_day_headings() {
        let cases = [
            ("Day 1", Some(1), None, None),
            ("Day one Keynotes", Some(1), None, None),
            ("Conference day 2 keynotes", Some(2), None, None),
            ("Second day", Some(2), None, None),
            ("Tuesday: Hands-on workshops", None, wd("tuesday"), None),
            ("06.11. - Wednesday", None, wd("wednesday"), Some((11, 6))),
            ("THURSDAY 7/13", None, wd("thursday"), Some((7, 13))),
            ("Day 2 - Friday", Some(2), wd("friday"), None),
        ];
        for (text, number, weekday, month_day) in cases {
            assert_eq!(
                day_marker(text),
                Some(DayMarker {
                    number,
                    weekday,
                    month_day
                }),
                "{text}"
            );
        }
        for text in [
            "Conclusion of Tuesday",
            "Takeaways",
            "Daylight saving",
            "Day trading for devs",
            "The first talk",
        ] {
            assert_eq!(day_marker(text), None, "{text}");
        }
    }

    #[test]
    fn numbered_days_follow_the_weekday_heading_before_them() {
        let mut days = DayResolver::new(None);
        let mut label = |text: &str| days.resolve(day_marker(text).unwrap()).label;
        assert_eq!(label("Monday: workshops"), "Monday");
        assert_eq!(label("Tuesday: keynotes and sessions"), "Tuesday");
        assert_eq!(label("Day one keynotes"), "Tuesday");
        assert_eq!(label("Conference day one sessions"), "Tuesday");
        assert_eq!(label("Day 2 sessions"), "Wednesday");
    }

    #[test]
    fn introduction_anchors_day_one() {
        let anchor = intro_anchor("On Thursday 3rd and Friday 4th the summit took place. Fun.");
        assert_eq!(anchor, wd("thursday"));
        let mut days = DayResolver::new(anchor);
        assert_eq!(days.resolve(day_marker("Day 1").unwrap()).label, "Thursday");
        days.talk_seen();
        assert_eq!(days.resolve(day_marker("Day 2").unwrap()).label, "Friday");
        assert_eq!(intro_anchor("I travelled on Monday."), None);
    }

    #[test]
    fn dates_shift_across_months_and_years() {
        assert_eq!(shift_date("2019-11-06", -1).as_deref(), Some("2019-11-05"));
        assert_eq!(shift_date("2019-12-31", 1).as_deref(), Some("2020-01-01"));
        assert_eq!(shift_date("2024-03-01", -1).as_deref(), Some("2024-02-29"));
        assert_eq!(
            wd("tuesday").unwrap().days_since(wd("wednesday").unwrap()),
            -1
        );
    }

    #[test]
    fn weekdays_of_dates() {
        assert_eq!(weekday_of_date("2019-11-06"), wd("wednesday"));
        assert_eq!(weekday_of_date("2024-02-29"), wd("thursday"));
        assert_eq!(weekday_of_date("2000-01-01"), wd("saturday"));
        assert_eq!(weekday_of_date("not a date"), None);
    }

    #[test]
    fn dated_days_without_a_year_keep_their_date() {
        let mut days = DayResolver::new(None);
        assert_eq!(
            days.resolve(day_marker("Nov 6th").unwrap()).label,
            "November 6"
        );
    }

    #[test]
    fn numbered_days_without_weekdays_keep_their_number() {
        let mut days = DayResolver::new(None);
        assert_eq!(days.resolve(day_marker("Day 2").unwrap()).label, "Day 2");
    }
}
