//! `cargo xtask test`: install what the tests need, then run every test layer, stopping at the
//! first that fails.
//!
//! Layers, cheapest first: tools, format, clippy (native and wasm), native tests (compiler golden
//! and corpus tests, filter logic), wasm-bindgen tests in headless Chromium, the release site
//! built from the two original recaps in `../shared/corpus`, the extra bundles the browser tests
//! load (`target/e2e/`), and the Playwright tests against that site.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, Result, bail};

use crate::exec::{self, cmd};
use crate::{budgets, bundle, dist, tools};

/// The recaps the release site under test is built from, relative to the workspace root.
const CORPUS_RECAPS: [&str; 2] = [
    "../shared/corpus/recaps/velocity-berlin-2019.md",
    "../shared/corpus/recaps/devopscon-munich-2018.md",
];

/// Our own recap full of script injection attempts; no script from it may ever run.
const HOSTILE_RECAPS: &str = "tests/fixtures/hostile";

/// The project's own sample recaps: the screenshots in `docs/screenshots/` show these (never
/// the shared corpus), and a few tests need what only they have (a speaker at two conferences).
const SAMPLE_RECAPS: &str = "recaps";

pub fn run() -> Result<()> {
    let root = exec::root();
    let corpus = CORPUS_RECAPS
        .iter()
        .map(|path| {
            let path = root.join(path);
            path.canonicalize().with_context(|| {
                format!(
                    "{} is missing: the tests need the shared corpus checked out next to the repository",
                    path.display()
                )
            })
        })
        .collect::<Result<Vec<_>>>()?;

    let mut layers = Layers::default();
    layers.run("tools", tools::ensure_test_tools)?;
    layers.run("format", || {
        exec::run(exec::cargo().args(["fmt", "--all", "--", "--check"]))
    })?;
    layers.run("clippy (native)", || {
        exec::run(exec::cargo().args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]))
    })?;
    layers.run("clippy (wasm)", || {
        exec::run(exec::cargo().args([
            "clippy",
            "--target",
            tools::WASM_TARGET,
            "--package",
            "recap-viewer",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]))
    })?;
    layers.run("native tests", || {
        exec::run(exec::cargo().args(["test", "--workspace"]))
    })?;
    layers.run("wasm tests (headless Chromium)", || {
        exec::run(
            exec::cargo()
                .current_dir(&root)
                .args([
                    "test",
                    "--target",
                    tools::WASM_TARGET,
                    "--package",
                    "recap-viewer",
                ])
                .env("CHROMEDRIVER", tools::CHROMEDRIVER),
        )
    })?;
    layers.run("release site (dist/)", || {
        let dist = root.join("dist");
        dist::build(&corpus, &dist)?;
        dist::print_sizes(&dist)
    })?;
    layers.run("size budgets", || budgets::check(&root.join("dist")))?;
    layers.run("browser test bundles (target/e2e/)", || {
        bundle::compile(
            &[root.join(HOSTILE_RECAPS)],
            &e2e_dir().join("hostile.json"),
        )?;
        bundle::compile(&[root.join(SAMPLE_RECAPS)], &e2e_dir().join("samples.json"))
    })?;
    layers.run("browser tests (Playwright)", || {
        exec::run(
            cmd(tools::node_bin().join("playwright"))
                .arg("test")
                .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"),
        )
    })?;
    layers.finish();
    Ok(())
}

/// Where the extra browser-test bundles are written (Playwright reads them from there too).
fn e2e_dir() -> PathBuf {
    exec::root().join("target").join("e2e")
}

/// Runs layers in order, timing each, and reports which one failed.
#[derive(Default)]
struct Layers {
    passed: Vec<(&'static str, f64)>,
    started: Option<Instant>,
}

impl Layers {
    fn run(&mut self, name: &'static str, layer: impl FnOnce() -> Result<()>) -> Result<()> {
        let started = Instant::now();
        self.started.get_or_insert(started);
        eprintln!("\n==> {name}");
        match layer() {
            Ok(()) => {
                self.passed.push((name, started.elapsed().as_secs_f64()));
                Ok(())
            }
            Err(err) => {
                self.summary();
                println!("{} passed, 1 failed", self.passed.len());
                bail!("test layer `{name}` failed: {err:#}")
            }
        }
    }

    fn summary(&self) {
        eprintln!("\nTest layers:");
        for (name, seconds) in &self.passed {
            eprintln!("  ok  {name:<40} {seconds:>7.1} s");
        }
        if let Some(started) = self.started {
            eprintln!("  total {:>42.1} s", started.elapsed().as_secs_f64());
        }
    }

    fn finish(&self) {
        self.summary();
        println!("{} passed, 0 failed", self.passed.len());
    }
}
