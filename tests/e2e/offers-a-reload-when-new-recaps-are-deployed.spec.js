// When new recaps are deployed, a reader of the installed site is told "New recaps available —
// reload"; choosing Reload switches to the new deploy, and the old deploy's cache is deleted.
import { test, expect } from '@playwright/test';
import { RecapViewer } from './support/viewer.js';
import { cacheContents, copySite, deployNewRecaps, readPrecache, serveSite, waitForServiceWorker } from './support/offline.js';

test.use({ serviceWorkers: 'allow' });
// Each test installs the site's worker twice (two deploys): give it more time on a busy machine.
test.slow();

const NEW_TITLE = 'A talk from the new recaps';

/** A copy of the built site, served on its own port, opened and controlled by its worker. */
async function openCopy(page) {
  const site = await copySite();
  const server = await serveSite({ root: site.root, base: '/recaps/' });
  const viewer = new RecapViewer(page);
  await page.goto(server.url);
  await expect(viewer.resultCount).toBeVisible();
  await waitForServiceWorker(page);
  const version = (await readPrecache(site.root)).version;
  return { site, server, viewer, version, close: async () => (await server.close(), await site.remove()) };
}

const retitleFirstTalk = (bundle) => {
  bundle.talks[0].title = NEW_TITLE;
};

test('a reader who reloads after a deploy is offered the new recaps, and Reload switches to them', async ({ page }, testInfo) => {
  const { site, server, viewer, version, close } = await openCopy(page);
  try {
    const banner = page.getByTestId('update-banner');
    await expect(banner).toBeEmpty();
    expect(Object.keys(await cacheContents(page))).toEqual([expect.stringMatching(new RegExp(`${version}$`))]);

    const newVersion = await deployNewRecaps(site.root, retitleFirstTalk);
    await page.reload();

    await expect(banner).toContainText('New recaps available');
    await page.screenshot({ path: testInfo.outputPath('update-banner.png') });
    await banner.getByRole('button', { name: 'Reload' }).click();

    // The page reloads under the new worker: the new recaps, no banner, only the new cache.
    // (The reload may still be under way when we ask: a destroyed context counts as "not yet".)
    const cacheKeys = () => page.evaluate(() => caches.keys()).catch(() => null);
    await expect.poll(cacheKeys).toEqual([expect.stringMatching(new RegExp(`${newVersion}$`))]);
    await page.waitForLoadState('load');
    await expect(banner).toBeEmpty();
    await expect(viewer.cards.first().getByTestId('talk-title')).toHaveText(NEW_TITLE);
    expect(server.url).toContain('/recaps/');
  } finally {
    await close();
  }
});

test('a reader who comes back to an open page after a deploy is offered the new recaps', async ({ page }) => {
  const { site, close } = await openCopy(page);
  try {
    const banner = page.getByTestId('update-banner');
    await deployNewRecaps(site.root, retitleFirstTalk);

    // Returning to the tab makes the page ask for a new worker, as it does every hour.
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));

    await expect(banner).toContainText('New recaps available');
    await expect(banner.getByRole('button', { name: 'Reload' })).toBeVisible();
    await banner.getByRole('button', { name: 'Dismiss' }).click();
    await expect(banner).toBeEmpty();
  } finally {
    await close();
  }
});
