//! Assembles extracted recaps into one [`Bundle`]: recaps of the same conference become one
//! conference, a talk covered by several recaps becomes one talk, one speaker per person, one
//! track per meaning, one company per organisation ([`crate::companies`]); stable ids and
//! deterministic order (the same input gives byte-identical output).
//!
//! **Merge rules** (each merge is reported as a diagnostic):
//! - *Conference*: the same year, and the words of one name (less generic words such as
//!   `conference`) are all in the other: `Velocity Conference 2019` joins `Velocity Berlin 2019`.
//!   Authors can set the name with the `recap.conference` hint.
//! - *Day*: the same label (`Wednesday`); a date known for one day dates the others by weekday.
//! - *Talk*: within one conference, titles that match (word overlap ≥ 0.8), or, when a recap
//!   names only the speaker, the same day and the same speaker.
//! - *Speaker*: the same name is the same person everywhere. Two names that differ by a typo
//!   (`Lorenzo Saine` / `Lorenzo Saino`) are one person only inside a merged talk; the spelling
//!   given with a company wins.

use rayon::prelude::*;
use recap_bundle::{
    Bundle, Conference, Day, Link, RecapSource, SCHEMA_VERSION, Speaker, Talk, TalkNotes,
    TalkSpeaker, Track,
};
use rustc_hash::FxHashMap;

use crate::companies;
use crate::days;
use crate::diagnostics::{Diagnostic, Severity};
use crate::extract::{ExtractedDay, ExtractedRecap, ExtractedTalk};
use crate::people::Person;
use crate::similarity::{TitleWords, name_key, near_duplicate_names};
use crate::slug::{UniqueSlugs, slugify};

/// Longest slug part taken from a title.
const TITLE_SLUG_LEN: usize = 60;

/// Longest slug part taken from a day label.
const DAY_SLUG_LEN: usize = 30;

/// Words that do not tell conferences apart.
const GENERIC_NAME_WORDS: &[&str] = &[
    "conference",
    "conf",
    "summit",
    "the",
    "of",
    "days",
    "edition",
    "event",
];

/// Track labels that mean the same track, whatever the recap: (canonical label, spellings).
const DEFAULT_TRACK_ALIASES: &[(&str, &[&str])] = &[
    (
        "Kubernetes",
        &[
            "kubernetes",
            "k8s",
            "docker & kubernetes",
            "docker and kubernetes",
            "containers & kubernetes",
            "kubernetes & containers",
        ],
    ),
    ("Keynote", &["keynote", "keynotes"]),
    ("JavaScript", &["javascript", "js"]),
    ("Machine Learning", &["machine learning", "ml"]),
];

/// One talk while recaps are being merged.
struct MergedTalk {
    title: Option<String>,
    /// The words of `title`, worked out once for all the talks it is compared with.
    title_words: Option<TitleWords>,
    speakers: Vec<Person>,
    /// Track labels: (as written, the track it means after the author's aliases).
    tracks: Vec<(String, String)>,
    day: Option<String>,
    links: Vec<Link>,
    summary: String,
    notes: Vec<TalkNotes>,
}

/// One conference while recaps are being grouped: the recaps move into their group.
struct ConferenceGroup {
    name: String,
    year: Option<i32>,
    /// [`name_words`] of `name` and `year`, kept with the name.
    words: Vec<String>,
    recaps: Vec<ExtractedRecap>,
}

/// One conference merged from its recaps, with the slugs its ids are made of: everything that
/// needs no other conference, so conferences are merged in parallel.
struct MergedConference {
    name: String,
    year: Option<i32>,
    sources: Vec<RecapSource>,
    /// The merged days and the slugs of their labels.
    days: Vec<(ExtractedDay, String)>,
    /// The slug of `name`, before it is made unique.
    slug: String,
    talks: Vec<PreparedTalk>,
    /// What merging the talks reported, in file order.
    diagnostics: Vec<Diagnostic>,
}

