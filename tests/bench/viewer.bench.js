// Browser benchmarks of the Recap Viewer at archive scale (issue 6), run by `cargo xtask bench`
// through tests/bench/playwright.bench.config.js. For each synthetic site (site-<talks>/) it
// measures, in headless Chromium:
//
// - first card: navigation start → the first `[data-testid="talk-card"]` in the DOM. The app's
//   own `recap:first-card` performance mark is used when it sets one; otherwise a
//   MutationObserver installed before any page script notes the time. Every load is a first
//   visit (the server sends `Cache-Control: no-store`, service workers are blocked).
// - filter latency: clicking a facet option's checkbox → the DOM updated: the last DOM mutation
//   of the update the click starts (a MutationObserver is called at the end of each microtask
//   that changed the DOM; the last call before the next frame ends the app's task and the
//   microtasks it queued). Also reported: → a task posted from the first mutation (it runs
//   after the update, and after the next frame too when Chromium schedules that frame first)
//   and → the next frame (requestAnimationFrame, then a posted task, which runs after that
//   frame's style and layout). Measured in the page with performance.now(), from just before
//   the click. The same measurement of a change that costs nothing (one attribute) gives the
//   method's floor: waiting for the next frame. Interactions are measured once the search
//   index has arrived (the app's `recap:search-ready` mark).
// - search latency: the same, for one `input` event on `[data-testid="search"]` (skipped, and
//   reported as n/a, while the app has no search box).
// - memory after loading: the JS heap (CDP Runtime.getHeapUsage, after a GC), the wasm linear
//   memory (captured by wrapping WebAssembly.instantiate*), and the DOM node count.
//
// Results go to $BENCH_OUT/browser-<talks>.json; the xtask computes p50/p95 and prints them.
import { test, expect } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const SIZES = (process.env.BENCH_SITES ?? '1000,10000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const LOADS = Number(process.env.BENCH_LOADS ?? 10);
const OUT = resolve(process.env.BENCH_OUT ?? 'target/bench');
const CARD = '[data-testid="talk-card"]';
const FIRST_CARD_MARK = 'recap:first-card';
const SEARCH_READY_MARK = 'recap:search-ready';
/** How long one load or one interaction may take before it counts as missed. */
const LOAD_TIMEOUT = 120_000;
const INTERACTION_TIMEOUT = 10_000;
/** Search terms: words of the synthetic talk titles and notes. */
const SEARCH_TERMS = ['flags', 'tracing', 'migrations', 'canary', 'tokens', 'failover', 'queues', 'caches'];

/** Installed before any page script runs. */
function instrument({ card, timeout }) {
  const bench = { firstCard: null, memories: [] };
  window.__bench = bench;
  // The wasm linear memory, for the memory report.
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    if (typeof original !== 'function') continue;
    WebAssembly[name] = async function (...args) {
      const result = await original.apply(this, args);
      const instance = result instanceof WebAssembly.Instance ? result : result.instance;
      const memory = instance?.exports?.memory;
      if (memory instanceof WebAssembly.Memory) bench.memories.push(memory);
      return result;
    };
  }
  // The first card, when the app sets no performance mark of its own.
  const observer = new MutationObserver(() => {
    if (bench.firstCard === null && document.querySelector(card)) {
      bench.firstCard = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
  // Runs `act` and resolves with the ms from just before it to
  // - `mutation`: the first DOM mutation it causes;
  // - `dom`: the last DOM mutation of the update it starts, the DOM updated. Mutation observers
  //   are called at the end of each microtask that changed the DOM, so the last call before the
  //   next frame is the end of the app's task and every microtask it queued; mutations made in
  //   that frame's callbacks after this one or later (the app builds later slices of cards
  //   after a paint) are not part of the update;
  // - `updated`: a task posted from the first mutation, which runs after the app's task and its
  //   microtasks, and after the next frame too when Chromium schedules that frame first;
  // - `frame`: the frame after the first mutation (requestAnimationFrame, then a posted task, so
  //   that frame's style and layout are included);
  // or with null when nothing changes within `timeout`.
  const afterTask = (callback) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = callback;
    channel.port2.postMessage(null);
  };
  bench.measure = (act) =>
    new Promise((resolve) => {
      const observed = [];
      let updated = null;
      const mutations = new MutationObserver(() => {
        observed.push(performance.now());
        if (observed.length > 1) return;
        afterTask(() => {
          updated = performance.now() - start;
        });
        requestAnimationFrame(() => {
          // Every observer call so far came before this frame's callbacks (or in those that ran
          // before this one, which the app does not use to change the DOM).
          mutations.disconnect();
          clearTimeout(timer);
          const mutation = observed[0] - start;
          const dom = observed[observed.length - 1] - start;
          afterTask(() => {
            resolve({ mutation, dom, updated: updated ?? performance.now() - start, frame: performance.now() - start });
          });
        });
      });
      const timer = setTimeout(() => {
        mutations.disconnect();
        resolve(null);
      }, timeout);
      mutations.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
      const start = performance.now();
      act();
    });
}

/** Opens a fresh page on the site, waits for the first card, and returns the page and timings. */
async function load(context, site) {
  const page = await context.newPage();
  await page.addInitScript(instrument, { card: CARD, timeout: INTERACTION_TIMEOUT });
  await page.goto(site);
  await page.locator(`${CARD}, [data-testid="error"]`).first().waitFor({ timeout: LOAD_TIMEOUT });
  const error = page.getByTestId('error');
  if (await error.isVisible()) {
    throw new Error(`the viewer shows an error instead of cards: ${await error.innerText()}`);
  }
  const timing = await page.evaluate((mark) => {
    const marked = performance.getEntriesByName(mark)[0];
    const parsed = performance.getEntriesByName('recap:bundle-parsed')[0];
    const bundle = performance
      .getEntriesByType('resource')
      .find((entry) => new URL(entry.name).pathname.endsWith('/bundle.json'));
    return {
      firstCard: marked ? marked.startTime : window.__bench.firstCard,
      source: marked ? 'mark' : 'observer',
      bundleLoaded: bundle ? bundle.responseEnd : null,
      bundleParsed: parsed ? parsed.startTime : null,
    };
  }, FIRST_CARD_MARK);
  return { page, timing };
}

/** The JS heap after a full GC, the wasm memory and the DOM size of a loaded page. */
async function memory(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name) => metrics.find((entry) => entry.name === name)?.value ?? null;
  const wasm = await page.evaluate(() =>
    window.__bench.memories.reduce((sum, memory) => sum + memory.buffer.byteLength, 0),
  );
  await cdp.detach();
  return {
    jsHeapUsedBytes: heap.usedSize,
    jsHeapTotalBytes: heap.totalSize,
    wasmMemoryBytes: wasm || null,
    domNodes: metric('Nodes'),
  };
}

/** Clicks facet options one after another (each one on, measured, then off again). */
async function filterLatency(page, notes) {
  let selector = '[data-testid="facet-track"] [data-testid="facet-option"] input[type="checkbox"]';
  if ((await page.locator(selector).count()) === 0) {
    selector = '[data-testid="facet-option"] input';
  }
  const options = Math.min(await page.locator(selector).count(), 8);
  if (options === 0) {
    notes.push('no facet option found: filter latency not measured');
    return null;
  }
  const samples = newSamples();
  for (let run = 0; run < RUNS; run += 1) {
    const click = ({ selector, index }) => {
      const input = document.querySelectorAll(selector)[index];
      return window.__bench.measure(() => input.click());
    };
    const args = { selector, index: run % options };
    record(samples, await page.evaluate(click, args));
    await page.evaluate(click, args); // off again, not measured
  }
  return { ...samples, options };
}

/** The floor of the method: a change of one attribute, which costs the page nothing. */
async function baseline(page) {
  const samples = newSamples();
  for (let run = 0; run < RUNS; run += 1) {
    const result = await page.evaluate(
      (value) => window.__bench.measure(() => document.body.setAttribute('data-bench-tick', value)),
      String(run),
    );
    record(samples, result);
  }
  await page.evaluate(() => document.body.removeAttribute('data-bench-tick'));
  return samples;
}

function newSamples() {
  return { ms: [], mutationMs: [], domMs: [], updatedMs: [], missed: 0 };
}

function record(samples, result) {
  if (result === null) {
    samples.missed += 1;
  } else {
    samples.ms.push(result.frame);
    samples.mutationMs.push(result.mutation);
    samples.domMs.push(result.dom);
    samples.updatedMs.push(result.updated);
  }
}

/** Waits for the app's search index (its `recap:search-ready` mark); the ms it took from
 * navigation start, or null for an app without the mark. */
async function searchReady(page) {
  const mark = async () => page.evaluate((name) => performance.getEntriesByName(name)[0]?.startTime ?? null, SEARCH_READY_MARK);
  const deadline = Date.now() + LOAD_TIMEOUT;
  while (Date.now() < deadline) {
    const at = await mark();
    if (at !== null) return at;
    await page.waitForTimeout(20);
  }
  return null;
}

/** Sets the search box to a term with one `input` event, measured; then clears it. */
async function searchLatency(page, notes) {
  const box = page.locator('[data-testid="search"]');
  if ((await box.count()) === 0) {
    notes.push('no [data-testid="search"] element: search latency n/a');
    return null;
  }
  const samples = newSamples();
  for (let run = 0; run < RUNS; run += 1) {
    const type = (value) => {
      const element = document.querySelector('[data-testid="search"]');
      const input = element.matches('input, textarea') ? element : element.querySelector('input, textarea');
      return window.__bench.measure(() => {
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
    };
    record(samples, await page.evaluate(type, SEARCH_TERMS[run % SEARCH_TERMS.length]));
    await page.evaluate(type, ''); // cleared again, not measured
  }
  return { ...samples, terms: SEARCH_TERMS };
}

for (const talks of SIZES) {
  test(`${talks} talks`, async ({ context }) => {
    const site = `./site-${talks}/`;
    const notes = [];
    const firstCard = { source: null, ms: [] };
    const bundleLoaded = { ms: [] };
    const bundleParsed = { ms: [] };
    const searchIndexReady = { ms: [] };
    let page = null;
    for (let run = 0; run < LOADS; run += 1) {
      if (page) await page.close();
      const loaded = await load(context, site);
      page = loaded.page;
      firstCard.source = loaded.timing.source;
      firstCard.ms.push(loaded.timing.firstCard);
      if (loaded.timing.bundleLoaded !== null) bundleLoaded.ms.push(loaded.timing.bundleLoaded);
      if (loaded.timing.bundleParsed !== null) bundleParsed.ms.push(loaded.timing.bundleParsed);
      const ready = await searchReady(page);
      if (ready !== null) searchIndexReady.ms.push(ready);
    }
    const cards = await page.locator(CARD).count();
    expect(cards).toBeGreaterThan(0);
    const result = {
      talks,
      cardsShown: cards,
      firstCard,
      bundleLoaded,
      bundleParsed,
      searchIndexReady,
      memory: await memory(page),
      baseline: await baseline(page),
      filter: await filterLatency(page, notes),
      search: await searchLatency(page, notes),
      notes,
    };
    await page.close();
    mkdirSync(OUT, { recursive: true });
    writeFileSync(join(OUT, `browser-${talks}.json`), `${JSON.stringify(result, null, 2)}\n`);
  });
}
