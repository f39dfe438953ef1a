//! Where the bundle comes from and how it is loaded: the mount element's `data-bundle`
//! attribute, an HTTP fetch with `gloo-net`, and the checks that turn a response into a
//! [`Bundle`] or a [`LoadError`] a reader can understand.
//!
//! The bundle URL is only ever read from the mount element (never from the page's query string):
//! the bundle's notes are inserted as HTML, so whoever controls the URL controls the page.

use std::fmt;

use js_sys::Uint8Array;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use recap_bundle::{Bundle, BundleError};
use serde::Deserialize;

/// The bundle URL used when the mount element has no `data-bundle` attribute.
pub const DEFAULT_BUNDLE_URL: &str = "bundle.json";

/// What the viewer shows: a bundle to fetch, or one already at hand (tests, embedding).
#[derive(Debug, Clone, PartialEq)]
pub enum BundleSource {
    /// Fetch the bundle from this URL (relative URLs resolve against the page).
    Url(String),
    /// Parse this JSON text as a bundle.
    Json(String),
    /// Use this bundle as is (its version is still checked).
    Loaded(Bundle),
}

/// Why the viewer could not show a bundle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// The request failed before any response (offline, blocked, DNS…).
    Network { url: String, message: String },
    /// The server answered with an error status, e.g. 404.
    Http {
        url: String,
        status: u16,
        status_text: String,
    },
    /// The response is not JSON, or not a bundle.
    Invalid { message: String },
    /// The bundle was written for another version of the viewer.
    Unsupported(BundleError),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Network { url, message } => {
                write!(
                    f,
                    "The recaps could not be downloaded from {url}: {message}"
                )
            }
            LoadError::Http {
                url,
                status,
                status_text,
            } => {
                write!(f, "The server answered {status} {status_text} for {url}")
            }
            LoadError::Invalid { message } => {
                write!(f, "The recap bundle is not valid: {message}")
            }
            LoadError::Unsupported(error) => {
                let message = error.to_string();
                let mut chars = message.chars();
                match chars.next() {
                    Some(first) => write!(f, "{}{}", first.to_uppercase(), chars.as_str()),
                    None => Ok(()),
                }
            }
        }
    }
}

impl LoadError {
    /// A short headline for the error state.
    pub fn title(&self) -> &'static str {
        match self {
            LoadError::Network { .. } | LoadError::Http { .. } => "The recaps could not be loaded",
            LoadError::Invalid { .. } => "The recap bundle is broken",
            LoadError::Unsupported(_) => "The recap bundle is not supported",
        }
    }
}

/// Just enough of a bundle to check its version before reading the rest, so that a bundle from
/// another format version is reported as such rather than as a parse error.
#[derive(Deserialize)]
struct VersionProbe {
    schema_version: u32,
}

/// Parses bundle JSON. A bundle of another format version is reported as such rather than as
/// whatever part of it this version cannot read.
pub fn parse_bundle(text: &str) -> Result<Bundle, LoadError> {
    parse_bundle_bytes(text.as_bytes())
}

/// [`parse_bundle`] from the bytes of a response, which skips turning 10 MB into a JS string
/// and back.
pub fn parse_bundle_bytes(bytes: &[u8]) -> Result<Bundle, LoadError> {
    match serde_json::from_slice::<Bundle>(bytes) {
        Ok(bundle) => check_bundle(bundle),
        Err(error) => {
            // Only when the bundle cannot be read: is it another version? (One parse on the
            // happy path; at 10,000 talks each one costs tens of milliseconds.)
            if let Ok(probe) = serde_json::from_slice::<VersionProbe>(bytes) {
                Bundle {
                    schema_version: probe.schema_version,
                    ..Bundle::default()
                }
                .check_version()
                .map_err(LoadError::Unsupported)?;
            }
            Err(LoadError::Invalid {
                message: error.to_string(),
            })
        }
    }
}

/// Checks a bundle obtained some other way.
pub fn check_bundle(bundle: Bundle) -> Result<Bundle, LoadError> {
    bundle.check_version().map_err(LoadError::Unsupported)?;
    Ok(bundle)
}

/// Resolves `url` against the page's base URL, for fetching and for error messages.
pub fn resolve_url(url: &str) -> String {
    let base = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.base_uri().ok().flatten());
    match base {
        Some(base) => web_sys::Url::new_with_base(url, &base)
            .map(|u| u.href())
            .unwrap_or_else(|_| url.to_owned()),
        None => url.to_owned(),
    }
}

