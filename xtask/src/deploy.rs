//! What a host needs besides the files: the Content Security Policy and the cache headers of a
//! built site, written as a `_headers` file (Netlify, Cloudflare Pages) and printed by
//! `cargo xtask dist` for every other host (docs/DEPLOY.md).
//!
//! The policy is strict: `default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-…'`.
//! Trunk starts the app with one inline module script in `index.html` (it imports the
//! wasm-bindgen JS and instantiates the wasm); its hash is computed here from the built
//! `index.html`, so the policy allows exactly that script and no other inline code.
//! `'wasm-unsafe-eval'` allows compiling WebAssembly and nothing else; styles, the bundle, the
//! manifest, the icons and the service worker all come from the site itself (`default-src`).
//!
//! Cache headers: files with a content hash in their name (Trunk's `name-<hash>.js` etc.) change
//! name when they change, so they are `immutable` for a year; every other file (`index.html`,
//! `bundle.json`, `sw.js`, the manifest, the icons) is revalidated on every use (`no-cache`).

use std::fs;
use std::path::Path;

use anyhow::{Context, Result, bail};

use crate::offline;

/// The host configuration file written into the site.
pub const HEADERS_FILE: &str = "_headers";
/// Cache-Control of files whose name changes with their content.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Cache-Control of files whose name stays the same across deploys.
pub const REVALIDATE: &str = "no-cache";

