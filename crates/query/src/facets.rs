//! What the app renders for one facet option: its id, label, group and live count (computed by
//! [`crate::Selection`]).

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
