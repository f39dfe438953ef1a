//! Talks written as rows of a table, as some recaps lay out the sessions they saw:
//!
//! ```markdown
//! | Talk                  | Speaker                 | Notes            |
//! |-----------------------|-------------------------|------------------|
//! | [Knots at Scale](url) | Mara Quill (Tidewater)  | Six bowlines     |
//! ```
//!
//! A table is a table of talks when its header names a title column (`Talk`, `Title`,
//! `Session`) and a speaker column (`Speaker`, `Presenter`, `By`). Other columns it knows give
//! the company, the track, the talk's links and its notes; columns it does not know (`Time`,
//! `Room`, `Rating`) stay in the notes, so nothing a row says is lost.

use recap_bundle::LinkKind;

use crate::markdown::{Table, TableCell, TableRow};
use crate::people::{self, Person};

/// What a column of a table of talks holds, from its header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Title,
    Speakers,
    Company,
    Tracks,
    Links(LinkKind),
    Notes,
    /// A column this does not read (`Time`, `Room`): kept in the notes with its header.
    Other,
}

impl Column {
    fn of(header: &str) -> Column {
        let header = header.trim().trim_end_matches(':').to_lowercase();
        match header.as_str() {
            "talk" | "talks" | "title" | "session" | "sessions" | "presentation" => Column::Title,
            "speaker" | "speakers" | "speaker(s)" | "presenter" | "presenters" | "by" | "who" => {
                Column::Speakers
            }
            "company" | "affiliation" | "organisation" | "organization" | "employer" => {
                Column::Company
            }
            "track" | "tracks" | "tag" | "tags" | "topic" | "topics" | "category" => Column::Tracks,
            "notes" | "note" | "comments" | "comment" | "summary" | "takeaway" | "takeaways"
            | "thoughts" | "description" | "what i learned" => Column::Notes,
            label => crate::notes::labelled_link_kind(label).map_or(Column::Other, Column::Links),
        }
    }
}

/// Whether a column headed `header` holds the talks' notes (`Notes`, `Takeaways`).
pub fn is_notes_header(header: &str) -> bool {
    Column::of(header) == Column::Notes
}

/// One talk read from a table row.
#[derive(Debug, Clone, PartialEq)]
pub struct TableTalk<'t> {
    pub title: String,
    pub speakers: Vec<Person>,
    pub tracks: Vec<String>,
    /// Links with the kind their column gives; a link in the title cell is the talk's page.
    pub links: Vec<(LinkKind, &'t crate::markdown::LinkRef)>,
    /// The cells that are notes, each with its header: `("Notes", cell)`.
    pub notes: Vec<(&'t str, &'t TableCell)>,
    pub row: &'t TableRow,
}

/// The talks of `table` when it is a table of talks, one per row (`None` for a row that could
/// not be read: no title, or a speaker cell that names no one).
pub fn parse_table(table: &Table) -> Option<Vec<(&TableRow, Option<TableTalk<'_>>)>> {
    let columns: Vec<Column> = table.header.iter().map(|h| Column::of(&h.text)).collect();
    let title = columns.iter().position(|&c| c == Column::Title)?;
    let speakers = columns.iter().position(|&c| c == Column::Speakers)?;
    Some(
        table
            .rows
            .iter()
            .map(|row| (row, parse_row(table, &columns, title, speakers, row)))
            .collect(),
    )
}

fn parse_row<'t>(
    table: &'t Table,
    columns: &[Column],
    title: usize,
    speakers: usize,
    row: &'t TableRow,
) -> Option<TableTalk<'t>> {
    let title_cell = row.cells.get(title)?;
    let speaker_text = row.cells.get(speakers).map_or("", |c| c.text.as_str());
    let mut talk = TableTalk {
        title: title_cell.text.clone(),
        speakers: people::parse_byline(speaker_text)?,
        tracks: Vec::new(),
        links: title_cell
            .links
            .iter()
            .filter(|l| l.url.starts_with("http"))
            .map(|l| (LinkKind::Session, l))
            .collect(),
        notes: Vec::new(),
        row,
    };
    if talk.title.is_empty() {
        return None;
    }
    for ((column, cell), header) in columns.iter().zip(&row.cells).zip(&table.header) {
        if cell.text.is_empty() {
            continue;
        }
        match column {
            Column::Title | Column::Speakers => {}
            Column::Company => {
                for person in talk.speakers.iter_mut().filter(|p| p.company.is_none()) {
                    person.company = Some(cell.text.clone());
                }
            }
            Column::Tracks => talk.tracks.extend(
                cell.text
                    .split([',', ';'])
                    .map(|t| t.trim().trim_start_matches('#').trim().to_owned())
                    .filter(|t| !t.is_empty()),
            ),
            Column::Links(kind) if !cell.links.is_empty() => talk.links.extend(
                cell.links
                    .iter()
                    .filter(|l| l.url.starts_with("http"))
                    .map(|l| (*kind, l)),
            ),
            Column::Links(_) | Column::Notes | Column::Other => {
                talk.notes.push((header.text.as_str(), cell));
            }
        }
    }
    Some(talk)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::Outline;

    fn table(markdown: &str) -> Table {
        Outline::parse(markdown).tables.remove(0)
    }

    #[test]
    fn a_table_with_title_and_speaker_columns_lists_talks() {
        let table = table(
            "| Time | Talk | Speaker | Company | Slides | Notes |\n\
             |---|---|---|---|---|---|\n\
             | 10:00 | [Knots](https://example.com/knots) | Mara Quill | Tidewater | [pdf](https://example.com/k.pdf) | Six *bowlines* |\n\
             | 11:00 | Tides | Lia Cruz (Globex) | | | |\n\
             | 12:00 | Lunch | | | | |\n",
        );
        let talks = parse_table(&table).unwrap();
        let read: Vec<_> = talks
            .iter()
            .map(|(_, t)| t.as_ref().map(|t| (t.title.as_str(), t.speakers.clone())))
            .collect();
        assert_eq!(
            read,
            [
                Some((
                    "Knots",
                    vec![Person {
                        name: "Mara Quill".into(),
                        company: Some("Tidewater".into())
                    }]
                )),
                Some((
                    "Tides",
                    vec![Person {
                        name: "Lia Cruz".into(),
                        company: Some("Globex".into())
                    }]
                )),
                None,
            ]
        );
        let knots = talks[0].1.as_ref().unwrap();
        let kinds: Vec<LinkKind> = knots.links.iter().map(|(k, _)| *k).collect();
        assert_eq!(kinds, [LinkKind::Session, LinkKind::Slides]);
        let notes: Vec<(&str, &str)> = knots
            .notes
            .iter()
            .map(|(h, c)| (*h, c.text.as_str()))
            .collect();
        assert_eq!(notes, [("Time", "10:00"), ("Notes", "Six bowlines")]);
    }

    #[test]
    fn other_tables_are_not_talks() {
        let table = table("| Tool | Verdict |\n|---|---|\n| Bazel | Fast |\n");
        assert!(parse_table(&table).is_none());
    }
}
