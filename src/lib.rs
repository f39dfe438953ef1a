//! **Recap Viewer**: browse compiled conference recaps as talk cards filterable by track, day
//! and speaker. A Leptos client-side-rendered app.
//!
//! * [`start`] is what `main` runs: it mounts into `#recap-viewer` (or `<body>`) and fetches the
//!   bundle named by that element's `data-bundle` attribute.
//! * [`mount`] mounts a viewer into any element with any [`BundleSource`] (embedding, tests).
//!
//! Modules follow what the reader sees: [`app`] (page, loading and error states, result bar),
//! [`search_box`], [`filters`] (the facet sidebar), [`chips`] (active filters and the empty
//! state), [`cards`] (talk cards), [`talk_view`], [`overview`] (speaker and conference headers),
//! [`favourites`] (stars and their export) and [`theme`]; [`url_state`] holds the reader's place
//! and its URL mirror, [`bundle_source`] the loading of the bundle, [`bundle_parts`] its search index and notes, which
//! arrive after the cards.

pub mod app;
pub mod bundle_parts;
pub mod bundle_source;
pub mod card_html;
pub mod cards;
pub mod chips;
pub mod embed;
pub mod favourites;
pub mod filters;
pub mod markup;
pub mod overview;
pub mod search_box;
pub mod talk_view;
pub mod theme;
pub mod url_state;

use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::tachys::view::Mountable;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

pub use app::RecapViewer;
pub use bundle_source::{BundleSource, DEFAULT_BUNDLE_URL, LoadError};
pub use embed::EmbedOptions;

/// The id of the element the app mounts into.
pub const MOUNT_ID: &str = "recap-viewer";
/// The attribute of the mount element naming the bundle URL.
pub const BUNDLE_ATTRIBUTE: &str = "data-bundle";

/// Mounts a viewer showing `source` into `parent`, as the page's app (filters in the URL).
/// Dropping the handle unmounts it; call `.forget()` on it to keep the viewer for the page's
/// lifetime.
pub fn mount(
    parent: HtmlElement,
    source: BundleSource,
) -> leptos::mount::UnmountHandle<impl Mountable> {
    mount_with(parent, source, EmbedOptions::page())
}

/// Mounts a viewer showing `source` into `parent`, embedded as `options` say.
pub fn mount_with(
    parent: HtmlElement,
    source: BundleSource,
    options: EmbedOptions,
) -> leptos::mount::UnmountHandle<impl Mountable> {
    mount_to(parent, move || view! { <RecapViewer source options /> })
}

/// Mounts a viewer for the `<recap-viewer>` custom element (called by the generated
/// `embed.js`): into `parent` (inside the element's shadow root), loading `bundle_url`, with
/// filters preset from `preset_query` (`track=a&day=b`), an optional fixed `theme`, and events
/// dispatched on `host` (the element). Lives as long as the page.
#[wasm_bindgen::prelude::wasm_bindgen(js_name = mountElement)]
pub fn mount_element(
    parent: HtmlElement,
    bundle_url: String,
    preset_query: String,
    theme: Option<String>,
    host: HtmlElement,
) {
    console_error_panic_hook::set_once();
    let options = EmbedOptions {
        chromeless: true,
        url_state: false,
        preset_query,
        theme: theme.filter(|theme| !theme.is_empty()),
        events: Some(host),
    };
    mount_with(parent, BundleSource::Url(bundle_url), options).forget();
}

/// Mounts a viewer into `parent`, fetching the bundle from `bundle_url` (relative URLs resolve
/// against the page), for the page's lifetime.
pub fn mount_url(parent: HtmlElement, bundle_url: &str) {
    mount(parent, BundleSource::Url(bundle_url.to_owned())).forget();
}

/// The app's entry point: mounts into `#recap-viewer` and loads the bundle named by its
/// `data-bundle` attribute (default [`DEFAULT_BUNDLE_URL`]). Pages without that element (a
/// portal using the `<recap-viewer>` custom element) get nothing mounted here.
/// With `?embed=1` (an iframe), the header is left out and the height reported to the parent.
pub fn start() {
    console_error_panic_hook::set_once();
    let document = web_sys::window()
        .and_then(|window| window.document())
        .expect("a browser document");
    let Some(element) = document.get_element_by_id(MOUNT_ID) else {
        return;
    };
    let element = Some(element);
    let bundle_url = element
        .as_ref()
        .and_then(|element| element.get_attribute(BUNDLE_ATTRIBUTE))
        .map(|url| url.trim().to_owned())
        .filter(|url| !url.is_empty())
        .unwrap_or_else(|| DEFAULT_BUNDLE_URL.to_owned());
    let Some(parent) = element.and_then(|element| element.dyn_into::<HtmlElement>().ok()) else {
        return;
    };
    // Replace the page's static placeholder (shown while the wasm loads).
    parent.set_inner_html("");
    let mut options = EmbedOptions::page();
    if embed::iframe_mode_requested() {
        options.chromeless = true;
        embed::report_height_to_parent();
    }
    mount_with(parent, BundleSource::Url(bundle_url), options).forget();
}