/// A merged talk with the slugs of its title (or speakers), day, tracks and speakers.
struct PreparedTalk {
    talk: MergedTalk,
    /// The slug of the title, or of the speakers when there is no title.
    slug: String,
    /// The slug of `talk.day`.
    day_slug: Option<String>,
    /// [`track_id`] of each track in `talk.tracks`.
    track_ids: Vec<String>,
    /// The slug of each speaker's name, in `talk.speakers` order.
    speaker_ids: Vec<String>,
}

/// Assembles the recaps into a bundle, all but its search index ([`crate::search_index`],
/// built from the bundle). Each talk's notes HTML moves into the bundle.
pub fn assemble(recaps: Vec<ExtractedRecap>, diagnostics: &mut Vec<Diagnostic>) -> Bundle {
    let groups = group_conferences(recaps, diagnostics);
    let conferences: Vec<MergedConference> = groups.into_par_iter().map(merge_conference).collect();
    let mut conference_ids = UniqueSlugs::default();
    let mut talk_ids = UniqueSlugs::default();
    // By id; their order in the bundle is set by sorting them (by name, then id) at the end.
    let mut tracks: FxHashMap<String, Track> = FxHashMap::default();
    let mut speakers: FxHashMap<String, Speaker> = FxHashMap::default();
    let mut bundle = Bundle {
        schema_version: SCHEMA_VERSION,
        ..Bundle::default()
    };
    bundle.conferences.reserve_exact(conferences.len());
    bundle
        .talks
        .reserve_exact(conferences.iter().map(|c| c.talks.len()).sum());

    for conference in conferences {
        diagnostics.extend(conference.diagnostics);
        let conference_id = conference_ids.claim(&conference.slug);
        let day_id = |slug: &str| joined_id(&conference_id, slug);
        bundle.conferences.push(Conference {
            id: conference_id.clone(),
            name: conference.name,
            year: conference.year,
            sources: conference.sources,
            days: conference
                .days
                .into_iter()
                .map(|(day, slug)| Day {
                    id: day_id(&slug),
                    label: day.label,
                    date: day.date,
                })
                .collect(),
        });

        for prepared in conference.talks {
            let talk = prepared.talk;
            let talk_id = talk_ids.claim(&joined_id(&conference_id, &prepared.slug));
            let mut track_ids: Vec<String> = Vec::new();
            for ((written, meant), id) in talk.tracks.into_iter().zip(prepared.track_ids) {
                let track = entry(&mut tracks, &id, || Track {
                    id: id.clone(),
                    label: meant.clone(),
                    aliases: Vec::new(),
                });
                // Every other label a recap writes for this track stays available as an alias.
                for label in [meant, written] {
                    if !track.label.eq_ignore_ascii_case(&label)
                        && !track.aliases.iter().any(|a| a.eq_ignore_ascii_case(&label))
                    {
                        track.aliases.push(label);
                    }
                }
                if !track_ids.contains(&id) {
                    track_ids.push(id);
                }
            }
            let mut talk_speakers = Vec::with_capacity(talk.speakers.len());
            for (person, id) in talk.speakers.into_iter().zip(prepared.speaker_ids) {
                let speaker = entry(&mut speakers, &id, || Speaker {
                    id: id.clone(),
                    name: person.name.clone(),
                    companies: Vec::new(),
                });
                if let Some(company) = &person.company
                    && !speaker.companies.contains(company)
                {
                    speaker.companies.push(company.clone());
                }
                talk_speakers.push(TalkSpeaker {
                    id,
                    name: person.name,
                    company: person.company,
                });
            }
            bundle.talks.push(Talk {
                id: talk_id,
                conference: conference_id.clone(),
                day: prepared.day_slug.as_deref().map(day_id),
                title: talk.title,
                speakers: talk_speakers,
                tracks: track_ids,
                // Filled by `companies::assign` once every spelling is known.
                companies: Vec::new(),
                links: talk.links,
                summary: talk.summary,
                notes: talk.notes,
                notes_chunk: None,
            });
        }
    }

    bundle.tracks = tracks.into_values().collect();
    bundle
        .tracks
        .sort_by_cached_key(|t| (t.label.trim_start_matches('#').to_lowercase(), t.id.clone()));
    bundle.speakers = speakers.into_values().collect();
    bundle
        .speakers
        .sort_by_cached_key(|s| (deunicode::deunicode(&s.name).to_lowercase(), s.id.clone()));
    companies::assign(&mut bundle);
    bundle
}

