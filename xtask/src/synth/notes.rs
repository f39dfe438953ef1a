//! A talk's notes: 100–400 words of invented prose the way recap authors write it — paragraphs,
//! the odd bullet list, links, a quote, now and then a code block — from sentence templates
//! filled with the word lists of [`super::words`].
//!
//! The text never names a speaker by full name in a presenting sentence (`Ana Núñez explained…`),
//! which the compiler would read as a presenter; it uses first names, as recaps do after the
//! heading has introduced the speaker.

use super::archive::{ascii_slug, capitalise};
use super::rng::Rng;
use super::words::*;

/// Notes length in words (the brief's "realistic notes").
pub const WORDS: (usize, usize) = (100, 400);

/// Who the notes talk about: a first name, or the speakers together.
pub struct Subject<'a> {
    pub first_names: Vec<&'a str>,
}

impl Subject<'_> {
    fn who(&self, rng: &mut Rng) -> String {
        match self.first_names.as_slice() {
            [one] => (*one).to_owned(),
            [a, b] if rng.chance(0.5) => format!("{a} and {b}"),
            _ => rng
                .pick(&["the speakers", "both speakers", "they"])
                .to_string(),
        }
    }
}

const SENTENCES: &[&str] = &[
    "{Who} opened with a short history of {topic} at their company, where the first version was built in a hurry during an incident.",
    "The core argument was that {claim}.",
    "{Who} argued that {claim}, and backed it up with data from {n} teams.",
    "Most of the session was a walk-through of {topic}, from the first prototype to what runs in production today.",
    "The numbers were hard to argue with: {metric} went down by {pct}% after {change}.",
    "A recurring theme was how {topic} and {topic2} interact once traffic grows.",
    "I liked the honesty about {tradeoff}.",
    "The live demo used `{tool}` to show {topic} failing in a controlled way, and {reaction}.",
    "When someone asked about {topic2}, {who} admitted they had not solved it yet.",
    "Their setup is deliberately boring: `{tool}`, a handful of scripts and a lot of conventions written down in one place.",
    "The team measured {metric} for {n} weeks before changing anything, which made the comparison convincing.",
    "One slide listed the {n} mistakes they made along the way, and {reaction}.",
    "It was refreshing to hear someone say plainly that {claim}.",
    "The second half moved on to {topic2}, which felt a bit rushed but had the most practical advice.",
    "{Who} recommended starting with {topic} on a single service and only then rolling it out more widely.",
    "There is a write-up of the approach on [their engineering blog]({url}).",
    "After {change}, the on-call load dropped noticeably and {metric} became predictable.",
    "The talk was well paced, with just enough code on the slides to follow along.",
    "I had expected a product pitch, but it turned out to be a thoughtful look at {topic}.",
    "Their rule of thumb: if {topic} needs a meeting to change, it is too complicated.",
    "A good part of the talk covered how they test {topic}, including a nightly job that replays production traffic.",
    "They track {metric} on the same dashboard as {metric2}, so regressions are hard to miss.",
    "The slides are [online]({url}) and worth a look for the diagrams alone.",
    "Several people in the hallway afterwards were already comparing notes about {topic}.",
    "{Who} showed a timeline of an incident caused by {topic}, minute by minute.",
    "Nothing here was new in isolation, but putting {topic} and {topic2} together was.",
    "The practical takeaway for me is to look at our own {topic} with fresh eyes.",
    "They published the tooling as [a small library]({url}), which already has a few outside contributors.",
    "According to {who}, the hardest part was not technical at all but getting {n} teams to agree on a naming scheme.",
    "The questions at the end were mostly about {topic2} and how it behaves under load.",
    "A memorable line: the best time to think about {topic} is before the first customer.",
    "They started with {big} services and a spreadsheet, and ended up with a catalogue every team now maintains.",
    "Over {n} months {metric} improved by roughly {pct}%, mostly thanks to {change}.",
    "The examples were in `{tool}`, but the ideas translate to any stack.",
    "I would have liked more detail on {topic2}, which only got one slide.",
    "{Who} closed with a list of reading material and a plea to share failure stories more openly.",
    "It is worth noting that {claim}; the rest of the talk built on that.",
    "The architecture diagram had {big} arrows, which drew a laugh when {who} apologised for it.",
    "Their migration ran for {n} weeks in shadow mode before any real traffic moved over.",
    "In the end {metric} is the number they report to leadership every month.",
    "Apparently {pct}% of their incidents last year involved {topic} in some way.",
    "The trick that made it work was {change}, which sounds obvious in hindsight.",
    "For smaller teams the advice was simpler: pick one thing, such as {topic}, and do it well.",
    "I am going to try the checklist from this talk on our {topic} next sprint.",
];

const QUOTES: &[&str] = &[
    "If you can't measure {topic}, you are guessing.",
    "Every decision about {topic} is a people decision in disguise.",
    "Boring technology is a feature, not a compromise.",
    "We didn't need a new tool; we needed {topic} with fewer exceptions.",
    "{Claim}.",
    "The system you have is the system you operate at three in the morning.",
    "Write the rollback plan first. The rollout plan writes itself.",
];

const BULLETS: &[&str] = &[
    "Write the rollback plan before the rollout plan.",
    "Put {metric} on a dashboard everyone can see.",
    "`{tool}` covers most of it; reach for more only when it hurts.",
    "Review {topic} every quarter, with one owner per item.",
    "{Claim}.",
    "Budget time for {topic2} from the start.",
    "Measure {metric} before and after every change.",
    "Keep {topic} configuration in the same repository as the code.",
    "Delete what nobody uses, {topic} included.",
    "Start with {n} services, not all of them.",
    "Treat {topic} as a product with users, not a side project.",
    "Run a game day on {topic2} before the busy season.",
    "Document the defaults; nobody reads the exceptions.",
];

