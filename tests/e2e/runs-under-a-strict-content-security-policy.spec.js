// The built site runs under the strict Content Security Policy `cargo xtask dist` recommends
// (dist/_headers): no inline code but Trunk's loader (allowed by its hash), WebAssembly allowed,
// everything else from the site itself. Loading, filtering, the service worker and a reload under
// it cause no violation, and the policy really is enforced.
import { test, expect } from '@playwright/test';
import { RecapViewer } from './support/viewer.js';
import { siteBundle, trackId } from './support/corpus.js';
import { serveSite, siteHeaders, waitForServiceWorker } from './support/offline.js';

test.use({ serviceWorkers: 'allow' });

test('the app loads, filters and goes offline-ready without a CSP violation', async ({ page }) => {
  const policy = siteHeaders()['Content-Security-Policy'];
  expect(policy).toMatch(/^default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/]+={0,2}'$/);
  const server = await serveSite({ headers: { 'Content-Security-Policy': policy } });
  try {
    await page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (event) => {
        window.__violations.push(`${event.effectiveDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
      });
    });
    const consoleErrors = [];
    page.on('console', (message) => {
      if (/content security policy/i.test(message.text())) consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));

    const viewer = new RecapViewer(page);
    const bundle = siteBundle();
    const security = trackId(bundle, '#Security');
    const response = await page.goto(server.url);
    expect(response.headers()['content-security-policy']).toBe(policy);
    await expect(viewer.cards).toHaveCount(bundle.talks.length);
    await viewer.choose('track', security);
    await expect(viewer.cards).toHaveCount(1);
    await waitForServiceWorker(page);
    await page.reload();
    await expect(viewer.cards).toHaveCount(1);

    expect(await page.evaluate(() => window.__violations)).toEqual([]);
    expect(consoleErrors).toEqual([]);

    // The policy is in force: an injected inline script is refused and reported.
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true;';
      document.head.append(script);
      return window.__inlineRan ?? false;
    });
    expect(ran).toBe(false);
    await expect.poll(() => page.evaluate(() => window.__violations.length)).toBe(1);
  } finally {
    await server.close();
  }
});
