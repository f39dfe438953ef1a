// axe-core finds no accessibility violations (all of its rules, WCAG 2.x A/AA and best
// practices) on the list, a talk view, a speaker view and a conference overview, in the light and
// the dark theme, on a desktop and with the phone layout's filters open.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { RecapViewer } from './support/viewer.js';
import { siteBundle, talksBy } from './support/corpus.js';

const bundle = siteBundle();
const richTalk = bundle.talks.find((talk) => talk.links.length > 0 && talk.notes.length > 0 && talk.tracks.length > 0);
const speaker = bundle.speakers.find((candidate) => candidate.companies.length > 0 && talksBy(bundle, candidate.id).length > 1) ?? bundle.speakers[0];
const conference = bundle.conferences.find(({ id }) => bundle.talks.some((talk) => talk.conference === id && talk.tracks.length > 0));

/** The states of the viewer a reader meets, each opened and waited for. */
const states = {
  'the list': async (viewer) => {
    await viewer.openLoaded();
    await expect(viewer.cards).toHaveCount(bundle.talks.length);
  },
  'a search with highlighted matches and chips': async (viewer) => {
    await viewer.openLoaded(`?q=${encodeURIComponent(speaker.name.split(' ')[0])}&track=${encodeURIComponent(richTalk.tracks[0])}`);
    await expect(viewer.chips).toHaveCount(2);
  },
  'the empty state': async (viewer) => {
    await viewer.openLoaded('?q=qqqxyzzy&track=no-such-track');
    await expect(viewer.noResults).toBeVisible();
  },
  'a talk view': async (viewer) => {
    await viewer.openTalkPermalink(richTalk.id);
    await expect(viewer.recapNotes.first()).toBeVisible();
  },
  'a speaker view': async (viewer) => {
    await viewer.openLoaded(`?speaker=${encodeURIComponent(speaker.id)}`);
    await expect(viewer.speakerView).toBeVisible();
  },
  'the conference overview': async (viewer) => {
    await viewer.openLoaded(`?conference=${encodeURIComponent(conference.id)}`);
    await expect(viewer.chart).toBeVisible();
  },
  'the phone layout with the filters open': async (viewer) => {
    await viewer.page.setViewportSize({ width: 375, height: 740 });
    await viewer.openLoaded();
    await viewer.showFilters();
    await viewer.revealOption('speaker', bundle.speakers.at(-1).id);
  },
};

/** A violation as a short, readable record: rule, impact, and where. */
const describe = ({ id, impact, help, nodes }) => ({
  rule: id,
  impact,
  help,
  nodes: nodes.map(({ target, failureSummary }) => `${target.join(' ')}: ${failureSummary.replace(/\s+/g, ' ')}`),
});

for (const colorScheme of ['light', 'dark']) {
  for (const [name, open] of Object.entries(states)) {
    test(`${name} in the ${colorScheme} theme`, async ({ page }) => {
      const viewer = new RecapViewer(page);
      await page.emulateMedia({ colorScheme });

      await open(viewer);
      await expect(viewer.root).toHaveAttribute('data-theme', colorScheme);

      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map(describe)).toEqual([]);
      // axe did look at the page (a blank page has no violations either).
      expect(results.passes.length).toBeGreaterThan(10);
    });
  }
}
