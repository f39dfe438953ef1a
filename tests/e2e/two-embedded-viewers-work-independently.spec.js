// Two <recap-viewer> elements on one portal page, each preset by its attributes (a list of
// tracks in one, a day in the other), keep their own filters: choosing a facet in one leaves the
// other as it was, and neither touches the portal's URL.
import { test, expect } from '@playwright/test';
import { siteBundle, talksWhere, trackId } from './support/corpus.js';
import { openElementsPortal } from './support/portal.js';

const ids = (talks) => talks.map((talk) => talk.id);

test('two viewers on one page filter independently', async ({ page }) => {
  const bundle = siteBundle();
  const delivery = trackId(bundle, '#Continuous Delivery');
  const kubernetes = trackId(bundle, '#Docker & Kubernetes');
  const microservices = trackId(bundle, '#Microservices');
  const day = bundle.conferences.flatMap((conference) => conference.days).find((candidate) => talksWhere(bundle, { day: [candidate.id] }).length >= 5);

  const { first, second } = await openElementsPortal(page, {
    // A list attribute: ids separated by spaces or commas.
    first: { track: `${delivery}, ${kubernetes}` },
    second: { day: day.id },
  });
  const portalUrl = page.url();
  const firstTalks = ids(talksWhere(bundle, { track: [delivery, kubernetes] }));
  const secondTalks = ids(talksWhere(bundle, { day: [day.id] }));
  await expect(first.cards).toHaveCount(firstTalks.length);
  await expect(second.cards).toHaveCount(secondTalks.length);
  expect(await first.cardIds()).toEqual(firstTalks);
  expect(await second.cardIds()).toEqual(secondTalks);

  // One more track in the first viewer: only the first changes.
  await first.option('track', microservices).check();
  const widened = ids(talksWhere(bundle, { track: [delivery, kubernetes, microservices] }));
  await expect(first.cards).toHaveCount(widened.length);
  expect(await second.cardIds()).toEqual(secondTalks);
  await expect(second.option('track', microservices)).not.toBeChecked();

  // A track in the second viewer: only the second changes.
  await second.option('track', delivery).check();
  const narrowed = ids(talksWhere(bundle, { day: [day.id], track: [delivery] }));
  await expect(second.cards).toHaveCount(narrowed.length);
  expect(await first.cardIds()).toEqual(widened);

  // The filters live in each element, not in the portal's URL (the app writes its URL after the
  // next paint, so give it two frames and a task to do so before looking).
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done)))));
  expect(page.url()).toBe(portalUrl);
});
