//! Author hints: what no heuristic can know, said by the recap's author in ways that stay
//! invisible on their own blog.
//!
//! **Front matter**, a `recap` table (TOML) or map (YAML):
//!
//! ```toml
//! [recap]
//! conference = "Velocity Berlin"      # the conference's name (recaps with one name merge)
//! year = 2019
//! days = { "Day 1" = "2019-11-06", Thursday = "2019-11-07" }   # day label → ISO date
//! tracks = { "K8s" = "Kubernetes" }   # track label as written → the track it means
//! ```
//!
//! **Inline markers**, an HTML comment right under a heading:
//! - `<!-- recap: skip -->`: the section is not a talk (and is not reported);
//! - `<!-- recap: talk -->`: the section is a talk even though nothing says so;
//! - `<!-- recap: title="…" speakers="Ada Lovelace (Analytical Engines), Charles Babbage"
//!   tracks="#Security, Keynote" day="Wednesday" -->`: corrects what was read (implies `talk`).

use std::collections::BTreeMap;

use crate::diagnostics::{Diagnostic, Severity};

/// The `recap` front-matter table.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RecapHints {
    pub conference: Option<String>,
    pub year: Option<i32>,
    /// Day label (as the recap names it, or a weekday) → ISO date.
    pub days: BTreeMap<String, String>,
    /// Track label as written → the label of the track it means.
    pub tracks: BTreeMap<String, String>,
}

const HINT_KEYS: &[&str] = &["conference", "year", "days", "tracks"];

impl RecapHints {
    /// Reads the `recap` value of the front matter, reporting keys it does not know.
    pub fn read(
        value: Option<&serde_json::Value>,
        file: &str,
        line: u32,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> RecapHints {
        let mut hints = RecapHints::default();
        let Some(value) = value else { return hints };
        let Some(table) = value.as_object() else {
            diagnostics.push(
                Diagnostic::new(Severity::Warning, file, line, "the `recap` front-matter key must be a table of hints")
                    .with_help("write e.g. `[recap]` then `conference = \"Name\"` (TOML) or `recap:` then `  conference: Name` (YAML)"),
            );
            return hints;
        };
        for (key, value) in table {
            match key.as_str() {
                "conference" => hints.conference = value.as_str().map(str::to_owned),
                "year" => {
                    hints.year = value
                        .as_i64()
                        .map(|y| y as i32)
                        .or_else(|| value.as_str().and_then(|s| s.parse().ok()))
                }
                "days" => hints.days = string_map(value),
                "tracks" => hints.tracks = string_map(value),
                unknown => diagnostics.push(
                    Diagnostic::new(
                        Severity::Warning,
                        file,
                        line,
                        format!("unknown hint key `recap.{unknown}`"),
                    )
                    .with_help(format!("known keys: {}", HINT_KEYS.join(", "))),
                ),
            }
        }
        hints
    }

    /// The track a label means, after the author's aliases.
    pub fn track_label<'a>(&'a self, label: &'a str) -> &'a str {
        self.tracks
            .iter()
            .find(|(alias, _)| {
                alias
                    .trim_start_matches('#')
                    .eq_ignore_ascii_case(label.trim_start_matches('#'))
            })
            .map_or(label, |(_, canonical)| canonical.as_str())
    }
}

fn string_map(value: &serde_json::Value) -> BTreeMap<String, String> {
    value
        .as_object()
        .map(|map| {
            map.iter()
                .filter_map(|(k, v)| v.as_str().map(|v| (k.clone(), v.to_owned())))
                .collect()
        })
        .unwrap_or_default()
}

/// An inline `<!-- recap: … -->` marker.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Marker {
    pub skip: bool,
    pub talk: bool,
    pub title: Option<String>,
    pub speakers: Option<String>,
    pub tracks: Option<String>,
    pub day: Option<String>,
}

const MARKER_KEYS: &[&str] = &["skip", "talk", "title", "speakers", "tracks", "day"];

