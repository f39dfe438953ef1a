//! The recap compiler: reads conference recap posts (Markdown with TOML `+++` or YAML `---` front
//! matter) and compiles them into a Recap Viewer bundle ([`recap_bundle::Bundle`]).
//!
//! The pipeline per file: repair mojibake ([`mojibake`]) → split front matter
//! ([`front_matter`]) → rewrite Hugo shortcodes ([`shortcodes`]) → outline the Markdown
//! ([`markdown`]) → find days and talks ([`extract`], with [`days`], [`heading`], [`people`]) →
//! render sanitized notes ([`notes`]). [`assemble`] then joins all recaps into one bundle.

pub mod affiliation;
pub mod assemble;
pub mod conference;
pub mod days;
pub mod diagnostics;
pub mod eval;
pub mod extract;
pub mod front_matter;
pub mod heading;
pub mod hints;
pub mod inputs;
pub mod list_talks;
pub mod markdown;
pub mod mojibake;
pub mod notes;
pub mod people;
pub mod prose;
pub mod shortcodes;
pub mod similarity;
pub mod slug;

use std::path::PathBuf;

use anyhow::Context;
use diagnostics::{Diagnostic, Severity};
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
    let files = inputs::find_recaps(inputs)?;
    let mut sources = Vec::with_capacity(files.len());
    for file in &files {
        let bytes = std::fs::read(&file.path)
            .with_context(|| format!("reading {}", file.path.display()))?;
        sources.push((
            file.display.clone(),
            String::from_utf8_lossy(&bytes).into_owned(),
        ));
    }
    Ok(compile_sources(
        sources
            .iter()
            .map(|(name, text)| (name.as_str(), text.as_str())),
    ))
}

/// Compiles recaps given as `(file name, Markdown)` pairs.
pub fn compile_sources<'a>(sources: impl IntoIterator<Item = (&'a str, &'a str)>) -> Compilation {
    let mut diagnostics = Vec::new();
    let mut recaps = Vec::new();
    for (file, source) in sources {
        match extract::extract(file, source, &mut diagnostics) {
            Ok(recap) => recaps.push(recap),
            Err(error) => diagnostics.push(error),
        }
    }
    let bundle = assemble::assemble(&recaps, &mut diagnostics);
    Compilation {
        bundle,
        diagnostics,
    }
}

/// The bundle as pretty JSON with a trailing newline: the compiler's output format.
pub fn bundle_json(bundle: &Bundle) -> String {
    let mut json = serde_json::to_string_pretty(bundle).expect("bundle types always serialize");
    json.push('\n');
    json
}

/// The JSON Schema of the bundle format, generated from the Rust types.
pub fn bundle_schema() -> String {
    let schema = schemars::schema_for!(Bundle);
    let mut json = serde_json::to_string_pretty(&schema).expect("schemas always serialize");
    json.push('\n');
    json
}
