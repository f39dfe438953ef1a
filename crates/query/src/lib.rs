//! What a reader asks of a bundle: which talks match the active filters and search, in which
//! order, and how many talks each filter option would give.
//!
//! This is pure Rust over [`recap_bundle`] types, with no DOM, so it is tested natively. The app
//! only renders what these functions compute. Filter state round-trips through the URL query
//! ([`Filters::from_query`] / [`Filters::to_query`]), which is the single source of truth in the
//! browser.
//!
//! * [`text`] folds text for search (the compiler indexes with the same function);
//! * [`search`] answers queries from the prebuilt index, [`highlight`] marks matches,
//!   [`html_text`] reads the text out of notes HTML (indexed, and excerpted on cards);
//! * [`filters`] is the facet state, [`index`] the bundle prepared for fast filtering and
//!   sorting, [`sort`] the orders;
//! * [`selection`] puts them together: one [`Selection`] per change of the filters.

pub mod facets;
pub mod filters;
pub mod highlight;
pub mod html_text;
pub mod index;
pub mod index_builder;
pub mod search;
pub mod selection;
pub mod sort;
pub mod text;

pub use facets::FacetOption;
pub use filters::{ActiveFilter, Facet, Filters};
pub use highlight::{Segment, excerpt, has_match, highlight};
pub use index::{BundleIndex, OptionInfo};
pub use index_builder::PostingsBuilder;
pub use search::{SearchHits, SearchQuery, build_index, search};
pub use selection::Selection;
pub use sort::SortOrder;