/// The site's recommended headers.
pub struct Headers {
    pub content_security_policy: String,
    /// Site files (relative names) and their Cache-Control.
    pub cache_control: Vec<(String, &'static str)>,
}

/// Computes the headers of the site in `site`, writes them to `site/_headers` and prints them.
pub fn write_headers(site: &Path) -> Result<Headers> {
    let headers = headers(site)?;
    let path = site.join(HEADERS_FILE);
    fs::write(&path, headers_file(&headers))
        .with_context(|| format!("writing {}", path.display()))?;
    let names = |wanted: &str| {
        headers
            .cache_control
            .iter()
            .filter(|(_, value)| *value == wanted)
            .map(|(name, _)| format!("/{name}"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    println!(
        "\nRecommended response headers (written to {}; see docs/DEPLOY.md):\n\
         \x20 Content-Security-Policy: {}\n\
         \x20 Cache-Control: {IMMUTABLE}\n      for {}\n\
         \x20 Cache-Control: {REVALIDATE}\n      for {}",
        path.display(),
        headers.content_security_policy,
        names(IMMUTABLE),
        names(REVALIDATE),
    );
    Ok(headers)
}

pub fn headers(site: &Path) -> Result<Headers> {
    let index_path = site.join("index.html");
    let index = fs::read_to_string(&index_path)
        .with_context(|| format!("reading {}", index_path.display()))?;
    let hashes = inline_script_hashes(&index);
    if hashes.is_empty() {
        bail!(
            "{} has no inline script; expected Trunk's loader",
            index_path.display()
        );
    }
    if has_inline_styles(&index) {
        bail!(
            "{} has inline styles, which the Content Security Policy blocks; use a stylesheet",
            index_path.display()
        );
    }
    let content_security_policy = content_security_policy(&hashes);

    let mut cache_control = vec![("".to_owned(), REVALIDATE)];
    for (name, _) in offline::site_files(site)? {
        let value = if is_content_hashed(&name) {
            IMMUTABLE
        } else {
            REVALIDATE
        };
        cache_control.push((name, value));
    }
    cache_control.push((offline::WORKER_FILE.to_owned(), REVALIDATE));
    Ok(Headers {
        content_security_policy,
        cache_control,
    })
}

/// The policy allowing the site's own files, WebAssembly and exactly these inline scripts.
pub fn content_security_policy(script_hashes: &[String]) -> String {
    let hashes: Vec<String> = script_hashes
        .iter()
        .map(|hash| format!("'{hash}'"))
        .collect();
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {}",
        hashes.join(" ")
    )
}

/// CSP hash sources (`sha256-…`) of the inline `<script>` elements of an HTML page, in order.
///
/// The hash covers the element's text exactly as the browser sees it: everything between the
/// start tag and `</script`, with line breaks normalized to `\n` as the HTML parser does.
pub fn inline_script_hashes(html: &str) -> Vec<String> {
    let lower = html.to_ascii_lowercase();
    let mut hashes = Vec::new();
    let mut at = 0;
    while let Some(start) = lower[at..].find("<script").map(|found| at + found) {
        let Some(tag_end) = lower[start..].find('>').map(|found| start + found) else {
            break;
        };
        let Some(end) = lower[tag_end..]
            .find("</script")
            .map(|found| tag_end + found)
        else {
            break;
        };
        let tag = &lower[start..tag_end];
        let is_external = tag
            .split(|c: char| c.is_ascii_whitespace())
            .any(|attribute| attribute.starts_with("src="));
        if !is_external {
            let text = html[tag_end + 1..end]
                .replace("\r\n", "\n")
                .replace('\r', "\n");
            hashes.push(offline::integrity(text.as_bytes()));
        }
        at = end;
    }
    hashes
}

/// Whether the page has `<style>` elements or `style="…"` attributes.
fn has_inline_styles(html: &str) -> bool {
    let lower = html.to_ascii_lowercase();
    lower.contains("<style") || lower.contains(" style=")
}

/// Whether a file name carries a content hash, as Trunk names its outputs:
/// `name-<hex>.ext` or `name-<hex>_bg.wasm` (at least 8 hex digits).
pub fn is_content_hashed(name: &str) -> bool {
    let file = name.rsplit('/').next().unwrap_or(name);
    let Some((stem, _extension)) = file.rsplit_once('.') else {
        return false;
    };
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    let Some((_, hash)) = stem.rsplit_once('-') else {
        return false;
    };
    (8..=64).contains(&hash.len()) && hash.bytes().all(|byte| byte.is_ascii_hexdigit())
}

/// The `_headers` file: the policy for every path, then each file's Cache-Control.
fn headers_file(headers: &Headers) -> String {
    let mut out = String::from(
        "# Response headers for Netlify and Cloudflare Pages, written by `cargo xtask dist`\n\
         # (docs/DEPLOY.md). Paths are from the site root: if the site lives under a sub-path,\n\
         # put that path in front of each one.\n\
         /*\n",
    );
    out.push_str(&format!(
        "  Content-Security-Policy: {}\n",
        headers.content_security_policy
    ));
    out.push_str("  X-Content-Type-Options: nosniff\n");
    out.push_str("  Referrer-Policy: strict-origin-when-cross-origin\n");
    for (comment, wanted) in [
        (
            "# A content hash in the name: a changed file gets a new name.",
            IMMUTABLE,
        ),
        (
            "# The same name across deploys: revalidate on every use.",
            REVALIDATE,
        ),
    ] {
        out.push_str(&format!("\n{comment}\n"));
        for (name, value) in &headers.cache_control {
            if *value == wanted {
                out.push_str(&format!("/{name}\n  Cache-Control: {value}\n"));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_inline_scripts_only() {
        let html = "<head><script src=\"./a.js\"></script>\n<script type=\"module\">\nimport x from './x.js';\r\n</script><SCRIPT>b()</SCRIPT></head>";
        assert_eq!(
            inline_script_hashes(html),
            [
                offline::integrity(b"\nimport x from './x.js';\n"),
                offline::integrity(b"b()"),
            ]
        );
    }

    #[test]
    fn the_policy_names_each_hash() {
        assert_eq!(
            content_security_policy(&["sha256-abc=".to_owned()]),
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-abc='"
        );
    }

    #[test]
    fn recognises_trunks_content_hashed_names() {
        for name in [
            "recap-viewer-38ea18d1502f3931.js",
            "recap-viewer-38ea18d1502f3931_bg.wasm",
            "main-be6a4a03651a7988.css",
            "pwa-8ea18d1502f3931.js",
            "notes/day-1-0a1b2c3d4e5f.json",
        ] {
            assert!(is_content_hashed(name), "{name}");
        }
        for name in [
            "index.html",
            "bundle.json",
            "sw.js",
            "manifest.webmanifest",
            "icons/icon-192.png",
            "icons/apple-touch-icon.png",
            "recap-viewer.js",
        ] {
            assert!(!is_content_hashed(name), "{name}");
        }
    }
}
