//! Builds a [`SearchIndex`] one field at a time ([`crate::build_index`] and the compiler both use
//! it): without holding every talk's fields at once and with a fast hash, since every word of
//! every talk's notes passes through here; runs of talks built apart (in parallel) are appended.
//!
//! Words are [`crate::text`]'s: folded with `push_folded`, split with `split_words`, so indexing
//! and querying keep one definition of a word.

use recap_bundle::{SearchField, SearchIndex};
use rustc_hash::FxHashMap;

use crate::text::{push_folded, split_words};

/// Postings gathered so far: term → values (`talk * 4 + field`), ascending.
#[derive(Debug, Default)]
pub struct PostingsBuilder {
    postings: FxHashMap<String, Postings>,
    /// Reused for the folded text of each field.
    folded: String,
}

impl PostingsBuilder {
    /// Adds the words of `text`, a `field` of the talk at `talk_index`. Talks must come in
    /// ascending order (fields of one talk in any order).
    ///
    /// The text is cut at ASCII bytes that are neither letters nor digits, which separate words
    /// before and after folding alike (folding is one character at a time, and folds no
    /// character into a letter or digit that was not one), so only the pieces that hold other
    /// characters than ASCII are folded with `push_folded` and split with `split_words`; an
    /// ASCII piece is one word, lower-cased.
    pub fn add(&mut self, talk_index: usize, field: SearchField, text: &str) {
        let value = SearchIndex::posting(talk_index, field);
        let Self { postings, folded } = self;
        let bytes = text.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            let start = at;
            // What the piece's bytes are, one table look-up per byte.
            let mut kinds = 0;
            while let Some(&byte) = bytes.get(at) {
                let kind = BYTE_KINDS[usize::from(byte)];
                if kind == SEPARATOR {
                    break;
                }
                kinds |= kind;
                at += 1;
            }
            // `start..at` lies between ASCII bytes (or the ends), so on character boundaries.
            let piece = &text[start..at];
            at += 1;
            if piece.is_empty() {
                continue;
            }
            if kinds & NOT_ASCII != 0 {
                folded.clear();
                piece.chars().for_each(|c| push_folded(c, folded));
                for word in split_words(folded) {
                    record(postings, word, value);
                }
            } else if kinds & UPPER_CASE != 0 {
                folded.clear();
                folded.push_str(piece);
                folded.make_ascii_lowercase();
                record(postings, folded, value);
            } else {
                record(postings, piece, value);
            }
        }
    }

    /// Adds the postings `later` gathered, all of talks after every talk added here (so its
    /// lists continue this builder's lists): how builders of consecutive runs of talks, built
    /// in parallel, become one.
    pub fn append(&mut self, later: PostingsBuilder) {
        for (term, values) in later.postings {
            match self.postings.get_mut(&term) {
                Some(list) => {
                    list.values.extend(values.values);
                    list.last = values.last;
                }
                None => {
                    self.postings.insert(term, values);
                }
            }
        }
    }

    /// The index: terms sorted, each posting list delta-encoded.
    pub fn finish(self) -> SearchIndex {
        let mut terms: Vec<(String, Vec<u32>)> = self
            .postings
            .into_iter()
            .map(|(term, postings)| (term, postings.values))
            .collect();
        terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut index = SearchIndex::default();
        index.terms.reserve(terms.len());
        index.postings.reserve(terms.len());
        for (term, mut values) in terms {
            let mut previous = 0;
            for value in &mut values {
                (*value, previous) = (*value - previous, *value);
            }
            index.terms.push(term);
            index.postings.push(values);
        }
        index
    }
}

/// [`BYTE_KINDS`] of an ASCII byte that is neither a letter nor a digit: it ends a piece.
const SEPARATOR: u8 = 1;
/// [`BYTE_KINDS`] of an ASCII upper-case letter.
const UPPER_CASE: u8 = 2;
/// [`BYTE_KINDS`] of a byte of a character other than ASCII.
const NOT_ASCII: u8 = 4;

/// The kind of every byte for [`PostingsBuilder::add`]: [`SEPARATOR`], [`UPPER_CASE`],
/// [`NOT_ASCII`], or 0 for ASCII lower-case letters and digits.
static BYTE_KINDS: [u8; 256] = byte_kinds();

const fn byte_kinds() -> [u8; 256] {
    let mut kinds = [0; 256];
    let mut byte = 0;
    while byte < 256 {
        let b = byte as u8;
        kinds[byte] = if !b.is_ascii() {
            NOT_ASCII
        } else if b.is_ascii_uppercase() {
            UPPER_CASE
        } else if !b.is_ascii_alphanumeric() {
            SEPARATOR
        } else {
            0
        };
        byte += 1;
    }
    kinds
}

/// The values of one term, and a copy of the last one: a word a talk repeats is checked
/// against it without reading the list (at 10,000 talks, megabytes of lists).
#[derive(Debug)]
struct Postings {
    last: u32,
    values: Vec<u32>,
}

