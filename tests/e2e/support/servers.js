// Where playwright.config.js serves the site under test: once at the root of PORT, once under
// SUB_PATH on PORT + 1 (the release site must work at any path).
export const PORT = Number(process.env.E2E_PORT ?? 4173);
export const ROOT_ORIGIN = `http://127.0.0.1:${PORT}`;
export const SUB_PATH = '/team/recaps/';
export const SUB_PATH_ORIGIN = `http://127.0.0.1:${PORT + 1}`;
// A team portal embedding the viewer (tests/e2e/portal) on PORT + 2: another origin, so the
// iframe's postMessage and the custom element's cross-origin loading are real. The sub-path
// server sends CORS headers, so the portal can load embed.js and the app from it.
export const PORTAL_ORIGIN = `http://127.0.0.1:${PORT + 2}`;
