//! `cargo xtask bench`: performance at archive scale (issue 6), measured and printed as one table
//! (recorded in BENCHMARKS.md). Not part of the test run.
//!
//! For each size (100, 1,000 and 10,000 talks by default) it writes a synthetic archive
//! ([`crate::synth`]) and measures:
//! - compiler throughput (MB/s of Markdown, talks/s) and peak memory, against a reference run
//!   on the same input in the same process ([`compiler`]);
//! - bytes shipped: the app shell of `dist/`, the bundle per talk, a first visit ([`sizes`]);
//! - in headless Chromium, at 1,000 and 10,000 talks: time to the first card, filter and search
//!   latency (p50/p95) and memory ([`browser`], `tests/bench/`).
//!
//! Timing a debug build would be meaningless, so `cargo xtask bench` (a debug build) first
//! builds `xtask` and `recap` in release, optimised for speed (`opt-level = 3` over the
//! workspace's size-tuned release profile, in a target folder of their own), and hands over to
//! that release `xtask bench`; the reference is timed there, the compiler as its child.

mod browser;
mod child;
mod compiler;
mod machine;
pub mod sizes;
mod table;

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::{bundle, dist, exec, synth, tools};
use browser::BrowserResult;
use compiler::{CompilerRuns, ReferenceRuns, median_seconds};
use machine::Machine;
use sizes::Sizes;

/// Set for the release `xtask bench` that the debug one hands over to.
const RELEASE_ENV: &str = "RECAP_BENCH_RELEASE";

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Archive sizes, in talks
    #[arg(long, value_delimiter = ',', default_values_t = [100, 1_000, 10_000])]
    sizes: Vec<usize>,
    /// Timed runs of the compiler and of the reference per size (the median counts)
    #[arg(long, default_value_t = 5)]
    runs: usize,
    /// Sizes measured in the browser (those that are also in --sizes)
    #[arg(long, value_delimiter = ',', default_values_t = [1_000, 10_000])]
    browser_sizes: Vec<usize>,
    /// Filter and search samples per browser size (p50/p95)
    #[arg(long, default_value_t = 30)]
    browser_runs: usize,
    /// Page loads per browser size (time to first card)
    #[arg(long, default_value_t = 10)]
    page_loads: usize,
    /// Skip the browser measurements
    #[arg(long)]
    no_browser: bool,
    /// Seed of the synthetic archives
    #[arg(long, default_value_t = synth::DEFAULT_SEED)]
    seed: u64,
}

/// Everything measured.
pub struct Report {
    pub machine: Machine,
    pub shell: Sizes,
    pub sizes: Vec<SizeReport>,
    pub notes: Vec<String>,
}

/// What was measured at one archive size.
pub struct SizeReport {
    pub talks: usize,
    pub manifest: synth::Manifest,
    pub markdown_bytes: u64,
    pub talks_found: usize,
    /// Warnings and errors the compiler printed.
    pub warnings: usize,
    pub compiler: CompilerRuns,
    pub reference: ReferenceRuns,
    pub bundle: Sizes,
    pub browser: Option<BrowserResult>,
}

impl SizeReport {
    pub fn compiler_seconds(&self) -> f64 {
        median_seconds(&self.compiler.wall)
    }

    pub fn compiler_mb_per_s(&self) -> f64 {
        self.markdown_bytes as f64 / 1e6 / self.compiler_seconds()
    }

    pub fn reference_mb_per_s(&self) -> f64 {
        self.markdown_bytes as f64 / 1e6 / median_seconds(&self.reference.render_clean)
    }
}

pub fn run(args: &Args) -> Result<()> {
    if args.runs == 0 || args.sizes.is_empty() {
        bail!("--runs and --sizes need at least one");
    }
    if cfg!(debug_assertions) && std::env::var_os(RELEASE_ENV).is_none() {
        return hand_over_to_release();
    }
    let report = measure(args)?;
    let text = table::render(&report);
    let path = bench_dir().join("report.md");
    fs::write(&path, &text).with_context(|| format!("writing {}", path.display()))?;
    println!("\n{text}");
    eprintln!("xtask: the table is also in {}", path.display());
    Ok(())
}

/// Where the benchmark writes its archives' bundles, sites and results.
fn bench_dir() -> PathBuf {
    exec::root().join("target").join("bench")
}

/// Builds `xtask` and `recap` in release (speed-optimised) and runs the release `xtask bench`
/// with the same arguments.
fn hand_over_to_release() -> Result<()> {
    let target_dir = std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| exec::root().join("target"), PathBuf::from)
        .join("bench-build");
    eprintln!("xtask: building xtask and recap in release (opt-level 3) for the benchmark");
    exec::run(
        exec::cargo()
            .args([
                "build",
                "--release",
                "--package",
                "xtask",
                "--package",
                "recap-compiler",
                "--bins",
            ])
            .env("CARGO_TARGET_DIR", &target_dir)
            .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", "3"),
    )
    .context("building the benchmark binaries")?;
    let release = target_dir.join("release");
    let status = std::process::Command::new(release.join("xtask"))
        .args(std::env::args_os().skip(1))
        .env(RELEASE_ENV, "1")
        .status()
        .context("starting the release xtask")?;
    if !status.success() {
        bail!("the release benchmark failed ({status})");
    }
    Ok(())
}

/// The `recap` binary next to this (release) `xtask`.
fn recap_binary() -> Result<PathBuf> {
    let exe = std::env::current_exe().context("locating the running xtask")?;
    let recap = exe
        .with_file_name("recap")
        .with_extension(std::env::consts::EXE_EXTENSION);
    if !recap.is_file() {
        bail!(
            "{} is missing: run the benchmark as `cargo xtask bench`, which builds it",
            recap.display()
        );
    }
    Ok(recap)
}

