//! `cargo xtask embed`: the `<recap-viewer>` custom element's entry point, written into a built
//! site next to `index.html` (docs/EMBED.md).
//!
//! Trunk names the app's files after their content (`recap-viewer-<hash>.js`, its `_bg.wasm`,
//! `main-<hash>.css`), so a portal cannot hard-code them. After Trunk has built the site (its
//! `post_build` hook runs `cargo xtask embed`, so `trunk build`, `trunk serve` and
//! `cargo xtask dist` all ship it), [`write`] reads the names from the built `index.html` and
//! writes:
//!
//! - `embed.js`: an ES module (template: `xtask/src/embed.js`) importing the app's JS, loading
//!   the wasm once (with its Subresource Integrity) and defining `<recap-viewer>`, every name
//!   resolved against the module's own URL. Its name never changes; caches revalidate it.
//! - `embed-<hash>.css`: the site's stylesheet made fit for a shadow root ([`shadow_css`]).
//!
//! Running it again on the same site rewrites both in place.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use sha2::{Digest, Sha256};

use crate::{bundle, deploy, offline};

/// The element's entry point in the site root.
pub const EMBED_FILE: &str = "embed.js";
/// The stem of the generated shadow-root stylesheet (`embed-<hash>.css`).
const EMBED_CSS_STEM: &str = "embed";
/// The stem of the app's stylesheet as Trunk names it (`style/main.css` → `main-<hash>.css`).
const APP_CSS_STEM: &str = "main";
/// Trunk's folder for the build being assembled, set for hooks.
const STAGING_ENV: &str = "TRUNK_STAGING_DIR";
/// The template of `embed.js`; each `"__NAME__"` becomes a JSON string.
const TEMPLATE: &str = include_str!("embed.js");
/// The reader's `rem` inside the shadow root: the host's `--recap-font-size`, else the reader's
/// default font size (measured by `embed.js`), never the host page's `<html>` font size.
const SHADOW_PRELUDE: &str =
    ".recap-viewer-root {\n  --rv-rem: var(--recap-font-size, var(--rv-medium, 16px));\n}\n";
/// Pixels per `rem`/`em` in media and container queries (the initial font size).
const QUERY_PX_PER_EM: f64 = 16.0;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The built site [default: $TRUNK_STAGING_DIR, as in Trunk's post_build hook]
    #[arg(long, value_name = "DIR")]
    site: Option<PathBuf>,
}

pub fn run(args: &Args) -> Result<()> {
    let site = match &args.site {
        Some(site) => site.clone(),
        None => std::env::var_os(STAGING_ENV)
            .map(PathBuf::from)
            .with_context(|| {
                format!("give --site <DIR> (or run as a Trunk hook, which sets ${STAGING_ENV})")
            })?,
    };
    let embed = write(&site)?;
    eprintln!(
        "xtask: {EMBED_FILE} defines <recap-viewer> ({}, {}, {})",
        embed.js, embed.wasm, embed.css
    );
    Ok(())
}

/// The files `embed.js` names, relative to the site root.
#[derive(Debug, PartialEq, Eq)]
pub struct Embed {
    pub js: String,
    pub wasm: String,
    pub css: String,
}

