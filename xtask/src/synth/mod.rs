//! `cargo xtask synth`: a deterministic synthetic archive of recaps, for benchmarks at archive
//! scale (issue 6). `--talks N` talks go into recaps of 10–40 talks each, written in the shapes
//! the compiler reads (see [`recap`]), with invented speakers, companies, conferences and notes
//! ([`words`], [`notes`]). The same `--talks` and `--seed` always give byte-identical files.
//!
//! The archive is never checked in: it is written on demand, by default to
//! `target/synth/talks-N/`, one folder per year, with a `synth.json` manifest saying what was
//! planned (the benchmark compares it with what the compiler finds).

mod archive;
mod calendar;
mod notes;
mod recap;
mod rng;
mod words;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use serde::{Deserialize, Serialize};

use crate::exec;
use archive::Archive;
use rng::Rng;

/// The seed used unless `--seed` says otherwise.
pub const DEFAULT_SEED: u64 = 6;
/// The manifest written next to the recaps.
pub const MANIFEST: &str = "synth.json";

#[derive(clap::Args, Debug)]
pub struct Args {
    /// How many talks the archive holds
    #[arg(long, value_name = "N")]
    talks: usize,
    /// Output folder (emptied first if it holds an earlier archive) [default: target/synth/talks-N]
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Seed of the pseudo-random generator
    #[arg(long, default_value_t = DEFAULT_SEED)]
    seed: u64,
}

/// What was generated: the manifest.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Manifest {
    pub seed: u64,
    pub talks: usize,
    pub recaps: usize,
    pub conferences: usize,
    /// Distinct speakers the recaps name.
    pub speakers: usize,
    /// Bytes of Markdown, front matter included.
    pub markdown_bytes: usize,
    /// Recaps per shape (`Dash`, `Linked`, …).
    pub shapes: BTreeMap<String, usize>,
}

pub fn run(args: &Args) -> Result<()> {
    if args.talks == 0 {
        bail!("--talks must be at least 1");
    }
    let out = match &args.out {
        Some(dir) => std::env::current_dir()?.join(dir),
        None => default_dir(args.talks),
    };
    let manifest = generate(args.talks, args.seed, &out)?;
    println!(
        "wrote {} talks in {} recaps ({} conferences, {} speakers, {:.1} MB of Markdown) to {}",
        manifest.talks,
        manifest.recaps,
        manifest.conferences,
        manifest.speakers,
        manifest.markdown_bytes as f64 / 1e6,
        out.display()
    );
    let shapes: Vec<String> = manifest
        .shapes
        .iter()
        .map(|(shape, count)| format!("{shape} {count}"))
        .collect();
    println!("recap shapes: {}", shapes.join(", "));
    Ok(())
}

/// `target/synth/talks-N` in the workspace.
pub fn default_dir(talks: usize) -> PathBuf {
    exec::root()
        .join("target")
        .join("synth")
        .join(format!("talks-{talks}"))
}

/// Writes an archive of `talks` talks into `out` (replacing an earlier archive there) and returns
/// its manifest.
pub fn generate(talks: usize, seed: u64, out: &Path) -> Result<Manifest> {
    prepare_dir(out)?;
    let mut rng = Rng::new(seed);
    let archive = Archive::plan(talks, &mut rng);
    let mut manifest = Manifest {
        seed,
        talks,
        recaps: archive.recaps.len(),
        conferences: archive.conferences.len(),
        speakers: archive.speakers_named(),
        markdown_bytes: 0,
        shapes: BTreeMap::new(),
    };
    for plan in &archive.recaps {
        let written = recap::write(&mut rng.fork(), &archive, plan);
        let path = out.join(&written.path);
        if path.exists() {
            bail!("two recaps want the same file name {}", path.display());
        }
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
        }
        fs::write(&path, &written.markdown)
            .with_context(|| format!("writing {}", path.display()))?;
        manifest.markdown_bytes += written.markdown.len();
        *manifest
            .shapes
            .entry(format!("{:?}", written.shape))
            .or_default() += 1;
    }
    let json = serde_json::to_string_pretty(&manifest).context("serializing the manifest")?;
    let path = out.join(MANIFEST);
    fs::write(&path, json + "\n").with_context(|| format!("writing {}", path.display()))?;
    Ok(manifest)
}

/// Creates `out`, or empties it when it holds an earlier archive; refuses any other folder.
fn prepare_dir(out: &Path) -> Result<()> {
    if out.join(MANIFEST).is_file() {
        fs::remove_dir_all(out).with_context(|| format!("emptying {}", out.display()))?;
    } else if out.is_dir()
        && fs::read_dir(out)
            .with_context(|| format!("listing {}", out.display()))?
            .next()
            .is_some()
    {
        bail!(
            "{} is not empty and holds no synthetic archive ({MANIFEST}); choose another --out",
            out.display()
        );
    }
    fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))
}
