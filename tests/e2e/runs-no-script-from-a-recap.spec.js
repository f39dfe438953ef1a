// Recaps are foreign Markdown with raw HTML: nothing in them may run in the reader's browser.
import { test, expect } from '@playwright/test';
import { RecapViewer } from './support/viewer.js';
import { HOSTILE_BUNDLE, readBundle, siteBundle } from './support/corpus.js';

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

/** Lets anything a page might fire (onerror, onload, ontoggle, embeds) do so: the network
 * settles, then two frames are painted. */
async function settle(page) {
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

for (const { name, path } of bundles) {
  test(`runs no script from ${name}, even with every talk's notes open`, async ({ page }) => {
    const viewer = new RecapViewer(page);
    const seen = await watchPage(page);
    if (path) await viewer.serveBundle({ path });
    const bundle = path ? readBundle(path) : siteBundle();
    const [first, ...rest] = bundle.talks;

    // A reader opens the first talk's notes from its card, then reads on with "Next".
    await viewer.openLoaded();
    await viewer.titleLink(first.id).click();
    let opened = 0;
    for (const talk of [first, ...rest]) {
      if (talk !== first) await viewer.nextTalk.click();
      await expect(viewer.talkView).toHaveAttribute('data-id', talk.id);
      if (talk.notes.length > 0) {
        await expect(viewer.recapNotes).toHaveCount(talk.notes.length);
        opened += 1;
      }
      await expect(viewer.notes.locator('script, iframe, object, embed, form, style, base, meta')).toHaveCount(0);
      await expect(viewer.notes.locator('[onerror], [onload], [onclick], [ontoggle], [onmouseover]')).toHaveCount(0);
      await expect(viewer.notes.locator('a[href^="javascript:" i], a[href^="data:" i]')).toHaveCount(0);
    }
    await expect(viewer.nextTalk).toHaveCount(0);
    expect(opened).toBeGreaterThan(0);
    await settle(page);

    expect(await page.evaluate(() => window.__recapPwned)).toBeUndefined();
    expect(seen.dialogs).toEqual([]);
    expect(seen.offsite.filter((url) => url.includes('platform.twitter.com'))).toEqual([]);
  });
}

test('shows markup in recap text fields as text', async ({ page }) => {
  const viewer = new RecapViewer(page);
  await watchPage(page);
  await viewer.serveBundle({ path: HOSTILE_BUNDLE });

  await viewer.openLoaded();

  await expect(page.getByTestId('talk-conference').first()).toContainText('<script>');
  // The conference overview and the talk view show the same names as text too.
  await page.getByTestId('talk-conference').first().click();
  await expect(viewer.conferenceOverview.getByRole('heading', { level: 2 })).toContainText('<script>');
  await viewer.titleLink(readBundle(HOSTILE_BUNDLE).talks[0].id).click();
  await expect(viewer.talkView.getByTestId('talk-conference')).toContainText('<script>');
  await settle(page);
  expect(await page.evaluate(() => window.__recapPwned)).toBeUndefined();
});
