//! Extraction of one recap: which headings are days, which are talks, and what each talk says.
//!
//! A heading introduces a talk when it names presenters (see [`crate::heading`]), links to the
//! talk (`### [Title](url)`), is followed by a track tag line (`_#Security, #Live Demo_`) or names
//! a session kind. Day headings set the current day (see [`crate::days`]). Every other heading
//! with text under it is reported as a section that is not a talk, so nothing is dropped silently.

use recap_bundle::Link;

use crate::affiliation;
use crate::conference;
use crate::days::{self, DayResolver};
use crate::diagnostics::{Diagnostic, Severity};
use crate::front_matter::{self, FrontMatter};
use crate::heading::{self, TalkHeading};
use crate::hints::{self, Marker, RecapHints};
use crate::list_talks;
use crate::markdown::{self, Block, BlockKind, Heading, ListItem, Outline};
use crate::mojibake;
use crate::notes;
use crate::people::{self, Person};
use crate::prose;
use crate::shortcodes;
use crate::speaker_first;
use crate::table_talks;

/// What one recap says.
#[derive(Debug, Clone)]
pub struct ExtractedRecap {
    pub file: String,
    pub front_matter: FrontMatter,
    pub conference_name: String,
    pub year: Option<i32>,
    /// Days in order of first appearance.
    pub days: Vec<ExtractedDay>,
    pub talks: Vec<ExtractedTalk>,
    /// The author's hints from the front matter (track aliases are applied when assembling).
    pub hints: RecapHints,
}

/// A conference day as one recap names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtractedDay {
    pub label: String,
    /// ISO date, from the heading (`06.11. - Wednesday` and the year) or an author hint.
    pub date: Option<String>,
}

/// One talk as read from a recap.
#[derive(Debug, Clone, PartialEq)]
pub struct ExtractedTalk {
    pub title: Option<String>,
    pub speakers: Vec<Person>,
    /// Track labels as written (`#Security`, `Keynote`).
    pub tracks: Vec<String>,
    /// Day label, one of [`ExtractedRecap::days`].
    pub day: Option<String>,
    pub links: Vec<Link>,
    pub summary: String,
    pub html: String,
    /// 1-based line of the talk's heading in the file.
    pub line: u32,
}

/// How many characters a card summary holds at most.
const SUMMARY_CHARS: usize = 220;

/// The role of one heading in the recap.
#[derive(Debug, Clone)]
enum Role {
    Day(days::DayMarker),
    Talk(TalkHeading, Option<Marker>),
    /// Excluded by the author with `<!-- recap: skip -->`.
    Skipped,
    /// The byline of the talk heading right above it (`#### Ada Lovelace, Initech`).
    Byline,
    Other,
}