/// Writes `embed.js` and the shadow-root stylesheet into the built site in `site`.
pub fn write(site: &Path) -> Result<Embed> {
    let index_path = site.join("index.html");
    let index = fs::read_to_string(&index_path)
        .with_context(|| format!("reading {}", index_path.display()))?;
    let (js, wasm) = app_files(&index).with_context(|| format!("in {}", index_path.display()))?;
    let app_css = app_stylesheet(&index).with_context(|| format!("in {}", index_path.display()))?;
    for name in [&js, &wasm, &app_css] {
        if !site.join(name).is_file() {
            bail!(
                "{} names {name}, which is not in {}",
                index_path.display(),
                site.display()
            );
        }
    }

    let css_path = site.join(&app_css);
    let css =
        fs::read_to_string(&css_path).with_context(|| format!("reading {}", css_path.display()))?;
    let shadow = format!(
        "/* The Recap Viewer's styles for the shadow root of <recap-viewer>: {app_css} with `rem`\n \
         * relative to the viewer (not the host page) and width queries on the viewer's own width\n \
         * (written by `cargo xtask embed`, docs/EMBED.md). */\n{SHADOW_PRELUDE}{}",
        shadow_css(&css)
    );
    let hash = Sha256::digest(shadow.as_bytes());
    let hex: String = hash[..8].iter().map(|byte| format!("{byte:02x}")).collect();
    let embed_css = format!("{EMBED_CSS_STEM}-{hex}.css");
    remove_stale_stylesheets(site, &embed_css)?;
    fs::write(site.join(&embed_css), shadow)
        .with_context(|| format!("writing {}", site.join(&embed_css).display()))?;

    let wasm_bytes = fs::read(site.join(&wasm))
        .with_context(|| format!("reading {}", site.join(&wasm).display()))?;
    let module = fill(
        TEMPLATE,
        &[
            ("__APP_JS__", &format!("./{js}")),
            ("__APP_WASM__", &format!("./{wasm}")),
            ("__APP_WASM_INTEGRITY__", &offline::integrity(&wasm_bytes)),
            ("__EMBED_CSS__", &format!("./{embed_css}")),
            ("__BUNDLE__", &format!("./{}", bundle::BUNDLE_FILE)),
        ],
    )?;
    let module_path = site.join(EMBED_FILE);
    fs::write(&module_path, module)
        .with_context(|| format!("writing {}", module_path.display()))?;
    Ok(Embed {
        js,
        wasm,
        css: embed_css,
    })
}

/// Checks that the built site's `embed.js` names files of that site (after `trunk build`).
pub fn check(site: &Path) -> Result<Embed> {
    let module_path = site.join(EMBED_FILE);
    let module = fs::read_to_string(&module_path).with_context(|| {
        format!(
            "reading {} (Trunk's post_build hook `cargo xtask embed` writes it; see Trunk.toml)",
            module_path.display()
        )
    })?;
    let named = |prefix: &str, suffix: &str| -> Result<String> {
        let name = module
            .split('"')
            .find_map(|part| {
                part.strip_prefix("./")
                    .filter(|name| name.starts_with(prefix) && name.ends_with(suffix))
            })
            .with_context(|| format!("{} names no {prefix}…{suffix}", module_path.display()))?;
        if !site.join(name).is_file() {
            bail!(
                "{} names {name}, which is not in the site",
                module_path.display()
            );
        }
        Ok(name.to_owned())
    };
    Ok(Embed {
        js: named("", ".js")?,
        wasm: named("", "_bg.wasm")?,
        css: named(&format!("{EMBED_CSS_STEM}-"), ".css")?,
    })
}

/// The app's JS and wasm, as Trunk's loader in `index.html` imports and instantiates them:
/// `import init, * as bindings from './x.js'; … init({ module_or_path: './x_bg.wasm' })`.
fn app_files(index: &str) -> Result<(String, String)> {
    let loader = index
        .find("import init")
        .map(|at| &index[at..])
        .context("no Trunk loader (`import init … from '…'`)")?;
    let js = loader
        .find(" from ")
        .and_then(|at| first_quoted(&loader[at + 6..]))
        .context("no `from '….js'` in Trunk's loader")?;
    let wasm = loader
        .find("module_or_path:")
        .and_then(|at| first_quoted(&loader[at + 15..]))
        .context("no `module_or_path: '…_bg.wasm'` in Trunk's loader")?;
    let (js, wasm) = (file_name(js), file_name(wasm));
    if !js.ends_with(".js") || !wasm.ends_with("_bg.wasm") {
        bail!("unexpected app files in Trunk's loader: {js}, {wasm}");
    }
    Ok((js.to_owned(), wasm.to_owned()))
}

/// The text of the quoted string `text` starts with (after white space).
fn first_quoted(text: &str) -> Option<&str> {
    let text = text.trim_start();
    let quote = text.chars().next().filter(|c| *c == '\'' || *c == '"')?;
    let end = text[1..].find(quote)? + 1;
    Some(&text[1..end])
}

