//! What a reader asks of a bundle: which talks match the active filters, and how many talks each
//! filter option would give.
//!
//! This is pure Rust over [`recap_bundle`] types, with no DOM, so it is tested natively. The app
//! only renders what these functions compute. Filter state round-trips through the URL query
//! ([`Filters::from_query`] / [`Filters::to_query`]), which is the single source of truth in the
//! browser.

mod facets;
mod filters;

pub use facets::{FacetOption, facet_options};
pub use filters::{Facet, Filters};
use recap_bundle::{Bundle, Talk};

/// The talks that match `filters`, in bundle order.
pub fn matching_talks<'b>(bundle: &'b Bundle, filters: &Filters) -> Vec<&'b Talk> {
    bundle
        .talks
        .iter()
        .filter(|talk| filters.matches(talk))
        .collect()
}

/// The positions in `bundle.talks` of the talks that match `filters`, in bundle order.
///
/// Cheap to store and compare, so UIs can key their lists by it.
pub fn matching_indices(bundle: &Bundle, filters: &Filters) -> Vec<usize> {
    bundle
        .talks
        .iter()
        .enumerate()
        .filter(|(_, talk)| filters.matches(talk))
        .map(|(index, _)| index)
        .collect()
}

#[cfg(test)]
mod tests {
    use recap_bundle::{Talk, TalkSpeaker};

    use super::*;

    fn talk(id: &str, tracks: &[&str], speaker: &str) -> Talk {
        Talk {
            id: id.to_owned(),
            conference: "conf".to_owned(),
            day: None,
            title: Some(id.to_owned()),
            speakers: vec![TalkSpeaker {
                id: speaker.to_owned(),
                name: speaker.to_owned(),
                company: None,
            }],
            tracks: tracks.iter().map(|t| (*t).to_owned()).collect(),
            links: Vec::new(),
            summary: String::new(),
            notes: Vec::new(),
        }
    }

    #[test]
    fn matching_indices_agree_with_matching_talks() {
        let bundle = Bundle {
            schema_version: recap_bundle::SCHEMA_VERSION,
            talks: vec![
                talk("a", &["security"], "ann"),
                talk("b", &["docker"], "bob"),
                talk("c", &["security", "docker"], "bob"),
            ],
            ..Bundle::default()
        };
        for query in [
            "",
            "track=security",
            "track=docker&speaker=bob",
            "speaker=ann&track=docker",
        ] {
            let filters = Filters::from_query(query);
            let by_index: Vec<&str> = matching_indices(&bundle, &filters)
                .into_iter()
                .map(|i| bundle.talks[i].id.as_str())
                .collect();
            let by_ref: Vec<&str> = matching_talks(&bundle, &filters)
                .into_iter()
                .map(|t| t.id.as_str())
                .collect();
            assert_eq!(by_index, by_ref, "query {query:?}");
        }
        assert_eq!(
            matching_indices(&bundle, &Filters::from_query("track=security")),
            vec![0, 2]
        );
    }
}
