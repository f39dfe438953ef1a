//! The benchmark report: one Markdown table, a column per archive size and the target
//! next to each number (✓ met, ✗ missed), as printed and as recorded in BENCHMARKS.md.

use super::browser::{BrowserResult, Samples};
use super::compiler::median_seconds;
use super::{Report, SizeReport};

/// The targets of issue 6.
const SHELL_GZIP_MAX: f64 = 120_000.0;
const FIRST_CARD_MAX_MS: f64 = 500.0;
const RATIO_MIN: f64 = 0.5;
/// p95 latency budget for filtering and search at a given archive size, in ms.
fn latency_budget(talks: usize) -> Option<f64> {
    match talks {
        1_000 => Some(16.0),
        10_000 => Some(33.0),
        _ => None,
    }
}

struct Row {
    label: String,
    cells: Vec<String>,
    target: String,
}

/// Renders the report as Markdown: a header line about the machine, the table, then notes.
pub fn render(report: &Report) -> String {
    let rows = rows(report);
    let mut header = vec!["".to_owned()];
    header.extend(
        report
            .sizes
            .iter()
            .map(|size| format!("{} talks", thousands(size.talks as f64))),
    );
    header.push("target".to_owned());
    let table: Vec<Vec<String>> = std::iter::once(header)
        .chain(rows.into_iter().map(|row| {
            let mut line = vec![row.label];
            line.extend(row.cells);
            line.push(row.target);
            line
        }))
        .collect();
    let columns = table[0].len();
    let widths: Vec<usize> = (0..columns)
        .map(|column| {
            table
                .iter()
                .map(|line| line[column].chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    out.push_str(&format!("Machine: {}\n\n", report.machine.summary()));
    for (index, line) in table.iter().enumerate() {
        let cells: Vec<String> = line
            .iter()
            .enumerate()
            .map(|(column, cell)| {
                let pad = widths[column] - cell.chars().count();
                if column == 0 || column == columns - 1 {
                    format!("{cell}{}", " ".repeat(pad))
                } else {
                    format!("{}{cell}", " ".repeat(pad))
                }
            })
            .collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
        if index == 0 {
            // `|---|---:|`: numbers right-aligned, label and target left.
            let rule: Vec<String> = widths
                .iter()
                .enumerate()
                .map(|(column, width)| {
                    if column == 0 || column == columns - 1 {
                        "-".repeat(width + 2)
                    } else {
                        format!("{}:", "-".repeat(width + 1))
                    }
                })
                .collect();
            out.push_str(&format!("|{}|\n", rule.join("|")));
        }
    }
    for note in &report.notes {
        out.push_str(&format!("\n- {note}"));
    }
    out.push('\n');
    out
}

fn rows(report: &Report) -> Vec<Row> {
    let sizes = &report.sizes;
    let each = |f: &dyn Fn(&SizeReport) -> String| sizes.iter().map(f).collect::<Vec<_>>();
    let browser = |f: &dyn Fn(&BrowserResult) -> String| {
        sizes
            .iter()
            .map(|size| size.browser.as_ref().map_or_else(|| "–".to_owned(), f))
            .collect::<Vec<_>>()
    };
    let shell_raw = report.shell.raw() as f64;
    let shell_gzip = report.shell.gzip() as f64;
    let mut rows = vec![
        Row {
            label: "Markdown input: recaps, MB".into(),
            cells: each(&|s| format!("{}, {:.2}", s.manifest.recaps, mb(s.markdown_bytes as f64))),
            target: String::new(),
        },
        Row {
            label: "talks found / generated (warnings)".into(),
            cells: each(&|s| {
                format!(
                    "{} / {} ({})",
                    thousands(s.talks_found as f64),
                    thousands(s.manifest.talks as f64),
                    s.warnings
                )
            }),
            target: String::new(),
        },
        Row {
            label: "compiler: MB/s (median run)".into(),
            cells: each(&|s| format!("{:.1}", s.compiler_mb_per_s())),
            target: String::new(),
        },
        Row {
            label: "compiler: talks/s".into(),
            cells: each(&|s| thousands(s.manifest.talks as f64 / s.compiler_seconds())),
            target: String::new(),
        },
        Row {
            label: "reference: pulldown-cmark + HTML + ammonia, MB/s".into(),
            cells: each(&|s| format!("{:.1}", s.reference_mb_per_s())),
            target: String::new(),
        },
        Row {
            label: "reference: pulldown-cmark parse only, MB/s".into(),
            cells: each(&|s| {
                format!(
                    "{:.0}",
                    mb(s.markdown_bytes as f64) / median_seconds(&s.reference.parse_only)
                )
            }),
            target: String::new(),
        },
        Row {
            label: "compiler / reference".into(),
            cells: each(&|s| {
                let ratio = s.compiler_mb_per_s() / s.reference_mb_per_s();
                format!("{:.0}% {}", ratio * 100.0, verdict(ratio >= RATIO_MIN))
            }),
            target: "≥ 50%".into(),
        },
        Row {
            label: "compiler peak memory, MB RSS".into(),
            cells: each(&|s| {
                s.compiler
                    .peak_rss
                    .map_or_else(|| "n/a".into(), |rss| format!("{:.0}", mb(rss as f64)))
            }),
            target: "reported".into(),
        },
        Row {
            label: "bundle bytes per talk, raw / gzip".into(),
            cells: each(&|s| {
                format!(
                    "{} / {}",
                    thousands(s.bundle.raw() as f64 / s.manifest.talks as f64),
                    thousands(s.bundle.gzip() as f64 / s.manifest.talks as f64)
                )
            }),
            target: "(size test: later)".into(),
        },
        Row {
            label: "bundle files, kB raw / gzip".into(),
            cells: each(&|s| {
                format!(
                    "{} / {}",
                    thousands(kb(s.bundle.raw() as f64)),
                    thousands(kb(s.bundle.gzip() as f64))
                )
            }),
            target: String::new(),
        },
        Row {
            label: "app shell (html+js+wasm+css), kB raw / gzip".into(),
            cells: each(&|_| {
                format!(
                    "{:.1} / {:.1} {}",
                    kb(shell_raw),
                    kb(shell_gzip),
                    verdict(shell_gzip <= SHELL_GZIP_MAX)
                )
            }),
            target: "≤ 120 kB gzip".into(),
        },
        Row {
            label: "first card downloads (shell + bundle.json), kB gzip".into(),
            cells: each(&|s| {
                let bundle = s
                    .bundle
                    .get(crate::bundle::BUNDLE_FILE)
                    .map_or(0, |file| file.gzip);
                thousands(kb(shell_gzip + bundle as f64))
            }),
            target: "reported at 10,000".into(),
        },
        Row {
            label: "first card p50 / p95, ms".into(),
            cells: browser(&|b| {
                let cell = p50_p95(&b.first_card);
                match b.talks {
                    10_000 => with_verdict(cell, &b.first_card, FIRST_CARD_MAX_MS),
                    _ => cell,
                }
            }),
            target: "≤ 500 ms at 10,000".into(),
        },
        Row {
            label: "  of which bundle.json loaded, p50 ms".into(),
            cells: browser(&|b| p50(Some(&b.bundle_loaded))),
            target: String::new(),
        },
        Row {
            label: "  of which bundle.json parsed, p50 ms".into(),
            cells: browser(&|b| p50(b.bundle_parsed.as_ref())),
            target: String::new(),
        },
        Row {
            label: "  search index arrived, p50 ms".into(),
            cells: browser(&|b| p50(b.search_index_ready.as_ref())),
            target: String::new(),
        },
        Row {
            label: "  search index file, kB gzip".into(),
            cells: each(&|s| {
                s.bundle
                    .search_index()
                    .map_or_else(|| "n/a".into(), |file| thousands(kb(file.gzip as f64)))
            }),
            target: String::new(),
        },
        Row {
            label: "filter: input → DOM updated, p50 / p95 ms".into(),
            cells: browser(&|b| interaction(b.filter.as_ref(), b.talks)),
            target: "p95 ≤ 16 ms at 1,000, ≤ 33 ms at 10,000".into(),
        },
        Row {
            label: "  input → a task posted after it, p50 / p95 ms".into(),
            cells: browser(&|b| posted_task(b.filter.as_ref())),
            target: String::new(),
        },
        Row {
            label: "  input → next frame, p50 / p95 ms".into(),
            cells: browser(&|b| next_frame(b.filter.as_ref())),
            target: String::new(),
        },
        Row {
            label: "search: input → DOM updated, p50 / p95 ms".into(),
            cells: browser(&|b| interaction(b.search.as_ref(), b.talks)),
            target: "p95 ≤ 16 ms at 1,000, ≤ 33 ms at 10,000".into(),
        },
        Row {
            label: "  input → a task posted after it, p50 / p95 ms".into(),
            cells: browser(&|b| posted_task(b.search.as_ref())),
            target: String::new(),
        },
        Row {
            label: "  input → next frame, p50 / p95 ms".into(),
            cells: browser(&|b| next_frame(b.search.as_ref())),
            target: String::new(),
        },
        Row {
            label: "method floor: no-op change → next frame, p50 / p95 ms".into(),
            cells: browser(&|b| b.baseline.as_ref().map_or_else(|| "n/a".into(), p50_p95)),
            target: String::new(),
        },
        Row {
            label: "JS heap after load, MB".into(),
            cells: browser(&|b| {
                b.memory
                    .js_heap_used_bytes
                    .map_or_else(|| "n/a".into(), |bytes| format!("{:.1}", mb(bytes)))
            }),
            target: "reported at 10,000".into(),
        },
        Row {
            label: "wasm memory after load, MB".into(),
            cells: browser(&|b| {
                b.memory
                    .wasm_memory_bytes
                    .map_or_else(|| "n/a".into(), |bytes| format!("{:.1}", mb(bytes)))
            }),
            target: String::new(),
        },
        Row {
            label: "cards / DOM nodes after load".into(),
            cells: browser(&|b| {
                format!(
                    "{} / {}",
                    thousands(b.cards_shown as f64),
                    b.memory.dom_nodes.map_or_else(|| "n/a".into(), thousands)
                )
            }),
            target: String::new(),
        },
    ];
    // Rows nothing was measured for (the browser rows with --no-browser).
    rows.retain(|row| !row.cells.iter().all(|cell| cell.is_empty() || cell == "–"));
    rows
}

/// Input → DOM updated (its last mutation), checked against the target.
fn interaction(samples: Option<&Samples>, talks: usize) -> String {
    let Some(samples) = samples else {
        return "n/a".into();
    };
    let Some(p95) = samples.dom_percentile(95.0) else {
        return "n/a".into();
    };
    let mut cell = p50_p95_by(|p| samples.dom_percentile(p));
    if let Some(budget) = latency_budget(talks) {
        cell = format!("{cell} {}", verdict(p95 <= budget));
    }
    if samples.missed > 0 {
        cell.push_str(&format!(" ({} missed)", samples.missed));
    }
    cell
}

/// Input → a task posted from the update's first mutation (the measure of the first six runs).
fn posted_task(samples: Option<&Samples>) -> String {
    samples.map_or_else(
        || "n/a".into(),
        |samples| p50_p95_by(|p| samples.updated_percentile(p)),
    )
}

/// Input → the frame after the update.
fn next_frame(samples: Option<&Samples>) -> String {
    samples.map_or_else(|| "n/a".into(), p50_p95)
}

/// The median of `samples` in whole milliseconds, or `n/a` without any.
fn p50(samples: Option<&Samples>) -> String {
    samples
        .and_then(|samples| samples.percentile(50.0))
        .map_or_else(|| "n/a".into(), |ms| format!("{ms:.0}"))
}

fn p50_p95(samples: &Samples) -> String {
    p50_p95_by(|p| samples.percentile(p))
}

/// `p50 / p95` in whole milliseconds of one of a [`Samples`]' measures, given as its
/// percentile function, or `n/a` without samples.
fn p50_p95_by(percentile: impl Fn(f64) -> Option<f64>) -> String {
    match (percentile(50.0), percentile(95.0)) {
        (Some(p50), Some(p95)) => format!("{p50:.0} / {p95:.0}"),
        _ => "n/a".into(),
    }
}

fn with_verdict(cell: String, samples: &Samples, max_p95: f64) -> String {
    match samples.percentile(95.0) {
        Some(p95) => format!("{cell} {}", verdict(p95 <= max_p95)),
        None => cell,
    }
}

fn verdict(met: bool) -> &'static str {
    if met { "✓" } else { "✗" }
}

fn mb(bytes: f64) -> f64 {
    bytes / 1e6
}

fn kb(bytes: f64) -> f64 {
    bytes / 1e3
}

/// `12345.6` → `12,346`.
pub fn thousands(value: f64) -> String {
    if !value.is_finite() {
        return "n/a".into();
    }
    let digits = format!("{:.0}", value.abs());
    let mut out = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    if value < 0.0 && digits != "0" {
        out.insert(0, '-');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(0.4), "0");
        assert_eq!(thousands(999.0), "999");
        assert_eq!(thousands(1_000.0), "1,000");
        assert_eq!(thousands(1_234_567.8), "1,234,568");
    }

    #[test]
    fn nearest_rank_percentiles() {
        let samples = Samples {
            source: None,
            ms: (1..=20).map(f64::from).collect(),
            dom_ms: vec![0.5, 1.5],
            updated_ms: vec![3.0, 1.0, 2.0],
            missed: 0,
        };
        assert_eq!(samples.percentile(50.0), Some(10.0));
        assert_eq!(samples.percentile(95.0), Some(19.0));
        assert_eq!(samples.updated_percentile(50.0), Some(2.0));
        assert_eq!(samples.dom_percentile(95.0), Some(1.5));
    }
}
