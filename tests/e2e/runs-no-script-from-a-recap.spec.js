// Recaps are foreign Markdown with raw HTML: nothing in them may run in the reader's browser.
import { test, expect } from '@playwright/test';
import { RecapViewer } from './support/viewer.js';
import { HOSTILE_BUNDLE } from './support/corpus.js';

/** Records dialogs and requests off this machine (which are also aborted: tests stay offline). */
async function watchPage(page) {
  const seen = { dialogs: [], offsite: [] };
  page.on('dialog', (dialog) => {
    seen.dialogs.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  await page.route(/^(?!https?:\/\/(127\.0\.0\.1|localhost)[:/])/, (route) => {
    seen.offsite.push(route.request().url());
    return route.abort();
  });
  return seen;
}

const bundles = [
  { name: 'our hostile fixture recap', path: HOSTILE_BUNDLE },
  { name: 'the original recaps (embedded tweets)', path: null },
];

for (const { name, path } of bundles) {
  test(`runs no script from ${name}, even with every talk's notes open`, async ({ page }) => {
    const viewer = new RecapViewer(page);
    const seen = await watchPage(page);
    if (path) await viewer.serveBundle({ path });

    await viewer.openLoaded();
    const opened = await viewer.openAllNotes();
    expect(opened).toBeGreaterThan(0);
    // Give anything that might fire (onerror, onload, ontoggle, embeds) the time to.
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(250);

    expect(await page.evaluate(() => window.__recapPwned)).toBeUndefined();
    expect(seen.dialogs).toEqual([]);
    expect(seen.offsite.filter((url) => url.includes('platform.twitter.com'))).toEqual([]);
    await expect(viewer.notes.locator('script, iframe, object, embed, form, style, base, meta')).toHaveCount(0);
    await expect(viewer.notes.locator('[onerror], [onload], [onclick], [ontoggle], [onmouseover]')).toHaveCount(0);
    await expect(viewer.notes.locator('a[href^="javascript:" i], a[href^="data:" i]')).toHaveCount(0);
  });
}

test('shows markup in recap text fields as text', async ({ page }) => {
  const viewer = new RecapViewer(page);
  await watchPage(page);
  await viewer.serveBundle({ path: HOSTILE_BUNDLE });

  await viewer.openLoaded();

  await expect(page.getByTestId('talk-conference').first()).toContainText('<script>');
  expect(await page.evaluate(() => window.__recapPwned)).toBeUndefined();
});
