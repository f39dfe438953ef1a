// The README's screenshots (docs/screenshots/{view}-{theme}-{device}.png), taken from the built
// site showing the project's own sample recaps (recaps/), never the shared corpus. Each shot
// also checks that the view it shows is the one intended and fits the screen.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { RecapViewer } from './support/viewer.js';
import { ROOT, SAMPLES_BUNDLE, samplesBundle, talksBy } from './support/corpus.js';

const OUT = join(ROOT, 'docs', 'screenshots');
const bundle = samplesBundle();
const notesLength = (talk) => talk.notes.reduce((sum, notes) => sum + notes.html.length, 0);
/** The talk with the most links, then the longest notes: the fullest talk view. */
const talk = [...bundle.talks].sort((a, b) => b.links.length - a.links.length || notesLength(b) - notesLength(a))[0];
/** The speaker with the most talks (across conferences). */
const speaker = [...bundle.speakers].sort((a, b) => talksBy(bundle, b.id).length - talksBy(bundle, a.id).length)[0];
/** The conference with the most talks. */
const conference = [...bundle.conferences].sort(
  (a, b) => bundle.talks.filter((t) => t.conference === b.id).length - bundle.talks.filter((t) => t.conference === a.id).length,
)[0];

const views = {
  list: { query: '', ready: (viewer) => expect(viewer.cards).toHaveCount(bundle.talks.length) },
  talk: {
    query: `?talk=${encodeURIComponent(talk.id)}`,
    ready: (viewer) => expect(viewer.talkView).toHaveAttribute('data-id', talk.id),
  },
  speaker: {
    query: `?speaker=${encodeURIComponent(speaker.id)}`,
    ready: (viewer) => expect(viewer.speakerView.getByRole('heading', { level: 2 })).toHaveText(speaker.name),
  },
  conference: {
    query: `?conference=${encodeURIComponent(conference.id)}`,
    ready: (viewer) => expect(viewer.chart).toBeVisible(),
  },
};

const devices = {
  desktop: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
};

test.beforeAll(() => mkdirSync(OUT, { recursive: true }));

for (const [device, options] of Object.entries(devices)) {
  test.describe(device, () => {
    test.use(options);
    for (const [view, { query, ready }] of Object.entries(views)) {
      for (const colorScheme of ['light', 'dark']) {
        const file = `${view}-${colorScheme}-${device}.png`;
        test(file, async ({ page }) => {
          const viewer = new RecapViewer(page);
          await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
          await viewer.serveBundle({ path: SAMPLES_BUNDLE });

          await viewer.open(query);
          await ready(viewer);
          // The sample recaps, not the site's bundle, are on screen.
          await expect(page.locator('.app-subtitle')).toHaveText(`${bundle.talks.length} talks from ${bundle.conferences.length} conferences`);
          await expect(viewer.root).toHaveAttribute('data-theme', colorScheme);
          expect(await viewer.overflowsHorizontally()).toBe(false);
          await page.evaluate(() => document.fonts.ready);

          await page.screenshot({ path: join(OUT, file), animations: 'disabled', caret: 'hide' });
        });
      }
    }
  });
}
