// Choosing one conference shows its overview: the recaps covering it, its days with talk counts
// (a day narrows the list) and a chart of talks per track and day.
import { test, expect } from '@playwright/test';
import { RecapViewer } from './support/viewer.js';
import { siteBundle, talksWhere } from './support/corpus.js';

const plural = (count, one, many) => `${count} ${count === 1 ? one : many}`;

/** The conference whose talks carry the most track labels (the chart needs tracks). */
function trackedConference(bundle) {
  const tracked = (conference) =>
    bundle.talks.filter((talk) => talk.conference === conference.id).reduce((sum, talk) => sum + talk.tracks.length, 0);
  const conference = [...bundle.conferences].sort((a, b) => tracked(b) - tracked(a))[0];
  if (tracked(conference) === 0) throw new Error('no talk of the site bundle has a track');
  return conference;
}

test('a card\'s conference link opens the overview with days, counts and a track chart', async ({ page }) => {
  const viewer = new RecapViewer(page);
  const bundle = siteBundle();
  const conference = trackedConference(bundle);
  const talks = talksWhere(bundle, { conference: [conference.id] });
  const tracks = bundle.tracks.filter((track) => talks.some((talk) => talk.tracks.includes(track.id)));

  await viewer.openLoaded();
  await viewer.card(talks[0].id).getByTestId('talk-conference').click();

  const overview = viewer.conferenceOverview;
  await expect(overview).toBeVisible();
  await expect(overview.getByRole('heading', { level: 2 })).toHaveText(conference.name);
  await expect(overview).toContainText(
    `${plural(talks.length, 'talk', 'talks')} over ${plural(conference.days.length, 'day', 'days')} · ${plural(conference.sources.length, 'recap', 'recaps')}`,
  );
  for (const source of conference.sources) {
    const recap = overview.getByRole('list', { name: 'Recaps' });
    await expect(recap).toContainText(source.title ?? source.file);
    if (source.author) await expect(recap).toContainText(source.author);
  }
  await expect(viewer.cards).toHaveCount(talks.length);
  await expect.poll(() => viewer.queryValues('conference')).toEqual([conference.id]);

  // Days, each with its number of talks.
  await expect(viewer.overviewDays).toHaveCount(conference.days.length);
  for (const [index, day] of conference.days.entries()) {
    const button = viewer.overviewDays.nth(index);
    await expect(button).toContainText(day.label);
    await expect(button).toContainText(plural(talksWhere(bundle, { day: [day.id] }).length, 'talk', 'talks'));
    await expect(button).toHaveAttribute('aria-pressed', 'false');
  }

  // The chart: an image named by its caption, one bar per track (top 10) described in text.
  const chart = viewer.chart.getByRole('img', { name: 'Talks per track and day' });
  await expect(chart).toBeVisible();
  const bars = viewer.chart.locator('svg[role="img"] > g');
  await expect(bars).toHaveCount(Math.min(tracks.length, 10));
  const description = await viewer.chart.locator('desc').textContent();
  for (const track of tracks.slice(0, 10)) {
    const count = talks.filter((talk) => talk.tracks.includes(track.id)).length;
    expect(description).toContain(`${track.label} ${count} (`);
  }
  const usedDays = conference.days.filter((day) => talks.some((talk) => talk.day === day.id && talk.tracks.length > 0));
  await expect(viewer.chart.locator('.chart-legend li')).toHaveText(usedDays.map(({ label }) => label));
  // Every bar segment has a size: the chart is drawn, not just labelled.
  const widths = await viewer.chart.locator('svg[role="img"] rect').evaluateAll((rects) => rects.map((rect) => rect.getBBox().width));
  expect(widths.length).toBeGreaterThanOrEqual(tracks.length ? Math.min(tracks.length, 10) : 0);
  expect(widths.every((width) => width > 0)).toBe(true);
});

test('a day of the overview narrows the list to that day, and pressing it again widens it', async ({ page }) => {
  const viewer = new RecapViewer(page);
  const bundle = siteBundle();
  const conference = trackedConference(bundle);
  const day = conference.days.at(-1);

  await viewer.openLoaded(`?conference=${encodeURIComponent(conference.id)}`);
  const button = viewer.overviewDays.filter({ hasText: day.label });
  await button.click();

  await expect(button).toHaveAttribute('aria-pressed', 'true');
  await expect(viewer.cards).toHaveCount(talksWhere(bundle, { conference: [conference.id], day: [day.id] }).length);
  await expect.poll(() => viewer.queryValues('day')).toEqual([day.id]);
  await expect(viewer.option('day', day.id)).toBeChecked();

  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'false');
  await expect(viewer.cards).toHaveCount(talksWhere(bundle, { conference: [conference.id] }).length);
});
