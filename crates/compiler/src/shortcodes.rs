//! Hugo shortcodes (`{{< figure src="…" >}}`, `{{% youtube id %}}`) are template calls, not
//! Markdown: left alone they leak into the notes as raw text. This module rewrites the common
//! ones into plain Markdown links and removes the rest, keeping line breaks so line numbers hold.

/// Shortcode names recognised in the bare template forms (`{{video "…"}}`,
/// `{{ fig(src="…") }}`), so other `{{ … }}` text, such as Helm templates in code samples, stays.
const KNOWN: &[&str] = &[
    "video",
    "youtube",
    "vimeo",
    "image",
    "img",
    "figure",
    "fig",
    "tweet",
    "x",
    "gist",
    "speakerdeck",
];

/// Rewrites every shortcode in `markdown`.
pub fn rewrite(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut rest = markdown;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        match parse_call(&rest[start..]) {
            Some((call, length)) => {
                out.push_str(&replacement(call.trim()));
                out.extend(rest[start..start + length].chars().filter(|&c| c == '\n'));
                rest = &rest[start + length..];
            }
            None => {
                out.push_str("{{");
                rest = &rest[start + 2..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// A shortcode call at the start of `text`, as `name arg key="value"`, and its length in bytes:
/// Hugo `{{< … >}}` / `{{% … %}}`, Zola `{{ name(key="value") }}`, Go templates `{{name "arg"}}`.
fn parse_call(text: &str) -> Option<(String, usize)> {
    for (open, close) in [("{{<", ">}}"), ("{{%", "%}}")] {
        if let Some(after) = text.strip_prefix(open) {
            let end = after.find(close)?;
            return Some((after[..end].to_owned(), open.len() + end + close.len()));
        }
    }
    let after = text.strip_prefix("{{")?;
    let end = after.find("}}")?;
    let inner = after[..end].trim();
    let name_len = inner
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(inner.len());
    let (name, args) = inner.split_at(name_len);
    if !KNOWN.contains(&name) {
        return None;
    }
    let call = match args.trim_start().strip_prefix('(') {
        // Zola: `fig(src="a.jpg", alt="A")` → `fig src="a.jpg" alt="A"`
        Some(kwargs) => format!(
            "{name} {}",
            kwargs.trim_end().trim_end_matches(')').replace(',', " ")
        ),
        None if args.starts_with(char::is_whitespace) => format!("{name}{args}"),
        None => return None,
    };
    Some((call, 2 + end + 2))
}

/// The Markdown that stands for one shortcode call (`name arg key="value"`).
fn replacement(call: &str) -> String {
    if call.starts_with('/') {
        return String::new();
    }
    let mut parts = ShortcodeArgs::parse(call);
    let name = if parts.positional.is_empty() {
        String::new()
    } else {
        parts.positional.remove(0)
    };
    let arg = |key: &str, index: usize| {
        parts
            .named(key)
            .or_else(|| parts.positional.get(index).cloned())
    };
    match name.as_str() {
        "figure" | "fig" | "img" | "image" => {
            let caption = parts
                .named("title")
                .or_else(|| parts.named("caption"))
                .or_else(|| parts.named("alt"));
            match (parts.named("src"), caption) {
                (Some(src), caption) if is_absolute(&src) => {
                    format!("![{}]({src})", caption.unwrap_or_else(|| "Figure".into()))
                }
                (_, Some(caption)) if !caption.trim().is_empty() => {
                    format!("*Figure: {}*", caption.trim())
                }
                _ => String::new(),
            }
        }
        "video" => arg("src", 0)
            .map(|url| {
                let url = url.replace("youtube.com/embed/", "youtube.com/watch?v=");
                format!("[Video]({url})")
            })
            .unwrap_or_default(),
        "youtube" => arg("id", 0)
            .map(|id| format!("[Video on YouTube](https://www.youtube.com/watch?v={id})"))
            .unwrap_or_default(),
        "vimeo" => arg("id", 0)
            .map(|id| format!("[Video on Vimeo](https://vimeo.com/{id})"))
            .unwrap_or_default(),
        "tweet" | "x" => {
            let user = arg("user", 0).filter(|u| !u.chars().all(|c| c.is_ascii_digit()));
            let id = parts
                .named("id")
                .or_else(|| parts.positional.last().cloned());
            match (user, id) {
                (Some(user), Some(id)) => {
                    format!("[Post by @{user}](https://twitter.com/{user}/status/{id})")
                }
                (None, Some(id)) => format!("[Post](https://twitter.com/i/status/{id})"),
                _ => String::new(),
            }
        }
        "gist" => match (arg("user", 0), arg("id", 1)) {
            (Some(user), Some(id)) => format!("[Gist](https://gist.github.com/{user}/{id})"),
            _ => String::new(),
        },
        "speakerdeck" => arg("id", 0)
            .map(|id| format!("[Slides](https://speakerdeck.com/player/{id})"))
            .unwrap_or_default(),
        _ => String::new(),
    }
}

fn is_absolute(url: &str) -> bool {
    url.starts_with("https://") || url.starts_with("http://")
}

/// The arguments of one call: bare words and `key="value"` pairs.
struct ShortcodeArgs {
    positional: Vec<String>,
    named: Vec<(String, String)>,
}

impl ShortcodeArgs {
    fn parse(call: &str) -> Self {
        let mut positional = Vec::new();
        let mut named = Vec::new();
        let mut chars = call.chars().peekable();
        loop {
            while chars.next_if(|c| c.is_whitespace()).is_some() {}
            if chars.peek().is_none() {
                break;
            }
            let mut key = String::new();
            let mut value = None;
            while let Some(&c) = chars.peek() {
                if c.is_whitespace() {
                    break;
                }
                chars.next();
                if c == '=' {
                    value = Some(read_value(&mut chars));
                    break;
                }
                if c == '"' || c == '\'' || c == '`' {
                    key.push_str(&read_quoted(&mut chars, c));
                    continue;
                }
                key.push(c);
            }
            match value {
                Some(value) => named.push((key, value)),
                None => positional.push(key),
            }
        }
        ShortcodeArgs { positional, named }
    }

    fn named(&self, key: &str) -> Option<String> {
        self.named
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
    }
}

fn read_value(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) -> String {
    match chars.peek().copied() {
        Some(q @ ('"' | '\'' | '`')) => {
            chars.next();
            read_quoted(chars, q)
        }
        _ => {
            let mut value = String::new();
            while let Some(c) = chars.next_if(|c| !c.is_whitespace()) {
                value.push(c);
            }
            value
        }
    }
}

fn read_quoted(chars: &mut std::iter::Peekable<std::str::Chars<'_>>, quote: char) -> String {
    chars.by_ref().take_while(|&c| c != quote).collect()
}

#[cfg(test)]
mod tests {
    use super::rewrite;

    #[test]
    fn site_relative_figures_disappear_and_keep_their_caption() {
        assert_eq!(
            rewrite("a\n{{< figure src=\"/img/x.jpg\" title=\"\" >}}\nb"),
            "a\n\nb"
        );
        assert_eq!(
            rewrite("{{< figure src=\"/img/x.jpg\" title=\"The slide\" >}}"),
            "*Figure: The slide*"
        );
    }

    #[test]
    fn absolute_figures_become_images() {
        assert_eq!(
            rewrite("{{< figure src=\"https://e.org/x.png\" alt=\"Arch\" >}}"),
            "![Arch](https://e.org/x.png)"
        );
    }

    #[test]
    fn media_shortcodes_become_links() {
        assert_eq!(
            rewrite("{{< youtube abc123 >}}"),
            "[Video on YouTube](https://www.youtube.com/watch?v=abc123)"
        );
        assert_eq!(
            rewrite("{{< tweet user=\"ferris\" id=\"42\" >}}"),
            "[Post by @ferris](https://twitter.com/ferris/status/42)"
        );
        assert_eq!(
            rewrite("{{% gist ferris deadbeef %}}"),
            "[Gist](https://gist.github.com/ferris/deadbeef)"
        );
    }

    #[test]
    fn go_template_and_zola_shortcodes() {
        assert_eq!(
            rewrite("{{video \"https://www.youtube.com/embed/abc\"}}"),
            "[Video](https://www.youtube.com/watch?v=abc)"
        );
        assert_eq!(rewrite("a {{image \"talk/slide.jpg\" 600}} b"), "a  b");
        assert_eq!(
            rewrite("{{ fig(src=\"hall.jpg\", alt=\"The hall\") }}"),
            "*Figure: The hall*"
        );
        assert_eq!(
            rewrite("`{{ .Values.image }}` and {{ include \"x\" . }}"),
            "`{{ .Values.image }}` and {{ include \"x\" . }}"
        );
    }

    #[test]
    fn unknown_and_closing_shortcodes_vanish_but_keep_lines() {
        assert_eq!(
            rewrite("{{< notice \n warning >}}text{{< /notice >}}"),
            "\ntext"
        );
        assert_eq!(rewrite("no shortcode {{ here"), "no shortcode {{ here");
    }
}
