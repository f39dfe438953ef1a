// Playwright configuration for the browser benchmarks (issue 6), run by `cargo xtask bench`;
// not part of the test run (the tests live in tests/e2e/, this folder is only matched here).
//
// `cargo xtask bench` copies the release site (dist/) to target/bench/site-<talks>/ with a
// synthetic bundle.json, then runs this config. One static server serves target/bench/, so each
// site is a sub-path (the app works under any path). Same Chromium and launch options as the
// tests (playwright.config.js); one worker, so measurements never compete with each other.
//
//   BENCH_ROOT   folder served (default target/bench)
//   BENCH_SITES  comma-separated talk counts, one site-<talks>/ each (default 1000,10000)
//   BENCH_RUNS   filter/search samples per site (default 30); BENCH_LOADS page loads (default 10)
//   BENCH_OUT    folder for the results, browser-<talks>.json (default target/bench)
import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import testConfig from '../../playwright.config.js';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const served = resolve(ROOT, process.env.BENCH_ROOT ?? 'target/bench');
const port = Number(process.env.BENCH_PORT ?? 4273);

export default defineConfig({
  testDir: '.',
  testMatch: '*.bench.js',
  outputDir: resolve(ROOT, 'target/bench/test-results'),
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // Loading 10,000 talks 10 times and 60 filter clicks take a while on a slow machine.
  timeout: 30 * 60_000,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    browserName: 'chromium',
    headless: true,
    // Every load is a first visit: no service worker cache in between.
    serviceWorkers: 'block',
    launchOptions: testConfig.use.launchOptions,
  },
  webServer: {
    command: `node tests/e2e/serve.mjs --root ${JSON.stringify(served)} --port ${port}`,
    cwd: ROOT,
    port,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
