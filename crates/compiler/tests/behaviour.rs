//! Behaviour of the compiler that readers and recap authors rely on, stated one rule per test.

use recap_bundle::{Bundle, LinkKind, SCHEMA_VERSION};
use recap_compiler::compile_sources;
use recap_compiler::diagnostics::Severity;

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/{name}/input.md",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {path}: {e}"))
}

fn bundle_of(name: &str) -> Bundle {
    let source = fixture(name);
    compile_sources([("input.md", source.as_str())]).bundle
}

#[test]
fn nothing_from_a_recap_can_execute() {
    let bundle = bundle_of("hostile-html");
    let html = &bundle.talks[0].notes[0].html;
    for forbidden in [
        "<script",
        "onerror",
        "onclick",
        "javascript:",
        "<iframe",
        "<style",
        "__recapPwned",
        "<img",
    ] {
        assert!(!html.contains(forbidden), "{forbidden} survived in {html}");
    }
    assert!(
        html.contains("Great talk!"),
        "the tweet's text stays readable: {html}"
    );
    assert!(
        html.contains("https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
        "shortcodes become links: {html}"
    );
}

#[test]
fn markdown_links_keep_only_web_and_mail_targets() {
    // Only Markdown, no raw HTML: notes like these are written without ammonia.
    let source = "### Links - Oscar Opponent\n\n\
        A [script](javascript:window.__recapPwned=true), [caps](JAVASCRIPT:x), \
        <javascript:window.__recapPwned=true>, [data](data:text/html;base64,PHNjcmlwdD4=), \
        ![image](javascript:x), [relative](/admin), [ref][evil], <ada@example.org> and \
        [a fine one](https://ok.example \"say \\\" onmouseover=\\\"x\").\n\n\
        ```\"><script>window.__recapPwned=true</script>\ncode\n```\n\n\
        [evil]: vbscript:msgbox\n";
    let bundle = compile_sources([("input.md", source)]).bundle;
    let html = &bundle.talks[0].notes[0].html;
    let targets: Vec<&str> = html
        .split(" href=\"")
        .skip(1)
        .map(|rest| &rest[..rest.find('"').expect("a closed href")])
        .collect();
    assert_eq!(
        targets,
        ["mailto:ada@example.org", "https://ok.example"],
        "{html}"
    );
    assert_eq!(
        html.matches("<a ").count(),
        html.matches(r#" rel="noopener noreferrer nofollow">"#)
            .count(),
        "{html}"
    );
    for forbidden in ["<script", "\" onmouseover", "class="] {
        assert!(!html.contains(forbidden), "{forbidden} in {html}");
    }
}

#[test]
fn shortcodes_never_leak_as_text() {
    let bundle = bundle_of("link-headings-with-tags");
    for talk in &bundle.talks {
        assert!(!talk.notes[0].html.contains("{{"), "{}", talk.notes[0].html);
        assert!(!talk.summary.contains("{{"), "{}", talk.summary);
    }
}

#[test]
fn numbered_days_resolve_to_weekdays_named_in_the_introduction() {
    let bundle = bundle_of("link-headings-with-tags");
    let labels: Vec<&str> = bundle.conferences[0]
        .days
        .iter()
        .map(|d| d.label.as_str())
        .collect();
    assert_eq!(labels, ["Thursday", "Friday"]);
}

#[test]
fn numbered_days_follow_weekday_headings() {
    let bundle = bundle_of("bylines-and-weekdays");
    let day_of = |title: &str| {
        let talk = bundle
            .talks
            .iter()
            .find(|t| t.title.as_deref() == Some(title))
            .unwrap();
        bundle
            .day(talk.day.as_deref().unwrap())
            .unwrap()
            .1
            .label
            .clone()
    };
    assert_eq!(day_of("Streaming joins in practice"), "Monday");
    assert_eq!(day_of("Data contracts are APIs"), "Tuesday");
    assert_eq!(day_of("Column stores (OLAP) for small teams"), "Tuesday");
    assert_eq!(day_of("The quiet pipeline"), "Wednesday");
    assert_eq!(day_of("Testing SQL like code"), "Wednesday");
}

#[test]
fn a_speaker_with_several_talks_is_one_speaker() {
    let bundle = bundle_of("bylines-and-weekdays");
    let sara = bundle.speaker("sara-lindqvist").expect("speaker by slug");
    assert_eq!(bundle.talks_by(&sara.id).count(), 2);
}

#[test]
fn keynote_sections_give_their_talks_a_keynote_track() {
    let bundle = bundle_of("bylines-and-weekdays");
    let keynote = bundle
        .tracks
        .iter()
        .find(|t| t.label == "Keynote")
        .expect("Keynote track");
    let titles: Vec<&str> = bundle
        .talks
        .iter()
        .filter(|t| t.tracks.contains(&keynote.id))
        .filter_map(|t| t.title.as_deref())
        .collect();
    assert_eq!(titles, ["Data contracts are APIs", "The quiet pipeline"]);
    let opening = bundle
        .talks
        .iter()
        .find(|t| t.title.as_deref() == Some("Streams all the way down"))
        .unwrap();
    let labels: Vec<&str> = opening
        .tracks
        .iter()
        .map(|id| bundle.track(id).unwrap().label.as_str())
        .collect();
    assert_eq!(
        labels,
        ["Opening Keynote"],
        "a talk's own, more precise kind replaces its section's"
    );
}

#[test]
fn links_are_classified() {
    let bundle = bundle_of("link-headings-with-tags");
    let kinds: Vec<LinkKind> = bundle.talks[1].links.iter().map(|l| l.kind).collect();
    assert_eq!(kinds, [LinkKind::Session, LinkKind::Slides]);
}

#[test]
fn sections_that_are_not_talks_are_reported_with_their_line() {
    let source = fixture("bylines-and-weekdays");
    let compilation = compile_sources([("input.md", source.as_str())]);
    let skipped: Vec<(u32, &str)> = compilation
        .diagnostics
        .iter()
        .filter(|d| d.message.contains("left out"))
        .map(|d| (d.line, d.message.as_str()))
        .collect();
    let lines: Vec<u32> = skipped.iter().map(|(line, _)| *line).collect();
    assert_eq!(lines, [7, 19, 61], "{skipped:?}");
    assert!(skipped[1].1.contains("Architecture games"));
}

#[test]
fn bad_front_matter_names_file_and_line_and_other_recaps_still_build() {
    let broken = fixture("broken-front-matter");
    let good = fixture("hostile-html");
    let compilation = compile_sources([("broken.md", broken.as_str()), ("good.md", good.as_str())]);
    let error = compilation
        .diagnostics
        .iter()
        .find(|d| d.severity == Severity::Error)
        .expect("an error");
    assert_eq!(
        (error.file.as_str(), error.line),
        ("broken.md", 3),
        "{error}"
    );
    assert!(compilation.has_errors());
    assert_eq!(
        compilation.bundle.conferences.len(),
        1,
        "the good recap is still compiled"
    );
}

#[test]
fn the_same_input_gives_byte_identical_output() {
    let sources = [
        "link-headings-with-tags",
        "bylines-and-weekdays",
        "hostile-html",
    ]
    .map(fixture);
    let inputs = || {
        sources
            .iter()
            .enumerate()
            .map(|(i, s)| (["a.md", "b.md", "c.md"][i], s.as_str()))
    };
    let first = recap_compiler::bundle_json(&compile_sources(inputs()).bundle);
    let second = recap_compiler::bundle_json(&compile_sources(inputs()).bundle);
    assert_eq!(first, second);
    let bundle: Bundle = serde_json::from_str(&first).unwrap();
    assert_eq!(bundle.schema_version, SCHEMA_VERSION);
}

#[test]
fn ids_are_unique_and_references_resolve() {
    let sources = [
        "link-headings-with-tags",
        "bylines-and-weekdays",
        "hostile-html",
    ]
    .map(fixture);
    let bundle = compile_sources(
        sources
            .iter()
            .enumerate()
            .map(|(i, s)| (["a.md", "b.md", "c.md"][i], s.as_str())),
    )
    .bundle;
    let mut ids: Vec<&str> = bundle.talks.iter().map(|t| t.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), bundle.talks.len());
    for talk in &bundle.talks {
        assert!(bundle.conference(&talk.conference).is_some());
        assert!(talk.day.as_deref().is_none_or(|d| bundle.day(d).is_some()));
        assert!(talk.tracks.iter().all(|t| bundle.track(t).is_some()));
        assert!(talk.companies.iter().all(|c| bundle.company(c).is_some()));
        assert!(
            talk.speakers
                .iter()
                .all(|s| bundle.speaker(&s.id).is_some())
        );
        assert!(
            talk.notes
                .iter()
                .all(|notes| bundle.recap_of(talk, notes).is_some())
        );
    }
}

#[test]
fn the_committed_json_schema_matches_the_types() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/bundle.schema.json");
    let generated = recap_compiler::bundle_schema();
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == generated,
        "docs/bundle.schema.json is stale: run `cargo recap schema > docs/bundle.schema.json`"
    );
}

