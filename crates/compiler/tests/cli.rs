//! The `recap` command line as a user runs it.

use std::process::Command;

fn recap(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_recap"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("recap runs")
}

#[test]
fn check_prints_compiler_style_diagnostics_and_fails_on_errors() {
    let out = recap(&[
        "check",
        "tests/fixtures/broken-front-matter/input.md",
        "tests/fixtures/author-hints/input.md",
    ]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!out.status.success(), "bad front matter is an error");
    assert!(
        stdout.contains("input.md:3:1: error: invalid TOML front matter"),
        "{stdout}"
    );
    assert!(
        stdout.contains("warning: unknown hint key `recap.colour`"),
        "{stdout}"
    );
    assert!(
        stdout.lines().last().unwrap().contains("1 errors"),
        "{stdout}"
    );
}

#[test]
fn check_succeeds_without_errors_and_speaks_json_for_ci() {
    let out = recap(&[
        "check",
        "--format",
        "json",
        "tests/fixtures/bylines-and-weekdays/input.md",
    ]);
    assert!(out.status.success());
    let diagnostics: serde_json::Value =
        serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    let first = &diagnostics[0];
    assert_eq!(first["severity"], "note");
    assert_eq!(
        (first["line"].as_u64(), first["column"].as_u64()),
        (Some(7), Some(1))
    );
    assert!(first["help"].as_str().unwrap().contains("recap: talk"));
}

#[test]
fn build_writes_the_bundle_and_reports_counts() {
    let out_path = std::env::temp_dir().join(format!("recap-cli-{}.json", std::process::id()));
    let out = recap(&[
        "build",
        "tests/fixtures/link-headings-with-tags",
        "--out",
        out_path.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bundle: recap_bundle::Bundle =
        serde_json::from_str(&std::fs::read_to_string(&out_path).unwrap()).unwrap();
    assert_eq!(bundle.talks.len(), 3);
    assert!(String::from_utf8_lossy(&out.stderr).contains("1 conferences, 3 talks"));
    std::fs::remove_file(out_path).ok();
}

#[test]
fn a_missing_input_names_the_path() {
    let out = recap(&["build", "no/such/folder", "--out", "/dev/null"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("error: reading no/such/folder"));
}
