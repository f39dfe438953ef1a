//! What the synthetic archive is about, before any Markdown is written: a pool of speakers with
//! their companies, one conference per recap (a few covered by two recaps), and the talks each
//! recap reports. [`super::recap`] then writes each plan in one of the shapes real recaps take.

use std::collections::{BTreeSet, HashSet};

use super::calendar::Date;
use super::rng::Rng;
use super::words::*;

/// How many speakers the archive draws from (an archive of years of recaps has a few thousand).
const SPEAKER_POOL: usize = 3_000;
/// How many companies those speakers work for.
const COMPANY_POOL: usize = 450;
/// Talks per recap.
const TALKS_PER_RECAP: (usize, usize) = (10, 40);
/// Share of recaps that cover a conference another recap covers too (other talks, same event).
const SECOND_RECAP_SHARE: f64 = 0.1;

#[derive(Debug, Clone)]
pub struct Speaker {
    pub name: String,
    /// The company a byline puts in parentheses; `None` for independents.
    pub company: Option<String>,
    /// A social handle some bylines give instead of a company (`(@zoe_codes)`).
    pub handle: Option<String>,
}

impl Speaker {
    pub fn first_name(&self) -> &str {
        self.name.split(' ').next().unwrap_or(&self.name)
    }
}

#[derive(Debug, Clone)]
pub struct Conference {
    /// `DevHarbour Lisbon`, without the year.
    pub name: String,
    pub city: &'static str,
    pub year: i32,
    pub first_day: Date,
    pub day_count: usize,
    /// Host name of the invented conference site, for session links.
    pub site: String,
    /// The tracks this conference tags talks with.
    pub tracks: Vec<&'static str>,
}

#[derive(Debug, Clone)]
pub struct Talk {
    pub title: String,
    /// Indices into [`Archive::speakers`].
    pub speakers: Vec<usize>,
    pub tracks: Vec<&'static str>,
    /// 0-based conference day.
    pub day: usize,
    /// A session kind the heading names (`Keynote`, `Workshop`), if any.
    pub kind: Option<&'static str>,
    /// URL slug of the title.
    pub slug: String,
}

/// One recap to write: which conference, by whom, and the talks it reports (day by day).
#[derive(Debug, Clone)]
pub struct RecapPlan {
    pub conference: usize,
    pub author: String,
    pub talks: Vec<Talk>,
    /// Date of the post (a few days after the conference).
    pub posted: Date,
}

#[derive(Debug)]
pub struct Archive {
    pub speakers: Vec<Speaker>,
    pub conferences: Vec<Conference>,
    pub recaps: Vec<RecapPlan>,
}

impl Archive {
    /// Plans an archive of exactly `talks` talks (recaps of 10–40 talks each).
    pub fn plan(talks: usize, rng: &mut Rng) -> Archive {
        let speakers = speaker_pool(&mut rng.fork());
        let mut conferences: Vec<Conference> = Vec::new();
        let mut used_conferences = HashSet::new();
        // Titles per conference, so that two recaps of one event never report the same talk.
        let mut titles: Vec<Vec<String>> = Vec::new();
        let mut recaps = Vec::new();
        let mut remaining = talks;
        while remaining > 0 {
            let mut rng = rng.fork();
            let count = recap_size(&mut rng, remaining);
            remaining -= count;
            let conference = if !conferences.is_empty() && rng.chance(SECOND_RECAP_SHARE) {
                rng.below(conferences.len())
            } else {
                conferences.push(new_conference(&mut rng, &mut used_conferences));
                titles.push(Vec::new());
                conferences.len() - 1
            };
            let plan = plan_recap(
                &mut rng,
                conference,
                &conferences[conference],
                &mut titles[conference],
                speakers.len(),
                count,
            );
            recaps.push(plan);
        }
        Archive {
            speakers,
            conferences,
            recaps,
        }
    }

    /// How many distinct speakers the recaps name.
    pub fn speakers_named(&self) -> usize {
        let named: BTreeSet<usize> = self
            .recaps
            .iter()
            .flat_map(|recap| &recap.talks)
            .flat_map(|talk| talk.speakers.iter().copied())
            .collect();
        named.len()
    }
}

/// Talks in the next recap: 10–40, never leaving a remainder too small for a recap of its own.
fn recap_size(rng: &mut Rng, remaining: usize) -> usize {
    let (low, high) = TALKS_PER_RECAP;
    if remaining <= high {
        return remaining;
    }
    let count = rng.range(low, high);
    if remaining - count < low {
        remaining - low
    } else {
        count
    }
}