/// Extracts one recap. `file` is the path shown in diagnostics and in the bundle.
pub fn extract(
    file: &str,
    source: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<ExtractedRecap, Diagnostic> {
    let (source, repaired) = mojibake::repair(source);
    if repaired > 0 {
        diagnostics.push(
            Diagnostic::new(Severity::Warning, file, 0, format!("repaired {repaired} mojibake sequence(s): UTF-8 text that had been read as Mac Roman"))
                .with_help("re-save the file as UTF-8 with the intended characters (e.g. `…` where it shows `‚Ä¶`)"),
        );
    }
    let split = front_matter::split(&source).map_err(|err| {
        Diagnostic::new(
            Severity::Error,
            file,
            err.line,
            format!("invalid {} front matter: {}", err.format, err.message),
        )
        .with_help("fix the front matter; the other recaps are still compiled")
    })?;
    let hints = RecapHints::read(split.front_matter.recap.as_ref(), file, 1, diagnostics);
    let body = shortcodes::rewrite(split.body);
    let line_offset = split.body_line_offset;
    let lines = markdown::LineIndex::new(&body);
    let line_of = |offset: usize| lines.line_of(offset) + line_offset;
    let mut outline = Outline::parse(&body);
    let style = heading::HeadingStyle::learn(outline.headings.iter().map(|h| h.text.as_str()));
    let dash_talks = dash_talk_paragraphs(&outline, style);
    outline.promote(|block| {
        is_day_line(block)
            || is_talk_paragraph(block, style, dash_talks.contains(&block.range.start))
    });

    let speaker_first_by_style = speaker_first::by_style(&body, &outline, style);
    let mut roles = Vec::with_capacity(outline.headings.len());
    for (i, heading) in outline.headings.iter().enumerate() {
        let own_end = outline.own_end(i, body.len());
        let marker = outline
            .blocks_in(heading.range.end, own_end)
            .take_while(|b| matches!(b.kind, BlockKind::Comment(_)))
            .find_map(|b| match &b.kind {
                BlockKind::Comment(comment) => {
                    hints::parse_marker(comment, file, line_of(b.range.start), diagnostics)
                }
                _ => None,
            });
        let by_style = speaker_first_by_style[i];
        roles.push(classify(
            &body, &outline, heading, own_end, style, marker, by_style,
        ));
    }
    read_byline_headings(&outline, &mut roles, style);

    let title = split
        .front_matter
        .title
        .clone()
        .or_else(|| {
            outline
                .headings
                .iter()
                .find(|h| h.level == 1)
                .map(|h| h.text.clone())
        })
        .unwrap_or_else(|| file_stem(file));
    let (mut conference_name, mut year) =
        conference::name_and_year(&title, split.front_matter.date.as_deref());
    if let Some(name) = &hints.conference {
        (conference_name, year) = conference::name_and_year(
            name,
            hints
                .year
                .map(|y| y.to_string())
                .as_deref()
                .or(split.front_matter.date.as_deref()),
        );
    }
    if let Some(hinted) = hints.year {
        year = Some(hinted);
    }

    let has_weekday_headings = roles
        .iter()
        .any(|r| matches!(r, Role::Day(m) if m.weekday.is_some()));
    let first_day_heading = outline
        .headings
        .iter()
        .zip(&roles)
        .find(|(_, r)| matches!(r, Role::Day(_)))
        .map(|(h, _)| h.range.start);
    let intro: String = outline
        .blocks_in(0, first_day_heading.unwrap_or(0))
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let mut resolver = DayResolver::new(if has_weekday_headings {
        None
    } else {
        days::intro_anchor(&intro)
    });
    for (key, date) in &hints.days {
        if let (Some(n), Some(weekday)) = (
            days::day_marker(key).and_then(|m| m.number),
            days::weekday_of_date(date),
        ) {
            resolver.learn(n, weekday);
        }
    }
    let talk_levels: Vec<u8> = outline
        .headings
        .iter()
        .zip(&roles)
        .filter(|(_, r)| matches!(r, Role::Talk(..)))
        .map(|(h, _)| h.level)
        .collect();

    let mut recap = ExtractedRecap {
        file: file.to_owned(),
        front_matter: split.front_matter.clone(),
        conference_name,
        year,
        days: Vec::new(),
        talks: Vec::new(),
        hints: hints.clone(),
    };
    let mut current_day: Option<String> = None;
    // Enclosing non-talk headings, with the session kind or topic they stand for.
    let mut groupings: Vec<Grouping> = Vec::new();
    let list_context = ListContext {
        body: &body,
        lines: &lines,
        outline: &outline,
        style,
        file,
        line_offset,
    };
    let first_heading = outline
        .headings
        .first()
        .map_or(body.len(), |h| h.range.start);
    recap
        .talks
        .extend(list_context.talks_in(0, first_heading, None, Vec::new(), "", diagnostics));

    for (i, (heading, role)) in outline.headings.iter().zip(&roles).enumerate() {
        groupings.retain(|grouping| grouping.level < heading.level);
        let own_end = outline.own_end(i, body.len());
        match role {
            Role::Day(marker) => {
                // `## 5 November 2019`: the date tells the weekday.
                let mut marker = *marker;
                if let (None, None, Some((month, day)), Some(year)) =
                    (marker.weekday, marker.number, marker.month_day, year)
                {
                    marker.weekday =
                        days::weekday_of_date(&format!("{year:04}-{month:02}-{day:02}"));
                }
                let marker = &marker;
                let label = resolver.resolve(*marker).label;
                if marker.weekday.is_none()
                    && label.starts_with("Day")
                    && !hints.days.keys().any(|k| k.eq_ignore_ascii_case(&label))
                {
                    diagnostics.push(
                        Diagnostic::new(Severity::Note, file, line_of(heading.range.start), format!("\"{}\" is not placed on a date or weekday; it is shown as \"{label}\"", heading.text))
                            .with_help(format!("add `days = {{ \"{label}\" = \"YYYY-MM-DD\" }}` to the `[recap]` front-matter hints")),
                    );
                }
                let date = day_date(&hints, &label, &heading.text, marker, year);
                recap.add_day(&label, date);
                current_day = Some(label);
                groupings.push(Grouping::of_kind(heading));
                let day_talks = list_context.talks_under(
                    heading,
                    own_end,
                    &current_day,
                    &groupings,
                    diagnostics,
                );
                // Text of the day's own that no talk was read from: reported, not dropped.
                let left_out = outline.blocks_in(heading.range.end, own_end).find(|b| {
                    let text = !b.text.is_empty() || b.kind == BlockKind::Other;
                    let lines = line_of(b.range.start)..=line_of(b.range.end.saturating_sub(1));
                    text && !day_talks.iter().any(|t| lines.contains(&t.line))
                });
                if let Some(block) = left_out {
                    diagnostics.push(
                        Diagnostic::new(Severity::Note, file, line_of(block.range.start), format!("text under the day heading \"{}\" is not a talk and is left out of the bundle", heading.text))
                            .with_help("if it describes a talk, give the talk its own heading (`### Title - Speaker (Company)`)"),
                    );
                }
                recap.talks.extend(day_talks);
            }
            Role::Skipped | Role::Byline => groupings.push(Grouping {
                level: heading.level,
                kind: None,
                topic: None,
            }),
            Role::Other => {
                groupings.push(Grouping::of(heading, &recap.conference_name));
                let list_talks = list_context.talks_under(
                    heading,
                    own_end,
                    &current_day,
                    &groupings,
                    diagnostics,
                );
                let has_text = outline
                    .blocks_in(heading.range.end, own_end)
                    .any(|b| !b.text.is_empty() || b.kind == BlockKind::Other);
                if !list_talks.is_empty() {
                    resolver.talk_seen();
                    recap.talks.extend(list_talks);
                } else if has_text {
                    let line = line_of(heading.range.start);
                    let looks_like_talk =
                        current_day.is_some() && talk_levels.contains(&heading.level);
                    let diagnostic = if looks_like_talk {
                        Diagnostic::new(Severity::Warning, file, line, format!("heading \"{}\" sits among talks but could not be read as one; it is left out", heading.text))
                            .with_help(format!("write it as `{} - Speaker (Company)`, or add `<!-- recap: talk -->` (or `<!-- recap: skip -->`) under it", heading.text))
                    } else {
                        Diagnostic::new(Severity::Note, file, line, format!("section \"{}\" is not a talk and is left out of the bundle", heading.text))
                            .with_help("if it is a talk, write its heading as `Title - Speaker (Company)`, add a `_#Track_` line under it, or add `<!-- recap: talk -->`")
                    };
                    diagnostics.push(diagnostic);
                }
            }
            Role::Talk(parsed, marker) => {
                resolver.talk_seen();
                let section_end = talk_section_end(&outline.headings, &roles, i, body.len());
                // A byline written as a heading right below is no part of the notes.
                let notes_start = match roles.get(i + 1) {
                    Some(Role::Byline) => outline.headings[i + 1].range.end,
                    _ => heading.range.end,
                };
                let line = line_of(heading.range.start);
                let mut talk = build_talk(
                    &body,
                    &outline,
                    heading,
                    parsed,
                    notes_start..section_end,
                    &groupings,
                    current_day.clone(),
                    line,
                );
                if let Some(marker) = marker {
                    apply_marker(&mut talk, marker, file, diagnostics);
                    if let Some(day) = &marker.day {
                        recap.add_day(
                            day,
                            day_date(&hints, day, day, &days::DayMarker::default(), year),
                        );
                    }
                }
                if talk.speakers.is_empty() {
                    diagnostics.push(
                        Diagnostic::new(Severity::Warning, file, talk.line, format!("talk \"{}\" names no speaker", talk.title.as_deref().unwrap_or("?")))
                            .with_help("add the speaker to the heading (`Title - Speaker (Company)`) or add `<!-- recap: speakers=\"Name (Company)\" -->` under it"),
                    );
                }
                recap.talks.push(talk);
            }
        }
    }
    // `GopherCon 2019 Day 2` and no day headings: every talk is on the day the title names.
    if recap.days.is_empty()
        && !recap.talks.is_empty()
        && let Some(marker) = conference::day_in_title(&title).and_then(|d| days::day_marker(&d))
    {
        let label = resolver.resolve(marker).label;
        let date = day_date(&hints, &label, &label, &marker, year);
        recap.add_day(&label, date);
        for talk in &mut recap.talks {
            talk.day = Some(label.clone());
        }
    }
    // `… presented in the Go Devroom` before the first talk: the room of every talk without one.
    let first_talk = outline
        .headings
        .iter()
        .zip(&roles)
        .find(|(_, r)| matches!(r, Role::Talk(..)))
        .map_or(body.len(), |(h, _)| h.range.start);
    let rooms: Vec<String> = outline
        .blocks_in(0, first_talk)
        .filter_map(|b| prose::devroom(&b.text))
        .collect();
    if let [room, rest @ ..] = rooms.as_slice()
        && rest.iter().all(|r| r == room)
    {
        for talk in recap.talks.iter_mut().filter(|t| t.tracks.is_empty()) {
            talk.tracks.push(room.clone());
        }
    }
    if recap.talks.is_empty() {
        diagnostics.push(
            Diagnostic::new(Severity::Warning, file, 0, "no talks found in this recap")
                .with_help("give each talk its own heading, e.g. `### Title - Speaker (Company)`"),
        );
    }
    Ok(recap)
}

impl ExtractedRecap {
    fn add_day(&mut self, label: &str, date: Option<String>) {
        match self.days.iter_mut().find(|d| d.label == label) {
            Some(day) => {
                if day.date.is_none() {
                    day.date = date;
                }
            }
            None => self.days.push(ExtractedDay {
                label: label.to_owned(),
                date,
            }),
        }
    }
}

/// A heading that encloses talks without being one.
struct Grouping {
    level: u8,
    /// The session kind it stands for: `Keynotes` → `Keynote`.
    kind: Option<String>,
    /// The topic it stands for: `## Networking` → `Networking` (see [`heading::grouping_topic`]).
    topic: Option<String>,
}

impl Grouping {
    /// A grouping that can stand for a session kind only (a day heading).
    fn of_kind(heading: &Heading) -> Grouping {
        Grouping {
            level: heading.level,
            kind: heading::grouping_kind(&heading.text),
            topic: None,
        }
    }

    /// Any other grouping; a post's title (a level-1 heading) is no topic.
    fn of(heading: &Heading, conference_name: &str) -> Grouping {
        let kind = heading::grouping_kind(&heading.text);
        let topic = (kind.is_none() && heading.level > 1)
            .then(|| heading::grouping_topic(&heading.text, conference_name))
            .flatten();
        Grouping {
            level: heading.level,
            kind,
            topic,
        }
    }
}

fn innermost_kind(groupings: &[Grouping]) -> Option<String> {
    groupings.iter().rev().find_map(|g| g.kind.clone())
}

fn innermost_topic(groupings: &[Grouping]) -> Option<String> {
    groupings.iter().rev().find_map(|g| g.topic.clone())
}

/// The date of a day: an author hint naming the label or the heading, else the heading's own
/// `day.month` with the conference year.
fn day_date(
    hints: &RecapHints,
    label: &str,
    heading: &str,
    marker: &days::DayMarker,
    year: Option<i32>,
) -> Option<String> {
    let hinted = hints.days.iter().find(|(key, _)| {
        key.eq_ignore_ascii_case(label)
            || key.eq_ignore_ascii_case(heading)
            || days::day_marker(key)
                .is_some_and(|m| m.number.is_some() && m.number == marker.number)
    });
    if let Some((_, date)) = hinted {
        return Some(date.clone());
    }
    let (month, day) = marker.month_day?;
    Some(format!("{:04}-{month:02}-{day:02}", year?))
}

/// Applies an author's `<!-- recap: … -->` corrections to a talk.
fn apply_marker(
    talk: &mut ExtractedTalk,
    marker: &Marker,
    file: &str,
    diagnostics: &mut Vec<Diagnostic>,
) {
    if let Some(title) = &marker.title {
        talk.title = Some(title.clone()).filter(|t| !t.is_empty());
    }
    if let Some(speakers) = &marker.speakers {
        match people::parse_byline(speakers) {
            Some(people) => talk.speakers = people,
            None => diagnostics.push(
                Diagnostic::new(
                    Severity::Warning,
                    file,
                    talk.line,
                    format!("could not read the marker's speakers \"{speakers}\""),
                )
                .with_help(
                    "write `speakers=\"Ada Lovelace (Analytical Engines), Charles Babbage\"`",
                ),
            ),
        }
    }
    if let Some(tracks) = &marker.tracks {
        talk.tracks = tracks
            .split(',')
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
            .collect();
    }
    if let Some(day) = &marker.day {
        talk.day = Some(day.clone());
    }
}

fn classify(
    body: &str,
    outline: &Outline,
    heading: &Heading,
    own_end: usize,
    style: heading::HeadingStyle,
    marker: Option<Marker>,
    speaker_first_by_style: bool,
) -> Role {
    if marker.as_ref().is_some_and(|m| m.skip) {
        return Role::Skipped;
    }
    if let Some(day) = days::day_marker(&heading.text).filter(|_| marker.is_none()) {
        return Role::Day(day);
    }
    let link_text = heading.leading_link.as_ref().map(|l| l.text.as_str());
    let mut parsed = heading::parse_with_style(&heading.text, link_text, style);
    let meta = leading_meta(body, outline, heading.range.end, own_end);
    // A byline under the heading names the speakers: the heading is then all title.
    if !style.titles_first
        && meta.speakers().is_none()
        && let Some(swapped) =
            speaker_first_heading(outline, heading, own_end, speaker_first_by_style)
        && (parsed.speakers.is_empty() || !speaks_of(outline, heading, own_end, &parsed.speakers))
    {
        parsed = swapped;
    }
    if marker.as_ref().is_some_and(Marker::makes_talk) {
        return Role::Talk(parsed, marker);
    }
    let links_to_talk = heading
        .leading_link
        .as_ref()
        .is_some_and(|l| l.url.starts_with("http") && l.text == parsed.title);
    if parsed.title.is_empty() && parsed.speakers.is_empty() {
        return Role::Other;
    }
    let has_byline = meta.speakers().is_some() && parsed.speakers.is_empty();
    if !parsed.speakers.is_empty()
        || meta.tags().next().is_some()
        || has_byline
        || links_to_talk
        || !parsed.kinds.is_empty()
    {
        return Role::Talk(parsed, None);
    }
    // `## Camlistore` then `In this talk, Ada Lovelace and Charles Babbage explain…`
    let first_paragraph = outline
        .blocks_in(heading.range.end, own_end)
        .find(|b| b.kind == BlockKind::Paragraph);
    let presenters = first_paragraph
        .map(|b| prose::presenters(&b.text))
        .unwrap_or_default();
    if !presenters.is_empty() && !prose::is_post_section(&heading.text) && !heading.promoted {
        return Role::Talk(
            TalkHeading {
                speakers: presenters,
                ..parsed
            },
            None,
        );
    }
    Role::Other
}

/// `## Title` right followed by `#### Ada Lovelace, Initech`: a talk whose byline is a smaller
/// heading. The byline heading is then no section of its own (nor reported as one), nor part
/// of the notes.
fn read_byline_headings(outline: &Outline, roles: &mut [Role], style: heading::HeadingStyle) {
    for i in 1..roles.len() {
        let (title, byline) = (&outline.headings[i - 1], &outline.headings[i]);
        if !matches!(roles[i - 1], Role::Other)
            || !matches!(roles[i], Role::Other)
            || byline.level <= title.level
            || byline.promoted
            || outline
                .blocks_in(title.range.end, byline.range.start)
                .next()
                .is_some()
        {
            continue;
        }
        let Some(speakers) = people::parse_byline(&byline.text) else {
            continue;
        };
        let link_text = title.leading_link.as_ref().map(|l| l.text.as_str());
        let parsed = heading::parse_with_style(&title.text, link_text, style);
        if parsed.title.is_empty() || prose::is_post_section(&title.text) {
            continue;
        }
        roles[i - 1] = Role::Talk(TalkHeading { speakers, ..parsed }, None);
        roles[i] = Role::Byline;
    }
}

/// `Ada Lovelace: Engines` or `Ada Lovelace – Keynote` read speaker first, when the recap
/// writes its headings that way (`by_style`, from [`speaker_first::by_style`]) or the notes
/// speak of the speaker as presenting (`Ada showed…`, `Lovelace, who…`): `Docker Swarm - Workshop`
/// reads the same way.
fn speaker_first_heading(
    outline: &Outline,
    heading: &Heading,
    own_end: usize,
    by_style: bool,
) -> Option<TalkHeading> {
    if heading.leading_link.is_some() {
        return None;
    }
    let swapped = heading::speaker_first(&heading.text)?;
    (by_style || speaks_of(outline, heading, own_end, &swapped.speakers)).then_some(swapped)
}

/// Whether the first paragraphs under a heading speak of `speakers` as presenting.
fn speaks_of(outline: &Outline, heading: &Heading, own_end: usize, speakers: &[Person]) -> bool {
    outline
        .blocks_in(heading.range.end, own_end)
        .filter(|b| b.kind == BlockKind::Paragraph)
        .take(3)
        .any(|b| prose::names_presenter(&b.text, speakers))
}

/// Headings of sections whose lists are never talks (books, links, resources).
const NON_TALK_LIST_SECTIONS: &[&str] = &[
    "reading",
    "books",
    "book",
    "resources",
    "links",
    "podcasts",
    "articles",
    "references",
    "further",
];

/// What list-item talks need to know about the recap.
struct ListContext<'a> {
    body: &'a str,
    lines: &'a markdown::LineIndex,
    outline: &'a Outline,
    style: heading::HeadingStyle,
    file: &'a str,
    line_offset: u32,
}

