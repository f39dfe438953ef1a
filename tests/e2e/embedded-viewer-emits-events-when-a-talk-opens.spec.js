// A <recap-viewer> element tells the portal what the reader does with DOM events on the element
// (bubbling, and composed out of its shadow root): `recap-viewer:talk-open` with the talk's id
// when a card's title is clicked, `recap-viewer:talk-close` when the talk view closes, and
// `recap-viewer:filters-change` with the filters as a query.
import { test, expect } from '@playwright/test';
import { siteBundle, talksWhere, trackId } from './support/corpus.js';
import { openElementsPortal, portalLog } from './support/portal.js';

test('opening and closing a talk and changing a filter fire events on the element', async ({ page }) => {
  const bundle = siteBundle();
  const keynote = trackId(bundle, 'Keynote');
  const { first, second } = await openElementsPortal(page, { first: { track: keynote }, second: {} });
  const talk = talksWhere(bundle, { track: [keynote] })[1];
  // Listened for on the element itself, as a portal would.
  await first.host.evaluate((element) => {
    window.heard = [];
    for (const type of ['recap-viewer:talk-open', 'recap-viewer:talk-close', 'recap-viewer:filters-change']) {
      element.addEventListener(type, (event) => window.heard.push({ type, target: event.target.id, detail: event.detail }));
    }
  });
  const heard = () => page.evaluate(() => window.heard);

  await first.card(talk.id).getByTestId('talk-title').getByRole('link').click();
  await expect(first.talkView).toHaveAttribute('data-id', talk.id);
  await expect.poll(heard).toEqual([{ type: 'recap-viewer:talk-open', target: 'first', detail: { id: talk.id } }]);

  await first.host.getByTestId('talk-back').click();
  await expect(first.cards.first()).toBeVisible();
  await expect.poll(() => heard().then((events) => events.at(-1))).toEqual({ type: 'recap-viewer:talk-close', target: 'first', detail: null });

  await first.option('track', keynote).uncheck();
  await expect(first.cards).toHaveCount(bundle.talks.length);
  await expect.poll(() => heard().then((events) => events.at(-1))).toEqual({
    type: 'recap-viewer:filters-change',
    target: 'first',
    detail: { query: '' },
  });

  // The events bubble to the document (the portal's log), and only the element they concern
  // fires them: the second viewer stayed silent.
  const log = await portalLog(page);
  expect(log.map(({ from, type }) => `${from} ${type}`)).toEqual([
    'first recap-viewer:talk-open',
    'first recap-viewer:talk-close',
    'first recap-viewer:filters-change',
  ]);
  await expect(second.talkView).toHaveCount(0);
});