#[test]
fn front_matter_hints_name_the_conference_date_the_days_and_alias_tracks() {
    let bundle = bundle_of("author-hints");
    let conference = &bundle.conferences[0];
    assert_eq!(
        (conference.name.as_str(), conference.year),
        ("HarbourConf Oslo 2023", Some(2023))
    );
    let days: Vec<(&str, Option<&str>)> = conference
        .days
        .iter()
        .map(|d| (d.label.as_str(), d.date.as_deref()))
        .collect();
    assert_eq!(
        days,
        [
            ("Wednesday", Some("2023-05-17")),
            ("Thursday", Some("2023-05-18"))
        ],
        "Day 1 is a Wednesday by its date; Day 2 follows"
    );
    let upgrades = bundle
        .talks
        .iter()
        .find(|t| t.title.as_deref() == Some("Cluster upgrades without tears"))
        .unwrap();
    assert_eq!(
        bundle.track(&upgrades.tracks[0]).unwrap().label,
        "Kubernetes"
    );
    let kubernetes = bundle.track(&upgrades.tracks[0]).unwrap();
    assert_eq!(
        kubernetes.aliases,
        ["#K8s"],
        "the label as written stays available"
    );
}

#[test]
fn inline_markers_mark_correct_and_exclude_talks() {
    let source = fixture("author-hints");
    let compilation = compile_sources([("input.md", source.as_str())]);
    let bundle = &compilation.bundle;
    let titles: Vec<&str> = bundle
        .talks
        .iter()
        .filter_map(|t| t.title.as_deref())
        .collect();
    assert_eq!(
        titles,
        [
            "Cluster upgrades without tears",
            "Five tools in five minutes",
            "Observability budgets"
        ]
    );
    let lightning = &bundle.talks[1];
    assert_eq!(lightning.speakers[0].company.as_deref(), Some("Tiny Tools"));
    assert_eq!(
        bundle.track(&lightning.tracks[0]).unwrap().label,
        "Lightning Talk"
    );
    assert_eq!(
        bundle.talks[2].speakers[0].company.as_deref(),
        Some("Metricly"),
        "a marker corrects a heading"
    );
    assert!(
        bundle
            .talks
            .iter()
            .all(|t| !t.notes[0].html.contains("recap:")),
        "markers never show in the notes"
    );
    let messages: Vec<String> = compilation
        .diagnostics
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("unknown hint key `recap.colour`")),
        "{messages:#?}"
    );
    assert!(
        messages.iter().any(|m| m.contains("unknown key `tittle`")),
        "{messages:#?}"
    );
    assert!(
        !messages.iter().any(|m| m.contains("Sponsors")),
        "skipped sections are not reported: {messages:#?}"
    );
}

