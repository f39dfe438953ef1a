//! Small text helpers for the extraction heuristics that give the same answers as the obvious
//! `to_lowercase()` / `split_whitespace().collect().join(" ")` code without allocating for
//! every word: the heuristics run over every block of every recap, so this is where the
//! compiler spends its time.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

pub use recap_query::html_text::collapse_whitespace;

/// [`collapse_whitespace`] that reuses `text`'s buffer when it needs no change.
pub fn collapse_whitespace_owned(text: String) -> String {
    if is_collapsed(&text) {
        text
    } else {
        collapse_whitespace(&text)
    }
}

/// Whether `text` has no whitespace but single spaces between other characters.
///
/// Whole-text passes without early exits, which the compiler vectorizes: prose has a space
/// every few bytes, so a byte-by-byte walk would branch on most of them.
fn is_collapsed(text: &str) -> bool {
    let bytes = text.as_bytes();
    let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
        return true;
    };
    // `\t`, `\n`, `\x0b`, `\x0c`, `\r`: the ASCII whitespace other than the space.
    let control_space = bytes
        .iter()
        .fold(false, |any, &b| any | (b.wrapping_sub(9) < 5));
    let double_space = bytes
        .iter()
        .zip(&bytes[1..])
        .fold(false, |any, (&a, &b)| any | ((a == b' ') & (b == b' ')));
    if first == b' ' || last == b' ' || control_space || double_space {
        return false;
    }
    // Every other whitespace character starts with one of these bytes (U+0085, U+00A0,
    // U+1680, U+2000…U+205F, U+3000), and they only ever start a character.
    let lead = |b: u8| matches!(b, 0xC2 | 0xE1..=0xE3);
    if !bytes.iter().fold(false, |any, &b| any | lead(b)) {
        return true;
    }
    !bytes
        .iter()
        .enumerate()
        .filter(|&(_, &b)| lead(b))
        .any(|(i, _)| text[i..].chars().next().is_some_and(char::is_whitespace))
}

/// Whether `haystack` contains `needle` (ASCII) in any ASCII case.
pub fn contains_ignore_ascii_case(haystack: &str, needle: &str) -> bool {
    let needle = needle.as_bytes();
    let Some((&first, rest)) = needle.split_first() else {
        return true;
    };
    let (lower, upper) = (first.to_ascii_lowercase(), first.to_ascii_uppercase());
    let bytes = haystack.as_bytes();
    // Candidates found by a vectorised search for the first byte in either case.
    memchr::memchr2_iter(lower, upper, bytes).any(|i| {
        bytes
            .get(i + 1..i + needle.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(rest))
    })
}

/// Whether `word.to_lowercase()` is one of `list` (lower-case words), without allocating
/// when `word` is ASCII.
pub fn lowercase_is_one_of(word: &str, list: &[&str]) -> bool {
    if word.is_ascii() {
        list.iter().any(|w| w.eq_ignore_ascii_case(word))
    } else {
        list.contains(&word.to_lowercase().as_str())
    }
}

/// A fixed list of lower-case words that [`WordSet::has_lowercase_of`] looks words up in
/// through a hash set, built on first use, rather than by comparing with every word of it.
pub struct WordSet {
    words: &'static [&'static str],
    set: OnceLock<FxHashSet<&'static str>>,
}

impl WordSet {
    pub const fn new(words: &'static [&'static str]) -> WordSet {
        WordSet {
            words,
            set: OnceLock::new(),
        }
    }

    /// Whether `word.to_lowercase()` is one of the words ([`lowercase_is_one_of`]); a short
    /// ASCII word is lower-cased on the stack.
    pub fn has_lowercase_of(&self, word: &str) -> bool {
        let set = self
            .set
            .get_or_init(|| self.words.iter().copied().collect());
        let mut lower = [0; 32];
        match lower.get_mut(..word.len()) {
            Some(lower) if word.is_ascii() => {
                lower.copy_from_slice(word.as_bytes());
                lower.make_ascii_lowercase();
                set.contains(std::str::from_utf8(lower).expect("ASCII is UTF-8"))
            }
            _ => set.contains(word.to_lowercase().as_str()),
        }
    }
}

