//! Browser tests of the viewer: each mounts the app into a fresh element with an in-memory (or
//! deliberately missing) bundle and checks what a reader sees.
//!
//! Run headless with
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown -p recap-viewer`.
#![cfg(target_arch = "wasm32")]

use recap_bundle::{
    Bundle, Company, Conference, Day, Link, LinkKind, RecapSource, SCHEMA_VERSION, SearchField,
    Speaker, Talk, TalkNotes, TalkSpeaker, Track,
};
use recap_viewer::{BundleSource, mount};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, js_sys};

wasm_bindgen_test_configure!(run_in_browser);

// ---------------------------------------------------------------------------------------------
// Fixture: a tiny invented conference.

fn talk(
    id: &str,
    day: &str,
    title: Option<&str>,
    speakers: &[(&str, &str)],
    tracks: &[&str],
) -> Talk {
    Talk {
        id: id.to_owned(),
        conference: "tidepool-2030".to_owned(),
        day: Some(day.to_owned()),
        title: title.map(str::to_owned),
        speakers: speakers
            .iter()
            .map(|(id, name)| TalkSpeaker {
                id: (*id).to_owned(),
                name: (*name).to_owned(),
                company: Some("Example Org".to_owned()),
            })
            .collect(),
        tracks: tracks.iter().map(|t| (*t).to_owned()).collect(),
        companies: vec!["example-org".to_owned()],
        links: vec![Link {
            kind: LinkKind::Slides,
            url: format!("https://example.org/{id}"),
            label: "Slides".to_owned(),
        }],
        summary: format!("Summary of {id}."),
        notes: vec![TalkNotes {
            recap: 0,
            line: 3,
            html: format!(
                "<p>Notes on {id}.</p><ul><li>first point</li><li>second point</li></ul>"
            ),
        }],
        notes_chunk: None,
    }
}

fn fixture() -> Bundle {
    let mut talks = vec![
        talk(
            "locks",
            "tidepool-2030-day-1",
            Some("Picking Locks Safely"),
            &[("uma", "Uma Reyes")],
            &["security"],
        ),
        talk(
            "pods",
            "tidepool-2030-day-1",
            Some("Pods in Practice"),
            &[("ole", "Ole Brandt")],
            &["containers"],
        ),
        talk(
            "signing",
            "tidepool-2030-day-2",
            Some("Signing Images"),
            &[("uma", "Uma Reyes"), ("ole", "Ole Brandt")],
            &["security", "containers"],
        ),
        talk(
            "keynote",
            "tidepool-2030-day-2",
            None,
            &[("kai", "Kai Moreau")],
            &[],
        ),
    ];
    let speaker = |id: &str, name: &str| Speaker {
        id: id.to_owned(),
        name: name.to_owned(),
        companies: vec!["Example Org".to_owned()],
    };
    let recap = |file: &str, author: &str| RecapSource {
        file: file.to_owned(),
        title: None,
        date: None,
        author: Some(author.to_owned()),
        url: None,
    };
    let mut bundle = Bundle {
        schema_version: SCHEMA_VERSION,
        conferences: vec![Conference {
            id: "tidepool-2030".to_owned(),
            name: "Tidepool 2030".to_owned(),
            year: Some(2030),
            sources: vec![
                recap("tidepool.md", "Rae Lind"),
                recap("tidepool-too.md", "Sol Park"),
            ],
            days: vec![
                Day {
                    id: "tidepool-2030-day-1".to_owned(),
                    label: "Day 1".to_owned(),
                    date: None,
                },
                Day {
                    id: "tidepool-2030-day-2".to_owned(),
                    label: "Day 2".to_owned(),
                    date: Some("2030-05-02".to_owned()),
                },
            ],
        }],
        talks: {
            // A second recap covered the signing talk too.
            talks[2].notes.push(TalkNotes {
                recap: 1,
                line: 9,
                html: "<p>Another view.</p>".to_owned(),
            });
            talks
        },
        tracks: vec![
            Track {
                id: "security".to_owned(),
                label: "#Security".to_owned(),
                aliases: Vec::new(),
            },
            Track {
                id: "containers".to_owned(),
                label: "#Docker & Kubernetes".to_owned(),
                aliases: vec!["K8s".to_owned()],
            },
        ],
        speakers: vec![
            speaker("kai", "Kai Moreau"),
            speaker("ole", "Ole Brandt"),
            speaker("uma", "Uma Reyes"),
        ],
        companies: vec![Company {
            id: "example-org".to_owned(),
            name: "Example Org".to_owned(),
        }],
        search: Default::default(),
        files: None,
    };
    index_for_search(&mut bundle);
    bundle
}

/// The fixture's conference with `count` talks, alternating between its days and tracks.
fn long_fixture(count: usize) -> Bundle {
    let mut bundle = fixture();
    bundle.talks = (0..count)
        .map(|n| {
            let (day, track) = if n % 2 == 0 {
                ("tidepool-2030-day-1", "security")
            } else {
                ("tidepool-2030-day-2", "containers")
            };
            let title = format!("Session {n:03}");
            talk(
                &format!("session-{n:03}"),
                day,
                Some(&title),
                &[("uma", "Uma Reyes")],
                &[track],
            )
        })
        .collect();
    index_for_search(&mut bundle);
    bundle
}

/// Builds the bundle's search index from its talks' titles, speakers and summaries.
fn index_for_search(bundle: &mut Bundle) {
    bundle.search = recap_query::build_index(bundle.talks.iter().map(|talk| {
        let mut fields = Vec::new();
        if let Some(title) = &talk.title {
            fields.push((SearchField::Title, title.as_str()));
        }
        for speaker in &talk.speakers {
            fields.push((SearchField::People, speaker.name.as_str()));
        }
        fields.push((SearchField::Notes, talk.summary.as_str()));
        fields
    }));
}

// ---------------------------------------------------------------------------------------------
// Helpers.

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh element in `<body>` to mount into; also resets the page URL's query.
fn fresh_container() -> HtmlElement {
    let window = web_sys::window().unwrap();
    let path = window.location().pathname().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path))
        .unwrap();
    let element: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&element).unwrap();
    element
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|node| node.unchecked_into())
        .collect()
}

fn one(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
}

fn testid(id: &str) -> String {
    format!("[data-testid=\"{id}\"]")
}

fn card_ids(root: &Element) -> Vec<String> {
    all(root, &testid("talk-card"))
        .iter()
        .map(|card| card.get_attribute("data-id").unwrap())
        .collect()
}

fn text(root: &Element, selector: &str) -> String {
    one(root, selector)
        .text_content()
        .unwrap_or_default()
        .trim()
        .to_owned()
}

fn option_checkbox(root: &Element, facet: &str, id: &str) -> HtmlInputElement {
    one(
        root,
        &format!(
            "{} [data-testid=\"facet-option\"][data-id=\"{id}\"] input",
            testid(&format!("facet-{facet}"))
        ),
    )
    .unchecked_into()
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Waits (up to 3 s) until `condition` holds; reactive updates and fetches are asynchronous.
async fn wait_until(what: &str, condition: impl Fn() -> bool) {
    for _ in 0..300 {
        if condition() {
            return;
        }
        sleep(10).await;
    }
    panic!("timed out waiting until {what}");
}

/// Waits until the viewer shows `cards` cards and its filter panel, which is built a frame after
/// the first cards.
async fn wait_for_viewer(root: &Element, cards: usize) {
    wait_until("the cards and the filters render", || {
        card_ids(root).len() == cards
            && root
                .query_selector(&testid("facet-track"))
                .unwrap()
                .is_some()
    })
    .await;
}

/// Resolves in the next animation frame's callbacks: after the current task and its
/// microtasks, before the browser paints that frame and before callbacks requested later.
async fn next_animation_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .request_animation_frame(&resolve)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// How many of `root`'s cards start inside the window.
fn cards_in_window(root: &Element) -> usize {
    let height = web_sys::window()
        .unwrap()
        .inner_height()
        .unwrap()
        .as_f64()
        .unwrap();
    all(root, &testid("talk-card"))
        .iter()
        .filter(|card| card.get_bounding_client_rect().top() < height)
        .count()
}

fn search() -> String {
    web_sys::window().unwrap().location().search().unwrap()
}

/// Waits until the page URL's query is `expected`: the app writes it once the change is painted.
async fn wait_for_url(expected: &str) {
    wait_until(&format!("the URL query is {expected}"), || {
        search() == expected
    })
    .await;
}

// ---------------------------------------------------------------------------------------------
// Tests.

#[wasm_bindgen_test]
async fn renders_one_card_per_talk() {
    let root = fresh_container();
    let _viewer = mount(root.clone(), BundleSource::Loaded(fixture()));
    wait_for_viewer(&root, 4).await;

    assert_eq!(card_ids(&root), ["locks", "pods", "signing", "keynote"]);
    assert_eq!(text(&root, &testid("result-count")), "4 talks");
    assert_eq!(
        one(&root, &testid("result-count"))
            .get_attribute("aria-live")
            .as_deref(),
        Some("polite")
    );
    assert_eq!(document().query_selector_all("h1").unwrap().length(), 1);

    let signing = one(&root, "[data-testid=\"talk-card\"][data-id=\"signing\"]");
    assert_eq!(text(&signing, &testid("talk-title")), "Signing Images");
    let tracks: Vec<String> = all(&signing, &testid("talk-track"))
        .iter()
        .map(|e| e.text_content().unwrap())
        .collect();
    assert_eq!(tracks, ["#Security", "#Docker & Kubernetes"]);
    let speakers = text(&signing, &testid("talk-speakers"));
    assert!(
        speakers.contains("Uma Reyes")
            && speakers.contains("Ole Brandt")
            && speakers.contains("Example Org")
    );
    assert_eq!(text(&signing, &testid("talk-day")), "Day 2");
    assert_eq!(text(&signing, &testid("talk-conference")), "Tidepool 2030");
    assert_eq!(
        text(&signing, &testid("talk-summary")),
        "Summary of signing."
    );
    assert_eq!(
        one(&signing, "a.talk-link")
            .get_attribute("href")
            .as_deref(),
        Some("https://example.org/signing")
    );

    // The notes are in the talk's own view, behind a link on the card.
    assert!(
        signing
            .query_selector(".talk-notes-body")
            .unwrap()
            .is_none()
    );
    assert_eq!(
        one(&signing, &testid("talk-open"))
            .get_attribute("href")
            .as_deref(),
        Some("?talk=signing")
    );

    // A talk without a title is called by its speakers.
    let keynote = one(&root, "[data-testid=\"talk-card\"][data-id=\"keynote\"]");
    assert_eq!(text(&keynote, &testid("talk-title")), "Kai Moreau");
}

#[wasm_bindgen_test]
async fn facet_options_show_live_counts() {
    let root = fresh_container();
    let _viewer = mount(root.clone(), BundleSource::Loaded(fixture()));
    wait_for_viewer(&root, 4).await;

    let label = |facet: &str, id: &str| {
        let selector = format!(
            "{} [data-testid=\"facet-option\"][data-id=\"{id}\"]",
            testid(&format!("facet-{facet}"))
        );
        one(&root, &selector)
            .text_content()
            .unwrap()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert_eq!(label("track", "security"), "#Security 2");
    assert_eq!(label("speaker", "uma"), "Uma Reyes 2");
    assert_eq!(one(&root, &testid("facet-day")).tag_name(), "FIELDSET");
    assert_eq!(
        text(&root, &format!("{} legend", testid("facet-day"))),
        "Day"
    );

    // Selecting a day updates the other facets' counts; zero-count options stay, dimmed.
    option_checkbox(&root, "day", "tidepool-2030-day-1").click();
    wait_until("counts update", || {
        label("track", "containers") == "#Docker & Kubernetes 1"
    })
    .await;
    assert_eq!(label("speaker", "kai"), "Kai Moreau 0");
    let kai = one(&root, "[data-testid=\"facet-option\"][data-id=\"kai\"]");
    assert!(kai.class_list().contains("is-empty"));
}

#[wasm_bindgen_test]
async fn toggling_filters_narrows_the_cards_and_updates_the_url() {
    let root = fresh_container();
    web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("?embed=1"))
        .unwrap();
    let _viewer = mount(root.clone(), BundleSource::Loaded(fixture()));
    wait_for_viewer(&root, 4).await;
    let clear: HtmlElement = one(&root, &testid("clear-filters")).unchecked_into();
    assert!(clear.has_attribute("disabled"));

    option_checkbox(&root, "track", "security").click();
    wait_until("security talks only", || {
        card_ids(&root) == ["locks", "signing"]
    })
    .await;
    assert_eq!(text(&root, &testid("result-count")), "2 of 4 talks");
    wait_for_url("?embed=1&track=security").await;

    // OR within a facet.
    option_checkbox(&root, "track", "containers").click();
    wait_until("both tracks", || {
        card_ids(&root) == ["locks", "pods", "signing"]
    })
    .await;

    // AND across facets.
    option_checkbox(&root, "speaker", "ole").click();
    wait_until("Ole's talks in those tracks", || {
        card_ids(&root) == ["pods", "signing"]
    })
    .await;
    wait_for_url("?embed=1&track=containers&track=security&speaker=ole").await;

    // Back restores the previous selection, checkboxes included.
    web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .back()
        .unwrap();
    wait_until("back to both tracks", || {
        card_ids(&root) == ["locks", "pods", "signing"]
    })
    .await;
    assert!(!option_checkbox(&root, "speaker", "ole").checked());
    assert!(option_checkbox(&root, "track", "containers").checked());

    clear.click();
    wait_until("all talks again", || card_ids(&root).len() == 4).await;
    assert_eq!(text(&root, &testid("result-count")), "4 talks");
    wait_for_url("?embed=1").await;
    assert!(!option_checkbox(&root, "track", "security").checked());
}

#[wasm_bindgen_test]
async fn filters_are_read_from_the_url() {
    let root = fresh_container();
    web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some("?day=tidepool-2030-day-2"),
        )
        .unwrap();
    let _viewer = mount(root.clone(), BundleSource::Loaded(fixture()));
    wait_until("day 2 talks", || card_ids(&root) == ["signing", "keynote"]).await;
    wait_for_viewer(&root, 2).await;
    assert!(option_checkbox(&root, "day", "tidepool-2030-day-2").checked());
    assert_eq!(text(&root, &testid("result-count")), "2 of 4 talks");
}

#[wasm_bindgen_test]
async fn invalid_json_shows_the_error_state() {
    let root = fresh_container();
    let _viewer = mount(
        root.clone(),
        BundleSource::Json("{\"schema_version\": 1, \"talks\": [".to_owned()),
    );
    wait_until("error shows", || {
        root.query_selector(&testid("error")).unwrap().is_some()
    })
    .await;
    let error = one(&root, &testid("error"));
    assert_eq!(error.get_attribute("role").as_deref(), Some("alert"));
    assert!(error.text_content().unwrap().contains("not valid"));
    assert!(card_ids(&root).is_empty());
}

#[wasm_bindgen_test]
async fn other_schema_versions_show_the_error_state() {
    let root = fresh_container();
    let mut bundle = fixture();
    bundle.schema_version = SCHEMA_VERSION + 1;
    let _viewer = mount(root.clone(), BundleSource::Loaded(bundle));
    wait_until("error shows", || {
        root.query_selector(&testid("error")).unwrap().is_some()
    })
    .await;
    assert!(text(&root, &testid("error")).contains("schema_version"));
}

#[wasm_bindgen_test]
async fn a_missing_bundle_shows_loading_then_the_error_state() {
    let root = fresh_container();
    let _viewer = mount(
        root.clone(),
        BundleSource::Url("no-such-bundle-here.json".to_owned()),
    );
    assert!(root.query_selector(&testid("loading")).unwrap().is_some());
    wait_until("error shows", || {
        root.query_selector(&testid("error")).unwrap().is_some()
    })
    .await;
    assert!(root.query_selector(&testid("loading")).unwrap().is_none());
    assert!(text(&root, &testid("error")).contains("no-such-bundle-here.json"));
}

#[wasm_bindgen_test]
async fn json_bundles_render_like_loaded_ones() {
    let root = fresh_container();
    let json = serde_json::to_string(&fixture()).unwrap();
    let _viewer = mount(root.clone(), BundleSource::Json(json));
    wait_for_viewer(&root, 4).await;
}

#[wasm_bindgen_test]
async fn the_talk_view_shows_every_recaps_notes() {
    let root = fresh_container();
    let _viewer = mount(root.clone(), BundleSource::Loaded(fixture()));
    wait_for_viewer(&root, 4).await;
    let open: HtmlElement =
        one(&root, "[data-id=\"signing\"] [data-testid=\"talk-open\"]").unchecked_into();
    open.click();
    wait_until("talk view opens", || {
        root.query_selector(&testid("talk-view")).unwrap().is_some()
    })
    .await;
    wait_for_url("?talk=signing").await;
    let view = one(&root, &testid("talk-view"));
    // The notes are real HTML; two recaps covered this talk, each with its author.
    assert_eq!(all(&view, ".talk-notes-body ul > li").len(), 2);
    let sources: Vec<String> = all(&view, ".recap-source")
        .iter()
        .map(|e| e.text_content().unwrap())
        .collect();
    assert_eq!(sources.len(), 2);
    assert!(
        sources[0].contains("Rae Lind") && sources[1].contains("Sol Park"),
        "{sources:?}"
    );
    // Previous and next follow the list.
    assert!(text(&view, &testid("talk-prev")).contains("Pods in Practice"));
    assert!(text(&view, &testid("talk-next")).contains("Kai Moreau"));
}

#[wasm_bindgen_test]
async fn search_folds_accents_like_the_compiler() {
    // The wasm build folds with the browser's NFD; it must agree with the native one.
    assert_eq!(
        recap_query::text::fold("Łukasz Ångström Zoë Straße"),
        "lukasz angstrom zoe strasse"
    );
    let root = fresh_container();
    let _viewer = mount(root.clone(), BundleSource::Loaded(fixture()));
    wait_for_viewer(&root, 4).await;
    let input: HtmlInputElement = one(&root, &testid("search")).unchecked_into();
    input.set_value("REYES");
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    wait_until("Uma's talks", || card_ids(&root) == ["locks", "signing"]).await;
    wait_for_url("?q=REYES").await;
    let marks: Vec<String> = all(&root, "mark")
        .iter()
        .map(|m| m.text_content().unwrap())
        .collect();
    assert!(
        marks.iter().all(|mark| mark == "Reyes") && !marks.is_empty(),
        "{marks:?}"
    );
}

#[wasm_bindgen_test]
async fn a_long_list_shows_a_page_of_cards_and_more_on_request() {
    let root = fresh_container();
    let _viewer = mount(root.clone(), BundleSource::Loaded(long_fixture(110)));
    wait_for_viewer(&root, 48).await;
    assert_eq!(text(&root, &testid("result-count")), "110 talks");
    assert_eq!(text(&root, &testid("show-more")), "Show 48 more of 62 left");

    one(&root, &testid("show-more"))
        .unchecked_into::<HtmlElement>()
        .click();
    wait_until("the second page", || card_ids(&root).len() == 96).await;
    assert_eq!(text(&root, &testid("show-more")), "Show 14 more of 14 left");
    one(&root, &testid("show-more"))
        .unchecked_into::<HtmlElement>()
        .click();
    wait_until("every talk", || card_ids(&root).len() == 110).await;
    assert!(root.query_selector(&testid("show-more")).unwrap().is_none());
    assert_eq!(card_ids(&root)[109], "session-109");
}

#[wasm_bindgen_test]
async fn a_filter_fills_the_window_in_its_first_frame_and_the_page_after() {
    let root = fresh_container();
    let _viewer = mount(root.clone(), BundleSource::Loaded(long_fixture(110)));
    wait_for_viewer(&root, 48).await;
    let show_list = || one(&root, ".talk-list").scroll_into_view();
    // The reader scrolls to the list and filters; the list measures the window as it grows.
    show_list();
    option_checkbox(&root, "track", "security").click();
    wait_until("the page of security talks", || {
        card_ids(&root).len() == 48 && card_ids(&root)[1] == "session-002"
    })
    .await;

    // Dropping the filter: the first frame after the click has the cards built in its task.
    show_list();
    option_checkbox(&root, "track", "security").click();
    next_animation_frame().await;
    let first_frame = card_ids(&root);
    wait_until("the page of all talks", || {
        card_ids(&root).len() == 48 && card_ids(&root)[1] == "session-001"
    })
    .await;
    show_list();
    let visible = cards_in_window(&root);

    assert!(visible >= 1, "the window shows {visible} cards");
    assert!(
        first_frame.len() >= visible,
        "every card the window shows is there in the first frame: {} of {visible}",
        first_frame.len()
    );
    assert!(
        first_frame.len() < 48,
        "the click's task builds what the window shows, not the page: {}",
        first_frame.len()
    );
    assert_eq!(first_frame, card_ids(&root)[..first_frame.len()]);
}