/// Fetches and parses the bundle at `url`; with it, its absolute URL, which the files of a
/// split bundle are relative to.
pub async fn fetch_bundle(url: &str) -> Result<(Bundle, String), LoadError> {
    let url = resolve_url(url);
    let bytes = fetch_bytes(&url).await?;
    let bundle = parse_bundle_bytes(&bytes)?;
    crate::app::performance_mark("recap:bundle-parsed");
    Ok((bundle, url))
}

/// Fetches `file` of a split bundle (a path from its `files`), relative to the bundle's URL, and
/// parses it as JSON.
pub async fn fetch_bundle_file<T: serde::de::DeserializeOwned>(
    bundle_url: &str,
    file: &str,
) -> Result<T, LoadError> {
    let url = web_sys::Url::new_with_base(file, bundle_url)
        .map(|url| url.href())
        .unwrap_or_else(|_| file.to_owned());
    let bytes = fetch_bytes(&url).await?;
    serde_json::from_slice(&bytes).map_err(|error| LoadError::Invalid {
        message: format!("{url}: {error}"),
    })
}

/// Fetches the body at the absolute `url`, with errors a reader can act on.
async fn fetch_bytes(url: &str) -> Result<Vec<u8>, LoadError> {
    let response = gloo_net::http::Request::get(url)
        .send()
        .await
        .map_err(|error| LoadError::Network {
            url: url.to_owned(),
            message: error.to_string(),
        })?;
    if !response.ok() {
        return Err(LoadError::Http {
            url: url.to_owned(),
            status: response.status(),
            status_text: response.status_text(),
        });
    }
    read_body(&response)
        .await
        .map_err(|error| LoadError::Network {
            url: url.to_owned(),
            message: js_error_message(&error),
        })
}

/// Reads a response's body into one buffer chunk by chunk, as it downloads: a 10 MB bundle is
/// copied into the app's memory while the rest is still on its way, rather than in one long
/// task once all of it has arrived.
async fn read_body(response: &gloo_net::http::Response) -> Result<Vec<u8>, JsValue> {
    let Some(body) = response.body() else {
        return Ok(Vec::new());
    };
    // A hint only: a compressed response is larger once decoded.
    let expected = response
        .headers()
        .get("content-length")
        .and_then(|length| length.parse::<usize>().ok())
        .unwrap_or(0);
    let mut bytes = Vec::with_capacity(expected);
    let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    loop {
        let read: web_sys::ReadableStreamReadResult =
            JsFuture::from(reader.read()).await?.unchecked_into();
        if read.get_done().unwrap_or(true) {
            return Ok(bytes);
        }
        let chunk: Uint8Array = read.get_value().unchecked_into();
        let start = bytes.len();
        bytes.resize(start + chunk.length() as usize, 0);
        chunk.copy_to(&mut bytes[start..]);
    }
}

/// The message of a JavaScript error (a `TypeError` when the connection drops mid-body).
fn js_error_message(error: &JsValue) -> String {
    match error.dyn_ref::<js_sys::Error>() {
        Some(error) => String::from(error.message()),
        None => error
            .as_string()
            .unwrap_or_else(|| "the download was interrupted".to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use recap_bundle::SCHEMA_VERSION;

    use super::*;

    #[test]
    fn rejects_other_versions_before_parsing_the_rest() {
        let error = parse_bundle(r#"{"schema_version": 99, "talks": "new format"}"#).unwrap_err();
        assert_eq!(
            error,
            LoadError::Unsupported(BundleError::UnsupportedVersion { found: 99 })
        );
        assert!(
            error
                .to_string()
                .starts_with("The bundle has schema_version 99")
        );
    }

    #[test]
    fn reports_invalid_json() {
        assert!(matches!(
            parse_bundle("<html>"),
            Err(LoadError::Invalid { .. })
        ));
        assert!(matches!(
            parse_bundle(&format!(r#"{{"schema_version": {SCHEMA_VERSION}}}"#)),
            Err(LoadError::Invalid { .. })
        ));
    }

    #[test]
    fn parses_an_empty_bundle() {
        let text = format!(
            r#"{{"schema_version":{SCHEMA_VERSION},"conferences":[],"talks":[],"tracks":[],"speakers":[],"companies":[],"search":{{"terms":[],"postings":[]}}}}"#
        );
        assert_eq!(parse_bundle(&text).unwrap().talks.len(), 0);
    }
}
