// The team portal of the embedding tests (tests/e2e/portal, served on PORTAL_ORIGIN by
// playwright.config.js): its pages, and the viewers embedded in them.
import { expect } from '@playwright/test';
import { PORTAL_ORIGIN, ROOT_ORIGIN, SUB_PATH, SUB_PATH_ORIGIN } from './servers.js';

/** The viewer site the iframe shows (another origin than the portal). */
export const IFRAME_SITE = `${ROOT_ORIGIN}/`;
/** The viewer site the elements load embed.js from: cross-origin, under a sub-path, with CORS. */
export const ELEMENT_SITE = `${SUB_PATH_ORIGIN}${SUB_PATH}`;

/** A portal page (`iframe.html`, `elements.html`, `themed.html`) with its query parameters. */
export function portalUrl(page, params = {}) {
  const query = new URLSearchParams(params);
  return `${PORTAL_ORIGIN}/${page}?${query}`;
}

/** Opens the portal's iframe page showing the viewer with this query (besides `embed=1`). */
export async function openIframePortal(page, frameQuery = {}) {
  const frame = new URLSearchParams({ embed: '1', ...frameQuery });
  await page.goto(portalUrl('iframe.html', { viewer: IFRAME_SITE, frame: frame.toString() }));
  return page.locator('iframe[data-recap-viewer]');
}

/**
 * Opens an elements page with each element's attributes (`{ first: { track: 'x' } }`) and waits
 * until every listed element shows its talks.
 */
export async function openElementsPortal(page, attributes, file = 'elements.html') {
  const params = { viewer: ELEMENT_SITE };
  for (const [id, values] of Object.entries(attributes)) params[id] = new URLSearchParams(values).toString();
  await page.goto(portalUrl(file, params));
  const viewers = Object.fromEntries(Object.keys(attributes).map((id) => [id, new EmbeddedViewer(page, `#${id}`)]));
  for (const viewer of Object.values(viewers)) await expect(viewer.resultCount).toBeVisible();
  return viewers;
}

/** What the portal logged: the viewer's messages (iframe) or events (elements). */
export function portalLog(page) {
  return page.evaluate(() => window.portalLog);
}

/** One `<recap-viewer>` element of a portal page; its locators reach into the shadow root. */
export class EmbeddedViewer {
  /** @param {import('@playwright/test').Page} page */
  constructor(page, selector) {
    this.page = page;
    this.host = page.locator(selector);
    this.root = this.host.locator('.recap-viewer');
    this.cards = this.host.getByTestId('talk-card');
    this.resultCount = this.host.getByTestId('result-count');
    this.talkView = this.host.getByTestId('talk-view');
  }

  /** The card of one talk, by its bundle id. */
  card(id) {
    return this.host.locator(`[data-testid="talk-card"][data-id="${id}"]`);
  }

  /** The talk ids of the cards shown, in order. */
  cardIds() {
    return this.cards.evaluateAll((cards) => cards.map((card) => card.dataset.id));
  }

  /** The checkbox of one facet option, by its bundle id. */
  option(facet, id) {
    return this.host.getByTestId(`facet-${facet}`).locator(`[data-testid="facet-option"][data-id="${id}"]`).getByRole('checkbox');
  }

  /** Computed style properties of the first element matching `selector` inside the viewer. */
  computedStyle(selector, properties) {
    return this.host.locator(selector).first().evaluate((element, names) => {
      const style = getComputedStyle(element);
      return Object.fromEntries(names.map((name) => [name, style.getPropertyValue(name)]));
    }, properties);
  }
}
