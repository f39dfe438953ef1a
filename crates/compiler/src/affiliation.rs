//! Affiliations written in prose about a presenter: `a principal engineer at Initech`,
//! `a Globex engineer`, `a member of the Hooli core team`, `the founder of Acme`,
//! `Initech Engineer Ada Lovelace`. Rules about English phrasing, not lists of companies.

use std::borrow::Cow;

use crate::text;

/// Words for a role someone holds at a company.
const ROLES: &[&str] = &[
    "engineer",
    "engineers",
    "developer",
    "developers",
    "lead",
    "manager",
    "member",
    "members",
    "founder",
    "co-founder",
    "cofounder",
    "cto",
    "ceo",
    "architect",
    "architects",
    "advocate",
    "sre",
    "sres",
    "researcher",
    "researchers",
    "employee",
    "employees",
    "folks",
    "people",
    "team",
    "speaker",
    "speakers",
    "maintainer",
    "maintainers",
    "director",
    "president",
    "head",
    "staff",
    "consultant",
    "principal",
    "editor",
    "strategist",
    "chair",
    "evangelist",
    "officer",
    "scientist",
    "designer",
    "writer",
    "owner",
    "partner",
];

/// [`ROLES`], looked up without a scan.
static ROLE_SET: text::WordSet = text::WordSet::new(ROLES);

/// Job titles written after a company's name: `a Globex engineer`.
const COMPANY_JOB_TITLES: &[&str] = &[
    "engineer",
    "developer",
    "employee",
    "sre",
    "architect",
    "intern",
    "staffer",
];

pub fn is_role(word: &str) -> bool {
    if word.is_ascii() {
        // ASCII lower-casing keeps every byte where it is, so trimming first is the same.
        ROLE_SET.has_lowercase_of(word.trim_end_matches([',', '.']))
    } else {
        ROLES.contains(&word.to_lowercase().trim_end_matches([',', '.']))
    }
}

fn capitalised(word: &str) -> bool {
    word.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

fn clean(word: &str) -> &str {
    word.trim_matches(|c: char| {
        matches!(
            c,
            ',' | '.' | ';' | ':' | '(' | ')' | '!' | '?' | '"' | '\'' | '*' | '_'
        )
    })
}

/// The run of capitalised words starting at `words[from]`, without trailing location codes
/// (`Google NY` → `Google`).
pub fn company_at(words: &[&str], from: usize) -> Option<String> {
    let mut run: Vec<&str> = Vec::new();
    for word in words.iter().skip(from).take(4) {
        let word_clean = clean(word);
        if word_clean.is_empty() || !capitalised(word_clean) {
            break;
        }
        run.push(word_clean);
        if word.ends_with([',', '.', ';', ':', ')']) {
            break;
        }
    }
    while run.len() > 1
        && run
            .last()
            .is_some_and(|w| w.len() <= 3 && w.chars().all(|c| c.is_ascii_uppercase()))
    {
        run.pop();
    }
    (!run.is_empty()).then(|| run.join(" "))
}

/// `word.to_lowercase()`, borrowed when that changes nothing.
fn lowercase(word: &str) -> Cow<'_, str> {
    if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.to_lowercase())
    }
}

