// The test portal's set-up. The viewer to embed and its presets come from this page's query, so
// the tests choose ports, sites and filters (a real portal writes them into its HTML):
//
//   iframe.html?viewer=<site URL>&frame=<the iframe's query, e.g. embed=1&track=x>
//   elements.html?viewer=<site URL>&first=<attributes as a query: track=x&theme=dark>&second=…
//
// Every message and viewer event the page receives is listed on the page and in
// `window.portalLog`, for the tests and for a person looking at the page.
const params = new URLSearchParams(location.search);
const viewer = new URL(params.get('viewer') ?? 'http://127.0.0.1:4174/team/recaps/');

window.portalLog = [];
const list = document.getElementById('log');
function log(entry) {
  window.portalLog.push(entry);
  const item = document.createElement('li');
  item.textContent = `${entry.from}: ${entry.type} ${JSON.stringify(entry.detail ?? null)}`;
  list?.append(item);
}

// The iframe way: the viewer in embed mode; resize-iframes.js (the documented snippet) sizes it.
const frame = document.querySelector('iframe[data-recap-viewer]');
if (frame) {
  window.addEventListener('message', (event) => {
    log({ from: event.origin, type: event.data?.type, detail: event.data });
  });
  frame.src = new URL(`?${params.get('frame') ?? 'embed=1'}`, viewer).href;
}

// The custom element way: attributes from the query, then the viewer's embed.js.
const elements = document.querySelectorAll('recap-viewer[id]');
if (elements.length > 0) {
  for (const element of elements) {
    for (const [name, value] of new URLSearchParams(params.get(element.id) ?? '')) {
      element.setAttribute(name, value);
    }
  }
  for (const type of ['recap-viewer:filters-change', 'recap-viewer:talk-open', 'recap-viewer:talk-close']) {
    document.addEventListener(type, (event) => log({ from: event.target.id, type, detail: event.detail }));
  }
  const script = document.createElement('script');
  script.type = 'module';
  script.src = new URL('embed.js', viewer).href;
  document.head.append(script);
}
