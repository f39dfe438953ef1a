//! What a reader sees for a set of filters, on a small invented archive: facets, search,
//! starred, sorting, live counts and the suggestion of which filter to remove.

use std::collections::BTreeSet;

use proptest::prelude::*;
use recap_bundle::{
    Bundle, Company, Conference, Day, SearchField, Speaker, Talk, TalkSpeaker, Track,
};
use recap_query::{ActiveFilter, BundleIndex, Facet, Filters, Selection, SortOrder, build_index};

fn talk(
    id: &str,
    conference: &str,
    day: &str,
    title: &str,
    speaker: (&str, &str),
    tracks: &[&str],
    notes: &str,
) -> (Talk, String) {
    let (name, company) = speaker;
    let talk = Talk {
        id: id.to_owned(),
        conference: conference.to_owned(),
        day: Some(day.to_owned()),
        title: Some(title.to_owned()),
        speakers: vec![TalkSpeaker {
            id: slug(name),
            name: name.to_owned(),
            company: Some(company.to_owned()),
        }],
        tracks: tracks.iter().map(|t| (*t).to_owned()).collect(),
        companies: vec![slug(company)],
        links: Vec::new(),
        summary: String::new(),
        notes: Vec::new(),
        notes_chunk: None,
    };
    (talk, notes.to_owned())
}

fn slug(text: &str) -> String {
    text.to_lowercase().replace(' ', "-")
}

/// Two conferences, five talks.
fn archive() -> Bundle {
    let talks = vec![
        talk(
            "zero-trust",
            "north",
            "north-1",
            "Zero trust in practice",
            ("Łukasz Nowak", "Acme"),
            &["security"],
            "Why perimeter security fails.",
        ),
        talk(
            "operators",
            "north",
            "north-1",
            "Writing Kubernetes operators",
            ("Ada Byrne", "Initech"),
            &["kubernetes"],
            "Reconcile loops and trust boundaries.",
        ),
        talk(
            "supply-chain",
            "north",
            "north-2",
            "Securing the supply chain",
            ("Ada Byrne", "Initech"),
            &["security", "kubernetes"],
            "Sign every image.",
        ),
        talk(
            "budgets",
            "south",
            "south-1",
            "Error budgets",
            ("Chidi Okafor", "Acme"),
            &["sre"],
            "Lukasz asked about budgets.",
        ),
        talk(
            "abc",
            "south",
            "south-1",
            "A/B testing at scale",
            ("Zoë Ávila", "Globex"),
            &["sre"],
            "Trust your metrics.",
        ),
    ];
    let index = build_index(
        talks
            .iter()
            .map(|(talk, notes)| {
                let mut fields = vec![(SearchField::Title, talk.title.clone().unwrap())];
                for speaker in &talk.speakers {
                    fields.push((SearchField::People, speaker.name.clone()));
                }
                fields.push((SearchField::Notes, notes.clone()));
                fields
            })
            .collect::<Vec<_>>()
            .iter()
            .map(|fields| fields.iter().map(|(f, t)| (*f, t.as_str()))),
    );
    let day = |id: &str, label: &str| Day {
        id: id.to_owned(),
        label: label.to_owned(),
        date: None,
    };
    let conference = |id: &str, days| Conference {
        id: id.to_owned(),
        name: format!("{id} conf"),
        year: None,
        sources: Vec::new(),
        days,
    };
    Bundle {
        schema_version: recap_bundle::SCHEMA_VERSION,
        conferences: vec![
            conference(
                "north",
                vec![day("north-1", "Day 1"), day("north-2", "Day 2")],
            ),
            conference("south", vec![day("south-1", "Day 1")]),
        ],
        tracks: ["kubernetes", "security", "sre"]
            .map(|id| Track {
                id: id.into(),
                label: format!("#{id}"),
                aliases: vec![],
            })
            .to_vec(),
        speakers: ["Ada Byrne", "Chidi Okafor", "Łukasz Nowak", "Zoë Ávila"]
            .map(|name| Speaker {
                id: slug(name),
                name: name.into(),
                companies: vec![],
            })
            .to_vec(),
        companies: ["Acme", "Globex", "Initech"]
            .map(|name| Company {
                id: slug(name),
                name: name.into(),
            })
            .to_vec(),
        talks: talks.into_iter().map(|(talk, _)| talk).collect(),
        search: index,
        files: None,
    }
}