/// `{prefix}-{slug}`: an id within the conference (or other thing) whose id is `prefix`.
fn joined_id(prefix: &str, slug: &str) -> String {
    let mut id = String::with_capacity(prefix.len() + 1 + slug.len());
    id.push_str(prefix);
    id.push('-');
    id.push_str(slug);
    id
}

/// The value of `map` at `key`, inserted with `new` when there is none: the key is copied
/// only then.
fn entry<'a, V>(
    map: &'a mut FxHashMap<String, V>,
    key: &str,
    new: impl FnOnce() -> V,
) -> &'a mut V {
    if !map.contains_key(key) {
        map.insert(key.to_owned(), new());
    }
    map.get_mut(key).expect("inserted above")
}

/// Merges one conference's recaps: its sources, days and talks, with their slugs.
fn merge_conference(group: ConferenceGroup) -> MergedConference {
    let sources = group.recaps.iter().map(recap_source).collect();
    let days = merge_days(&group.recaps)
        .into_iter()
        .map(|day| {
            let slug = slugify(&day.label, DAY_SLUG_LEN);
            (day, slug)
        })
        .collect();
    let slug = slugify(&group.name, TITLE_SLUG_LEN);
    let mut diagnostics = Vec::new();
    let talks = merge_talks(group.recaps, &mut diagnostics)
        .into_iter()
        .map(prepare_talk)
        .collect();
    MergedConference {
        name: group.name,
        year: group.year,
        sources,
        days,
        slug,
        talks,
        diagnostics,
    }
}

/// A merged talk with the slugs its ids are made of.
fn prepare_talk(talk: MergedTalk) -> PreparedTalk {
    PreparedTalk {
        slug: slugify(
            &title_or_speakers(&talk.title, &talk.speakers),
            TITLE_SLUG_LEN,
        ),
        day_slug: talk.day.as_deref().map(|day| slugify(day, DAY_SLUG_LEN)),
        track_ids: talk
            .tracks
            .iter()
            .map(|(_, meant)| track_id(meant))
            .collect(),
        speaker_ids: talk
            .speakers
            .iter()
            .map(|person| slugify(&person.name, TITLE_SLUG_LEN))
            .collect(),
        talk,
    }
}

/// The id of a track label: the default aliases first (`K8s` → `kubernetes`), then the slug of
/// the label (`#Docker & Kubernetes` → `kubernetes`, `#Security` → `security`).
pub fn track_id(label: &str) -> String {
    let key = label.trim().trim_start_matches('#').to_lowercase();
    let canonical = DEFAULT_TRACK_ALIASES
        .iter()
        .find(|(_, spellings)| spellings.contains(&key.as_str()))
        .map_or(key.as_str(), |(c, _)| c);
    slugify(canonical, TITLE_SLUG_LEN)
}

fn recap_source(recap: &ExtractedRecap) -> RecapSource {
    let fm = &recap.front_matter;
    RecapSource {
        file: recap.file.clone(),
        title: fm.title.clone(),
        date: fm.date.clone(),
        author: fm.author.clone(),
        url: fm.url.clone(),
    }
}

fn name_words(name: &str, year: Option<i32>) -> Vec<String> {
    let year = year.map(|y| y.to_string());
    slugify(name, 200)
        .split('-')
        .filter(|w| !GENERIC_NAME_WORDS.contains(w) && Some(*w) != year.as_deref())
        .map(str::to_owned)
        .collect()
}

