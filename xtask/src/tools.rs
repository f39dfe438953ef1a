//! Tool set-up shared by `serve`, `dist` and `test`: install what is missing, skip what is there.
//!
//! Everything comes from the package registries (crates.io, npm, Debian) and is pinned:
//! - the `wasm32-unknown-unknown` target, through rustup;
//! - Trunk [`TRUNK_VERSION`] (`cargo install --locked`; 0.22 does not build on our Rust);
//! - `wasm-bindgen-cli` at exactly the `wasm-bindgen` version in `Cargo.lock` (Trunk and
//!   `wasm-bindgen-test-runner` refuse a mismatch);
//! - the npm packages of `package-lock.json`: `binaryen` (our `wasm-opt`) and `@playwright/test`,
//!   never a Playwright browser download;
//! - for tests only, Debian's `chromium` and `chromium-driver`.
//!
//! Each check is a version probe, so a second run with everything in place takes well under a
//! second. Trunk always runs with `--offline` and `node_modules/.bin` on `PATH`, so it uses these
//! binaries and never downloads its own.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};
use serde::Deserialize;

use crate::exec::{self, cmd, probe, run};

/// The Trunk release we build with.
pub const TRUNK_VERSION: &str = "0.21.14";
/// The Rust target the app compiles to.
pub const WASM_TARGET: &str = "wasm32-unknown-unknown";
/// Debian's Chromium, used by wasm-bindgen-test (through chromedriver) and by Playwright.
pub const CHROMIUM: &str = "/usr/bin/chromium";
/// Debian's ChromeDriver, matching [`CHROMIUM`].
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// Everything `trunk build`/`trunk serve` need: wasm target, Trunk, wasm-bindgen, wasm-opt.
pub fn ensure_build_tools() -> Result<()> {
    ensure_wasm_target()?;
    ensure_trunk()?;
    ensure_wasm_bindgen()?;
    ensure_npm_packages()?;
    ensure_wasm_opt()
}

/// Build tools plus the browser the tests drive.
pub fn ensure_test_tools() -> Result<()> {
    ensure_chromium()?;
    ensure_build_tools()
}

/// `node_modules/.bin`, where npm puts `wasm-opt` and `playwright`.
pub fn node_bin() -> PathBuf {
    exec::root().join("node_modules").join(".bin")
}

/// A `trunk` command in the workspace root that finds our `wasm-opt` first.
pub fn trunk() -> Result<Command> {
    let mut trunk = cmd("trunk");
    trunk.env("PATH", exec::path_with(&[node_bin()])?);
    Ok(trunk)
}

fn ensure_wasm_target() -> Result<()> {
    let installed = probe(cmd("rustup").args(["target", "list", "--installed"]))
        .context("`rustup target list --installed` failed: this project expects Rust via rustup")?;
    if installed.lines().any(|line| line.trim() == WASM_TARGET) {
        return Ok(());
    }
    run(cmd("rustup").args(["target", "add", WASM_TARGET]))
        .with_context(|| format!("installing the Rust target {WASM_TARGET}"))
}

fn ensure_trunk() -> Result<()> {
    let wanted = format!("trunk {TRUNK_VERSION}");
    match probe(cmd("trunk").arg("--version")) {
        Some(found) if found == wanted => return Ok(()),
        Some(found) => eprintln!("xtask: found `{found}`, need `{wanted}`"),
        None => eprintln!("xtask: Trunk is not installed"),
    }
    eprintln!("xtask: installing Trunk {TRUNK_VERSION} from crates.io (takes about 8 minutes)");
    run(exec::cargo().args(["install", "trunk", "--version", TRUNK_VERSION, "--locked"]))
        .context("installing Trunk")
}

#[derive(Deserialize)]
struct Lockfile {
    #[serde(default)]
    package: Vec<LockedPackage>,
}

#[derive(Deserialize)]
struct LockedPackage {
    name: String,
    version: String,
}

/// The `wasm-bindgen` version `Cargo.lock` pins, if the app depends on it yet.
pub fn locked_wasm_bindgen() -> Result<Option<String>> {
    let path = exec::root().join("Cargo.lock");
    let text = fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let lock: Lockfile =
        toml::from_str(&text).with_context(|| format!("parsing {}", path.display()))?;
    let mut versions: Vec<String> = lock
        .package
        .into_iter()
        .filter(|package| package.name == "wasm-bindgen")
        .map(|package| package.version)
        .collect();
    if versions.len() > 1 {
        bail!(
            "Cargo.lock holds several wasm-bindgen versions ({}); the app must use one",
            versions.join(", ")
        );
    }
    Ok(versions.pop())
}

