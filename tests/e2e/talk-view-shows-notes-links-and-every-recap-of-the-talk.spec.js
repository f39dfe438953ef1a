// The talk view holds everything about a talk: its full notes, its links, which recap each part
// of the notes comes from (author, link to the original post) and other recaps of the same talk.
import { test, expect } from '@playwright/test';
import { RecapViewer } from './support/viewer.js';
import { displayTitle, recapOf, siteBundle } from './support/corpus.js';

test('a talk\'s view shows its notes, links and the recap they come from', async ({ page }) => {
  const viewer = new RecapViewer(page);
  const bundle = siteBundle();
  const talk = bundle.talks.find(
    (candidate) => candidate.links.length > 0 && candidate.notes.length === 1 && recapOf(bundle, candidate, candidate.notes[0]).author,
  );
  const source = recapOf(bundle, talk, talk.notes[0]);

  await viewer.openLoaded();
  await viewer.card(talk.id).getByTestId('talk-open').click();

  await expect(viewer.talkView).toHaveAttribute('data-id', talk.id);
  await expect(viewer.recapNotes).toHaveCount(1);
  await expect(viewer.recapNotes.locator('.recap-source')).toContainText(source.title ?? source.file);
  await expect(viewer.recapNotes.locator('.recap-author')).toHaveText(source.author);
  // The notes are the recap's text, not the card's short summary.
  const notesText = await viewer.recapNotes.locator('.talk-notes-body').innerText();
  expect(notesText.length).toBeGreaterThan(talk.summary.replace(/…$/, '').length);
  const links = viewer.talkView.getByRole('list', { name: 'Links' }).getByRole('link');
  await expect(links).toHaveCount(talk.links.filter(({ url }) => /^https?:/i.test(url)).length);
  await expect(links.first()).toHaveAttribute('href', talk.links[0].url);
});

test('a talk covered by two recaps shows both, each with its author and a link to the post', async ({ page }) => {
  const viewer = new RecapViewer(page);
  const bundle = siteBundle();
  const talk = bundle.talks.find((candidate) => candidate.notes.length === 1);
  const conference = bundle.conferences.find(({ id }) => id === talk.conference);
  // A second recap of the same talk, as the compiler merges them (test data, not corpus text).
  const second = {
    file: 'second-look.md',
    title: 'A second look',
    date: '2020-02-02T10:00:00+00:00',
    author: 'Robin Reviewer',
    url: 'https://example.org/a-second-look/',
  };
  conference.sources.push(second);
  talk.notes.push({ recap: conference.sources.length - 1, line: 3, html: '<p>Seen from the back row.</p>' });
  await viewer.serveBundle({ body: JSON.stringify(bundle) });

  await viewer.openTalkPermalink(talk.id);

  await expect(viewer.talkTitle).toHaveText(displayTitle(talk));
  await expect(viewer.recapNotes).toHaveCount(2);
  const other = viewer.recapNotes.nth(1);
  await expect(other.locator('.recap-source')).toContainText('Notes from');
  await expect(other.getByTestId('recap-link')).toHaveAttribute('href', second.url);
  await expect(other.getByTestId('recap-link')).toHaveText(second.title);
  await expect(other.locator('.recap-author')).toHaveText(second.author);
  await expect(other.locator('time')).toHaveAttribute('datetime', '2020-02-02');
  await expect(other).toContainText('Seen from the back row.');
});
