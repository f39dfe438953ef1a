// After one visit the reader can read the recaps offline: the service worker has stored the whole
// site, so with every request failing (the worker's own too) a reload still shows the cards and
// the filters work. At the site root and under a sub-path.
import { test, expect } from '@playwright/test';
import { RecapViewer } from './support/viewer.js';
import { siteBundle, talksWhere, trackId } from './support/corpus.js';
import { blockNetwork, cacheContents, waitForServiceWorker } from './support/offline.js';
import { ROOT_ORIGIN, SUB_PATH, SUB_PATH_ORIGIN } from './support/servers.js';

test.use({ serviceWorkers: 'allow' });

const sites = [
  { where: 'at the site root', url: `${ROOT_ORIGIN}/` },
  { where: 'under a sub-path', url: `${SUB_PATH_ORIGIN}${SUB_PATH}` },
];

for (const { where, url } of sites) {
  test(`with the network gone, a reload shows the cards and a track filter works (${where})`, async ({ page, context }) => {
    const viewer = new RecapViewer(page);
    const bundle = siteBundle();
    const security = trackId(bundle, '#Security');

    await page.goto(url);
    await expect(viewer.cards).toHaveCount(bundle.talks.length);
    const worker = await waitForServiceWorker(page);
    expect(worker.scope).toBe(url);
    const cached = Object.values(await cacheContents(page)).flat();
    expect(cached).toEqual(expect.arrayContaining([`${url}index.html`, `${url}bundle.json`]));

    const aborted = await blockNetwork(context);
    const fromNetwork = [];
    page.on('response', (response) => {
      if (!response.fromServiceWorker()) fromNetwork.push(response.url());
    });
    await page.reload();

    await expect(viewer.cards).toHaveCount(bundle.talks.length);
    await viewer.choose('track', security);
    await expect(viewer.cards).toHaveCount(talksWhere(bundle, { track: [security] }).length);
    await expect.poll(() => viewer.queryValues('track')).toEqual([security]);

    // Search works from the bundle's own index, and a talk view opens with its notes.
    const [first] = await viewer.cardIds();
    const title = await viewer.card(first).getByTestId('talk-title').innerText();
    const word = title.split(/[^\p{L}\p{N}]+/u).find((w) => w.length > 3) ?? title;
    await viewer.typeSearch(word);
    await expect(viewer.card(first)).toBeVisible();
    await viewer.titleLink(first).click();
    await expect(viewer.talkView).toHaveAttribute('data-id', first);
    await expect(viewer.notes).not.toBeEmpty();

    // Everything came from the worker's cache; its own try at the network (the page, network
    // first) was refused, and the page it answered from the cache got the cached bundle.
    expect(fromNetwork).toEqual([]);
    expect(aborted).toContain(url);
  });
}