impl ListContext<'_> {
    /// The list talks in a heading's own section, in the day and session kind around it.
    fn talks_under(
        &self,
        heading: &Heading,
        own_end: usize,
        day: &Option<String>,
        groupings: &[Grouping],
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Vec<ExtractedTalk> {
        let tracks = innermost_kind(groupings)
            .into_iter()
            .chain(innermost_topic(groupings))
            .collect();
        self.talks_in(
            heading.range.end,
            own_end,
            day.clone(),
            tracks,
            &heading.text,
            diagnostics,
        )
    }

    /// The talks of the lists between `from` and `to` (see [`crate::list_talks`]).
    fn talks_in(
        &self,
        from: usize,
        to: usize,
        day: Option<String>,
        tracks: Vec<String>,
        section: &str,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Vec<ExtractedTalk> {
        let section = section.to_lowercase();
        if section
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| NON_TALK_LIST_SECTIONS.contains(&w))
        {
            return Vec::new();
        }
        let items: Vec<&ListItem> = self.outline.items_in(from, to).collect();
        let mut talks = Vec::new();
        for list in items.chunk_by(|a, b| a.list == b.list) {
            let Some(parsed) = list_talks::parse_list(list, self.style) else {
                continue;
            };
            for (item, talk) in parsed {
                let line = self.lines.line_of(item.range.start) + self.line_offset;
                let Some(talk) = talk else {
                    diagnostics.push(
                        Diagnostic::new(Severity::Warning, self.file, line, format!("list item \"{}\" sits in a list of talks but could not be read as one", item.text))
                            .at_column(markdown::column_of(self.body, item.range.start))
                            .with_help("write it like its neighbours, e.g. `Speaker - Title` or `[Title](url) by Speaker`"),
                    );
                    continue;
                };
                let mut links = Vec::new();
                for link in &item.links {
                    let kind = notes::material_kind(link).or_else(|| {
                        (item.leading_link.as_ref() == Some(link) && link.url.starts_with("http"))
                            .then_some(recap_bundle::LinkKind::Session)
                    });
                    if let Some(kind) = kind {
                        links.push(notes::bundle_link(link, kind));
                    }
                }
                talks.push(ExtractedTalk {
                    title: talk.title,
                    speakers: talk.speakers,
                    tracks: tracks.clone(),
                    day: day.clone(),
                    links,
                    summary: notes::summary([talk.description.as_str()], SUMMARY_CHARS),
                    html: notes::render_html(&unbullet(&self.body[item.range.clone()])),
                    line,
                });
            }
        }
        for table in self.outline.tables_in(from, to) {
            let Some(rows) = table_talks::parse_table(table) else {
                continue;
            };
            for (row, talk) in rows {
                let line = self.lines.line_of(row.range.start) + self.line_offset;
                match talk {
                    Some(talk) => talks.push(self.table_talk(talk, &tracks, &day, line)),
                    None => diagnostics.push(
                        Diagnostic::new(Severity::Note, self.file, line, format!("table row \"{}\" sits in a table of talks but names no title and speaker; it is left out", row.cells.iter().map(|c| c.text.as_str()).collect::<Vec<_>>().join(" | ")))
                            .with_help("give the row a title and a speaker, or leave breaks such as lunch out of the table"),
                    ),
                }
            }
        }
        talks.sort_by_key(|talk| talk.line);
        talks
    }

    /// The talk of one table row, in the section's day and tracks.
    fn table_talk(
        &self,
        talk: table_talks::TableTalk<'_>,
        tracks: &[String],
        day: &Option<String>,
        line: u32,
    ) -> ExtractedTalk {
        let mut notes_markdown = String::new();
        let mut summary = Vec::new();
        for (header, cell) in &talk.notes {
            let markdown = self.body[cell.range.clone()].trim();
            if !notes_markdown.is_empty() {
                notes_markdown.push_str("\n\n");
            }
            if table_talks::is_notes_header(header) {
                notes_markdown.push_str(markdown);
                summary.push(cell.text.as_str());
            } else {
                notes_markdown.push_str(&format!("**{}:** {markdown}", header.trim()));
            }
        }
        let mut all_tracks = tracks.to_vec();
        for track in talk.tracks {
            if !all_tracks.iter().any(|t| t.eq_ignore_ascii_case(&track)) {
                all_tracks.push(track);
            }
        }
        let mut links: Vec<Link> = Vec::new();
        for (kind, link) in talk.links {
            if !links.iter().any(|l| l.url == link.url) {
                links.push(notes::bundle_link(link, kind));
            }
        }
        ExtractedTalk {
            title: Some(talk.title),
            speakers: talk.speakers,
            tracks: all_tracks,
            day: day.clone(),
            links,
            summary: notes::summary(summary, SUMMARY_CHARS),
            html: notes::render_html(&notes_markdown),
            line,
        }
    }
}

