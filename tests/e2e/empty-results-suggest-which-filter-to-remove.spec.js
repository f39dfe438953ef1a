// When the filters leave no talk, the reader is told which filter to remove (and how many talks
// that would bring back), with one click to do it.
import { test, expect } from '@playwright/test';
import { RecapViewer } from './support/viewer.js';
import { allDays, siteBundle, talksWhere } from './support/corpus.js';

/** A track and a day that share no talk (each has some). */
function disjoint(bundle) {
  for (const track of bundle.tracks) {
    for (const day of allDays(bundle)) {
      if (talksWhere(bundle, { track: [track.id], day: [day.id] }).length === 0 && talksWhere(bundle, { day: [day.id] }).length > 0) {
        return { track, day };
      }
    }
  }
  throw new Error('every track of the site bundle has talks on every day');
}

const talks = (count) => `${count} ${count === 1 ? 'talk' : 'talks'}`;

test('a track and a day with no talk in common suggest removing either, with counts', async ({ page }) => {
  const viewer = new RecapViewer(page);
  const bundle = siteBundle();
  const { track, day } = disjoint(bundle);
  const withoutTrack = talksWhere(bundle, { day: [day.id] }).length;
  const withoutDay = talksWhere(bundle, { track: [track.id] }).length;

  await viewer.openLoaded(`?track=${encodeURIComponent(track.id)}&day=${encodeURIComponent(day.id)}`);

  await expect(viewer.noResults).toBeVisible();
  await expect(viewer.noResults).toContainText('No talks match');
  await expect(viewer.cards).toHaveCount(0);
  await expect(viewer.resultCount).toHaveText(`0 of ${talks(bundle.talks.length)}`);
  await expect(viewer.suggestions).toHaveCount(2);
  await expect(viewer.suggestions.filter({ hasText: `Remove Track: ${track.label}` })).toContainText(`(${talks(withoutTrack)})`);
  await expect(viewer.suggestions.filter({ hasText: 'Remove Day:' })).toContainText(`(${talks(withoutDay)})`);

  await viewer.suggestions.filter({ hasText: 'Remove Day:' }).click();

  await expect(viewer.noResults).toHaveCount(0);
  await expect(viewer.cards).toHaveCount(withoutDay);
  await expect.poll(() => viewer.queryValues('day')).toEqual([]);
  await expect.poll(() => viewer.queryValues('track')).toEqual([track.id]);
});

test('a search that matches nothing suggests removing the search', async ({ page }) => {
  const viewer = new RecapViewer(page);
  const bundle = siteBundle();

  await viewer.openLoaded();
  await viewer.typeSearch('qqqxyzzy');

  await expect(viewer.cards).toHaveCount(0);
  await expect(viewer.suggestions).toHaveCount(1);
  await expect(viewer.suggestions).toHaveText(`Remove Search: “qqqxyzzy” (${talks(bundle.talks.length)})`);
  await viewer.noResults.getByRole('button', { name: 'Clear all filters' }).click();
  await expect(viewer.cards).toHaveCount(bundle.talks.length);
  await expect(viewer.search).toHaveValue('');
});
