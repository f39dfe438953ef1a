// Search ranks talks whose title matches above talks that only mention the word in their notes,
// and offers "Best match" as the order while searching.
import { test, expect } from '@playwright/test';
import { RecapViewer } from './support/viewer.js';
import { searchHits, siteBundle } from './support/corpus.js';

/** A word of the index that some talks have in their title and others only in their notes. */
function mixedWord(bundle) {
  for (const term of bundle.search.terms) {
    if (term.length < 5 || !/^\p{L}+$/u.test(term)) continue;
    const hits = searchHits(bundle, term);
    const inTitle = hits.filter(({ rank }) => rank === 0).length;
    const inNotes = hits.filter(({ rank }) => rank === 3).length;
    // The later title match must come after a notes match in archive order, so ranking shows.
    const firstNotes = hits.find(({ rank }) => rank === 3)?.index;
    const lastTitle = hits.filter(({ rank }) => rank === 0).at(-1)?.index;
    if (inTitle >= 1 && inNotes >= 2 && lastTitle > firstNotes) return { term, hits };
  }
  throw new Error('no word in the site bundle is both in a title and only in other talks\' notes');
}

test('talks with the word in their title come first', async ({ page }) => {
  const viewer = new RecapViewer(page);
  const bundle = siteBundle();
  const { term, hits } = mixedWord(bundle);
  const expected = hits.map(({ index }) => bundle.talks[index].id);
  const archiveOrder = [...hits].sort((a, b) => a.index - b.index).map(({ index }) => bundle.talks[index].id);
  expect(expected).not.toEqual(archiveOrder);

  await viewer.openLoaded();
  await viewer.typeSearch(term);

  await expect.poll(() => viewer.cardIds()).toEqual(expected);
  await expect(viewer.sort.locator('option:checked')).toHaveText('Best match');
  await expect(viewer.titleLink(expected[0]).locator('mark')).not.toHaveCount(0);

  // The reader can still ask for conference order.
  await viewer.sort.selectOption('conference');
  await expect.poll(() => viewer.cardIds()).toEqual(archiveOrder);
});