fn ensure_wasm_bindgen() -> Result<()> {
    let Some(version) = locked_wasm_bindgen()? else {
        eprintln!("xtask: Cargo.lock has no wasm-bindgen yet; not installing wasm-bindgen-cli");
        return Ok(());
    };
    let found = probe(cmd("wasm-bindgen").arg("--version"));
    // `wasm-bindgen --version` prints `wasm-bindgen 0.2.100` (the same field Trunk reads).
    if found.as_deref().and_then(|text| text.split(' ').nth(1)) == Some(version.as_str()) {
        return Ok(());
    }
    eprintln!(
        "xtask: installing wasm-bindgen-cli {version} (Cargo.lock's wasm-bindgen; found: {})",
        found.as_deref().unwrap_or("none")
    );
    // Not --locked: the CLI's own lockfile may need crates newer than our Rust allows.
    run(exec::cargo().args([
        "install",
        "wasm-bindgen-cli",
        "--version",
        &format!("={version}"),
    ]))
    .context("installing wasm-bindgen-cli")
}

/// Runs `npm ci` when `node_modules` is missing or was installed from another
/// `package-lock.json` (a copy of the lockfile it was installed from is kept as a stamp).
fn ensure_npm_packages() -> Result<()> {
    let root = exec::root();
    let lock_path = root.join("package-lock.json");
    let lock = fs::read(&lock_path).with_context(|| format!("reading {}", lock_path.display()))?;
    let stamp = root
        .join("node_modules")
        .join(".xtask-installed-package-lock.json");
    if fs::read(&stamp).is_ok_and(|installed| installed == lock) {
        return Ok(());
    }
    run(cmd("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"))
    .context("installing npm packages (npm ci)")?;
    fs::write(&stamp, lock).with_context(|| format!("writing {}", stamp.display()))
}

/// Checks that npm's `wasm-opt` is the version `Trunk.toml` asks for, so Trunk (offline) takes it.
fn ensure_wasm_opt() -> Result<()> {
    let wasm_opt = node_bin().join("wasm-opt");
    let Some(wanted) = trunk_tool_version("wasm_opt")? else {
        return Ok(());
    };
    let found = probe(Command::new(&wasm_opt).arg("--version")).with_context(|| {
        format!(
            "{} does not run: is `binaryen` in package.json?",
            wasm_opt.display()
        )
    })?;
    // `wasm-opt version 132 (version_132)`; Trunk reads the third word.
    let found = found
        .split(' ')
        .nth(2)
        .map(|number| format!("version_{number}"));
    if found.as_deref() != Some(wanted.as_str()) {
        bail!(
            "Trunk.toml wants wasm_opt = {wanted:?} but the npm package binaryen provides {:?}: \
             keep package.json and Trunk.toml [tools] in step",
            found.unwrap_or_default()
        );
    }
    Ok(())
}

/// A `[tools]` entry of `Trunk.toml`.
fn trunk_tool_version(tool: &str) -> Result<Option<String>> {
    let table = read_trunk_toml()?;
    Ok(table
        .get("tools")
        .and_then(|tools| tools.get(tool))
        .and_then(|version| version.as_str())
        .map(str::to_owned))
}

/// `Trunk.toml` as a TOML table.
pub fn read_trunk_toml() -> Result<toml::Table> {
    let path = exec::root().join("Trunk.toml");
    let text = fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    text.parse()
        .with_context(|| format!("parsing {}", path.display()))
}

/// Installs Debian's Chromium and ChromeDriver when either binary is missing (needs root).
fn ensure_chromium() -> Result<()> {
    if Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists() {
        return Ok(());
    }
    eprintln!("xtask: installing Debian's chromium and chromium-driver");
    run(cmd("apt-get").arg("update")).context("apt-get update (are you root?)")?;
    run(cmd("apt-get")
        .args(["install", "-y", "chromium", "chromium-driver"])
        .env("DEBIAN_FRONTEND", "noninteractive"))
    .context("installing chromium and chromium-driver with apt-get")?;
    for binary in [CHROMIUM, CHROMEDRIVER] {
        if !Path::new(binary).exists() {
            bail!("apt-get installed chromium, but {binary} is still missing");
        }
    }
    Ok(())
}
