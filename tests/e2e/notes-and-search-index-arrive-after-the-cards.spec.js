// The cards come first: bundle.json holds only what cards show, the search index follows right
// after them and a talk's notes arrive when it is opened (content-hashed files next to
// bundle.json, see crates/compiler/src/layout.rs). A reader never waits for what they don't use,
// and never loses anything when a part arrives late or not at all.
import { test, expect } from '@playwright/test';
import { RecapViewer } from './support/viewer.js';
import { siteBundle } from './support/corpus.js';

const NOTES = '**/bundle/notes-*.json';
const SEARCH = '**/bundle/search-*.json';

test('the first cards load without any notes, which arrive when a talk is opened', async ({ page }) => {
  const viewer = new RecapViewer(page);
  const talk = siteBundle().talks.find((candidate) => candidate.notes.some(({ html }) => html.length > 200));
  const notesRequests = [];
  page.on('request', (request) => {
    if (/\/bundle\/notes-[0-9a-f]+\.json$/.test(request.url())) notesRequests.push(request.url());
  });

  await viewer.openLoaded();
  await expect(viewer.cards.first()).toBeVisible();
  expect(notesRequests, 'showing cards fetches no notes').toEqual([]);

  await viewer.card(talk.id).getByTestId('talk-open').click();
  await expect(viewer.recapNotes.first().locator('.talk-notes-body')).not.toBeEmpty();
  expect(notesRequests).toHaveLength(1);
});

test('notes that fail to arrive say so and can be fetched again', async ({ page }) => {
  const viewer = new RecapViewer(page);
  const talk = siteBundle().talks.find((candidate) => candidate.notes.some(({ html }) => html.length > 200));
  await page.route(NOTES, (route) => route.abort('internetdisconnected'));

  await viewer.openTalkPermalink(talk.id);
  const error = viewer.talkView.getByTestId('notes-error');
  await expect(error).toContainText('The notes could not be loaded');
  // Everything else about the talk is there.
  await expect(viewer.talkTitle).toBeVisible();

  await page.unroute(NOTES);
  await error.getByRole('button', { name: 'Try again' }).click();
  await expect(error).toHaveCount(0);
  await expect(viewer.recapNotes.first().locator('.talk-notes-body')).not.toBeEmpty();
});

test('a search typed before the search index arrives waits for it, then shows the matches', async ({ page }) => {
  const viewer = new RecapViewer(page);
  const bundle = siteBundle();
  const talk = bundle.talks.find((candidate) => candidate.title && candidate.title.split(' ').some((word) => word.length > 6));
  const word = talk.title.split(' ').find((candidate) => candidate.length > 6).replace(/[^\p{L}]/gu, '');
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  await page.route(SEARCH, async (route) => {
    await released;
    await route.continue();
  });

  await viewer.openLoaded();
  await viewer.typeSearch(word);
  await expect(viewer.resultCount).toHaveText('Searching…');
  await expect(viewer.noResults).toHaveCount(0);
  await expect(viewer.cards).toHaveCount(0);

  release();
  await expect(viewer.card(talk.id)).toBeVisible();
  await expect(viewer.resultCount).toContainText(' of ');
});
