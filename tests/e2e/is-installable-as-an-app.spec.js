// The built site is an installable web app, at the site root and under a sub-path: Chromium
// finds the manifest, its icons and the service worker, and reports no installability error.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, chromium } from '@playwright/test';
import { RecapViewer } from './support/viewer.js';
import { siteBundle } from './support/corpus.js';
import { waitForServiceWorker } from './support/offline.js';
import { ROOT_ORIGIN, SUB_PATH, SUB_PATH_ORIGIN } from './support/servers.js';

test.use({ serviceWorkers: 'allow' });

const sites = [
  { where: 'at the site root', url: `${ROOT_ORIGIN}/` },
  { where: 'under a sub-path', url: `${SUB_PATH_ORIGIN}${SUB_PATH}` },
];

/**
 * A page of a browser with a profile of its own: Chromium never offers to install from the
 * incognito-like contexts Playwright creates by default (error "in-incognito").
 */
async function withProfile(testInfo, body) {
  const profile = await mkdtemp(join(tmpdir(), 'recap-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    ...testInfo.project.use.launchOptions,
    headless: true,
    serviceWorkers: 'allow',
  });
  try {
    await body(context.pages()[0] ?? (await context.newPage()));
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}

for (const { where, url } of sites) {
  test(`Chromium reports no installability errors ${where}`, async ({}, testInfo) => {
    test.slow(); // starts a browser of its own
    await withProfile(testInfo, async (page) => {
      const viewer = new RecapViewer(page);
      await page.goto(url);
      await expect(viewer.cards).toHaveCount(siteBundle().talks.length);
      expect(await waitForServiceWorker(page)).toEqual({ script: `${url}sw.js`, scope: url });

      const cdp = await page.context().newCDPSession(page);
      const manifest = await cdp.send('Page.getAppManifest');
      expect(manifest.url).toBe(`${url}manifest.webmanifest`);
      expect(manifest.errors).toEqual([]);
      const parsed = JSON.parse(manifest.data);
      expect(parsed).toMatchObject({
        name: 'Conference recaps',
        short_name: 'Recaps',
        start_url: './',
        scope: './',
        display: 'standalone',
      });
      const icons = parsed.icons.map(({ sizes, purpose }) => `${sizes} ${purpose}`);
      expect(icons).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));

      const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
      expect(installabilityErrors).toEqual([]);
    });
  });
}

test('every icon the manifest and the page name is a PNG of its stated size', async ({ page }) => {
  await page.goto('./');
  const icons = await page.evaluate(async () => {
    const manifestUrl = document.querySelector('link[rel="manifest"]').href;
    const manifest = await (await fetch(manifestUrl)).json();
    const listed = manifest.icons.map(({ src, sizes }) => ({ url: new URL(src, manifestUrl).href, sizes }));
    listed.push({ url: document.querySelector('link[rel="apple-touch-icon"]').href, sizes: '180x180' });
    return Promise.all(
      listed.map(async ({ url, sizes }) => {
        const response = await fetch(url);
        const bitmap = await createImageBitmap(await response.blob());
        return { url, sizes, type: response.headers.get('content-type'), actual: `${bitmap.width}x${bitmap.height}` };
      }),
    );
  });
  expect(icons).toHaveLength(5);
  for (const icon of icons) {
    expect(icon.type, icon.url).toBe('image/png');
    expect(icon.actual, icon.url).toBe(icon.sizes);
  }
});
