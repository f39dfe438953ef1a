//! Stable, readable ids: lowercase ASCII words joined by `-`, transliterated with `deunicode`
//! so `Łukasz Szczęsny` becomes `lukasz-szczesny`.

/// The slug of `text`, at most `max_len` bytes, cut at a word boundary.
pub fn slugify(text: &str, max_len: usize) -> String {
    // ASCII text (most names and titles) is its own transliteration: no copies of it are made.
    if text.is_ascii() {
        join_words(text, max_len)
    } else {
        join_words(&deunicode::deunicode(text).to_lowercase(), max_len)
    }
}

/// The runs of ASCII letters and digits of `text`, lower-cased and joined by `-`, as many as
/// fit in `max_len` bytes (cut inside the first one if it alone is longer).
fn join_words(text: &str, max_len: usize) -> String {
    // Never longer than the text, and longer than `max_len` only for a first word that is then
    // cut: one allocation.
    let mut slug = String::with_capacity(text.len().min(max_len));
    for word in text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let extra = if slug.is_empty() {
            word.len()
        } else {
            word.len() + 1
        };
        if !slug.is_empty() && slug.len() + extra > max_len {
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(word);
    }
    slug.truncate(max_len);
    slug.make_ascii_lowercase();
    slug
}

/// Hands out slugs that are unique within one namespace, appending `-2`, `-3`… on collisions.
#[derive(Debug, Default)]
pub struct UniqueSlugs {
    taken: rustc_hash::FxHashSet<String>,
}

impl UniqueSlugs {
    pub fn claim(&mut self, base: &str) -> String {
        let base = if base.is_empty() { "untitled" } else { base };
        let mut candidate = base.to_owned();
        let mut n = 2;
        while !self.taken.insert(candidate.clone()) {
            candidate = format!("{base}-{n}");
            n += 1;
        }
        candidate
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_ascii_words() {
        assert_eq!(slugify("#Docker & Kubernetes", 60), "docker-kubernetes");
        assert_eq!(slugify("Łukasz Szczęsny", 60), "lukasz-szczesny");
        assert_eq!(slugify("Velocity Berlin, 2019", 60), "velocity-berlin-2019");
    }

    #[test]
    fn ascii_text_gets_the_slug_of_its_transliteration() {
        let definition = |text: &str, max_len: usize| {
            let ascii = deunicode::deunicode(text).to_lowercase();
            join_words(&ascii, max_len)
        };
        let every_ascii: String = (0..128u8).map(char::from).collect();
        for text in [
            every_ascii.as_str(),
            "Rolling Upgrades - ADA Byrne (Initech) @ K8s_2024!",
            "  --  ",
            "",
            "Łukasz Szczęsny",
        ] {
            for max_len in [0, 3, 11, 60, 200] {
                assert_eq!(
                    slugify(text, max_len),
                    definition(text, max_len),
                    "{text:?}"
                );
            }
        }
    }

    #[test]
    fn long_slugs_are_cut_at_a_word() {
        assert_eq!(slugify("alpha beta gamma", 11), "alpha-beta");
    }

    #[test]
    fn collisions_get_a_counter() {
        let mut slugs = UniqueSlugs::default();
        assert_eq!(slugs.claim("keynote"), "keynote");
        assert_eq!(slugs.claim("keynote"), "keynote-2");
        assert_eq!(slugs.claim(""), "untitled");
    }
}
