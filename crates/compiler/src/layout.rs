//! How a compiled bundle is laid out in files: the **split layout** that `recap build` writes.
//!
//! A reader's first screen needs the cards, not 10,000 talks' notes nor the full-text index. So
//! next to `bundle.json` (the card index: conferences, days, talks, tracks, speakers, companies)
//! the compiler writes, in a folder named after it (`bundle/` for `bundle.json`):
//!
//! - `search-<hash>.json`: the [`SearchIndex`], which the app loads right after the first cards;
//! - `notes-<hash>.json`: [`NotesChunk`]s, each the notes' HTML of a run of consecutive talks of
//!   about [`CHUNK_BYTES`], which the app loads when a talk is opened or a search needs an excerpt.
//!
//! `<hash>` is the start of the SHA-256 of the file's content, so these files can be cached
//! forever (a host's `Cache-Control: immutable`, the service worker): a rebuild that changes one
//! changes its name. `bundle.json` keeps its name and lists the others in
//! [`recap_bundle::BundleFiles`], relative to itself.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use rayon::prelude::*;
use recap_bundle::{Bundle, BundleFiles, ChunkTalk, NotesChunk};
use serde::Serialize;
use sha2::{Digest, Sha256};

/// About how many bytes of notes' HTML a chunk holds before the next talk starts a new one:
/// one chunk is a small download (a few kB gzip) and covers a talk's neighbours too.
pub const CHUNK_BYTES: usize = 32 * 1024;

/// Hex digits of the content hash in a file name.
const HASH_DIGITS: usize = 16;

/// A bundle as the files that hold it, before they are written.
#[derive(Debug, Clone, PartialEq)]
pub struct BundleFileSet {
    /// The text of `bundle.json`.
    pub index: String,
    /// The other files: path relative to `bundle.json` (`bundle/notes-….json`) and content.
    pub files: Vec<(String, String)>,
}

/// Splits `bundle` into the card index and its files, in the folder `folder` (relative to the
/// card index, e.g. `bundle`). The bundle is taken apart, not copied: at 10,000 talks it holds
/// tens of megabytes of notes.
pub fn split(index: Bundle, folder: &str) -> BundleFileSet {
    split_with(index, folder, |_, json| Ok(json)).expect("nothing to fail without writing")
}

/// [`split`], handing each file other than the card index to `on_file` (path relative to the
/// card index, content) as soon as it is serialized; the set keeps the content `on_file`
/// gives back (the writer keeps none: memory freed early is reused for the next file). The
/// search index and the notes chunks are serialized, hashed and handed over on all cores
/// (rayon), each chunk's HTML freed once serialized; the files keep their order.
fn split_with(
    mut index: Bundle,
    folder: &str,
    on_file: impl Fn(&str, String) -> Result<String> + Sync,
) -> Result<BundleFileSet> {
    let search = std::mem::take(&mut index.search);
    let chunks = chunks(&mut index);
    let on_file = &on_file;
    let (search, notes) = rayon::join(
        || hashed_file(folder, "search", &search, on_file),
        || {
            chunks
                .into_par_iter()
                .map(|chunk| hashed_file(folder, "notes", &chunk, on_file))
                .collect::<Result<Vec<_>>>()
        },
    );
    let mut files = vec![search?];
    files.extend(notes?);
    index.files = Some(BundleFiles {
        search: files[0].0.clone(),
        notes: files[1..].iter().map(|(name, _)| name.clone()).collect(),
    });
    // Compact: at 10,000 talks the card index is what the first screen waits for, and pretty
    // printing would add a third to it (`jq .` shows it indented).
    let mut text = serde_json::to_string(&index).expect("bundle types always serialize");
    text.push('\n');
    Ok(BundleFileSet { index: text, files })
}

/// `value` as compact JSON under its content-hashed name (see [`hashed_name`]), handed to
/// `on_file`, and what `on_file` kept of it.
fn hashed_file(
    folder: &str,
    kind: &str,
    value: &impl Serialize,
    on_file: &impl Fn(&str, String) -> Result<String>,
) -> Result<(String, String)> {
    let json = serde_json::to_string(value).expect("bundle files always serialize");
    let name = hashed_name(folder, kind, &json);
    let kept = on_file(&name, json)?;
    Ok((name, kept))
}

