// Registers the service worker (public/sw.js: offline reading) and, when a new deploy of the site
// has been installed in the background, offers "New recaps available — reload".
//
// A module loaded by index.html (no inline code: the site runs under a strict Content Security
// Policy). URLs are relative to this file, which sits next to index.html and sw.js, so the site
// works under any path. Styles: public/update-banner.css. How updates work: docs/DEPLOY.md.

/** How often an open page asks whether a new deploy is out (also on return to the tab). */
const CHECK_EVERY_MS = 60 * 60 * 1000;
/** If the new worker has not taken over this long after "Reload", reload anyway. */
const TAKEOVER_TIMEOUT_MS = 3000;

if ('serviceWorker' in navigator) {
  start().catch((error) => console.warn('Recap Viewer: offline reading is not available:', error));
}

async function start() {
  const container = navigator.serviceWorker;
  const banner = createBanner();
  // A page that started under a worker and sees another take over runs an older deploy.
  const startedControlled = container.controller !== null;
  let reloadRequested = false;
  container.addEventListener('controllerchange', () => {
    if (reloadRequested) window.location.reload();
    else if (startedControlled) banner.offer(() => window.location.reload());
  });

  const registration = await container.register(new URL('sw.js', import.meta.url), {
    scope: new URL('./', import.meta.url).href,
    updateViaCache: 'none',
  });

  const offerWaiting = () => {
    const waiting = registration.waiting;
    if (!waiting || !container.controller) return;
    banner.offer(() => {
      reloadRequested = true;
      waiting.postMessage({ type: 'skip-waiting' });
      setTimeout(() => window.location.reload(), TAKEOVER_TIMEOUT_MS);
    });
  };
  offerWaiting();
  registration.addEventListener('updatefound', () => {
    const installing = registration.installing;
    installing?.addEventListener('statechange', () => {
      if (installing.state === 'installed') offerWaiting();
    });
  });

  const check = () => registration.update().catch(() => {});
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') check();
  });
  window.addEventListener('online', check);
  setInterval(check, CHECK_EVERY_MS);
}

/**
 * The banner: an empty live region at the end of the page, filled when an update is offered (so
 * screen readers announce it), with a Reload button and a way to dismiss it.
 */
function createBanner() {
  const region = document.createElement('div');
  region.className = 'rv-update';
  region.setAttribute('role', 'status');
  region.dataset.testid = 'update-banner';
  document.body.append(region);

  return {
    /** Shows the banner; `reload` runs when the reader chooses Reload. */
    offer(reload) {
      const box = document.createElement('div');
      box.className = 'rv-update-box';
      const text = document.createElement('p');
      text.className = 'rv-update-text';
      text.textContent = 'New recaps available';
      const dash = document.createElement('span');
      dash.setAttribute('aria-hidden', 'true');
      dash.textContent = ' — ';
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'rv-update-reload';
      button.dataset.testid = 'update-reload';
      button.textContent = 'Reload';
      button.addEventListener('click', () => {
        button.disabled = true;
        reload();
      });
      text.append(dash);
      const dismiss = document.createElement('button');
      dismiss.type = 'button';
      dismiss.className = 'rv-update-dismiss';
      dismiss.setAttribute('aria-label', 'Dismiss');
      dismiss.textContent = '×';
      dismiss.addEventListener('click', () => region.replaceChildren());
      box.append(text, button, dismiss);
      region.replaceChildren(box);
    },
  };
}
