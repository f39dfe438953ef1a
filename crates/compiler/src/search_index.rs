//! The bundle's prebuilt full-text [`SearchIndex`]: what of each talk a reader can search, by
//! field, handed to [`recap_query::PostingsBuilder`] (what [`recap_query::build_index`] uses) so
//! that indexing and querying share one definition of a (folded) word.
//!
//! Fields per talk: the title; each speaker's name and company; each track's label and
//! aliases; the summary and the text a reader sees in every recap's notes.

use std::collections::HashMap;

use rayon::prelude::*;
use recap_bundle::{Bundle, SearchField, SearchIndex, Talk, Track};
use recap_query::PostingsBuilder;

/// Builds the index over `bundle.talks`, in bundle order.
pub fn build(bundle: &Bundle) -> SearchIndex {
    build_with_notes(bundle, |talk| {
        bundle.talks[talk]
            .notes
            .iter()
            .map(|notes| notes.html.as_str())
            .collect()
    })
}

/// [`build`], with the notes' HTML of the talk at each index given by `notes_html` rather than
/// read from the talks: how the layout indexes notes it has moved into chunks
/// ([`crate::layout::write_unindexed`]).
pub fn build_with_notes<'n>(
    bundle: &Bundle,
    notes_html: impl Fn(usize) -> Vec<&'n str> + Sync,
) -> SearchIndex {
    let tracks: HashMap<&str, &Track> = bundle.tracks.iter().map(|t| (t.id.as_str(), t)).collect();
    // Consecutive runs of talks are indexed in parallel, then joined in order (rayon's reduce
    // keeps the runs' order, and each run's postings continue the one before).
    let run = bundle
        .talks
        .len()
        .div_ceil(2 * rayon::current_num_threads())
        .max(1);
    let postings = bundle
        .talks
        .par_chunks(run)
        .enumerate()
        .map(|(run_index, talks)| {
            let mut postings = PostingsBuilder::default();
            // The notes' text, one recap's at a time, in one buffer: its whitespace is left
            // as it comes, which gives the same words as `plain_text` for less work.
            let mut notes_text = String::new();
            for (offset, talk) in talks.iter().enumerate() {
                let talk_index = run_index * run + offset;
                for (field, text) in fields(talk, &tracks) {
                    postings.add(talk_index, field, text);
                }
                for html in notes_html(talk_index) {
                    notes_text.clear();
                    recap_query::html_text::push_visible_text(html, &mut notes_text);
                    postings.add(talk_index, SearchField::Notes, &notes_text);
                }
            }
            postings
        })
        .reduce(PostingsBuilder::default, |mut earlier, later| {
            earlier.append(later);
            earlier
        });
    postings.finish()
}

/// The searchable text of one talk, by field, but for its notes (read from their HTML).
fn fields<'a>(talk: &'a Talk, tracks: &HashMap<&str, &'a Track>) -> Vec<(SearchField, &'a str)> {
    let mut fields: Vec<(SearchField, &str)> = Vec::new();
    if let Some(title) = &talk.title {
        fields.push((SearchField::Title, title));
    }
    for speaker in &talk.speakers {
        fields.push((SearchField::People, &speaker.name));
        if let Some(company) = &speaker.company {
            fields.push((SearchField::People, company));
        }
    }
    for track in talk.tracks.iter().filter_map(|id| tracks.get(id.as_str())) {
        fields.push((SearchField::Tracks, &track.label));
        fields.extend(
            track
                .aliases
                .iter()
                .map(|a| (SearchField::Tracks, a.as_str())),
        );
    }
    fields.push((SearchField::Notes, &talk.summary));
    fields
}

#[cfg(test)]
mod tests {
    use recap_bundle::SearchField;
    use recap_query::{SearchQuery, search};

    /// The best field `query` matches talk 0 in, if any.
    fn best_field(source: &str, query: &str) -> Option<SearchField> {
        let bundle = crate::compile_sources([("a.md", source)]).bundle;
        let hits = search(
            &bundle.search,
            bundle.talks.len(),
            &SearchQuery::parse(query),
        )?;
        hits.rank(0)
            .map(|rank| SearchField::from_bits(u32::from(rank)))
    }

    #[test]
    fn every_field_is_searchable_and_the_best_one_counts() {
        let source = "# Quaycon 2024\n\n## Day 1\n\n### Rolling upgrades - Ada Byrne (Initech)\n\n_#K8s_\n\n\
                      Upgrades of <em>clusters</em> with zero downtime, and K8s operators.\n";
        assert_eq!(best_field(source, "upgrades"), Some(SearchField::Title));
        assert_eq!(best_field(source, "byrne"), Some(SearchField::People));
        assert_eq!(best_field(source, "initech"), Some(SearchField::People));
        assert_eq!(
            best_field(source, "k8s"),
            Some(SearchField::Tracks),
            "a track beats the notes"
        );
        assert_eq!(best_field(source, "clusters"), Some(SearchField::Notes));
        assert_eq!(best_field(source, "em"), None, "markup is not text");
    }
}
