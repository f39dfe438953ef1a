//! **Recap Viewer**: browse compiled conference recaps as talk cards filterable by track, day
//! and speaker. A Leptos client-side-rendered app.
//!
//! * [`start`] is what `main` runs: it mounts into `#recap-viewer` (or `<body>`) and fetches the
//!   bundle named by that element's `data-bundle` attribute.
//! * [`mount`] mounts a viewer into any element with any [`BundleSource`] (embedding, tests).
//!
//! Modules follow what the reader sees: [`app`] (page, loading and error states), [`filters`]
//! (the facet sidebar), [`cards`] (talk cards); [`url_state`] holds the reactive filter state and
//! its URL mirror, [`bundle_source`] the loading of the bundle.

pub mod app;
pub mod bundle_source;
pub mod cards;
pub mod filters;
pub mod url_state;

use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::tachys::view::Mountable;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

pub use app::RecapViewer;
pub use bundle_source::{BundleSource, DEFAULT_BUNDLE_URL, LoadError};

/// The id of the element the app mounts into.
pub const MOUNT_ID: &str = "recap-viewer";
/// The attribute of the mount element naming the bundle URL.
pub const BUNDLE_ATTRIBUTE: &str = "data-bundle";

/// Mounts a viewer showing `source` into `parent`. Dropping the handle unmounts it; call
/// `.forget()` on it to keep the viewer for the page's lifetime.
pub fn mount(
    parent: HtmlElement,
    source: BundleSource,
) -> leptos::mount::UnmountHandle<impl Mountable> {
    mount_to(parent, move || view! { <RecapViewer source /> })
}

/// Mounts a viewer into `parent`, fetching the bundle from `bundle_url` (relative URLs resolve
/// against the page), for the page's lifetime.
pub fn mount_url(parent: HtmlElement, bundle_url: &str) {
    mount(parent, BundleSource::Url(bundle_url.to_owned())).forget();
}

/// The app's entry point: mounts into `#recap-viewer` (falling back to `<body>`) and loads the
/// bundle named by its `data-bundle` attribute (default [`DEFAULT_BUNDLE_URL`]).
pub fn start() {
    console_error_panic_hook::set_once();
    let document = web_sys::window()
        .and_then(|window| window.document())
        .expect("a browser document");
    let element = document.get_element_by_id(MOUNT_ID);
    let bundle_url = element
        .as_ref()
        .and_then(|element| element.get_attribute(BUNDLE_ATTRIBUTE))
        .map(|url| url.trim().to_owned())
        .filter(|url| !url.is_empty())
        .unwrap_or_else(|| DEFAULT_BUNDLE_URL.to_owned());
    let parent = match element.and_then(|element| element.dyn_into::<HtmlElement>().ok()) {
        Some(element) => {
            // Replace the page's static placeholder (shown while the wasm loads).
            element.set_inner_html("");
            element
        }
        None => document.body().expect("a mount element or <body>"),
    };
    mount_url(parent, &bundle_url);
}