const BULLET_INTROS: &[&str] = &[
    "The takeaways I wrote down:",
    "A few things worth stealing:",
    "Their checklist, roughly:",
    "What they would do again:",
];

const CODE_INTROS: &[&str] = &[
    "The slide that got the most photos:",
    "The whole trick fits on one slide:",
    "Roughly what the fix looked like:",
];

/// Writes the notes of one talk (Markdown blocks separated by blank lines), about `subject`,
/// with links into `host`. `opening` replaces the first sentence when given.
pub fn notes(rng: &mut Rng, subject: &Subject, host: &str, opening: Option<String>) -> String {
    let target = rng.range(WORDS.0, WORDS.1);
    let mut blocks: Vec<String> = Vec::new();
    let mut words = 0;
    let mut used = Vec::new();
    let sentences = rng.range(2, 4);
    let mut first = paragraph(rng, subject, host, sentences, &mut used);
    if let Some(opening) = opening {
        first = format!("{opening} {first}");
    }
    words += count_words(&first);
    blocks.push(first);
    let mut extras: Vec<fn(&mut Rng, &Subject, &str) -> String> = Vec::new();
    if rng.chance(0.4) {
        extras.push(bullet_list);
    }
    if rng.chance(0.2) {
        extras.push(quote);
    }
    if rng.chance(0.1) {
        extras.push(code_block);
    }
    while words < target {
        let block = if !extras.is_empty() && rng.chance(0.5) {
            let extra = extras.remove(rng.below(extras.len()));
            extra(rng, subject, host)
        } else {
            let sentences = rng.range(2, 5);
            paragraph(rng, subject, host, sentences, &mut used)
        };
        words += count_words(&block);
        blocks.push(block);
    }
    blocks.join("\n\n")
}

/// A paragraph of `sentences` sentences, none of them one of the notes' `used` sentences.
fn paragraph(
    rng: &mut Rng,
    subject: &Subject,
    host: &str,
    sentences: usize,
    used: &mut Vec<usize>,
) -> String {
    let mut text = Vec::with_capacity(sentences);
    while text.len() < sentences {
        if used.len() == SENTENCES.len() {
            used.clear();
        }
        let index = rng.below(SENTENCES.len());
        if !used.contains(&index) {
            used.push(index);
            text.push(fill(rng, SENTENCES[index], subject, host));
        }
    }
    text.join(" ")
}

fn bullet_list(rng: &mut Rng, subject: &Subject, host: &str) -> String {
    let intro = rng.pick(BULLET_INTROS);
    let marker = if rng.chance(0.5) { "-" } else { "*" };
    let count = rng.range(3, 6);
    let items: Vec<String> = rng
        .sample(BULLETS, count)
        .into_iter()
        .map(|item| format!("{marker} {}", fill(rng, item, subject, host)))
        .collect();
    format!("{intro}\n\n{}", items.join("\n"))
}

fn quote(rng: &mut Rng, subject: &Subject, host: &str) -> String {
    let template = *rng.pick(QUOTES);
    let text = fill(rng, template, subject, host);
    format!("> \"{text}\"")
}

fn code_block(rng: &mut Rng, _: &Subject, _: &str) -> String {
    let (language, lines) = rng.pick(CODE_SNIPPETS);
    format!(
        "{}\n\n```{language}\n{}\n```",
        rng.pick(CODE_INTROS),
        lines.join("\n")
    )
}

/// Replaces `{slot}`s in a template; `{Who}`/`{Claim}` are the capitalised forms.
fn fill(rng: &mut Rng, template: &str, subject: &Subject, host: &str) -> String {
    let mut out = String::with_capacity(template.len() + 64);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let end = start
            + rest[start..]
                .find('}')
                .expect("templates close their slots");
        out.push_str(&slot(rng, &rest[start + 1..end], subject, host));
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

fn slot(rng: &mut Rng, name: &str, subject: &Subject, host: &str) -> String {
    match name {
        "who" => subject.who(rng),
        "Who" => capitalise(&subject.who(rng)),
        "topic" | "topic2" => rng.pick(TOPICS).to_string(),
        "metric" | "metric2" => rng.pick(METRICS).to_string(),
        "tool" => rng.pick(TOOLS).to_string(),
        "change" => rng.pick(CHANGES).to_string(),
        "claim" => rng.pick(CLAIMS).to_string(),
        "Claim" => capitalise(rng.word(CLAIMS)),
        "tradeoff" => rng.pick(TRADEOFFS).to_string(),
        "reaction" => rng.pick(REACTIONS).to_string(),
        "n" => rng.range(2, 12).to_string(),
        "pct" => rng.range(10, 90).to_string(),
        "big" => rng.range(40, 900).to_string(),
        "url" => format!(
            "https://{host}/{}/{}",
            rng.pick(&["blog", "posts", "docs", "notes", "writing"]),
            ascii_slug(rng.word(TOPICS))
        ),
        other => panic!("unknown template slot {{{other}}}"),
    }
}

fn count_words(text: &str) -> usize {
    text.split_whitespace().count()
}

/// An 11-character video id such as video sites use.
pub fn video_id(rng: &mut Rng) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    (0..11)
        .map(|_| ALPHABET[rng.below(ALPHABET.len())] as char)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_are_between_100_and_about_400_words() {
        let subject = Subject {
            first_names: vec!["Zoë"],
        };
        for seed in 0..50 {
            let text = notes(&mut Rng::new(seed), &subject, "acme.example", None);
            let words = count_words(&text);
            assert!((100..520).contains(&words), "{words} words");
            assert!(!text.contains('{'), "unfilled slot in {text}");
        }
    }
}
