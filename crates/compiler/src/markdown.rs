//! The one place that configures pulldown-cmark, and the outline of a recap: its headings and the
//! top-level blocks under each, with byte ranges so every finding maps back to a file line.

use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::text;

/// The pulldown-cmark options used for every parse, so tests and code never drift.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TASKLISTS
}

/// A Markdown parser over `text` with the project's options.
pub fn parser(text: &str) -> Parser<'_> {
    Parser::new_ext(text, options())
}

/// A link as written: its text and destination.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkRef {
    pub text: String,
    pub url: String,
}

/// A heading of the recap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub level: u8,
    /// Plain text, markup removed.
    pub text: String,
    /// The link that starts the heading (`[Title](url) …`), if any.
    pub leading_link: Option<LinkRef>,
    /// Every link in the heading (`… (Ada Lovelace) [slides](…)`), the leading one included.
    pub links: Vec<LinkRef>,
    /// Byte range of the heading in the text.
    pub range: Range<usize>,
    /// A paragraph that acts as a heading (`**THURSDAY 7/13**`, `[**Title**](url), by Speaker`).
    pub promoted: bool,
}

/// The level given to paragraphs promoted to headings: below every real heading.
pub const PROMOTED_LEVEL: u8 = 7;

/// A top-level block (paragraph, list, quote, …) under a heading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    /// Plain text of the block.
    pub text: String,
    /// Whether a paragraph consists only of emphasised text (`_#Security, #Live Demo_`).
    pub all_emphasis: bool,
    /// Whether a paragraph consists only of strong text (`**THURSDAY 7/13**`).
    pub all_strong: bool,
    pub links: Vec<LinkRef>,
    /// The link that starts the block, if any.
    pub leading_link: Option<LinkRef>,
    /// The text of the strong span that starts the block (`**Title** — Speaker`), if any.
    pub leading_strong: Option<String>,
    /// Whether the block starts with a link, strong or emphasised text.
    pub starts_with_markup: bool,
    pub range: Range<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlockKind {
    Paragraph,
    /// An HTML comment block, with its raw text (`<!-- … -->`): invisible on the author's blog.
    Comment(String),
    Other,
}

/// One item of a top-level list: its own text (nested lists excluded) and links.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListItem {
    pub text: String,
    pub links: Vec<LinkRef>,
    pub leading_link: Option<LinkRef>,
    /// The text of each emphasised or strong span (`*Black and Code Formatting*`).
    pub emphasised: Vec<String>,
    pub range: Range<usize>,
    /// Byte range of the whole list the item belongs to.
    pub list: Range<usize>,
}

/// A top-level table: its header cells and its rows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Table {
    pub header: Vec<TableCell>,
    pub rows: Vec<TableRow>,
    pub range: Range<usize>,
}

/// One body row of a [`Table`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TableRow {
    pub cells: Vec<TableCell>,
    pub range: Range<usize>,
}

/// One cell of a [`Table`]: its plain text, its links and where its Markdown is.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TableCell {
    pub text: String,
    pub links: Vec<LinkRef>,
    pub range: Range<usize>,
}

/// The parsed structure of a recap body.
#[derive(Debug, Default)]
pub struct Outline {
    pub headings: Vec<Heading>,
    /// Top-level blocks that are not headings, in order.
    pub blocks: Vec<Block>,
    /// Items of top-level lists, in order.
    pub items: Vec<ListItem>,
    /// Top-level tables, in order.
    pub tables: Vec<Table>,
    /// Whether `blocks` and `items` are in ascending order of their start, as parsed, so the
    /// ones in a byte range are found by binary search rather than a scan of all of them.
    sorted: bool,
}

