// Screen reader users hear how many talks match after each change: the result count is a polite
// live status region that stays in place and updates its text.
import { test, expect } from '@playwright/test';
import { RecapViewer } from './support/viewer.js';
import { siteBundle, talksWhere } from './support/corpus.js';

test('the result count is one polite status region whose text follows the filters', async ({ page }) => {
  const viewer = new RecapViewer(page);
  const bundle = siteBundle();
  const total = bundle.talks.length;
  const track = bundle.tracks.find(({ id }) => talksWhere(bundle, { track: [id] }).length === 1) ?? bundle.tracks[0];
  const inTrack = talksWhere(bundle, { track: [track.id] }).length;

  await viewer.openLoaded();
  const status = page.getByRole('status').filter({ has: page.getByText(/talks?$/) });
  await expect(status).toHaveCount(1);
  await expect(status).toHaveAttribute('data-testid', 'result-count');
  await expect(status).toHaveAttribute('aria-live', 'polite');
  await expect(status).toHaveText(`${total} talks`);
  // Mark the element: a live region is only announced if it is updated, not replaced.
  await viewer.resultCount.evaluate((element) => {
    element.dataset.sameRegion = 'yes';
  });

  await viewer.choose('track', track.id);
  await expect(viewer.resultCount).toHaveText(`${inTrack} of ${total} talks`);
  await expect(viewer.resultCount).toHaveAttribute('data-same-region', 'yes');

  await viewer.typeSearch('qqqxyzzy');
  await expect(viewer.resultCount).toHaveText(`0 of ${total} talks`);
  await expect(viewer.resultCount).toHaveAttribute('data-same-region', 'yes');

  await viewer.clearFilters.click();
  await expect(viewer.resultCount).toHaveText(`${total} talks`);
  await expect(viewer.resultCount).toHaveAttribute('data-same-region', 'yes');
});
