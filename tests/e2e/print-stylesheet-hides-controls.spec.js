// Printing the list or a talk gives the talks and notes on paper, without the controls (search,
// filters, stars, sort, theme, navigation), in black on white, with link addresses written out.
import { test, expect } from '@playwright/test';
import { RecapViewer } from './support/viewer.js';
import { siteBundle } from './support/corpus.js';

test('the printed list shows the cards but none of the controls', async ({ page }) => {
  const viewer = new RecapViewer(page);
  const bundle = siteBundle();
  const talk = bundle.talks.find((candidate) => candidate.links.length > 0);

  await viewer.openLoaded();
  await expect(viewer.search).toBeVisible();
  await page.emulateMedia({ media: 'print' });

  for (const control of [viewer.search, viewer.filtersPanel, viewer.sort, viewer.themeToggle, viewer.star(talk.id), viewer.clearFilters]) {
    await expect(control).toBeHidden();
  }
  await expect(viewer.cards).toHaveCount(bundle.talks.length);
  await expect(viewer.card(talk.id)).toBeVisible();
  await expect(viewer.resultCount).toBeVisible();
  const colours = await viewer.root.evaluate((element) => [getComputedStyle(element).color, getComputedStyle(element).backgroundColor]);
  expect(colours).toEqual(['rgb(0, 0, 0)', 'rgb(255, 255, 255)']);
  // Paper has no links to click: their addresses are printed after them.
  const printed = await viewer.card(talk.id).locator('.talk-link').first().evaluate((link) => getComputedStyle(link, '::after').content);
  expect(printed).toContain(talk.links[0].url);

  await page.emulateMedia({ media: 'screen' });
  await expect(viewer.search).toBeVisible();
});

test('the printed talk view keeps the notes and drops the navigation', async ({ page }) => {
  const viewer = new RecapViewer(page);
  const talk = siteBundle().talks.find((candidate) => candidate.notes.length > 0);

  await viewer.openTalkPermalink(talk.id);
  await page.emulateMedia({ media: 'print' });

  await expect(viewer.talkTitle).toBeVisible();
  await expect(viewer.notes).toBeVisible();
  for (const control of [viewer.backToList, viewer.nextTalk, viewer.talkView.getByTestId('star'), viewer.themeToggle]) {
    await expect(control).toBeHidden();
  }
});

test('printing in the dark theme still prints dark text on white', async ({ page }) => {
  const viewer = new RecapViewer(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await viewer.openLoaded();
  await expect(viewer.root).toHaveAttribute('data-theme', 'dark');

  await page.emulateMedia({ media: 'print' });
  const colours = await viewer.root.evaluate((element) => [getComputedStyle(element).color, getComputedStyle(element).backgroundColor]);
  expect(colours).toEqual(['rgb(0, 0, 0)', 'rgb(255, 255, 255)']);
  // Every bit of card text is dark enough to read on white paper (not the dark theme's light
  // greys), and cards are not filled with the dark theme's surface colour.
  const card = viewer.cards.first();
  const texts = await card.locator('*').evaluateAll((elements) =>
    elements
      .filter((element) => element.checkVisibility())
      .filter((element) => [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent.trim()))
      .map((element) => ({ text: element.textContent.trim().slice(0, 40), color: getComputedStyle(element).color })),
  );
  const luminance = (color) => {
    const [r, g, b] = color.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
  };
  expect(texts.filter(({ color }) => luminance(color) > 0.5)).toEqual([]);
  const fill = await card.evaluate((element) => getComputedStyle(element).backgroundColor);
  expect(luminance(fill)).toBeGreaterThan(0.9);
});