/// A list item's Markdown without its bullet, so it renders as a paragraph.
fn unbullet(item: &str) -> String {
    let trimmed = item.trim_start();
    let rest = trimmed
        .strip_prefix(['-', '*', '+'])
        .or_else(|| {
            trimmed
                .find(['.', ')'])
                .filter(|&i| i <= 3 && trimmed[..i].chars().all(|c| c.is_ascii_digit()))
                .map(|i| &trimmed[i + 1..])
        })
        .unwrap_or(trimmed);
    rest.lines().map(str::trim).collect::<Vec<_>>().join("\n")
}

/// A bold line that names a day: `**THURSDAY 7/13**`.
fn is_day_line(block: &Block) -> bool {
    block.all_strong
        && block.text.split_whitespace().count() <= 6
        && days::day_marker(&block.text).is_some()
}

/// A short paragraph that introduces a talk the way a heading would:
/// `[**Title**](url), by Speaker` or `**Title** by Speaker (Company)`; and, when
/// `dashes_introduce_talks`, `**Title** — Speaker (Company)` too.
fn is_talk_paragraph(
    block: &Block,
    style: heading::HeadingStyle,
    dashes_introduce_talks: bool,
) -> bool {
    // The cheap tests first: most paragraphs fail them without being parsed as a heading.
    if !block.starts_with_markup || block.text.split_whitespace().nth(25).is_some() {
        return false;
    }
    let link_text = block.leading_link.as_ref().map(|l| l.text.as_str());
    let title = if block.text.contains(" by ") {
        link_text
    } else if dashes_introduce_talks {
        match strong_title_before_dash(block) {
            Some(title) => Some(title),
            None => return false,
        }
    } else {
        return false;
    };
    let parsed = heading::parse_with_style(&block.text, title, style);
    !parsed.speakers.is_empty() && !parsed.title.is_empty()
}

