//! The talks a reader sees for the current filters: facets, search text and "starred only",
//! ordered as chosen, with live counts for every facet option and, when nothing matches, which
//! filter to remove.
//!
//! One [`Selection`] is computed per change of the filters; everything the page shows about the
//! result list is read from it.

use std::collections::BTreeSet;

use recap_bundle::Bundle;

use crate::facets::{FacetOption, facet_options};
use crate::filters::{ActiveFilter, Facet, Filters};
use crate::search::{SearchQuery, search};
use crate::sort::{SortOrder, sort_indices};

/// The result of applying filters to a bundle.
#[derive(Debug, Clone, PartialEq)]
pub struct Selection {
    query: SearchQuery,
    /// Whether each talk passes the search and starred filters (facets aside).
    passes_extras: Vec<bool>,
    /// Positions in `bundle.talks` of the matching talks, in the chosen order.
    indices: Vec<usize>,
    order: SortOrder,
}

impl Selection {
    /// Applies `filters` (with the reader's `starred` talk ids) to `bundle`, listing matches in
    /// `order` (or the default order for the filters when `None`).
    pub fn new(
        bundle: &Bundle,
        filters: &Filters,
        starred: &BTreeSet<String>,
        order: Option<SortOrder>,
    ) -> Selection {
        let query = SearchQuery::parse(filters.text());
        let hits = search(&bundle.search, bundle.talks.len(), &query);
        let passes_extras: Vec<bool> = bundle
            .talks
            .iter()
            .enumerate()
            .map(|(index, talk)| {
                hits.as_ref().is_none_or(|hits| hits.matches(index))
                    && (!filters.starred_only() || starred.contains(&talk.id))
            })
            .collect();
        let mut indices: Vec<usize> = bundle
            .talks
            .iter()
            .enumerate()
            .filter(|&(index, talk)| passes_extras[index] && filters.matches(talk))
            .map(|(index, _)| index)
            .collect();
        let order = match order {
            // Relevance means nothing without search words.
            Some(SortOrder::Relevance) if query.is_empty() => SortOrder::Conference,
            Some(order) => order,
            None => SortOrder::default_for(!query.is_empty()),
        };
        sort_indices(bundle, &mut indices, order, hits.as_ref());
        Selection {
            query,
            passes_extras,
            indices,
            order,
        }
    }

    /// Positions in `bundle.talks` of the talks to show, in order.
    pub fn indices(&self) -> &[usize] {
        &self.indices
    }

    /// How many talks match.
    pub fn len(&self) -> usize {
        self.indices.len()
    }

    /// Whether no talk matches.
    pub fn is_empty(&self) -> bool {
        self.indices.is_empty()
    }

    /// The order the talks are listed in.
    pub fn order(&self) -> SortOrder {
        self.order
    }

    /// The parsed search words (for highlighting).
    pub fn query(&self) -> &SearchQuery {
        &self.query
    }

    /// The neighbours of talk `index` in the list: (previous, next).
    pub fn neighbours(&self, index: usize) -> (Option<usize>, Option<usize>) {
        match self.indices.iter().position(|&i| i == index) {
            Some(at) => (
                at.checked_sub(1).map(|before| self.indices[before]),
                self.indices.get(at + 1).copied(),
            ),
            None => (None, None),
        }
    }

    /// Every option of `facet` with its live count: how many talks it would give combined
    /// with every other active filter (its own facet's selection aside).
    pub fn facet_options(
        &self,
        bundle: &Bundle,
        filters: &Filters,
        facet: Facet,
    ) -> Vec<FacetOption> {
        facet_options(bundle, filters, facet, |index| self.passes_extras[index])
    }

    /// For each active filter, how many talks its removal alone would show, most first; what
    /// an empty result suggests removing.
    pub fn relaxations(
        &self,
        bundle: &Bundle,
        filters: &Filters,
        starred: &BTreeSet<String>,
    ) -> Vec<(ActiveFilter, usize)> {
        let mut relaxed: Vec<(ActiveFilter, usize)> = filters
            .active()
            .into_iter()
            .map(|filter| {
                let mut without = filters.clone();
                without.remove(&filter);
                let count =
                    Selection::new(bundle, &without, starred, Some(SortOrder::Conference)).len();
                (filter, count)
            })
            .collect();
        relaxed.sort_by_key(|(_, count)| std::cmp::Reverse(*count));
        relaxed
    }
}
