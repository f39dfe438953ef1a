// A reader picks a day, then a speaker: the cards narrow, the URL follows, Back undoes each step.
import { test, expect } from '@playwright/test';
import { RecapViewer } from './support/viewer.js';
import { siteBundle, talksWhere } from './support/corpus.js';

/** The day with the most talks, and the first speaker of a talk on that day. */
function scenario(bundle) {
  const days = bundle.conferences.flatMap((conference) => conference.days);
  const [day] = days
    .map((candidate) => ({ id: candidate.id, talks: talksWhere(bundle, { day: [candidate.id] }) }))
    .sort((a, b) => b.talks.length - a.talks.length);
  const speaker = day.talks.flatMap((talk) => talk.speakers)[0];
  return { day: day.id, speaker: speaker.id };
}

test('choosing a day then a speaker narrows the cards, and Back restores each state', async ({ page }) => {
  const viewer = new RecapViewer(page);
  const bundle = siteBundle();
  const { day, speaker } = scenario(bundle);
  const onDay = talksWhere(bundle, { day: [day] });
  const onDayBySpeaker = talksWhere(bundle, { day: [day], speaker: [speaker] });
  expect(onDay.length).toBeGreaterThan(onDayBySpeaker.length);

  await viewer.openLoaded();
  await expect(viewer.cards).toHaveCount(bundle.talks.length);

  await viewer.choose('day', day);
  await expect(viewer.cards).toHaveCount(onDay.length);
  await expect.poll(() => viewer.queryValues('day')).toEqual([day]);

  // The speaker list is long: the reader may need "Show all" to reach this one.
  await viewer.choose('speaker', speaker);
  await expect(viewer.cards).toHaveCount(onDayBySpeaker.length);
  await expect.poll(() => viewer.queryValues('speaker')).toEqual([speaker]);
  await expect.poll(() => viewer.queryValues('day')).toEqual([day]);

  await page.goBack();
  await expect(viewer.cards).toHaveCount(onDay.length);
  await expect(viewer.option('speaker', speaker)).not.toBeChecked();
  await expect(viewer.option('day', day)).toBeChecked();
  await expect.poll(() => viewer.queryValues('speaker')).toEqual([]);

  await page.goBack();
  await expect(viewer.cards).toHaveCount(bundle.talks.length);
  await expect(viewer.option('day', day)).not.toBeChecked();
  await expect.poll(() => viewer.queryValues('day')).toEqual([]);
});