/// Two invented recaps of one conference: speakers with diacritics, one company written three
/// ways, and words that only the notes say.
fn quaycon() -> Bundle {
    let first = "+++\ntitle = \"Quaycon 2024 recap\"\ndate = 2024-03-10\n+++\n\n## Day 1\n\n\
        ### Zero downtime deploys - Łukasz Wiśniewski (Acme Inc.)\n\n\
        He walked through **canary** releases and a `flamegraph`-driven rollback &amp; more.\n\n\
        ### Queues at scale - by Mei Tanaka (ACME), Kari Lund (Fjordops), Ola Nordmann (Acme)\n\nBack-pressure for everyone, with many examples.\n\n\
        ### Observability budgets - Sanna Berg (Glacier Data)\n\nPay for the telemetry you read.\n";
    let second = "+++\ntitle = \"Quaycon 2024, another view\"\ndate = 2024-03-12\n+++\n\n## Day 1\n\n\
        ### Observability budgets - Sanna Berg (Glacier Data)\n\nSampling beats dropping data.\n\n\
        ### Edge caches - Ruth Olsen (Acme)\n\nTiered caches near the users, measured carefully.\n";
    compile_sources([("first.md", first), ("second.md", second)]).bundle
}

fn search(bundle: &Bundle, query: &str) -> Vec<String> {
    let filters = recap_query::Filters::from_query(query);
    let selection = recap_query::Selection::new(bundle, &filters, &Default::default(), None);
    selection
        .indices()
        .iter()
        .map(|&i| bundle.talks[i].title.clone().unwrap_or_default())
        .collect()
}

#[test]
fn search_finds_speakers_without_their_diacritics() {
    let bundle = quaycon();
    assert_eq!(search(&bundle, "q=lukasz"), ["Zero downtime deploys"]);
    assert_eq!(search(&bundle, "q=WISNIEWSKI"), ["Zero downtime deploys"]);
}

#[test]
fn search_finds_words_only_the_notes_say_and_ranks_titles_first() {
    let bundle = quaycon();
    assert_eq!(search(&bundle, "q=flamegr"), ["Zero downtime deploys"]);
    assert_eq!(
        search(&bundle, "q=sampling"),
        ["Observability budgets"],
        "the second recap's notes on a merged talk are searched too"
    );
    assert!(search(&bundle, "q=strong").is_empty(), "markup is not text");
    assert_eq!(search(&bundle, "q=cache"), ["Edge caches"]);
    assert_eq!(
        search(&bundle, "q=budgets telemetry"),
        ["Observability budgets"]
    );
}

#[test]
fn companies_are_one_facet_option_per_organisation() {
    let bundle = quaycon();
    let companies: Vec<(&str, &str)> = bundle
        .companies
        .iter()
        .map(|c| (c.id.as_str(), c.name.as_str()))
        .collect();
    assert_eq!(
        companies,
        [
            ("acme", "Acme Inc."),
            ("fjordops", "Fjordops"),
            ("glacier-data", "Glacier Data")
        ],
        "`Acme Inc.`, `ACME` and `Acme` are one company, named as first written; sorted by name"
    );
    let of = |title: &str| {
        let talk = bundle
            .talks
            .iter()
            .find(|t| t.title.as_deref() == Some(title))
            .unwrap();
        talk.companies.clone()
    };
    assert_eq!(
        of("Queues at scale"),
        ["acme", "fjordops"],
        "in speaker order, without repeats"
    );
    assert_eq!(of("Observability budgets"), ["glacier-data"]);
    assert_eq!(
        search(&bundle, "company=acme"),
        ["Zero downtime deploys", "Queues at scale", "Edge caches"]
    );
}

/// A talk as a reader sees its heading: title, then each speaker with their company.
type TalkRead<'a> = (Option<&'a str>, Vec<(&'a str, Option<&'a str>)>);

