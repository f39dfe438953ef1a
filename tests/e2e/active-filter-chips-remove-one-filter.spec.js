// Every active filter shows as a chip above the results; removing one chip removes exactly that
// filter (the others, the URL and the checkboxes follow), and "Clear filters" removes them all.
import { test, expect } from '@playwright/test';
import { RecapViewer } from './support/viewer.js';
import { allDays, siteBundle, talksWhere } from './support/corpus.js';

/** A track and a day that share at least two talks. */
function scenario(bundle) {
  for (const track of bundle.tracks) {
    for (const day of allDays(bundle)) {
      const both = talksWhere(bundle, { track: [track.id], day: [day.id] });
      if (both.length >= 2) return { track, day };
    }
  }
  throw new Error('no track and day of the site bundle share two talks');
}

test('removing the track chip keeps the day filter', async ({ page }) => {
  const viewer = new RecapViewer(page);
  const bundle = siteBundle();
  const { track, day } = scenario(bundle);
  const dayLabel = bundle.conferences.length > 1 ? `${day.label} · ${day.conference.name}` : day.label;

  await viewer.openLoaded();
  await viewer.choose('track', track.id);
  await viewer.choose('day', day.id);

  await expect(viewer.chips).toHaveCount(2);
  await expect(viewer.chip('Track', track.label)).toBeVisible();
  await expect(viewer.chip('Day', dayLabel)).toBeVisible();
  await expect(viewer.cards).toHaveCount(talksWhere(bundle, { track: [track.id], day: [day.id] }).length);

  await viewer.chipRemove(viewer.chip('Track', track.label)).click();

  await expect(viewer.chips).toHaveCount(1);
  await expect(viewer.chip('Day', dayLabel)).toBeVisible();
  await expect(viewer.cards).toHaveCount(talksWhere(bundle, { day: [day.id] }).length);
  await expect(viewer.option('track', track.id)).not.toBeChecked();
  await expect(viewer.option('day', day.id)).toBeChecked();
  await expect.poll(() => viewer.queryValues('track')).toEqual([]);
  await expect.poll(() => viewer.queryValues('day')).toEqual([day.id]);

  // Back undoes the removal.
  await page.goBack();
  await expect(viewer.chips).toHaveCount(2);
  await expect(viewer.option('track', track.id)).toBeChecked();
});

test('a search shows as a chip too, and "Clear filters" removes every chip', async ({ page }) => {
  const viewer = new RecapViewer(page);
  const bundle = siteBundle();
  const { track, day } = scenario(bundle);
  const word = track.label.replace(/^#/, '').split(/\s+/)[0];

  await viewer.openLoaded(`?track=${encodeURIComponent(track.id)}&day=${encodeURIComponent(day.id)}`);
  await viewer.typeSearch(word);
  await expect(viewer.chips).toHaveCount(3);
  await expect(viewer.chip('Search', `“${word}”`)).toBeVisible();

  await viewer.chipRemove(viewer.chip('Search', word)).click();
  await expect(viewer.search).toHaveValue('');
  await expect(viewer.chips).toHaveCount(2);

  await viewer.clearFilters.click();
  await expect(viewer.chips).toHaveCount(0);
  await expect(viewer.cards).toHaveCount(bundle.talks.length);
  await expect(viewer.clearFilters).toBeDisabled();
});
