//! Writes one planned recap as Markdown, in one of the shapes real recaps take. A recap keeps one
//! shape throughout (the compiler learns a recap's heading style from all its headings):
//!
//! - [`Shape::Dash`]: `### Title - Speaker (Company)`, `- by A (X), B (Y)`, `- A and B`;
//! - [`Shape::Linked`]: `### [Title](url)` with a byline line or `Name of [Company](url)…`;
//! - [`Shape::Bylined`]: `### Title` then `*Speaker (Company)*`, `_By A & B_`, `Presented by …`;
//! - [`Shape::Bold`]: `### **Title** by _Speaker (Company)_`, keynotes as `"Title" (Keynote) by …`;
//! - [`Shape::Numbered`]: `### 3. Title, Speaker & Speaker`;
//! - [`Shape::NoSeparator`]: `### sentence-case title Speaker Name (Company)`;
//! - [`Shape::Parens`]: `## Title (Speaker)`, no day headings;
//! - [`Shape::Promoted`]: paragraphs `[**Title**](url), by Speaker` instead of headings;
//! - [`Shape::List`]: bullet lists of talks under day lines such as `**THURSDAY 7/13**`.
//!
//! Days are `## Day 1` (placed by an introduction sentence or a front-matter hint), `## Tuesday:
//! talks`, `## 5 November 2019` or `## 06.11. - Wednesday`. Most talks get a track tag line
//! (`_#Security, #Live Demo_`), notes from [`super::notes`] and session, slides or video links.
//! Around the talks are the sections every recap has: an introduction, a travel or venue note,
//! takeaways (the compiler reports those as sections that are not talks).

use std::fmt::Write;

use super::archive::{Archive, Conference, RecapPlan, Speaker, Talk, ascii_slug, capitalise};
use super::notes::{self, Subject};
use super::rng::Rng;
use super::words::NUMBER_WORDS;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Dash,
    Linked,
    Bylined,
    Bold,
    Numbered,
    NoSeparator,
    Parens,
    Promoted,
    List,
}

const SHAPES: &[(Shape, u32)] = &[
    (Shape::Dash, 26),
    (Shape::Linked, 15),
    (Shape::Bylined, 12),
    (Shape::Bold, 9),
    (Shape::Numbered, 8),
    (Shape::NoSeparator, 6),
    (Shape::Parens, 8),
    (Shape::Promoted, 6),
    (Shape::List, 10),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DayStyle {
    /// `## Day 1`, placed by the introduction or a `[recap] days` hint.
    Numbered,
    /// `## Tuesday: talks`.
    Weekday,
    /// `## 5 November 2019`.
    Date,
    /// `## 06.11. - Wednesday`.
    DotDate,
    /// `**THURSDAY 7/13**` (list recaps).
    BoldLine,
    /// No day headings (a one-day event, or a recap that does not say).
    Hidden,
}

/// How `Day 1` of a [`DayStyle::Numbered`] recap is placed on the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DayAnchor {
    /// `Tuesday 4th and Wednesday 5th …` in the introduction.
    Intro,
    /// `[recap] days = { "Day 1" = "…" }` in the front matter.
    Hint,
    /// Not at all: the compiler notes it and shows `Day 1`.
    Unplaced,
}

/// How bylines under headings are written (one way per recap).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Byline {
    /// `*Ada Lovelace (Analytical Engines)*`
    Emphasis,
    /// `_By Ada Lovelace & Charles Babbage_`
    By,
    /// `**Speaker:** Ada Lovelace, Analytical Engines`
    Label,
    /// `Presented by Ada Lovelace (Analytical Engines)`
    PresentedBy,
    /// `Ada Lovelace of [Analytical Engines](url) showed …` opening the notes.
    Prose,
}

/// Everything about how one recap is written, drawn once per recap.
struct Style {
    shape: Shape,
    days: DayStyle,
    anchor: DayAnchor,
    toml: bool,
    tags: bool,
    byline: Byline,
    /// Separator of [`Shape::Dash`] headings.
    separator: &'static str,
    /// Item shape of [`Shape::List`] recaps (0–3).
    list_item: usize,
    /// Level of talk headings (`###` under `## Day` headings).
    talk_level: usize,
}

