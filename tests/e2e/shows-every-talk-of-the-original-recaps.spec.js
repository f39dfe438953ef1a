// A reader opening the site sees every talk of the two original recaps.
import { test, expect } from '@playwright/test';
import { RecapViewer } from './support/viewer.js';
import { expectedTalkCount, siteBundle } from './support/corpus.js';

test('shows a card for every talk the original recaps annotate', async ({ page }) => {
  const viewer = new RecapViewer(page);
  const expected = expectedTalkCount();

  await viewer.openLoaded();

  await expect(viewer.cards).toHaveCount(expected);
  await expect(viewer.resultCount).toContainText(`${expected} talks`);
  await expect(viewer.error).toHaveCount(0);
});

test('each card shows its title and conference', async ({ page }) => {
  const viewer = new RecapViewer(page);
  const bundle = siteBundle();
  const talk = bundle.talks.find((candidate) => candidate.title);
  const conference = bundle.conferences.find(({ id }) => id === talk.conference);

  await viewer.openLoaded();

  const card = page.locator(`[data-testid="talk-card"][data-id="${talk.id}"]`);
  await expect(card.getByTestId('talk-title')).toHaveText(talk.title);
  await expect(card.getByTestId('talk-conference')).toContainText(conference.name);
});