/// The strong title of a paragraph shaped `**Title** — Speaker`: a strong span that starts the
/// paragraph, then a dash.
fn strong_title_before_dash(block: &Block) -> Option<&str> {
    let title = block.leading_strong.as_deref()?;
    let rest = block.text.strip_prefix(title)?.trim_start();
    (!title.is_empty() && rest.starts_with(['—', '–', '-'])).then_some(title)
}

/// Where the paragraphs shaped `**Title** — Speaker (Company)` that introduce talks start,
/// when the recap writes talks so: two of them or more, none under a heading that is a talk
/// itself. One alone, or one in a talk's notes, is more likely a note (`**Verdict** – Must
/// See`).
fn dash_talk_paragraphs(outline: &Outline, style: heading::HeadingStyle) -> Vec<usize> {
    let under_talk_heading = |block: &Block| {
        let before = outline
            .headings
            .partition_point(|h| h.range.start < block.range.start);
        before.checked_sub(1).is_some_and(|i| {
            let heading = &outline.headings[i];
            let link_text = heading.leading_link.as_ref().map(|l| l.text.as_str());
            !heading::parse_with_style(&heading.text, link_text, style)
                .speakers
                .is_empty()
        })
    };
    let starts: Vec<usize> = outline
        .blocks
        .iter()
        .filter(|b| {
            b.kind == BlockKind::Paragraph
                && strong_title_before_dash(b).is_some()
                && is_talk_paragraph(b, style, true)
                && !under_talk_heading(b)
        })
        .map(|b| b.range.start)
        .collect();
    if starts.len() < 2 { Vec::new() } else { starts }
}

