#!/usr/bin/env node
// A tiny static file server for the browser tests: serves a built site (default dist/) on
// 127.0.0.1, optionally under a sub-path and with extra response headers (e.g. a CSP).
//
//   node tests/e2e/serve.mjs [--root dist] [--port 4173] [--base /sub/path/]
//                            [--header "Content-Security-Policy: default-src 'self'"]...
//
// Each option can also come from the environment: E2E_ROOT, E2E_PORT, E2E_BASE and
// E2E_HEADERS (a JSON object of header names to values). Only GET and HEAD are served; paths
// outside the root are refused; a folder serves its index.html; `<base>` without the trailing
// slash redirects to `<base>/` so relative asset URLs resolve.

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** Reads the options from the command line, falling back to the environment. */
export function options(argv = process.argv.slice(2), env = process.env) {
  const { values } = parseArgs({
    args: argv,
    options: {
      root: { type: 'string', default: env.E2E_ROOT ?? 'dist' },
      port: { type: 'string', default: env.E2E_PORT ?? '4173' },
      host: { type: 'string', default: env.E2E_HOST ?? '127.0.0.1' },
      base: { type: 'string', default: env.E2E_BASE ?? '/' },
      header: { type: 'string', multiple: true, default: [] },
    },
  });
  const headers = env.E2E_HEADERS ? JSON.parse(env.E2E_HEADERS) : {};
  for (const line of values.header) {
    const colon = line.indexOf(':');
    if (colon < 1) throw new Error(`--header wants "Name: value", got ${JSON.stringify(line)}`);
    headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  let base = values.base.startsWith('/') ? values.base : `/${values.base}`;
  if (!base.endsWith('/')) base += '/';
  return { root: resolve(values.root), port: Number(values.port), host: values.host, base, headers };
}

/** Creates (but does not start) the server. */
export function createStaticServer({ root, base, headers }) {
  return createServer(async (request, response) => {
    const send = (status, body, extra = {}) => {
      response.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8', ...extra });
      response.end(request.method === 'HEAD' ? undefined : body);
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return send(405, 'method not allowed\n', { Allow: 'GET, HEAD' });
    }
    const { pathname } = new URL(request.url, 'http://localhost');
    if (`${pathname}/` === base) return send(308, '', { Location: base });
    if (!pathname.startsWith(base)) return send(404, 'not found\n');

    let file;
    try {
      file = resolve(join(root, decodeURIComponent(pathname.slice(base.length))));
    } catch {
      return send(400, 'bad request\n');
    }
    if (file !== root && !file.startsWith(root + sep)) return send(403, 'forbidden\n');
    try {
      let info = await stat(file);
      if (info.isDirectory()) {
        if (!pathname.endsWith('/')) return send(308, '', { Location: `${pathname}/` });
        file = join(file, 'index.html');
        info = await stat(file);
      }
      response.writeHead(200, {
        'Cache-Control': 'no-store',
        ...headers,
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Length': info.size,
      });
      if (request.method === 'HEAD') return response.end();
      createReadStream(file).pipe(response);
    } catch {
      send(404, 'not found\n');
    }
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const config = options();
  const server = createStaticServer(config);
  server.listen(config.port, config.host, () => {
    console.log(`serving ${config.root} at http://${config.host}:${config.port}${config.base}`);
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
}
