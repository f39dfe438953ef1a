//! Stable, readable ids: lowercase ASCII words joined by `-`, transliterated with `deunicode`
//! so `Łukasz Szczęsny` becomes `lukasz-szczesny`.

/// The slug of `text`, at most `max_len` bytes, cut at a word boundary.
pub fn slugify(text: &str, max_len: usize) -> String {
    let ascii = deunicode::deunicode(text).to_lowercase();
    let mut slug = String::new();
    for word in ascii
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
    slug
}

/// Hands out slugs that are unique within one namespace, appending `-2`, `-3`… on collisions.
#[derive(Debug, Default)]
pub struct UniqueSlugs {
    taken: std::collections::HashSet<String>,
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