fn speaker_pool(rng: &mut Rng) -> Vec<Speaker> {
    let companies = company_pool(rng);
    let mut seen = HashSet::new();
    let mut speakers = Vec::with_capacity(SPEAKER_POOL);
    while speakers.len() < SPEAKER_POOL {
        let first = *rng.pick(FIRST_NAMES);
        let mut last = rng.pick(LAST_NAMES).to_string();
        if rng.chance(0.05) && !last.contains(' ') {
            let second = *rng.pick(LAST_NAMES);
            if !second.contains(' ') && second != last {
                last = format!("{last}-{second}");
            }
        }
        let name = format!("{first} {last}");
        if !seen.insert(name.clone()) {
            continue;
        }
        let roll = rng.below(100);
        let company = (roll < 86).then(|| rng.pick(&companies).clone());
        let handle = (86..92)
            .contains(&roll)
            .then(|| handle_for(first, &last, rng));
        speakers.push(Speaker {
            name,
            company,
            handle,
        });
    }
    speakers
}

fn company_pool(rng: &mut Rng) -> Vec<String> {
    let mut seen = BTreeSet::new();
    let mut companies = Vec::with_capacity(COMPANY_POOL);
    while companies.len() < COMPANY_POOL.min(COMPANY_ROOTS.len() * COMPANY_SUFFIXES.len()) {
        let name = format!("{}{}", rng.pick(COMPANY_ROOTS), rng.pick(COMPANY_SUFFIXES));
        if seen.insert(name.clone()) {
            companies.push(name);
        }
    }
    companies
}

/// `@zoe_mensah`: a handle from the name's ASCII letters.
fn handle_for(first: &str, last: &str, rng: &mut Rng) -> String {
    let ascii = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_lowercase()
    };
    let tail = ["", "_dev", "codes", "_io", "42"][rng.below(5)];
    format!("@{}_{}{tail}", ascii(first), ascii(last))
}