impl Outline {
    pub fn parse(text: &str) -> Outline {
        let mut outline = Outline::default();
        let mut depth = 0usize;
        let mut current: Option<Collector> = None;
        let mut items = ItemCollector::default();
        let mut tables = TableCollector::default();
        for (event, range) in parser(text).into_offset_iter() {
            match &event {
                Event::Start(tag) => {
                    if depth == 0 {
                        current = Some(Collector::new(tag, range.clone()));
                    } else if let Some(c) = current.as_mut() {
                        c.start(tag);
                    }
                    depth += 1;
                }
                Event::End(tag) => {
                    depth -= 1;
                    if depth == 0 {
                        if let Some(c) = current.take() {
                            c.finish(*tag, &mut outline);
                        }
                    } else if let Some(c) = current.as_mut() {
                        c.end(*tag);
                    }
                }
                Event::Text(t) | Event::Code(t) => {
                    if let Some(c) = current.as_mut() {
                        c.text(t);
                    }
                }
                Event::SoftBreak | Event::HardBreak => {
                    if let Some(c) = current.as_mut() {
                        c.text(" ");
                    }
                }
                Event::Html(html) | Event::InlineHtml(html) => {
                    if let Some(c) = current.as_mut() {
                        c.html.push_str(html);
                    }
                }
                _ => {}
            }
            items.observe(&event, &range, depth);
            tables.observe(&event, &range, depth);
            if depth == 0 && !matches!(event, Event::End(_)) {
                // Top-level HTML blocks and rules: kept as opaque blocks.
                outline.blocks.push(Block {
                    kind: BlockKind::Other,
                    text: String::new(),
                    all_emphasis: false,
                    all_strong: false,
                    links: Vec::new(),
                    leading_link: None,
                    leading_strong: None,
                    starts_with_markup: false,
                    range,
                });
            }
        }
        outline.items = items.items;
        outline.tables = tables.tables;
        outline.sorted = outline.is_sorted();
        outline
    }

    fn is_sorted(&self) -> bool {
        self.blocks.is_sorted_by_key(|b| b.range.start)
            && self.items.is_sorted_by_key(|i| i.range.start)
    }

    /// Turns the paragraphs for which `is_heading` holds into headings of [`PROMOTED_LEVEL`].
    /// The other blocks stay where they are (only those after a promoted one move up).
    pub fn promote(&mut self, is_heading: impl Fn(&Block) -> bool) {
        let promoted = self
            .blocks
            .extract_if(.., |b| b.kind == BlockKind::Paragraph && is_heading(b));
        self.headings.extend(promoted.map(|b| Heading {
            level: PROMOTED_LEVEL,
            text: b.text,
            leading_link: b.leading_link,
            links: b.links,
            range: b.range,
            promoted: true,
        }));
        self.headings.sort_by_key(|h| h.range.start);
        self.sorted = self.is_sorted();
    }

    /// Where the text of heading `index` ends: at the next heading, or at `text_len`.
    pub fn own_end(&self, index: usize, text_len: usize) -> usize {
        self.headings
            .get(index + 1)
            .map_or(text_len, |h| h.range.start)
    }

    /// The blocks between byte offsets `from` and `to`.
    pub fn blocks_in(&self, from: usize, to: usize) -> impl Iterator<Item = &Block> {
        within(&self.blocks, |b| &b.range, self.sorted, from, to)
    }

    /// The top-level tables between byte offsets `from` and `to`.
    pub fn tables_in(&self, from: usize, to: usize) -> impl Iterator<Item = &Table> {
        self.tables
            .iter()
            .filter(move |t| t.range.start >= from && t.range.end <= to)
    }

    /// The top-level list items between byte offsets `from` and `to`.
    pub fn items_in(&self, from: usize, to: usize) -> impl Iterator<Item = &ListItem> {
        within(&self.items, |i| &i.range, self.sorted, from, to)
    }
}

