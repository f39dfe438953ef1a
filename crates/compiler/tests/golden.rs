//! Golden tests: every folder in `tests/fixtures/` holds an `input.md` recap and the expected
//! `bundle.json` and `diagnostics.txt` the compiler gives for it.
//!
//! Re-bless after an intended change with `BLESS=1 cargo test -p recap-compiler --test golden`
//! and review the diff.

use std::path::{Path, PathBuf};

fn fixtures() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("tests/fixtures exists")
        .map(|e| e.expect("readable fixture folder").path())
        .filter(|p| p.join("input.md").exists())
        .collect();
    cases.sort();
    assert!(
        cases.len() >= 4,
        "expected the golden fixtures in {}",
        root.display()
    );
    cases
}

fn check(path: &Path, actual: &str, mismatches: &mut Vec<String>) {
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(path, actual).expect("write golden file");
        return;
    }
    let expected = std::fs::read_to_string(path).unwrap_or_default();
    if expected != actual {
        mismatches.push(format!(
            "{} differs (run with BLESS=1 to accept):\n--- expected\n{expected}\n--- actual\n{actual}",
            path.display()
        ));
    }
}

#[test]
fn fixtures_compile_to_their_golden_bundle_and_diagnostics() {
    let mut mismatches = Vec::new();
    for case in fixtures() {
        let source = std::fs::read_to_string(case.join("input.md")).unwrap();
        let compilation = recap_compiler::compile_sources([("input.md", source.as_str())]);
        let diagnostics: String = compilation
            .diagnostics
            .iter()
            .map(|d| format!("{d}\n"))
            .collect();
        check(
            &case.join("bundle.json"),
            &recap_compiler::bundle_json(&compilation.bundle),
            &mut mismatches,
        );
        check(&case.join("diagnostics.txt"), &diagnostics, &mut mismatches);
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n\n"));
}
