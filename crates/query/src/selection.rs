//! The talks a reader sees for the current filters: facets, search text and "starred only",
//! ordered as chosen, with live counts for every facet option and, when nothing matches, which
//! filter to remove.
//!
//! One [`Selection`] is computed per change of the filters, in **one pass** over the talks on
//! the integers of a [`BundleIndex`]: a talk that passes every facet counts for every facet's
//! options; a talk that fails exactly one facet counts only for that facet's options (what
//! selecting them would add); anything else counts nowhere.

use std::collections::BTreeSet;

use recap_bundle::{Bundle, SearchIndex};

use crate::facets::FacetOption;
use crate::filters::{ActiveFilter, Facet, Filters};
use crate::index::{BundleIndex, facet_slot};
use crate::search::{SearchQuery, search};
use crate::sort::SortOrder;

/// The result of applying filters to a bundle.
#[derive(Debug, Clone, PartialEq)]
pub struct Selection {
    query: SearchQuery,
    /// Positions in `bundle.talks` of the matching talks, in the chosen order.
    indices: Vec<usize>,
    /// Per facet ([`Facet::ALL`] order), per option position: its live count.
    counts: Vec<Vec<u32>>,
    order: SortOrder,
    /// Search words were given but the search index has not arrived yet.
    search_pending: bool,
}

impl Selection {
    /// Applies `filters` to `bundle`, preparing a [`BundleIndex`] first. Convenient for one-off
    /// questions; a page that filters repeatedly keeps the index and calls [`Selection::with_index`].
    pub fn new(
        bundle: &Bundle,
        filters: &Filters,
        starred: &BTreeSet<String>,
        order: Option<SortOrder>,
    ) -> Selection {
        Selection::with_index(
            bundle,
            &BundleIndex::new(bundle),
            Some(&bundle.search),
            filters,
            starred,
            order,
        )
    }

    /// Applies `filters` (with the reader's `starred` talk ids) to `bundle`, listing matches in
    /// `order` (or the default order for the filters when `None`).
    ///
    /// `search` is the bundle's search index, `None` while it is still loading (the split
    /// layout): search words then match nothing yet and the selection says it is
    /// [pending](Selection::is_search_pending).
    pub fn with_index(
        bundle: &Bundle,
        index: &BundleIndex,
        search_index: Option<&SearchIndex>,
        filters: &Filters,
        starred: &BTreeSet<String>,
        order: Option<SortOrder>,
    ) -> Selection {
        let query = SearchQuery::parse(filters.text());
        let search_pending = search_index.is_none() && !query.is_empty();
        let hits = match search_index {
            Some(search_index) => search(search_index, bundle.talks.len(), &query),
            None => None,
        };
        // Per facet: which option positions are selected (None: the facet filters nothing).
        // An id the archive doesn't have selects nothing, so that facet matches no talk.
        let selected: Vec<Option<Vec<bool>>> = Facet::ALL
            .into_iter()
            .map(|facet| {
                let ids = filters.selected(facet);
                (!ids.is_empty()).then(|| {
                    let mut chosen = vec![false; index.options(facet).len()];
                    for id in ids {
                        if let Some(position) = index.position(facet, id) {
                            chosen[position as usize] = true;
                        }
                    }
                    chosen
                })
            })
            .collect();
        let mut counts: Vec<Vec<u32>> = Facet::ALL
            .into_iter()
            .map(|facet| vec![0; index.options(facet).len()])
            .collect();
        let mut indices = Vec::new();
        for (talk_index, talk) in bundle.talks.iter().enumerate() {
            let passes_extras = !search_pending
                && hits.as_ref().is_none_or(|hits| hits.matches(talk_index))
                && (!filters.starred_only() || starred.contains(&talk.id));
            if !passes_extras {
                continue;
            }
            let mut failed: Option<usize> = None;
            let mut failures = 0;
            for (slot, facet) in Facet::ALL.into_iter().enumerate() {
                if let Some(chosen) = &selected[slot]
                    && !index
                        .talk_options(facet, talk_index)
                        .iter()
                        .any(|&position| chosen[position as usize])
                {
                    failures += 1;
                    failed = Some(slot);
                    if failures > 1 {
                        break;
                    }
                }
            }
            match (failures, failed) {
                (0, _) => {
                    indices.push(talk_index);
                    for (slot, facet) in Facet::ALL.into_iter().enumerate() {
                        for &position in index.talk_options(facet, talk_index) {
                            counts[slot][position as usize] += 1;
                        }
                    }
                }
                (1, Some(slot)) => {
                    for &position in index.talk_options(Facet::ALL[slot], talk_index) {
                        counts[slot][position as usize] += 1;
                    }
                }
                _ => {}
            }
        }
        let order = match order {
            // Relevance means nothing without search words.
            Some(SortOrder::Relevance) if query.is_empty() => SortOrder::Conference,
            Some(order) => order,
            None => SortOrder::default_for(!query.is_empty()),
        };
        match order {
            SortOrder::Conference => {}
            SortOrder::Relevance => {
                if let Some(hits) = &hits {
                    sort_by_rank(&mut indices, &|i| {
                        u32::from(hits.rank(i).unwrap_or(u16::MAX))
                    });
                }
            }
            SortOrder::Title => {
                let ranks = index.title_ranks(bundle);
                sort_by_rank(&mut indices, &|i| ranks[i]);
            }
            SortOrder::Speaker => {
                let ranks = index.speaker_ranks(bundle);
                sort_by_rank(&mut indices, &|i| ranks[i]);
            }
        }
        Selection {
            query,
            indices,
            counts,
            order,
            search_pending,
        }
    }