/// Every talk's title and speakers, in order.
fn talks_read(bundle: &Bundle) -> Vec<TalkRead<'_>> {
    bundle
        .talks
        .iter()
        .map(|talk| {
            let speakers = talk
                .speakers
                .iter()
                .map(|s| (s.name.as_str(), s.company.as_deref()))
                .collect();
            (talk.title.as_deref(), speakers)
        })
        .collect()
}

#[test]
fn headings_written_speaker_first_are_read_when_the_notes_name_the_speaker() {
    let source = "---\ntitle: \"My Harbourconf 2022 recap\"\n---\n\n\
        ## Mara Quill: Compile Times Matter\n\n\
        Mara (from Tidewater Labs) showed how the team halved its build times.\n\n\
        ## Oskar Lund — Rust in the Harbour Kernel\n\n\
        Oskar, a maintainer at Red Anchor, walked through the patches.\n";
    let bundle = compile_sources([("input.md", source)]).bundle;
    assert_eq!(bundle.conferences[0].name, "Harbourconf 2022");
    assert_eq!(
        talks_read(&bundle),
        [
            (
                Some("Compile Times Matter"),
                vec![("Mara Quill", Some("Tidewater Labs"))]
            ),
            (
                Some("Rust in the Harbour Kernel"),
                vec![("Oskar Lund", Some("Red Anchor"))]
            ),
        ],
        "a company after `at` is never taken for the presenter"
    );
}

#[test]
fn a_recap_written_title_first_is_never_read_speaker_first() {
    // Both headings could be read `Speaker - Title`; the recap's unambiguous headings put the
    // speaker last, and the notes speak of `Pier` as a presenter only by chance.
    let source = "## Talks\n\n\
        ### Building Quays with Go - Ada Lovelace (Initech)\n\nNotes.\n\n\
        ### Harbour Pier – Mile 12 of a Long Migration - Grace Hopper\n\n\
        Pier, who knows.\n\n\
        ### Tidal Caches - Alan Turing\n\nMore notes.\n";
    let bundle = compile_sources([("input.md", source)]).bundle;
    let titles: Vec<_> = bundle
        .talks
        .iter()
        .filter_map(|t| t.title.as_deref())
        .collect();
    assert_eq!(
        titles,
        [
            "Building Quays with Go",
            "Harbour Pier – Mile 12 of a Long Migration",
            "Tidal Caches"
        ]
    );
}

#[test]
fn a_byline_label_for_one_speaker_keeps_the_company_with_the_speaker() {
    let source = "## Harbour Days\n\n\
        ### Keynote: Tides of Change\n\n**Speaker:** Alice Smith, Red Anchor\n\nNotes.\n\n\
        ### Quiet Queues\n\n**Speakers:** Bo Ray, Cy Dot\n\nMore notes.\n";
    let bundle = compile_sources([("input.md", source)]).bundle;
    assert_eq!(
        talks_read(&bundle),
        [
            (
                Some("Tides of Change"),
                vec![("Alice Smith", Some("Red Anchor"))]
            ),
            (
                Some("Quiet Queues"),
                vec![("Bo Ray", None), ("Cy Dot", None)]
            ),
        ]
    );
}

#[test]
fn schedule_decorations_are_not_part_of_titles_or_names() {
    let source = "---\ntitle: \"Harbourconf 2021 – Day 1\"\n---\n\n\
        ## Saturday\n\n\
        ### 🚀 Tidal Streams in Practice - Tom Baker\n\nNotes.\n\n\
        ### 10:30 – Room A – Serverless Quays (Una Vale, Initech)\n\nNotes.\n\n\
        ### Keynote by Jane Doe\n\nJane talked about calm seas.\n\n\
        ### Talk: Capacity Without Tears\n\n\
        Speakers: Wendy Moss and Xavier Ng, both from Hooli\n\nNotes.\n\n\
        ## Sunday\n\n\
        1. **Harbour.js Internals** (Ravi Shah, Globex) - event loop deep dive\n\
        2. **Accessible Buoys** (Nina Holt) - ARIA done right\n\
        3. **Testing at Sea** (Omar Aziz, Vandelay) - observability\n";
    let bundle = compile_sources([("input.md", source)]).bundle;
    assert_eq!(bundle.conferences[0].name, "Harbourconf 2021");
    assert_eq!(
        talks_read(&bundle),
        [
            (Some("Tidal Streams in Practice"), vec![("Tom Baker", None)]),
            (
                Some("Serverless Quays"),
                vec![("Una Vale", Some("Initech"))]
            ),
            (None, vec![("Jane Doe", None)]),
            (
                Some("Capacity Without Tears"),
                vec![("Wendy Moss", Some("Hooli")), ("Xavier Ng", Some("Hooli"))]
            ),
            (
                Some("Harbour.js Internals"),
                vec![("Ravi Shah", Some("Globex"))]
            ),
            (Some("Accessible Buoys"), vec![("Nina Holt", None)]),
            (
                Some("Testing at Sea"),
                vec![("Omar Aziz", Some("Vandelay"))]
            ),
        ]
    );
    let keynote = &bundle.talks[2];
    assert_eq!(bundle.track(&keynote.tracks[0]).unwrap().label, "Keynote");
}