/// The recaps grouped by conference, in order of each conference's first recap.
fn group_conferences(
    recaps: Vec<ExtractedRecap>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<ConferenceGroup> {
    let mut groups: Vec<ConferenceGroup> = Vec::new();
    for recap in recaps {
        let words = name_words(&recap.conference_name, recap.year);
        let same = groups.iter_mut().find(|g| {
            let other = &g.words;
            g.year == recap.year
                && recap.year.is_some()
                && !words.is_empty()
                && !other.is_empty()
                && (words.iter().all(|w| other.contains(w))
                    || other.iter().all(|w| words.contains(w)))
        });
        match same {
            Some(group) => {
                diagnostics.push(Diagnostic::new(
                    Severity::Note,
                    &recap.file,
                    0,
                    format!("\"{}\" is the same conference as \"{}\" ({}); their recaps are merged", recap.conference_name, group.name, group.recaps[0].file),
                ).with_help("set `recap.conference` in the front matter if they are different conferences"));
                if words.len() > group.words.len() {
                    group.name = recap.conference_name.clone();
                    group.words = name_words(&group.name, group.year);
                }
                group.recaps.push(recap);
            }
            None => groups.push(ConferenceGroup {
                name: recap.conference_name.clone(),
                year: recap.year,
                words,
                recaps: vec![recap],
            }),
        }
    }
    groups
}

/// Days of all recaps of one conference: one per label, dated where any recap dates it or a
/// dated weekday of the same week dates it.
fn merge_days(recaps: &[ExtractedRecap]) -> Vec<ExtractedDay> {
    let mut merged: Vec<ExtractedDay> = Vec::new();
    for day in recaps.iter().flat_map(|r| &r.days) {
        match merged.iter_mut().find(|d| d.label == day.label) {
            Some(existing) => {
                if existing.date.is_none() {
                    existing.date = day.date.clone();
                }
            }
            None => merged.push(day.clone()),
        }
    }
    let anchor = merged.iter().find_map(|d| {
        let weekday = days::Weekday::parse(&d.label)?;
        Some((weekday, d.date.clone()?))
    });
    if let Some((anchor_weekday, anchor_date)) = anchor {
        for day in merged.iter_mut().filter(|d| d.date.is_none()) {
            if let Some(weekday) = days::Weekday::parse(&day.label) {
                day.date = days::shift_date(&anchor_date, weekday.days_since(anchor_weekday));
            }
        }
    }
    if merged.iter().all(|d| d.date.is_some()) {
        merged.sort_by(|a, b| a.date.cmp(&b.date));
    }
    merged
}

/// The talks of one conference's recaps, merged; each talk's notes HTML moves into its merged
/// talk.
fn merge_talks(recaps: Vec<ExtractedRecap>, diagnostics: &mut Vec<Diagnostic>) -> Vec<MergedTalk> {
    let mut merged: Vec<(MergedTalk, usize)> = Vec::new();
    // Each recap's file, by its place in `conference.sources` (which `notes.recap` names).
    let mut files: Vec<String> = Vec::with_capacity(recaps.len());
    for (recap_index, recap) in recaps.into_iter().enumerate() {
        let ExtractedRecap {
            file, talks, hints, ..
        } = recap;
        files.push(file.clone());
        for mut talk in talks {
            let notes = TalkNotes {
                recap: recap_index as u32,
                line: talk.line,
                html: std::mem::take(&mut talk.html),
            };
            let tracks: Vec<(String, String)> = std::mem::take(&mut talk.tracks)
                .into_iter()
                .map(|label| {
                    let meant = hints.track_label(&label).to_owned();
                    (label, meant)
                })
                .collect();
            let title_words = talk.title.as_deref().map(TitleWords::new);
            let same = merged.iter_mut().find(|(existing, from)| {
                *from != recap_index && is_same_talk(existing, &talk, title_words.as_ref())
            });
            match same {
                Some((existing, _)) => {
                    let first = &existing.notes[0];
                    let first_file = &files[first.recap as usize];
                    diagnostics.push(Diagnostic::new(
                        Severity::Note,
                        &file,
                        talk.line,
                        format!(
                            "talk \"{}\" is also covered at {}:{}; the two are shown as one talk",
                            title_or_speakers(&talk.title, &talk.speakers),
                            first_file,
                            first.line
                        ),
                    ));
                    if existing.title.is_none() {
                        existing.title_words = title_words;
                    }
                    merge_into(existing, talk, tracks, notes, &file, diagnostics);
                }
                None => {
                    if let Some((dup, _)) = merged.iter().find(|(e, from)| {
                        *from == recap_index && e.title.is_some() && e.title == talk.title
                    }) {
                        diagnostics.push(
                            Diagnostic::new(Severity::Warning, &file, talk.line, format!("talk \"{}\" appears twice in this recap (first at line {})", title_or_speakers(&talk.title, &talk.speakers), dup.notes[0].line))
                                .with_help("remove one, or add `<!-- recap: skip -->` under the repeated heading"),
                        );
                    }
                    merged.push((
                        MergedTalk {
                            title: talk.title,
                            title_words,
                            speakers: talk.speakers,
                            tracks,
                            day: talk.day,
                            links: talk.links,
                            summary: talk.summary,
                            notes: vec![notes],
                        },
                        recap_index,
                    ));
                }
            }
        }
    }
    merged.into_iter().map(|(talk, _)| talk).collect()
}

/// What to call a talk in ids and messages: its title, or its speakers when it has none.
fn title_or_speakers(title: &Option<String>, speakers: &[Person]) -> String {
    title.clone().unwrap_or_else(|| {
        speakers
            .iter()
            .map(|s| s.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    })
}

fn speakers_match(a: &[Person], b: &[Person]) -> bool {
    a.iter().any(|x| {
        b.iter().any(|y| {
            name_key(&x.name) == name_key(&y.name) || near_duplicate_names(&x.name, &y.name)
        })
    })
}

/// Whether `talk` (whose title has the words `title_words`) is `existing`.
fn is_same_talk(
    existing: &MergedTalk,
    talk: &ExtractedTalk,
    title_words: Option<&TitleWords>,
) -> bool {
    match (&existing.title_words, title_words) {
        (Some(a), Some(b)) => a.same_title(b),
        _ => {
            let same_day = existing.day.is_none() || talk.day.is_none() || existing.day == talk.day;
            same_day && speakers_match(&existing.speakers, &talk.speakers)
        }
    }
}

fn merge_into(
    existing: &mut MergedTalk,
    talk: ExtractedTalk,
    tracks: Vec<(String, String)>,
    notes: TalkNotes,
    file: &str,
    diagnostics: &mut Vec<Diagnostic>,
) {
    if existing.title.is_none() {
        existing.title = talk.title;
    }
    if existing.day.is_none() {
        existing.day = talk.day;
    }
    for person in talk.speakers {
        let exact = existing
            .speakers
            .iter_mut()
            .find(|p| name_key(&p.name) == name_key(&person.name));
        if let Some(known) = exact {
            if known.company.is_none() {
                known.company = person.company;
            }
            continue;
        }
        match existing
            .speakers
            .iter_mut()
            .find(|p| near_duplicate_names(&p.name, &person.name))
        {
            Some(known) => {
                let keep_new = known.company.is_none() && person.company.is_some();
                let (kept, dropped) = if keep_new {
                    (&person.name, &known.name)
                } else {
                    (&known.name, &person.name)
                };
                diagnostics.push(
                    Diagnostic::new(Severity::Warning, file, talk.line, format!("\"{dropped}\" and \"{kept}\" are taken to be one person (same talk, day and conference); shown as \"{kept}\""))
                        .with_help("if they are different people, correct the name with `<!-- recap: speakers=\"…\" -->`"),
                );
                if keep_new {
                    *known = person;
                } else if known.company.is_none() {
                    known.company = person.company;
                }
            }
            None => existing.speakers.push(person),
        }
    }
    for (written, meant) in tracks {
        if !existing
            .tracks
            .iter()
            .any(|(w, _)| w.eq_ignore_ascii_case(&written))
        {
            existing.tracks.push((written, meant));
        }
    }
    for link in talk.links {
        if !existing.links.iter().any(|l| l.url == link.url) {
            existing.links.push(link);
        }
    }
    if existing.summary.is_empty() {
        existing.summary = talk.summary;
    }
    existing.notes.push(notes);
}
