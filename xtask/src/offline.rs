//! The service worker's precache list: which files of a built site the worker stores for offline
//! use, with the integrity of each and a version that changes whenever any of them does.
//!
//! `index.html` copies `public/sw.js` into the site unchanged; its line `const PRECACHE = null;`
//! makes a harmless worker that removes itself (that is what `trunk serve` ships). After Trunk
//! finishes, [`write_worker`] replaces that one line in the built site's `sw.js` with
//!
//! ```js
//! const PRECACHE = {"version":"…","network_first":["index.html","bundle.json"],"files":[["bundle.json","sha256-…"],…]};
//! ```
//!
//! - `files`: every file of the site (any depth, so later JSON chunks of the bundle are included
//!   by themselves) except the worker, dot files and host configuration such as `_headers`; names
//!   relative to the worker, each with its SHA-256 in Subresource Integrity form. The worker
//!   fetches each with that integrity, so it never stores a file from another deploy.
//! - `version`: the first 16 hex digits of the SHA-256 of the list and of the worker's own code,
//!   so a change to any file (new recaps, a new build) changes the worker's bytes: the browser
//!   installs it and the page offers "New recaps available — reload". The worker names its cache
//!   after the version.
//! - `network_first`: the entry points whose names stay the same across deploys.
//!
//! The line is found by its start, so running this again on a built site updates it in place.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use sha2::{Digest, Sha256};

use crate::bundle;

/// The worker's file name in the site root (also in public/pwa.js, which registers it).
pub const WORKER_FILE: &str = "sw.js";
/// The start of the line of `sw.js` that holds the precache list.
const PRECACHE_LINE: &str = "const PRECACHE = ";
/// Files whose names never change: the worker asks the network first, then its cache.
pub const NETWORK_FIRST: [&str; 2] = ["index.html", bundle::BUNDLE_FILE];

/// The precache line's JSON, in this field order.
#[derive(serde::Serialize)]
struct Line<'a> {
    version: &'a str,
    network_first: &'a [&'a str],
    files: &'a [(String, String)],
}

/// What [`write_worker`] wrote.
pub struct Precache {
    pub version: String,
    pub files: Vec<(String, String)>,
}

/// Writes the precache list of the site in `site` into its `sw.js`.
pub fn write_worker(site: &Path) -> Result<Precache> {
    let worker = site.join(WORKER_FILE);
    let source = fs::read_to_string(&worker).with_context(|| {
        format!(
            "reading {} (index.html must copy public/{WORKER_FILE} into the site)",
            worker.display()
        )
    })?;
    let files = site_files(site)?;
    // The worker's own code counts too: a changed worker gets a cache of its own.
    let template = replace_line(&source, &format!("{PRECACHE_LINE}null;"))
        .with_context(|| format!("in {}", worker.display()))?;
    let mut hasher = Sha256::new();
    for (name, integrity) in &files {
        hasher.update(format!("{name} {integrity}\n"));
    }
    hasher.update(&template);
    let version = hex(&hasher.finalize())[..16].to_owned();
    let json = serde_json::to_string(&Line {
        version: &version,
        network_first: &NETWORK_FIRST,
        files: &files,
    })?;
    let written = replace_line(&source, &format!("{PRECACHE_LINE}{json};"))?;
    fs::write(&worker, written).with_context(|| format!("writing {}", worker.display()))?;
    Ok(Precache { version, files })
}

/// The files of the site the worker stores (relative names, sorted), with their integrity.
pub fn site_files(site: &Path) -> Result<Vec<(String, String)>> {
    let mut names = Vec::new();
    collect(site, site, &mut names)?;
    names.sort();
    for name in NETWORK_FIRST {
        if !names.iter().any(|found| found == name) {
            bail!("{} has no {name}", site.display());
        }
    }
    names
        .into_iter()
        .map(|name| {
            let path = site.join(&name);
            let bytes = fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
            Ok((name, integrity(&bytes)))
        })
        .collect()
}

