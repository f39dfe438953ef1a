//! Facet options with live counts: for every option, how many talks the reader would see if
//! they selected it on top of the other facets' current selection.

use std::collections::HashMap;

use recap_bundle::Bundle;

use crate::filters::{Facet, Filters};

/// One option of a facet, ready to render.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetOption {
    /// The bundle id, used in the URL.
    pub id: String,
    /// What the reader sees, e.g. `#Security`, `Wednesday (Velocity Berlin 2019)`.
    pub label: String,
    /// Talks matching this option combined with the other facets' active filters.
    pub count: usize,
    /// Whether the option is currently selected.
    pub selected: bool,
}

/// Every option of `facet` in display order, with live counts.
///
/// Counts ignore the facet's own selection (options of one facet are OR-ed, so a reader wants
/// to know what each would add) and apply the other facets'. Options are listed even when their
/// count is zero so the app can dim rather than hide them.
pub fn facet_options(bundle: &Bundle, filters: &Filters, facet: Facet) -> Vec<FacetOption> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for talk in bundle
        .talks
        .iter()
        .filter(|talk| filters.matches_except(facet, talk))
    {
        for id in facet.talk_values(talk) {
            *counts.entry(id).or_default() += 1;
        }
    }
    let option = |id: &str, label: String| FacetOption {
        count: counts.get(id).copied().unwrap_or(0),
        selected: filters.is_selected(facet, id),
        id: id.to_owned(),
        label,
    };
    match facet {
        Facet::Track => bundle
            .tracks
            .iter()
            .map(|t| option(&t.id, t.label.clone()))
            .collect(),
        Facet::Speaker => bundle
            .speakers
            .iter()
            .map(|s| option(&s.id, s.name.clone()))
            .collect(),
        Facet::Day => {
            let several_conferences = bundle.conferences.len() > 1;
            bundle
                .conferences
                .iter()
                .flat_map(|conference| {
                    conference.days.iter().map(move |day| {
                        let label = if several_conferences {
                            format!("{} · {}", day.label, conference.name)
                        } else {
                            day.label.clone()
                        };
                        (day, label)
                    })
                })
                .map(|(day, label)| option(&day.id, label))
                .collect()
        }
    }
}
