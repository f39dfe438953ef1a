// Helpers for the tests of the installable, offline site: the service worker, blocking the
// network, serving a copy of the built site (to deploy a new version of it), and the response
// headers `cargo xtask dist` recommends (dist/_headers).
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import { createStaticServer } from '../serve.mjs';
import { DIST } from './corpus.js';

/** Waits until a service worker controls the page, and returns its script URL and scope. */
export async function waitForServiceWorker(page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 20_000 });
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return { script: navigator.serviceWorker.controller.scriptURL, scope: registration.scope };
  });
}

/** The page's Cache Storage: cache names, and the URLs in each. */
export function cacheContents(page) {
  return page.evaluate(async () => {
    const contents = {};
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      contents[name] = (await cache.keys()).map((request) => request.url);
    }
    return contents;
  });
}

/**
 * Takes the browser context off the network: offline, and every request it still makes (the
 * service worker's own included) aborted. Returns the URLs of the aborted requests.
 */
export async function blockNetwork(context) {
  const aborted = [];
  await context.setOffline(true);
  await context.route('**', (route) => {
    aborted.push(route.request().url());
    return route.abort('internetdisconnected');
  });
  return aborted;
}

/** Serves a folder (default: the built site) on a free port of 127.0.0.1, in this process. */
export async function serveSite({ root = DIST, base = '/', headers = {} } = {}) {
  const server = createStaticServer({ root, base, headers });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}${base}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(resolve);
      }),
  };
}

/** A copy of the built site in a temporary folder; `remove()` deletes it. */
export async function copySite() {
  const root = await mkdtemp(join(tmpdir(), 'recap-site-'));
  await cp(DIST, root, { recursive: true });
  return { root, remove: () => rm(root, { recursive: true, force: true }) };
}

const PRECACHE_LINE = 'const PRECACHE = ';
const sri = (bytes) => `sha256-${createHash('sha256').update(bytes).digest('base64')}`;

/** The precache list `cargo xtask dist` wrote into a site's sw.js. */
export async function readPrecache(root) {
  const worker = await readFile(join(root, 'sw.js'), 'utf8');
  const line = worker.split('\n').find((candidate) => candidate.startsWith(PRECACHE_LINE));
  return JSON.parse(line.slice(PRECACHE_LINE.length).replace(/;$/, ''));
}

/**
 * Deploys new recaps to a copy of the site, as `cargo xtask dist` would: rewrites bundle.json
 * with `change(bundle)`, then the worker's precache list (the bundle's integrity and the version).
 * Returns the new version.
 */
export async function deployNewRecaps(root, change) {
  const bundlePath = join(root, 'bundle.json');
  const bundle = JSON.parse(await readFile(bundlePath, 'utf8'));
  change(bundle);
  const bytes = Buffer.from(JSON.stringify(bundle));
  await writeFile(bundlePath, bytes);

  const precache = await readPrecache(root);
  const files = precache.files.map(([name, integrity]) => [name, name === 'bundle.json' ? sri(bytes) : integrity]);
  const version = createHash('sha256').update(JSON.stringify(files)).digest('hex').slice(0, 16);
  expect(version).not.toBe(precache.version);
  const workerPath = join(root, 'sw.js');
  const worker = (await readFile(workerPath, 'utf8'))
    .split('\n')
    .map((line) => (line.startsWith(PRECACHE_LINE) ? `${PRECACHE_LINE}${JSON.stringify({ ...precache, version, files })};` : line))
    .join('\n');
  await writeFile(workerPath, worker);
  return version;
}

/** The headers `cargo xtask dist` recommends for every path of the site (dist/_headers `/*`). */
export function siteHeaders() {
  const lines = readFileSync(join(DIST, '_headers'), 'utf8').split('\n');
  const headers = {};
  let inSite = false;
  for (const line of lines) {
    if (/^\S/.test(line)) inSite = line.trim() === '/*';
    else if (inSite && line.includes(':')) {
      const colon = line.indexOf(':');
      headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
    }
  }
  return headers;
}
