//! `cargo xtask serve`: install missing build tools, then `trunk serve` the app with live reload.
//!
//! Address and port (127.0.0.1:8080) are in `Trunk.toml [serve]`. The bundle comes from Trunk's
//! `post_build` hook (see [`crate::bundle`]), fed the `--recaps` inputs through an environment
//! variable, so every rebuild recompiles the recaps.
//!
//! Watching: Trunk watches what `Trunk.toml [watch]` says (by default the workspace, which
//! includes `recaps/`) and ignores Cargo's `target/` itself (where the Playwright results go
//! too). We add recap inputs that lie outside the workspace to the watch list, and ignore
//! `node_modules/` and `dist/`, which `cargo xtask test`/`dist` may rewrite while a server runs.
//! The dev site is written to `target/serve/`, so those never fight the server over `dist/`.

use std::path::PathBuf;

use anyhow::{Context, Result};

use crate::exec;
use crate::{RecapArgs, bundle, tools};

/// Folders the dev server never rebuilds for (besides `target/`, which Trunk ignores itself, and
/// where the Playwright results go).
const IGNORED: [&str; 2] = ["node_modules", "dist"];

pub fn run(args: &RecapArgs) -> Result<()> {
    let inputs = bundle::resolve_inputs(&args.recaps)?;
    tools::ensure_build_tools()?;

    let root = exec::root();
    let mut trunk = tools::trunk()?;
    trunk
        .args(["serve", "--offline", "--dist"])
        .arg(root.join("target").join("serve"))
        .env(bundle::INPUT_ENV, bundle::input_env(&inputs)?);

    let (mut watch, configured_ignore) = configured_watch()?;
    let outside: Vec<&PathBuf> = inputs
        .iter()
        .filter(|path| !path.starts_with(&root))
        .collect();
    if !outside.is_empty() {
        // `--watch` replaces the configured list, so pass that list along too.
        if watch.is_empty() {
            watch.push(root.clone());
        }
        watch.extend(outside.into_iter().cloned());
        for path in &watch {
            trunk.arg("--watch").arg(path);
        }
    }
    // Likewise `--ignore` replaces `[watch] ignore`. Trunk rejects paths that do not exist.
    let ignore = configured_ignore
        .into_iter()
        .chain(IGNORED.iter().map(|dir| root.join(dir)))
        .filter(|path| path.exists());
    for path in ignore {
        trunk.arg("--ignore").arg(path);
    }

    eprintln!("xtask: serving recaps from {}", display_inputs(&inputs));
    serve_forever(trunk)
}

/// On Unix the xtask process becomes `trunk serve` (`cargo run` execs too), so stopping the pid
/// you started, or Ctrl-C, stops the server and nothing is left holding the port.
#[cfg(unix)]
fn serve_forever(mut trunk: std::process::Command) -> Result<()> {
    use std::os::unix::process::CommandExt;
    eprintln!("$ {}", exec::display(&trunk));
    let err = trunk.exec();
    Err(err).context("could not start trunk serve")
}

#[cfg(not(unix))]
fn serve_forever(mut trunk: std::process::Command) -> Result<()> {
    exec::run(&mut trunk).context("trunk serve stopped")
}

/// `Trunk.toml [watch]`'s `watch` and `ignore` lists, as absolute paths.
fn configured_watch() -> Result<(Vec<PathBuf>, Vec<PathBuf>)> {
    let table = tools::read_trunk_toml()?;
    let root = exec::root();
    let list = |key: &str| -> Vec<PathBuf> {
        table
            .get("watch")
            .and_then(|watch| watch.get(key))
            .and_then(|list| list.as_array())
            .into_iter()
            .flatten()
            .filter_map(|item| item.as_str())
            .map(|path| root.join(path))
            .collect()
    };
    Ok((list("watch"), list("ignore")))
}

fn display_inputs(inputs: &[PathBuf]) -> String {
    inputs
        .iter()
        .map(|path| path.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}