    /// Whether search words wait for the search index (nothing matches until it arrives).
    pub fn is_search_pending(&self) -> bool {
        self.search_pending
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

    /// The live count of the option at `position` (in [`BundleIndex::options`]) of `facet`:
    /// how many talks it would give combined with every other active filter (its own facet's
    /// selection aside).
    pub fn count(&self, facet: Facet, position: usize) -> usize {
        self.counts[facet_slot(facet)]
            .get(position)
            .map_or(0, |&count| count as usize)
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

    /// Every option of `facet` with its live count, in the archive's order. Options are listed
    /// even when their count is zero so the app can dim rather than hide them.
    pub fn facet_options(
        &self,
        index: &BundleIndex,
        filters: &Filters,
        facet: Facet,
    ) -> Vec<FacetOption> {
        index
            .options(facet)
            .iter()
            .enumerate()
            .map(|(position, option)| FacetOption {
                id: option.id.clone(),
                label: option.label.clone(),
                group: option.group.clone(),
                count: self.count(facet, position),
                selected: filters.is_selected(facet, &option.id),
            })
            .collect()
    }

    /// For each active filter, how many talks its removal alone would show, most first; what
    /// an empty result suggests removing.
    pub fn relaxations(
        &self,
        bundle: &Bundle,
        index: &BundleIndex,
        search_index: Option<&SearchIndex>,
        filters: &Filters,
        starred: &BTreeSet<String>,
    ) -> Vec<(ActiveFilter, usize)> {
        let mut relaxed: Vec<(ActiveFilter, usize)> = filters
            .active()
            .into_iter()
            .map(|filter| {
                let mut without = filters.clone();
                without.remove(&filter);
                let count = Selection::with_index(
                    bundle,
                    index,
                    search_index,
                    &without,
                    starred,
                    Some(SortOrder::Conference),
                )
                .len();
                (filter, count)
            })
            .collect();
        relaxed.sort_by_key(|(_, count)| std::cmp::Reverse(*count));
        relaxed
    }
}

/// Orders talk indices by `rank`, ties by index: one sort for every order (each closure type
/// passed to a std sort is a separate copy of the sort code in the wasm).
fn sort_by_rank(indices: &mut [usize], rank: &dyn Fn(usize) -> u32) {
    indices.sort_unstable_by_key(|&i| (rank(i), i));
}