impl Marker {
    /// Whether the marker says anything that makes its section a talk.
    pub fn makes_talk(&self) -> bool {
        !self.skip
            && (self.talk
                || self.title.is_some()
                || self.speakers.is_some()
                || self.tracks.is_some()
                || self.day.is_some())
    }
}

/// Reads a marker from an HTML comment; `None` when the comment is not a `recap:` marker.
pub fn parse_marker(
    comment: &str,
    file: &str,
    line: u32,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Marker> {
    let inner = comment
        .trim()
        .strip_prefix("<!--")?
        .strip_suffix("-->")?
        .trim();
    let body = inner.strip_prefix("recap:")?.trim();
    let mut marker = Marker::default();
    let mut rest = body;
    while !rest.is_empty() {
        let key_end = rest
            .find(|c: char| c == '=' || c.is_whitespace())
            .unwrap_or(rest.len());
        let key = &rest[..key_end];
        rest = rest[key_end..].trim_start();
        let value = if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            let (value, remaining) = match after.strip_prefix('"') {
                Some(quoted) => {
                    let end = quoted.find('"').unwrap_or(quoted.len());
                    (&quoted[..end], quoted.get(end + 1..).unwrap_or(""))
                }
                None => {
                    let end = after.find(char::is_whitespace).unwrap_or(after.len());
                    (&after[..end], &after[end..])
                }
            };
            rest = remaining.trim_start();
            Some(value.to_owned())
        } else {
            None
        };
        match (key, value) {
            ("skip", _) => marker.skip = true,
            ("talk", _) => marker.talk = true,
            ("title", v) => marker.title = v,
            ("speakers", v) => marker.speakers = v,
            ("tracks", v) => marker.tracks = v,
            ("day", v) => marker.day = v,
            (unknown, _) => diagnostics.push(
                Diagnostic::new(
                    Severity::Warning,
                    file,
                    line,
                    format!("unknown key `{unknown}` in a recap marker"),
                )
                .with_help(format!("known keys: {}", MARKER_KEYS.join(", "))),
            ),
        }
    }
    Some(marker)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_read_flags_and_values() {
        let mut d = Vec::new();
        assert_eq!(
            parse_marker("<!-- recap: skip -->", "f", 1, &mut d),
            Some(Marker {
                skip: true,
                ..Marker::default()
            })
        );
        let m = parse_marker(
            r#"<!-- recap: title="Ship it" speakers="Ada Lovelace (Engines)" day=Wednesday -->"#,
            "f",
            1,
            &mut d,
        )
        .unwrap();
        assert_eq!(m.title.as_deref(), Some("Ship it"));
        assert_eq!(m.speakers.as_deref(), Some("Ada Lovelace (Engines)"));
        assert_eq!(m.day.as_deref(), Some("Wednesday"));
        assert!(m.makes_talk());
        assert!(d.is_empty());
        assert_eq!(
            parse_marker("<!-- just a comment -->", "f", 1, &mut d),
            None
        );
    }

    #[test]
    fn unknown_marker_keys_are_reported() {
        let mut d = Vec::new();
        parse_marker("<!-- recap: tittle=\"x\" -->", "post.md", 7, &mut d);
        assert_eq!(d.len(), 1);
        assert_eq!(
            d[0].to_string().lines().next().unwrap(),
            "post.md:7:1: warning: unknown key `tittle` in a recap marker"
        );
    }

    #[test]
    fn front_matter_hints() {
        let value = serde_json::json!({"conference": "Velocity", "year": 2019, "days": {"Day 1": "2019-11-06"}, "tracks": {"K8s": "Kubernetes"}, "colour": "red"});
        let mut d = Vec::new();
        let hints = RecapHints::read(Some(&value), "f.md", 2, &mut d);
        assert_eq!(hints.conference.as_deref(), Some("Velocity"));
        assert_eq!(hints.year, Some(2019));
        assert_eq!(hints.days["Day 1"], "2019-11-06");
        assert_eq!(hints.track_label("#k8s"), "Kubernetes");
        assert_eq!(hints.track_label("Rust"), "Rust");
        assert!(d[0].message.contains("recap.colour"), "{d:?}");
    }
}