/// The elements of `all` whose range lies within `from..to`. When `sorted` (ascending starts),
/// the first is found by binary search and the walk stops at the first start past `to` (its
/// range, and every later one, ends past `to`).
fn within<T>(
    all: &[T],
    range: impl Fn(&T) -> &Range<usize> + Copy,
    sorted: bool,
    from: usize,
    to: usize,
) -> impl Iterator<Item = &T> {
    let first = if sorted {
        all.partition_point(|e| range(e).start < from)
    } else {
        0
    };
    all[first..]
        .iter()
        .take_while(move |e| !sorted || range(e).start <= to)
        .filter(move |e| range(e).start >= from && range(e).end <= to)
}

/// Gathers the text and shape of one top-level element while its events stream by.
struct Collector {
    heading_level: Option<u8>,
    is_paragraph: bool,
    range: Range<usize>,
    text: String,
    /// Text outside emphasis / strong seen so far (non-whitespace).
    plain_outside_emphasis: bool,
    plain_outside_strong: bool,
    emphasis_depth: usize,
    strong_depth: usize,
    links_open: OpenLinks,
    links: Vec<LinkRef>,
    /// Set when the first thing in the element is a link.
    leading_link: Option<LinkRef>,
    /// Whether the first thing in the element is a link, strong or emphasised text.
    starts_with_markup: Option<bool>,
    /// Where the strong span that starts the element starts in `text`, while it is open.
    leading_strong_start: Option<usize>,
    leading_strong: Option<String>,
    /// Raw HTML of an HTML block.
    html: String,
}

impl Collector {
    fn new(tag: &Tag<'_>, range: Range<usize>) -> Self {
        let heading_level = match tag {
            Tag::Heading { level, .. } => Some(heading_number(*level)),
            _ => None,
        };
        // The text is at most about as long as the Markdown it comes from: reserved once
        // rather than grown (an HTML block's goes to `html`).
        let text_capacity = if matches!(tag, Tag::HtmlBlock) {
            0
        } else {
            range.len()
        };
        Collector {
            heading_level,
            is_paragraph: matches!(tag, Tag::Paragraph),
            text: String::with_capacity(text_capacity),
            range,
            plain_outside_emphasis: false,
            plain_outside_strong: false,
            emphasis_depth: 0,
            strong_depth: 0,
            links_open: OpenLinks::default(),
            links: Vec::new(),
            leading_link: None,
            starts_with_markup: None,
            leading_strong_start: None,
            leading_strong: None,
            html: String::new(),
        }
    }

    fn start(&mut self, tag: &Tag<'_>) {
        if self.starts_with_markup.is_none() && self.text.trim().is_empty() {
            self.starts_with_markup = Some(matches!(
                tag,
                Tag::Emphasis | Tag::Strong | Tag::Link { .. }
            ));
            if matches!(tag, Tag::Strong) {
                self.leading_strong_start = Some(self.text.len());
            }
        }
        match tag {
            Tag::Emphasis => self.emphasis_depth += 1,
            Tag::Strong => self.strong_depth += 1,
            Tag::Link { dest_url, .. } => self.links_open.open(dest_url, &self.text),
            Tag::Paragraph | Tag::Item if !self.text.is_empty() => self.text.push(' '),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Emphasis => self.emphasis_depth -= 1,
            TagEnd::Strong => {
                self.strong_depth -= 1;
                if self.strong_depth == 0
                    && let Some(start) = self.leading_strong_start.take()
                {
                    self.leading_strong = Some(text::collapse_whitespace(&self.text[start..]));
                }
            }
            TagEnd::Link => {
                if let Some((link, start)) = self.links_open.close(&self.text) {
                    if start == 0 && self.leading_link.is_none() {
                        self.leading_link = Some(link.clone());
                    }
                    self.links.push(link);
                }
            }
            _ => {}
        }
    }