/// The app's stylesheet: the one `<link>` to `main-<hash>.css`.
fn app_stylesheet(index: &str) -> Result<String> {
    let mut found: Vec<String> = index
        .split("href=")
        .skip(1)
        .filter_map(|rest| {
            let name = file_name(first_quoted(rest)?);
            (name.starts_with(&format!("{APP_CSS_STEM}-"))
                && name.ends_with(".css")
                && deploy::is_content_hashed(name))
            .then(|| name.to_owned())
        })
        .collect();
    found.dedup();
    match found.as_slice() {
        [one] => Ok(one.clone()),
        [] => bail!("no stylesheet {APP_CSS_STEM}-<hash>.css (from style/main.css)"),
        _ => bail!("several stylesheets {APP_CSS_STEM}-<hash>.css: {found:?}"),
    }
}

/// The last part of a URL path (Trunk puts the app's files in the site root).
fn file_name(url: &str) -> &str {
    url.rsplit('/').next().unwrap_or(url)
}

/// Deletes `embed-<hash>.css` files of earlier runs other than `keep`.
fn remove_stale_stylesheets(site: &Path, keep: &str) -> Result<()> {
    for entry in fs::read_dir(site).with_context(|| format!("listing {}", site.display()))? {
        let path = entry?.path();
        let Some(name) = path.file_name().and_then(|name| name.to_str()) else {
            continue;
        };
        if name != keep
            && name.starts_with(&format!("{EMBED_CSS_STEM}-"))
            && name.ends_with(".css")
            && deploy::is_content_hashed(name)
        {
            fs::remove_file(&path).with_context(|| format!("removing {}", path.display()))?;
        }
    }
    Ok(())
}

/// `template` with each `"NAME"` replaced by its value as a JSON string; every name must occur.
fn fill(template: &str, values: &[(&str, &str)]) -> Result<String> {
    let mut out = template.to_owned();
    for (name, value) in values {
        let quoted = format!("\"{name}\"");
        if !out.contains(&quoted) {
            bail!("the embed.js template has no {quoted}");
        }
        out = out.replace(&quoted, &serde_json::to_string(value)?);
    }
    if let Some(at) = out.find("\"__") {
        bail!(
            "the embed.js template has an unfilled name near `{}`",
            &out[at..(at + 30).min(out.len())]
        );
    }
    Ok(out)
}

/// The site's stylesheet made fit for a shadow root inside any host page:
///
/// - `rem` in declarations becomes `calc(N * var(--rv-rem))`: a shadow root's `rem` is the host
///   page's `<html>` font size (portals often set `62.5%`), so sizes follow the viewer's own base
///   size instead ([`SHADOW_PRELUDE`]);
/// - `@media` rules on the viewport's width alone (`(max-width: 48rem)`) become `@container`
///   rules on the viewer's width (its root is an inline-size container), since an embedded viewer
///   is often narrower than the window; `rem`/`em` there are 16 px, as in media queries.
///
/// Comments and strings are copied as they are; everything else (selectors, other at-rules) too.
pub fn shadow_css(css: &str) -> String {
    let mut out = String::with_capacity(css.len() + css.len() / 4);
    // The text since the last `{`, `}` or `;`: code runs (rewritable) and comments or strings.
    let mut pending: Vec<(bool, String)> = Vec::new();
    let flush = |pending: &mut Vec<(bool, String)>, out: &mut String, prelude: bool| {
        let code: String = pending
            .iter()
            .filter(|(is_code, _)| *is_code)
            .map(|(_, text)| text.as_str())
            .collect();
        if prelude && let Some(container) = container_query(&code) {
            // Comments before the rule are kept; the rule's prelude is replaced.
            for (is_code, text) in pending.iter() {
                if !is_code {
                    out.push_str(text);
                }
            }
            out.push_str(&code[..code.len() - code.trim_start().len()]);
            out.push_str(&container);
            out.push(' ');
        } else {
            for (is_code, text) in pending.iter() {
                if *is_code && !prelude {
                    out.push_str(&rewrite_rem(text));
                } else {
                    out.push_str(text);
                }
            }
        }
        pending.clear();
    };
    let push = |pending: &mut Vec<(bool, String)>, is_code: bool, c: char| match pending.last_mut()
    {
        Some((last_is_code, text)) if *last_is_code == is_code => text.push(c),
        _ => pending.push((is_code, c.to_string())),
    };
    let mut chars = css.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                let mut comment = String::from("/");
                let mut previous = '\0';
                for next in chars.by_ref() {
                    comment.push(next);
                    if previous == '*' && next == '/' && comment.len() > 2 {
                        break;
                    }
                    previous = next;
                }
                pending.push((false, comment));
            }
            '"' | '\'' => {
                let mut string = c.to_string();
                let mut escaped = false;
                for next in chars.by_ref() {
                    string.push(next);
                    if escaped {
                        escaped = false;
                    } else if next == '\\' {
                        escaped = true;
                    } else if next == c {
                        break;
                    }
                }
                pending.push((false, string));
            }
            '{' => {
                flush(&mut pending, &mut out, true);
                out.push('{');
            }
            '}' | ';' => {
                flush(&mut pending, &mut out, false);
                out.push(c);
            }
            _ => push(&mut pending, true, c),
        }
    }
    flush(&mut pending, &mut out, false);
    out
}