impl Style {
    fn draw(rng: &mut Rng, conference: &Conference) -> Style {
        let shape = SHAPES[rng.weighted(&SHAPES.iter().map(|(_, w)| *w).collect::<Vec<_>>())].0;
        let multi_day = conference.day_count > 1;
        let days = match shape {
            Shape::Parens => DayStyle::Hidden,
            Shape::List if rng.chance(0.6) => DayStyle::BoldLine,
            _ => {
                let weights: &[u32] = if multi_day {
                    &[40, 30, 12, 10, 0, 8]
                } else {
                    &[15, 35, 20, 10, 0, 20]
                };
                [
                    DayStyle::Numbered,
                    DayStyle::Weekday,
                    DayStyle::Date,
                    DayStyle::DotDate,
                    DayStyle::BoldLine,
                    DayStyle::Hidden,
                ][rng.weighted(weights)]
            }
        };
        let anchor = match rng.weighted(&[55, 35, 10]) {
            0 if multi_day => DayAnchor::Intro,
            0 | 1 => DayAnchor::Hint,
            _ => DayAnchor::Unplaced,
        };
        Style {
            shape,
            days,
            anchor,
            toml: rng.chance(0.5),
            tags: !matches!(shape, Shape::Parens | Shape::List) && rng.chance(0.8),
            byline: [
                Byline::Emphasis,
                Byline::By,
                Byline::Label,
                Byline::PresentedBy,
                Byline::Prose,
            ][rng.weighted(&[30, 25, 15, 15, 15])],
            separator: [" - ", " – ", " | "][rng.weighted(&[80, 15, 5])],
            list_item: rng.below(4),
            talk_level: if matches!(days, DayStyle::Hidden | DayStyle::BoldLine) && rng.chance(0.5)
            {
                2
            } else {
                3
            },
        }
    }
}

/// A written recap: its file name (with a year folder) and Markdown.
pub struct Written {
    pub path: String,
    pub markdown: String,
    pub shape: Shape,
}

/// Writes recap `plan` of `archive`.
pub fn write(rng: &mut Rng, archive: &Archive, plan: &RecapPlan) -> Written {
    let conference = &archive.conferences[plan.conference];
    let style = Style::draw(rng, conference);
    let mut writer = Writer {
        rng,
        archive,
        conference,
        style,
        out: String::with_capacity(plan.talks.len() * 2_400),
    };
    writer.recap(plan);
    let name = format!(
        "{}/{}-{}.md",
        conference.year,
        ascii_slug(&conference.name),
        ascii_slug(&plan.author)
    );
    Written {
        path: name,
        markdown: writer.out,
        shape: writer.style.shape,
    }
}

struct Writer<'a> {
    rng: &'a mut Rng,
    archive: &'a Archive,
    conference: &'a Conference,
    style: Style,
    out: String,
}

impl<'a> Writer<'a> {
    fn recap(&mut self, plan: &RecapPlan) {
        self.front_matter(plan);
        self.introduction();
        if self.rng.chance(0.3) {
            self.venue_section();
        }
        let mut day = usize::MAX;
        let mut start = 0;
        for (index, talk) in plan.talks.iter().enumerate() {
            if talk.day != day {
                if self.style.shape == Shape::List && index > start {
                    self.list(&plan.talks[start..index]);
                }
                day = talk.day;
                start = index;
                self.day_heading(day);
            }
            if self.style.shape != Shape::List {
                self.talk(index, talk);
            }
        }
        if self.style.shape == Shape::List {
            self.list(&plan.talks[start..]);
        }
        if self.rng.chance(0.5) {
            self.takeaways();
        }
    }

    fn line(&mut self, text: &str) {
        self.out.push_str(text);
        self.out.push('\n');
    }

    fn block(&mut self, text: &str) {
        self.out.push_str(text);
        self.out.push_str("\n\n");
    }

