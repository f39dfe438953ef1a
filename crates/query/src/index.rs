//! A bundle prepared for fast filtering: every facet option numbered once, every talk's options
//! as small integer lists, and the title and speaker orders ranked the first time a reader sorts
//! by them. Built once when the bundle loads, so each change of the filters is plain integer work
//! over the talks (no string hashing, no allocation per talk), which keeps filtering within a
//! frame at 10,000 talks.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use recap_bundle::Bundle;

use crate::filters::Facet;
use crate::text;

/// One option of a facet as the bundle defines it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionInfo {
    /// The bundle id, used in the URL.
    pub id: String,
    /// What the reader sees.
    pub label: String,
    /// A heading to list the option under (a day's conference, when there are several).
    pub group: Option<String>,
    /// How many talks have this option in the whole archive.
    pub talks: usize,
}

/// The options and per-talk option numbers of one facet.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct FacetTable {
    options: Vec<OptionInfo>,
    positions: FxHashMap<String, u32>,
    /// The positions of every talk's options, talk after talk (sorted, no repeats per talk):
    /// talk `t`'s are `talk_options[talk_starts[t]..talk_starts[t + 1]]`. One flat list rather
    /// than a list per talk: 10,000 talks are five allocations, not 50,000.
    talk_options: Vec<u32>,
    talk_starts: Vec<u32>,
}

/// The prepared bundle.
#[derive(Debug, Clone, Default)]
pub struct BundleIndex {
    tables: Vec<FacetTable>,
    talk_count: usize,
    /// Talk positions ranked by title and by first speaker (see [`crate::SortOrder`]), made
    /// when first asked for: folding 10,000 titles is work the first screen need not wait for.
    title_rank: OnceLock<Vec<u32>>,
    speaker_rank: OnceLock<Vec<u32>>,
}

impl BundleIndex {
    /// Prepares `bundle`.
    pub fn new(bundle: &Bundle) -> BundleIndex {
        BundleIndex {
            tables: Facet::ALL
                .into_iter()
                .map(|facet| facet_table(bundle, facet))
                .collect(),
            talk_count: bundle.talks.len(),
            title_rank: OnceLock::new(),
            speaker_rank: OnceLock::new(),
        }
    }

    fn table(&self, facet: Facet) -> &FacetTable {
        &self.tables[facet_slot(facet)]
    }

    /// The options of `facet` in the archive's order (tracks, speakers and companies by name;
    /// conferences and their days as the recaps order them).
    pub fn options(&self, facet: Facet) -> &[OptionInfo] {
        &self.table(facet).options
    }

    /// The position of option `id` of `facet`, if the archive has it.
    pub fn position(&self, facet: Facet, id: &str) -> Option<u32> {
        self.table(facet).positions.get(id).copied()
    }

    /// The option positions of talk `talk` for `facet`.
    pub fn talk_options(&self, facet: Facet, talk: usize) -> &[u32] {
        let table = self.table(facet);
        let (start, end) = (table.talk_starts[talk], table.talk_starts[talk + 1]);
        &table.talk_options[start as usize..end as usize]
    }

    /// How many talks the archive holds.
    pub fn talk_count(&self) -> usize {
        self.talk_count
    }

    /// Every talk's rank by title; `bundle` is the one the index was made from.
    pub fn title_ranks(&self, bundle: &Bundle) -> &[u32] {
        self.title_rank
            .get_or_init(|| rank_by(bundle, |talk| (false, sort_key(&talk.display_title()))))
    }

    /// Every talk's rank by first speaker (talks nobody presented last).
    pub fn speaker_ranks(&self, bundle: &Bundle) -> &[u32] {
        self.speaker_rank.get_or_init(|| {
            rank_by(bundle, |talk| match talk.speakers.first() {
                Some(speaker) => (false, sort_key(&speaker.name)),
                None => (true, String::new()),
            })
        })
    }
}

/// Each talk's position when the talks are sorted by `key` (ties in archive order).
fn rank_by(bundle: &Bundle, key: impl Fn(&recap_bundle::Talk) -> (bool, String)) -> Vec<u32> {
    let mut order: Vec<usize> = (0..bundle.talks.len()).collect();
    order.sort_by_cached_key(|&i| (key(&bundle.talks[i]), i));
    let mut rank = vec![0u32; order.len()];
    for (position, talk) in order.into_iter().enumerate() {
        rank[talk] = position as u32;
    }
    rank
}

