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
//! `<hash>` is the XXH3-64 hash of the file's content, so these files can be cached
//! forever (a host's `Cache-Control: immutable`, the service worker): a rebuild that changes one
//! changes its name. `bundle.json` keeps its name and lists the others in
//! [`recap_bundle::BundleFiles`], relative to itself.

use std::collections::HashSet;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use rayon::prelude::*;
use recap_bundle::{Bundle, BundleFiles, ChunkTalk, NotesChunk, SearchIndex};
use serde::Serialize;
use xxhash_rust::xxh3::xxh3_64;

use crate::search_index;

/// About how many bytes of notes' HTML a chunk holds before the next talk starts a new one:
/// one chunk is a small download (a few kB gzip) and covers a talk's neighbours too.
pub const CHUNK_BYTES: usize = 32 * 1024;

/// Hex digits of the content hash in a file name: all 64 bits of it.
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
    split_with(index, folder, Search::Built, Ok, |_, json| Ok(json))
        .expect("nothing to fail without writing")
}

/// Where the search index file comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Search {
    /// The bundle's own [`Bundle::search`].
    Built,
    /// Built from the notes chunks while they and the card index are written (the bundle's
    /// is empty): see [`write_unindexed`].
    FromNotes,
}

/// [`split`], handing each file other than the card index to `on_file` (path relative to the
/// card index, content) as soon as it is serialized; the set keeps the content `on_file`
/// gives back (the writer keeps none: memory freed early is reused for the next file). The
/// search index (built first from the chunks' notes with [`Search::FromNotes`]) and the notes
/// chunks are serialized, hashed and handed over on all cores (rayon), while the card index is
/// serialized alongside up to its files ([`card_index_body`]) and handed to `on_index`; the
/// set's `index` is what `on_index` kept followed by the files ([`files_suffix`]). The files
/// keep their order.
fn split_with(
    mut index: Bundle,
    folder: &str,
    search: Search,
    on_index: impl FnOnce(String) -> Result<String> + Send,
    on_file: impl Fn(&str, String) -> Result<String> + Sync,
) -> Result<BundleFileSet> {
    let built = std::mem::take(&mut index.search);
    let chunks = chunks(&mut index);
    let on_file = &on_file;
    let (index, chunks) = (&index, &chunks);
    let (kept, files) = rayon::join(
        || on_index(card_index_body(index)),
        || {
            let (search, notes) = rayon::join(
                || {
                    let search = match search {
                        Search::Built => built,
                        Search::FromNotes => index_notes(index, chunks),
                    };
                    hashed_file(folder, "search", search_json(&search), on_file)
                },
                || {
                    chunks
                        .par_iter()
                        .map(|chunk| {
                            let json = to_json(chunk, chunk.json_capacity());
                            hashed_file(folder, "notes", json, on_file)
                        })
                        .collect::<Result<Vec<_>>>()
                },
            );
            let mut files = vec![search?];
            files.extend(notes?);
            Result::<_>::Ok(files)
        },
    );
    let (mut text, files) = (kept?, files?);
    let names = BundleFiles {
        search: files[0].0.clone(),
        notes: files[1..].iter().map(|(name, _)| name.clone()).collect(),
    };
    text.push_str(&files_suffix(&names));
    Ok(BundleFileSet { index: text, files })
}

/// The search index of `index`'s talks, whose notes' HTML [`chunks`] moved into `chunks`.
fn index_notes(index: &Bundle, chunks: &[NotesChunk]) -> SearchIndex {
    // Each talk's notes: chunks hold the talks that have notes, in bundle order.
    let mut chunked = chunks.iter().flat_map(|chunk| &chunk.talks);
    let notes: Vec<&[String]> = index
        .talks
        .iter()
        .map(|talk| match talk.notes_chunk {
            Some(_) => chunked.next().map_or(&[][..], |talk| &talk.html),
            None => &[],
        })
        .collect();
    search_index::build_with_notes(index, |talk| {
        notes[talk].iter().map(String::as_str).collect()
    })
}

