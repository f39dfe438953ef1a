//! Finding recap files: `.md`/`.markdown` files given directly or found recursively in folders,
//! in a stable order so builds are reproducible.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

/// A recap file and the name it goes by in the bundle and in diagnostics.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecapFile {
    pub path: PathBuf,
    /// The path relative to the folder it was found in (or the file name when given directly).
    pub display: String,
    /// Its size in bytes when it was found.
    pub bytes: u64,
}

impl RecapFile {
    /// The file's text: invalid UTF-8 (a recap saved in another encoding) is replaced, not an
    /// error.
    pub fn read(&self) -> anyhow::Result<String> {
        let bytes = std::fs::read(&self.path)
            .with_context(|| format!("reading {}", self.path.display()))?;
        // Valid UTF-8 (the usual case) is kept without a copy.
        Ok(String::from_utf8(bytes)
            .unwrap_or_else(|invalid| String::from_utf8_lossy(invalid.as_bytes()).into_owned()))
    }
}

/// Every recap under `inputs`, sorted by display name within each input.
pub fn find_recaps(inputs: &[PathBuf]) -> anyhow::Result<Vec<RecapFile>> {
    let mut files = Vec::new();
    for input in inputs {
        let meta =
            std::fs::metadata(input).with_context(|| format!("reading {}", input.display()))?;
        if meta.is_file() {
            let display = input.file_name().map_or_else(
                || input.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            files.push(RecapFile {
                path: input.clone(),
                display,
                bytes: meta.len(),
            });
            continue;
        }
        let mut found = Vec::new();
        for entry in walkdir::WalkDir::new(input).follow_links(true) {
            let entry = entry.with_context(|| format!("listing {}", input.display()))?;
            if entry.file_type().is_file() && is_markdown(entry.path()) {
                let display = entry
                    .path()
                    .strip_prefix(input)
                    .unwrap_or(entry.path())
                    .to_string_lossy()
                    .replace('\\', "/");
                let bytes = entry
                    .metadata()
                    .with_context(|| format!("reading {}", entry.path().display()))?
                    .len();
                found.push(RecapFile {
                    path: entry.path().to_owned(),
                    display,
                    bytes,
                });
            }
        }
        if found.is_empty() {
            bail!("no Markdown recaps (.md) found in {}", input.display());
        }
        found.sort_by(|a, b| a.display.cmp(&b.display));
        files.extend(found);
    }
    Ok(files)
}

fn is_markdown(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("md" | "markdown")
    )
}