    fn text(&mut self, text: &str) {
        // Emoji in front of a byline (`👩‍💻 *Ada Lovelace*`) decorate it: they are not text
        // outside the emphasis, nor what the element starts with.
        let says_something = !text::strip_pictographs(text).is_empty();
        if self.starts_with_markup.is_none() && says_something {
            self.starts_with_markup = Some(false);
        }
        if says_something {
            if self.emphasis_depth == 0 {
                self.plain_outside_emphasis = true;
            }
            if self.strong_depth == 0 {
                self.plain_outside_strong = true;
            }
        }
        self.text.push_str(text);
    }

    fn finish(self, _tag: TagEnd, outline: &mut Outline) {
        let text = text::collapse_whitespace_owned(self.text);
        match self.heading_level {
            Some(level) => outline.headings.push(Heading {
                level,
                text,
                leading_link: self.leading_link,
                links: self.links,
                range: self.range,
                promoted: false,
            }),
            None => outline.blocks.push(Block {
                kind: if self.is_paragraph {
                    BlockKind::Paragraph
                } else if self.html.trim_start().starts_with("<!--")
                    && self.html.trim_end().ends_with("-->")
                {
                    BlockKind::Comment(self.html.trim().to_owned())
                } else {
                    BlockKind::Other
                },
                all_emphasis: self.is_paragraph && !self.plain_outside_emphasis && !text.is_empty(),
                all_strong: self.is_paragraph && !self.plain_outside_strong && !text.is_empty(),
                text,
                links: self.links,
                leading_link: self.leading_link,
                leading_strong: self.leading_strong,
                starts_with_markup: self.starts_with_markup.unwrap_or(false),
                range: self.range,
            }),
        }
    }
}

/// Collects the items of top-level lists while events stream by. `depth` is the nesting depth
/// after the event was applied (1 inside a top-level list, 2 inside its item, …).
#[derive(Default)]
struct ItemCollector {
    items: Vec<ListItem>,
    list: Option<Range<usize>>,
    current: Option<ListItem>,
    /// Inside a nested list of the current item: its text is not the item's own.
    nested: usize,
    links_open: OpenLinks,
    /// Where each open emphasis or strong span started in the item's text.
    emphasis_stack: Vec<usize>,
}

impl ItemCollector {
    fn observe(&mut self, event: &Event<'_>, range: &Range<usize>, depth: usize) {
        match event {
            Event::Start(Tag::List(_)) if depth == 1 => self.list = Some(range.clone()),
            Event::End(TagEnd::List(_)) if depth == 0 => self.list = None,
            Event::Start(Tag::Item) if depth == 2 && self.list.is_some() => {
                self.current = Some(ListItem {
                    text: String::new(),
                    links: Vec::new(),
                    leading_link: None,
                    emphasised: Vec::new(),
                    range: range.clone(),
                    list: self.list.clone().unwrap_or_default(),
                });
            }
            Event::End(TagEnd::Item) if depth == 1 => {
                if let Some(mut item) = self.current.take() {
                    item.text = text::collapse_whitespace_owned(std::mem::take(&mut item.text));
                    self.items.push(item);
                }
            }
            Event::Start(Tag::List(_)) if self.current.is_some() => self.nested += 1,
            Event::End(TagEnd::List(_)) if self.current.is_some() => {
                self.nested = self.nested.saturating_sub(1)
            }
            _ if self.nested > 0 => {}
            Event::Start(Tag::Link { dest_url, .. }) => {
                if let Some(item) = &self.current {
                    self.links_open.open(dest_url, &item.text);
                }
            }
            Event::End(TagEnd::Link) => {
                if let Some(item) = self.current.as_mut()
                    && let Some((link, start)) = self.links_open.close(&item.text)
                {
                    if item.text[..start].trim().is_empty() && item.leading_link.is_none() {
                        item.leading_link = Some(link.clone());
                    }
                    item.links.push(link);
                }
            }
            Event::Start(Tag::Emphasis | Tag::Strong) => {
                if let Some(item) = &self.current {
                    self.emphasis_stack.push(item.text.len());
                }
            }
            Event::End(TagEnd::Emphasis | TagEnd::Strong) => {
                if let (Some(item), Some(start)) =
                    (self.current.as_mut(), self.emphasis_stack.pop())
                {
                    let span = text::collapse_whitespace(&item.text[start..]);
                    item.emphasised.push(span.trim().to_owned());
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(item) = self.current.as_mut() {
                    item.text.push_str(t);
                }
            }
            Event::SoftBreak | Event::HardBreak | Event::Start(Tag::Paragraph) => {
                if let Some(item) = self.current.as_mut() {
                    item.text.push(' ');
                }
            }
            _ => {}
        }
    }
}

/// The links open while an element's text is collected, each with where it starts in the text.
#[derive(Default)]
struct OpenLinks(Vec<(String, usize)>);

impl OpenLinks {
    fn open(&mut self, url: &str, text: &str) {
        self.0.push((url.to_owned(), text.len()));
    }