/// The card index as compact JSON up to its files, which are named only once written: all of
/// it but the closing `}` (`index.files` is `None`, the last field, so nothing follows it).
/// Compact: at 10,000 talks the card index is what the first screen waits for, and pretty
/// printing would add a third to it (`jq .` shows it indented).
fn card_index_body(index: &Bundle) -> String {
    debug_assert!(index.files.is_none() && index.search.is_empty());
    let mut json = to_json(index, index.json_capacity());
    let closing = json.pop();
    debug_assert_eq!(closing, Some('}'));
    json
}

/// What follows [`card_index_body`]: `files` as the last field (where serde puts
/// [`Bundle::files`]), the closing `}` and a newline.
fn files_suffix(files: &BundleFiles) -> String {
    let files = serde_json::to_string(files).expect("bundle files always serialize");
    format!(",\"files\":{files}}}\n")
}

/// `json` under its content-hashed name (see [`hashed_name`]), handed to `on_file`, and what
/// `on_file` kept of it.
fn hashed_file(
    folder: &str,
    kind: &str,
    json: String,
    on_file: &impl Fn(&str, String) -> Result<String>,
) -> Result<(String, String)> {
    let name = hashed_name(folder, kind, &json);
    let kept = on_file(&name, json)?;
    Ok((name, kept))
}

/// `value` as compact JSON, written into a buffer of `capacity` bytes: a buffer that grows by
/// doubling touches about twice the final size in fresh memory and copies it on the way.
fn to_json(value: &impl Serialize, capacity: usize) -> String {
    let mut json = Vec::with_capacity(capacity);
    serde_json::to_writer(&mut json, value).expect("bundle files always serialize");
    String::from_utf8(json).expect("serde_json writes UTF-8")
}

/// `search` as compact JSON, as serde writes it, with its posting lists serialized in pieces on
/// all cores: at 10,000 talks they are megabytes of numbers, and the search index is the last
/// file the build waits for.
fn search_json(search: &SearchIndex) -> String {
    let lists_per_piece = search
        .postings
        .len()
        .div_ceil(8 * rayon::current_num_threads());
    search_json_in_pieces(search, lists_per_piece.max(1))
}

/// [`search_json`] with `lists_per_piece` posting lists in each piece.
fn search_json_in_pieces(search: &SearchIndex, lists_per_piece: usize) -> String {
    let (terms, pieces) = rayon::join(
        || to_json(&search.terms, terms_capacity(&search.terms)),
        || {
            search
                .postings
                .par_chunks(lists_per_piece)
                .map(|lists| {
                    // `[…],[…]`: the lists, comma-separated, for the pieces to be joined by
                    // commas too.
                    let mut json = Vec::with_capacity(postings_capacity(lists));
                    for (i, list) in lists.iter().enumerate() {
                        if i > 0 {
                            json.push(b',');
                        }
                        serde_json::to_writer(&mut json, list).expect("numbers always serialize");
                    }
                    json
                })
                .collect::<Vec<Vec<u8>>>()
        },
    );
    let mut json = String::with_capacity(
        32 + terms.len() + pieces.iter().map(|piece| piece.len() + 1).sum::<usize>(),
    );
    json.push_str("{\"terms\":");
    json.push_str(&terms);
    json.push_str(",\"postings\":[");
    for (i, piece) in pieces.iter().enumerate() {
        if i > 0 {
            json.push(',');
        }
        json.push_str(std::str::from_utf8(piece).expect("serde_json writes UTF-8"));
    }
    json.push_str("]}");
    json
}

/// About how many bytes a file's compact JSON takes, reserved before serializing it: rather
/// too many than too few, as reserved memory that is never written is never touched.
trait JsonCapacity {
    fn json_capacity(&self) -> usize;
}

