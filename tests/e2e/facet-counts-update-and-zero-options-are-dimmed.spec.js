// Every facet option shows how many talks it would give combined with the other active filters;
// options that would give none are dimmed but stay in place (and can still be chosen).
import { test, expect } from '@playwright/test';
import { RecapViewer } from './support/viewer.js';
import { allDays, facetCount, siteBundle } from './support/corpus.js';

/** A track whose talks all belong to one conference, so choosing it empties the other's days. */
function singleConferenceTrack(bundle) {
  const track = bundle.tracks.find((candidate) => {
    const conferences = new Set(bundle.talks.filter((talk) => talk.tracks.includes(candidate.id)).map((talk) => talk.conference));
    return conferences.size === 1;
  });
  if (!track) throw new Error('no track of the site bundle is limited to one conference');
  return track;
}

/** The counts every shown option of a facet displays, by option id. */
async function shownCounts(viewer, facet) {
  return viewer.options(facet).evaluateAll((labels) =>
    Object.fromEntries(labels.map((label) => [label.dataset.id, Number(label.querySelector('.facet-option-count').textContent)])),
  );
}

function expectedCounts(bundle, selected, facet, ids) {
  return Object.fromEntries(ids.map((id) => [id, facetCount(bundle, selected, facet, id)]));
}

test('choosing a track updates the other facets\' counts and dims the days it empties', async ({ page }) => {
  const viewer = new RecapViewer(page);
  const bundle = siteBundle();
  const track = singleConferenceTrack(bundle);
  const days = allDays(bundle);

  await viewer.openLoaded();
  // Before: every day counts its talks.
  await expect
    .poll(() => shownCounts(viewer, 'day'))
    .toEqual(expectedCounts(bundle, {}, 'day', days.map(({ id }) => id)));

  await viewer.choose('track', track.id);
  const selected = { track: [track.id] };

  for (const facet of ['day', 'conference', 'speaker', 'company', 'track']) {
    const shown = await viewer.options(facet).evaluateAll((labels) => labels.map((label) => label.dataset.id));
    expect(shown.length, `${facet} options shown`).toBeGreaterThan(0);
    await expect.poll(() => shownCounts(viewer, facet), { message: `${facet} counts` }).toEqual(expectedCounts(bundle, selected, facet, shown));
  }
  // Options of the same facet are alternatives (OR): the other tracks keep their own counts.
  const otherTrack = bundle.tracks.find(({ id }) => id !== track.id);
  await viewer.revealOption('track', otherTrack.id);
  await expect(viewer.optionCount('track', otherTrack.id)).toHaveText(
    String(bundle.talks.filter((talk) => talk.tracks.includes(otherTrack.id)).length),
  );

  const emptyDays = days.filter(({ id }) => facetCount(bundle, selected, 'day', id) === 0);
  const fullDays = days.filter(({ id }) => facetCount(bundle, selected, 'day', id) > 0);
  expect(emptyDays.length).toBeGreaterThan(0);
  expect(fullDays.length).toBeGreaterThan(0);
  for (const day of emptyDays) {
    // Dimmed, not hidden, and still a working checkbox.
    await expect(viewer.optionLabel('day', day.id)).toHaveClass(/\bis-empty\b/);
    await expect(viewer.optionLabel('day', day.id)).toBeVisible();
    await expect(viewer.option('day', day.id)).toBeEnabled();
  }
  for (const day of fullDays) await expect(viewer.optionLabel('day', day.id)).not.toHaveClass(/\bis-empty\b/);

  const colour = (id) =>
    viewer.optionLabel('day', id).locator('.facet-option-label').evaluate((element) => getComputedStyle(element).color);
  expect(await colour(emptyDays[0].id)).not.toEqual(await colour(fullDays[0].id));

  // Removing the track brings every day back to its full count.
  await viewer.option('track', track.id).uncheck();
  for (const day of emptyDays) await expect(viewer.optionLabel('day', day.id)).not.toHaveClass(/\bis-empty\b/);
  await expect
    .poll(() => shownCounts(viewer, 'day'))
    .toEqual(expectedCounts(bundle, {}, 'day', days.map(({ id }) => id)));
});
