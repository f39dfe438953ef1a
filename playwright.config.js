// Playwright configuration for the Recap Viewer browser tests (tests/e2e).
//
// `cargo xtask test` builds the release site into dist/ (from the two original recaps in
// ../shared/corpus) and the extra bundles into target/e2e/, then runs `playwright test`.
// The site is served by our own tiny static server (tests/e2e/serve.mjs) on 127.0.0.1.
// The browser is Debian's Chromium: Playwright never downloads one here.
import { defineConfig } from '@playwright/test';
import { PORT, PORTAL_ORIGIN, ROOT_ORIGIN, SUB_PATH, SUB_PATH_ORIGIN } from './tests/e2e/support/servers.js';

// The built site under test (E2E_DIST, relative to the workspace root; default dist/).
const dist = process.env.E2E_DIST ?? 'dist';

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'target/e2e/test-results',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  // No retries: a flaky test is a bug to fix, not to hide.
  retries: 0,
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `${ROOT_ORIGIN}/`,
    browserName: 'chromium',
    headless: true,
    serviceWorkers: 'block',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  // The same dist/ twice: at the site root, and under a sub-path (relative asset URLs; with CORS
  // headers, as a host embedding it cross-origin needs); and a team portal embedding it.
  webServer: [
    { command: `node tests/e2e/serve.mjs --root ${JSON.stringify(dist)} --port ${PORT}`, url: `${ROOT_ORIGIN}/index.html` },
    {
      command: `node tests/e2e/serve.mjs --root ${JSON.stringify(dist)} --port ${PORT + 1} --base ${SUB_PATH} --header "Access-Control-Allow-Origin: *"`,
      url: `${SUB_PATH_ORIGIN}${SUB_PATH}index.html`,
    },
    { command: `node tests/e2e/serve.mjs --root tests/e2e/portal --port ${PORT + 2}`, url: `${PORTAL_ORIGIN}/iframe.html` },
  ].map((server) => ({
    ...server,
    // Always our own server on the freshly built dist/, never whatever else holds the port.
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'ignore',
    stderr: 'pipe',
  })),
});
