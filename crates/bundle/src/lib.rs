//! The Recap Viewer **bundle format**: what the recap compiler writes and the browser app reads.
//!
//! One crate owns these types so the two sides can never disagree. The format is versioned by
//! [`SCHEMA_VERSION`]; a JSON Schema generated from these types (feature `schema`) is checked
//! into `docs/bundle.schema.json` and kept in sync by a test.
//!
//! Every cross-reference (a talk's conference, day, tracks and speakers) is a stable, readable
//! id (a slug), so URLs such as `?track=security&day=devopscon-2018-munich-tuesday` stay valid
//! across rebuilds of the same recaps.

use serde::{Deserialize, Serialize};

/// The version of the bundle format this crate reads and writes.
///
/// - v1: one recap per conference (`conference.source`, `talk.source`, `talk.html`).
/// - v2: recaps of the same conference merge: `conference.sources[]`, and a talk covered by
///   several recaps carries each recap's notes in `talk.notes[]`; tracks list their `aliases`.
/// - v3: `companies[]` and `talk.companies` (the company facet), and a prebuilt full-text
///   [`SearchIndex`] in `search`.
/// - v4: the **split layout**: `bundle.json` is the card index (talks without their notes' HTML)
///   and names, in [`BundleFiles`], the search index and the content-hashed [`NotesChunk`]s that
///   hold the notes; `talk.notes_chunk` says which chunk has a talk's notes. A bundle may still
///   carry everything inline (no `files`), as tests and single-file embeds do.
/// - v5: a leaner card index: a talk's [`TalkNotes`] name their recap by its position in
///   `conference.sources` (`recap`, `line`) instead of repeating its file and author, and
///   speakers no longer list their talks (a talk's `speakers` says it; see [`Bundle::talks_by`]).
pub const SCHEMA_VERSION: u32 = 5;

/// A whole compiled archive of recaps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Bundle {
    /// Always [`SCHEMA_VERSION`] for bundles this crate writes.
    pub schema_version: u32,
    /// Conferences in the order their recaps were read (file path order).
    pub conferences: Vec<Conference>,
    /// Talks in conference order, then in order of appearance in the recap.
    pub talks: Vec<Talk>,
    /// Every track any talk carries, sorted by label.
    pub tracks: Vec<Track>,
    /// Every speaker any talk names, sorted by name.
    pub speakers: Vec<Speaker>,
    /// Every company a speaker is attached to, sorted by name.
    pub companies: Vec<Company>,
    /// The full-text search index over every talk, built at compile time. Empty in the split
    /// layout, where it is the file [`BundleFiles::search`].
    #[serde(default, skip_serializing_if = "SearchIndex::is_empty")]
    pub search: SearchIndex,
    /// In the split layout, the files that hold the search index and the notes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub files: Option<BundleFiles>,
}

/// The files of a bundle in the split layout, as URLs relative to `bundle.json`.
///
/// Their names carry a hash of their content, so a host and the service worker may cache them
/// forever: a rebuild that changes them changes their names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BundleFiles {
    /// The [`SearchIndex`], loaded right after the cards are shown.
    pub search: String,
    /// The [`NotesChunk`]s; a talk's `notes_chunk` is a position in this list.
    pub notes: Vec<String>,
}

/// The notes' HTML of a run of consecutive talks, loaded when one of them is opened or a search
/// needs an excerpt of its notes.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NotesChunk {
    /// The talks whose notes this chunk holds, in bundle order.
    pub talks: Vec<ChunkTalk>,
}

/// One talk's notes in a [`NotesChunk`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ChunkTalk {
    /// Id of the [`Talk`].
    pub id: String,
    /// The HTML of each of the talk's [`TalkNotes`], in the same order.
    pub html: Vec<String>,
}

impl NotesChunk {
    /// The notes' HTML of the talk with this id, in the order of its [`Talk::notes`].
    pub fn html_of(&self, talk_id: &str) -> Option<&[String]> {
        self.talks
            .iter()
            .find(|talk| talk.id == talk_id)
            .map(|talk| talk.html.as_slice())
    }
}

/// One conference, as covered by a recap.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Conference {
    /// Stable slug, e.g. `velocity-berlin-2019`.
    pub id: String,
    /// Display name, e.g. `Velocity Berlin 2019`.
    pub name: String,
    /// The year the conference took place, when the recap tells.
    pub year: Option<i32>,
    /// The recap posts this conference was read from, in file order.
    pub sources: Vec<RecapSource>,
    /// Conference days in chronological order.
    pub days: Vec<Day>,
}

