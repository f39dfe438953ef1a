//! Splits a recap into front matter and Markdown body, then reads the front matter.
//!
//! Like Zola, the split comes first (TOML between `+++` lines, YAML between `---` lines) and the
//! Markdown renderer never sees the front matter. Recap front matter is foreign (Hugo, Jekyll,
//! Zola themes all add their own keys), so unknown keys are accepted.

use serde::Deserialize;

/// The keys of a post's front matter that the compiler uses.
#[derive(Debug, Default, Clone, PartialEq, Deserialize)]
pub struct FrontMatter {
    pub title: Option<String>,
    #[serde(default, deserialize_with = "loose_string")]
    pub date: Option<String>,
    #[serde(default, deserialize_with = "loose_string_or_first")]
    pub author: Option<String>,
    pub description: Option<String>,
    #[serde(alias = "permalink")]
    pub url: Option<String>,
    #[serde(default, deserialize_with = "loose_bool")]
    pub draft: Option<bool>,
    /// Author hints for the compiler (see [`crate::hints`]).
    #[serde(default)]
    pub recap: Option<serde_json::Value>,
    /// Tags as a list, or as one string of words (`tags: "rust conference"`).
    #[serde(default, deserialize_with = "loose_list")]
    pub tags: Vec<String>,
}

/// A recap split into its parts.
#[derive(Debug, Clone, PartialEq)]
pub struct SplitRecap<'a> {
    pub front_matter: FrontMatter,
    /// The Markdown after the front matter.
    pub body: &'a str,
    /// How many lines precede `body` in the file (to turn body offsets into file lines).
    pub body_line_offset: u32,
}

/// Why front matter could not be read.
#[derive(Debug, thiserror::Error, PartialEq)]
#[error("line {line}: invalid {format} front matter: {message}")]
pub struct FrontMatterError {
    /// 1-based line in the file.
    pub line: u32,
    pub format: &'static str,
    pub message: String,
}

/// Splits `source` and parses its front matter (if any).
pub fn split(source: &str) -> Result<SplitRecap<'_>, FrontMatterError> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let Some((fence, format)) =
        [("+++", "TOML"), ("---", "YAML")]
            .into_iter()
            .find(|(fence, _)| {
                source
                    .lines()
                    .next()
                    .is_some_and(|l| l.trim_end() == *fence)
            })
    else {
        return Ok(SplitRecap {
            front_matter: FrontMatter::default(),
            body: source,
            body_line_offset: 0,
        });
    };
    let first_line_len = source.find('\n').map_or(source.len(), |i| i + 1);
    let rest = &source[first_line_len..];
    let mut offset = 0;
    let mut closing = None;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == fence {
            closing = Some((offset, offset + line.len()));
            break;
        }
        offset += line.len();
    }
    let Some((raw_end, body_start)) = closing else {
        return Err(FrontMatterError {
            line: 1,
            format,
            message: format!("the opening `{fence}` has no closing `{fence}` line"),
        });
    };
    let raw = &rest[..raw_end];
    let front_matter = parse(raw, format).map_err(|(line_in_block, message)| FrontMatterError {
        line: line_in_block + 1,
        format,
        message,
    })?;
    let body = &rest[body_start..];
    let body_line_offset = count_lines(&source[..source.len() - body.len()]);
    Ok(SplitRecap {
        front_matter,
        body,
        body_line_offset,
    })
}

/// Parses the raw block; on failure returns the 1-based line within the block and the message.
fn parse(raw: &str, format: &str) -> Result<FrontMatter, (u32, String)> {
    if raw.trim().is_empty() {
        return Ok(FrontMatter::default());
    }
    if format == "TOML" {
        toml::from_str::<FrontMatter>(raw).map_err(|err| {
            let line = err
                .span()
                .map_or(1, |span| count_lines(&raw[..span.start]) + 1);
            (line, err.message().to_owned())
        })
    } else {
        serde_norway::from_str::<FrontMatter>(raw).map_err(|err| {
            let line = err.location().map_or(1, |l| l.line() as u32);
            let message = err.to_string();
            let message = message
                .split(" at line ")
                .next()
                .unwrap_or(&message)
                .to_owned();
            (line, message)
        })
    }
}

fn count_lines(text: &str) -> u32 {
    text.bytes().filter(|&b| b == b'\n').count() as u32
}

