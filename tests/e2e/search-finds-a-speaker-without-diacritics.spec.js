// A reader searches for a speaker as they would type the name on any keyboard: without the
// diacritics, in any case, or just its start. Results follow each keystroke, the match is
// highlighted in the card, and the search is in the URL (a shared link keeps it).
import { test, expect } from '@playwright/test';
import { RecapViewer } from './support/viewer.js';
import { fold, searchHits, siteBundle } from './support/corpus.js';

/** A speaker whose first name is written with letters a plain keyboard does not have. */
function speakerWithDiacritics(bundle) {
  const speaker = bundle.speakers.find(({ name }) => {
    const first = name.split(/\s+/)[0];
    return /^[\p{L}]+$/u.test(first) && fold(first) !== first.toLowerCase();
  });
  if (!speaker) throw new Error('the site bundle has no speaker with diacritics in the first name');
  const [first, ...rest] = speaker.name.split(/\s+/);
  const talks = bundle.talks.filter((talk) => talk.speakers.some(({ id }) => id === speaker.id));
  return { speaker, first, last: rest.at(-1), talks };
}

test('typing the name without diacritics finds the speaker, highlighted, and the URL keeps the search', async ({ page }) => {
  const viewer = new RecapViewer(page);
  const bundle = siteBundle();
  const { first, talks } = speakerWithDiacritics(bundle);
  const typed = fold(first); // e.g. what a reader types for a Polish first name
  const expected = searchHits(bundle, typed).map(({ index }) => bundle.talks[index].id);
  expect(expected).toEqual(expect.arrayContaining(talks.map(({ id }) => id)));
  expect(expected.length).toBeLessThan(bundle.talks.length);

  await viewer.openLoaded();
  await viewer.typeSearch(typed);

  await expect.poll(() => viewer.cardIds()).toEqual(expected);
  await expect(viewer.resultCount).toHaveText(`${expected.length} of ${bundle.talks.length} ${bundle.talks.length === 1 ? 'talk' : 'talks'}`);
  // The name is shown as written, with the typed part marked.
  const speakers = viewer.card(talks[0].id).getByTestId('talk-speakers');
  await expect(speakers.locator('mark')).toHaveText([first]);
  await expect.poll(() => viewer.queryValues('q')).toEqual([typed]);

  // A shared link (or a reload) opens the same search.
  await page.reload();
  await expect(viewer.search).toHaveValue(typed);
  await expect.poll(() => viewer.cardIds()).toEqual(expected);
});

test('case does not matter, and the start of a word is enough', async ({ page }) => {
  const viewer = new RecapViewer(page);
  const bundle = siteBundle();
  const { first, last, talks } = speakerWithDiacritics(bundle);
  const upper = fold(first).toUpperCase();
  const prefix = fold(last).slice(0, 4);
  const ids = (query) => searchHits(bundle, query).map(({ index }) => bundle.talks[index].id);

  await viewer.openLoaded();

  await viewer.typeSearch(upper);
  await expect.poll(() => viewer.cardIds()).toEqual(ids(upper));
  await expect(viewer.card(talks[0].id)).toBeVisible();

  await viewer.typeSearch(prefix);
  await expect.poll(() => viewer.cardIds()).toEqual(ids(prefix));
  await expect(viewer.card(talks[0].id)).toBeVisible();
  await expect(viewer.card(talks[0].id).getByTestId('talk-speakers').locator('mark')).toHaveText([last.slice(0, 4)]);

  // Escape in the search box clears it: every talk is back.
  await viewer.search.press('Escape');
  await expect(viewer.search).toHaveValue('');
  await expect(viewer.cards).toHaveCount(bundle.talks.length);
  await expect.poll(() => viewer.queryValues('q')).toEqual([]);
});

test('results follow every keystroke', async ({ page }) => {
  const viewer = new RecapViewer(page);
  const bundle = siteBundle();
  const { first } = speakerWithDiacritics(bundle);
  const typed = fold(first);

  await viewer.openLoaded();
  await viewer.search.focus();
  for (let length = 1; length <= typed.length; length += 1) {
    await page.keyboard.type(typed[length - 1]);
    const expected = searchHits(bundle, typed.slice(0, length)).length;
    await expect(viewer.resultCount).toHaveText(`${expected} of ${bundle.talks.length} talks`);
  }
});
