//! Compiler throughput against a reference measured in the same run on the same input.
//!
//! - The compiler: the release `recap build <archive> --out <dir>/bundle.json` as a child
//!   process, from start to exit: reading the files, extracting, rendering and sanitizing the
//!   notes, merging, writing the JSON. Its peak memory comes with it ([`super::child`]).
//! - The reference, in this (release) process: read the same files, then pulldown-cmark parses
//!   each and renders it to HTML and ammonia cleans that HTML (the crates and versions the
//!   compiler uses, with its Markdown options); and, separately, parsing alone.
//!
//! Each is run several times, the compiler and the reference in turn; the median counts.

use std::fs;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use pulldown_cmark::{Options, Parser};

use super::child;

/// What the compiler did with one archive.
#[derive(Debug)]
pub struct CompilerRuns {
    pub wall: Vec<Duration>,
    /// The highest peak RSS over the runs.
    pub peak_rss: Option<u64>,
    /// Where the last run wrote its bundle files.
    pub bundle_dir: PathBuf,
}

/// The reference timings for one archive.
#[derive(Debug)]
pub struct ReferenceRuns {
    /// Read + parse + render to HTML + ammonia clean.
    pub render_clean: Vec<Duration>,
    /// Read + parse (every event pulled, nothing rendered).
    pub parse_only: Vec<Duration>,
}

/// Times `runs` compilations of `archive` by the `recap` binary into `bundle_dir` and `runs`
/// of the reference on its `files`, one of each in turn: a machine that slows down for a while
/// (another tenant, the disk flushing) slows both, not only one of them. The compiler's
/// messages go to `log`.
pub fn time_alternately(
    recap: &Path,
    archive: &Path,
    files: &[PathBuf],
    bundle_dir: &Path,
    log: &Path,
    runs: usize,
) -> Result<(CompilerRuns, ReferenceRuns)> {
    let mut compiler = CompilerRuns {
        wall: Vec::with_capacity(runs),
        peak_rss: None,
        bundle_dir: bundle_dir.to_owned(),
    };
    let mut reference = ReferenceRuns {
        render_clean: Vec::with_capacity(runs),
        parse_only: Vec::with_capacity(runs),
    };
    for _ in 0..runs {
        let measured = compile_once(recap, archive, bundle_dir, log)?;
        compiler.wall.push(measured.wall);
        compiler.peak_rss = compiler.peak_rss.max(measured.peak_rss);
        reference.render_clean.push(timed(files, |text| {
            let mut html = String::with_capacity(text.len() * 3 / 2);
            pulldown_cmark::html::push_html(&mut html, Parser::new_ext(text, options()));
            ammonia::clean(&html).len()
        })?);
        reference.parse_only.push(timed(files, |text| {
            Parser::new_ext(text, options()).count()
        })?);
    }
    Ok((compiler, reference))
}

/// One compilation of `archive` by the `recap` binary into `bundle_dir` (emptied first), its
/// messages in `log`.
fn compile_once(
    recap: &Path,
    archive: &Path,
    bundle_dir: &Path,
    log: &Path,
) -> Result<child::Measured> {
    if bundle_dir.exists() {
        fs::remove_dir_all(bundle_dir)
            .with_context(|| format!("emptying {}", bundle_dir.display()))?;
    }
    fs::create_dir_all(bundle_dir).with_context(|| format!("creating {}", bundle_dir.display()))?;
    let stderr = fs::File::create(log).with_context(|| format!("creating {}", log.display()))?;
    child::run(
        std::process::Command::new(recap)
            .arg("build")
            .arg(archive)
            .arg("--out")
            .arg(bundle_dir.join(crate::bundle::BUNDLE_FILE))
            .arg("--quiet")
            .stderr(Stdio::from(stderr)),
    )
    .with_context(|| {
        format!(
            "compiling {} (messages in {})",
            archive.display(),
            log.display()
        )
    })
}

/// The Markdown extensions the compiler enables (crates/compiler/src/markdown.rs).
fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TASKLISTS
}

/// Reads every file and applies `work` to its text, timing the whole.
fn timed(files: &[PathBuf], work: impl Fn(&str) -> usize) -> Result<Duration> {
    let started = Instant::now();
    let mut total = 0;
    for file in files {
        let text =
            fs::read_to_string(file).with_context(|| format!("reading {}", file.display()))?;
        total += work(&text);
    }
    black_box(total);
    Ok(started.elapsed())
}

/// The `.md` files under `dir` (any depth), sorted, and their total size in bytes.
pub fn markdown_files(dir: &Path) -> Result<(Vec<PathBuf>, u64)> {
    let mut files = Vec::new();
    collect(dir, &mut files)?;
    files.sort();
    if files.is_empty() {
        bail!("no .md files under {}", dir.display());
    }
    let mut bytes = 0;
    for file in &files {
        bytes += fs::metadata(file)
            .with_context(|| format!("reading {}", file.display()))?
            .len();
    }
    Ok((files, bytes))
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) -> Result<()> {
    for entry in fs::read_dir(dir).with_context(|| format!("listing {}", dir.display()))? {
        let path = entry?.path();
        if path.is_dir() {
            collect(&path, files)?;
        } else if path.extension().is_some_and(|ext| ext == "md") {
            files.push(path);
        }
    }
    Ok(())
}

/// The median of some durations, in seconds.
pub fn median_seconds(samples: &[Duration]) -> f64 {
    let mut seconds: Vec<f64> = samples.iter().map(Duration::as_secs_f64).collect();
    seconds.sort_by(f64::total_cmp);
    match seconds.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => seconds[n / 2],
        n => (seconds[n / 2 - 1] + seconds[n / 2]) / 2.0,
    }
}