/// Accepts strings, numbers and dates (TOML dates are their own type) as a string.
fn loose_string<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let value = Option::<serde_json::Value>::deserialize(d)?;
    Ok(value.and_then(|v| value_to_string(&v)))
}

/// Like [`loose_string`], but a list (Jekyll `author: [a, b]`) gives its items joined.
fn loose_string_or_first<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<String>, D::Error> {
    let value = Option::<serde_json::Value>::deserialize(d)?;
    Ok(value.and_then(|v| match v {
        serde_json::Value::Array(items) => {
            let names: Vec<String> = items.iter().filter_map(value_to_string).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        serde_json::Value::Object(map) => map.get("name").and_then(value_to_string),
        other => value_to_string(&other),
    }))
}

fn loose_list<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    let value = Option::<serde_json::Value>::deserialize(d)?;
    Ok(match value {
        Some(serde_json::Value::Array(items)) => items.iter().filter_map(value_to_string).collect(),
        Some(serde_json::Value::String(s)) => s
            .split([',', ' '])
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
            .collect(),
        _ => Vec::new(),
    })
}

fn loose_bool<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    let value = Option::<serde_json::Value>::deserialize(d)?;
    Ok(value.and_then(|v| match v {
        serde_json::Value::Bool(b) => Some(b),
        serde_json::Value::String(s) => s.parse().ok(),
        _ => None,
    }))
}

fn value_to_string(value: &serde_json::Value) -> Option<String> {
    match value {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        serde_json::Value::Bool(b) => Some(b.to_string()),
        // TOML datetimes arrive as a one-entry map from the `toml` crate's private key.
        serde_json::Value::Object(map) if map.len() == 1 => {
            map.values().next().and_then(value_to_string)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_toml_front_matter_with_a_date() {
        let recap = "+++\ntitle = \"RustConf, 2024\"\ndate = 2024-09-10T00:00:00+00:00\ndraft = true\nweight = 3\n+++\n\n# Hello\n";
        let split = split(recap).unwrap();
        assert_eq!(split.front_matter.title.as_deref(), Some("RustConf, 2024"));
        assert_eq!(
            split.front_matter.date.as_deref(),
            Some("2024-09-10T00:00:00+00:00")
        );
        assert_eq!(split.front_matter.draft, Some(true));
        assert_eq!(split.body, "\n# Hello\n");
        assert_eq!(split.body_line_offset, 6);
    }

    #[test]
    fn reads_yaml_front_matter_with_unknown_keys() {
        let recap = "---\ntitle: 'Gopher Summit 2021'\nauthor: Ada Lovelace\ncategories:\n  - notes\nurl: /2021/summit/\n---\nBody\n";
        let split = split(recap).unwrap();
        assert_eq!(
            split.front_matter.title.as_deref(),
            Some("Gopher Summit 2021")
        );
        assert_eq!(split.front_matter.author.as_deref(), Some("Ada Lovelace"));
        assert_eq!(split.front_matter.url.as_deref(), Some("/2021/summit/"));
        assert_eq!(split.body, "Body\n");
    }

    #[test]
    fn tags_may_be_one_string() {
        let split = split("---\ntitle: x\ntags: rust conference notes\n---\n").unwrap();
        assert_eq!(split.front_matter.tags, ["rust", "conference", "notes"]);
    }

    #[test]
    fn no_front_matter_is_fine() {
        let split = split("# Just a post\n").unwrap();
        assert_eq!(split.front_matter, FrontMatter::default());
        assert_eq!(split.body_line_offset, 0);
    }

    #[test]
    fn invalid_toml_names_the_file_line() {
        let err = split("+++\ntitle = \"ok\"\ndate = = 2\n+++\n").unwrap_err();
        assert_eq!(err.format, "TOML");
        assert_eq!(err.line, 3, "{err}");
    }

    #[test]
    fn invalid_yaml_names_the_file_line() {
        let err = split("---\ntitle: ok\ntags: [a, b\nauthor: x\n---\n").unwrap_err();
        assert_eq!(err.format, "YAML");
        assert!(err.line >= 3, "{err}");
    }

    #[test]
    fn unclosed_front_matter_is_an_error() {
        assert_eq!(split("---\ntitle: x\n").unwrap_err().line, 1);
    }
}
