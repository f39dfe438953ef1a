//! Headers above the list when the filters single out one thing: the **speaker view** (one
//! speaker: their companies and talks across conferences) and the **conference overview** (one
//! conference: its recaps, days with talk counts and a chart of talks per track and day).

use std::collections::BTreeSet;

use leptos::prelude::*;
use recap_bundle::{Bundle, Conference};
use recap_query::{Facet, Filters};

use crate::app::Viewer;
use crate::card_html::is_web_url;
use crate::filters::unique_id;
use crate::markup::escape;

/// Tracks shown in the conference chart (the most common ones).
const CHART_TRACKS: usize = 10;

/// The header matching the current filters, if any.
#[component]
pub fn Overview() -> impl IntoView {
    let viewer = expect_context::<Viewer>();
    let filters = viewer.state.filters();
    let single = move |facet: Facet| {
        filters.with(|filters: &Filters| {
            let selected = filters.selected(facet);
            (selected.len() == 1)
                .then(|| selected.iter().next().cloned())
                .flatten()
        })
    };
    move || {
        if let Some(id) = single(Facet::Speaker) {
            Some(view! { <SpeakerHeader id /> }.into_any())
        } else {
            single(Facet::Conference).map(|id| view! { <ConferenceOverview id /> }.into_any())
        }
    }
}

/// The speaker view's header.
#[component]
fn SpeakerHeader(id: String) -> impl IntoView {
    let bundle = expect_context::<Viewer>().bundle;
    let speaker = bundle.speaker(&id)?.clone();
    let talks: Vec<_> = bundle.talks_by(&id).collect();
    let conferences: BTreeSet<&str> = talks.iter().map(|talk| talk.conference.as_str()).collect();
    let conference_names: Vec<String> = bundle
        .conferences
        .iter()
        .filter(|c| conferences.contains(c.id.as_str()))
        .map(|c| c.name.clone())
        .collect();
    let recaps: BTreeSet<(&str, u32)> = talks
        .iter()
        .flat_map(|talk| {
            let conference = talk.conference.as_str();
            talk.notes
                .iter()
                .map(move |notes| (conference, notes.recap))
        })
        .collect();
    let summary = format!(
        "{} at {} · covered in {}",
        count(talks.len(), "talk", "talks"),
        count(conferences.len(), "conference", "conferences"),
        count(recaps.len(), "recap", "recaps"),
    );
    let companies = (!speaker.companies.is_empty()).then(|| {
        view! { <p class="overview-companies" data-testid="speaker-companies">{speaker.companies.join(" · ")}</p> }
    });
    let initials: String = speaker
        .name
        .split_whitespace()
        .filter_map(|word| word.chars().next())
        .take(2)
        .collect();
    Some(view! {
        <section class="overview speaker-view" data-testid="speaker-view" aria-label="Speaker">
            <div class="avatar" aria-hidden="true">{initials}</div>
            <div>
                <h2 class="overview-title">{speaker.name.clone()}</h2>
                {companies}
                <p class="overview-summary">{summary}</p>
                <p class="overview-conferences">{conference_names.join(" · ")}</p>
            </div>
        </section>
    })
}

/// The conference overview.
#[component]
fn ConferenceOverview(id: String) -> impl IntoView {
    let viewer = expect_context::<Viewer>();
    let bundle = viewer.bundle.clone();
    let state = viewer.state;
    let conference = bundle.conference(&id)?.clone();
    let talk_count = bundle
        .talks
        .iter()
        .filter(|talk| talk.conference == id)
        .count();
    let days = conference
        .days
        .iter()
        .map(|day| {
            let talks = bundle.talks.iter().filter(|talk| talk.day.as_deref() == Some(day.id.as_str())).count();
            let day_id = day.id.clone();
            let selected = {
                let day_id = day_id.clone();
                move || state.is_selected(Facet::Day, &day_id)
            };
            view! {
                <li>
                    <button
                        type="button"
                        class="day-button"
                        data-testid="overview-day"
                        aria-pressed=move || selected().to_string()
                        on:click=move |_| state.toggle(Facet::Day, &day_id)
                    >
                        <span class="day-button-label">{day.label.clone()}</span>
                        {day.date.clone().map(|date| view! { <time class="day-button-date" datetime=date.clone()>{date.clone()}</time> })}
                        <span class="day-button-count">{count(talks, "talk", "talks")}</span>
                    </button>
                </li>
            }
        })
        .collect_view();
    let recaps = conference
        .sources
        .iter()
        .map(|source| {
            let title = source.title.clone().unwrap_or_else(|| source.file.clone());
            let title = match source.url.clone().filter(|url| is_web_url(url)) {
                Some(url) => view! { <a href=url rel="noopener noreferrer">{title}</a> }.into_any(),
                None => view! { <cite>{title}</cite> }.into_any(),
            };
            let author = source
                .author
                .clone()
                .map(|author| view! { " by " {author} });
            view! { <li>{title} {author}</li> }
        })
        .collect_view();
    let summary = format!(
        "{} over {} · {}",
        count(talk_count, "talk", "talks"),
        count(conference.days.len(), "day", "days"),
        count(conference.sources.len(), "recap", "recaps"),
    );
    Some(view! {
        <section class="overview conference-overview" data-testid="conference-overview" aria-label="Conference overview">
            <div class="overview-main">
                <h2 class="overview-title">{conference.name.clone()}</h2>
                <p class="overview-summary">{summary}</p>
                <ul class="overview-recaps" aria-label="Recaps">{recaps}</ul>
                {(!conference.days.is_empty()).then(|| view! { <ul class="overview-days" aria-label="Days">{days}</ul> })}
            </div>
            <TrackDayChart bundle=bundle.clone() conference />
        </section>
    })
}

