// The reader can list talks in conference order (the default), by title or by speaker; the
// order is in the URL.
import { test, expect } from '@playwright/test';
import { RecapViewer } from './support/viewer.js';
import { displayTitle, fold, siteBundle } from './support/corpus.js';

/** Case- and accent-insensitive sort key, leading punctuation ignored (crates/query sort.rs). */
const key = (text) => fold(text.replace(/^[^\p{L}\p{N}]+/u, ''));
const byKey = (a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.index - b.index);

function byTitle(bundle) {
  return bundle.talks.map((talk, index) => ({ id: talk.id, index, key: key(displayTitle(talk)) })).sort(byKey).map(({ id }) => id);
}

function bySpeaker(bundle) {
  const withSpeaker = bundle.talks.map((talk, index) => ({ talk, index })).filter(({ talk }) => talk.speakers.length > 0);
  const without = bundle.talks.filter((talk) => talk.speakers.length === 0);
  return [
    ...withSpeaker.map(({ talk, index }) => ({ id: talk.id, index, key: key(talk.speakers[0].name) })).sort(byKey).map(({ id }) => id),
    ...without.map(({ id }) => id),
  ];
}

test('sorting by title, then by speaker, then back to conference order', async ({ page }) => {
  const viewer = new RecapViewer(page);
  const bundle = siteBundle();
  const conferenceOrder = bundle.talks.map(({ id }) => id);
  expect(byTitle(bundle)).not.toEqual(conferenceOrder);
  expect(bySpeaker(bundle)).not.toEqual(byTitle(bundle));

  await viewer.openLoaded();
  await expect(viewer.sort).toHaveValue('conference');
  await expect.poll(() => viewer.cardIds()).toEqual(conferenceOrder);

  await viewer.sort.selectOption({ label: 'Title' });
  await expect.poll(() => viewer.cardIds()).toEqual(byTitle(bundle));
  await expect.poll(() => viewer.queryValues('sort')).toEqual(['title']);

  await viewer.sort.selectOption({ label: 'Speaker' });
  await expect.poll(() => viewer.cardIds()).toEqual(bySpeaker(bundle));
  await expect.poll(() => viewer.queryValues('sort')).toEqual(['speaker']);

  // The order is part of the link: a reload keeps it.
  await page.reload();
  await expect(viewer.sort).toHaveValue('speaker');
  await expect.poll(() => viewer.cardIds()).toEqual(bySpeaker(bundle));

  await viewer.sort.selectOption({ label: 'Conference order' });
  await expect.poll(() => viewer.cardIds()).toEqual(conferenceOrder);
  await expect.poll(() => viewer.queryValues('sort')).toEqual([]);
});

test('sorting applies within the filtered list', async ({ page }) => {
  const viewer = new RecapViewer(page);
  const bundle = siteBundle();
  const conference = bundle.conferences.at(-1);
  const ids = new Set(bundle.talks.filter((talk) => talk.conference === conference.id).map(({ id }) => id));

  await viewer.openLoaded(`?conference=${encodeURIComponent(conference.id)}&sort=title`);

  await expect(viewer.sort).toHaveValue('title');
  await expect.poll(() => viewer.cardIds()).toEqual(byTitle(bundle).filter((id) => ids.has(id)));
});
