//! The orders a reader can list talks in, and their URL form (`sort=title`).

/// How the talk list is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortOrder {
    /// Best search matches first (title matches before notes), then conference order. The
    /// default while searching.
    Relevance,
    /// Conference order, then the order the recaps tell the talks in. The default otherwise.
    #[default]
    Conference,
    /// By title, A to Z (talks without a title by their speakers).
    Title,
    /// By first speaker's name, A to Z.
    Speaker,
}

impl SortOrder {
    /// Every order, in the order the sort menu lists them.
    pub const ALL: [SortOrder; 4] = [
        SortOrder::Relevance,
        SortOrder::Conference,
        SortOrder::Title,
        SortOrder::Speaker,
    ];

    /// The URL value (`sort=…`).
    pub fn query_value(self) -> &'static str {
        match self {
            SortOrder::Relevance => "relevance",
            SortOrder::Conference => "conference",
            SortOrder::Title => "title",
            SortOrder::Speaker => "speaker",
        }
    }

    /// What the sort menu says.
    pub fn label(self) -> &'static str {
        match self {
            SortOrder::Relevance => "Best match",
            SortOrder::Conference => "Conference order",
            SortOrder::Title => "Title",
            SortOrder::Speaker => "Speaker",
        }
    }

    /// Parses a URL value; unknown values give `None`.
    pub fn from_query_value(value: &str) -> Option<SortOrder> {
        SortOrder::ALL
            .into_iter()
            .find(|order| order.query_value() == value)
    }

    /// The order used when the reader chose none: relevance while searching, else conference.
    pub fn default_for(searching: bool) -> SortOrder {
        if searching {
            SortOrder::Relevance
        } else {
            SortOrder::Conference
        }
    }
}
