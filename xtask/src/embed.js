// <recap-viewer>: the Recap Viewer as a custom element for any page (docs/EMBED.md).
//
//   <script type="module" src="https://recaps.example.org/embed.js"></script>
//   <recap-viewer track="security" theme="dark"></recap-viewer>
//
// Written into the built site by `cargo xtask embed` (template: xtask/src/embed.js; Trunk's
// post_build hook runs it) with the names of this build's files. They are resolved against this
// module's own URL, so the viewer works from any host and path, cross-origin too (the viewer's
// host must then send CORS headers). Each element gets its own viewer in its own shadow root;
// the wasm is loaded once for all of them.
import init, { mountElement } from "__APP_JS__";

/** This build's wasm, with its Subresource Integrity. */
const WASM = new URL("__APP_WASM__", import.meta.url);
const WASM_INTEGRITY = "__APP_WASM_INTEGRITY__";
/** The viewer's styles for a shadow root (generated from the site's stylesheet). */
const STYLES = new URL("__EMBED_CSS__", import.meta.url);
/** The bundle of an element without a `bundle` attribute: the site's own, next to this file. */
const DEFAULT_BUNDLE = new URL("__BUNDLE__", import.meta.url);

/** Attributes presetting a facet: a list of ids separated by spaces or commas. */
const LIST_ATTRIBUTES = ['track', 'day', 'speaker', 'conference', 'company'];
/** Attributes presetting one value: the search text and the sort order. */
const VALUE_ATTRIBUTES = ['q', 'sort'];
const THEMES = ['light', 'dark'];

let started;
/** Fetches and instantiates the wasm, once for every element of the page. */
function start() {
  started ??= init({ module_or_path: fetch(WASM, { integrity: WASM_INTEGRITY }) });
  return started;
}

/** The filters an element's attributes preset, as a URL query (`track=a&track=b&q=rust`). */
function presetQuery(element) {
  const query = new URLSearchParams();
  for (const name of LIST_ATTRIBUTES) {
    for (const id of (element.getAttribute(name) ?? '').split(/[\s,]+/)) {
      if (id) query.append(name, id);
    }
  }
  for (const name of VALUE_ATTRIBUTES) {
    const value = element.getAttribute(name)?.trim();
    if (value) query.set(name, value);
  }
  return query.toString();
}

/** Resolves once a stylesheet has loaded or failed (the viewer is mounted either way). */
function settled(link) {
  return new Promise((resolve) => {
    link.addEventListener('load', resolve, { once: true });
    link.addEventListener('error', resolve, { once: true });
  });
}

class RecapViewerElement extends HTMLElement {
  connectedCallback() {
    // Mounted once: moving the element within the page keeps its viewer and state.
    if (this.shadowRoot) return;
    const shadow = this.attachShadow({ mode: 'open' });
    const styles = document.createElement('link');
    styles.rel = 'stylesheet';
    styles.href = STYLES.href;
    const root = document.createElement('div');
    root.className = 'recap-viewer-root';
    shadow.append(styles, root);

    const bundle = this.getAttribute('bundle')?.trim();
    const bundleUrl = bundle ? new URL(bundle, document.baseURI).href : DEFAULT_BUNDLE.href;
    const theme = this.getAttribute('theme')?.trim().toLowerCase();
    Promise.all([start(), settled(styles)])
      .then(() => {
        // The reader's default font size (the shadow root's `rem`, whatever the host page sets
        // on its <html>).
        root.style.setProperty('--rv-medium', getComputedStyle(root).fontSize);
        mountElement(root, bundleUrl, presetQuery(this), THEMES.includes(theme) ? theme : undefined, this);
      })
      .catch((error) => {
        console.error('Recap Viewer: could not start', error);
        const message = document.createElement('p');
        message.setAttribute('role', 'alert');
        message.textContent = 'The conference recaps could not be loaded.';
        root.replaceChildren(message);
        this.dispatchEvent(
          new CustomEvent('recap-viewer:error', { bubbles: true, composed: true, detail: { message: String(error) } }),
        );
      });
  }
}

if (!customElements.get('recap-viewer')) {
  customElements.define('recap-viewer', RecapViewerElement);
}
