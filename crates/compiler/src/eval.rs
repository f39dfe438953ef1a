//! Scores a bundle against hand annotations of what a human reader sees in each recap
//! (`<name>.expected.json`: `{"conference", "talks": [{title, speakers, companies, tracks, day}]}`).
//!
//! Per file and in total it reports precision, recall and F1 for:
//! - **talks**: an extracted talk matches an annotated one when their titles are alike (word
//!   overlap) or, for untitled talks, when they share a speaker;
//! - **speakers**, **companies**, **tracks** (`#` and case ignored): items of matched talks, with
//!   every item of an unmatched talk counted as missed or spurious;
//! - **days**: pairs of matched talks, judged on whether they sit on the same day.

use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::path::Path;

use recap_bundle::{Bundle, Talk};
use serde::Deserialize;

/// One annotation file.
#[derive(Debug, Clone, Deserialize)]
pub struct Annotation {
    pub conference: Option<String>,
    pub talks: Vec<AnnotatedTalk>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct AnnotatedTalk {
    pub title: Option<String>,
    #[serde(default)]
    pub speakers: Vec<String>,
    #[serde(default)]
    pub companies: Vec<String>,
    #[serde(default)]
    pub tracks: Vec<String>,
    pub day: Option<String>,
}

/// True/false positive counts of one measure.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Counts {
    pub true_positives: usize,
    pub extracted: usize,
    pub expected: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.true_positives, self.extracted)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.true_positives, self.expected)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, other: Counts) {
        self.true_positives += other.true_positives;
        self.extracted += other.extracted;
        self.expected += other.expected;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// The measures, in report order.
pub const MEASURES: [&str; 5] = ["talks", "speakers", "companies", "tracks", "days"];

/// Scores of one recap file.
#[derive(Debug, Clone, Default)]
pub struct FileScore {
    pub file: String,
    pub counts: [Counts; 5],
}

/// Scores of every file and their total.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub files: Vec<FileScore>,
    pub total: [Counts; 5],
}

impl Report {
    /// Total F1 of a measure (see [`MEASURES`]).
    pub fn f1(&self, measure: &str) -> f64 {
        let i = MEASURES
            .iter()
            .position(|m| *m == measure)
            .expect("known measure");
        self.total[i].f1()
    }
}

/// Scores every recap under `inputs` on its own (annotations describe one post each, before
/// recaps of the same conference are merged) against `<stem>.expected.json` in `expected`.
pub fn score_recaps(inputs: &[std::path::PathBuf], expected: &Path) -> anyhow::Result<Report> {
    let mut bundles = Vec::new();
    for file in crate::inputs::find_recaps(inputs)? {
        let text = file.read()?;
        bundles.push(crate::compile_sources([(file.display.as_str(), text.as_str())]).bundle);
    }
    let mut report = Report::default();
    for bundle in &bundles {
        let annotations = load_annotations(expected, bundle)?;
        let single = score(bundle, &annotations);
        for (total, c) in report.total.iter_mut().zip(single.total) {
            total.add(c);
        }
        report.files.extend(single.files);
    }
    anyhow::ensure!(
        !report.files.is_empty(),
        "no annotation in {} matches these recaps",
        expected.display()
    );
    Ok(report)
}

/// Reads the annotation `<stem>.expected.json` in `dir` of every recap in `bundle` that has one.
pub fn load_annotations(
    dir: &std::path::Path,
    bundle: &Bundle,
) -> anyhow::Result<Vec<(String, Annotation)>> {
    use anyhow::Context;
    let mut annotations = Vec::new();
    for file in bundle
        .conferences
        .iter()
        .flat_map(|c| c.sources.iter().map(|s| &s.file))
    {
        let stem = file
            .rsplit('/')
            .next()
            .unwrap_or(file)
            .trim_end_matches(".markdown")
            .trim_end_matches(".md");
        let path = dir.join(format!("{stem}.expected.json"));
        if path.exists() {
            let text = std::fs::read_to_string(&path)
                .with_context(|| format!("reading {}", path.display()))?;
            let annotation = serde_json::from_str(&text)
                .with_context(|| format!("parsing {}", path.display()))?;
            annotations.push((file.clone(), annotation));
        }
    }
    Ok(annotations)
}

/// Scores `bundle` against `annotations` given as (recap file name, annotation).
pub fn score(bundle: &Bundle, annotations: &[(String, Annotation)]) -> Report {
    let mut report = Report::default();
    for (file, annotation) in annotations {
        let talks: Vec<&Talk> = bundle
            .talks
            .iter()
            .filter(|t| {
                t.notes
                    .iter()
                    .any(|n| bundle.recap_of(t, n).is_some_and(|r| &r.file == file))
            })
            .collect();
        let counts = score_file(bundle, &talks, &annotation.talks);
        for (total, c) in report.total.iter_mut().zip(counts) {
            total.add(c);
        }
        report.files.push(FileScore {
            file: file.clone(),
            counts,
        });
    }
    report
}

