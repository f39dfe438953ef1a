//! The filter state: which track, day and speaker ids are selected, and its URL query form.
//!
//! Semantics follow faceted search: options of one facet are OR-ed, facets are AND-ed.

use std::collections::BTreeSet;

use recap_bundle::Talk;

/// A dimension a reader can filter talks by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Facet {
    Track,
    Day,
    Speaker,
}

impl Facet {
    /// Every facet, in the order the app shows them.
    pub const ALL: [Facet; 3] = [Facet::Track, Facet::Day, Facet::Speaker];

    /// The URL query key of this facet (`track`, `day`, `speaker`).
    pub fn query_key(self) -> &'static str {
        match self {
            Facet::Track => "track",
            Facet::Day => "day",
            Facet::Speaker => "speaker",
        }
    }

    /// A human heading for the facet.
    pub fn title(self) -> &'static str {
        match self {
            Facet::Track => "Track",
            Facet::Day => "Day",
            Facet::Speaker => "Speaker",
        }
    }

    fn from_query_key(key: &str) -> Option<Facet> {
        Facet::ALL
            .into_iter()
            .find(|facet| facet.query_key() == key)
    }

    /// The ids this talk has for this facet.
    pub fn talk_values(self, talk: &Talk) -> Vec<&str> {
        match self {
            Facet::Track => talk.tracks.iter().map(String::as_str).collect(),
            Facet::Day => talk.day.as_deref().into_iter().collect(),
            Facet::Speaker => talk.speakers.iter().map(|s| s.id.as_str()).collect(),
        }
    }
}

/// The selected option ids of every facet.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    tracks: BTreeSet<String>,
    days: BTreeSet<String>,
    speakers: BTreeSet<String>,
}

impl Filters {
    /// Reads filters from a URL query string (with or without the leading `?`).
    ///
    /// Keys `track`, `day` and `speaker` may repeat; other keys are ignored so that the app can
    /// share the query with other state.
    pub fn from_query(query: &str) -> Filters {
        let query = query.strip_prefix('?').unwrap_or(query);
        let mut filters = Filters::default();
        for (key, value) in form_urlencoded::parse(query.as_bytes()) {
            if let Some(facet) = Facet::from_query_key(&key)
                && !value.is_empty()
            {
                filters.selected_mut(facet).insert(value.into_owned());
            }
        }
        filters
    }

    /// Writes the filters as URL query pairs (`track=a&track=b&day=c`), without `?`.
    ///
    /// The order is fixed (facet order, then sorted ids) so equal filters give equal URLs.
    pub fn to_query(&self) -> String {
        let mut out = form_urlencoded::Serializer::new(String::new());
        for facet in Facet::ALL {
            for id in self.selected(facet) {
                out.append_pair(facet.query_key(), id);
            }
        }
        out.finish()
    }

    /// Rewrites `query`, replacing its filter keys with these filters and keeping every other
    /// key (in order) so unrelated state such as `embed=1` survives.
    pub fn merge_into_query(&self, query: &str) -> String {
        let query = query.strip_prefix('?').unwrap_or(query);
        let mut out = form_urlencoded::Serializer::new(String::new());
        for (key, value) in form_urlencoded::parse(query.as_bytes()) {
            if Facet::from_query_key(&key).is_none() {
                out.append_pair(&key, &value);
            }
        }
        for facet in Facet::ALL {
            for id in self.selected(facet) {
                out.append_pair(facet.query_key(), id);
            }
        }
        out.finish()
    }

    /// The selected ids of one facet.
    pub fn selected(&self, facet: Facet) -> &BTreeSet<String> {
        match facet {
            Facet::Track => &self.tracks,
            Facet::Day => &self.days,
            Facet::Speaker => &self.speakers,
        }
    }

    fn selected_mut(&mut self, facet: Facet) -> &mut BTreeSet<String> {
        match facet {
            Facet::Track => &mut self.tracks,
            Facet::Day => &mut self.days,
            Facet::Speaker => &mut self.speakers,
        }
    }

    /// Whether `id` is selected in `facet`.
    pub fn is_selected(&self, facet: Facet, id: &str) -> bool {
        self.selected(facet).contains(id)
    }

    /// Selects `id` in `facet` if it was not selected, deselects it otherwise.
    pub fn toggle(&mut self, facet: Facet, id: &str) {
        let selected = self.selected_mut(facet);
        if !selected.remove(id) {
            selected.insert(id.to_owned());
        }
    }

    /// Removes every selection of one facet.
    pub fn clear_facet(&mut self, facet: Facet) {
        self.selected_mut(facet).clear();
    }

    /// Whether no filter is active.
    pub fn is_empty(&self) -> bool {
        Facet::ALL
            .into_iter()
            .all(|facet| self.selected(facet).is_empty())
    }

    /// How many options are selected across all facets.
    pub fn active_count(&self) -> usize {
        Facet::ALL
            .into_iter()
            .map(|facet| self.selected(facet).len())
            .sum()
    }

    /// Whether `talk` passes every facet: OR within a facet, AND across facets.
    pub fn matches(&self, talk: &Talk) -> bool {
        Facet::ALL
            .into_iter()
            .all(|facet| self.facet_matches(facet, talk))
    }

    /// Whether `talk` passes every facet except `skipped` (used for live option counts).
    pub fn matches_except(&self, skipped: Facet, talk: &Talk) -> bool {
        Facet::ALL
            .into_iter()
            .filter(|&facet| facet != skipped)
            .all(|facet| self.facet_matches(facet, talk))
    }

    fn facet_matches(&self, facet: Facet, talk: &Talk) -> bool {
        let selected = self.selected(facet);
        selected.is_empty()
            || facet
                .talk_values(talk)
                .into_iter()
                .any(|id| selected.contains(id))
    }
}