impl JsonCapacity for Bundle {
    /// The card index (no notes' HTML, no search index): generous allowances for field names
    /// and short fields, plus the lengths of the long ones.
    fn json_capacity(&self) -> usize {
        let talks: usize = self
            .talks
            .iter()
            .map(|talk| {
                let links = talk.links.iter().map(|l| 64 + l.url.len() + l.label.len());
                768 + talk.summary.len() + links.sum::<usize>()
            })
            .sum();
        let speakers = 256 * self.speakers.len();
        let conferences: usize = self
            .conferences
            .iter()
            .map(|c| 256 + 512 * c.sources.len() + 128 * c.days.len())
            .sum();
        talks + speakers + conferences + 512 * (self.tracks.len() + self.companies.len()) + 1024
    }
}

/// The JSON array of `terms`, which need no escaping (folded words do not): each with its
/// quotes and comma, a byte more than the JSON.
fn terms_capacity(terms: &[String]) -> usize {
    2 + terms.iter().map(|term| term.len() + 3).sum::<usize>()
}

/// The JSON array of posting `lists`: each number with its comma, each list with its brackets
/// and comma, a few bytes more than the JSON.
fn postings_capacity(lists: &[Vec<u32>]) -> usize {
    2 + lists
        .iter()
        .map(|list| 3 + list.iter().map(|&v| decimal_digits(v) + 1).sum::<usize>())
        .sum::<usize>()
}

impl JsonCapacity for NotesChunk {
    /// HTML with a fifth more for escaped quotes and line breaks.
    fn json_capacity(&self) -> usize {
        let talks: usize = self
            .talks
            .iter()
            .map(|talk| {
                let html: usize = talk.html.iter().map(|h| 4 + h.len() + h.len() / 5).sum();
                32 + talk.id.len() + html
            })
            .sum();
        16 + talks
    }
}