/// Whether `word.to_lowercase()` equals `lower` (a lower-case word).
pub fn lowercase_is(word: &str, lower: &str) -> bool {
    lowercase_is_one_of(word, &[lower])
}

/// Whether `c` decorates text rather than says something: emoji and other pictographs (arrows,
/// symbols), their joiners and variation selectors.
pub fn is_pictograph(c: char) -> bool {
    matches!(c as u32, 0x2190..=0x2BFF | 0x1F000..=0x1FAFF | 0xFE0F | 0x200D)
}

/// Drops emoji and other pictographs that decorate a title or a byline (`🚀 Reactive Streams
/// ✨`, `👩‍💻 Ada Lovelace`), and the spaces beside them.
pub fn strip_pictographs(text: &str) -> &str {
    text.trim_matches(|c: char| c.is_whitespace() || is_pictograph(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn joined(text: &str) -> String {
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn collapsing_matches_split_and_join() {
        for text in [
            "",
            " ",
            "a",
            "  a  b ",
            "a\tb\nc",
            "a\u{a0}b",
            "a\u{b}b",
            "a\u{c}b\rc",
            "plain words here",
            "Łukasz  Szczęsny",
            "end\u{2003}",
            "Þóra – “quoted” … done",
            "x\u{85}y",
            "a\u{3000}",
            "sixteen-plain-by sixteen-plain-by  x",
            "sixteen-plain-byt\nsixteen-plain-by x",
            "a-long-run-of-plain-bytes-that-ends-in-a-space ",
            "a-long-run-of-plain-bytes-then\u{a0}nbsp-and-more-plain-bytes",
        ] {
            assert_eq!(collapse_whitespace(text), joined(text), "{text:?}");
            assert_eq!(
                collapse_whitespace_owned(text.to_owned()),
                joined(text),
                "{text:?}"
            );
        }
    }

    #[test]
    fn collapsed_text_is_what_split_and_join_leave_unchanged() {
        let pieces = [
            "a",
            "bcdefghijklmnopq",
            " ",
            "  ",
            "\n",
            "\u{a0}",
            "é",
            "–",
            "\u{b}",
        ];
        let mut seed = 7u64;
        for _ in 0..5000 {
            let mut text = String::new();
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            for k in 0..(seed >> 60) {
                text.push_str(pieces[((seed >> (4 * k)) % pieces.len() as u64) as usize]);
            }
            assert_eq!(is_collapsed(&text), joined(&text) == text, "{text:?}");
        }
    }

    #[test]
    fn ascii_case_search() {
        assert!(contains_ignore_ascii_case("the Go DevRoom.", "devroom"));
        assert!(contains_ignore_ascii_case("devroom", "devroom"));
        assert!(!contains_ignore_ascii_case("devroo", "devroom"));
        assert!(!contains_ignore_ascii_case("Łódź dev room", "devroom"));
        assert!(contains_ignore_ascii_case("x", ""));
    }

    #[test]
    fn lowercase_membership_matches_to_lowercase() {
        static WORDS: WordSet = WordSet::new(&[
            "the",
            "talks",
            "q&a",
            "łódź",
            "eight-and-twenty-letters-long",
        ]);
        let list = ["the", "talks", "q&a"];
        for word in [
            "ŁÓDŹ",
            "Eight-And-Twenty-Letters-Long",
            "EIGHT-AND-TWENTY-LETTERS-LONG-AND-MORE-THAN-32-BYTES",
            "The",
            "THE",
            "thee",
            "Talks",
            "TAL\u{212A}S",
            "Q&A",
            "Łódź",
            "",
        ] {
            assert_eq!(
                lowercase_is_one_of(word, &list),
                list.contains(&word.to_lowercase().as_str()),
                "{word}"
            );
            assert_eq!(
                WORDS.has_lowercase_of(word),
                lowercase_is_one_of(word, WORDS.words),
                "{word}"
            );
        }
    }
}