/// The slot of a facet in per-facet arrays ([`Facet::ALL`] order).
pub fn facet_slot(facet: Facet) -> usize {
    Facet::ALL
        .iter()
        .position(|&f| f == facet)
        .expect("every facet is in Facet::ALL")
}

fn facet_table(bundle: &Bundle, facet: Facet) -> FacetTable {
    let option = |id: &str, label: &str, group: Option<&str>| OptionInfo {
        id: id.to_owned(),
        label: label.to_owned(),
        group: group.map(str::to_owned),
        talks: 0,
    };
    let mut options: Vec<OptionInfo> = match facet {
        Facet::Track => bundle
            .tracks
            .iter()
            .map(|t| option(&t.id, &t.label, None))
            .collect(),
        Facet::Speaker => bundle
            .speakers
            .iter()
            .map(|s| option(&s.id, &s.name, None))
            .collect(),
        Facet::Company => bundle
            .companies
            .iter()
            .map(|c| option(&c.id, &c.name, None))
            .collect(),
        Facet::Conference => bundle
            .conferences
            .iter()
            .map(|c| option(&c.id, &c.name, None))
            .collect(),
        Facet::Day => {
            let several = bundle.conferences.len() > 1;
            bundle
                .conferences
                .iter()
                .flat_map(|conference| {
                    let group = several.then_some(conference.name.as_str());
                    conference
                        .days
                        .iter()
                        .map(move |day| option(&day.id, &day.label, group))
                })
                .collect()
        }
    };
    let positions: FxHashMap<String, u32> = options
        .iter()
        .enumerate()
        .map(|(position, option)| (option.id.clone(), position as u32))
        .collect();
    let mut talk_options: Vec<u32> = Vec::with_capacity(bundle.talks.len() * 2);
    let mut talk_starts: Vec<u32> = Vec::with_capacity(bundle.talks.len() + 1);
    talk_starts.push(0);
    // Neighbouring talks mostly share their conference and day: the last lookup is kept.
    let mut last: Option<(&str, u32)> = None;
    // One talk's positions, reused from talk to talk.
    let mut own: Vec<u32> = Vec::new();
    for talk in &bundle.talks {
        own.clear();
        facet.for_each_talk_value(talk, |id| {
            let position = match last {
                Some((last_id, position)) if last_id == id => Some(position),
                _ => positions.get(id).copied(),
            };
            if let Some(position) = position {
                last = Some((id, position));
                own.push(position);
            }
        });
        own.sort_unstable();
        own.dedup();
        for &position in &own {
            options[position as usize].talks += 1;
        }
        talk_options.extend_from_slice(&own);
        talk_starts.push(talk_options.len() as u32);
    }
    FacetTable {
        options,
        positions,
        talk_options,
        talk_starts,
    }
}

/// Case- and accent-insensitive sort key; leading punctuation and quotes are ignored.
fn sort_key(text: &str) -> String {
    text::fold(text.trim_start_matches(|c: char| !c.is_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_talk_lists_its_options_once_and_counts_add_up() {
        let bundle: Bundle = serde_json::from_value(serde_json::json!({
            "schema_version": recap_bundle::SCHEMA_VERSION,
            "conferences": [{"id": "c", "name": "C", "year": null, "sources": [], "days": []}],
            "tracks": [{"id": "ops", "label": "#Ops"}, {"id": "sec", "label": "#Security"}],
            "speakers": [], "companies": [],
            "talks": [
                {"id": "a", "conference": "c", "day": null, "title": "A", "speakers": [],
                 "tracks": ["sec", "ops", "sec"], "companies": [], "links": [], "summary": "", "notes": []},
                {"id": "b", "conference": "c", "day": null, "title": "B", "speakers": [],
                 "tracks": ["gone"], "companies": [], "links": [], "summary": "", "notes": []},
                {"id": "c", "conference": "c", "day": null, "title": "C", "speakers": [],
                 "tracks": ["ops"], "companies": [], "links": [], "summary": "", "notes": []}
            ]
        }))
        .expect("a small bundle");
        let index = BundleIndex::new(&bundle);
        assert_eq!(index.talk_options(Facet::Track, 0), &[0, 1]);
        assert_eq!(index.talk_options(Facet::Track, 1), &[] as &[u32]);
        assert_eq!(index.talk_options(Facet::Track, 2), &[0]);
        assert_eq!(index.talk_options(Facet::Conference, 2), &[0]);
        let counts: Vec<usize> = index
            .options(Facet::Track)
            .iter()
            .map(|o| o.talks)
            .collect();
        assert_eq!(counts, [2, 1]);
    }
}
