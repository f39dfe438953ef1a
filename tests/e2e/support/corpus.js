// Test data the browser tests compare against, read from files rather than hard-coded:
// the shared corpus' expected talk lists, the bundle the site under test was built with, and
// the extra bundles `cargo xtask test` writes to target/e2e/.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';

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

/** The bundle of the site under test (dist/bundle.json and its files), whole. */
export function siteBundle() {
  return readBundle(join(DIST, 'bundle.json'));
}

/** The talks that name the speaker `id` (a bundle's speakers do not list their talks). */
export function talksBy(bundle, id) {
  return bundle.talks.filter((talk) => talk.speakers.some((speaker) => speaker.id === id));
}

/** The recap `notes` (notes on `talk`) come from: an entry of its conference's `sources`. */
export function recapOf(bundle, talk, notes) {
  return bundle.conferences.find(({ id }) => id === talk.conference).sources[notes.recap];
}

/** The files of a bundle in the split layout (`recap build`): `[name relative to the card
 * index, absolute path]`, the search index first; none for an inline bundle. */
export function bundleFiles(path) {
  const { files } = readJson(path);
  if (!files) return [];
  return [files.search, ...files.notes].map((name) => [name, join(dirname(path), name)]);
}

/** A bundle in the split layout put back together as one inline bundle: every talk's notes'
 * HTML and the search index in place, as the app has them once every part has arrived. */
function inlined(path, bundle) {
  if (!bundle.files) return bundle;
  const { search, notes } = bundle.files;
  const chunks = notes.map((name) => readJson(join(dirname(path), name)));
  bundle.search = readJson(join(dirname(path), search));
  for (const talk of bundle.talks) {
    const html = talk.notes_chunk === undefined
      ? []
      : chunks[talk.notes_chunk].talks.find(({ id }) => id === talk.id).html;
    talk.notes.forEach((notes, i) => { notes.html = html[i] ?? ''; });
    delete talk.notes_chunk;
  }
  delete bundle.files;
  return bundle;
}

/** Id of the track with this label in a bundle. */
export function trackId(bundle, label) {
  const track = bundle.tracks.find((candidate) => candidate.label === label);
  if (!track) throw new Error(`no track labelled ${label} in the bundle`);
  return track.id;
}

/** Talks matching a filter (`{ track: [id], day: [id], speaker, conference, company }`):
 * options of one facet are OR-ed, facets AND-ed (crates/query). */
export function talksWhere(bundle, selected = {}) {
  for (const key of Object.keys(selected)) {
    if (!FACETS.includes(key)) throw new Error(`unknown facet ${key}`);
  }
  return bundle.talks.filter((talk) => passes(talk, selected, null));
}

/** Bundle compiled from the project's own sample recaps (recaps/): the screenshots show these. */
export const SAMPLES_BUNDLE = join(ROOT, 'target', 'e2e', 'samples.json');

/** A bundle written by `cargo xtask test` into target/e2e/ (or any bundle file), whole. */
export function readBundle(path) {
  try {
    return inlined(path, readJson(path));
  } catch (error) {
    throw new Error(`cannot read ${path} (\`cargo xtask test\` writes it): ${error.message}`);
  }
}

/** The sample recaps' bundle (target/e2e/samples.json). */
export function samplesBundle() {
  return readBundle(SAMPLES_BUNDLE);
}

/** The facet query keys (URL keys and `facet-<key>` test ids). */
export const FACETS = ['track', 'day', 'speaker', 'conference', 'company'];

/** The ids a talk has for a facet (crates/query `Facet::talk_values`). */
export function talkValues(talk, facet) {
  switch (facet) {
    case 'track':
      return talk.tracks;
    case 'day':
      return talk.day ? [talk.day] : [];
    case 'speaker':
      return talk.speakers.map(({ id }) => id);
    case 'conference':
      return [talk.conference];
    case 'company':
      return talk.companies ?? [];
    default:
      throw new Error(`unknown facet ${facet}`);
  }
}

/** Whether a talk passes the selected options of every facet but `skipped`. */
function passes(talk, selected, skipped) {
  return FACETS.filter((facet) => facet !== skipped).every((facet) => {
    const ids = selected[facet] ?? [];
    return ids.length === 0 || talkValues(talk, facet).some((id) => ids.includes(id));
  });
}

/**
 * How many talks an option would give combined with the other active filters: the talks that
 * have it and pass every *other* facet (options of one facet are OR-ed).
 */
export function facetCount(bundle, selected, facet, id) {
  return bundle.talks.filter((talk) => passes(talk, selected, facet) && talkValues(talk, facet).includes(id)).length;
}

/** Every day of a bundle, with its conference. */
export function allDays(bundle) {
  return bundle.conferences.flatMap((conference) => conference.days.map((day) => ({ ...day, conference })));
}

/** A talk's title as the app shows it (untitled talks by their speakers). */
export function displayTitle(talk) {
  if (talk.title) return talk.title;
  return talk.speakers.length ? talk.speakers.map(({ name }) => name).join(', ') : 'Untitled talk';
}

/** Letters without a canonical decomposition, as readers type them (crates/query text.rs). */
const SPELLED_OUT = { ł: 'l', đ: 'd', ð: 'd', ø: 'o', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th', ı: 'i', ħ: 'h', ŀ: 'l' };

/** Folds text as the search does: lower case, diacritics dropped, `ł` → `l`. */
export function fold(text) {
  return [...text.toLowerCase().normalize('NFD')]
    .filter((c) => !/[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/u.test(c))
    .map((c) => SPELLED_OUT[c] ?? c)
    .join('');
}

/** The folded words of a text (runs of letters and digits). */
export function words(text) {
  return fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/**
 * What the bundle's prebuilt search index says about a query: the matching talks' positions,
 * best first (every word must prefix-match a word of the talk; rank = sum of each word's best
 * field: title 0, people 1, tracks 2, notes 3; ties keep archive order).
 */
export function searchHits(bundle, query) {
  const { terms, postings } = bundle.search;
  // A word that is the prefix of another typed word adds nothing: the app keeps the longer one.
  const typed = [...new Set(words(query))];
  const kept = typed.filter((word) => !typed.some((other) => other !== word && other.startsWith(word)));
  let ranks = null;
  for (const word of kept) {
    const best = new Map();
    terms.forEach((term, at) => {
      if (!term.startsWith(word)) return;
      let value = 0;
      for (const delta of postings[at]) {
        value += delta;
        const talk = value >> 2;
        best.set(talk, Math.min(best.get(talk) ?? 3, value & 3));
      }
    });
    ranks = ranks === null ? best : new Map([...ranks].filter(([talk]) => best.has(talk)).map(([talk, rank]) => [talk, rank + best.get(talk)]));
  }
  return [...(ranks ?? new Map())].sort((a, b) => a[1] - b[1] || a[0] - b[0]).map(([talk, rank]) => ({ index: talk, rank }));
}