fn ids(bundle: &Bundle, query: &str) -> Vec<String> {
    ids_with(bundle, query, &BTreeSet::new())
}

fn ids_with(bundle: &Bundle, query: &str, starred: &BTreeSet<String>) -> Vec<String> {
    let filters = Filters::from_query(query);
    let order = query
        .split('&')
        .find_map(|pair| pair.strip_prefix("sort="))
        .and_then(SortOrder::from_query_value);
    Selection::new(bundle, &filters, starred, order)
        .indices()
        .iter()
        .map(|&i| bundle.talks[i].id.clone())
        .collect()
}

#[test]
fn facets_are_ored_within_and_anded_across() {
    let bundle = archive();
    assert_eq!(
        ids(&bundle, "track=security"),
        ["zero-trust", "supply-chain"]
    );
    assert_eq!(
        ids(&bundle, "track=security&track=sre"),
        ["zero-trust", "supply-chain", "budgets", "abc"]
    );
    assert_eq!(
        ids(&bundle, "track=security&company=initech"),
        ["supply-chain"]
    );
    assert_eq!(ids(&bundle, "conference=south"), ["budgets", "abc"]);
    assert_eq!(ids(&bundle, "company=acme"), ["zero-trust", "budgets"]);
}

#[test]
fn search_is_accent_blind_prefix_and_ranks_titles_first() {
    let bundle = archive();
    // Łukasz presents one talk and is mentioned in the notes of another: the presenter first.
    assert_eq!(ids(&bundle, "q=lukasz"), ["zero-trust", "budgets"]);
    assert_eq!(ids(&bundle, "q=zoe"), ["abc"]);
    // "trust" is in a title, then in notes: title first, then conference order.
    assert_eq!(ids(&bundle, "q=trus"), ["zero-trust", "operators", "abc"]);
    // Search combines with facets.
    assert_eq!(ids(&bundle, "q=trust&conference=south"), ["abc"]);
}

#[test]
fn the_reader_can_sort_by_title_or_speaker() {
    let bundle = archive();
    assert_eq!(
        ids(&bundle, "sort=title"),
        ["abc", "budgets", "supply-chain", "operators", "zero-trust"]
    );
    assert_eq!(
        ids(&bundle, "sort=speaker"),
        ["operators", "supply-chain", "budgets", "zero-trust", "abc"]
    );
    // A chosen order wins over relevance while searching.
    assert_eq!(
        ids(&bundle, "q=trust&sort=title"),
        ["abc", "operators", "zero-trust"]
    );
}

#[test]
fn starred_only_shows_the_readers_stars() {
    let bundle = archive();
    let starred: BTreeSet<String> = ["budgets".to_owned(), "gone".to_owned()].into();
    assert_eq!(ids_with(&bundle, "starred=1", &starred), ["budgets"]);
    assert_eq!(ids_with(&bundle, "", &starred).len(), 5);
}

#[test]
fn counts_say_what_each_option_would_give() {
    let bundle = archive();
    let filters = Filters::from_query("track=security");
    let selection = Selection::new(&bundle, &filters, &BTreeSet::new(), None);
    let count = |facet, id: &str| {
        selection
            .facet_options(&BundleIndex::new(&bundle), &filters, facet)
            .into_iter()
            .find(|o| o.id == id)
            .unwrap()
            .count
    };
    // Other options of the same facet count as if added.
    assert_eq!(count(Facet::Track, "sre"), 2);
    // Other facets count within the current selection; zero options are still listed.
    assert_eq!(count(Facet::Company, "initech"), 1);
    assert_eq!(count(Facet::Company, "globex"), 0);
    // Search narrows the counts too.
    let searching = Filters::from_query("q=trust");
    let selection = Selection::new(&bundle, &searching, &BTreeSet::new(), None);
    let sre = selection
        .facet_options(&BundleIndex::new(&bundle), &searching, Facet::Track)
        .into_iter()
        .find(|o| o.id == "sre")
        .unwrap();
    assert_eq!(sre.count, 1);
}