fn score_file(bundle: &Bundle, talks: &[&Talk], expected: &[AnnotatedTalk]) -> [Counts; 5] {
    let pairs = match_talks(talks, expected);
    let talk_counts = Counts {
        true_positives: pairs.len(),
        extracted: talks.len(),
        expected: expected.len(),
    };
    let mut speakers = Counts::default();
    let mut companies = Counts::default();
    let mut tracks = Counts::default();
    let track_label = |id: &String| {
        bundle
            .track(id)
            .map_or_else(|| id.clone(), |t| t.label.clone())
    };
    for talk in talks {
        speakers.extracted += talk.speakers.len();
        companies.extracted += talk_companies(talk).len();
        tracks.extracted += talk.tracks.len();
    }
    for annotated in expected {
        speakers.expected += annotated.speakers.len();
        companies.expected += annotated.companies.len();
        tracks.expected += annotated.tracks.len();
    }
    for &(got, want) in &pairs {
        let (got, want) = (talks[got], &expected[want]);
        speakers.true_positives += overlap(
            got.speakers.iter().map(|s| name_key(&s.name)),
            want.speakers.iter().map(|s| name_key(s)),
        );
        companies.true_positives += overlap(
            talk_companies(got).iter().map(|c| name_key(c)),
            want.companies.iter().map(|c| name_key(c)),
        );
        tracks.true_positives += overlap(
            got.tracks.iter().map(|t| track_key(&track_label(t))),
            want.tracks.iter().map(|t| track_key(t)),
        );
    }
    let day_label = |talk: &Talk| {
        talk.day
            .as_deref()
            .and_then(|d| bundle.day(d))
            .map(|(_, d)| d.label.clone())
    };
    let mut days = Counts::default();
    for (i, &(got_a, want_a)) in pairs.iter().enumerate() {
        for &(got_b, want_b) in &pairs[i + 1..] {
            let (ea, eb) = (&expected[want_a].day, &expected[want_b].day);
            let expected_same = ea.is_some() && ea == eb;
            let (ga, gb) = (day_label(talks[got_a]), day_label(talks[got_b]));
            let extracted_same = ga.is_some() && ga == gb;
            days.expected += expected_same as usize;
            days.extracted += extracted_same as usize;
            days.true_positives += (expected_same && extracted_same) as usize;
        }
    }
    [talk_counts, speakers, companies, tracks, days]
}

fn talk_companies(talk: &Talk) -> Vec<String> {
    let mut companies: Vec<String> = Vec::new();
    for company in talk.speakers.iter().filter_map(|s| s.company.clone()) {
        if !companies.contains(&company) {
            companies.push(company);
        }
    }
    companies
}

/// Greedy one-to-one matching of extracted to annotated talks, best similarity first.
fn match_talks(talks: &[&Talk], expected: &[AnnotatedTalk]) -> Vec<(usize, usize)> {
    let mut candidates = Vec::new();
    for (i, talk) in talks.iter().enumerate() {
        for (j, want) in expected.iter().enumerate() {
            let similarity = match (&talk.title, &want.title) {
                (Some(a), Some(b)) => title_similarity(a, b),
                _ => {
                    let shared = overlap(
                        talk.speakers.iter().map(|s| name_key(&s.name)),
                        want.speakers.iter().map(|s| name_key(s)),
                    );
                    if shared > 0 { 0.9 } else { 0.0 }
                }
            };
            if similarity >= 0.6 {
                candidates.push((similarity, i, j));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let (mut used_got, mut used_want) = (HashSet::new(), HashSet::new());
    let mut pairs = Vec::new();
    for (_, i, j) in candidates {
        if !used_got.contains(&i) && !used_want.contains(&j) {
            used_got.insert(i);
            used_want.insert(j);
            pairs.push((i, j));
        }
    }
    pairs.sort_unstable();
    pairs
}

pub use crate::similarity::title_similarity;

fn name_key(name: &str) -> String {
    deunicode::deunicode(name)
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn track_key(label: &str) -> String {
    name_key(label.trim().trim_start_matches('#'))
}

/// How many items the two lists share (as multisets).
fn overlap(a: impl Iterator<Item = String>, b: impl Iterator<Item = String>) -> usize {
    let mut pool: BTreeMap<String, usize> = BTreeMap::new();
    for item in a {
        *pool.entry(item).or_default() += 1;
    }
    b.filter(|item| match pool.get_mut(item) {
        Some(n) if *n > 0 => {
            *n -= 1;
            true
        }
        _ => false,
    })
    .count()
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "| {:<36} |", "recap")?;
        for m in MEASURES {
            write!(f, " {m:^17} |")?;
        }
        writeln!(f)?;
        write!(f, "|{:-<38}|", "")?;
        for _ in MEASURES {
            write!(f, "{:-<19}|", "")?;
        }
        writeln!(f)?;
        let row = |f: &mut fmt::Formatter<'_>, name: &str, counts: &[Counts; 5]| -> fmt::Result {
            write!(f, "| {name:<36} |")?;
            for c in counts {
                write!(
                    f,
                    " {:.2} {:.2} **{:.2}** |",
                    c.precision(),
                    c.recall(),
                    c.f1()
                )?;
            }
            writeln!(f)
        };
        for file in &self.files {
            row(f, &file.file, &file.counts)?;
        }
        row(f, "TOTAL (P R **F1**)", &self.total)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlap_counts_shared_items() {
        let v = |items: &[&str]| {
            items
                .iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .into_iter()
        };
        assert_eq!(overlap(v(&["a", "b", "b"]), v(&["b", "c", "b", "b"])), 2);
    }
}
