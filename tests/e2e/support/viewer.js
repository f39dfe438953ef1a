// Page object for the Recap Viewer: the data-testid hooks of docs/CONTRACT.md, named by what a
// reader sees and does.
import { readFileSync } from 'node:fs';
import { expect } from '@playwright/test';
import { bundleFiles } from './corpus.js';

/** localStorage keys the app keeps (src/favourites.rs, src/theme.rs). */
export const STARRED_KEY = 'recap-viewer.starred';
export const THEME_KEY = 'recap-viewer.theme';

export class RecapViewer {
  /** @param {import('@playwright/test').Page} page */
  constructor(page) {
    this.page = page;
    this.root = page.locator('.recap-viewer');
    this.cards = page.getByTestId('talk-card');
    this.resultCount = page.getByTestId('result-count');
    this.error = page.getByTestId('error');
    this.loading = page.getByTestId('loading');
    this.search = page.getByTestId('search');
    this.sort = page.getByTestId('sort');
    this.clearFilters = page.getByTestId('clear-filters');
    this.exportStarred = page.getByTestId('export-starred');
    this.starredOnly = page.getByTestId('starred-only').getByRole('checkbox');
    this.themeToggle = page.getByTestId('theme-toggle');
    this.filtersPanel = page.getByRole('complementary', { name: 'Filters' });
    this.filtersToggle = this.filtersPanel.getByRole('button', { name: /^Filters/ });
    this.chips = page.getByTestId('active-chip');
    this.noResults = page.getByTestId('no-results');
    this.suggestions = page.getByTestId('suggestion');
    this.showMore = page.getByTestId('show-more');
    // The talk view (?talk=<id>).
    this.talkView = page.getByTestId('talk-view');
    this.talkTitle = this.talkView.locator('.talk-view-title');
    this.notes = this.talkView.getByTestId('talk-notes');
    this.recapNotes = this.talkView.getByTestId('recap-notes');
    this.previousTalk = page.getByTestId('talk-prev');
    this.nextTalk = page.getByTestId('talk-next');
    this.backToList = page.getByTestId('talk-back');
    // Headers over the list.
    this.speakerView = page.getByTestId('speaker-view');
    this.conferenceOverview = page.getByTestId('conference-overview');
    this.overviewDays = page.getByTestId('overview-day');
    this.chart = page.getByTestId('track-day-chart');
  }

  /** Opens the viewer with an optional query string (`?track=...`), relative to the base URL. */
  async open(query = '') {
    await this.page.goto(`./${query}`);
  }

  /** Opens the viewer and waits until the talks are shown. */
  async openLoaded(query = '') {
    await this.open(query);
    await expect(this.resultCount).toBeVisible();
  }

  /** Opens a talk's permalink (`?talk=<id>`) and waits for its view. */
  async openTalkPermalink(id, query = '') {
    const params = new URLSearchParams(query);
    params.set('talk', id);
    await this.open(`?${params}`);
    await expect(this.talkView).toHaveAttribute('data-id', id);
  }

  /** Answers every request for bundle.json with this file (and its search index and notes
   * chunks, when it is in the split layout), body or status instead. */
  async serveBundle({ path, body, status = 200 }) {
    const content = path ? readFileSync(path) : body;
    await this.page.route('**/bundle.json', (route) =>
      route.fulfill({ status, contentType: 'application/json', body: content }),
    );
    for (const [name, file] of path ? bundleFiles(path) : []) {
      await this.page.route(`**/${name}`, (route) =>
        route.fulfill({ contentType: 'application/json', body: readFileSync(file) }),
      );
    }
  }

  /** Sets localStorage before any script of the page runs (e.g. stars from an earlier visit). */
  async presetStorage(entries) {
    await this.page.addInitScript((values) => {
      for (const [key, value] of Object.entries(values)) window.localStorage.setItem(key, value);
    }, entries);
  }

  /** One value the app stored in localStorage, parsed (`null` when absent). */
  async stored(key) {
    const raw = await this.page.evaluate((name) => window.localStorage.getItem(name), key);
    return raw === null ? null : JSON.parse(raw);
  }

  /** The theme the viewer shows (`light` or `dark`). */
  theme() {
    return this.root.getAttribute('data-theme');
  }

