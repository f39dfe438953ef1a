//! Full-text search over the prebuilt [`SearchIndex`]: every word the reader types must match
//! the start of a word of the talk (prefix matching, so results follow each keystroke), in any
//! field; talks rank by the best field each word matched, so title matches come first.
//!
//! Finding a query word's talks is a binary search in the sorted terms plus the postings of the
//! terms sharing the prefix; combining the words is one pass over a rank per talk (a few
//! microseconds at 10,000 talks).

use recap_bundle::{SearchField, SearchIndex};

use crate::index_builder::PostingsBuilder;

use crate::text;

/// Rank value of a talk that does not match.
const NO_MATCH: u16 = u16::MAX;

/// What the reader typed, as folded words.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SearchQuery {
    words: Vec<String>,
}

impl SearchQuery {
    /// Parses the search box's text.
    pub fn parse(text: &str) -> SearchQuery {
        let mut words = text::words(text);
        // A word that is the prefix of another adds nothing (every match of the longer one
        // matches it), so keep the longer ones only.
        words.sort_by_key(|word| std::cmp::Reverse(word.len()));
        let mut kept: Vec<String> = Vec::new();
        for word in words {
            if !kept.iter().any(|longer| longer.starts_with(&word)) {
                kept.push(word);
            }
        }
        SearchQuery { words: kept }
    }

    /// Whether the reader typed no word at all (then nothing is filtered).
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The folded words.
    pub fn words(&self) -> &[String] {
        &self.words
    }
}

/// The result of a search: for every talk, whether it matches and how well.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchHits {
    /// Per talk index: the sum of the best [`SearchField`] of each query word, or [`NO_MATCH`].
    ranks: Vec<u16>,
}

impl SearchHits {
    /// Whether the talk at `index` matches every query word.
    pub fn matches(&self, index: usize) -> bool {
        self.ranks.get(index).is_some_and(|&rank| rank != NO_MATCH)
    }

    /// How well the talk at `index` matches (lower is better), if it does.
    pub fn rank(&self, index: usize) -> Option<u16> {
        self.ranks
            .get(index)
            .copied()
            .filter(|&rank| rank != NO_MATCH)
    }

    /// How many talks match.
    pub fn len(&self) -> usize {
        self.ranks.iter().filter(|&&rank| rank != NO_MATCH).count()
    }

    /// Whether no talk matches.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Runs `query` against `index` for an archive of `talk_count` talks.
///
/// Returns `None` for an empty query: nothing to filter by.
pub fn search(index: &SearchIndex, talk_count: usize, query: &SearchQuery) -> Option<SearchHits> {
    if query.is_empty() {
        return None;
    }
    let mut ranks = vec![0u16; talk_count];
    let mut best = vec![u8::MAX; talk_count];
    for word in query.words() {
        best.fill(u8::MAX);
        for term in terms_with_prefix(index, word) {
            for (talk, field) in index.postings_of(term) {
                if let Some(slot) = best.get_mut(talk) {
                    *slot = (*slot).min(field as u8);
                }
            }
        }
        for (rank, &field) in ranks.iter_mut().zip(&best) {
            *rank = if *rank == NO_MATCH || field == u8::MAX {
                NO_MATCH
            } else {
                *rank + u16::from(field)
            };
        }
    }
    Some(SearchHits { ranks })
}

/// Positions of the terms that start with `prefix` (a contiguous run, terms being sorted).
fn terms_with_prefix(index: &SearchIndex, prefix: &str) -> std::ops::Range<usize> {
    let start = index.terms.partition_point(|term| term.as_str() < prefix);
    let len = index.terms[start..]
        .iter()
        .take_while(|term| term.starts_with(prefix))
        .count();
    start..start + len
}

/// Builds a [`SearchIndex`] from each talk's text by field: `talks[i]` lists `(field, text)`
/// pairs of talk `i`. It lives here so that indexing and querying share one definition of a word
/// (the compiler feeds a [`PostingsBuilder`] directly, in parallel runs of talks).
pub fn build_index<'a>(
    talks: impl IntoIterator<Item = impl IntoIterator<Item = (SearchField, &'a str)>>,
) -> SearchIndex {
    let mut builder = PostingsBuilder::default();
    for (talk_index, fields) in talks.into_iter().enumerate() {
        for (field, text) in fields {
            builder.add(talk_index, field, text);
        }
    }
    builder.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use SearchField::*;

    fn index() -> SearchIndex {
        build_index([
            vec![
                (Title, "Zero trust networking"),
                (People, "Łukasz Nowak Acme"),
            ],
            vec![
                (Title, "Kubernetes operators"),
                (Notes, "trust the reconciler"),
            ],
            vec![(Title, "Security at scale"), (Tracks, "#Security")],
            vec![(Notes, "We spoke with Łukasz about trust")],
        ])
    }

    fn matches(query: &str) -> Vec<usize> {
        let index = index();
        let hits = search(&index, 4, &SearchQuery::parse(query)).expect("a query");
        let mut found: Vec<usize> = (0..4).filter(|&i| hits.matches(i)).collect();
        found.sort_by_key(|&i| hits.rank(i));
        found
    }

    #[test]
    fn diacritics_and_case_do_not_matter() {
        assert_eq!(matches("lukasz"), [0, 3]);
        assert_eq!(matches("ŁUKASZ"), [0, 3]);
    }

    #[test]
    fn words_match_as_prefixes_and_all_must_match() {
        assert_eq!(matches("kube"), [1]);
        assert_eq!(matches("tru"), [0, 1, 3]);
        assert_eq!(matches("trust lukasz"), [0, 3]);
        assert!(matches("trust kubernetes zebra").is_empty());
    }

    #[test]
    fn title_matches_rank_first() {
        assert_eq!(matches("trust"), [0, 1, 3]);
        assert_eq!(matches("secur"), [2]);
        let index = index();
        let hits = search(&index, 4, &SearchQuery::parse("trust")).unwrap();
        assert!(hits.rank(0) < hits.rank(1), "title before notes");
    }

    #[test]
    fn an_empty_query_filters_nothing() {
        assert_eq!(search(&index(), 4, &SearchQuery::parse("  ,; ")), None);
    }

    #[test]
    fn shorter_words_that_prefix_longer_ones_are_dropped() {
        assert_eq!(SearchQuery::parse("kub kubernetes").words(), ["kubernetes"]);
    }

    #[test]
    fn postings_round_trip_through_delta_encoding() {
        let index = index();
        let trust = index.terms.iter().position(|t| t == "trust").unwrap();
        let decoded: Vec<_> = index.postings_of(trust).collect();
        assert_eq!(decoded, [(0, Title), (1, Notes), (3, Notes)]);
    }
}
