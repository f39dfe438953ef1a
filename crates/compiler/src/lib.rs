//! The recap compiler: reads conference recap posts (Markdown with TOML `+++` or YAML `---` front
//! matter) and compiles them into a Recap Viewer bundle ([`recap_bundle::Bundle`]).
//!
//! The pipeline per file: repair mojibake ([`mojibake`]) → split front matter
//! ([`front_matter`]) → rewrite Hugo shortcodes ([`shortcodes`]) → outline the Markdown
//! ([`markdown`]) → find days and talks ([`extract`], with [`days`], [`heading`], [`people`],
//! [`list_talks`], [`table_talks`]) → render sanitized notes ([`notes`]). [`assemble`] then
//! joins all recaps into one bundle, with its [`companies`], and [`search_index`] indexes it. [`layout`] writes it as the card index
//! `bundle.json` plus content-hashed files for the search index and the notes; `recap build`
//! has the layout build the search index while it writes the notes
//! ([`layout::write_unindexed`]), so that waiting for the file system overlaps with indexing.
//!
//! Recaps are read and extracted, conferences merged, and the search index built, on all cores
//! (rayon); the output never depends on it.

pub mod affiliation;
pub mod assemble;
pub mod companies;
pub mod conference;
pub mod days;
pub mod diagnostics;
pub mod eval;
pub mod extract;
pub mod front_matter;
pub mod heading;
pub mod hints;
pub mod inputs;
pub mod layout;
pub mod list_talks;
pub mod markdown;
pub mod mojibake;
pub mod notes;
pub mod people;
pub mod prose;
pub mod safe_markdown;
pub mod search_index;
pub mod shortcodes;
pub mod similarity;
pub mod slug;
pub mod speaker_first;
pub mod table_talks;
pub mod text;

use std::path::PathBuf;

use diagnostics::{Diagnostic, Severity};
use rayon::prelude::*;
use recap_bundle::Bundle;

/// The result of compiling a set of recaps.
#[derive(Debug)]
pub struct Compilation {
    pub bundle: Bundle,
    /// Everything the compiler has to say, in file order.
    pub diagnostics: Vec<Diagnostic>,
}

impl Compilation {
    /// Whether any recap could not be used.
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }
}

/// Compiles the recaps found under `inputs` (files or folders).
///
/// A recap that cannot be read (bad front matter) is reported as an error diagnostic and the
/// others are still compiled. I/O failures are returned as errors.
pub fn compile(inputs: &[PathBuf]) -> anyhow::Result<Compilation> {
    let mut compilation = compile_unindexed(inputs)?;
    compilation.bundle.search = search_index::build(&compilation.bundle);
    Ok(compilation)
}

/// [`compile`] but for the bundle's search index, which is left empty: for
/// [`layout::write_unindexed`], which builds it while it writes the notes.
pub fn compile_unindexed(inputs: &[PathBuf]) -> anyhow::Result<Compilation> {
    let files = inputs::find_recaps(inputs)?;
    // Each recap is read by the task that extracts it, and its text freed right after: reading
    // overlaps with extracting, and the memory of one recap's text is reused for the next.
    let (recaps, diagnostics) = extract_all(
        files.len(),
        |i| files[i].bytes as usize,
        |i| Ok((files[i].display.as_str(), files[i].read()?)),
    )?;
    Ok(assemble_all(recaps, diagnostics))
}

/// Compiles recaps given as `(file name, Markdown)` pairs.
///
/// Recaps are extracted in parallel (rayon, results in input order); their diagnostics still
/// come in file order.
pub fn compile_sources<'a>(sources: impl IntoIterator<Item = (&'a str, &'a str)>) -> Compilation {
    let sources: Vec<(&str, &str)> = sources.into_iter().collect();
    let (recaps, diagnostics) =
        extract_all(sources.len(), |i| sources[i].1.len(), |i| Ok(sources[i]))
            .expect("recaps in memory are always there");
    let mut compilation = assemble_all(recaps, diagnostics);
    compilation.bundle.search = search_index::build(&compilation.bundle);
    compilation
}

