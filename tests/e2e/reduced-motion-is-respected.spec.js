// Readers who ask their system for less motion get none: no spinning loader, no transitions.
import { test, expect } from '@playwright/test';
import { RecapViewer } from './support/viewer.js';

/** Holds the bundle back until `release()` is called, so the loading state stays on screen. */
async function holdBundle(page) {
  let release;
  const released = new Promise((resolve) => {
    release = resolve;
  });
  await page.route('**/bundle.json', async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

const spinnerAnimation = (viewer) =>
  viewer.loading.locator('.spinner').evaluate((spinner) => {
    const style = getComputedStyle(spinner);
    return { name: style.animationName, duration: style.animationDuration };
  });

for (const reducedMotion of ['no-preference', 'reduce']) {
  test(`the loading spinner with reduced motion: ${reducedMotion}`, async ({ page }) => {
    const viewer = new RecapViewer(page);
    await page.emulateMedia({ reducedMotion });
    const release = await holdBundle(page);

    await viewer.open();
    await expect(viewer.loading).toBeVisible();
    const animation = await spinnerAnimation(viewer);
    if (reducedMotion === 'reduce') {
      expect(animation.name).toBe('none');
    } else {
      expect(animation.name).not.toBe('none');
      expect(parseFloat(animation.duration)).toBeGreaterThan(0.1);
    }
    release();
    await expect(viewer.resultCount).toBeVisible();
  });
}

test('transitions are instant with reduced motion', async ({ page }) => {
  const viewer = new RecapViewer(page);
  // The phone layout's "Filters" toggle turns its arrow with a transition.
  await page.setViewportSize({ width: 375, height: 740 });
  await viewer.openLoaded();
  const duration = () =>
    viewer.filtersToggle.evaluate((toggle) => parseFloat(getComputedStyle(toggle, '::after').transitionDuration));
  expect(await duration()).toBeGreaterThan(0.05);

  await page.emulateMedia({ reducedMotion: 'reduce' });
  expect(await duration()).toBeLessThan(0.001);
  const smooth = await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior);
  expect(smooth).toBe('auto');
});