    fn front_matter(&mut self, plan: &RecapPlan) {
        let conference = self.conference;
        let name = &conference.name;
        let year = conference.year;
        let title = match self.rng.below(8) {
            0 => format!("{name} {year} Recap"),
            1 => format!("Notes from {name} {year}"),
            2 => format!("{name}, {year}"),
            3 => format!("My takeaways from {name} {year}"),
            4 => format!("Recap of {name} {year}"),
            5 => format!("{name} {year} - a recap"),
            6 => format!("Highlights from {name} {year}"),
            // The year from the post's date.
            _ if plan.posted.year == year => format!("Notes from {name}"),
            _ => format!("{name} {year} notes"),
        };
        let date = plan.posted;
        let time = format!(
            "{:02}:{:02}:00",
            self.rng.range(7, 20),
            15 * self.rng.below(4)
        );
        let url = format!(
            "/{}/{:02}/{}/",
            date.year,
            date.month,
            ascii_slug(&format!("{name} {year}"))
        );
        let tags = ["conference", "recap", "notes", "talks"];
        let hint = (self.style.days == DayStyle::Numbered && self.style.anchor == DayAnchor::Hint)
            .then(|| conference.first_day.to_string());
        if self.style.toml {
            self.line("+++");
            self.line(&format!("title = \"{title}\""));
            self.line(&format!("date = {date}T{time}+01:00"));
            self.line(&format!("author = \"{}\"", plan.author));
            self.line(&format!("url = \"{url}\""));
            self.line(&format!("tags = [\"{}\", \"{}\"]", tags[0], tags[1]));
            self.line("draft = false");
            if let Some(first) = hint {
                self.line("");
                self.line("[recap]");
                self.line(&format!("days = {{ \"Day 1\" = \"{first}\" }}"));
            }
            self.line("+++");
        } else {
            self.line("---");
            self.line(&format!("title: '{}'", title.replace('\'', "''")));
            self.line(&format!("author: {}", plan.author));
            self.line(&format!("date: {date}T{time}+02:00"));
            self.line(&format!("url: {url}"));
            self.line("tags:");
            for tag in &tags[..self.rng.range(1, 4)] {
                self.line(&format!("  - {tag}"));
            }
            self.line(&format!(
                "description: Notes from {} talks at {name} {year}",
                plan.talks.len()
            ));
            if let Some(first) = hint {
                self.line("recap:");
                self.line("  days:");
                self.line(&format!("    Day 1: \"{first}\""));
            }
            self.line("---");
        }
        self.out.push('\n');
    }

    fn introduction(&mut self) {
        let conference = self.conference;
        let mut text = String::new();
        let first = conference.first_day;
        if conference.day_count > 1
            && self.style.days == DayStyle::Numbered
            && self.style.anchor == DayAnchor::Intro
        {
            let second = first.plus_days(1);
            let _ = write!(
                text,
                "On {} {} and {} {} {} took place in {}. ",
                first.weekday(),
                first.ordinal_day(),
                second.weekday(),
                second.ordinal_day(),
                conference.name,
                conference.city
            );
        } else {
            let _ = write!(
                text,
                "{} came to {} again this year. ",
                conference.name, conference.city
            );
        }
        let _ = write!(
            text,
            "There were {} tracks and about {} attendees, and the hallway track was as good as \
             ever. Below are my notes from the talks I managed to see, roughly in the order I \
             saw them.",
            NUMBER_WORDS[self.rng.range(2, 5)],
            50 * self.rng.range(4, 40)
        );
        self.block(&text);
    }

    fn venue_section(&mut self) {
        let heading = *self.rng.pick(&[
            "Getting there",
            "The venue",
            "Travel and venue",
            "Before the conference",
        ]);
        self.block(&format!("## {heading}"));
        let text = format!(
            "The venue was a converted {} near the centre of {}, which made for good coffee and \
             a slightly confusing floor plan. Trains from the airport run every {} minutes, and \
             everything else was within walking distance.",
            self.rng
                .pick(&["warehouse", "tram depot", "concert hall", "printing works"]),
            self.conference.city,
            self.rng.range(5, 20)
        );
        self.block(&text);
    }

    fn takeaways(&mut self) {
        let heading = *self
            .rng
            .pick(&["Takeaways", "Wrapping up", "Final thoughts", "Conclusion"]);
        self.block(&format!("## {heading}"));
        let items = [
            "Platform teams are expected to run like product teams now.",
            "Observability came up in almost every talk, whatever its topic.",
            "Fewer tools, better defaults: a theme across both days.",
            "I want to try two of the ideas above at work next month.",
            "The hallway conversations were worth the trip on their own.",
        ];
        let picked = self.rng.sample(&items, 3);
        let list: Vec<String> = picked.iter().map(|item| format!("- {item}")).collect();
        self.block(&list.join("\n"));
    }

