//! Bytes shipped: the app shell (what every visit needs before any recap: `index.html` and the
//! js, wasm and css it loads) and the bundle files the compiler writes, raw and gzip (level 9, as
//! `cargo xtask dist` reports them).

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use flate2::Compression;
use flate2::write::GzEncoder;

/// One file's size.
#[derive(Debug, Clone)]
pub struct FileSize {
    /// Path relative to the folder it was found in.
    pub name: String,
    pub raw: u64,
    pub gzip: u64,
}

/// Sizes of a set of files, and their sum.
#[derive(Debug, Clone, Default)]
pub struct Sizes {
    pub files: Vec<FileSize>,
}

impl Sizes {
    pub fn raw(&self) -> u64 {
        self.files.iter().map(|file| file.raw).sum()
    }

    pub fn gzip(&self) -> u64 {
        self.files.iter().map(|file| file.gzip).sum()
    }

    pub fn get(&self, name: &str) -> Option<&FileSize> {
        self.files.iter().find(|file| file.name == name)
    }

    /// The search index of a bundle in the split layout (`bundle/search-<hash>.json`).
    pub fn search_index(&self) -> Option<&FileSize> {
        self.files.iter().find(|file| {
            file.name
                .rsplit('/')
                .next()
                .is_some_and(|name| name.starts_with("search-") && name.ends_with(".json"))
        })
    }
}

/// The app shell of a built site: `index.html` and the js, wasm and css files it loads (every
/// `./name` it mentions). The other js, wasm and css files of the site (a service worker fetched
/// after the page loads, an embedding script) are returned apart.
pub fn shell(dist: &Path) -> Result<(Sizes, Vec<String>)> {
    let index_path = dist.join("index.html");
    let index = fs::read_to_string(&index_path)
        .with_context(|| format!("reading {}", index_path.display()))?;
    let is_asset = |path: &Path| {
        path.extension()
            .is_some_and(|ext| ext == "js" || ext == "wasm" || ext == "css")
    };
    let mut shell = vec![index_path.clone()];
    let mut others = Vec::new();
    for path in files_under(dist)?.into_iter().filter(|path| is_asset(path)) {
        let name = relative(dist, &path);
        if index.contains(&format!("./{name}")) {
            shell.push(path);
        } else {
            others.push(name);
        }
    }
    Ok((measure(dist, &shell)?, others))
}

/// Every file under `dir`: what the compiler wrote for one archive.
pub fn all_files(dir: &Path) -> Result<Sizes> {
    let files = files_under(dir)?;
    measure(dir, &files)
}

fn measure(base: &Path, files: &[PathBuf]) -> Result<Sizes> {
    let files = files
        .iter()
        .map(|path| {
            let bytes = fs::read(path).with_context(|| format!("reading {}", path.display()))?;
            Ok(FileSize {
                name: relative(base, path),
                raw: bytes.len() as u64,
                gzip: gzip_len(&bytes)?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(Sizes { files })
}

fn files_under(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_owned()];
    while let Some(current) = pending.pop() {
        for entry in
            fs::read_dir(&current).with_context(|| format!("listing {}", current.display()))?
        {
            let path = entry?.path();
            if path.is_dir() {
                pending.push(path);
            } else {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}

fn relative(base: &Path, path: &Path) -> String {
    path.strip_prefix(base)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

fn gzip_len(bytes: &[u8]) -> Result<u64> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(bytes)?;
    Ok(encoder.finish()?.len() as u64)
}