#[test]
fn topic_headings_labelled_tag_lines_and_prose_bylines_give_tracks_and_speakers() {
    let source = "---\ntitle: \"Highlights from Harbourconf 2022\"\n---\n\n\
        # Harbourconf\n\n\
        ## Security track\n\n\
        ### Zero Trust Quays — Jane Roe, Initech\n\n\
        Track: Security, Zero Trust\n\nJane explained identities.\n\n\
        ### Supply Chains at Sea\n\n*by Ken Ito, Hooli*\n\n**Tags:** SBOM\n\nKen demoed an attack.\n\n\
        ## Observability\n\n\
        ### Tracing Tides\n\n**Track:** Tracing\n\n\
        Presented by Lia Cruz from Globex. She covered sampling.\n\n\
        ### Panel: The State of Buoys\n\n\
        A lively discussion with Yara Diaz (Vandelay) and Zeke Ford (Initech), moderated by Ann Bell.\n\n\
        ## My favourite talks\n\n\
        ### Calm Seas - Omar Aziz\n\nNotes.\n";
    let bundle = compile_sources([("input.md", source)]).bundle;
    let tracks = |talk: &recap_bundle::Talk| -> Vec<String> {
        talk.tracks
            .iter()
            .map(|t| bundle.track(t).unwrap().label.clone())
            .collect()
    };
    let seen: Vec<_> = bundle
        .talks
        .iter()
        .map(|t| (t.title.as_deref(), tracks(t)))
        .collect();
    assert_eq!(
        seen,
        [
            (
                Some("Zero Trust Quays"),
                vec!["Security".to_owned(), "Zero Trust".into()]
            ),
            (
                Some("Supply Chains at Sea"),
                vec!["Security".into(), "SBOM".into()]
            ),
            (
                Some("Tracing Tides"),
                vec!["Observability".into(), "Tracing".into()]
            ),
            (
                Some("The State of Buoys"),
                vec!["Panel".into(), "Observability".into()]
            ),
            (Some("Calm Seas"), vec![]),
        ],
        "a topic heading is a track; `My favourite talks` and the post's title are not"
    );
    assert_eq!(
        talks_read(&bundle)[2..4],
        [
            (Some("Tracing Tides"), vec![("Lia Cruz", Some("Globex"))]),
            (
                Some("The State of Buoys"),
                vec![
                    ("Yara Diaz", Some("Vandelay")),
                    ("Zeke Ford", Some("Initech"))
                ]
            ),
        ]
    );
    let notes = &bundle.talks[2].notes[0].html;
    assert!(notes.contains("She covered sampling"), "{notes}");
    assert!(
        !bundle.talks[0].notes[0].html.contains("Zero Trust<"),
        "the tag line is not in the notes"
    );
}

#[test]
fn a_heading_that_only_names_a_session_kind_is_a_talk_without_a_title() {
    let source = "# Day 2\n\n## The Keynote\nBy Jonas Adler.\n\nJonas spoke about tides.\n";
    let bundle = compile_sources([("input.md", source)]).bundle;
    assert_eq!(talks_read(&bundle), [(None, vec![("Jonas Adler", None)])]);
    let track = &bundle.talks[0].tracks[0];
    assert_eq!(bundle.track(track).unwrap().label, "Keynote");
}

#[test]
fn bold_paragraphs_with_a_dash_introduce_talks_when_the_recap_writes_them_so() {
    let source = "---\ntitle: \"Harbourconf 2022\"\n---\n\n## Day 2\n\n\
        **Knots at Scale** — Mara Quill, Tidewater Labs\n\n\
        Mara compared six ways to tie a bowline.\n\n\
        **Rigging Rust** – Oskar Lund & Ines Roth (Red Anchor)\n\n\
        A rewrite, told twice.\n";
    let bundle = compile_sources([("input.md", source)]).bundle;
    assert_eq!(
        talks_read(&bundle),
        [
            (
                Some("Knots at Scale"),
                vec![("Mara Quill", Some("Tidewater Labs"))]
            ),
            (
                Some("Rigging Rust"),
                vec![
                    ("Oskar Lund", Some("Red Anchor")),
                    ("Ines Roth", Some("Red Anchor"))
                ]
            ),
        ]
    );
    assert!(bundle.talks[0].notes[0].html.contains("six ways"));

    let verdicts = "## Day 2\n\n### Knots at Scale - Mara Quill\n\n\
        Mara compared six ways to tie a bowline.\n\n**Verdict** – Must See\n\n\
        ### Tide Tables - Lia Cruz\n\nPredictions.\n\n**Verdict** – Worth It\n";
    let bundle = compile_sources([("input.md", verdicts)]).bundle;
    assert_eq!(
        talks_read(&bundle),
        [
            (Some("Knots at Scale"), vec![("Mara Quill", None)]),
            (Some("Tide Tables"), vec![("Lia Cruz", None)])
        ],
        "a bold paragraph with a dash in a talk's notes is a note, not a talk"
    );
    assert!(bundle.talks[0].notes[0].html.contains("Must See"));
    let one = "## Day 2\n\nIntro.\n\n**Verdict** – Must See\n";
    let bundle = compile_sources([("input.md", one)]).bundle;
    assert!(bundle.talks.is_empty(), "one alone is a note");
}

