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
    /// Per talk, the positions of its options.
    talk_options: Vec<Vec<u32>>,
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
        &self.table(facet).talk_options[talk]
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
    let talk_options: Vec<Vec<u32>> = bundle
        .talks
        .iter()
        .map(|talk| {
            let mut found: Vec<u32> = facet
                .talk_values(talk)
                .into_iter()
                .filter_map(|id| positions.get(id).copied())
                .collect();
            found.sort_unstable();
            found.dedup();
            found
        })
        .collect();
    for talk in &talk_options {
        for &position in talk {
            options[position as usize].talks += 1;
        }
    }
    FacetTable {
        options,
        positions,
        talk_options,
    }
}

/// Case- and accent-insensitive sort key; leading punctuation and quotes are ignored.
fn sort_key(text: &str) -> String {
    text::fold(text.trim_start_matches(|c: char| !c.is_alphanumeric()))
}