/// Extracts `count` recaps in parallel, the one at index `i` about `size(i)` bytes long and
/// given by `source(i)` as its file name and Markdown: the recaps that could be read, in input
/// order, and the diagnostics, in file order. The first error of `source` is returned.
///
/// The largest recaps are handed out first, one at a time to whichever core is free: the last
/// ones are then small, so no core waits long for another at the end.
fn extract_all<'a, Text: AsRef<str>>(
    count: usize,
    size: impl Fn(usize) -> usize,
    source: impl Fn(usize) -> anyhow::Result<(&'a str, Text)> + Sync,
) -> anyhow::Result<(Vec<extract::ExtractedRecap>, Vec<Diagnostic>)> {
    let mut largest_first: Vec<usize> = (0..count).collect();
    largest_first.sort_by_key(|&i| std::cmp::Reverse(size(i)));
    let mut extracted: Vec<_> = largest_first
        .into_iter()
        .par_bridge()
        .map(|i| {
            let (file, text) = source(i)?;
            let mut diagnostics = Vec::new();
            let recap = extract::extract(file, text.as_ref(), &mut diagnostics);
            anyhow::Ok((i, recap, diagnostics))
        })
        .collect::<anyhow::Result<_>>()?;
    extracted.sort_unstable_by_key(|&(i, ..)| i);
    let mut diagnostics = Vec::new();
    let mut recaps = Vec::with_capacity(extracted.len());
    for (_, recap, file_diagnostics) in extracted {
        diagnostics.extend(file_diagnostics);
        match recap {
            Ok(recap) => recaps.push(recap),
            Err(error) => diagnostics.push(error),
        }
    }
    Ok((recaps, diagnostics))
}

/// Assembles extracted recaps into the compilation, after the extraction's `diagnostics`; the
/// bundle's search index is left empty.
fn assemble_all(
    recaps: Vec<extract::ExtractedRecap>,
    mut diagnostics: Vec<Diagnostic>,
) -> Compilation {
    let bundle = assemble::assemble(recaps, &mut diagnostics);
    Compilation {
        bundle,
        diagnostics,
    }
}

/// The bundle as pretty JSON with a trailing newline: the compiler's output format.
///
/// Arrays of numbers (the search index's postings) stay on one line: one number per line would
/// make the index's JSON about three times larger.
pub fn bundle_json(bundle: &Bundle) -> String {
    let json = serde_json::to_string_pretty(bundle).expect("bundle types always serialize");
    let mut json = inline_number_arrays(&json);
    json.push('\n');
    json
}

/// Rewrites every pretty-printed array of unsigned integers in `json` as `[1,2,3]`.
///
/// Safe on any JSON text: a line break inside a string is always escaped, so a `[` followed by a
/// raw line break is always an array.
fn inline_number_arrays(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let mut rest = json;
    while let Some(at) = rest.find("[\n") {
        out.push_str(&rest[..=at]);
        rest = &rest[at + 1..];
        if let Some(len) = number_array_len(rest) {
            let body = &rest[..len];
            out.extend(body.chars().filter(|c| !c.is_ascii_whitespace()));
            rest = &rest[len..];
        }
    }
    out.push_str(rest);
    out
}

/// Length of `text` up to and including the `]` closing an array of unsigned integers whose
/// `[` precedes it, or `None` when the array holds anything else.
fn number_array_len(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = 0;
    loop {
        while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        let digits = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
        if digits == 0 {
            return None;
        }
        i += digits;
        while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        match bytes.get(i) {
            Some(b',') => i += 1,
            Some(b']') => return Some(i + 1),
            _ => return None,
        }
    }
}

/// The JSON Schema of the bundle format, generated from the Rust types.
pub fn bundle_schema() -> String {
    let schema = schemars::schema_for!(Bundle);
    let mut json = serde_json::to_string_pretty(&schema).expect("schemas always serialize");
    json.push('\n');
    json
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_arrays_stay_on_one_line_and_nothing_else_changes() {
        let value = serde_json::json!({
            "postings": [[3], [0, 4, 8], []],
            "terms": ["[", "a\n[\n1\n]"],
            "mixed": [1, "x"],
            "objects": [{"line": 1}],
        });
        let pretty = serde_json::to_string_pretty(&value).unwrap();
        let inlined = inline_number_arrays(&pretty);
        assert!(
            inlined.contains("\"postings\": [\n    [3],\n    [0,4,8],\n    []\n  ]"),
            "{inlined}"
        );
        assert!(
            inlined.contains("\"mixed\": [\n    1,\n    \"x\"\n  ]"),
            "{inlined}"
        );
        let reparsed: serde_json::Value = serde_json::from_str(&inlined).unwrap();
        assert_eq!(reparsed, value);
    }
}