/// `sha256-<base64>`, as in Subresource Integrity and CSP hash sources.
pub fn integrity(bytes: &[u8]) -> String {
    format!("sha256-{}", BASE64.encode(Sha256::digest(bytes)))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// Whether a file of the built site is left out of the precache: the worker itself, dot files,
/// and host configuration in the root (`_headers`, `_redirects`).
fn excluded(name: &str) -> bool {
    name == WORKER_FILE
        || name.starts_with('_')
        || name.split('/').any(|part| part.starts_with('.'))
}

fn collect(site: &Path, dir: &Path, names: &mut Vec<String>) -> Result<()> {
    for entry in fs::read_dir(dir).with_context(|| format!("listing {}", dir.display()))? {
        let path: PathBuf = entry?.path();
        if path.is_dir() {
            collect(site, &path, names)?;
            continue;
        }
        let name = path
            .strip_prefix(site)
            .unwrap_or(&path)
            .to_string_lossy()
            .replace('\\', "/");
        if !excluded(&name) {
            names.push(name);
        }
    }
    Ok(())
}

/// `source` with its one line starting with [`PRECACHE_LINE`] replaced by `line`.
fn replace_line(source: &str, line: &str) -> Result<String> {
    let mut found = 0;
    let replaced: Vec<&str> = source
        .split('\n')
        .map(|current| {
            if current.starts_with(PRECACHE_LINE) {
                found += 1;
                line
            } else {
                current
            }
        })
        .collect();
    if found != 1 {
        bail!("expected one line starting with `{PRECACHE_LINE}`, found {found}");
    }
    Ok(replaced.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A site of these files in a temporary folder of this test's own.
    fn site(test: &str, files: &[(&str, &str)]) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("xtask-offline-{}-{test}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        for (name, content) in files {
            let path = dir.join(name);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, content).unwrap();
        }
        dir
    }

    const WORKER: &str = "'use strict';\nconst PRECACHE = null;\nself.x = PRECACHE;\n";

    #[test]
    fn lists_every_file_but_the_worker_and_host_files_and_rewrites_in_place() {
        let dir = site(
            "lists",
            &[
                ("index.html", "<!DOCTYPE html>"),
                ("bundle.json", "{}"),
                ("app-0123456789abcdef.js", "x"),
                ("notes/a-00ff.json", "[]"),
                ("sw.js", WORKER),
                ("_headers", "/*"),
                (".well-known/x", "y"),
            ],
        );
        let first = write_worker(&dir).unwrap();
        let names: Vec<&str> = first.files.iter().map(|(name, _)| name.as_str()).collect();
        assert_eq!(
            names,
            [
                "app-0123456789abcdef.js",
                "bundle.json",
                "index.html",
                "notes/a-00ff.json"
            ]
        );
        assert_eq!(first.files[1].1, integrity(b"{}"));
        let worker = fs::read_to_string(dir.join("sw.js")).unwrap();
        assert!(worker.starts_with(&format!(
            "'use strict';\nconst PRECACHE = {{\"version\":\"{}\",\"network_first\":[\"index.html\",\"bundle.json\"],\"files\":[[\"app-",
            first.version
        )));
        assert!(worker.ends_with(";\nself.x = PRECACHE;\n"));

        // The same files give the same version; a changed bundle a new one.
        assert_eq!(write_worker(&dir).unwrap().version, first.version);
        fs::write(dir.join("bundle.json"), "{\"talks\":[]}").unwrap();
        let second = write_worker(&dir).unwrap();
        assert_ne!(second.version, first.version);
        assert_eq!(
            fs::read_to_string(dir.join("sw.js"))
                .unwrap()
                .matches(PRECACHE_LINE)
                .count(),
            1
        );
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_changed_worker_gets_a_new_version() {
        let files = [("index.html", "<!DOCTYPE html>"), ("bundle.json", "{}")];
        let dir = site("changed", &[files[0], files[1], ("sw.js", WORKER)]);
        let first = write_worker(&dir).unwrap().version;
        let changed = format!("{WORKER}self.y = 1;\n");
        fs::write(dir.join("sw.js"), changed).unwrap();
        assert_ne!(write_worker(&dir).unwrap().version, first);
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn integrity_is_base64_sha256() {
        // echo -n abc | openssl dgst -sha256 -binary | base64
        assert_eq!(
            integrity(b"abc"),
            "sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0="
        );
    }
}