/// `@container (…)` for an `@media` prelude made only of `(min-width: …)`/`(max-width: …)`
/// joined by `and`; `None` for any other prelude.
fn container_query(prelude: &str) -> Option<String> {
    let trimmed = prelude.trim();
    let condition = trimmed
        .get(..6)
        .filter(|start| start.eq_ignore_ascii_case("@media"))
        .map(|_| trimmed[6..].trim())?;
    let mut features = Vec::new();
    for part in condition.split(" and ") {
        let inner = part.trim().strip_prefix('(')?.strip_suffix(')')?;
        let (name, value) = inner.split_once(':')?;
        let name = name.trim().to_ascii_lowercase();
        if name != "min-width" && name != "max-width" {
            return None;
        }
        let value = value.trim().to_ascii_lowercase();
        let px = if let Some(number) = value.strip_suffix("rem") {
            number.parse::<f64>().ok()? * QUERY_PX_PER_EM
        } else if let Some(number) = value.strip_suffix("em") {
            number.parse::<f64>().ok()? * QUERY_PX_PER_EM
        } else {
            value.strip_suffix("px")?.parse::<f64>().ok()?
        };
        features.push(format!("({name}: {px}px)"));
    }
    (!features.is_empty()).then(|| format!("@container {}", features.join(" and ")))
}

