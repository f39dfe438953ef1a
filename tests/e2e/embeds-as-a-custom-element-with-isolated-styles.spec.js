// The custom element way (docs/EMBED.md): a portal page with careless global styles
// (tests/e2e/portal/hostile.css: `* { color: red !important; font: 40px serif !important }`,
// `article { display: none !important }`, `button { background: lime }`) loads embed.js from
// the viewer's site (another origin, under a sub-path) and presets a filter by attribute. The
// cards render with the viewer's own styles, and the viewer's styles never reach the portal's
// own elements, even those with the viewer's class names.
import { test, expect } from '@playwright/test';
import { siteBundle, talksWhere, trackId } from './support/corpus.js';
import { ELEMENT_SITE, openElementsPortal } from './support/portal.js';

const LIME = 'rgb(0, 255, 0)';
const RED = 'rgb(255, 0, 0)';
const TRANSPARENT = 'rgba(0, 0, 0, 0)';

test("hostile portal styles don't break the cards, and the viewer's styles don't leak out", async ({ page }) => {
  const bundle = siteBundle();
  const delivery = trackId(bundle, '#Continuous Delivery');
  const expected = talksWhere(bundle, { track: [delivery] }).map((talk) => talk.id);
  const { first } = await openElementsPortal(page, { first: { track: delivery } });

  // The attribute preset the filter.
  await expect(first.cards).toHaveCount(expected.length);
  expect(await first.cardIds()).toEqual(expected);
  await expect(first.host.getByTestId('facet-track').locator(`[data-id="${delivery}"]`).getByRole('checkbox')).toBeChecked();

  // The portal's styles are in force on its own page (its rem is 40px) ...
  const portalCard = page.locator('#portal-card');
  expect(await portalCard.evaluate((element) => getComputedStyle(element).color)).toBe(RED);
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('40px');

  // ... but not in the viewer: every card shows, titled in the viewer's font, size and colour.
  for (const card of await first.cards.all()) await expect(card).toBeVisible();
  expect(await first.computedStyle('[data-testid="talk-title"]', ['color', 'font-size', 'font-family', 'font-style'])).toEqual({
    color: 'rgb(27, 30, 43)',
    'font-size': '19.2px',
    'font-family': expect.stringMatching(/^system-ui,/),
    'font-style': 'normal',
  });
  expect(await first.computedStyle('[data-testid="talk-card"]', ['display', 'background-color', 'border-top-width'])).toEqual({
    display: expect.not.stringMatching(/^none$/),
    'background-color': 'rgb(255, 255, 255)',
    'border-top-width': '4px',
  });
  expect((await first.computedStyle('[data-testid="star"]', ['background-color']))['background-color']).not.toBe(LIME);
  // The element's fallback content is not shown once the viewer is there.
  await expect(first.host.locator(':scope > p')).toBeHidden();

  // The viewer's styles stay in its shadow root: the portal's .talk-card, .chip and .button
  // keep the portal's look, and no viewer stylesheet is in the portal's document.
  expect(
    await portalCard.evaluate((element) => {
      const style = getComputedStyle(element);
      return { background: style.backgroundColor, border: style.borderTopWidth, radius: style.borderTopLeftRadius };
    }),
  ).toEqual({ background: TRANSPARENT, border: '0px', radius: '0px' });
  expect(await page.locator('#portal-chip').evaluate((element) => getComputedStyle(element).backgroundColor)).toBe(TRANSPARENT);
  expect(await page.locator('#portal-button').evaluate((element) => getComputedStyle(element).backgroundColor)).toBe(LIME);
  const documentSheets = await page.evaluate(() => [...document.styleSheets].map((sheet) => sheet.href));
  expect(documentSheets.filter((href) => href?.startsWith(ELEMENT_SITE))).toEqual([]);
  const shadowSheets = await first.host.evaluate((element) => [...element.shadowRoot.styleSheets].map((sheet) => sheet.href));
  expect(shadowSheets).toEqual([expect.stringMatching(new RegExp(`^${ELEMENT_SITE}embed-[0-9a-f]{16}\\.css$`))]);
});
