// Test data the browser tests compare against, read from files rather than hard-coded:
// the shared corpus' expected talk lists, the bundle the site under test was built with, and
// the extra bundles `cargo xtask test` writes to target/e2e/.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';

/** The workspace root. */
export const ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

/** The original recaps the release site under test is built from (see xtask/src/test.rs). */
export const ORIGINAL_RECAPS = ['velocity-berlin-2019', 'devopscon-munich-2018'];

/** The shared corpus, checked out next to the repository. */
export const CORPUS = resolve(ROOT, process.env.RECAP_CORPUS ?? '../shared/corpus');

/** Bundle compiled from our hostile fixture recap (tests/fixtures/hostile). */
export const HOSTILE_BUNDLE = join(ROOT, 'target', 'e2e', 'hostile.json');

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

/** How many talks the shared corpus annotates for the original recaps. */
export function expectedTalkCount() {
  return ORIGINAL_RECAPS.map((name) => readJson(join(CORPUS, 'expected', `${name}.expected.json`)))
    .reduce((sum, expected) => sum + expected.talks.length, 0);
}

/** The built site under test (see playwright.config.js). */
export const DIST = resolve(ROOT, process.env.E2E_DIST ?? 'dist');

/** The bundle of the site under test (dist/bundle.json). */
export function siteBundle() {
  return readJson(join(DIST, 'bundle.json'));
}

/** Id of the track with this label in a bundle. */
export function trackId(bundle, label) {
  const track = bundle.tracks.find((candidate) => candidate.label === label);
  if (!track) throw new Error(`no track labelled ${label} in the bundle`);
  return track.id;
}

/** Talks matching a filter: options of one facet are OR-ed, facets AND-ed (crates/query). */
export function talksWhere(bundle, { track = [], day = [], speaker = [] } = {}) {
  return bundle.talks.filter(
    (talk) =>
      (track.length === 0 || talk.tracks.some((id) => track.includes(id))) &&
      (day.length === 0 || day.includes(talk.day)) &&
      (speaker.length === 0 || talk.speakers.some(({ id }) => speaker.includes(id))),
  );
}
