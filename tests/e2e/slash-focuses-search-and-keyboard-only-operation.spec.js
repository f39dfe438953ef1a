// The whole viewer works from the keyboard: `/` jumps to the search box, Tab reaches every
// control with a visible focus ring, Space toggles a filter and Enter opens a talk.
import { test, expect } from '@playwright/test';
import { RecapViewer } from './support/viewer.js';
import { facetCount, searchHits, siteBundle } from './support/corpus.js';

/** What has focus, and whether it shows a focus ring a reader can see. */
function focused(page) {
  return page.evaluate(() => {
    const element = document.activeElement;
    const style = getComputedStyle(element);
    const option = element.closest('[data-testid="facet-option"]');
    return {
      tag: element.tagName.toLowerCase(),
      name: element.getAttribute('aria-label') ?? element.textContent.trim().slice(0, 60),
      facetOption: option ? { id: option.dataset.id, facet: option.closest('fieldset').dataset.testid.replace(/^facet-/, '') } : null,
      talkLink: element.matches('.talk-title-link') ? element.closest('[data-testid="talk-card"]').dataset.id : null,
      ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
    };
  });
}

/** Presses Tab (or `key`) until `wanted` holds for the focused element, checking each stop's
 * focus ring on the way. */
async function tabUntil(page, wanted, { key = 'Tab', limit = 120 } = {}) {
  for (let step = 0; step < limit; step += 1) {
    await page.keyboard.press(key);
    const stop = await focused(page);
    expect(stop.ring, `focus ring on <${stop.tag}> “${stop.name}”`).toBe(true);
    if (wanted(stop)) return stop;
  }
  throw new Error(`no matching control within ${limit} presses of ${key}`);
}

test('`/` focuses the search box from anywhere on the list, and types a slash inside it', async ({ page }) => {
  const viewer = new RecapViewer(page);
  const bundle = siteBundle();
  const word = bundle.speakers[0].name.split(' ')[0];

  await viewer.openLoaded();
  await expect(viewer.search).toHaveAttribute('aria-keyshortcuts', '/');
  await expect(viewer.search).not.toBeFocused();
  await page.keyboard.press('/');
  await expect(viewer.search).toBeFocused();
  await expect(viewer.search).toHaveValue('');

  await page.keyboard.type(word);
  await expect(viewer.cards).toHaveCount(searchHits(bundle, word).length);
  await page.keyboard.press('/');
  await expect(viewer.search).toHaveValue(`${word}/`);
  await page.keyboard.press('Escape');
  await expect(viewer.search).toHaveValue('');
  await expect(viewer.cards).toHaveCount(bundle.talks.length);
});

test('Tab reaches a filter, Space toggles it, Tab reaches a talk, Enter opens it, Escape returns', async ({ page }) => {
  const viewer = new RecapViewer(page);
  const bundle = siteBundle();

  await viewer.openLoaded();
  const option = (await tabUntil(page, (stop) => stop.facetOption !== null)).facetOption;
  await expect(viewer.option(option.facet, option.id)).toBeFocused();

  await page.keyboard.press('Space');
  await expect(viewer.option(option.facet, option.id)).toBeChecked();
  const selected = { [option.facet]: [option.id] };
  await expect(viewer.cards).toHaveCount(facetCount(bundle, selected, option.facet, option.id));
  await expect.poll(() => viewer.queryValues(option.facet)).toEqual([option.id]);

  const talk = (await tabUntil(page, (stop) => stop.talkLink !== null)).talkLink;
  await page.keyboard.press('Enter');
  await expect(viewer.talkView).toHaveAttribute('data-id', talk);
  await expect(viewer.talkTitle).toBeFocused();
  // `/` does not leave the talk view for a hidden search box.
  await page.keyboard.press('/');
  await expect(viewer.talkView).toBeVisible();

  // The talk view's own controls are reachable too: on to Next, back up to "All talks".
  await tabUntil(page, (stop) => stop.name.startsWith('Next'));
  await tabUntil(page, (stop) => stop.name.includes('All talks'), { key: 'Shift+Tab' });
  await page.keyboard.press('Escape');
  await expect(viewer.talkView).toHaveCount(0);
  await expect(viewer.option(option.facet, option.id)).toBeChecked();
  await expect(viewer.card(talk)).toBeVisible();
});