/// Moves the notes' HTML of `bundle`'s talks into chunks of consecutive talks, setting each
/// talk's `notes_chunk`; talks without notes stay out of every chunk.
fn chunks(bundle: &mut Bundle) -> Vec<NotesChunk> {
    let mut chunks = Vec::new();
    let mut current = NotesChunk::default();
    let mut current_bytes = 0;
    for talk in &mut bundle.talks {
        if !talk.has_notes() {
            for notes in &mut talk.notes {
                notes.html.clear();
            }
            continue;
        }
        if current_bytes >= CHUNK_BYTES {
            chunks.push(std::mem::take(&mut current));
            current_bytes = 0;
        }
        let html: Vec<String> = talk
            .notes
            .iter_mut()
            .map(|notes| std::mem::take(&mut notes.html))
            .collect();
        current_bytes += html.iter().map(String::len).sum::<usize>();
        talk.notes_chunk = Some(chunks.len() as u32);
        current.talks.push(ChunkTalk {
            id: talk.id.clone(),
            html,
        });
    }
    if !current.talks.is_empty() {
        chunks.push(current);
    }
    chunks
}

/// `<folder>/<kind>-<hash>.json`.
fn hashed_name(folder: &str, kind: &str, content: &str) -> String {
    let digest = Sha256::digest(content.as_bytes());
    let hex: String = digest.iter().map(|byte| format!("{byte:02x}")).collect();
    format!("{folder}/{kind}-{}.json", &hex[..HASH_DIGITS])
}

/// The folder of a card index's files: its file stem (`bundle` for `dist/bundle.json`).
pub fn folder_of(index: &Path) -> String {
    index
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .filter(|stem| !stem.is_empty())
        .unwrap_or_else(|| "bundle".to_owned())
}

/// Writes `bundle` in the split layout to `index` (e.g. `dist/bundle.json`) and its folder
/// (`dist/bundle/`), and removes the files an earlier build left in that folder.
///
/// Returns every path written, the card index first.
pub fn write(bundle: Bundle, index: &Path) -> Result<Vec<PathBuf>> {
    let folder = folder_of(index);
    let base = index.parent().unwrap_or(Path::new(""));
    let folder_path = base.join(&folder);
    fs::create_dir_all(&folder_path)
        .with_context(|| format!("creating {}", folder_path.display()))?;
    // Each file is written by the thread that serialized it, while the others still serialize.
    let set = split_with(bundle, &folder, |name, content| {
        let path = base.join(name);
        fs::write(&path, content).with_context(|| format!("writing {}", path.display()))?;
        Ok(String::new())
    })?;
    remove_stale(&folder_path, &set)?;
    // The card index last: a reader never gets one that names files not written yet.
    fs::write(index, &set.index).with_context(|| format!("writing {}", index.display()))?;
    let mut written = vec![index.to_owned()];
    written.extend(set.files.iter().map(|(name, _)| base.join(name)));
    Ok(written)
}

/// Removes the `search-*.json` and `notes-*.json` files of `folder` that `set` does not name.
fn remove_stale(folder: &Path, set: &BundleFileSet) -> Result<()> {
    let kept: HashSet<&str> = set
        .files
        .iter()
        .filter_map(|(path, _)| path.rsplit_once('/').map(|(_, name)| name))
        .collect();
    let entries = fs::read_dir(folder).with_context(|| format!("reading {}", folder.display()))?;
    for entry in entries {
        let entry = entry.with_context(|| format!("reading {}", folder.display()))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let ours =
            (name.starts_with("search-") || name.starts_with("notes-")) && name.ends_with(".json");
        let kept = kept.contains(name.as_str());
        if ours && !kept {
            fs::remove_file(entry.path())
                .with_context(|| format!("removing stale {}", entry.path().display()))?;
        }
    }
    Ok(())
}
