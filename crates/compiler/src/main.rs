//! `recap`: the command-line front of the recap compiler.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};

/// Compile conference recap posts (Markdown) into a Recap Viewer bundle.
#[derive(Parser)]
#[command(name = "recap", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Compile recaps into a JSON bundle.
    Build {
        /// Recap files (.md) or folders searched recursively.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Where to write the bundle.
        #[arg(long, short)]
        out: PathBuf,
        /// Hide notes (sections that are not talks, repairs); warnings and errors still show.
        #[arg(long, short)]
        quiet: bool,
    },
    /// Print the JSON Schema of the bundle format.
    Schema,
    /// Compile recaps and score them against hand annotations (`<stem>.expected.json`).
    Eval {
        /// Recap files (.md) or folders searched recursively.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Folder of `<recap stem>.expected.json` annotation files.
        #[arg(long)]
        expected: PathBuf,
    },
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Schema => {
            print!("{}", recap_compiler::bundle_schema());
            Ok(ExitCode::SUCCESS)
        }
        Command::Eval { inputs, expected } => {
            print!("{}", recap_compiler::eval::score_recaps(&inputs, &expected)?);
            Ok(ExitCode::SUCCESS)
        }
        Command::Build { inputs, out, quiet } => {
            let compilation = recap_compiler::compile(&inputs)?;
            for diagnostic in &compilation.diagnostics {
                if !quiet || diagnostic.severity > recap_compiler::diagnostics::Severity::Note {
                    eprintln!("{diagnostic}");
                }
            }
            if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
                std::fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
            }
            std::fs::write(&out, recap_compiler::bundle_json(&compilation.bundle))
                .with_context(|| format!("writing {}", out.display()))?;
            let bundle = &compilation.bundle;
            eprintln!(
                "wrote {}: {} conferences, {} talks, {} speakers, {} tracks",
                out.display(),
                bundle.conferences.len(),
                bundle.talks.len(),
                bundle.speakers.len(),
                bundle.tracks.len()
            );
            Ok(if compilation.has_errors() { ExitCode::FAILURE } else { ExitCode::SUCCESS })
        }
    }
}