/// Every `<number>rem` dimension in a declaration as `calc(<number> * var(--rv-rem))`.
fn rewrite_rem(code: &str) -> String {
    let bytes = code.as_bytes();
    let is_ident = |byte: u8| byte.is_ascii_alphanumeric() || byte == b'_' || byte == b'-';
    let mut out = String::with_capacity(code.len());
    let mut copied = 0;
    let mut at = 0;
    while let Some(found) = code[at..].find("rem").map(|found| at + found) {
        at = found + 3;
        if bytes.get(at).is_some_and(|byte| is_ident(*byte)) {
            continue;
        }
        let mut start = found;
        while start > copied && (bytes[start - 1].is_ascii_digit() || bytes[start - 1] == b'.') {
            start -= 1;
        }
        if !code[start..found].bytes().any(|byte| byte.is_ascii_digit()) {
            continue;
        }
        if start > 0 {
            let before = bytes[start - 1];
            if before == b'-' || before == b'+' {
                // A sign belongs to the number unless it ends an identifier (`a-1rem`).
                if start < 2 || !is_ident(bytes[start - 2]) {
                    start -= 1;
                } else {
                    continue;
                }
            } else if is_ident(before) {
                continue;
            }
        }
        out.push_str(&code[copied..start]);
        out.push_str(&format!("calc({} * var(--rv-rem))", &code[start..found]));
        copied = at;
    }
    out.push_str(&code[copied..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rem_in_declarations_follows_the_viewer() {
        assert_eq!(
            shadow_css(".a{margin:0 -1.5rem 2rem;width:calc(100% - 2rem)}"),
            ".a{margin:0 calc(-1.5 * var(--rv-rem)) calc(2 * var(--rv-rem));\
             width:calc(100% - calc(2 * var(--rv-rem)))}"
        );
        assert_eq!(
            shadow_css(".b {\n  font: 700 .8rem/1.2 var(--rv-font);\n  gap: 1em 1px;\n}\n"),
            ".b {\n  font: 700 calc(.8 * var(--rv-rem))/1.2 var(--rv-font);\n  gap: 1em 1px;\n}\n"
        );
    }

    #[test]
    fn selectors_identifiers_comments_and_strings_are_kept() {
        let css =
            "/* 1rem; { */\n.mt-2rem:hover{grid-area:a-1rem;content:\"3rem;}\";x:remove 4rems}";
        assert_eq!(shadow_css(css), css);
    }

    #[test]
    fn viewport_width_queries_become_container_queries() {
        assert_eq!(
            shadow_css("/* Phones */\n@media (max-width: 48rem) {\n  .a { padding: 1rem; }\n}\n"),
            "/* Phones */\n@container (max-width: 768px) {\n  .a { padding: calc(1 * var(--rv-rem)); }\n}\n"
        );
        assert_eq!(
            shadow_css("@media (min-width:100rem) and (max-width:2000px){.a{b:c}}"),
            "@container (min-width: 1600px) and (max-width: 2000px) {.a{b:c}}"
        );
        for kept in [
            "@media print{.a{b:c}}",
            "@media (prefers-reduced-motion: reduce){.a{b:c}}",
            "@media screen and (max-width: 48rem){.a{b:c}}",
            "@keyframes spin{to{transform:rotate(360deg)}}",
        ] {
            assert_eq!(shadow_css(kept), kept);
        }
    }

    /// A built site of these files in a temporary folder of this test's own.
    fn site(test: &str, files: &[(&str, &str)]) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("xtask-embed-{}-{test}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        for (name, content) in files {
            fs::write(dir.join(name), content).unwrap();
        }
        dir
    }

    const INDEX: &str = "<!DOCTYPE html><html><head>\
        <link rel=\"stylesheet\" href=\"./main-0123456789abcdef.css\" integrity=\"sha384-x\"/>\
        <link rel=\"stylesheet\" href=\"./update-banner-aa9a4fb79603d236.css\"/>\n\
        <script type=\"module\">\nimport init, * as bindings from './app-0123456789abcdef.js';\n\
        const wasm = await init({ module_or_path: './app-0123456789abcdef_bg.wasm' });\n</script>\
        </head><body></body></html>";

    #[test]
    fn writes_the_module_and_stylesheet_from_trunks_names() {
        let dir = site(
            "writes",
            &[
                ("index.html", INDEX),
                ("main-0123456789abcdef.css", ".a{margin:1rem}"),
                (
                    "app-0123456789abcdef.js",
                    "export default function init() {}",
                ),
                ("app-0123456789abcdef_bg.wasm", "wasm"),
                ("embed-00000000deadbeef.css", "stale"),
            ],
        );
        let embed = write(&dir).unwrap();
        assert_eq!(embed.js, "app-0123456789abcdef.js");
        assert_eq!(embed.wasm, "app-0123456789abcdef_bg.wasm");
        assert!(deploy::is_content_hashed(&embed.css), "{}", embed.css);
        assert!(!dir.join("embed-00000000deadbeef.css").exists());

        let module = fs::read_to_string(dir.join(EMBED_FILE)).unwrap();
        assert!(
            module.contains("import init, { mountElement } from \"./app-0123456789abcdef.js\";")
        );
        assert!(module.contains("new URL(\"./app-0123456789abcdef_bg.wasm\", import.meta.url)"));
        assert!(module.contains(&format!("\"{}\"", offline::integrity(b"wasm"))));
        assert!(module.contains(&format!("new URL(\"./{}\", import.meta.url)", embed.css)));
        assert!(module.contains("new URL(\"./bundle.json\", import.meta.url)"));
        assert!(!module.contains("\"__"));
        let css = fs::read_to_string(dir.join(&embed.css)).unwrap();
        assert!(css.contains(SHADOW_PRELUDE));
        assert!(css.ends_with(".a{margin:calc(1 * var(--rv-rem))}"));

        // Again on the same site: the same files, and `check` agrees.
        assert_eq!(write(&dir).unwrap(), embed);
        assert_eq!(check(&dir).unwrap(), embed);
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_site_without_trunks_loader_is_an_error() {
        let dir = site("no-loader", &[("index.html", "<html></html>")]);
        let error = format!("{:#}", write(&dir).unwrap_err());
        assert!(error.contains("no Trunk loader"), "{error}");
        fs::remove_dir_all(dir).unwrap();
    }
}