/// Where a conference's recap comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RecapSource {
    /// Path of the recap file, relative to the input it was found under.
    pub file: String,
    /// The post's title from its front matter.
    pub title: Option<String>,
    /// The post's date from its front matter (as written, e.g. `2018-12-10T08:00:00+01:00`).
    pub date: Option<String>,
    /// The post's author from its front matter.
    pub author: Option<String>,
    /// The post's own URL or permalink from its front matter.
    pub url: Option<String>,
}

/// One day of a conference.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Day {
    /// Stable slug, unique in the bundle, e.g. `velocity-berlin-2019-wednesday`.
    pub id: String,
    /// What a reader calls the day, e.g. `Wednesday` or `Day 1`.
    pub label: String,
    /// ISO date (`YYYY-MM-DD`) when known.
    pub date: Option<String>,
}

/// One talk (keynote, session, panel, tutorial…).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Talk {
    /// Stable slug, unique in the bundle.
    pub id: String,
    /// Id of the [`Conference`].
    pub conference: String,
    /// Id of the [`Day`], or null when the recap does not place the talk on a day.
    pub day: Option<String>,
    /// The title, or null when the recap names only the speaker.
    pub title: Option<String>,
    /// Presenters in the order the recap names them.
    pub speakers: Vec<TalkSpeaker>,
    /// Ids of the talk's [`Track`]s.
    pub tracks: Vec<String>,
    /// Ids of the [`Company`]s of the talk's speakers, in speaker order, without repeats.
    pub companies: Vec<String>,
    /// Session page, slides, video and other links the recap gives for the talk.
    pub links: Vec<Link>,
    /// A short plain-text summary for the card.
    pub summary: String,
    /// Each recap's notes on the talk, in file order (several when recaps of one conference
    /// cover the same talk).
    pub notes: Vec<TalkNotes>,
    /// In the split layout, the position in [`BundleFiles::notes`] of the chunk holding this
    /// talk's notes; none when the talk has no notes (or they are inline).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes_chunk: Option<u32>,
}

/// One recap's notes on a talk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TalkNotes {
    /// The recap these notes come from: a position in the talk's conference's `sources` (see
    /// [`Bundle::recap_of`]).
    pub recap: u32,
    /// The 1-based line of the recap where the talk starts.
    pub line: u32,
    /// The notes as sanitized HTML: safe to insert into a page as is. Empty here in the split
    /// layout: the talk's [`NotesChunk`] holds it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub html: String,
}

/// A presenter of one talk, with the affiliation given for that talk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TalkSpeaker {
    /// Id of the [`Speaker`].
    pub id: String,
    /// The name as the recap writes it.
    pub name: String,
    /// The company the recap attaches to the speaker for this talk.
    pub company: Option<String>,
}

/// What a [`Link`] points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum LinkKind {
    /// The talk's page in the conference schedule.
    Session,
    /// The slide deck.
    Slides,
    /// A recording.
    Video,
    /// Anything else the recap links as the talk's material.
    Other,
}

/// A link belonging to a talk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Link {
    pub kind: LinkKind,
    /// Absolute `http(s)` URL.
    pub url: String,
    /// The link text as written.
    pub label: String,
}

/// A track or session kind, e.g. `#Security` or `Keynote`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Track {
    /// Stable slug, e.g. `docker-kubernetes`.
    pub id: String,
    /// The label as the recaps write it, e.g. `#Docker & Kubernetes` (the first one seen).
    pub label: String,
    /// Other labels recaps write for the same track, e.g. `K8s`, `Kubernetes`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
}

/// A person who presented at least one talk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Speaker {
    /// Stable slug of the name, e.g. `liz-fong-jones`.
    pub id: String,
    pub name: String,
    /// Every company the recaps attach to this speaker, in order of first appearance.
    pub companies: Vec<String>,
}

/// A company (or other affiliation) at least one speaker is attached to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Company {
    /// Stable slug of the name without its legal form, e.g. `red-hat` for `Red Hat, Inc.`.
    pub id: String,
    /// The name as the recaps first write it.
    pub name: String,
}

/// Which part of a talk a search term was found in; lower is a better match.
///
/// Search ranks a talk by the best field each query word matched, so title matches come first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(u8)]
pub enum SearchField {
    Title = 0,
    /// Speaker names and companies.
    People = 1,
    /// Track labels and their aliases.
    Tracks = 2,
    /// Summary and notes.
    Notes = 3,
}

impl SearchField {
    /// Every field, best first.
    pub const ALL: [SearchField; 4] = [
        SearchField::Title,
        SearchField::People,
        SearchField::Tracks,
        SearchField::Notes,
    ];

    /// The field encoded in the low two bits of a posting.
    pub fn from_bits(bits: u32) -> SearchField {
        SearchField::ALL[(bits & 0b11) as usize]
    }
}

