//! `recap`: the command-line front of the recap compiler.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};
use recap_compiler::diagnostics::Severity;

/// mimalloc instead of the system allocator: extraction makes millions of small strings on
/// every core, and glibc's malloc and free took about a sixth of the compiler's time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Compile conference recap posts (Markdown) into a Recap Viewer bundle.
#[derive(Parser)]
#[command(name = "recap", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    Text,
    Json,
}

#[derive(Subcommand)]
enum Command {
    /// Compile recaps into a JSON bundle.
    Build {
        /// Recap files (.md) or folders searched recursively.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Where to write the bundle's card index, e.g. `dist/bundle.json`; its search index and
        /// notes go to content-hashed files in the folder of the same name (`dist/bundle/`).
        #[arg(long, short)]
        out: PathBuf,
        /// Hide notes (sections that are not talks, repairs); warnings and errors still show.
        #[arg(long, short)]
        quiet: bool,
    },
    /// Report what the compiler would do with recaps: talks it cannot read, sections it skips,
    /// merges, unknown hints. Exits non-zero when a recap has errors.
    Check {
        /// Recap files (.md) or folders searched recursively.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// `text` (compiler-style lines) or `json` (for CI).
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
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
        Command::Check { inputs, format } => {
            let compilation = recap_compiler::compile(&inputs)?;
            match format {
                Format::Json => println!(
                    "{}",
                    serde_json::to_string_pretty(&compilation.diagnostics)?
                ),
                Format::Text => {
                    for diagnostic in &compilation.diagnostics {
                        println!("{diagnostic}");
                    }
                    let count = |s: Severity| {
                        compilation
                            .diagnostics
                            .iter()
                            .filter(|d| d.severity == s)
                            .count()
                    };
                    println!(
                        "{} talks in {} conferences; {} errors, {} warnings, {} notes",
                        compilation.bundle.talks.len(),
                        compilation.bundle.conferences.len(),
                        count(Severity::Error),
                        count(Severity::Warning),
                        count(Severity::Note)
                    );
                }
            }
            Ok(if compilation.has_errors() {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Eval { inputs, expected } => {
            print!(
                "{}",
                recap_compiler::eval::score_recaps(&inputs, &expected)?
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Build { inputs, out, quiet } => {
            // The layout builds the search index while it writes the notes.
            let compilation = recap_compiler::compile_unindexed(&inputs)?;
            for diagnostic in &compilation.diagnostics {
                if !quiet || diagnostic.severity > Severity::Note {
                    eprintln!("{diagnostic}");
                }
            }
            if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
                std::fs::create_dir_all(parent)
                    .with_context(|| format!("creating {}", parent.display()))?;
            }
            let has_errors = compilation.has_errors();
            let bundle = compilation.bundle;
            let summary = format!(
                "{} conferences, {} talks, {} speakers, {} tracks",
                bundle.conferences.len(),
                bundle.talks.len(),
                bundle.speakers.len(),
                bundle.tracks.len()
            );
            let written = recap_compiler::layout::write_unindexed(bundle, &out)?;
            eprintln!(
                "wrote {} and {} files in {}/: {summary}",
                out.display(),
                written.len() - 1,
                recap_compiler::layout::folder_of(&out),
            );
            Ok(if has_errors {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            })
        }
    }
}
