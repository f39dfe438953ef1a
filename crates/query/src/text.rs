//! Text folding for search: lower case, diacritics removed, so `lukasz` finds `Łukasz` and
//! `zoe` finds `Zoë`.
//!
//! The compiler folds every indexed word with [`fold`] and the app folds what the reader types
//! with the same function, so the two always agree. Canonical decomposition (Unicode NFD) comes
//! from the `unicode-normalization` crate natively and from the browser's own
//! `String.prototype.normalize` in wasm, which keeps Unicode tables out of the download.

/// Folds `text`: lower case, combining marks dropped, and the Latin letters that do not
/// decompose (`ł`, `ø`, `ß`, `æ`…) spelled in ASCII.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        push_folded(c, &mut out);
    }
    out
}

/// Appends the folded form of `c` to `out` (empty for a combining mark).
pub fn push_folded(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    for lower in c.to_lowercase() {
        decompose(lower, &mut |part| {
            if is_combining_mark(part) {
                return;
            }
            match spelled_out(part) {
                Some(ascii) => out.push_str(ascii),
                None => out.push(part),
            }
        });
    }
}

/// The words of `text`, folded: runs of letters and digits.
pub fn words(text: &str) -> Vec<String> {
    split_words(&fold(text)).map(str::to_owned).collect()
}

/// The words of text that is already folded, without copying them.
pub fn split_words(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
}

/// Letters without a canonical decomposition that readers type without their stroke or ligature.
fn spelled_out(c: char) -> Option<&'static str> {
    Some(match c {
        'ł' => "l",
        'đ' | 'ð' => "d",
        'ø' => "o",
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'þ' => "th",
        'ı' => "i",
        'ħ' => "h",
        'ŀ' => "l",
        _ => return None,
    })
}

/// Combining diacritical marks (the blocks NFD moves accents into).
fn is_combining_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}')
}

#[cfg(not(target_arch = "wasm32"))]
fn decompose(c: char, emit: &mut impl FnMut(char)) {
    unicode_normalization::char::decompose_canonical(c, emit);
}

#[cfg(target_arch = "wasm32")]
fn decompose(c: char, emit: &mut impl FnMut(char)) {
    let mut buffer = [0u8; 4];
    let single = js_sys::JsString::from(&*c.encode_utf8(&mut buffer));
    match single.normalize("NFD").as_string() {
        Some(parts) => parts.chars().for_each(emit),
        None => emit(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_drops_case_and_diacritics() {
        assert_eq!(fold("Łukasz Ångström"), "lukasz angstrom");
        assert_eq!(fold("Zoë José Müller Dvořák"), "zoe jose muller dvorak");
        assert_eq!(fold("Straße Ærø Œuvre Þór"), "strasse aero oeuvre thor");
        assert_eq!(fold("ÇA VA"), "ca va");
    }

    #[test]
    fn folding_keeps_scripts_without_accents() {
        assert_eq!(fold("東京 Кубернетес"), "東京 кубернетес");
    }

    #[test]
    fn words_split_on_punctuation() {
        assert_eq!(
            words("Node.js & Docker-Compose (Łódź)"),
            ["node", "js", "docker", "compose", "lodz"]
        );
    }
}