fn new_conference(rng: &mut Rng, used: &mut HashSet<(String, &'static str, i32)>) -> Conference {
    loop {
        // One word (`DevHarbour`): two-word names could be read as the same event as another.
        let series = format!("{}{}", rng.pick(SERIES_ROOTS), rng.pick(SERIES_TAILS));
        let city = *rng.pick(CITIES);
        let year = 2012 + rng.below(14) as i32;
        if !used.insert((series.clone(), city, year)) {
            continue;
        }
        let month = rng.range(1, 12) as u32;
        let first_day = Date::new(year, month, rng.range(1, 28) as u32);
        // Conferences run Monday to Friday; move a weekend start to the next Monday…
        let first_day = match first_day.weekday_index() {
            5 => first_day.plus_days(2),
            6 => first_day.plus_days(1),
            _ => first_day,
        };
        // …and end by Friday.
        let room = 5 - first_day.weekday_index();
        let day_count = rng.range(1, 3).min(room);
        let site = format!(
            "{}-{}.example",
            series.to_lowercase(),
            ascii_slug(city).replace('-', "")
        );
        let track_count = rng.range(5, 12);
        let tracks = rng
            .sample(TRACKS, track_count)
            .into_iter()
            .copied()
            .collect();
        return Conference {
            name: format!("{series} {city}"),
            city,
            year,
            first_day,
            day_count,
            site,
            tracks,
        };
    }
}

fn plan_recap(
    rng: &mut Rng,
    conference_index: usize,
    conference: &Conference,
    titles: &mut Vec<String>,
    pool: usize,
    count: usize,
) -> RecapPlan {
    let author_rng = &mut rng.fork();
    let author = format!(
        "{} {}",
        author_rng.pick(FIRST_NAMES),
        author_rng.pick(LAST_NAMES)
    );
    let keynotes = rng.chance(0.4);
    let mut talks = Vec::with_capacity(count);
    for index in 0..count {
        // Days in order, roughly evenly filled.
        let day = index * conference.day_count / count;
        let first_of_day = index == 0 || talks.last().is_some_and(|t: &Talk| t.day != day);
        let title = unique_title(rng, titles);
        let speakers = pick_speakers(rng, pool);
        let kind = if keynotes && first_of_day {
            Some("Keynote")
        } else if rng.chance(0.03) {
            Some(*rng.pick(&["Workshop", "Lightning Talk", "Panel"]))
        } else {
            None
        };
        let track_count = rng.weighted(&[10, 55, 28, 7]);
        let tracks = rng
            .sample(&conference.tracks, track_count)
            .into_iter()
            .copied()
            .collect();
        talks.push(Talk {
            slug: ascii_slug(&title),
            title,
            speakers,
            tracks,
            day,
            kind,
        });
    }
    let last_day = conference
        .first_day
        .plus_days(conference.day_count as i64 - 1);
    RecapPlan {
        conference: conference_index,
        author,
        talks,
        posted: last_day.plus_days(rng.range(1, 20) as i64),
    }
}

/// One to three speakers; a few speakers give many talks over the years, most give one or two.
fn pick_speakers(rng: &mut Rng, pool: usize) -> Vec<usize> {
    let count = 1 + rng.weighted(&[80, 17, 3]);
    let mut picked: Vec<usize> = Vec::with_capacity(count);
    while picked.len() < count {
        let skewed = rng.next_u64() as f64 / u64::MAX as f64;
        let index = ((skewed * skewed) * pool as f64) as usize;
        let index = index.min(pool - 1);
        if !picked.contains(&index) {
            picked.push(index);
        }
    }
    picked
}

/// A title unlike every other of the conference (the compiler merges titles whose word sets are
/// 80% alike; we stay under 60%).
fn unique_title(rng: &mut Rng, taken: &mut Vec<String>) -> String {
    let mut title = String::new();
    for _ in 0..50 {
        title = talk_title(rng);
        if taken.iter().all(|other| dice(&title, other) < 0.6) {
            break;
        }
    }
    taken.push(title.clone());
    title
}

fn talk_title(rng: &mut Rng) -> String {
    let thing = *rng.pick(TITLE_THINGS);
    match rng.below(9) {
        0 => format!(
            "{} {thing} {}",
            rng.pick(TITLE_GERUNDS),
            rng.pick(TITLE_TAILS)
        ),
        1 => format!("{thing}: {}", rng.pick(TITLE_LESSONS)),
        2 => format!(
            "From {} to {thing}: {}",
            rng.pick(TITLE_THINGS),
            rng.pick(TITLE_LESSONS)
        ),
        3 => format!("The {} Guide to {thing}", rng.pick(TITLE_ADJECTIVES)),
        4 => format!(
            "Why Your {thing} Are {}",
            rng.pick(&[
                "Lying to You",
                "Slower Than You Think",
                "Not the Problem",
                "Fine, Actually"
            ])
        ),
        5 => format!(
            "{} Lessons from {} of {thing}",
            capitalise(rng.word(&NUMBER_WORDS[3..])),
            rng.pick(&[
                "Ten Years",
                "a Thousand Deploys",
                "Two Rewrites",
                "One Bad Week"
            ])
        ),
        6 => format!("Beyond {thing}: {}", rng.pick(TITLE_LESSONS)),
        7 => format!("{thing} {}", rng.pick(TITLE_TAILS)),
        _ => format!(
            "{} {thing} {}",
            rng.pick(TITLE_GERUNDS),
            rng.pick(&["One Team at a Time", "Safely", "Without Downtime", "Twice"])
        ),
    }
}

/// Dice coefficient of two titles' lowercase word sets.
fn dice(a: &str, b: &str) -> f64 {
    let words = |s: &str| -> HashSet<String> {
        s.to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let (a, b) = (words(a), words(b));
    2.0 * a.intersection(&b).count() as f64 / (a.len() + b.len()).max(1) as f64
}

pub fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `Scaling Feature Flags: A Field Guide` → `scaling-feature-flags-a-field-guide` (apostrophes and
/// non-ASCII letters dropped; good enough for invented URLs).
pub fn ascii_slug(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty()
            && !slug.ends_with('-')
            && !c.is_alphabetic()
            && !matches!(c, '\'' | '’')
        {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plans_exactly_the_talks_asked_for() {
        for talks in [1, 9, 41, 100, 1_000] {
            let archive = Archive::plan(talks, &mut Rng::new(3));
            let planned: usize = archive.recaps.iter().map(|r| r.talks.len()).sum();
            assert_eq!(planned, talks);
            if talks >= 10 {
                assert!(
                    archive
                        .recaps
                        .iter()
                        .all(|r| (10..=40).contains(&r.talks.len()))
                );
            }
        }
    }

    #[test]
    fn titles_of_one_conference_stay_apart() {
        let archive = Archive::plan(400, &mut Rng::new(5));
        for (index, _) in archive.conferences.iter().enumerate() {
            let titles: Vec<&str> = archive
                .recaps
                .iter()
                .filter(|r| r.conference == index)
                .flat_map(|r| r.talks.iter().map(|t| t.title.as_str()))
                .collect();
            for (i, a) in titles.iter().enumerate() {
                for b in &titles[i + 1..] {
                    assert!(dice(a, b) < 0.8, "{a:?} ~ {b:?}");
                }
            }
        }
    }

    #[test]
    fn slugs() {
        assert_eq!(ascii_slug("Zoë's Fjord: A Guide"), "zos-fjord-a-guide");
        assert_eq!(ascii_slug("Kraków"), "krakw");
    }
}
