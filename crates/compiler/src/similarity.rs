//! How alike two titles or two names are: the rules for recognising the same talk or the same
//! person in different recaps.

use std::cmp::Ordering;

/// Dice coefficient of the two titles' word sets (lowercase, letters and digits only).
pub fn title_similarity(a: &str, b: &str) -> f64 {
    TitleWords::new(a).similarity(&TitleWords::new(b))
}

/// A title's distinct words (transliterated, lowercase, runs of ASCII letters and digits),
/// sorted: worked out once per title when it is compared with many others.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TitleWords(Vec<String>);

impl TitleWords {
    pub fn new(title: &str) -> TitleWords {
        let text = deunicode::deunicode(title).to_lowercase();
        TitleWords(word_set(&text).into_iter().map(str::to_owned).collect())
    }

    /// The Dice coefficient of the two word sets ([`title_similarity`]).
    pub fn similarity(&self, other: &TitleWords) -> f64 {
        let (a, b) = (&self.0, &other.0);
        if a.is_empty() || b.is_empty() {
            return 0.0;
        }
        2.0 * common(a, b) as f64 / (a.len() + b.len()) as f64
    }

    /// The two titles name the same talk ([`same_title`]).
    pub fn same_title(&self, other: &TitleWords) -> bool {
        self.similarity(other) >= SAME_TITLE
    }
}

/// The [`title_similarity`] from which two titles name the same talk.
const SAME_TITLE: f64 = 0.8;

/// The distinct words of `text` (runs of ASCII letters and digits), sorted.
fn word_set(text: &str) -> Vec<&str> {
    let mut words: Vec<&str> = text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.sort_unstable();
    words.dedup();
    words
}

/// How many words two sorted word sets share.
fn common(a: &[impl AsRef<str>], b: &[impl AsRef<str>]) -> usize {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].as_ref().cmp(b[j].as_ref()) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared
}

/// Two titles name the same talk.
pub fn same_title(a: &str, b: &str) -> bool {
    title_similarity(a, b) >= SAME_TITLE
}

/// A name reduced for comparison: transliterated, lowercase, single spaces.
pub fn name_key(name: &str) -> String {
    deunicode::deunicode(name)
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Two differently written names that are probably one person: the same first name and a
/// family name one typo apart (two for long names), e.g. `Lorenzo Saine` / `Lorenzo Saino`.
/// Callers only merge such names with more evidence (the same talk, day and conference).
pub fn near_duplicate_names(a: &str, b: &str) -> bool {
    let (a, b) = (name_key(a), name_key(b));
    if a == b {
        return false;
    }
    let (Some((first_a, last_a)), Some((first_b, last_b))) = (a.split_once(' '), b.split_once(' '))
    else {
        return false;
    };
    let allowed = if last_a.len().min(last_b.len()) >= 8 {
        2
    } else {
        1
    };
    first_a == first_b && edit_distance(last_a, last_b) <= allowed
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similarity_is_the_dice_coefficient_of_word_sets() {
        use std::collections::HashSet;
        let words = |s: &str| -> HashSet<String> {
            deunicode::deunicode(s)
                .to_lowercase()
                .split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_owned)
                .collect()
        };
        let titles = [
            "",
            "The Rust book, revisited",
            "The Rust Book – revisited the book",
            "Łódź: async in depth",
            "Lodz async",
            "a a a b",
            "b a",
        ];
        for a in titles {
            for b in titles {
                let (x, y) = (words(a), words(b));
                let dice = if x.is_empty() || y.is_empty() {
                    0.0
                } else {
                    2.0 * x.intersection(&y).count() as f64 / (x.len() + y.len()) as f64
                };
                assert_eq!(title_similarity(a, b), dice, "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn title_words_worked_out_once_compare_as_the_titles_do() {
        let titles = [
            "The Rust book, revisited",
            "The Rust Book – revisited",
            "Łódź",
            "",
            "x",
        ];
        for a in titles {
            for b in titles {
                let (x, y) = (TitleWords::new(a), TitleWords::new(b));
                assert_eq!(x.similarity(&y), title_similarity(a, b), "{a:?} {b:?}");
                assert_eq!(x.same_title(&y), same_title(a, b), "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn similar_titles() {
        assert!(same_title(
            "The Rust book, revisited",
            "The Rust Book – revisited"
        ));
        assert!(!same_title("Async in depth", "Testing in production"));
    }

    #[test]
    fn near_duplicate_names_need_the_same_first_name() {
        assert!(near_duplicate_names("Ada Lovelace", "Ada Lovelance"));
        assert!(near_duplicate_names(
            "Grace Hopperstein",
            "Grace Hoperstain"
        ));
        assert!(!near_duplicate_names("Ada Lovelace", "Ada Lovelace"));
        assert!(!near_duplicate_names("Ada Lovelace", "Ida Lovelace"));
        assert!(!near_duplicate_names("Ana Ray", "Ana Roy Smith"));
    }
}
