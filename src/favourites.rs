//! Starred talks: the reader's favourites, kept in the browser's `localStorage` (through
//! `gloo-storage`) so they survive reloads, shared live between tabs, and exportable as a
//! Markdown list.

use std::collections::BTreeSet;

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;
use recap_bundle::Bundle;

/// The `localStorage` key holding the starred talk ids (a JSON array).
pub const STORAGE_KEY: &str = "recap-viewer.starred";

/// The starred talk ids (shared by every part of the page).
#[derive(Debug, Clone, Copy)]
pub struct Favourites {
    ids: RwSignal<BTreeSet<String>>,
}

impl Favourites {
    /// Loads the stars and follows changes made in other tabs. Call inside a component.
    pub fn load() -> Favourites {
        let favourites = Favourites {
            ids: RwSignal::new(read_stored()),
        };
        let listener = window_event_listener(leptos::ev::storage, move |event| {
            if event.key().as_deref() == Some(STORAGE_KEY) {
                favourites.ids.set(read_stored());
            }
        });
        on_cleanup(move || listener.remove());
        favourites
    }

    /// The starred ids (reactive).
    pub fn ids(&self) -> Signal<BTreeSet<String>> {
        self.ids.into()
    }

    /// Whether the talk is starred (reactive).
    pub fn is_starred(&self, id: &str) -> bool {
        self.ids.with(|ids| ids.contains(id))
    }

    /// Stars or unstars a talk and stores the change.
    pub fn toggle(&self, id: &str) {
        self.ids.update(|ids| {
            if !ids.remove(id) {
                ids.insert(id.to_owned());
            }
        });
        self.ids.with_untracked(|ids| {
            // Private browsing or a full quota: the star still works for this visit.
            let _ = LocalStorage::set(STORAGE_KEY, ids);
        });
    }
}

fn read_stored() -> BTreeSet<String> {
    LocalStorage::get(STORAGE_KEY).unwrap_or_default()
}

/// The starred talks as a Markdown list, grouped by conference, in archive order.
pub fn starred_markdown(bundle: &Bundle, starred: &BTreeSet<String>) -> String {
    let mut out = String::from("# Starred talks\n");
    for conference in &bundle.conferences {
        let talks: Vec<_> = bundle
            .talks
            .iter()
            .filter(|talk| talk.conference == conference.id && starred.contains(&talk.id))
            .collect();
        if talks.is_empty() {
            continue;
        }
        out.push_str(&format!("\n## {}\n\n", escape(&conference.name)));
        for talk in talks {
            let title = escape(&talk.display_title());
            let link = talk.links.first().map(|link| link.url.as_str());
            match link {
                Some(url) => out.push_str(&format!("- [{title}](<{url}>)")),
                None => out.push_str(&format!("- {title}")),
            }
            let speakers: Vec<String> = talk
                .speakers
                .iter()
                .map(|speaker| match &speaker.company {
                    Some(company) => format!("{} ({})", speaker.name, company),
                    None => speaker.name.clone(),
                })
                .collect();
            if talk.title.is_some() && !speakers.is_empty() {
                out.push_str(&format!(" — {}", escape(&speakers.join(", "))));
            }
            let day = talk.day.as_deref().and_then(|id| bundle.day(id));
            if let Some((_, day)) = day {
                out.push_str(&format!(" · {}", escape(&day.label)));
            }
            let tracks: Vec<&str> = talk
                .tracks
                .iter()
                .filter_map(|id| bundle.track(id).map(|track| track.label.as_str()))
                .collect();
            if !tracks.is_empty() {
                out.push_str(&format!(" · {}", escape(&tracks.join(", "))));
            }
            out.push('\n');
        }
    }
    out
}

/// Escapes the characters that would turn plain text into Markdown markup.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '[' | ']' | '*' | '_' | '`' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Offers `text` as a file download named `file_name`.
pub fn download(file_name: &str, mime: &str, text: &str) -> Result<(), wasm_bindgen::JsValue> {
    use wasm_bindgen::JsCast;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window()
        .and_then(|window| window.document())
        .ok_or("no document")?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    web_sys::Url::revoke_object_url(&url)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_titles_is_escaped() {
        assert_eq!(escape("C# [beta] *fast*"), "C\\# \\[beta\\] \\*fast\\*");
    }
}
