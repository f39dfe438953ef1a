//! How alike two titles or two names are: the rules for recognising the same talk or the same
//! person in different recaps.

use std::collections::HashSet;

/// Dice coefficient of the two titles' word sets (lowercase, letters and digits only).
pub fn title_similarity(a: &str, b: &str) -> f64 {
    let words = |s: &str| -> HashSet<String> {
        deunicode::deunicode(s)
            .to_lowercase()
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let (a, b) = (words(a), words(b));
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    2.0 * a.intersection(&b).count() as f64 / (a.len() + b.len()) as f64
}

/// Two titles name the same talk.
pub fn same_title(a: &str, b: &str) -> bool {
    title_similarity(a, b) >= 0.8
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
