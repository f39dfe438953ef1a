//! Light and dark themes: the page follows the system's `prefers-color-scheme` until the reader
//! picks one with the toggle, which is then remembered in `localStorage`.

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;

/// The `localStorage` key holding the reader's choice (`"light"` or `"dark"`).
pub const STORAGE_KEY: &str = "recap-viewer.theme";

/// A colour theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

impl Theme {
    /// The value of the viewer's `data-theme` attribute.
    pub fn name(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    fn from_name(name: &str) -> Option<Theme> {
        match name {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }

    fn other(self) -> Theme {
        match self {
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::Light,
        }
    }
}

/// The current theme (shared by the page).
#[derive(Debug, Clone, Copy)]
pub struct ThemeState {
    theme: RwSignal<Theme>,
}

impl ThemeState {
    /// Starts from `preset` (e.g. an embedding page's choice), else the stored choice, else the
    /// system preference, which is then followed live. Call inside a component.
    pub fn new(preset: Option<&str>) -> ThemeState {
        let chosen = preset.and_then(Theme::from_name).or_else(|| {
            LocalStorage::get::<String>(STORAGE_KEY)
                .ok()
                .and_then(|name| Theme::from_name(&name))
        });
        let media = web_sys::window().and_then(|window| {
            window
                .match_media("(prefers-color-scheme: dark)")
                .ok()
                .flatten()
        });
        let system = || {
            if media.as_ref().is_some_and(web_sys::MediaQueryList::matches) {
                Theme::Dark
            } else {
                Theme::Light
            }
        };
        let state = ThemeState {
            theme: RwSignal::new(chosen.unwrap_or_else(system)),
        };
        if chosen.is_none()
            && let Some(media) = media.clone()
        {
            let closure =
                wasm_bindgen::closure::Closure::<dyn Fn(web_sys::MediaQueryListEvent)>::new(
                    move |event: web_sys::MediaQueryListEvent| {
                        // Follow the system only until the reader picks a theme.
                        if LocalStorage::get::<String>(STORAGE_KEY).is_err() {
                            let _ = state.theme.try_set(if event.matches() {
                                Theme::Dark
                            } else {
                                Theme::Light
                            });
                        }
                    },
                );
            use wasm_bindgen::JsCast;
            let _ =
                media.add_event_listener_with_callback("change", closure.as_ref().unchecked_ref());
            closure.forget();
        }
        state
    }

    /// The current theme (reactive).
    pub fn get(&self) -> Theme {
        self.theme.get()
    }

    /// Switches to the other theme and remembers the choice.
    pub fn toggle(&self) {
        let next = self.theme.get_untracked().other();
        self.theme.set(next);
        let _ = LocalStorage::set(STORAGE_KEY, next.name());
    }
}

/// The theme toggle button.
#[component]
pub fn ThemeToggle(theme: ThemeState) -> impl IntoView {
    let dark = move || theme.get() == Theme::Dark;
    view! {
        <button
            type="button"
            class="icon-button theme-toggle"
            data-testid="theme-toggle"
            aria-pressed=move || dark().to_string()
            title=move || if dark() { "Switch to the light theme" } else { "Switch to the dark theme" }
            on:click=move |_| theme.toggle()
        >
            <span aria-hidden="true">{move || if dark() { "☀" } else { "☾" }}</span>
            <span class="visually-hidden">"Dark theme"</span>
        </button>
    }
}