/// The company a description of a presenter attaches to them, if any.
pub fn in_description(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let lower: Vec<Cow<str>> = words.iter().map(|w| lowercase(clean(w))).collect();
    let role: Vec<bool> = lower.iter().map(|w| is_role(w)).collect();
    // `former CTO at Initech, board member of Hooli`: a past role, up to the start of the sentence.
    let former = |i: usize| {
        (0..=i)
            .rev()
            .take_while(|&j| j == i || !words[j].ends_with(['.', '!', '?']))
            .any(|j| {
                matches!(
                    lower[j].as_ref(),
                    "former" | "formerly" | "ex" | "previously"
                )
            })
    };
    // `technical editor at Initech`, `Director of Community Operations at Acme`, `engineers from Globex`
    for i in 1..words.len().saturating_sub(1) {
        let role_before = role[i.saturating_sub(4)..i].contains(&true);
        if matches!(lower[i].as_ref(), "at" | "from")
            && role_before
            && !former(i)
            && let Some(company) = company_at(&words, i + 1)
        {
            return Some(company);
        }
    }
    // `Ada (from Initech) showed`, `Ada (at Initech)`: an aside right after a name.
    for i in 1..words.len().saturating_sub(1) {
        if matches!(words[i], "(from" | "(at")
            && capitalised(clean(words[i - 1]))
            && let Some(company) = company_at(&words, i + 1)
        {
            return Some(company);
        }
    }
    // `founder of Acme`
    for i in 0..words.len().saturating_sub(2) {
        if role[i]
            && lower[i + 1] == "of"
            && !former(i)
            && let Some(company) = company_at(&words, i + 2)
        {
            return Some(company);
        }
    }
    // `member of the Hooli core team`, `the Hooli NYC team lead` (not `advocate for the Go team`)
    for i in 0..words.len().saturating_sub(2) {
        if lower[i] == "the" && capitalised(clean(words[i + 1])) {
            let Some(team) = lower
                .iter()
                .skip(i + 2)
                .take(3)
                .position(|w| w == "team")
                .map(|t| t + i + 2)
            else {
                continue;
            };
            let membership = i >= 2
                && matches!(lower[i - 1].as_ref(), "of")
                && matches!(lower[i - 2].as_ref(), "member" | "members" | "part");
            let team_role = lower
                .get(team + 1)
                .is_some_and(|w| matches!(w.as_ref(), "lead" | "leader" | "manager" | "member"));
            if membership || team_role {
                return Some(clean(words[i + 1]).to_owned());
            }
        }
    }
    // `a Globex engineer`, `an Initech SRE` (not `a Soviet scientist`: only job titles held at
    // a company follow the company's name like that)
    for i in 0..words.len().saturating_sub(2) {
        if matches!(lower[i].as_ref(), "a" | "an")
            && capitalised(clean(words[i + 1]))
            && COMPANY_JOB_TITLES.contains(&lower[i + 2].as_ref())
        {
            return Some(clean(words[i + 1]).to_owned());
        }
    }
    None
}

/// `Initech Engineer Ada Lovelace described…`: a company and role in front of a name. Returns
/// the company when `words[name_start - 1]` is a role and the word before it is capitalised.
pub fn before_name(words: &[&str], name_start: usize) -> Option<String> {
    if name_start < 2 || !is_role(words[name_start - 1]) || !capitalised(words[name_start - 1]) {
        return None;
    }
    let company = clean(words[name_start - 2]);
    capitalised(company).then(|| company.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn affiliations_in_descriptions() {
        let cases = [
            (
                "a principal engineer at Initech shares his experiences",
                Some("Initech"),
            ),
            (
                "a member of the Hooli core team tells us about locks",
                Some("Hooli"),
            ),
            (
                "a member of the Gopher team at Globex NY gives a tour",
                Some("Globex"),
            ),
            ("the founder of Acme talks about profiling", Some("Acme")),
            (
                "a Vandelay engineer delivers a comedy routine",
                Some("Vandelay"),
            ),
            (
                "the Hooli NYC Go team lead explains cancellation",
                Some("Hooli"),
            ),
            ("a contributor provides pointers for beginners", None),
            ("the author of some popular libraries", None),
            (
                "A Soviet scientist found that most problems were solved",
                None,
            ),
            (
                "A fun view from three engineers at Initech, who scale.",
                Some("Initech"),
            ),
            ("People at scale love caching.", None),
            (
                "Ada (from Initech Labs) showed how builds got faster.",
                Some("Initech Labs"),
            ),
            ("Results (from the survey) were mixed.", None),
            (
                "Ann Lee, former CTO at Initech, board member of Hooli",
                None,
            ),
            (
                "Bo Ray, Director of Community Operations at Globex Foundation, shared",
                Some("Globex Foundation"),
            ),
            (
                "Cy Dot, technical editor at Vandelay.com. He explained",
                Some("Vandelay.com"),
            ),
            (
                "the Developer Advocate for the Gopher team shares advice",
                None,
            ),
        ];
        for (text, company) in cases {
            assert_eq!(in_description(text).as_deref(), company, "{text}");
        }
    }

    #[test]
    fn company_and_role_before_a_name() {
        let words: Vec<&str> = "Initech Engineer Ada Lovelace described"
            .split(' ')
            .collect();
        assert_eq!(before_name(&words, 2).as_deref(), Some("Initech"));
        assert_eq!(before_name(&words, 0), None);
    }
}