    fn day_heading(&mut self, day: usize) {
        let date = self.conference.first_day.plus_days(day as i64);
        let theme = if self.rng.chance(0.4) {
            format!(
                ": {}",
                self.rng
                    .pick(&["talks", "sessions", "deep dives", "the main conference"])
            )
        } else {
            String::new()
        };
        let heading = match self.style.days {
            DayStyle::Hidden => return,
            DayStyle::Numbered => format!("## Day {}{theme}", day + 1),
            DayStyle::Weekday => format!("## {}{theme}", date.weekday()),
            DayStyle::Date => format!("## {} {} {}", date.day, date.month_name(), date.year),
            DayStyle::DotDate => {
                format!("## {:02}.{:02}. - {}", date.day, date.month, date.weekday())
            }
            DayStyle::BoldLine => format!(
                "**{} {}/{}**",
                date.weekday().to_uppercase(),
                date.month,
                date.day
            ),
        };
        self.block(&heading);
    }

    fn speaker(&self, index: usize) -> &'a Speaker {
        &self.archive.speakers[index]
    }

    /// `Name (Company)`, `Name (@handle)` or `Name`.
    fn person(&self, index: usize, with_company: bool) -> String {
        let speaker = self.speaker(index);
        match (&speaker.company, &speaker.handle) {
            (Some(company), _) if with_company => format!("{} ({company})", speaker.name),
            (None, Some(handle)) if with_company => format!("{} ({handle})", speaker.name),
            _ => speaker.name.clone(),
        }
    }

    /// Speakers joined the way bylines join them: `A (X), B (Y)`, `A and B`, `A & B`.
    fn people(&mut self, talk: &Talk, with_company: bool) -> String {
        // Independents last: in `A, B (X)` the company is read as both speakers'.
        let mut speakers = talk.speakers.clone();
        if with_company {
            speakers.sort_by_key(|&index| self.speaker(index).company.is_none());
        }
        let names: Vec<String> = speakers
            .iter()
            .map(|&index| self.person(index, with_company))
            .collect();
        match names.as_slice() {
            [one] => one.clone(),
            [a, b] => {
                let joiner = *self.rng.pick(&[", ", " and ", " & "]);
                format!("{a}{joiner}{b}")
            }
            [init @ .., last] => format!("{}, {last}", init.join(", ")),
            [] => String::new(),
        }
    }

    fn subject(&self, talk: &Talk) -> Subject<'a> {
        Subject {
            first_names: talk
                .speakers
                .iter()
                .map(|&index| self.archive.speakers[index].first_name())
                .collect(),
        }
    }

    fn talk_url(&self, talk: &Talk) -> String {
        format!("https://{}/talks/{}", self.conference.site, talk.slug)
    }

    fn company_host(&self, talk: &Talk) -> String {
        let speaker = self.speaker(talk.speakers[0]);
        match &speaker.company {
            Some(company) => format!("{}.example", ascii_slug(company)),
            None => "blog.example".to_owned(),
        }
    }

    fn tag_line(&mut self, talk: &Talk) {
        if self.style.tags && !talk.tracks.is_empty() {
            self.block(&format!("_{}_", talk.tracks.join(", ")));
        }
    }

    fn kind_prefix(talk: &Talk) -> String {
        talk.kind
            .map(|kind| format!("{kind}: "))
            .unwrap_or_default()
    }

    fn talk(&mut self, index: usize, talk: &Talk) {
        let hashes = "#".repeat(self.style.talk_level);
        let mut opening = None;
        match self.style.shape {
            Shape::Dash => {
                let people = if talk.speakers.len() > 1 && self.rng.chance(0.4) {
                    format!("by {}", self.people(talk, true))
                } else {
                    let with_company = self.rng.chance(0.85);
                    self.people(talk, with_company)
                };
                let heading = format!(
                    "{hashes} {}{}{}{people}",
                    Self::kind_prefix(talk),
                    talk.title,
                    self.style.separator
                );
                self.block(&heading);
                self.tag_line(talk);
            }
            Shape::Linked => {
                self.block(&format!(
                    "{hashes} [{}]({})",
                    talk.title,
                    self.talk_url(talk)
                ));
                let tags_first = self.rng.chance(0.7);
                if tags_first {
                    self.tag_line(talk);
                }
                opening = self.byline(talk, true);
                if !tags_first {
                    self.tag_line(talk);
                }
            }
            Shape::Bylined => {
                self.block(&format!(
                    "{hashes} {}{}",
                    Self::kind_prefix(talk),
                    talk.title
                ));
                opening = self.byline(talk, false);
                self.tag_line(talk);
            }
            Shape::Bold => {
                let people = self.people(talk, true);
                let heading = match talk.kind {
                    Some(kind) => format!("{hashes} \"{}\" ({kind}) by {people}", talk.title),
                    None => format!("{hashes} **{}** by _{people}_", talk.title),
                };
                self.block(&heading);
                self.tag_line(talk);
            }
            Shape::Numbered => {
                let names: Vec<String> = talk
                    .speakers
                    .iter()
                    .map(|&i| self.speaker(i).name.clone())
                    .collect();
                self.block(&format!(
                    "{hashes} {}. {}, {}",
                    index + 1,
                    talk.title,
                    names.join(" & ")
                ));
                self.tag_line(talk);
            }
            Shape::NoSeparator => {
                let speaker = self.speaker(talk.speakers[0]);
                let heading = match (&speaker.company, talk.speakers.len()) {
                    (Some(company), 1) => format!(
                        "{hashes} {}{} {} ({company})",
                        Self::kind_prefix(talk),
                        sentence_case(&talk.title),
                        speaker.name
                    ),
                    _ => format!(
                        "{hashes} {}{} - {}",
                        Self::kind_prefix(talk),
                        talk.title,
                        self.people(talk, true)
                    ),
                };
                self.block(&heading);
                self.tag_line(talk);
            }
            Shape::Parens => {
                let names: Vec<String> = talk
                    .speakers
                    .iter()
                    .map(|&i| self.speaker(i).name.clone())
                    .collect();
                // Mostly in sentence case, as such posts often write them; a recap of only
                // `Title Case Words (Two Words)` would not say whether people or companies are
                // in the parentheses.
                let title = if self.rng.chance(0.7) {
                    sentence_case(&talk.title)
                } else {
                    talk.title.clone()
                };
                self.block(&format!("## {title} ({})", names.join(", ")));
            }
            Shape::Promoted => {
                let people = self.people(talk, true);
                let intro = if self.style.list_item.is_multiple_of(2) {
                    format!("[**{}**]({}), by {people}", talk.title, self.talk_url(talk))
                } else {
                    format!("**{}** by {people}", talk.title)
                };
                self.block(&intro);
                self.tag_line(talk);
            }
            Shape::List => unreachable!("list recaps write their talks as lists"),
        }
        let host = self.company_host(talk);
        let subject = self.subject(talk);
        let notes = notes::notes(&mut self.rng.fork(), &subject, &host, opening);
        self.block(&notes);
        self.links(talk);
    }

    /// The byline line under a heading; with [`Byline::Prose`], the notes' opening instead.
    fn byline(&mut self, talk: &Talk, allow_prose: bool) -> Option<String> {
        let speaker = self.speaker(talk.speakers[0]);
        if self.style.byline == Byline::Prose
            && allow_prose
            && talk.speakers.len() == 1
            // Prose names of four words (`Ana van der Meulen`) are not read as presenters.
            && speaker.name.split(' ').count() <= 3
            && let Some(company) = &speaker.company
        {
            let verb = *self
                .rng
                .pick(&["showed", "explained", "walked through", "presented"]);
            let what = *self.rng.pick(&[
                "what their team learnt the hard way.",
                "how the idea evolved over a few years.",
                "a case study from production.",
            ]);
            return Some(format!(
                "{} of [{company}](https://{}.example/) {verb} {what}",
                speaker.name,
                ascii_slug(company)
            ));
        }
        let line = match self.style.byline {
            Byline::By => {
                let with_company = self.rng.chance(0.5);
                format!("_By {}_", self.people(talk, with_company))
            }
            // `Name, Company` only for one-word companies: `Ada Lovelace, Falcon Media` would
            // read as two people.
            Byline::Label if talk.speakers.len() == 1 => match &speaker.company {
                Some(company) if !company.contains(' ') => {
                    format!("**Speaker:** {}, {company}", speaker.name)
                }
                Some(company) => format!("**Speaker:** {} ({company})", speaker.name),
                None => format!("**Speaker:** {}", speaker.name),
            },
            Byline::PresentedBy => format!("Presented by {}", self.people(talk, true)),
            _ => format!("*{}*", self.people(talk, true)),
        };
        self.block(&line);
        None
    }

    fn links(&mut self, talk: &Talk) {
        let mut lines = Vec::new();
        if self.rng.chance(0.5) && self.style.shape != Shape::Linked {
            lines.push(format!("[session]({})", self.talk_url(talk)));
        }
        if self.rng.chance(0.3) {
            lines.push(format!(
                "[slides](https://slides.example/{}/{})",
                self.conference.year, talk.slug
            ));
        }
        if self.rng.chance(0.35) {
            let id = notes::video_id(self.rng);
            lines.push(format!("[video](https://www.youtube.com/watch?v={id})"));
        }
        if !lines.is_empty() {
            self.block(&lines.join("\n"));
        }
    }

    /// The talks of one day as a bullet list.
    fn list(&mut self, talks: &[Talk]) {
        if self.rng.chance(0.5) {
            self.block("Talks I saw:");
        }
        let mut items = Vec::with_capacity(talks.len());
        for talk in talks {
            let item = match self.style.list_item {
                0 => {
                    let names: Vec<String> = talk
                        .speakers
                        .iter()
                        .map(|&i| self.speaker(i).name.clone())
                        .collect();
                    format!("* {} - {}", names.join(" & "), talk.title)
                }
                1 => {
                    let speaker = self.speaker(talk.speakers[0]);
                    let profile = format!("https://people.example/{}", ascii_slug(&speaker.name));
                    let sentence = *self.rng.pick(&[
                        "a practical tour with plenty of numbers.",
                        "the most useful talk of the day for me.",
                        "a good overview, light on details.",
                        "war stories and a checklist to take home.",
                    ]);
                    format!(
                        "* [{}]({}) _by_ [_{}_]({profile}) - {sentence}",
                        talk.title,
                        self.talk_url(talk),
                        speaker.name
                    )
                }
                2 => {
                    let names: Vec<String> = talk
                        .speakers
                        .iter()
                        .map(|&i| self.speaker(i).name.clone())
                        .collect();
                    format!(
                        "* {} ({}): [Slides](https://slides.example/{})",
                        sentence_case(short_title(&talk.title)),
                        names.join(", "),
                        talk.slug
                    )
                }
                _ => format!(
                    "* {} - {}",
                    short_title(&talk.title),
                    self.people(talk, true)
                ),
            };
            items.push(item);
        }
        self.block(&items.join("\n"));
    }
}

/// A title as list items that start with it write it: without its subtitle (`Feature Flags:
/// What We Got Wrong` → `Feature Flags`), as authors shorten titles in lists (and as the compiler
/// needs: in `Title: Subtitle - Speaker` it takes the colon for the end of the talk).
fn short_title(title: &str) -> &str {
    title.split(':').next().unwrap_or(title)
}

/// `Scaling Event Pipelines at Scale` → `Scaling event pipelines at scale` (words with inner
/// capitals such as `GraphQL` or `WebAssembly` keep them; `On-Call` becomes `on-call`).
fn sentence_case(title: &str) -> String {
    let mut words = Vec::new();
    for (i, word) in title.split(' ').enumerate() {
        let first_part = word.split('-').next().unwrap_or(word);
        let inner_capital = first_part.chars().skip(1).any(char::is_uppercase);
        if i == 0 || inner_capital {
            words.push(capitalise(word));
        } else {
            words.push(word.to_lowercase());
        }
    }
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::sentence_case;

    #[test]
    fn sentence_case_keeps_inner_capitals() {
        assert_eq!(
            sentence_case("Taming GraphQL Gateways for On-Call Rotations"),
            "Taming GraphQL gateways for on-call rotations"
        );
    }
}