/// The lines right under a talk heading that describe it rather than take notes: a track tag
/// line (`_#Security, #Live Demo_`) and a byline (`*Ada Lovelace (Analytical Engines)*`,
/// `_By Ada & Charles_`), in either order.
#[derive(Debug, Default)]
struct LeadingMeta<'a> {
    /// The tag line and its tags.
    tags: Option<(&'a Block, Vec<String>)>,
    byline: Option<(&'a Block, Vec<Person>)>,
    /// Speakers named by the first sentence of the notes (`Presented by Ada. She showed…`),
    /// which stays in the notes.
    prose_byline: Option<Vec<Person>>,
    /// A paragraph of labelled lines (`**Speaker:** Ada` / `**Slides:** [link](…)`).
    labelled: Option<(&'a Block, LabelledLines)>,
}

impl LeadingMeta<'_> {
    fn contains(&self, block: &Block) -> bool {
        self.tags
            .as_ref()
            .is_some_and(|(t, _)| t.range == block.range)
            || self
                .byline
                .as_ref()
                .is_some_and(|(b, _)| b.range == block.range)
            || self
                .labelled
                .as_ref()
                .is_some_and(|(b, _)| b.range == block.range)
    }

    /// The speakers the lines under the heading name.
    fn speakers(&self) -> Option<&Vec<Person>> {
        self.byline
            .as_ref()
            .map(|(_, b)| b)
            .or(self
                .labelled
                .as_ref()
                .and_then(|(_, l)| l.speakers.as_ref()))
            .or(self.prose_byline.as_ref())
    }

    /// The track tags the lines under the heading give.
    fn tags(&self) -> impl Iterator<Item = &String> {
        let labelled = self.labelled.as_ref().map(|(_, l)| &l.tags);
        self.tags
            .iter()
            .flat_map(|(_, tags)| tags)
            .chain(labelled.into_iter().flatten())
    }
}

/// What a paragraph of labelled lines under a talk heading says:
///
/// ```markdown
/// **Speaker:** Ada Lovelace (Analytical Engines)
/// **Slides:** [link](https://example.com/engines)
/// **Track:** Hardware
/// ```
#[derive(Debug, Default)]
struct LabelledLines {
    speakers: Option<Vec<Person>>,
    tags: Vec<String>,
    links: Vec<Link>,
    /// Whether every line was read. A line with another label (`**Rating:** 5/5`) keeps the
    /// paragraph in the notes, where nothing of it is lost.
    complete: bool,
}

/// Reads `block` as [`LabelledLines`] when it has two lines or more, each a label and its value,
/// and one of them names the speakers or the tags.
fn labelled_lines(body: &str, block: &Block) -> Option<LabelledLines> {
    let source = body.get(block.range.clone())?;
    if block.kind != BlockKind::Paragraph || !source.trim_end().contains('\n') {
        return None;
    }
    let mut read = LabelledLines {
        complete: true,
        ..LabelledLines::default()
    };
    for line in source.lines().filter(|line| !line.trim().is_empty()) {
        let line = Outline::parse(line);
        let block = line.blocks.first()?;
        let (label, value) = block.text.split_once(':')?;
        let label = label.trim().to_lowercase();
        if let Some(tags) = labelled_tags(&block.text) {
            read.tags.extend(tags);
        } else if matches!(
            label.as_str(),
            "speaker" | "speakers" | "presenter" | "presenters" | "presented by" | "by"
        ) && read.speakers.is_none()
        {
            read.speakers = Some(people::parse_byline(&block.text)?);
        } else if let Some(kind) = notes::labelled_link_kind(&label) {
            let links = block.links.iter().filter(|l| l.url.starts_with("http"));
            let mut any = false;
            for link in links {
                any = true;
                let mut link = notes::bundle_link(link, kind);
                if is_generic_link_text(&link.label) {
                    link.label = capitalised(label.as_str());
                }
                read.links.push(link);
            }
            read.complete &= any || value.trim().is_empty();
        } else {
            read.complete = false;
        }
    }
    (read.speakers.is_some() || !read.tags.is_empty()).then_some(read)
}

/// Link text that says nothing of where it leads: `link`, `here`.
fn is_generic_link_text(text: &str) -> bool {
    let text = text.trim().to_lowercase();
    matches!(text.as_str(), "" | "link" | "here" | "this" | "click here")
        || text.starts_with("http")
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

fn leading_meta<'a>(body: &str, outline: &'a Outline, from: usize, to: usize) -> LeadingMeta<'a> {
    let mut meta = LeadingMeta::default();
    for block in outline
        .blocks_in(from, to)
        .filter(|b| !matches!(b.kind, BlockKind::Comment(_)))
        .take(2)
    {
        if block.kind != BlockKind::Paragraph {
            break;
        }
        if meta.labelled.is_none()
            && (block.starts_with_markup || block.text.contains(':'))
            && let Some(labelled) = labelled_lines(body, block)
        {
            if labelled.complete {
                meta.labelled = Some((block, labelled));
                continue;
            }
            meta.prose_byline = labelled.speakers;
            break;
        }
        if block.all_emphasis && block.text.starts_with('#') && meta.tags.is_none() {
            meta.tags = Some((block, split_tags(&block.text)));
            continue;
        }
        if let Some(tags) = labelled_tags(&block.text).filter(|_| meta.tags.is_none()) {
            meta.tags = Some((block, tags));
            continue;
        }
        let labelled = people::strip_by(&block.text).is_some();
        // `Presented by Ada Lovelace from Initech. She showed…`
        if labelled
            && !block.all_emphasis
            && !block.all_strong
            && meta.byline.is_none()
            && let Some(sentence) = first_of_several_sentences(&block.text)
        {
            meta.prose_byline = people::parse_byline(sentence);
            break;
        }
        let is_byline_shaped = block.all_emphasis || block.all_strong || labelled;
        // Only a byline-shaped block is read as one (most first paragraphs are long prose).
        match (is_byline_shaped && meta.byline.is_none())
            .then(|| people::parse_byline(&block.text))
            .flatten()
        {
            Some(speakers) => meta.byline = Some((block, speakers)),
            None => break,
        }
    }
    meta
}

