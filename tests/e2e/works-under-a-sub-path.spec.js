// The release site uses relative URLs only, so it works when deployed under any sub-path.
import { test, expect } from '@playwright/test';
import { RecapViewer } from './support/viewer.js';
import { siteBundle, trackId } from './support/corpus.js';
import { SUB_PATH, SUB_PATH_ORIGIN } from './support/servers.js';

test('loads the app and its bundle under a sub-path, and filters there', async ({ page }) => {
  const viewer = new RecapViewer(page);
  const bundle = siteBundle();
  const security = trackId(bundle, '#Security');
  const outside = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(`${SUB_PATH_ORIGIN}${SUB_PATH}`)) outside.push(request.url());
  });

  await page.goto(`${SUB_PATH_ORIGIN}${SUB_PATH}`);
  await expect(viewer.cards).toHaveCount(bundle.talks.length);

  await viewer.choose('track', security);
  await expect(viewer.cards).toHaveCount(1);
  expect(new URL(page.url()).pathname).toBe(SUB_PATH);
  expect(outside).toEqual([]);
});