#[test]
fn social_handles_decorations_and_dashes_in_bylines() {
    let source = "---\ntitle: \"Harbourconf 2022\"\n---\n\n\
        ### 1. Knots at Scale (Mara Quill, @mquill)\n\nBowlines.\n\n\
        ### 2. Rigging Rust - Oskar Lund (@olund), Red Anchor\n\nA rewrite.\n\n\
        ### Sails in Practice (Ines Roth — Windward)\n\nCanvas.\n\n\
        ### Tide Tables | Lia Cruz | Globex\n\nPredictions.\n\n\
        ### Buoys for Mere Mortals\n👩‍💻 *Yara Diaz*\n\nColours and lights.\n";
    let bundle = compile_sources([("input.md", source)]).bundle;
    assert_eq!(
        talks_read(&bundle),
        [
            (Some("Knots at Scale"), vec![("Mara Quill", None)]),
            (
                Some("Rigging Rust"),
                vec![("Oskar Lund", Some("Red Anchor"))]
            ),
            (
                Some("Sails in Practice"),
                vec![("Ines Roth", Some("Windward"))]
            ),
            (Some("Tide Tables"), vec![("Lia Cruz", Some("Globex"))]),
            (Some("Buoys for Mere Mortals"), vec![("Yara Diaz", None)]),
        ]
    );
}

#[test]
fn a_paragraph_of_labelled_lines_gives_speaker_links_and_tracks() {
    let source = "---\ntitle: \"Harbourconf 2022\"\n---\n\n\
        ### Knots at Scale\n**Speaker:** Mara Quill (Tidewater Labs)\n\
        **Slides:** [link](https://example.com/knots)\n**Track:** Rigging\n\n\
        Mara compared six ways to tie a bowline.\n\n\
        ### Tide Tables\n**Speaker:** Lia Cruz\n**Rating:** 5/5\n\nPredictions.\n";
    let bundle = compile_sources([("input.md", source)]).bundle;
    assert_eq!(
        talks_read(&bundle),
        [
            (
                Some("Knots at Scale"),
                vec![("Mara Quill", Some("Tidewater Labs"))]
            ),
            (Some("Tide Tables"), vec![("Lia Cruz", None)]),
        ]
    );
    let knots = &bundle.talks[0];
    assert_eq!(knots.links.len(), 1);
    assert_eq!(knots.links[0].kind, recap_bundle::LinkKind::Slides);
    assert_eq!(
        knots.links[0].label, "Slides",
        "`link` says nothing; the line's label does"
    );
    assert_eq!(bundle.track(&knots.tracks[0]).unwrap().label, "Rigging");
    assert!(
        !knots.notes[0].html.contains("Speaker:"),
        "{}",
        knots.notes[0].html
    );
    let tides = &bundle.talks[1].notes[0].html;
    assert!(
        tides.contains("5/5"),
        "a line it cannot read keeps the paragraph: {tides}"
    );
}

#[test]
fn a_title_that_names_a_day_places_a_recap_without_day_headings() {
    let first = "---\ntitle: \"Harbourconf 2022 Day 1\"\n---\n\n\
        ### Knots at Scale - Mara Quill\n\nBowlines.\n";
    let second = "---\ntitle: \"Day two of Harbourconf 2022\"\n---\n\n\
        ### Tide Tables - Lia Cruz\n\nPredictions.\n";
    let bundle = compile_sources([("one.md", first), ("two.md", second)]).bundle;
    assert_eq!(
        bundle.conferences.len(),
        1,
        "both posts are about one conference"
    );
    assert_eq!(bundle.conferences[0].name, "Harbourconf 2022");
    let days: Vec<&str> = bundle
        .talks
        .iter()
        .map(|t| {
            bundle
                .day(t.day.as_deref().unwrap())
                .unwrap()
                .1
                .label
                .as_str()
        })
        .collect();
    assert_eq!(days, ["Day 1", "Day 2"]);
}

#[test]
fn a_table_whose_header_names_talks_and_speakers_lists_talks() {
    let source = "---\ntitle: \"Harbourconf 2022\"\n---\n\n## Thursday\n\n\
        Day two opened with rain.\n\n\
        | Time | Talk | Speaker | Slides | Notes |\n\
        |------|------|---------|--------|-------|\n\
        | 10:00 | [Knots at Scale](https://example.com/knots) | Mara Quill (Tidewater Labs) \
        | [pdf](https://example.com/knots.pdf) | Six ways to tie a *bowline* |\n\
        | 12:00 | Lunch | | | |\n\
        | 13:00 | Tide Tables | Lia Cruz, Globex | | Predictions |\n";
    let compilation = compile_sources([("input.md", source)]);
    let bundle = &compilation.bundle;
    assert_eq!(
        talks_read(bundle),
        [
            (
                Some("Knots at Scale"),
                vec![("Mara Quill", Some("Tidewater Labs"))]
            ),
            (Some("Tide Tables"), vec![("Lia Cruz", Some("Globex"))]),
        ]
    );
    let knots = &bundle.talks[0];
    let links: Vec<_> = knots
        .links
        .iter()
        .map(|l| (l.kind, l.url.as_str()))
        .collect();
    assert_eq!(
        links,
        [
            (recap_bundle::LinkKind::Session, "https://example.com/knots"),
            (
                recap_bundle::LinkKind::Slides,
                "https://example.com/knots.pdf"
            ),
        ]
    );
    let notes = &knots.notes[0].html;
    assert!(notes.contains("<em>bowline</em>"), "{notes}");
    assert!(
        notes.contains("10:00"),
        "a column it does not read stays in the notes: {notes}"
    );
    assert_eq!(
        bundle.day(knots.day.as_deref().unwrap()).unwrap().1.label,
        "Thursday"
    );
    let reported: Vec<&str> = compilation
        .diagnostics
        .iter()
        .map(|d| d.message.as_str())
        .collect();
    assert!(
        reported.iter().any(|m| m.contains("Lunch")),
        "the row without a speaker is reported: {reported:?}"
    );
    assert!(
        reported
            .iter()
            .any(|m| m.contains("under the day heading \"Thursday\"")),
        "the day's own text is reported: {reported:?}"
    );
}

