// The iframe way (docs/EMBED.md): `…/?embed=1` shows the viewer without its page header, keeps
// its filters in the iframe's URL and reports its height to the embedding page with postMessage
// to that page's exact origin; the documented host snippet (tests/e2e/portal/resize-iframes.js)
// resizes the iframe to it. The portal is another origin than the viewer.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { ROOT, siteBundle, talksWhere, trackId } from './support/corpus.js';
import { PORTAL_ORIGIN, ROOT_ORIGIN } from './support/servers.js';
import { openIframePortal, portalLog } from './support/portal.js';

/** The iframe's inner height in the portal, and the height of the page inside it. */
async function heights(iframe) {
  const frame = await (await iframe.elementHandle()).contentFrame();
  const outer = await iframe.evaluate((element) => element.clientHeight);
  const inner = await frame.evaluate(() => ({
    page: document.documentElement.getBoundingClientRect().height,
    scrolls: document.documentElement.scrollHeight > document.documentElement.clientHeight,
  }));
  return { outer, inner: inner.page, scrolls: inner.scrolls };
}

/** Waits until the iframe is as tall as its page (to the pixel) and returns that height. */
async function fittedHeight(iframe) {
  await expect
    .poll(async () => {
      const { outer, inner, scrolls } = await heights(iframe);
      return !scrolls && Math.abs(outer - inner) <= 1;
    })
    .toBe(true);
  return (await heights(iframe)).outer;
}

test('the portal resizes the iframe to the viewer, which keeps its filters in its own URL', async ({ page }) => {
  const bundle = siteBundle();
  const security = trackId(bundle, '#Security');
  const iframe = await openIframePortal(page, { origin: PORTAL_ORIGIN });
  const frame = page.frameLocator('iframe[data-recap-viewer]');

  await expect(frame.getByTestId('talk-card')).toHaveCount(bundle.talks.length);
  await expect(frame.locator('.recap-viewer.is-embedded')).toBeVisible();
  await expect(frame.locator('.app-header')).toHaveCount(0);
  const everyTalk = await fittedHeight(iframe);
  expect(everyTalk).toBeGreaterThan(1000);

  // Fewer cards: a shorter page, and the iframe follows.
  const trackFacet = frame.getByTestId('facet-track');
  const option = trackFacet.locator(`[data-testid="facet-option"][data-id="${security}"]`);
  // Long facets show their most common options until "Show all".
  if ((await option.count()) === 0) await trackFacet.getByTestId('facet-more').click();
  await option.getByRole('checkbox').check();
  await expect(frame.getByTestId('talk-card')).toHaveCount(talksWhere(bundle, { track: [security] }).length);
  await expect.poll(async () => (await heights(iframe)).outer).toBeLessThan(everyTalk - 200);
  const oneTalk = await fittedHeight(iframe);
  const viewerUrl = new URL((await (await iframe.elementHandle()).contentFrame()).url());
  expect(viewerUrl.searchParams.getAll('track')).toEqual([security]);
  expect(viewerUrl.searchParams.get('embed')).toBe('1');

  // Every message came from the viewer's origin, and the last one is the height now shown.
  const messages = await portalLog(page);
  expect(messages.length).toBeGreaterThanOrEqual(2);
  for (const message of messages) {
    expect(message.from).toBe(ROOT_ORIGIN);
    expect(message.type).toBe('recap-viewer:height');
  }
  expect(Math.ceil(messages.at(-1).detail.height)).toBe(Math.round(oneTalk));

  // The snippet ignores messages from anywhere else, e.g. the portal's own window.
  await page.evaluate(() => window.postMessage({ type: 'recap-viewer:height', height: 5 }, '*'));
  await expect.poll(() => portalLog(page).then((log) => log.length)).toBe(messages.length + 1);
  expect((await heights(iframe)).outer).toBe(oneTalk);

  // The portal runs exactly the snippet docs/EMBED.md documents.
  const snippet = readFileSync(join(ROOT, 'tests/e2e/portal/resize-iframes.js'), 'utf8');
  expect(readFileSync(join(ROOT, 'docs/EMBED.md'), 'utf8')).toContain(snippet);
});

test('heights go to the embedding origin only: from the referrer, or the origin parameter', async ({ page }) => {
  const bundle = siteBundle();
  // Without `origin`, the viewer posts to the origin of its referrer: the portal.
  let iframe = await openIframePortal(page);
  await expect(page.frameLocator('iframe').getByTestId('talk-card')).toHaveCount(bundle.talks.length);
  await fittedHeight(iframe);
  expect((await portalLog(page)).every(({ from }) => from === ROOT_ORIGIN)).toBe(true);

  // Told another origin, the viewer posts there (never to `*`): the portal hears nothing and its
  // iframe keeps the default height.
  iframe = await openIframePortal(page, { origin: 'https://portal.example' });
  await expect(page.frameLocator('iframe').getByTestId('talk-card')).toHaveCount(bundle.talks.length);
  await page.waitForTimeout(500);
  expect(await portalLog(page)).toEqual([]);
  expect((await heights(iframe)).outer).toBeLessThan(300);
});