/// A talk's section runs to the next heading of the same or a higher level, or the next day or
/// talk heading, whichever comes first.
fn talk_section_end(headings: &[Heading], roles: &[Role], index: usize, body_len: usize) -> usize {
    let level = headings[index].level;
    headings
        .iter()
        .zip(roles)
        .skip(index + 1)
        .find(|(h, role)| h.level <= level || !matches!(role, Role::Other | Role::Byline))
        .map_or(body_len, |(h, _)| h.range.start)
}

/// Splits `#Logging, Monitoring & Analytics, #Security` into tags: a comma only separates tags
/// when a `#` follows it.
pub fn split_tags(text: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for piece in text.split(',') {
        match tags.last_mut() {
            Some(last) if !piece.trim_start().starts_with('#') => {
                last.push(',');
                last.push_str(piece);
            }
            _ => tags.push(piece.to_owned()),
        }
    }
    tags.into_iter()
        .map(|t| t.trim().to_owned())
        .filter(|t| t.len() > 1)
        .collect()
}

/// A paragraph's first sentence, when more follows: `By Ada.` of `By Ada. She showed…`.
/// A period after a single letter is an initial (`J. R. Hacker`), and after a title an
/// abbreviation (`Dr. Ada`), not a sentence's end.
fn first_of_several_sentences(text: &str) -> Option<&str> {
    text.match_indices(". ").find_map(|(at, _)| {
        let word = text[..at].rsplit(' ').next().unwrap_or_default();
        let abbreviation =
            word.chars().count() == 1 || matches!(word, "Dr" | "Prof" | "Mr" | "Ms" | "Mrs");
        let more = !text[at + 2..].trim().is_empty();
        (!abbreviation && more).then(|| &text[..=at])
    })
}

/// `Track: Security, Zero Trust`, `Tags: #Go; #Tooling`: a labelled line of tracks.
fn labelled_tags(text: &str) -> Option<Vec<String>> {
    let (label, rest) = text.split_once(':')?;
    let label = label.trim().to_lowercase();
    if !matches!(
        label.as_str(),
        "track" | "tracks" | "tag" | "tags" | "topic" | "topics" | "category" | "categories"
    ) {
        return None;
    }
    let tags: Vec<String> = rest
        .split([',', ';', '|'])
        .map(|tag| tag.trim().trim_start_matches('#').trim().to_owned())
        .filter(|tag| !tag.is_empty())
        .collect();
    (!tags.is_empty() && tags.iter().all(|tag| tag.split_whitespace().count() <= 5)).then_some(tags)
}

