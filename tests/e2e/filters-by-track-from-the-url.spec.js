// A shared link with ?track=<id> opens the viewer already filtered to that track.
import { test, expect } from '@playwright/test';
import { RecapViewer } from './support/viewer.js';
import { siteBundle, talksWhere, trackId } from './support/corpus.js';

test('?track=<#Security> shows exactly the one security talk', async ({ page }) => {
  const viewer = new RecapViewer(page);
  const bundle = siteBundle();
  const security = trackId(bundle, '#Security');
  const expected = talksWhere(bundle, { track: [security] });
  expect(expected).toHaveLength(1);

  await viewer.openLoaded(`?track=${encodeURIComponent(security)}`);

  await expect(viewer.cards).toHaveCount(1);
  await expect(viewer.cards.first()).toHaveAttribute('data-id', expected[0].id);
  await expect(viewer.cards.first().getByTestId('talk-title')).toContainText(
    'OpenSource Pentesting & Security Analysis Tools: The DevOps-way',
  );
  await expect(viewer.option('track', security)).toBeChecked();
  await expect(viewer.resultCount).toContainText(`1 of ${bundle.talks.length} talks`);
});

test('clearing the filters shows every talk again', async ({ page }) => {
  const viewer = new RecapViewer(page);
  const bundle = siteBundle();
  const security = trackId(bundle, '#Security');

  await viewer.openLoaded(`?track=${encodeURIComponent(security)}`);
  await page.getByTestId('clear-filters').click();

  await expect(viewer.cards).toHaveCount(bundle.talks.length);
  await expect.poll(() => viewer.queryValues('track')).toEqual([]);
});
