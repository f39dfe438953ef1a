// Choosing one speaker (their name on a card, or the facet) shows a header with the speaker's
// companies and all their talks across conferences and recaps.
import { test, expect } from '@playwright/test';
import { RecapViewer } from './support/viewer.js';
import { SAMPLES_BUNDLE, recapOf, samplesBundle, siteBundle } from './support/corpus.js';

/** A speaker with talks at several conferences (our sample recaps have one). */
function travellingSpeaker(bundle) {
  for (const speaker of bundle.speakers) {
    const talks = bundle.talks.filter((talk) => talk.speakers.some(({ id }) => id === speaker.id));
    const conferences = bundle.conferences.filter(({ id }) => talks.some((talk) => talk.conference === id));
    if (conferences.length > 1) return { speaker, talks, conferences };
  }
  throw new Error('no speaker of the bundle has talks at two conferences');
}

test('clicking a speaker\'s name shows their companies and talks at every conference', async ({ page }) => {
  const viewer = new RecapViewer(page);
  const bundle = samplesBundle();
  const { speaker, talks, conferences } = travellingSpeaker(bundle);
  const recaps = new Set(talks.flatMap((talk) => talk.notes.map((notes) => recapOf(bundle, talk, notes).file)));
  await viewer.serveBundle({ path: SAMPLES_BUNDLE });

  await viewer.openLoaded();
  await viewer.card(talks[0].id).getByTestId('talk-speakers').getByRole('button', { name: speaker.name }).click();

  await expect(viewer.speakerView).toBeVisible();
  await expect(viewer.speakerView.getByRole('heading', { level: 2 })).toHaveText(speaker.name);
  await expect(viewer.speakerView.getByTestId('speaker-companies')).toHaveText(speaker.companies.join(' · '));
  await expect(viewer.speakerView).toContainText(
    `${talks.length} talks at ${conferences.length} conferences · covered in ${recaps.size} ${recaps.size === 1 ? 'recap' : 'recaps'}`,
  );
  for (const conference of conferences) await expect(viewer.speakerView).toContainText(conference.name);
  await expect.poll(() => viewer.cardIds()).toEqual(talks.map(({ id }) => id));
  await expect.poll(() => viewer.queryValues('speaker')).toEqual([speaker.id]);
  await expect(viewer.option('speaker', speaker.id)).toBeChecked();
});

test('the speaker view is for one speaker: a second speaker turns it into a plain filter', async ({ page }) => {
  const viewer = new RecapViewer(page);
  const bundle = siteBundle();
  const [first, second] = bundle.speakers;

  await viewer.openLoaded(`?speaker=${encodeURIComponent(first.id)}`);
  await expect(viewer.speakerView.getByRole('heading', { level: 2 })).toHaveText(first.name);

  await viewer.choose('speaker', second.id);
  await expect(viewer.speakerView).toHaveCount(0);
  await expect(viewer.chips).toHaveCount(2);

  await viewer.option('speaker', first.id).uncheck();
  await expect(viewer.speakerView.getByRole('heading', { level: 2 })).toHaveText(second.name);
});
