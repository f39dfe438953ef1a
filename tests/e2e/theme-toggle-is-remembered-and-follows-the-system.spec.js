// The viewer follows the system's light or dark preference until the reader picks a theme with
// the toggle; that choice is remembered across visits and wins over the system from then on.
import { test, expect } from '@playwright/test';
import { RecapViewer, THEME_KEY } from './support/viewer.js';

/** Changes the system's colour scheme and waits until the page has been told (its `change`
 * listeners run in order, so the app's, registered earlier, has run too). */
async function switchSystemTo(page, colorScheme) {
  await page.evaluate(() => {
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    window.__systemSchemeTold = new Promise((resolve) => media.addEventListener('change', resolve, { once: true }));
    window.__systemSchemeMedia = media;
  });
  await page.emulateMedia({ colorScheme });
  await page.evaluate(() => window.__systemSchemeTold);
}

/** The page's background colour as painted. */
const background = (viewer) => viewer.root.evaluate((element) => getComputedStyle(element).backgroundColor);

test('without a choice, the theme follows the system, live', async ({ page }) => {
  const viewer = new RecapViewer(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await viewer.openLoaded();
  await expect(viewer.root).toHaveAttribute('data-theme', 'dark');
  await expect(viewer.themeToggle).toHaveAttribute('aria-pressed', 'true');
  const dark = await background(viewer);

  await switchSystemTo(page, 'light');
  await expect(viewer.root).toHaveAttribute('data-theme', 'light');
  await expect(viewer.themeToggle).toHaveAttribute('aria-pressed', 'false');
  expect(await background(viewer)).not.toEqual(dark);
  expect(await viewer.stored(THEME_KEY)).toBeNull();
});

test('the toggle switches the theme, is remembered after a reload, and then wins over the system', async ({ page }) => {
  const viewer = new RecapViewer(page);
  await page.emulateMedia({ colorScheme: 'light' });
  await viewer.openLoaded();
  await expect(viewer.root).toHaveAttribute('data-theme', 'light');
  const light = await background(viewer);

  await viewer.themeToggle.click();
  await expect(viewer.root).toHaveAttribute('data-theme', 'dark');
  await expect(viewer.themeToggle).toHaveAttribute('aria-pressed', 'true');
  await expect(viewer.themeToggle).toHaveAccessibleName('Dark theme');
  expect(await background(viewer)).not.toEqual(light);
  expect(await viewer.stored(THEME_KEY)).toBe('dark');

  await page.reload();
  await expect(viewer.root).toHaveAttribute('data-theme', 'dark');

  // The system changing its mind does not override the reader's choice.
  await switchSystemTo(page, 'dark');
  await switchSystemTo(page, 'light');
  await expect(viewer.root).toHaveAttribute('data-theme', 'dark');

  await viewer.themeToggle.click();
  await expect(viewer.root).toHaveAttribute('data-theme', 'light');
  expect(await viewer.stored(THEME_KEY)).toBe('light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.reload();
  await expect(viewer.root).toHaveAttribute('data-theme', 'light');
});