fn measure(args: &Args) -> Result<Report> {
    let recap = recap_binary()?;
    let bench = bench_dir();
    fs::create_dir_all(&bench).with_context(|| format!("creating {}", bench.display()))?;
    let mut notes = Vec::new();

    let mut sizes = Vec::new();
    for &talks in &args.sizes {
        eprintln!("\n==> {talks} talks: archive, compiler, reference");
        let archive = synth::default_dir(talks);
        let manifest = synth::generate(talks, args.seed, &archive)?;
        let (files, markdown_bytes) = compiler::markdown_files(&archive)?;
        let bundle_dir = bench.join(format!("bundle-{talks}"));
        let log = bench.join(format!("recap-{talks}.log"));
        let (compiler, reference) =
            compiler::time_alternately(&recap, &archive, &files, &bundle_dir, &log, args.runs)?;
        let bundle = sizes::all_files(&bundle_dir)?;
        let talks_found = count_talks(&bundle_dir.join(bundle::BUNDLE_FILE))?;
        let warnings = count_warnings(&log)?;
        if talks_found != talks || warnings > 0 {
            notes.push(format!(
                "{talks} talks: the compiler found {talks_found} talks with {warnings} \
                 warnings/errors (see {})",
                log.display()
            ));
        }
        sizes.push(SizeReport {
            talks,
            manifest,
            markdown_bytes,
            talks_found,
            warnings,
            compiler,
            reference,
            bundle,
            browser: None,
        });
    }

    let dist = exec::root().join("dist");
    let wanted = schema_version(&sizes[0].compiler.bundle_dir.join(bundle::BUNDLE_FILE))?;
    let stale = match schema_version(&dist.join(bundle::BUNDLE_FILE)) {
        _ if !dist.join("index.html").is_file() => Some("is missing".to_owned()),
        Ok(found) if found == wanted => None,
        Ok(found) => Some(format!(
            "reads bundle schema {found}, the compiler writes {wanted}"
        )),
        Err(err) => Some(format!("has no readable bundle ({err:#})")),
    };
    if let Some(why) = stale {
        eprintln!("\n==> dist/ {why}: building the release site (cargo xtask dist)");
        tools::ensure_build_tools()?;
        dist::build(&bundle::resolve_inputs(&[])?, &dist)?;
    }
    let (shell, not_in_shell) = sizes::shell(&dist)?;
    let files: Vec<String> = shell
        .files
        .iter()
        .map(|file| format!("`{}` {:.1} kB", file.name, file.gzip as f64 / 1e3))
        .collect();
    notes.push(format!("app shell, gzip: {}", files.join(", ")));
    if !not_in_shell.is_empty() {
        notes.push(format!(
            "not in the shell (index.html does not load them): {}",
            not_in_shell
                .iter()
                .map(|name| format!("`{name}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }

    // Browser sizes are measured where there is an archive of that size.
    let browser_sizes: Vec<usize> = args
        .browser_sizes
        .iter()
        .copied()
        .filter(|talks| args.sizes.contains(talks))
        .collect();
    if args.no_browser || browser_sizes.is_empty() {
        notes.push(
            "browser timings skipped (--no-browser, or no --browser-sizes in --sizes)".into(),
        );
    } else {
        eprintln!("\n==> browser: {browser_sizes:?} talks");
        for size in sizes
            .iter()
            .filter(|size| browser_sizes.contains(&size.talks))
        {
            let site = bench.join(format!("site-{}", size.talks));
            browser::prepare_site(&dist, &size.compiler.bundle_dir, &site)?;
        }
        let results = browser::measure(&bench, &browser_sizes, args.browser_runs, args.page_loads)?;
        for result in results {
            if result.first_card.source.as_deref() == Some("observer") {
                notes.push(format!(
                    "{} talks: first card timed by a MutationObserver (the app sets no \
                     `recap:first-card` performance mark)",
                    result.talks
                ));
            }
            for note in &result.notes {
                notes.push(format!("{} talks: {note}", result.talks));
            }
            if let Some(size) = sizes.iter_mut().find(|size| size.talks == result.talks) {
                size.browser = Some(result);
            }
        }
    }
    notes.push(format!(
        "{} compiler and reference runs per size (median), {} page loads and {} filter/search \
         samples per browser size; seed {}",
        args.runs, args.page_loads, args.browser_runs, args.seed
    ));
    Ok(Report {
        machine: Machine::detect(),
        shell,
        sizes,
        notes,
    })
}

/// Talks in a bundle file.
fn count_talks(bundle: &Path) -> Result<usize> {
    #[derive(serde::Deserialize)]
    struct Talks {
        talks: Vec<serde::de::IgnoredAny>,
    }
    let text =
        fs::read_to_string(bundle).with_context(|| format!("reading {}", bundle.display()))?;
    let parsed: Talks =
        serde_json::from_str(&text).with_context(|| format!("parsing {}", bundle.display()))?;
    Ok(parsed.talks.len())
}

/// A bundle's `schema_version`.
fn schema_version(bundle: &Path) -> Result<u64> {
    #[derive(serde::Deserialize)]
    struct Version {
        schema_version: u64,
    }
    let text =
        fs::read_to_string(bundle).with_context(|| format!("reading {}", bundle.display()))?;
    let parsed: Version =
        serde_json::from_str(&text).with_context(|| format!("parsing {}", bundle.display()))?;
    Ok(parsed.schema_version)
}

/// Warning and error lines in the compiler's messages.
fn count_warnings(log: &Path) -> Result<usize> {
    let text = fs::read_to_string(log).with_context(|| format!("reading {}", log.display()))?;
    Ok(text
        .lines()
        .filter(|line| line.contains(": warning: ") || line.contains(": error: "))
        .count())
}