/// How many decimal digits `value` has.
fn decimal_digits(value: u32) -> usize {
    value.checked_ilog10().map_or(1, |log| log as usize + 1)
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

/// `<folder>/<kind>-<hash>.json`, `<hash>` the XXH3-64 of `content` in hex.
fn hashed_name(folder: &str, kind: &str, content: &str) -> String {
    let hash = xxh3_64(content.as_bytes());
    format!("{folder}/{kind}-{hash:0width$x}.json", width = HASH_DIGITS)
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
    write_with(bundle, index, Search::Built)
}

/// [`write()`] for a bundle whose search index is not built yet ([`crate::compile_unindexed`]): it
/// is built from the notes while they and the card index are written, so the cores that wait
/// for the file system have the index to work on.
pub fn write_unindexed(bundle: Bundle, index: &Path) -> Result<Vec<PathBuf>> {
    debug_assert!(bundle.search.is_empty());
    write_with(bundle, index, Search::FromNotes)
}

fn write_with(bundle: Bundle, index: &Path, search: Search) -> Result<Vec<PathBuf>> {
    let folder = folder_of(index);
    let base = index.parent().unwrap_or(Path::new(""));
    let folder_path = base.join(&folder);
    fs::create_dir_all(&folder_path)
        .with_context(|| format!("creating {}", folder_path.display()))?;
    // The card index but its files goes to a partial file while the others are written, each
    // by the thread that serialized it.
    let partial = partial_path(index);
    let set = split_with(
        bundle,
        &folder,
        search,
        |body| {
            fs::write(&partial, body).with_context(|| format!("writing {}", partial.display()))?;
            Ok(String::new())
        },
        |name, content| {
            let path = base.join(name);
            fs::write(&path, content).with_context(|| format!("writing {}", path.display()))?;
            Ok(String::new())
        },
    )
    .inspect_err(|_| {
        let _ = fs::remove_file(&partial);
    })?;
    remove_stale(&folder_path, &set)?;
    // The card index last, in one step: a reader never gets one that names files not written
    // yet, nor half of one.
    let mut file = fs::OpenOptions::new()
        .append(true)
        .open(&partial)
        .with_context(|| format!("opening {}", partial.display()))?;
    file.write_all(set.index.as_bytes())
        .with_context(|| format!("writing {}", partial.display()))?;
    drop(file);
    fs::rename(&partial, index).with_context(|| format!("writing {}", index.display()))?;
    let mut written = vec![index.to_owned()];
    written.extend(set.files.iter().map(|(name, _)| base.join(name)));
    Ok(written)
}

/// Where the card index is written before it takes its name: `bundle.json.partial` next to
/// `bundle.json`.
fn partial_path(index: &Path) -> PathBuf {
    let mut name = index.file_name().unwrap_or_default().to_os_string();
    name.push(".partial");
    index.with_file_name(name)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn compiled() -> Bundle {
        let mut source = String::from("# Harbour Summit 2024\n\n## Day 1\n\n");
        for talk in 0..12 {
            source.push_str(&format!(
                "### Rollouts, part {talk} - Ada Byrne (Initech)\n\n_#Reliability_\n\n\
                 Operators shared \"how\" they roll out changes <em>safely</em>.\n\n\
                 [Slides](https://example.com/slides/{talk})\n\n"
            ));
        }
        crate::compile_sources([("harbour.md", source.as_str())]).bundle
    }

    #[test]
    fn the_card_index_is_the_bundle_with_its_files_serialized_by_serde() {
        let mut bundle = compiled();
        bundle.search = SearchIndex::default();
        chunks(&mut bundle);
        let files = BundleFiles {
            search: "bundle/search-0123.json".into(),
            notes: vec![
                "bundle/notes-4567.json".into(),
                "bundle/notes-89ab.json".into(),
            ],
        };
        let text = card_index_body(&bundle) + &files_suffix(&files);
        bundle.files = Some(files);
        assert_eq!(text, serde_json::to_string(&bundle).unwrap() + "\n");
    }

    #[test]
    fn reserved_capacities_hold_the_json() {
        let mut bundle = compiled();
        let search = std::mem::take(&mut bundle.search);
        let terms_json = serde_json::to_string(&search.terms).unwrap().len();
        assert!(
            (terms_json..terms_json + 64 + 2 * search.terms.len())
                .contains(&terms_capacity(&search.terms))
        );
        let postings_json = serde_json::to_string(&search.postings).unwrap().len();
        assert!(
            (postings_json..postings_json + 64 + 2 * search.postings.len())
                .contains(&postings_capacity(&search.postings))
        );
        for chunk in chunks(&mut bundle) {
            assert!(chunk.json_capacity() >= serde_json::to_string(&chunk).unwrap().len());
        }
        assert!(bundle.json_capacity() >= serde_json::to_string(&bundle).unwrap().len());
    }

    #[test]
    fn the_search_index_serialized_in_pieces_is_what_serde_writes() {
        let search = compiled().search;
        let serde = serde_json::to_string(&search).unwrap();
        assert!(search.postings.len() > 10, "several pieces");
        for lists_per_piece in [1, 3, search.postings.len()] {
            assert_eq!(search_json_in_pieces(&search, lists_per_piece), serde);
        }
        assert_eq!(search_json(&search), serde);
        let empty = SearchIndex::default();
        assert_eq!(search_json(&empty), serde_json::to_string(&empty).unwrap());
    }

    #[test]
    fn the_search_index_built_from_the_notes_chunks_is_the_bundles() {
        let bundle = compiled();
        let mut unindexed = bundle.clone();
        unindexed.search = SearchIndex::default();
        let from_notes = split_with(unindexed, "bundle", Search::FromNotes, Ok, |_, json| {
            Ok(json)
        })
        .unwrap();
        assert_eq!(from_notes, split(bundle, "bundle"));
    }

    #[test]
    fn the_partial_card_index_is_next_to_it() {
        assert_eq!(
            partial_path(Path::new("dist/bundle.json")),
            Path::new("dist/bundle.json.partial")
        );
    }

    #[test]
    fn decimal_digits_of_u32() {
        for value in [0, 1, 9, 10, 99, 100, 12_345, u32::MAX] {
            assert_eq!(decimal_digits(value), value.to_string().len(), "{value}");
        }
    }
}
