//! What a reader asks of a bundle: which talks match the active filters, and how many talks each
//! filter option would give.
//!
//! This is pure Rust over [`recap_bundle`] types, with no DOM, so it is tested natively. The app
//! only renders what these functions compute. Filter state round-trips through the URL query
//! ([`Filters::from_query`] / [`Filters::to_query`]), which is the single source of truth in the
//! browser.

mod facets;
mod filters;

pub use facets::{FacetOption, facet_options};
pub use filters::{Facet, Filters};
use recap_bundle::{Bundle, Talk};

/// The talks that match `filters`, in bundle order.
pub fn matching_talks<'b>(bundle: &'b Bundle, filters: &Filters) -> Vec<&'b Talk> {
    bundle.talks.iter().filter(|talk| filters.matches(talk)).collect()
}
