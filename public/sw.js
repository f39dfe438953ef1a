// The Recap Viewer's service worker: reading offline after the first visit, and the "New recaps
// available" prompt after a deploy (registered by public/pwa.js; how it works: docs/DEPLOY.md).
//
// - install: store every file of this deploy (PRECACHE.files) in a cache named after this
//   deploy's version, each fetched with its integrity, so the cache never mixes two deploys;
// - fetch: index.html and bundle.json (PRECACHE.network_first) from the network first, the cache
//   when the network fails or is slow (a page served from the cache gets the cached bundle too);
//   every other file of the site from the cache first (their names change with their content, or
//   they belong to this deploy), stored on first use if it was not precached;
// - activate (after the reader chose "Reload", or once no page uses the old worker): delete the
//   caches of older deploys of this site, and take control of open pages.
'use strict';

// Written by `cargo xtask dist` (xtask/src/offline.rs): the version, the network-first entry
// points and every file with its integrity. `null` in development builds (`trunk serve`): the
// worker then removes itself and any cache it left, and never answers a request.
const PRECACHE = null;

/** How long a network-first request may take before the cached copy is used instead. */
const NETWORK_TIMEOUT_MS = 4000;

/** The folder of this worker: the site's root, whatever path the site is deployed under. */
const BASE = new URL('./', self.location.href);
/** Caches are per origin: name them after the scope, so sites on one origin keep theirs. */
const CACHE_PREFIX = `recap-viewer ${self.registration.scope} `;

/** Deletes this site's caches whose name passes `condemned`. */
async function deleteCaches(condemned) {
  const names = await caches.keys();
  await Promise.all(
    names.filter((name) => name.startsWith(CACHE_PREFIX) && condemned(name)).map((name) => caches.delete(name)),
  );
}

if (PRECACHE === null) {
  self.addEventListener('install', () => self.skipWaiting());
  self.addEventListener('activate', (event) => {
    event.waitUntil(deleteCaches(() => true).then(() => self.registration.unregister()));
  });
} else {
  const CACHE = `${CACHE_PREFIX}${PRECACHE.version}`;
  const NETWORK_FIRST = new Set(PRECACHE.network_first);
  /** Pages this worker answered with its cached index.html: they get its bundle.json too. */
  const pagesFromCache = new Set();

  self.addEventListener('install', (event) => {
    event.waitUntil(precache());
  });

  self.addEventListener('activate', (event) => {
    event.waitUntil(deleteCaches((name) => name !== CACHE).then(() => self.clients.claim()));
  });

  self.addEventListener('message', (event) => {
    if (event.data?.type === 'skip-waiting') self.skipWaiting();
  });

  self.addEventListener('fetch', (event) => {
    const { request } = event;
    if (request.method !== 'GET') return;
    const url = new URL(request.url);
    if (url.origin !== BASE.origin || !url.pathname.startsWith(BASE.pathname)) return;
    const name = decodeURIComponent(url.pathname.slice(BASE.pathname.length)) || 'index.html';
    if (NETWORK_FIRST.has(name) && !pagesFromCache.has(event.clientId)) {
      event.respondWith(networkFirst(event, new URL(name, BASE).href));
    } else {
      event.respondWith(cacheFirst(event));
    }
  });

  /** Stores every file of this deploy, or nothing: a file from another deploy fails its integrity. */
  async function precache() {
    const cache = await caches.open(CACHE);
    try {
      await Promise.all(
        PRECACHE.files.map(async ([name, integrity]) => {
          const url = new URL(name, BASE);
          const response = await fetch(url, { cache: 'reload', integrity });
          if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
          await cache.put(url, response.redirected ? await unredirected(response) : response);
        }),
      );
    } catch (error) {
      await caches.delete(CACHE);
      throw error;
    }
  }

  /** A redirected response cannot answer a navigation: the same body and headers, unredirected. */
  async function unredirected(response) {
    const { status, statusText, headers } = response;
    return new Response(await response.blob(), { status, statusText, headers });
  }

  /** The network's answer; this deploy's copy when the network fails, errs or is slow. */
  async function networkFirst(event, key) {
    const cache = await caches.open(CACHE);
    // Revalidated whatever the host's cache headers say: these names stay the same across deploys.
    const network = fetch(event.request.url, { cache: 'no-cache', credentials: 'same-origin' }).then(
      (response) => (response.redirected ? unredirected(response) : response),
    );
    network.catch(() => {});
    const settled = network.then(
      (response) => ({ response }),
      () => ({}),
    );
    const slow = new Promise((resolve) => setTimeout(() => resolve({ slow: true }), NETWORK_TIMEOUT_MS));
    const first = await Promise.race([settled, slow]);
    if (first.response?.ok) return first.response;
    const cached = await cache.match(key);
    if (!cached) return network;
    if (event.resultingClientId) pagesFromCache.add(event.resultingClientId);
    return cached;
  }

  /** This deploy's copy; otherwise the network's answer, kept for next time. */
  async function cacheFirst(event) {
    const { request } = event;
    const cache = await caches.open(CACHE);
    const cached = await cache.match(request, { ignoreVary: true });
    if (cached) return cached;
    const response = await fetch(request);
    if (response.ok && response.status === 200 && response.type === 'basic') {
      event.waitUntil(cache.put(request, response.clone()));
    }
    return response;
  }
}