/// A stacked bar chart: talks per track (bars), split by day (segments).
#[component]
fn TrackDayChart(bundle: std::sync::Arc<Bundle>, conference: Conference) -> impl IntoView {
    // (track id, talks per day position (the last: no day), total): plain vectors, as
    // BTreeMaps of new key types each cost their own copy of the tree code in the wasm.
    let slots = conference.days.len() + 1;
    let mut rows: Vec<(&str, Vec<usize>, usize)> = Vec::new();
    let day_position = |id: Option<&str>| {
        id.and_then(|id| conference.days.iter().position(|day| day.id == id))
            .unwrap_or(conference.days.len())
    };
    for talk in bundle
        .talks
        .iter()
        .filter(|talk| talk.conference == conference.id)
    {
        let day = day_position(talk.day.as_deref());
        for track in &talk.tracks {
            let row = match rows.iter().position(|row| row.0 == track.as_str()) {
                Some(row) => row,
                None => {
                    rows.push((track.as_str(), vec![0; slots], 0));
                    rows.len() - 1
                }
            };
            rows[row].1[day] += 1;
            rows[row].2 += 1;
        }
    }
    if rows.is_empty() {
        return None;
    }
    // Most talks first, ties by track id.
    rows.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.0.cmp(b.0)));
    rows.truncate(CHART_TRACKS);
    let max = rows.iter().map(|row| row.2).max().unwrap_or(1).max(1);
    let mut day_labels: Vec<String> = conference
        .days
        .iter()
        .map(|day| day.label.clone())
        .collect();
    day_labels.push("No day".to_owned());

    const WIDTH: f64 = 520.0;
    const LABEL: f64 = 170.0;
    const ROW: f64 = 24.0;
    const BAR: f64 = 16.0;
    let scale = (WIDTH - LABEL - 36.0) / max as f64;
    let height = rows.len() as f64 * ROW + 4.0;
    let label = |track: &str| {
        bundle
            .track(track)
            .map_or_else(|| track.to_owned(), |t| t.label.clone())
    };
    let described: Vec<String> = rows
        .iter()
        .map(|(track, days, total)| {
            let parts: Vec<String> = days
                .iter()
                .enumerate()
                .filter(|(_, n)| **n > 0)
                .map(|(day, n)| format!("{} {n}", day_labels[day]))
                .collect();
            format!("{} {total} ({})", label(track), parts.join(", "))
        })
        .collect();
    let title_id = unique_id("chart-title");
    let desc_id = unique_id("chart-desc");
    // Static markup, built as one string: a `view!` per SVG element costs far more wasm.
    let mut html = format!(
        r#"<figcaption id="{title_id}">Talks per track and day</figcaption><svg viewBox="0 0 {} {}" role="img" aria-labelledby="{title_id}" aria-describedby="{desc_id}"><desc id="{desc_id}">{}</desc>"#,
        num(WIDTH),
        num(height),
        escape(&described.join("; ")),
    );
    for (row, (track, days, total)) in rows.iter().enumerate() {
        let y = row as f64 * ROW + 2.0;
        let mut x = LABEL;
        let mut text = label(track);
        if text.chars().count() > 20 {
            text = text.chars().take(19).collect::<String>() + "…";
        }
        html.push_str(&format!(
            r#"<g><text class="chart-label" x="{}" y="{}" text-anchor="end">{}</text>"#,
            num(LABEL - 8.0),
            num(y + ROW / 2.0 + 4.0),
            escape(&text)
        ));
        for (day, n) in days.iter().enumerate().filter(|(_, n)| **n > 0) {
            let width = *n as f64 * scale;
            html.push_str(&format!(
                r#"<rect class="chart-day chart-day-{}" x="{}" y="{}" width="{}" height="{}" rx="2"></rect>"#,
                day % 6,
                num(x),
                num(y + (ROW - BAR) / 2.0),
                num(width),
                num(BAR)
            ));
            x += width;
        }
        html.push_str(&format!(
            r#"<text class="chart-count" x="{}" y="{}">{total}</text></g>"#,
            num(x + 6.0),
            num(y + ROW / 2.0 + 4.0)
        ));
    }
    html.push_str(r#"</svg><ul class="chart-legend">"#);
    let used_days = (0..slots).filter(|&day| rows.iter().any(|row| row.1[day] > 0));
    for day in used_days {
        html.push_str(&format!(
            r#"<li><svg class="legend-swatch" viewBox="0 0 10 10" aria-hidden="true"><rect class="chart-day chart-day-{}" width="10" height="10" rx="2"></rect></svg>{}</li>"#,
            day % 6,
            escape(&day_labels[day])
        ));
    }
    html.push_str("</ul>");
    Some(view! { <figure class="chart" data-testid="track-day-chart" inner_html=html></figure> })
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Formats a number as JavaScript does (`String(n)`): keeps Rust's float formatting out of the wasm.
fn num(value: f64) -> String {
    js_sys::Number::from(value)
        .to_string_with_radix(10)
        .map(String::from)
        .unwrap_or_default()
}