#[allow(clippy::too_many_arguments)]
fn build_talk(
    body: &str,
    outline: &Outline,
    heading: &Heading,
    parsed: &TalkHeading,
    notes: std::ops::Range<usize>,
    groupings: &[Grouping],
    day: Option<String>,
    line: u32,
) -> ExtractedTalk {
    let (notes_start, section_end) = (notes.start, notes.end);
    let meta = leading_meta(body, outline, notes_start, section_end);
    let blocks: Vec<&Block> = outline
        .blocks_in(notes_start, section_end)
        .filter(|b| !meta.contains(b))
        .collect();

    let mut tracks: Vec<String> = Vec::new();
    let mut add_track = |label: String| {
        if !tracks.iter().any(|t| t.eq_ignore_ascii_case(&label)) {
            tracks.push(label);
        }
    };
    parsed.kinds.iter().cloned().for_each(&mut add_track);
    // The section's kind, unless the talk names a more precise one (`Opening Keynote`).
    if let Some(kind) = innermost_kind(groupings)
        && !parsed
            .kinds
            .iter()
            .any(|k| k.to_lowercase().contains(&kind.to_lowercase()))
    {
        add_track(kind);
    }
    if let Some(topic) = innermost_topic(groupings) {
        add_track(topic);
    }
    meta.tags().cloned().for_each(&mut add_track);
    if let Some(room) = blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Paragraph)
        .find_map(|b| prose::devroom(&b.text))
    {
        add_track(room);
    }

    let mut links: Vec<Link> = Vec::new();
    if let Some(link) = heading
        .leading_link
        .as_ref()
        .filter(|l| l.url.starts_with("http"))
    {
        links.push(notes::bundle_link(link, recap_bundle::LinkKind::Session));
    }
    for link in meta.labelled.iter().flat_map(|(_, l)| &l.links) {
        if !links.iter().any(|l| l.url == link.url) {
            links.push(link.clone());
        }
    }
    // The heading's other links (`… (Ada Lovelace) [slides](…)`), then the notes'.
    let heading_links = heading
        .links
        .iter()
        .skip(heading.leading_link.iter().count());
    for link in heading_links.chain(blocks.iter().flat_map(|b| &b.links)) {
        if let Some(kind) = notes::material_kind(link)
            && !links.iter().any(|l| l.url == link.url)
        {
            links.push(notes::bundle_link(link, kind));
        }
    }

    let mut speakers = parsed.speakers.clone();
    if speakers.is_empty()
        && let Some(byline) = meta.speakers()
    {
        speakers = byline.clone();
    }
    let first_paragraph = blocks
        .iter()
        .find(|b| b.kind == BlockKind::Paragraph && b.text.split_whitespace().count() > 3);
    if let Some(paragraph) = first_paragraph {
        if speakers.is_empty() {
            speakers = match prose::presenter_opening(&paragraph.text) {
                Some(presenter) => vec![presenter],
                None => prose::panelists(&paragraph.text),
            };
        } else if speakers.iter().all(|s| s.company.is_none())
            && let Some(company) = affiliation::in_description(&paragraph.text)
        {
            speakers
                .iter_mut()
                .for_each(|s| s.company = Some(company.clone()));
        }
    }

    // `## The Keynote` with a byline under it: a session kind, not a title.
    let mut title = parsed.title.clone();
    if !speakers.is_empty()
        && let Some(kind) = heading::kind_title(&title)
    {
        if !tracks.iter().any(|t| t.eq_ignore_ascii_case(&kind)) {
            tracks.push(kind);
        }
        title.clear();
    }

    let mut notes_markdown = String::new();
    let mut cursor = notes_start;
    let mut meta_ranges: Vec<std::ops::Range<usize>> = meta
        .tags
        .iter()
        .map(|(b, _)| b.range.clone())
        .chain(meta.byline.iter().map(|(b, _)| b.range.clone()))
        .chain(meta.labelled.iter().map(|(b, _)| b.range.clone()))
        .collect();
    meta_ranges.sort_by_key(|r| r.start);
    for range in meta_ranges {
        notes_markdown.push_str(&body[cursor..range.start]);
        cursor = range.end;
    }
    notes_markdown.push_str(&body[cursor..section_end]);
    for video in notes::embedded_videos(&notes_markdown) {
        if !links.iter().any(|l| l.url == video.url) {
            links.push(video);
        }
    }

    let paragraphs = blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Paragraph)
        .map(|b| b.text.as_str());
    ExtractedTalk {
        title: Some(title).filter(|t| !t.is_empty()),
        speakers,
        tracks,
        day,
        links,
        summary: notes::summary(paragraphs, SUMMARY_CHARS),
        html: notes::render_html(&notes_markdown),
        line,
    }
}

fn file_stem(file: &str) -> String {
    std::path::Path::new(file).file_stem().map_or_else(
        || file.to_owned(),
        |s| s.to_string_lossy().replace(['-', '_'], " "),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_keep_commas_inside_a_tag() {
        assert_eq!(
            split_tags("#Logging, Monitoring & Analytics, #Security"),
            vec!["#Logging, Monitoring & Analytics", "#Security"]
        );
        assert_eq!(
            split_tags("#Security, #Live Demo, #slideless"),
            vec!["#Security", "#Live Demo", "#slideless"]
        );
    }
}