  // Filters ------------------------------------------------------------------------------------

  facet(name) {
    return this.page.getByTestId(`facet-${name}`);
  }

  /** The label (with its count) of one facet option, by its bundle id. */
  optionLabel(facet, id) {
    return this.facet(facet).locator(`[data-testid="facet-option"][data-id="${id}"]`);
  }

  /** The checkbox of one facet option, by its bundle id. */
  option(facet, id) {
    return this.optionLabel(facet, id).getByRole('checkbox');
  }

  /** The live count shown next to an option. */
  optionCount(facet, id) {
    return this.optionLabel(facet, id).locator('.facet-option-count');
  }

  /** Every option label of a facet currently shown. */
  options(facet) {
    return this.facet(facet).getByTestId('facet-option');
  }

  /** The "Show all" / "Show fewer" toggle of a long facet. */
  facetMore(facet) {
    return this.facet(facet).getByTestId('facet-more');
  }

  /** The "Find a …" box of a long facet. */
  facetFind(facet) {
    return this.facet(facet).getByTestId('facet-find');
  }

  /** On a phone the filters sit behind a toggle: opens them when they are closed. */
  async showFilters() {
    if ((await this.filtersToggle.isVisible()) && (await this.filtersToggle.getAttribute('aria-expanded')) === 'false') {
      await this.filtersToggle.click();
    }
    await expect(this.facet('track')).toBeVisible();
  }

  /** Makes an option visible: long facets show their most common options until "Show all". */
  async revealOption(facet, id) {
    await this.showFilters();
    const label = this.optionLabel(facet, id);
    if ((await label.count()) === 0) {
      const more = this.facetMore(facet);
      if ((await more.getAttribute('aria-expanded')) === 'false') await more.click();
    }
    await expect(label).toBeVisible();
    return this.option(facet, id);
  }

  /** Selects one option, as a reader would (revealing it first if the facet is collapsed). */
  async choose(facet, id) {
    const checkbox = await this.revealOption(facet, id);
    await checkbox.check();
    await expect(checkbox).toBeChecked();
  }

  /** The chip of one active filter, by the words it shows (`Track:` `#Security`). */
  chip(facetTitle, label) {
    return this.chips.filter({ has: this.page.locator('.active-chip-facet', { hasText: `${facetTitle}:` }) }).filter({
      has: this.page.locator('.active-chip-label', { hasText: label }),
    });
  }

  /** The remove button of a chip. */
  chipRemove(chip) {
    return chip.getByRole('button', { name: /^Remove filter/ });
  }

  // Cards --------------------------------------------------------------------------------------

  /** The card of one talk, by its bundle id. */
  card(id) {
    return this.page.locator(`[data-testid="talk-card"][data-id="${id}"]`);
  }

  /** The talk ids of the cards shown, in order. */
  cardIds() {
    return this.cards.evaluateAll((cards) => cards.map((card) => card.dataset.id));
  }

  /** The link on a card's title that opens the talk view. */
  titleLink(id) {
    return this.card(id).getByTestId('talk-title').getByRole('link');
  }

  /** The star toggle of a talk's card. */
  star(id) {
    return this.card(id).getByTestId('star');
  }

  /** Types into the search box one key at a time, as a reader does. */
  async typeSearch(text) {
    await this.search.fill('');
    await this.search.pressSequentially(text);
    await expect(this.search).toHaveValue(text);
  }

  /** Clicks `locator` and returns the window's scroll position at the moment of the click (what
   * the app remembers; cards laid out lazily may still shift the page just before). */
  async clickNotingScroll(locator) {
    await this.page.evaluate(() => {
      document.addEventListener('click', () => (window.__scrollAtClick = Math.round(window.scrollY)), { capture: true, once: true });
    });
    await locator.click();
    return this.page.evaluate(() => window.__scrollAtClick);
  }

  /** The window's vertical scroll position. */
  scrollY() {
    return this.page.evaluate(() => Math.round(window.scrollY));
  }

  /** Whether the page scrolls sideways (it must not, at any width). */
  overflowsHorizontally() {
    return this.page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
  }

  /** The current URL's values for a query key. */
  queryValues(key) {
    return new URL(this.page.url()).searchParams.getAll(key);
  }
}
