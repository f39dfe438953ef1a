//! `cargo xtask`: the project's automation, in Rust so it runs wherever cargo does.
//!
//! The README's two commands live here:
//! - `cargo xtask serve` installs the missing build tools, compiles the recaps and serves the app
//!   on <http://127.0.0.1:8080> with live reload;
//! - `cargo xtask test` installs what the tests need and runs every test layer.
//!
//! Besides them, `cargo xtask dist` builds the release site and prints its sizes, and
//! `cargo xtask bundle` compiles recaps into a bundle and `cargo xtask embed` writes `embed.js`,
//! the `<recap-viewer>` element ([`embed`]; Trunk's `post_build` hooks call both, so `trunk build`
//! and `trunk serve` both ship a `bundle.json` and an `embed.js`), and `cargo xtask icons` draws the
//! app icons. Offline support and host headers: [`offline`], [`deploy`] (docs/DEPLOY.md).
//! For performance at archive scale, `cargo xtask synth` writes a synthetic archive of recaps and
//! `cargo xtask bench` measures compiler, bytes shipped and the app in Chromium (BENCHMARKS.md).
//!
//! Every subcommand lives in its own module; the tool set-up they share is in [`tools`].

mod bench;
mod budgets;
mod bundle;
mod deploy;
mod dist;
mod embed;
mod exec;
mod icons;
mod offline;
mod serve;
mod synth;
mod test;
mod tools;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "cargo xtask", about = "Recap Viewer automation", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// Recap inputs shared by the subcommands that build the site.
#[derive(clap::Args, Debug, Clone)]
pub struct RecapArgs {
    /// Recap `.md` files or folders to compile into the bundle [default: recaps/]
    #[arg(long = "recaps", num_args = 1.., value_name = "DIR or FILE")]
    pub recaps: Vec<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Install missing build tools, compile the recaps and serve the app on http://127.0.0.1:8080
    Serve(RecapArgs),
    /// Build the release site into dist/ (relative URLs) and print its sizes
    Dist(dist::Args),
    /// Install what the tests need and run every test layer (lint, native, wasm, browser)
    Test,
    /// Check the size budgets (app shell gzip, bundle bytes per talk) against dist/
    Budgets,
    /// Compile recaps into a bundle (used by Trunk's post_build hook)
    Bundle(bundle::Args),
    /// Write embed.js (the <recap-viewer> element) into a built site (used by Trunk's post_build hook)
    Embed(embed::Args),
    /// Draw the app icons into public/icons/ (checked in; a test keeps them in step)
    Icons,
    /// Write a deterministic synthetic archive of recaps (for benchmarks) into target/synth/
    Synth(synth::Args),
    /// Measure compiler throughput, bytes shipped and browser timings at archive scale
    Bench(bench::Args),
}

fn main() {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Serve(args) => serve::run(&args),
        Command::Dist(args) => dist::run(&args),
        Command::Test => test::run(),
        Command::Budgets => budgets::check(&exec::root().join("dist")),
        Command::Bundle(args) => bundle::run(&args),
        Command::Embed(args) => embed::run(&args),
        Command::Synth(args) => synth::run(&args),
        Command::Bench(args) => bench::run(&args),
        Command::Icons => icons::run(),
    };
    if let Err(err) = result {
        eprintln!("\nxtask: error: {err:#}");
        std::process::exit(1);
    }
}
