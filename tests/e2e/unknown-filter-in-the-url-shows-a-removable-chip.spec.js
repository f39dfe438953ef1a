// A shared link may name a track (or speaker…) this archive does not have, e.g. after a rename:
// the reader sees it as a chip saying so, and can remove it.
import { test, expect } from '@playwright/test';
import { RecapViewer } from './support/viewer.js';
import { siteBundle, talksWhere } from './support/corpus.js';

const UNKNOWN = 'no-such-track-anywhere';

test('an unknown track id shows a chip marked as not in this archive, and removing it shows the talks', async ({ page }) => {
  const viewer = new RecapViewer(page);
  const bundle = siteBundle();
  const conference = bundle.conferences[0];
  const ofConference = talksWhere(bundle, {}).filter((talk) => talk.conference === conference.id);

  await viewer.openLoaded(`?track=${UNKNOWN}&conference=${encodeURIComponent(conference.id)}`);

  const chip = viewer.chip('Track', UNKNOWN);
  await expect(chip).toBeVisible();
  await expect(chip).toContainText('not in this archive');
  await expect(chip).toHaveClass(/\bis-unknown\b/);
  await expect(viewer.chip('Conference', conference.name)).toBeVisible();
  // No talk has that track, and the empty state names the filter to drop.
  await expect(viewer.cards).toHaveCount(0);
  await expect(viewer.suggestions.filter({ hasText: UNKNOWN })).toBeVisible();
  // The track facet lists only the archive's tracks.
  await expect(viewer.optionLabel('track', UNKNOWN)).toHaveCount(0);

  await viewer.chipRemove(chip).click();

  await expect(viewer.chips).toHaveCount(1);
  await expect(viewer.cards).toHaveCount(ofConference.length);
  await expect.poll(() => viewer.queryValues('track')).toEqual([]);
  await expect.poll(() => viewer.queryValues('conference')).toEqual([conference.id]);
});

test('unrelated query keys are kept when filters change', async ({ page }) => {
  const viewer = new RecapViewer(page);
  const bundle = siteBundle();

  await viewer.openLoaded(`?embed=1&track=${UNKNOWN}`);
  await viewer.chipRemove(viewer.chip('Track', UNKNOWN)).click();

  await expect(viewer.cards).toHaveCount(bundle.talks.length);
  await expect.poll(() => viewer.queryValues('track')).toEqual([]);
  expect(viewer.queryValues('embed')).toEqual(['1']);
});
