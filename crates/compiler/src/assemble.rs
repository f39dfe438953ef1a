//! Assembles extracted recaps into one [`Bundle`]: stable ids, one speaker per person, one track
//! per label, deterministic order (the same input gives byte-identical output).

use std::collections::BTreeMap;

use recap_bundle::{Bundle, Conference, Day, RecapSource, SCHEMA_VERSION, SourceLocation, Speaker, Talk, TalkSpeaker, Track};

use crate::extract::ExtractedRecap;
use crate::slug::{UniqueSlugs, slugify};

/// Longest slug part taken from a title.
const TITLE_SLUG_LEN: usize = 60;

pub fn assemble(recaps: &[ExtractedRecap]) -> Bundle {
    let mut conference_ids = UniqueSlugs::default();
    let mut talk_ids = UniqueSlugs::default();
    let mut tracks: BTreeMap<String, Track> = BTreeMap::new();
    let mut speakers: BTreeMap<String, Speaker> = BTreeMap::new();
    let mut bundle = Bundle { schema_version: SCHEMA_VERSION, ..Bundle::default() };

    for recap in recaps {
        let conference_id = conference_ids.claim(&slugify(&recap.conference_name, TITLE_SLUG_LEN));
        let day_id = |label: &str| format!("{conference_id}-{}", slugify(label, 30));
        let fm = &recap.front_matter;
        bundle.conferences.push(Conference {
            id: conference_id.clone(),
            name: recap.conference_name.clone(),
            year: recap.year,
            source: RecapSource {
                file: recap.file.clone(),
                title: fm.title.clone(),
                date: fm.date.clone(),
                author: fm.author.clone(),
                url: fm.url.clone(),
            },
            days: recap.days.iter().map(|label| Day { id: day_id(label), label: label.clone(), date: None }).collect(),
        });

        for talk in &recap.talks {
            let display = talk.title.clone().unwrap_or_else(|| {
                talk.speakers.iter().map(|s| s.name.as_str()).collect::<Vec<_>>().join(" ")
            });
            let talk_id = talk_ids.claim(&format!("{conference_id}-{}", slugify(&display, TITLE_SLUG_LEN)));
            let mut track_ids: Vec<String> = Vec::new();
            for label in &talk.tracks {
                let id = track_id(label);
                tracks.entry(id.clone()).or_insert_with(|| Track { id: id.clone(), label: label.clone() });
                if !track_ids.contains(&id) {
                    track_ids.push(id);
                }
            }
            let mut talk_speakers = Vec::new();
            for person in &talk.speakers {
                let id = slugify(&person.name, TITLE_SLUG_LEN);
                let speaker = speakers.entry(id.clone()).or_insert_with(|| Speaker {
                    id: id.clone(),
                    name: person.name.clone(),
                    companies: Vec::new(),
                    talks: Vec::new(),
                });
                if let Some(company) = &person.company {
                    if !speaker.companies.contains(company) {
                        speaker.companies.push(company.clone());
                    }
                }
                if !speaker.talks.contains(&talk_id) {
                    speaker.talks.push(talk_id.clone());
                }
                talk_speakers.push(TalkSpeaker { id, name: person.name.clone(), company: person.company.clone() });
            }
            bundle.talks.push(Talk {
                id: talk_id,
                conference: conference_id.clone(),
                day: talk.day.as_deref().map(day_id),
                title: talk.title.clone(),
                speakers: talk_speakers,
                tracks: track_ids,
                links: talk.links.clone(),
                summary: talk.summary.clone(),
                html: talk.html.clone(),
                source: SourceLocation { file: recap.file.clone(), line: talk.line },
            });
        }
    }

    bundle.tracks = tracks.into_values().collect();
    bundle.tracks.sort_by_key(|t| (t.label.trim_start_matches('#').to_lowercase(), t.id.clone()));
    bundle.speakers = speakers.into_values().collect();
    bundle.speakers.sort_by_key(|s| (deunicode::deunicode(&s.name).to_lowercase(), s.id.clone()));
    bundle
}

/// The id of a track label: `#Docker & Kubernetes` → `docker-kubernetes`.
pub fn track_id(label: &str) -> String {
    slugify(label.trim_start_matches('#'), TITLE_SLUG_LEN)
}
