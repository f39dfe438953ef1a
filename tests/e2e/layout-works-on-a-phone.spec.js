// On a phone the viewer fits the screen: no sideways scrolling, cards in one column, the filters
// folded behind a "Filters" button that says how many are active, and a readable talk view.
import { test, expect } from '@playwright/test';
import { RecapViewer } from './support/viewer.js';
import { siteBundle, talksWhere } from './support/corpus.js';

test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });

test('the list fits the screen in one column, with the filters folded away', async ({ page }) => {
  const viewer = new RecapViewer(page);
  const bundle = siteBundle();

  await viewer.openLoaded();
  expect(await viewer.overflowsHorizontally()).toBe(false);
  // One column: every card starts at the same x and spans (almost) the width.
  const boxes = await viewer.cards.evaluateAll((cards) => cards.slice(0, 4).map((card) => card.getBoundingClientRect().toJSON()));
  expect(new Set(boxes.map(({ x }) => Math.round(x))).size).toBe(1);
  for (const { width } of boxes) expect(width).toBeGreaterThan(375 * 0.85);
  // The search box is there, its keyboard hint is not.
  await expect(viewer.search).toBeVisible();
  await expect(page.locator('.search-hint')).toBeHidden();

  // Filters: folded until asked for.
  await expect(viewer.filtersToggle).toBeVisible();
  await expect(viewer.filtersToggle).toHaveAttribute('aria-expanded', 'false');
  await expect(viewer.facet('track')).toBeHidden();
  await viewer.filtersToggle.tap();
  await expect(viewer.filtersToggle).toHaveAttribute('aria-expanded', 'true');
  await expect(viewer.facet('track')).toBeVisible();
  const track = bundle.tracks[0];
  await viewer.choose('track', track.id);
  await expect(viewer.cards).toHaveCount(talksWhere(bundle, { track: [track.id] }).length);
  await viewer.filtersToggle.tap();
  await expect(viewer.facet('track')).toBeHidden();
  await expect(viewer.filtersToggle).toContainText('1 active');
  expect(await viewer.overflowsHorizontally()).toBe(false);
});

test('the talk view fits the screen, with Previous and Next stacked', async ({ page }) => {
  const viewer = new RecapViewer(page);
  const bundle = siteBundle();
  // The talk with the longest notes (long links and code are what overflow first).
  const talk = [...bundle.talks].sort((a, b) => b.notes.reduce((n, x) => n + x.html.length, 0) - a.notes.reduce((n, x) => n + x.html.length, 0))[1];

  await viewer.openTalkPermalink(talk.id);
  await expect(viewer.notes).toBeVisible();
  expect(await viewer.overflowsHorizontally()).toBe(false);
  const view = await viewer.talkView.boundingBox();
  expect(view.x).toBeGreaterThanOrEqual(0);
  expect(view.x + view.width).toBeLessThanOrEqual(375);
  const [previous, next] = [await viewer.previousTalk.boundingBox(), await viewer.nextTalk.boundingBox()];
  expect(next.y).toBeGreaterThan(previous.y + previous.height - 1);
});

test('the conference overview and its chart fit the screen', async ({ page }) => {
  const viewer = new RecapViewer(page);
  const bundle = siteBundle();

  for (const conference of bundle.conferences) {
    await viewer.openLoaded(`?conference=${encodeURIComponent(conference.id)}`);
    await expect(viewer.conferenceOverview).toBeVisible();
    expect(await viewer.overflowsHorizontally()).toBe(false);
  }
});
