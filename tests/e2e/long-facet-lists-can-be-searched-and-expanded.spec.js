// Long facet lists (speakers, companies…) show their most common options with "Show all", and a
// box finds an option by any word of its name, without diacritics; chosen options stay shown.
import { test, expect } from '@playwright/test';
import { RecapViewer } from './support/viewer.js';
import { fold, siteBundle, talksBy, words } from './support/corpus.js';

const COLLAPSED = 8;

test('"Show all" expands the speaker list and "Show fewer" folds it again', async ({ page }) => {
  const viewer = new RecapViewer(page);
  const bundle = siteBundle();
  const total = bundle.speakers.length;
  expect(total).toBeGreaterThan(COLLAPSED);

  await viewer.openLoaded();
  const more = viewer.facetMore('speaker');
  await expect(viewer.options('speaker')).toHaveCount(COLLAPSED);
  await expect(more).toHaveText(`Show all ${total}`);
  await expect(more).toHaveAttribute('aria-expanded', 'false');

  await more.click();
  await expect(viewer.options('speaker')).toHaveCount(total);
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  await expect(more).toHaveText('Show fewer');

  await more.click();
  await expect(viewer.options('speaker')).toHaveCount(COLLAPSED);
});

test('the find box narrows the options, ignores diacritics, and a chosen option stays shown', async ({ page }) => {
  const viewer = new RecapViewer(page);
  const bundle = siteBundle();
  await viewer.openLoaded();
  const shown = await viewer.options('speaker').evaluateAll((labels) => labels.map((label) => label.dataset.id));
  // A speaker beyond the first few, whose last name has diacritics if any has.
  const hidden = bundle.speakers.filter(({ id }) => !shown.includes(id));
  const speaker = hidden.find(({ name }) => fold(name) !== name.toLowerCase()) ?? hidden[0];
  const typed = fold(speaker.name.split(/\s+/).at(-1)).slice(0, 5);
  const matching = bundle.speakers.filter(({ name }) => words(name).some((word) => word.startsWith(typed)) || fold(name).includes(typed));

  await viewer.facetFind('speaker').fill(typed);
  await expect(viewer.options('speaker')).toHaveCount(matching.length);
  await expect(viewer.optionLabel('speaker', speaker.id)).toBeVisible();
  await expect(viewer.facetMore('speaker')).toBeHidden();

  await viewer.option('speaker', speaker.id).check();
  await expect(viewer.cards).toHaveCount(talksBy(bundle, speaker.id).length);

  await viewer.facetFind('speaker').fill('');
  await expect(viewer.options('speaker')).toHaveCount(COLLAPSED + 1);
  await expect(viewer.option('speaker', speaker.id)).toBeChecked();

  await viewer.facetFind('speaker').fill('zzzqx');
  await expect(viewer.options('speaker')).toHaveCount(1); // only the chosen one
  // Unchoosing it lets it go too (it does not match what is typed).
  await viewer.option('speaker', speaker.id).click();
  await expect(viewer.options('speaker')).toHaveCount(0);
  await expect(viewer.cards).toHaveCount(bundle.talks.length);
  await expect(viewer.facet('speaker')).toContainText('No match.');
});
