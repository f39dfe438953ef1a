// A talk opens in its own view with a permalink (?talk=<id>); Previous and Next walk the current
// list; Escape or Back return to the list exactly where the reader left it.
import { test, expect } from '@playwright/test';
import { RecapViewer } from './support/viewer.js';
import { displayTitle, siteBundle, talksWhere } from './support/corpus.js';

test('opening a talk from deep in the list, stepping through it, and Escape back to the same place', async ({ page }) => {
  const viewer = new RecapViewer(page);
  const bundle = siteBundle();
  const at = Math.floor(bundle.talks.length * 0.6);
  const [talk, next] = [bundle.talks[at], bundle.talks[at + 1]];

  await viewer.openLoaded();
  await viewer.card(talk.id).evaluate((card) => card.scrollIntoView({ block: 'center' }));
  const listScroll = await viewer.clickNotingScroll(viewer.titleLink(talk.id));
  expect(listScroll).toBeGreaterThan(0);

  await expect(viewer.talkView).toHaveAttribute('data-id', talk.id);
  await expect.poll(() => viewer.queryValues('talk')).toEqual([talk.id]);
  await expect(viewer.talkTitle).toHaveText(displayTitle(talk));
  await expect(viewer.talkTitle).toBeFocused();
  await expect(viewer.cards.first()).toBeHidden();
  await expect.poll(() => viewer.scrollY()).toBe(0);

  await viewer.nextTalk.click();
  await expect(viewer.talkView).toHaveAttribute('data-id', next.id);
  await expect(viewer.talkTitle).toHaveText(displayTitle(next));
  await expect.poll(() => viewer.queryValues('talk')).toEqual([next.id]);
  await viewer.previousTalk.click();
  await expect(viewer.talkView).toHaveAttribute('data-id', talk.id);

  await page.keyboard.press('Escape');

  await expect(viewer.talkView).toHaveCount(0);
  await expect(viewer.card(talk.id)).toBeInViewport();
  await expect.poll(() => viewer.scrollY()).toBe(listScroll);
  await expect.poll(() => viewer.queryValues('talk')).toEqual([]);
});

test('the browser\'s Back button returns to the list at the same scroll position', async ({ page }) => {
  const viewer = new RecapViewer(page);
  const bundle = siteBundle();
  const talk = bundle.talks.at(-2);

  await viewer.openLoaded();
  await viewer.card(talk.id).evaluate((card) => card.scrollIntoView({ block: 'center' }));
  const listScroll = await viewer.clickNotingScroll(viewer.titleLink(talk.id));
  expect(listScroll).toBeGreaterThan(0);
  await expect(viewer.talkView).toHaveAttribute('data-id', talk.id);

  await page.goBack();

  await expect(viewer.talkView).toHaveCount(0);
  await expect.poll(() => viewer.scrollY()).toBe(listScroll);
  await expect(viewer.card(talk.id)).toBeInViewport();
  // Forward opens the talk again.
  await page.goForward();
  await expect(viewer.talkView).toHaveAttribute('data-id', talk.id);
});

test('a permalink opens the talk, Previous and Next stay within the filter, and Escape shows that list', async ({ page }) => {
  const viewer = new RecapViewer(page);
  const bundle = siteBundle();
  const [track] = [...bundle.tracks].sort(
    (a, b) => talksWhere(bundle, { track: [b.id] }).length - talksWhere(bundle, { track: [a.id] }).length,
  );
  const inTrack = talksWhere(bundle, { track: [track.id] });
  // A talk in the middle of the track whose next talk in the archive is not the track's next.
  const at = inTrack.findIndex(
    (talk, i) => i > 0 && i < inTrack.length - 1 && bundle.talks.indexOf(inTrack[i + 1]) > bundle.talks.indexOf(talk) + 1,
  );
  expect(at).toBeGreaterThan(0);
  const [previous, talk, next] = inTrack.slice(at - 1, at + 2);

  await viewer.openTalkPermalink(talk.id, `?track=${encodeURIComponent(track.id)}`);

  await expect(viewer.previousTalk).toHaveAttribute('href', `?talk=${encodeURIComponent(previous.id)}`);
  await expect(viewer.previousTalk).toContainText(displayTitle(previous));
  await expect(viewer.nextTalk).toContainText(displayTitle(next));
  await viewer.nextTalk.click();
  await expect(viewer.talkView).toHaveAttribute('data-id', next.id);
  await expect.poll(() => viewer.queryValues('track')).toEqual([track.id]);

  // The first talk of the list has no Previous, the last no Next.
  await viewer.openTalkPermalink(inTrack[0].id, `?track=${encodeURIComponent(track.id)}`);
  await expect(viewer.previousTalk).toHaveCount(0);
  await viewer.openTalkPermalink(inTrack.at(-1).id, `?track=${encodeURIComponent(track.id)}`);
  await expect(viewer.nextTalk).toHaveCount(0);

  // Escape (or "All talks") closes the view in place: the filtered list is shown.
  await page.keyboard.press('Escape');
  await expect(viewer.talkView).toHaveCount(0);
  await expect(viewer.cards).toHaveCount(inTrack.length);
  await expect.poll(() => viewer.queryValues('talk')).toEqual([]);
  await expect.poll(() => viewer.queryValues('track')).toEqual([track.id]);
});

test('"All talks" leaves the view, and an unknown talk id says it is not found', async ({ page }) => {
  const viewer = new RecapViewer(page);
  const bundle = siteBundle();

  await viewer.openTalkPermalink(bundle.talks[0].id);
  await viewer.backToList.click();
  await expect(viewer.talkView).toHaveCount(0);
  await expect(viewer.cards).toHaveCount(bundle.talks.length);

  await viewer.open('?talk=no-such-talk');
  await expect(viewer.talkView).toContainText('Talk not found');
  await expect(viewer.talkView).toContainText('no-such-talk');
  await viewer.backToList.click();
  await expect(viewer.cards).toHaveCount(bundle.talks.length);
});
