// A portal with a strict Content Security Policy can embed the viewer both ways with exactly the
// policy docs/EMBED.md recommends (the viewer's origin in script-src, style-src, connect-src and
// frame-src, plus 'wasm-unsafe-eval'): no inline code, no violation.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { ROOT, siteBundle, talksWhere, trackId } from './support/corpus.js';
import { serveSite } from './support/offline.js';
import { ELEMENT_SITE, EmbeddedViewer } from './support/portal.js';

/** The portal policy of docs/EMBED.md, for a viewer at `origin`. */
function documentedPolicy(origin) {
  const docs = readFileSync(join(ROOT, 'docs/EMBED.md'), 'utf8');
  const [, policy] = docs.match(/^Content-Security-Policy: (.+)$/m);
  expect(policy).toContain("'wasm-unsafe-eval'");
  return policy.replaceAll('https://recaps.example.org', origin);
}

test('both ways work under the portal policy docs/EMBED.md recommends', async ({ page }) => {
  const bundle = siteBundle();
  const delivery = trackId(bundle, '#Continuous Delivery');
  const policy = documentedPolicy(new URL(ELEMENT_SITE).origin);
  const portal = await serveSite({ root: join(ROOT, 'tests/e2e/portal'), headers: { 'Content-Security-Policy': policy } });
  try {
    await page.addInitScript(() => {
      window.violations = [];
      document.addEventListener('securitypolicyviolation', (event) => {
        window.violations.push(`${event.effectiveDirective} ${event.blockedURI}`);
      });
    });
    const problems = [];
    page.on('console', (message) => {
      if (/content security policy/i.test(message.text())) problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));

    // The elements: they load, preset, filter.
    const elements = new URLSearchParams({ viewer: ELEMENT_SITE, first: `track=${delivery}` });
    const response = await page.goto(`${portal.url}elements.html?${elements}`);
    expect(response.headers()['content-security-policy']).toBe(policy);
    const first = new EmbeddedViewer(page, '#first');
    const second = new EmbeddedViewer(page, '#second');
    await expect(first.cards).toHaveCount(talksWhere(bundle, { track: [delivery] }).length);
    await expect(second.cards).toHaveCount(bundle.talks.length);
    await second.option('track', delivery).check();
    await expect(second.cards).toHaveCount(talksWhere(bundle, { track: [delivery] }).length);

    // The iframe: it loads and the snippet resizes it.
    const frame = new URLSearchParams({ viewer: ELEMENT_SITE, frame: 'embed=1' });
    await page.goto(`${portal.url}iframe.html?${frame}`);
    await expect(page.frameLocator('iframe').getByTestId('talk-card')).toHaveCount(bundle.talks.length);
    await expect.poll(() => page.locator('iframe').evaluate((element) => element.clientHeight)).toBeGreaterThan(1000);

    expect(await page.evaluate(() => window.violations)).toEqual([]);
    expect(problems).toEqual([]);
    // The policy is in force: inline code is refused.
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true;';
      document.head.append(script);
    });
    await expect.poll(() => page.evaluate(() => window.violations.length)).toBe(1);
    expect(await page.evaluate(() => window.inlineRan ?? false)).toBe(false);
  } finally {
    await portal.close();
  }
});