#[test]
fn bylines_as_sub_headings_titles_before_names_and_notes_after_dashes() {
    let source = "---\ntitle: \"Harbourconf 2022\"\n---\n\n\
        ## Knots at Scale\n#### Mara Quill, Tidewater Labs\n\nSix bowlines.\n\n\
        ## Tide Tables\nSpeaker: Dr. Lia Cruz\n\nPredictions.\n\n\
        ## Rigging Rust (Oskar Lund & Ines Roth, Red Anchor)\n\nA rewrite.\n\n\
        ## Lightning talks\n\n\
        - **Buoys** by Yara Diaz — colours and lights at sea\n\
        - **Sails** (Zeke Ford) – canvas, mostly, and rope\n";
    let compilation = compile_sources([("input.md", source)]);
    let bundle = &compilation.bundle;
    assert_eq!(
        talks_read(bundle),
        [
            (
                Some("Knots at Scale"),
                vec![("Mara Quill", Some("Tidewater Labs"))]
            ),
            (Some("Tide Tables"), vec![("Lia Cruz", None)]),
            (
                Some("Rigging Rust"),
                vec![
                    ("Oskar Lund", Some("Red Anchor")),
                    ("Ines Roth", Some("Red Anchor"))
                ]
            ),
            (Some("Buoys"), vec![("Yara Diaz", None)]),
            (Some("Sails"), vec![("Zeke Ford", None)]),
        ]
    );
    assert!(bundle.talks[0].notes[0].html.contains("Six bowlines"));
    assert!(
        bundle.talks[3]
            .summary
            .contains("colours and lights at sea")
    );
    assert!(bundle.talks[4].summary.contains("canvas, mostly, and rope"));
    assert!(
        compilation.diagnostics.is_empty(),
        "{:?}",
        compilation.diagnostics
    );
}

/// Every shape the compiler reads, cut and joined with the separators and characters that its
/// byte offsets must step over (multi-byte dashes, emoji, `İ`): it reports, it never panics.
#[test]
fn no_combination_of_shapes_and_separators_makes_the_compiler_panic() {
    let shapes = [
        "## ",
        "### 1. ",
        "- ",
        "- **",
        "**",
        "| ",
        "#### ",
        "Speaker: ",
        "_#",
        "> ",
    ];
    let fragments = [
        "Knots at Scale",
        "Mara Quill",
        "(Tidewater Labs)",
        "(@mq)",
        ", @mq",
        " by ",
        " — ",
        " – ",
        " - ",
        " | ",
        ": ",
        "&",
        " and ",
        ", ",
        "(",
        ")",
        "👩‍💻",
        "İstanbul",
        "Dr. ",
        "Day 2",
        "10:30",
        "[x](https://example.com)",
        "*",
        "",
    ];
    let mut lines = Vec::new();
    for (i, shape) in shapes.iter().enumerate() {
        for (j, a) in fragments.iter().enumerate() {
            for b in fragments.iter().skip((i + j) % 3).step_by(3) {
                lines.push(format!("{shape}{a}{b}"));
                lines.push(format!("{shape}{b}{a}{b}"));
                lines.push(format!("{shape}{a}{b}{a}"));
            }
        }
    }
    for (n, chunk) in lines.chunks(40).enumerate() {
        let source = format!(
            "---\ntitle: \"Harbourconf 2022 Day 2\"\n---\n\n{}\n",
            chunk.join("\n\n")
        );
        let result = std::panic::catch_unwind(|| compile_sources([("input.md", source.as_str())]));
        assert!(result.is_ok(), "chunk {n} panicked:\n{source}");
    }
}

#[test]
fn a_recap_that_writes_every_heading_speaker_first_is_read_so_without_notes_naming_them() {
    let source = "---\ntitle: \"Quayside Summit 2023\"\n---\n\n\
        ## Wednesday\n\n\
        ### Ilse Marten — Designing Queues People Trust\n\n\
        Back-pressure belongs in the contract.\n\n\
        ### Keynote — Ruben Okoro: Ten Years of Harbour Outages\n\n\
        Stories from a decade on call.\n\n\
        ## Thursday\n\n\
        ### Vera Lindgren: Rust for Harbour Masters\n\n\
        Ownership explained with mooring lines.\n";
    let bundle = compile_sources([("input.md", source)]).bundle;
    assert_eq!(
        talks_read(&bundle),
        [
            (
                Some("Designing Queues People Trust"),
                vec![("Ilse Marten", None)]
            ),
            (
                Some("Ten Years of Harbour Outages"),
                vec![("Ruben Okoro", None)]
            ),
            (
                Some("Rust for Harbour Masters"),
                vec![("Vera Lindgren", None)]
            ),
        ]
    );
    assert_eq!(
        bundle.track(&bundle.talks[1].tracks[0]).unwrap().label,
        "Keynote"
    );
}

