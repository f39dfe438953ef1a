//! `cargo xtask bundle`: compile recaps into a JSON bundle with the project's compiler.
//!
//! Trunk's `post_build` hook (see `Trunk.toml`) runs `cargo xtask bundle` after every build,
//! so `trunk build` and `trunk serve` (including its rebuilds on a recap edit) both put a fresh
//! `bundle.json` next to `index.html`. The hook gets its inputs from [`INPUT_ENV`], which
//! `cargo xtask serve`/`dist` set from `--recaps`; without it the project's `recaps/` are used.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::exec;

/// Environment variable carrying the recap inputs to the hook, joined like `PATH`.
pub const INPUT_ENV: &str = "RECAP_INPUT";
/// Trunk's staging folder, set for hooks.
const STAGING_ENV: &str = "TRUNK_STAGING_DIR";
/// The bundle's file name next to `index.html` (see docs/CONTRACT.md).
pub const BUNDLE_FILE: &str = "bundle.json";

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Where to write the bundle [default: $TRUNK_STAGING_DIR/bundle.json]
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Recap `.md` files or folders [default: $RECAP_INPUT, else recaps/]
    inputs: Vec<PathBuf>,
}

pub fn run(args: &Args) -> Result<()> {
    let inputs = if !args.inputs.is_empty() {
        resolve_inputs(&args.inputs)?
    } else if let Some(joined) = std::env::var_os(INPUT_ENV).filter(|value| !value.is_empty()) {
        resolve_inputs(&std::env::split_paths(&joined).collect::<Vec<_>>())
            .with_context(|| format!("in ${INPUT_ENV}"))?
    } else {
        resolve_inputs(&[])?
    };
    let out = match &args.out {
        Some(out) => out.clone(),
        None => std::env::var_os(STAGING_ENV)
            .map(|staging| PathBuf::from(staging).join(BUNDLE_FILE))
            .with_context(|| {
                format!("give --out <FILE> (or run as a Trunk hook, which sets ${STAGING_ENV})")
            })?,
    };
    compile(&inputs, &out)
}

/// Makes the recap inputs absolute (relative to the current directory) and checks they exist;
/// no inputs means the project's own `recaps/`.
pub fn resolve_inputs(given: &[PathBuf]) -> Result<Vec<PathBuf>> {
    if given.is_empty() {
        return Ok(vec![exec::root().join("recaps")]);
    }
    let cwd = std::env::current_dir().context("reading the current directory")?;
    given
        .iter()
        .map(|path| {
            let path = cwd.join(path);
            path.canonicalize()
                .with_context(|| format!("recap input {} does not exist", path.display()))
        })
        .collect()
}

/// The inputs joined for [`INPUT_ENV`].
pub fn input_env(inputs: &[PathBuf]) -> Result<OsString> {
    std::env::join_paths(inputs).context("a recap path contains the PATH separator")
}

/// Compiles `inputs` into the bundle `out` with the project's compiler (`recap build`).
pub fn compile(inputs: &[PathBuf], out: &Path) -> Result<()> {
    if let Some(parent) = out.parent() {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("creating {}", parent.display()))?;
    }
    // A stale bundle must not pass for a fresh one if the compiler fails to write.
    let _ = std::fs::remove_file(out);
    exec::run(
        exec::cargo()
            .args([
                "run",
                "--quiet",
                "--package",
                "recap-compiler",
                "--bin",
                "recap",
                "--",
            ])
            .arg("build")
            .args(inputs)
            .arg("--out")
            .arg(out),
    )
    .context("compiling the recaps into a bundle")?;
    if !out.is_file() {
        bail!("the recap compiler exited 0 but wrote no {}", out.display());
    }
    Ok(())
}
