// When the bundle cannot be read, the reader gets the error state instead of an empty page.
import { test, expect } from '@playwright/test';
import { RecapViewer } from './support/viewer.js';

const cases = [
  { name: 'a bundle that is not valid JSON', response: { body: '{"schema_version": 1, "talks": [' } },
  { name: 'a missing bundle (404)', response: { status: 404, body: 'not found' } },
];

for (const { name, response } of cases) {
  test(`shows the error state for ${name}`, async ({ page }) => {
    const viewer = new RecapViewer(page);
    await viewer.serveBundle(response);

    await viewer.open();

    await expect(viewer.error).toBeVisible();
    await expect(viewer.error).toHaveAttribute('role', 'alert');
    await expect(viewer.cards).toHaveCount(0);
    await expect(viewer.loading).toHaveCount(0);
  });
}