    /// The innermost open link, closed: its text (from `text`) and URL, and where it started.
    fn close(&mut self, text: &str) -> Option<(LinkRef, usize)> {
        let (url, start) = self.0.pop()?;
        let link = LinkRef {
            text: text[start..].trim().to_owned(),
            url,
        };
        Some((link, start))
    }
}

/// Collects top-level tables while events stream by. `depth` is the nesting depth after the
/// event was applied (1 inside a top-level table).
#[derive(Default)]
struct TableCollector {
    tables: Vec<Table>,
    current: Option<Table>,
    in_head: bool,
    row: Option<TableRow>,
    cell: Option<TableCell>,
    links_open: OpenLinks,
}

impl TableCollector {
    fn observe(&mut self, event: &Event<'_>, range: &Range<usize>, depth: usize) {
        match event {
            Event::Start(Tag::Table(_)) if depth == 1 => {
                self.current = Some(Table {
                    range: range.clone(),
                    ..Table::default()
                });
            }
            Event::End(TagEnd::Table) if depth == 0 => self.tables.extend(self.current.take()),
            _ if self.current.is_none() => {}
            Event::Start(Tag::TableHead) => self.in_head = true,
            Event::End(TagEnd::TableHead) => self.in_head = false,
            Event::Start(Tag::TableRow) => {
                self.row = Some(TableRow {
                    range: range.clone(),
                    ..TableRow::default()
                });
            }
            Event::End(TagEnd::TableRow) => {
                if let (Some(table), Some(row)) = (self.current.as_mut(), self.row.take()) {
                    table.rows.push(row);
                }
            }
            Event::Start(Tag::TableCell) => {
                self.cell = Some(TableCell {
                    range: range.clone(),
                    ..TableCell::default()
                });
            }
            Event::End(TagEnd::TableCell) => {
                let (Some(table), Some(mut cell)) = (self.current.as_mut(), self.cell.take())
                else {
                    return;
                };
                cell.text = text::collapse_whitespace_owned(cell.text).trim().to_owned();
                match (self.in_head, self.row.as_mut()) {
                    (true, _) => table.header.push(cell),
                    (false, Some(row)) => row.cells.push(cell),
                    (false, None) => {}
                }
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                if let Some(cell) = &self.cell {
                    self.links_open.open(dest_url, &cell.text);
                }
            }
            Event::End(TagEnd::Link) => {
                if let Some(cell) = self.cell.as_mut()
                    && let Some((link, _)) = self.links_open.close(&cell.text)
                {
                    cell.links.push(link);
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(cell) = self.cell.as_mut() {
                    cell.text.push_str(t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(cell) = self.cell.as_mut() {
                    cell.text.push(' ');
                }
            }
            _ => {}
        }
    }
}

fn heading_number(level: HeadingLevel) -> u8 {
    level as u8
}

/// 1-based column (in characters) of byte `offset` in `text`.
pub fn column_of(text: &str, offset: usize) -> u32 {
    let offset = offset.min(text.len());
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    text[line_start..offset].chars().count() as u32 + 1
}

/// The line starts of one text, so that many offsets map to lines without rescanning it.
#[derive(Debug, Clone)]
pub struct LineIndex {
    /// Byte offsets of every `\n` in the text, ascending.
    newlines: Vec<usize>,
    len: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        LineIndex {
            newlines: text
                .bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i)
                .collect(),
            len: text.len(),
        }
    }

    /// 1-based line of byte `offset` (the same as [`line_of`] on the indexed text).
    pub fn line_of(&self, offset: usize) -> u32 {
        let offset = offset.min(self.len);
        self.newlines.partition_point(|&at| at < offset) as u32 + 1
    }
}

/// 1-based line of byte `offset` in `text`.
pub fn line_of(text: &str, offset: usize) -> u32 {
    text[..offset.min(text.len())]
        .bytes()
        .filter(|&b| b == b'\n')
        .count() as u32
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlines_headings_and_blocks() {
        let text = "Intro with [a link](https://a.example).\n\n## Day 1\n\n### [Talk](https://t.example) - Ann Lee\n\n_#Rust, #Async_\n\nNotes.\n";
        let outline = Outline::parse(text);
        let levels: Vec<(u8, &str)> = outline
            .headings
            .iter()
            .map(|h| (h.level, h.text.as_str()))
            .collect();
        assert_eq!(levels, vec![(2, "Day 1"), (3, "Talk - Ann Lee")]);
        assert_eq!(
            outline.headings[1].leading_link.as_ref().unwrap().url,
            "https://t.example"
        );
        assert_eq!(line_of(text, outline.headings[1].range.start), 5);
        let lines = LineIndex::new(text);
        for offset in 0..=text.len() + 2 {
            assert_eq!(lines.line_of(offset), line_of(text, offset), "{offset}");
        }
        let tags = &outline.blocks[1];
        assert!(tags.all_emphasis, "{tags:?}");
        assert_eq!(tags.text, "#Rust, #Async");
        assert!(!outline.blocks[2].all_emphasis);
        assert_eq!(outline.blocks[0].links[0].text, "a link");
    }

    #[test]
    fn ranges_are_found_as_a_scan_finds_them() {
        let text = "Intro.\n\n## Day 1\n\n* a\n* b\n\n---\n\n### Talk\n\n_#Rust_\n\nNotes.\n\n> quote\n\n1. one\n2. two\n";
        let mut outline = Outline::parse(text);
        outline.promote(|b| b.text == "Notes.");
        assert!(outline.sorted);
        for from in 0..=text.len() + 1 {
            for to in 0..=text.len() + 1 {
                let blocks: Vec<&Block> = outline.blocks_in(from, to).collect();
                let scanned: Vec<&Block> = outline
                    .blocks
                    .iter()
                    .filter(|b| b.range.start >= from && b.range.end <= to)
                    .collect();
                assert_eq!(blocks, scanned, "{from}..{to}");
                let items: Vec<&ListItem> = outline.items_in(from, to).collect();
                let scanned: Vec<&ListItem> = outline
                    .items
                    .iter()
                    .filter(|i| i.range.start >= from && i.range.end <= to)
                    .collect();
                assert_eq!(items, scanned, "{from}..{to}");
            }
        }
    }

    #[test]
    fn collects_top_level_list_items_without_nested_text() {
        let text = "* [Talk](https://t.example) _by_ [_Ann Lee_](https://a.example) -\n  wrapped\n  * nested note\n* Bo Ray: hi\n";
        let outline = Outline::parse(text);
        let texts: Vec<&str> = outline.items.iter().map(|i| i.text.as_str()).collect();
        assert_eq!(texts, ["Talk by Ann Lee - wrapped", "Bo Ray: hi"]);
        assert_eq!(outline.items[0].leading_link.as_ref().unwrap().text, "Talk");
        assert_eq!(outline.items[0].links.len(), 2);
    }
}
