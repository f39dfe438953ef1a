//! Facet options with live counts: for every option, how many talks the reader would see if
//! they selected it on top of the other active filters.

use std::collections::HashMap;

use recap_bundle::Bundle;

use crate::filters::{Facet, Filters};

/// One option of a facet, ready to render.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetOption {
    /// The bundle id, used in the URL.
    pub id: String,
    /// What the reader sees, e.g. `#Security`, `Wednesday`.
    pub label: String,
    /// A heading the option is listed under, e.g. its conference for a day when the archive
    /// holds several conferences.
    pub group: Option<String>,
    /// Talks matching this option combined with the other active filters.
    pub count: usize,
    /// Whether the option is currently selected.
    pub selected: bool,
}

/// Every option of `facet` in display order, with live counts.
///
/// Counts ignore the facet's own selection (options of one facet are OR-ed, so a reader wants
/// to know what each would give) and apply the other facets' and every talk `passes` (search,
/// starred). Options are listed even when their count is zero so the app can dim rather than
/// hide them.
pub fn facet_options(
    bundle: &Bundle,
    filters: &Filters,
    facet: Facet,
    passes: impl Fn(usize) -> bool,
) -> Vec<FacetOption> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for (_, talk) in bundle
        .talks
        .iter()
        .enumerate()
        .filter(|&(index, talk)| passes(index) && filters.matches_except(facet, talk))
    {
        for id in facet.talk_values(talk) {
            *counts.entry(id).or_default() += 1;
        }
    }
    let option = |id: &str, label: &str, group: Option<&str>| FacetOption {
        count: counts.get(id).copied().unwrap_or(0),
        selected: filters.is_selected(facet, id),
        id: id.to_owned(),
        label: label.to_owned(),
        group: group.map(str::to_owned),
    };
    match facet {
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
            let several_conferences = bundle.conferences.len() > 1;
            bundle
                .conferences
                .iter()
                .flat_map(|conference| {
                    let group = several_conferences.then_some(conference.name.as_str());
                    conference
                        .days
                        .iter()
                        .map(move |day| option(&day.id, &day.label, group))
                })
                .collect()
        }
    }
}
