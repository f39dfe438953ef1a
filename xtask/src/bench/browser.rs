//! Browser timings: the release site with a synthetic bundle, measured in headless Chromium by
//! the Playwright script in `tests/bench/` (see `viewer.bench.js` for what is measured and how).
//!
//! The site is static, so each size gets a copy of `dist/` in `target/bench/site-<talks>/` with
//! the compiler's bundle files put in place of `dist/`'s; one static server serves
//! `target/bench/` and each site is a sub-path of it.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use serde::Deserialize;

use crate::exec::{self, cmd};
use crate::tools;

/// The Playwright configuration of the benchmarks.
const CONFIG: &str = "tests/bench/playwright.bench.config.js";

/// What `viewer.bench.js` reports for one site.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BrowserResult {
    pub talks: usize,
    pub cards_shown: usize,
    pub first_card: Samples,
    pub bundle_loaded: Samples,
    /// Navigation start → the app's `recap:bundle-parsed` mark (the card index read into Rust).
    #[serde(default)]
    pub bundle_parsed: Option<Samples>,
    /// Navigation start → the app's `recap:search-ready` mark (the search index arrived).
    #[serde(default)]
    pub search_index_ready: Option<Samples>,
    pub memory: Memory,
    /// The method's floor: a change that costs the page nothing.
    pub baseline: Option<Samples>,
    pub filter: Option<Samples>,
    pub search: Option<Samples>,
    #[serde(default)]
    pub notes: Vec<String>,
}

/// Timings in milliseconds.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Samples {
    /// `mark` (the app's performance mark) or `observer` (first cards only).
    #[serde(default)]
    pub source: Option<String>,
    /// For interactions: to the frame after the DOM changed.
    pub ms: Vec<f64>,
    /// For interactions: to the last DOM mutation of the update (the end of the app's task and
    /// the microtasks it queued that changed the DOM), the DOM updated.
    #[serde(default)]
    pub dom_ms: Vec<f64>,
    /// For interactions: to a task posted from the first DOM mutation, which runs after the
    /// update, and after the next frame too when Chromium schedules that frame first.
    #[serde(default)]
    pub updated_ms: Vec<f64>,
    /// Interactions after which the DOM did not change within the time limit.
    #[serde(default)]
    pub missed: usize,
}

impl Samples {
    /// The `p`-th percentile (nearest rank) of [`Samples::ms`], or `None` without samples.
    pub fn percentile(&self, p: f64) -> Option<f64> {
        percentile(&self.ms, p)
    }

    /// The same of [`Samples::dom_ms`].
    pub fn dom_percentile(&self, p: f64) -> Option<f64> {
        percentile(&self.dom_ms, p)
    }

    /// The same of [`Samples::updated_ms`].
    pub fn updated_percentile(&self, p: f64) -> Option<f64> {
        percentile(&self.updated_ms, p)
    }
}

fn percentile(samples: &[f64], p: f64) -> Option<f64> {
    let mut sorted = samples.to_vec();
    sorted.sort_by(f64::total_cmp);
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted.get(rank.clamp(1, sorted.len().max(1)) - 1).copied()
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Memory {
    pub js_heap_used_bytes: Option<f64>,
    pub wasm_memory_bytes: Option<f64>,
    pub dom_nodes: Option<f64>,
}

/// Copies `dist` to `site`, replacing its bundle with the files in `bundle_dir`.
pub fn prepare_site(dist: &Path, bundle_dir: &Path, site: &Path) -> Result<()> {
    if site.exists() {
        fs::remove_dir_all(site).with_context(|| format!("emptying {}", site.display()))?;
    }
    copy_dir(dist, site)?;
    copy_dir(bundle_dir, site)
}

fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    fs::create_dir_all(to).with_context(|| format!("creating {}", to.display()))?;
    for entry in fs::read_dir(from).with_context(|| format!("listing {}", from.display()))? {
        let path = entry?.path();
        let target = to.join(path.file_name().expect("listed entries have names"));
        if path.is_dir() {
            copy_dir(&path, &target)?;
        } else {
            fs::copy(&path, &target)
                .with_context(|| format!("copying {} to {}", path.display(), target.display()))?;
        }
    }
    Ok(())
}

/// Runs the Playwright benchmarks on `target/bench/site-<talks>/` for each of `sizes`, and reads
/// their results.
pub fn measure(
    bench_dir: &Path,
    sizes: &[usize],
    runs: usize,
    loads: usize,
) -> Result<Vec<BrowserResult>> {
    tools::ensure_test_tools()?;
    let results: Vec<PathBuf> = sizes
        .iter()
        .map(|talks| bench_dir.join(format!("browser-{talks}.json")))
        .collect();
    for path in &results {
        let _ = fs::remove_file(path);
    }
    let sites = sizes
        .iter()
        .map(usize::to_string)
        .collect::<Vec<_>>()
        .join(",");
    exec::run(
        cmd(tools::node_bin().join("playwright"))
            .args(["test", "--config", CONFIG])
            .env("BENCH_ROOT", bench_dir)
            .env("BENCH_OUT", bench_dir)
            .env("BENCH_SITES", sites)
            .env("BENCH_RUNS", runs.to_string())
            .env("BENCH_LOADS", loads.to_string())
            .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"),
    )
    .context("running the browser benchmarks (Playwright)")?;
    results
        .iter()
        .map(|path| {
            let text =
                fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
            let result: BrowserResult = serde_json::from_str(&text)
                .with_context(|| format!("parsing {}", path.display()))?;
            if result.first_card.ms.is_empty() {
                bail!("{}: no page load was measured", path.display());
            }
            Ok(result)
        })
        .collect()
}