/// Adds `value` to the postings of `word`.
fn record(postings: &mut FxHashMap<String, Postings>, word: &str, value: u32) {
    let Some(list) = postings.get_mut(word) else {
        postings.insert(
            word.to_owned(),
            Postings {
                last: value,
                values: vec![value],
            },
        );
        return;
    };
    // A word a talk repeats only ever touches the list's last entry: keep its best field.
    if list.last >> 2 != value >> 2 {
        list.last = value;
        list.values.push(value);
    } else if value < list.last {
        list.last = value;
        *list.values.last_mut().expect("a term has a value") = value;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use SearchField::*;

    #[test]
    fn the_same_index_as_the_definition_of_a_word_gives() {
        let talks: Vec<Vec<(SearchField, &str)>> = vec![
            vec![
                (Title, "Zero trust networking"),
                (People, "Łukasz Nowak Acme"),
                (Notes, "trust, TRUST and Straße; zero-trust 東京"),
            ],
            vec![],
            vec![
                (Notes, "Kubernetes operators trust"),
                (Title, "Kubernetes operators"),
                (Tracks, "#K8s"),
            ],
            vec![(Notes, "We spoke with Łukasz about trust"), (People, "Zoë")],
            vec![
                (
                    Notes,
                    "ASCII only: Node.js & Docker-Compose, K8s_v2 (2024) x86-64!",
                ),
                (
                    Notes,
                    "Mixed: CAFÉ-bar Ærø\u{a0}Kelvin\u{212a} semi\u{37e}colon e\u{301}te x\u{2003}y",
                ),
                (People, "Łukasz;Zoë,ÅNGSTRÖM"),
                (Title, "\t tabs\nand  NEW-lines\r\n"),
                (Notes, ""),
            ],
        ];
        let mut builder = PostingsBuilder::default();
        for (talk, fields) in talks.iter().enumerate() {
            for &(field, text) in fields {
                builder.add(talk, field, text);
            }
        }
        let whole = builder.finish();
        assert_eq!(whole, naive_index(&talks));

        // Built in two runs of talks and appended: the same index.
        let mut runs = [PostingsBuilder::default(), PostingsBuilder::default()];
        for (talk, fields) in talks.iter().enumerate() {
            for &(field, text) in fields {
                runs[usize::from(talk >= 2)].add(talk, field, text);
            }
        }
        let [mut first, second] = runs;
        first.append(second);
        assert_eq!(first.finish(), whole);
    }

    #[test]
    fn byte_kinds_tell_separators_upper_case_and_other_characters() {
        for byte in 0..=255u8 {
            let kind = BYTE_KINDS[usize::from(byte)];
            assert_eq!(
                kind == SEPARATOR,
                byte.is_ascii() && !byte.is_ascii_alphanumeric()
            );
            assert_eq!(kind == UPPER_CASE, byte.is_ascii_uppercase());
            assert_eq!(kind == NOT_ASCII, !byte.is_ascii());
            assert_eq!(
                kind == 0,
                byte.is_ascii_lowercase() || byte.is_ascii_digit()
            );
        }
    }

    /// The definition the builder's fast paths must agree with: every word of
    /// `text::fold(text)`, each talk's best field per word, terms sorted, lists delta-encoded.
    fn naive_index(talks: &[Vec<(SearchField, &str)>]) -> SearchIndex {
        let mut best: std::collections::BTreeMap<String, std::collections::BTreeMap<usize, u32>> =
            Default::default();
        for (talk, fields) in talks.iter().enumerate() {
            for &(field, text) in fields {
                for word in split_words(&crate::text::fold(text)) {
                    let slot = best
                        .entry(word.to_owned())
                        .or_default()
                        .entry(talk)
                        .or_insert(u32::MAX);
                    *slot = (*slot).min(SearchIndex::posting(talk, field));
                }
            }
        }
        let mut index = SearchIndex::default();
        for (term, talks) in best {
            let mut previous = 0;
            index.terms.push(term);
            index.postings.push(
                talks
                    .into_values()
                    .map(|value| {
                        let delta = value - previous;
                        previous = value;
                        delta
                    })
                    .collect(),
            );
        }
        index
    }

    /// Pieces of text the property test joins at random: ASCII and not, separators of both
    /// kinds, and characters that fold into ASCII (`K` from the Kelvin sign, `;` from the Greek
    /// question mark).
    const PIECES: &[&str] = &[
        "Node", "js", "K8s", "x86", "Zoë", "ŁUKASZ", "Straße", "東京", "e\u{301}", " ", ".", "-",
        "_", "\u{a0}", "\u{2003}", "\u{212a}", "\u{37e}", "\u{1fef}", "Æ", "ǅ", "İ", "9",
    ];

    proptest::proptest! {
        #[test]
        fn any_text_gives_the_index_of_the_definition(
            talks in proptest::collection::vec(
                proptest::collection::vec(
                    (0..3u32, proptest::collection::vec(0..PIECES.len(), 0..12)),
                    0..4,
                ),
                0..5,
            )
        ) {
            let fields = [Title, People, Notes];
            let texts: Vec<Vec<(SearchField, String)>> = talks
                .iter()
                .map(|talk| {
                    talk.iter()
                        .map(|(field, picks)| {
                            (fields[*field as usize], picks.iter().map(|&i| PIECES[i]).collect())
                        })
                        .collect()
                })
                .collect();
            let borrowed: Vec<Vec<(SearchField, &str)>> = texts
                .iter()
                .map(|talk| talk.iter().map(|(f, t)| (*f, t.as_str())).collect())
                .collect();
            let mut builder = PostingsBuilder::default();
            for (talk, fields) in borrowed.iter().enumerate() {
                for &(field, text) in fields {
                    builder.add(talk, field, text);
                }
            }
            proptest::prop_assert_eq!(builder.finish(), naive_index(&borrowed));
        }
    }
}
