// A reader stars talks; the stars survive a reload, "Starred only" lists just those, and the
// starred list downloads as Markdown.
import { readFile } from 'node:fs/promises';
import { test, expect } from '@playwright/test';
import { RecapViewer, STARRED_KEY } from './support/viewer.js';
import { displayTitle, siteBundle } from './support/corpus.js';

/** Escapes Markdown markup as the export does. */
const markdown = (text) => text.replace(/[\\[\]*_`<>#|]/g, (c) => `\\${c}`);

test('starred talks survive a reload, filter with "Starred only" and export as Markdown', async ({ page }) => {
  const viewer = new RecapViewer(page);
  const bundle = siteBundle();
  // One talk from each conference, and one more that stays unstarred.
  const starred = bundle.conferences.map(({ id }) => bundle.talks.find((talk) => talk.conference === id && talk.title));
  const unstarred = bundle.talks.find((talk) => !starred.includes(talk) && talk.title);

  await viewer.openLoaded();
  await expect(viewer.exportStarred).toBeDisabled();
  for (const talk of starred) {
    await expect(viewer.star(talk.id)).toHaveAttribute('aria-pressed', 'false');
    await viewer.star(talk.id).click();
    await expect(viewer.star(talk.id)).toHaveAttribute('aria-pressed', 'true');
  }
  await expect(viewer.exportStarred).toHaveText(`Export starred (${starred.length})`);
  expect(new Set(await viewer.stored(STARRED_KEY))).toEqual(new Set(starred.map(({ id }) => id)));

  await page.reload();
  await expect(viewer.resultCount).toBeVisible();
  for (const talk of starred) await expect(viewer.star(talk.id)).toHaveAttribute('aria-pressed', 'true');
  await expect(viewer.star(unstarred.id)).toHaveAttribute('aria-pressed', 'false');

  await viewer.showFilters();
  await viewer.starredOnly.check();
  await expect.poll(() => viewer.cardIds()).toEqual(starred.map(({ id }) => id));
  await expect.poll(() => viewer.queryValues('starred')).toEqual(['1']);
  await expect(viewer.chip('Starred', 'only')).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent('download'), viewer.exportStarred.click()]);
  expect(download.suggestedFilename()).toBe('starred-talks.md');
  const text = await readFile(await download.path(), 'utf8');
  expect(text.startsWith('# Starred talks\n')).toBe(true);
  for (const talk of starred) {
    const conference = bundle.conferences.find(({ id }) => id === talk.conference);
    expect(text).toContain(`\n## ${markdown(conference.name)}\n`);
    const link = talk.links[0]?.url;
    expect(text).toContain(link ? `- [${markdown(displayTitle(talk))}](<${link}>)` : `- ${markdown(displayTitle(talk))}`);
  }
  expect(text).not.toContain(markdown(unstarred.title));
  expect(text.split('\n').filter((line) => line.startsWith('- '))).toHaveLength(starred.length);

  // Unstarring (here, in the starred-only list) removes the talk from the list and the store.
  await viewer.star(starred[0].id).click();
  await expect(viewer.cards).toHaveCount(starred.length - 1);
  await expect(viewer.exportStarred).toHaveText(`Export starred (${starred.length - 1})`);
  expect(await viewer.stored(STARRED_KEY)).not.toContain(starred[0].id);
});

test('a star in the talk view is the same star as on the card', async ({ page }) => {
  const viewer = new RecapViewer(page);
  const talk = siteBundle().talks[0];

  await viewer.openTalkPermalink(talk.id);
  await viewer.talkView.getByTestId('star').click();
  await expect(viewer.talkView.getByTestId('star')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Escape');
  await expect(viewer.star(talk.id)).toHaveAttribute('aria-pressed', 'true');
});

test('stars made in another tab show up here', async ({ page, context }) => {
  const viewer = new RecapViewer(page);
  const talk = siteBundle().talks[1];
  await viewer.openLoaded();

  const other = new RecapViewer(await context.newPage());
  await other.openLoaded();
  await other.star(talk.id).click();
  await expect(other.star(talk.id)).toHaveAttribute('aria-pressed', 'true');

  await expect(viewer.star(talk.id)).toHaveAttribute('aria-pressed', 'true');
});