#[test]
fn topic_headings_shaped_like_speaker_first_headings_stay_reported_sections() {
    // Words the recap also writes in lowercase (`platform`, `experience`) are not names, and
    // a presenter named in the notes wins over the heading.
    let source = "---\ntitle: \"Quayside Summit 2023\"\n---\n\n\
        ## Platform Engineering - Why Teams Build One\n\n\
        Every platform talk this year asked the same question.\n\n\
        ## Developer Experience - Metrics That Matter\n\n\
        Good developer experience showed up in many talks.\n\n\
        ## Edge Functions: A Practical Primer\n\n\
        In this talk, Marit Sol explained where edge code pays off.\n\n\
        ## Final Thoughts - Next Year\n\nI will be back.\n";
    let compiled = compile_sources([("input.md", source)]);
    assert_eq!(
        talks_read(&compiled.bundle),
        [(
            Some("Edge Functions: A Practical Primer"),
            vec![("Marit Sol", None)]
        )]
    );
    let reported: Vec<&str> = compiled
        .diagnostics
        .iter()
        .map(|d| d.message.as_str())
        .filter(|m| m.contains("is not a talk"))
        .collect();
    assert_eq!(reported.len(), 3, "{reported:?}");
}

#[test]
fn numbering_times_emphasised_titles_and_roles_are_not_names_or_titles() {
    let source = "---\ntitle: \"Quayside Summit 2023\"\n---\n\n\
        ### 3. 10:45–11:30 – Cheap Observability (Hana Ito, Northwind)\n\nNotes.\n\n\
        ### Policy as Code\n\n\
        Speaker: Noor Lindahl, Senior Engineer at Gatehouse\n\nNotes.\n\n\
        ### Serverless at Scale\n\n\
        by Grace Obi, Principal Engineer @ Lumenworks\n\nNotes.\n\n\
        ## Short talks\n\n\
        - **Zero-Copy Parsing** (Ines Duarte, Quaymark)\n\
        - **Wasm Beyond the Browser** (Tomas Wirth, Pierline)\n\
        - **Async Pitfalls** (Rhea Kapur)\n";
    let bundle = compile_sources([("input.md", source)]).bundle;
    assert_eq!(
        talks_read(&bundle),
        [
            (
                Some("Cheap Observability"),
                vec![("Hana Ito", Some("Northwind"))]
            ),
            (
                Some("Policy as Code"),
                vec![("Noor Lindahl", Some("Gatehouse"))]
            ),
            (
                Some("Serverless at Scale"),
                vec![("Grace Obi", Some("Lumenworks"))]
            ),
            (
                Some("Zero-Copy Parsing"),
                vec![("Ines Duarte", Some("Quaymark"))]
            ),
            (
                Some("Wasm Beyond the Browser"),
                vec![("Tomas Wirth", Some("Pierline"))]
            ),
            (Some("Async Pitfalls"), vec![("Rhea Kapur", None)]),
        ]
    );
}

#[test]
fn bracketed_topics_material_links_in_headings_and_panel_bylines() {
    let source = "---\ntitle: \"Quayside Summit 2023\"\n---\n\n\
        ## [Security] Hardening Harbour Installs - Odile Faure (Lockstep)\n\nNotes.\n\n\
        ## Bundlers at Sea (Mei Tanabe, Parcelhouse) [slides](https://slides.example/b.pdf)\n\n\
        Notes.\n\n\
        ## Opening keynote: Data Ethics at Scale\n\n\
        *Prof. Amara Nwosu, University of Tidewater*\n\nNotes.\n\n\
        ## Panel: The Future of Notebooks\n\n\
        With Jo Parke (Inkwell), Raj Patil (Quillbook) and Tess Marlowe (Codepad).\n\n\
        They disagreed on everything.\n";
    let bundle = compile_sources([("input.md", source)]).bundle;
    assert_eq!(
        talks_read(&bundle),
        [
            (
                Some("Hardening Harbour Installs"),
                vec![("Odile Faure", Some("Lockstep"))]
            ),
            (
                Some("Bundlers at Sea"),
                vec![("Mei Tanabe", Some("Parcelhouse"))]
            ),
            (
                Some("Data Ethics at Scale"),
                vec![("Amara Nwosu", Some("University of Tidewater"))]
            ),
            (
                Some("The Future of Notebooks"),
                vec![
                    ("Jo Parke", Some("Inkwell")),
                    ("Raj Patil", Some("Quillbook")),
                    ("Tess Marlowe", Some("Codepad"))
                ]
            ),
        ]
    );
    let track = |talk: usize| {
        bundle
            .track(&bundle.talks[talk].tracks[0])
            .unwrap()
            .label
            .as_str()
    };
    assert_eq!(track(0), "Security");
    let slides = &bundle.talks[1].links;
    assert_eq!(slides.len(), 1);
    assert_eq!(slides[0].kind, LinkKind::Slides);
    assert_eq!(slides[0].url, "https://slides.example/b.pdf");
    assert!(
        !bundle.talks[3].notes[0].html.contains("Jo Parke"),
        "the panel byline is not repeated in the notes"
    );
}
