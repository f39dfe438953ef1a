//! Embedding: how the viewer behaves inside a team portal.
//!
//! * **iframe** (`…/?embed=1`): no page header, and the page reports its height to the parent
//!   window with `postMessage` to an exact origin — the `origin` query parameter when given
//!   (`?embed=1&origin=https://portal.example`), else the origin of the embedding page
//!   (`document.referrer`); never `*`. The message is
//!   `{ type: "recap-viewer:height", height: <CSS pixels> }`.
//! * **custom element** (`<recap-viewer bundle="…" track="…">`, defined by the generated
//!   `embed.js`): each element gets its own viewer in its shadow root, with filters preset from
//!   its attributes, kept in memory (not in the page URL, so several elements work side by side),
//!   and DOM events ([`EVENT_FILTERS`], [`EVENT_TALK_OPEN`], [`EVENT_TALK_CLOSE`]) dispatched on
//!   the element.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement, UrlSearchParams};

/// The `postMessage` type of height reports.
pub const HEIGHT_MESSAGE: &str = "recap-viewer:height";
/// Fired on the element when the reader changes a filter or the search; `detail.query` is the
/// filters as a URL query (`track=security&q=rust`).
pub const EVENT_FILTERS: &str = "recap-viewer:filters-change";
/// Fired on the element when a talk view opens; `detail.id` is the talk's id.
pub const EVENT_TALK_OPEN: &str = "recap-viewer:talk-open";
/// Fired on the element when the talk view closes.
pub const EVENT_TALK_CLOSE: &str = "recap-viewer:talk-close";

/// How a viewer is mounted.
#[derive(Debug, Clone, Default)]
pub struct EmbedOptions {
    /// No page chrome (the header with the archive's title).
    pub chromeless: bool,
    /// Keep the filters in the page URL (the normal page and the iframe); `false` keeps them in
    /// memory, starting from [`EmbedOptions::preset_query`].
    pub url_state: bool,
    /// Filters to start from when not in the URL, as a query (`track=a&day=b`).
    pub preset_query: String,
    /// `light` or `dark` to fix the theme; otherwise the reader's choice or the system's.
    pub theme: Option<String>,
    /// The element DOM events are dispatched on.
    pub events: Option<HtmlElement>,
}

impl EmbedOptions {
    /// The options of the full page: URL state, header, no events.
    pub fn page() -> EmbedOptions {
        EmbedOptions {
            url_state: true,
            ..EmbedOptions::default()
        }
    }
}

/// Whether the page URL asks for iframe embed mode (`embed=1`).
pub fn iframe_mode_requested() -> bool {
    query_param("embed").is_some_and(|value| matches!(value.as_str(), "1" | "true" | "yes"))
}

fn query_param(key: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    UrlSearchParams::new_with_str(&search).ok()?.get(key)
}

/// The origin height reports go to: the `origin` parameter, else the embedding page's origin
/// from the referrer. `None` when neither is known (then nothing is posted).
fn parent_origin() -> Option<String> {
    let explicit = query_param("origin").filter(|origin| !origin.is_empty());
    let referrer = || {
        let referrer = web_sys::window()?.document()?.referrer();
        web_sys::Url::new(&referrer).ok().map(|url| url.origin())
    };
    explicit
        .or_else(referrer)
        .filter(|origin| origin.starts_with("https://") || origin.starts_with("http://"))
}

/// Reports the page's height to the parent window now and whenever it changes. Does nothing
/// outside an iframe or without a known parent origin.
pub fn report_height_to_parent() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if parent == window {
        return;
    }
    let Some(origin) = parent_origin() else {
        leptos::logging::warn!(
            "Recap Viewer: embedded without a known parent origin; add &origin=<portal origin> to the iframe URL to report its height"
        );
        return;
    };
    let Some(root) = window
        .document()
        .and_then(|document| document.document_element())
    else {
        return;
    };
    let last_height = std::cell::Cell::new(-1.0_f64);
    let report = move || {
        let height = f64::from(root.unchecked_ref::<HtmlElement>().offset_height());
        if (height - last_height.get()).abs() >= 1.0 {
            last_height.set(height);
            let message = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into());
            let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
            let _ = parent.post_message(&message, &origin);
        }
    };
    let observed = window.document().and_then(|document| document.body());
    let callback = Closure::<dyn Fn()>::new(report);
    if let (Some(body), Ok(observer)) = (
        observed,
        web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()),
    ) {
        observer.observe(&body);
    }
    // The observer lives as long as the page.
    callback.forget();
}

/// Dispatches a bubbling, composed `CustomEvent` named `name` on `target`.
pub fn dispatch(target: &HtmlElement, name: &str, detail: &JsValue) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = target.dispatch_event(&event);
    }
}

/// A plain JS object from string pairs (event details).
pub fn detail(pairs: &[(&str, &str)]) -> JsValue {
    let object = js_sys::Object::new();
    for (key, value) in pairs {
        let _ = js_sys::Reflect::set(&object, &(*key).into(), &(*value).into());
    }
    object.into()
}
