// The production server: Astro's Node adapter (static files and on-demand routes) behind a listener
// that puts the site-wide security headers on every response, static files included, which the
// adapter's own standalone server cannot do. Routes may set stricter values (the API's no-referrer
// and default-src 'none'): those written by the route win.
// Usage: node scripts/serve.ts [build folder, default dist/ or OCOP_OUT_DIR]
//        (HOST, PORT, SERVER_CERT_PATH/SERVER_KEY_PATH as the adapter reads them)
import http from 'node:http';
import https from 'node:https';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const SITE_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
  // A <meta> CSP (Astro's, on prerendered pages) cannot forbid framing; this header only does that.
  'Content-Security-Policy': "frame-ancestors 'none'",
  'Permissions-Policy': 'camera=(), microphone=(), payment=(), geolocation=(self)',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

const root = path.resolve(import.meta.dirname, '..');
const entry = path.resolve(root, process.argv[2] ?? process.env.OCOP_OUT_DIR ?? 'dist', 'server/entry.mjs');
process.env.ASTRO_NODE_AUTOSTART = 'disabled';
const { handler } = (await import(pathToFileURL(entry).href)) as { handler: http.RequestListener };

const listener: http.RequestListener = (request, response) => {
  for (const [name, value] of Object.entries(SITE_HEADERS)) response.setHeader(name, value);
  handler(request, response);
};
const server =
  process.env.SERVER_CERT_PATH && process.env.SERVER_KEY_PATH
    ? https.createServer({ key: readFileSync(process.env.SERVER_KEY_PATH), cert: readFileSync(process.env.SERVER_CERT_PATH) }, listener)
    : http.createServer(listener);
const port = Number(process.env.PORT ?? 4321);
const host = process.env.HOST ?? '0.0.0.0';
server.listen(port, host, () => console.log(`OCOP catalogue listening on http://${host}:${port}`));
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => server.close(() => process.exit(0)).closeAllConnections());