/// A prebuilt inverted index: every word of every talk, **folded** (lower case, diacritics
/// removed, see `recap_query::text::fold`), with the talks it occurs in.
///
/// Terms are sorted, so the talks matching a *prefix* are a binary search plus a contiguous
/// run of terms: `O(log terms + postings)` per query word, whatever the archive's size.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SearchIndex {
    /// Unique folded words, sorted by their UTF-8 bytes.
    pub terms: Vec<String>,
    /// For each term (same position), its postings: one per talk containing it, the value
    /// `talk_index * 4 + best_field` ([`SearchField`]), ascending, **delta-encoded** (the first
    /// value as is, then differences), which keeps the JSON small.
    pub postings: Vec<Vec<u32>>,
}

impl SearchIndex {
    /// Whether the index has no terms (an empty archive, or the split layout's `bundle.json`).
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Encodes one posting.
    pub fn posting(talk_index: usize, field: SearchField) -> u32 {
        (talk_index as u32) << 2 | field as u32
    }

    /// The decoded postings of the term at `term_index`: `(talk index, best field)` pairs.
    pub fn postings_of(
        &self,
        term_index: usize,
    ) -> impl Iterator<Item = (usize, SearchField)> + '_ {
        let mut value = 0u32;
        self.postings[term_index].iter().map(move |delta| {
            value += delta;
            ((value >> 2) as usize, SearchField::from_bits(value))
        })
    }
}

impl Bundle {
    /// The company with this id.
    pub fn company(&self, id: &str) -> Option<&Company> {
        self.companies.iter().find(|c| c.id == id)
    }

    /// The conference with this id.
    pub fn conference(&self, id: &str) -> Option<&Conference> {
        self.conferences.iter().find(|c| c.id == id)
    }

    /// The track with this id.
    pub fn track(&self, id: &str) -> Option<&Track> {
        self.tracks.iter().find(|t| t.id == id)
    }

    /// The speaker with this id.
    pub fn speaker(&self, id: &str) -> Option<&Speaker> {
        self.speakers.iter().find(|s| s.id == id)
    }

    /// The day with this id, with the conference it belongs to.
    pub fn day(&self, id: &str) -> Option<(&Conference, &Day)> {
        self.conferences
            .iter()
            .find_map(|c| c.days.iter().find(|d| d.id == id).map(|d| (c, d)))
    }

    /// The talk with this id.
    pub fn talk(&self, id: &str) -> Option<&Talk> {
        self.talks.iter().find(|t| t.id == id)
    }

    /// The talks the speaker with this id presented, in bundle order.
    pub fn talks_by<'a>(&'a self, speaker_id: &'a str) -> impl Iterator<Item = &'a Talk> + 'a {
        self.talks
            .iter()
            .filter(move |talk| talk.speakers.iter().any(|s| s.id == speaker_id))
    }

    /// The recap that `notes` (notes on `talk`) come from.
    pub fn recap_of(&self, talk: &Talk, notes: &TalkNotes) -> Option<&RecapSource> {
        self.conference(&talk.conference)?
            .sources
            .get(notes.recap as usize)
    }

    /// Where `talk` is first described: its first recap's file and the line it starts at.
    pub fn source_of(&self, talk: &Talk) -> Option<(&str, u32)> {
        let notes = talk.notes.first()?;
        let recap = self.recap_of(talk, notes)?;
        Some((recap.file.as_str(), notes.line))
    }
}

impl Talk {
    /// Whether any recap wrote notes on the talk (inline, or in a chunk).
    pub fn has_notes(&self) -> bool {
        self.notes_chunk.is_some() || self.notes.iter().any(|notes| !notes.html.trim().is_empty())
    }

    /// What to call the talk on a card: its title, or its speakers when the recap gives none.
    pub fn display_title(&self) -> String {
        match &self.title {
            Some(title) => title.clone(),
            None => {
                let names: Vec<&str> = self.speakers.iter().map(|s| s.name.as_str()).collect();
                if names.is_empty() {
                    "Untitled talk".to_owned()
                } else {
                    names.join(", ")
                }
            }
        }
    }
}

/// Why a bundle could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BundleError {
    /// Written by a newer or older compiler than this reader understands.
    UnsupportedVersion { found: u32 },
}

impl std::fmt::Display for BundleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BundleError::UnsupportedVersion { found } => write!(
                f,
                "the bundle has schema_version {found}, but this viewer reads version {SCHEMA_VERSION}; rebuild it with the matching `recap` compiler"
            ),
        }
    }
}

impl std::error::Error for BundleError {}

impl Bundle {
    /// Checks that this bundle is in the format this crate understands.
    pub fn check_version(&self) -> Result<(), BundleError> {
        if self.schema_version == SCHEMA_VERSION {
            Ok(())
        } else {
            Err(BundleError::UnsupportedVersion {
                found: self.schema_version,
            })
        }
    }
}
