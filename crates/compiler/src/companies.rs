//! Companies as a facet: one [`Company`] per organisation the recaps attach to a speaker, with a
//! stable id, and each talk's `companies` (its speakers' companies, in speaker order).
//!
//! Spellings that differ only in case, diacritics, punctuation or a trailing legal form are one
//! company (`ACME`, `Acme, Inc.` and `Acmé` are `acme`); nothing looser is merged, so `Google
//! Cloud` stays apart from `Google`. The id is the slug of that folded name, so it does not
//! depend on which spelling a recap happens to write first; the name shown is the first spelling
//! in bundle order.

use rayon::prelude::*;
use recap_bundle::{Bundle, Company};
use rustc_hash::FxHashMap;

use crate::slug::{UniqueSlugs, slugify};

/// Longest company id.
const ID_LEN: usize = 60;

/// Trailing words that name a legal form, not the company (`Acme Inc.`, `Initech GmbH & Co. KG`).
const LEGAL_FORMS: &[&str] = &[
    "inc",
    "incorporated",
    "llc",
    "llp",
    "ltd",
    "limited",
    "plc",
    "corp",
    "corporation",
    "co",
    "gmbh",
    "ag",
    "kg",
    "sa",
    "sas",
    "sarl",
    "srl",
    "bv",
    "nv",
    "ab",
    "oy",
    "pty",
];

/// What two spellings of one company have in common: the slug words of the name without a
/// trailing legal form (the name as written when it has no ASCII letters or digits at all).
pub fn company_key(name: &str) -> String {
    let slug = slugify(name, usize::MAX);
    let mut words: Vec<&str> = slug.split('-').filter(|w| !w.is_empty()).collect();
    while words.len() > 1 && words.last().is_some_and(|w| LEGAL_FORMS.contains(w)) {
        words.pop();
    }
    if words.is_empty() {
        return name.trim().to_lowercase();
    }
    words.join("-")
}

/// Fills `bundle.companies` (sorted by name) and every talk's `companies` from the speakers'
/// companies as the talks give them.
pub fn assign(bundle: &mut Bundle) {
    // Each talk's speakers' companies with their keys, worked out once and on all cores.
    let spellings: Vec<Vec<(&str, String)>> = bundle
        .talks
        .par_iter()
        .map(|talk| {
            talk.speakers
                .iter()
                .filter_map(|s| s.company.as_deref())
                .map(|company| (company, company_key(company)))
                .collect()
        })
        .collect();
    // Folded key -> the first spelling, in bundle order.
    let mut names: FxHashMap<&str, &str> = FxHashMap::default();
    for (company, key) in spellings.iter().flatten() {
        if !company.trim().is_empty() {
            names.entry(key).or_insert(company);
        }
    }
    // Ids are claimed in key order, so a collision of long names cut to the same id is
    // resolved the same way on every build.
    let mut names: Vec<(&str, &str)> = names.into_iter().collect();
    names.sort_unstable();
    let mut slugs = UniqueSlugs::default();
    let ids: FxHashMap<&str, Company> = names
        .into_iter()
        .map(|(key, name)| {
            let company = Company {
                id: slugs.claim(&slugify(key, ID_LEN)),
                name: name.to_owned(),
            };
            (key, company)
        })
        .collect();

    let talk_companies: Vec<Vec<String>> = spellings
        .iter()
        .map(|talk| {
            let mut companies: Vec<String> = Vec::new();
            for (_, key) in talk {
                if let Some(known) = ids.get(key.as_str())
                    && !companies.contains(&known.id)
                {
                    companies.push(known.id.clone());
                }
            }
            companies
        })
        .collect();
    let companies = ids.into_values().collect();
    drop(spellings);
    for (talk, companies) in bundle.talks.iter_mut().zip(talk_companies) {
        talk.companies = companies;
    }
    bundle.companies = companies;
    bundle
        .companies
        .sort_by_cached_key(|c| (deunicode::deunicode(&c.name).to_lowercase(), c.id.clone()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_of_one_company_share_a_key() {
        for name in ["ACME", "Acme, Inc.", "Acmé", "acme corp", "Acme Ltd."] {
            assert_eq!(company_key(name), "acme", "{name}");
        }
        assert_eq!(company_key("Initech GmbH & Co. KG"), "initech");
        assert_eq!(company_key("Red Hat"), "red-hat");
    }

    #[test]
    fn only_legal_forms_are_dropped() {
        assert_eq!(company_key("Google Cloud"), "google-cloud");
        assert_eq!(company_key("Inc."), "inc", "a name is never emptied");
        assert_eq!(company_key("Co-op Digital"), "co-op-digital");
    }
}