#[test]
fn days_are_grouped_by_conference() {
    let bundle = archive();
    let filters = Filters::default();
    let selection = Selection::new(&bundle, &filters, &BTreeSet::new(), None);
    let days = selection.facet_options(&BundleIndex::new(&bundle), &filters, Facet::Day);
    let groups: Vec<_> = days.iter().map(|d| d.group.as_deref().unwrap()).collect();
    assert_eq!(groups, ["north conf", "north conf", "south conf"]);
}

#[test]
fn an_empty_result_suggests_the_filter_to_remove() {
    let bundle = archive();
    let filters = Filters::from_query("q=reconcile&conference=south&track=kubernetes");
    let selection = Selection::new(&bundle, &filters, &BTreeSet::new(), None);
    assert!(selection.is_empty());
    let relaxed = selection.relaxations(
        &bundle,
        &BundleIndex::new(&bundle),
        Some(&bundle.search),
        &filters,
        &BTreeSet::new(),
    );
    assert_eq!(
        relaxed[0],
        (
            ActiveFilter::Option {
                facet: Facet::Conference,
                id: "south".into()
            },
            1
        )
    );
}

#[test]
fn previous_and_next_follow_the_list() {
    let bundle = archive();
    let filters = Filters::from_query("track=security&track=sre");
    let selection = Selection::new(&bundle, &filters, &BTreeSet::new(), None);
    assert_eq!(selection.neighbours(2), (Some(0), Some(3)));
    assert_eq!(selection.neighbours(0), (None, Some(2)));
    assert_eq!(selection.neighbours(1), (None, None), "not in the list");
}

#[test]
fn unrelated_query_keys_survive_a_filter_change() {
    let filters = Filters::from_query("track=security&q=zero%20trust&starred=1");
    assert_eq!(
        filters.merge_into_query("embed=1&track=old&talk=x&sort=title"),
        "embed=1&talk=x&sort=title&q=zero+trust&track=security&starred=1"
    );
}

proptest! {
    #[test]
    fn filters_round_trip_through_the_url(
        tracks in prop::collection::btree_set("[a-z&#é -]{1,12}", 0..3),
        companies in prop::collection::btree_set("[a-z]{1,8}", 0..2),
        text in "[a-zł &?=]{0,12}",
        starred in any::<bool>(),
    ) {
        let mut filters = Filters::default();
        for id in &tracks { filters.toggle(Facet::Track, id); }
        for id in &companies { filters.toggle(Facet::Company, id); }
        filters.set_text(&text);
        filters.set_starred_only(starred);
        let back = Filters::from_query(&filters.to_query());
        prop_assert_eq!(back.active(), filters.active());
    }
}

#[test]
fn an_unknown_id_in_the_url_matches_nothing_but_keeps_the_other_counts() {
    let bundle = archive();
    let filters = Filters::from_query("track=no-such-track");
    let selection = Selection::new(&bundle, &filters, &BTreeSet::new(), None);
    assert!(selection.is_empty());
    // Each real track still says what choosing it would give.
    let index = BundleIndex::new(&bundle);
    let tracks = selection.facet_options(&index, &filters, Facet::Track);
    assert_eq!(tracks.iter().map(|o| o.count).sum::<usize>(), 6);
}

#[test]
fn search_words_wait_for_a_search_index_still_loading() {
    let bundle = archive();
    let index = BundleIndex::new(&bundle);
    let none = BTreeSet::new();
    let searching = Filters::from_query("q=reconcile");
    let waiting = Selection::with_index(&bundle, &index, None, &searching, &none, None);
    assert!(waiting.is_search_pending());
    assert!(
        waiting.is_empty(),
        "no talk may pass for a match before the index is there"
    );

    let arrived = Selection::with_index(
        &bundle,
        &index,
        Some(&bundle.search),
        &searching,
        &none,
        None,
    );
    assert!(!arrived.is_search_pending());
    assert!(!arrived.is_empty());

    let facets_only = Filters::from_query("conference=south");
    let browsing = Selection::with_index(&bundle, &index, None, &facets_only, &none, None);
    assert!(
        !browsing.is_search_pending(),
        "facets never wait for the search index"
    );
    assert_eq!(
        browsing.len(),
        Selection::new(&bundle, &facets_only, &none, None).len()
    );
}
