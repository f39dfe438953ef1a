// Page object for the Recap Viewer: the data-testid hooks of docs/CONTRACT.md, named by what a
// reader sees and does.
import { readFileSync } from 'node:fs';
import { expect } from '@playwright/test';

export class RecapViewer {
  /** @param {import('@playwright/test').Page} page */
  constructor(page) {
    this.page = page;
    this.cards = page.getByTestId('talk-card');
    this.resultCount = page.getByTestId('result-count');
    this.error = page.getByTestId('error');
    this.loading = page.getByTestId('loading');
    this.notes = page.getByTestId('talk-notes');
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

  /** Answers every request for bundle.json with this file, body or status instead. */
  async serveBundle({ path, body, status = 200 }) {
    const content = path ? readFileSync(path) : body;
    await this.page.route('**/bundle.json', (route) =>
      route.fulfill({ status, contentType: 'application/json', body: content }),
    );
  }

  facet(name) {
    return this.page.getByTestId(`facet-${name}`);
  }

  /** The checkbox of one facet option, by its bundle id. */
  option(facet, id) {
    return this.facet(facet).locator(`[data-testid="facet-option"][data-id="${id}"]`).getByRole('checkbox');
  }

  /** Opens every talk's notes (`<details>`) by clicking its summary, as a reader would. */
  async openAllNotes() {
    const count = await this.notes.count();
    for (let index = 0; index < count; index += 1) {
      const details = this.notes.nth(index);
      if (!(await details.evaluate((element) => element.open))) {
        await details.locator('summary').first().click();
      }
      await expect(details).toHaveAttribute('open', '');
    }
    return count;
  }

  /** The current URL's values for a query key. */
  queryValues(key) {
    return new URL(this.page.url()).searchParams.getAll(key);
  }
}
