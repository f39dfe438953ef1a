//! The filter state: which facet options are selected, the search text and the "starred only"
//! switch, and its URL query form (`track=…&day=…&q=…&starred=1`).
//!
//! Semantics follow faceted search: options of one facet are OR-ed, facets are AND-ed, and the
//! search text and the starred switch narrow further.

use std::collections::BTreeSet;

use recap_bundle::Talk;

/// A dimension a reader can filter talks by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Facet {
    Track,
    Day,
    Speaker,
    Conference,
    Company,
}

impl Facet {
    /// Every facet, in the order the app shows them.
    pub const ALL: [Facet; 5] = [
        Facet::Track,
        Facet::Day,
        Facet::Speaker,
        Facet::Conference,
        Facet::Company,
    ];

    /// The URL query key of this facet (`track`, `day`, `speaker`, `conference`, `company`).
    pub fn query_key(self) -> &'static str {
        match self {
            Facet::Track => "track",
            Facet::Day => "day",
            Facet::Speaker => "speaker",
            Facet::Conference => "conference",
            Facet::Company => "company",
        }
    }

    /// A human heading for the facet.
    pub fn title(self) -> &'static str {
        match self {
            Facet::Track => "Track",
            Facet::Day => "Day",
            Facet::Speaker => "Speaker",
            Facet::Conference => "Conference",
            Facet::Company => "Company",
        }
    }

    fn from_query_key(key: &str) -> Option<Facet> {
        Facet::ALL
            .into_iter()
            .find(|facet| facet.query_key() == key)
    }

    /// Calls `visit` with each option id `talk` has for this facet.
    pub fn for_each_talk_value<'a>(self, talk: &'a Talk, mut visit: impl FnMut(&'a str)) {
        match self {
            Facet::Track => talk.tracks.iter().for_each(|id| visit(id)),
            Facet::Day => talk.day.iter().for_each(|id| visit(id)),
            Facet::Speaker => talk.speakers.iter().for_each(|s| visit(&s.id)),
            Facet::Conference => visit(&talk.conference),
            Facet::Company => talk.companies.iter().for_each(|id| visit(id)),
        }
    }
}

/// Query keys besides the facets'.
const TEXT_KEY: &str = "q";
const STARRED_KEY: &str = "starred";

/// One thing that currently narrows the list, as the reader can remove it (a chip).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ActiveFilter {
    /// An option of a facet, by id.
    Option { facet: Facet, id: String },
    /// The search text.
    Text(String),
    /// Only starred talks.
    Starred,
}

/// The selected option ids of every facet.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    tracks: BTreeSet<String>,
    days: BTreeSet<String>,
    speakers: BTreeSet<String>,
    conferences: BTreeSet<String>,
    companies: BTreeSet<String>,
    /// The search box's text, as typed.
    text: String,
    /// Whether only starred talks are shown.
    starred: bool,
}

impl Filters {
    /// Reads filters from a URL query string (with or without the leading `?`).
    ///
    /// Facet keys (`track`, `day`, …) may repeat; `q` is the search text and `starred=1` the
    /// starred switch; other keys are ignored so that the app can share the query with other
    /// state.
    pub fn from_query(query: &str) -> Filters {
        let query = query.strip_prefix('?').unwrap_or(query);
        let mut filters = Filters::default();
        for (key, value) in form_urlencoded::parse(query.as_bytes()) {
            if let Some(facet) = Facet::from_query_key(&key)
                && !value.is_empty()
            {
                filters.selected_mut(facet).insert(value.into_owned());
            } else if key == TEXT_KEY {
                filters.text = value.into_owned();
            } else if key == STARRED_KEY {
                filters.starred = matches!(&*value, "1" | "true" | "yes");
            }
        }
        filters
    }

    fn is_own_key(key: &str) -> bool {
        Facet::from_query_key(key).is_some() || key == TEXT_KEY || key == STARRED_KEY
    }

    fn append_to(&self, out: &mut form_urlencoded::Serializer<'_, String>) {
        if !self.text.trim().is_empty() {
            out.append_pair(TEXT_KEY, &self.text);
        }
        for facet in Facet::ALL {
            for id in self.selected(facet) {
                out.append_pair(facet.query_key(), id);
            }
        }
        if self.starred {
            out.append_pair(STARRED_KEY, "1");
        }
    }

    /// Writes the filters as URL query pairs (`track=a&track=b&day=c`), without `?`.
    ///
    /// The order is fixed (facet order, then sorted ids) so equal filters give equal URLs.
    pub fn to_query(&self) -> String {
        let mut out = form_urlencoded::Serializer::new(String::new());
        self.append_to(&mut out);
        out.finish()
    }

    /// Rewrites `query`, replacing its filter keys with these filters and keeping every other
    /// key (in order) so unrelated state such as `embed=1` survives.
    pub fn merge_into_query(&self, query: &str) -> String {
        let query = query.strip_prefix('?').unwrap_or(query);
        let mut out = form_urlencoded::Serializer::new(String::new());
        for (key, value) in form_urlencoded::parse(query.as_bytes()) {
            if !Filters::is_own_key(&key) {
                out.append_pair(&key, &value);
            }
        }
        self.append_to(&mut out);
        out.finish()
    }

    /// The selected ids of one facet.
    pub fn selected(&self, facet: Facet) -> &BTreeSet<String> {
        match facet {
            Facet::Track => &self.tracks,
            Facet::Day => &self.days,
            Facet::Speaker => &self.speakers,
            Facet::Conference => &self.conferences,
            Facet::Company => &self.companies,
        }
    }

    fn selected_mut(&mut self, facet: Facet) -> &mut BTreeSet<String> {
        match facet {
            Facet::Track => &mut self.tracks,
            Facet::Day => &mut self.days,
            Facet::Speaker => &mut self.speakers,
            Facet::Conference => &mut self.conferences,
            Facet::Company => &mut self.companies,
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

    /// Selects exactly `id` in `facet` (and nothing else there).
    pub fn select_only(&mut self, facet: Facet, id: &str) {
        let selected = self.selected_mut(facet);
        selected.clear();
        selected.insert(id.to_owned());
    }

    /// The search text as typed.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Replaces the search text.
    pub fn set_text(&mut self, text: &str) {
        text.clone_into(&mut self.text);
    }

    /// Whether only starred talks are shown.
    pub fn starred_only(&self) -> bool {
        self.starred
    }

    /// Turns the "starred only" switch on or off.
    pub fn set_starred_only(&mut self, on: bool) {
        self.starred = on;
    }

    /// Whether no filter is active (no option, no search words, starred off).
    pub fn is_empty(&self) -> bool {
        self.active().is_empty()
    }

    /// How many filters are active.
    pub fn active_count(&self) -> usize {
        self.active().len()
    }

    /// Every active filter: the search text, then facet options in facet order, then starred.
    pub fn active(&self) -> Vec<ActiveFilter> {
        let mut active = Vec::new();
        if !self.text.trim().is_empty() {
            active.push(ActiveFilter::Text(self.text.trim().to_owned()));
        }
        for facet in Facet::ALL {
            active.extend(self.selected(facet).iter().map(|id| ActiveFilter::Option {
                facet,
                id: id.clone(),
            }));
        }
        if self.starred {
            active.push(ActiveFilter::Starred);
        }
        active
    }

    /// Removes one active filter.
    pub fn remove(&mut self, filter: &ActiveFilter) {
        match filter {
            ActiveFilter::Option { facet, id } => {
                self.selected_mut(*facet).remove(id);
            }
            ActiveFilter::Text(_) => self.text.clear(),
            ActiveFilter::Starred => self.starred = false,
        }
    }
}
