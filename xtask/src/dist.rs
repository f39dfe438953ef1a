//! `cargo xtask dist`: the release site in `dist/`, deployable at `/` or under any sub-path.
//!
//! Trunk 0.21 writes every asset URL as `{public_url}{file}`; with `--public-url ./` that is
//! `./file`, resolved against the page, so the same `dist/` works at any path. [`build`] checks
//! the generated `index.html` for that, and [`print_sizes`] prints raw and gzip sizes of what a
//! reader downloads. Trunk's post_build hook has written `embed.js` ([`embed`]; checked here).
//! Then it writes the service worker's precache list ([`offline`]) and the host headers with the
//! Content Security Policy ([`deploy`]).

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use flate2::Compression;
use flate2::write::GzEncoder;

use crate::exec;
use crate::{RecapArgs, bundle, deploy, embed, offline, tools};

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    recaps: RecapArgs,
    /// Output folder [default: dist/]
    #[arg(long, value_name = "DIR")]
    dist: Option<PathBuf>,
}

pub fn run(args: &Args) -> Result<()> {
    let inputs = bundle::resolve_inputs(&args.recaps.recaps)?;
    let dist = match &args.dist {
        Some(dir) => std::env::current_dir()?.join(dir),
        None => exec::root().join("dist"),
    };
    tools::ensure_build_tools()?;
    build(&inputs, &dist)?;
    print_sizes(&dist)
}

/// `trunk build --release` of the app with the bundle compiled from `inputs`, into `dist`.
pub fn build(inputs: &[PathBuf], dist: &Path) -> Result<()> {
    exec::run(
        tools::trunk()?
            .args([
                "build",
                "--release",
                "--offline",
                "--public-url",
                "./",
                "--dist",
            ])
            .arg(dist)
            .env(bundle::INPUT_ENV, bundle::input_env(inputs)?),
    )
    .context("building the release site")?;
    check_relative_urls(dist)?;
    let embed = embed::check(dist)?;
    eprintln!(
        "xtask: {} defines <recap-viewer> with {} and {}",
        embed::EMBED_FILE,
        embed.js,
        embed.css
    );
    // After Trunk: the service worker's precache list, then the host headers (CSP hash, caching).
    let precache = offline::write_worker(dist)?;
    eprintln!(
        "xtask: service worker precaches {} files (version {})",
        precache.files.len(),
        precache.version
    );
    deploy::write_headers(dist).map(drop)
}

/// Every asset `index.html` names must be addressed as `./name`, never from the site root.
fn check_relative_urls(dist: &Path) -> Result<()> {
    let index_path = dist.join("index.html");
    let index = fs::read_to_string(&index_path)
        .with_context(|| format!("reading {}", index_path.display()))?;
    let mut referenced = 0;
    for asset in assets(dist)? {
        let name = relative_name(dist, &asset);
        for (at, _) in index.match_indices(&name) {
            if !index[..at].ends_with("./") {
                bail!(
                    "{} refers to {name} without a relative `./` URL; the site would only work at `/`",
                    index_path.display()
                );
            }
            referenced += 1;
        }
    }
    if referenced == 0 {
        bail!(
            "{} refers to none of the built assets",
            index_path.display()
        );
    }
    Ok(())
}

/// The files a reader downloads: wasm, js and css (any depth), then `index.html` and the bundle.
fn assets(dist: &Path) -> Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    collect(dist, &mut found)?;
    let rank = |path: &Path| match path.extension().and_then(|ext| ext.to_str()) {
        Some("wasm") => 0,
        Some("js") => 1,
        Some("css") => 2,
        _ => 3,
    };
    found.retain(|path| rank(path) < 3);
    found.sort_by_key(|path| (rank(path), path.clone()));
    Ok(found)
}

fn collect(dir: &Path, found: &mut Vec<PathBuf>) -> Result<()> {
    for entry in fs::read_dir(dir).with_context(|| format!("listing {}", dir.display()))? {
        let path = entry?.path();
        if path.is_dir() {
            collect(&path, found)?;
        } else {
            found.push(path);
        }
    }
    Ok(())
}

fn relative_name(dist: &Path, path: &Path) -> String {
    path.strip_prefix(dist)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// Prints raw and gzip (level 9) bytes of each downloaded file, and their total.
pub fn print_sizes(dist: &Path) -> Result<()> {
    let mut files = assets(dist)?;
    for name in ["index.html", bundle::BUNDLE_FILE] {
        files.push(dist.join(name));
    }
    let rows = files
        .iter()
        .map(|path| {
            let bytes = fs::read(path).with_context(|| format!("reading {}", path.display()))?;
            Ok((relative_name(dist, path), bytes.len(), gzip_len(&bytes)?))
        })
        .collect::<Result<Vec<_>>>()?;
    let width = rows
        .iter()
        .map(|(name, ..)| name.len())
        .max()
        .unwrap_or(0)
        .max(5);
    println!(
        "\n{:<width$}  {:>10}  {:>10}",
        "file", "raw bytes", "gzip bytes"
    );
    for (name, raw, gzip) in &rows {
        println!("{name:<width$}  {raw:>10}  {gzip:>10}");
    }
    let raw: usize = rows.iter().map(|(_, raw, _)| raw).sum();
    let gzip: usize = rows.iter().map(|(.., gzip)| gzip).sum();
    println!("{:<width$}  {raw:>10}  {gzip:>10}", "total");
    Ok(())
}

fn gzip_len(bytes: &[u8]) -> Result<usize> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(bytes)?;
    Ok(encoder.finish()?.len())
}
