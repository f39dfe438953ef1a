//! The split layout `recap build` writes: a card index, a search index and notes chunks that
//! put back together give exactly the compiled bundle.

use std::collections::BTreeMap;

use recap_bundle::{Bundle, NotesChunk, SearchIndex};
use recap_compiler::compile_sources;
use recap_compiler::layout::{self, CHUNK_BYTES};

/// An invented recap of `talks` talks with about `notes_bytes` of notes each.
fn recap(talks: usize, notes_bytes: usize) -> String {
    let mut text = String::from(
        "+++\ntitle = \"Harbour Summit 2024 recap\"\nauthor = \"Ines Vale\"\n+++\n\n## Day 1\n\n",
    );
    let sentence =
        "Operators shared how they roll out changes safely and measure the blast radius. ";
    for talk in 0..talks {
        text.push_str(&format!(
            "### Talk number {talk} on reliable rollouts - Speaker {} (Acme)\n\n_#Reliability_\n\n",
            ["Ada", "Bo", "Cy", "Di"][talk % 4]
        ));
        text.push_str(&sentence.repeat(notes_bytes / sentence.len() + 1));
        text.push_str("\n\n");
    }
    text
}

fn compiled(talks: usize, notes_bytes: usize) -> Bundle {
    let source = recap(talks, notes_bytes);
    compile_sources([("harbour.md", source.as_str())]).bundle
}

/// Reads a split layout back into one inline bundle.
fn reassemble(index: &str, files: &BTreeMap<String, String>) -> Bundle {
    let mut bundle: Bundle = serde_json::from_str(index).unwrap();
    let names = bundle.files.take().expect("the card index names its files");
    bundle.search = serde_json::from_str::<SearchIndex>(&files[&names.search]).unwrap();
    let chunks: Vec<NotesChunk> = names
        .notes
        .iter()
        .map(|name| serde_json::from_str(&files[name]).unwrap())
        .collect();
    for talk in &mut bundle.talks {
        if let Some(chunk) = talk.notes_chunk.take() {
            let html = chunks[chunk as usize].html_of(&talk.id).unwrap();
            for (notes, html) in talk.notes.iter_mut().zip(html) {
                notes.html = html.clone();
            }
        }
    }
    bundle
}

#[test]
fn the_split_files_hold_exactly_the_bundle() {
    let bundle = compiled(40, 3_000);
    let set = layout::split(bundle.clone(), "bundle");
    let files: BTreeMap<String, String> = set.files.iter().cloned().collect();
    assert_eq!(reassemble(&set.index, &files), bundle);
}

#[test]
fn the_card_index_carries_no_notes_and_no_search_index() {
    let bundle = compiled(40, 3_000);
    let set = layout::split(bundle.clone(), "bundle");
    let index: Bundle = serde_json::from_str(&set.index).unwrap();
    assert!(index.search.is_empty());
    assert!(
        index
            .talks
            .iter()
            .all(|talk| talk.notes.iter().all(|n| n.html.is_empty()))
    );
    assert!(
        index.talks.iter().all(|talk| talk.has_notes()),
        "cards still know there are notes"
    );
    assert!(
        set.index.len() * 2 < set.files.iter().map(|(_, text)| text.len()).sum::<usize>(),
        "the card index is a small part of the archive"
    );
}

#[test]
fn notes_are_chunked_by_size_in_talk_order() {
    let bundle = compiled(40, 3_000);
    let set = layout::split(bundle.clone(), "bundle");
    let index: Bundle = serde_json::from_str(&set.index).unwrap();
    let chunks: Vec<u32> = index
        .talks
        .iter()
        .filter_map(|talk| talk.notes_chunk)
        .collect();
    assert!(
        chunks.windows(2).all(|pair| pair[0] <= pair[1]),
        "consecutive talks share chunks"
    );
    let names = index.files.unwrap().notes;
    assert!(names.len() > 1, "40 talks of 3 kB do not fit one chunk");
    for (name, text) in &set.files {
        if names.contains(name) {
            assert!(
                text.len() < CHUNK_BYTES + 8_000,
                "{name} is {} bytes",
                text.len()
            );
        }
    }
}

#[test]
fn file_names_change_with_their_content_only() {
    let bundle = compiled(10, 500);
    let names = |bundle: &Bundle| {
        let set = layout::split(bundle.clone(), "bundle");
        set.files
            .into_iter()
            .map(|(name, _)| name)
            .collect::<Vec<_>>()
    };
    let first = names(&bundle);
    assert_eq!(
        first,
        names(&bundle),
        "the same bundle gives the same names"
    );
    assert!(first.iter().all(|name| name.starts_with("bundle/")));
    let mut edited = bundle.clone();
    edited.talks[0].notes[0]
        .html
        .push_str("<p>One more thought.</p>");
    let second = names(&edited);
    assert_ne!(first, second);
    assert_eq!(
        first[0], second[0],
        "the search index did not change, nor did its name"
    );
}

#[test]
fn writing_replaces_the_files_of_an_earlier_build() {
    let dir = std::env::temp_dir().join(format!("recap-layout-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let out = dir.join("bundle.json");
    let old = layout::write(compiled(10, 500), &out).unwrap();
    let unrelated = dir.join("bundle").join("README.txt");
    std::fs::write(&unrelated, "not ours").unwrap();
    let new = layout::write(compiled(12, 500), &out).unwrap();
    assert_eq!(new[0], out);
    for path in &old[1..] {
        assert_eq!(path.exists(), new.contains(path), "{}", path.display());
    }
    assert!(new.iter().all(|path| path.exists()));
    assert!(
        unrelated.exists(),
        "only the compiler's own files are removed"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
