// The production server: Astro's Node adapter (static files and on-demand routes) behind a listener
// that puts the site-wide security headers on every response, static files included, which the
// adapter's own standalone server cannot do, and sends built text files (HTML, CSS, JS, JSON, SVG…)
// compressed to clients that accept it, each compressed once and kept in memory. Pages rendered on
// demand are compressed by src/middleware.ts. Routes may set stricter values (the API's no-referrer
// and default-src 'none'): those written by the route win.
// Usage: node scripts/serve.ts [build folder, default dist/ or OCOP_OUT_DIR]
//        (HOST, PORT, SERVER_CERT_PATH/SERVER_KEY_PATH as the adapter reads them)
import http from 'node:http';
import https from 'node:https';
import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chooseEncoding, compress, MIN_COMPRESS_BYTES, type Encoding } from '../src/server/compression.ts';

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
const dist = path.resolve(root, process.argv[2] ?? process.env.OCOP_OUT_DIR ?? 'dist');
const client = path.join(dist, 'client');
process.env.ASTRO_NODE_AUTOSTART = 'disabled';
const { handler } = (await import(pathToFileURL(path.join(dist, 'server/entry.mjs')).href)) as { handler: http.RequestListener };

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** The built file a GET would be answered with, as Astro's server finds it (folders give index.html). */
async function builtFile(url: string): Promise<{ file: string; size: number; mtimeMs: number } | undefined> {
  let pathname: string;
  try {
    pathname = decodeURI(new URL(url, 'http://x').pathname);
  } catch {
    return undefined;
  }
  let file = path.resolve(client, `.${pathname}`);
  if (file !== client && !file.startsWith(client + path.sep)) return undefined;
  try {
    let info = await stat(file);
    if (info.isDirectory()) info = await stat((file = path.join(file, 'index.html')));
    return info.isFile() ? { file, size: info.size, mtimeMs: info.mtimeMs } : undefined;
  } catch {
    return undefined;
  }
}

const cache = new Map<string, { mtimeMs: number; body: Buffer }>();

async function compressed(file: string, mtimeMs: number, encoding: Encoding): Promise<Buffer> {
  const key = `${encoding}:${file}`;
  const hit = cache.get(key);
  if (hit?.mtimeMs === mtimeMs) return hit.body;
  const body = compress(await readFile(file), encoding);
  cache.set(key, { mtimeMs, body });
  return body;
}

/** Answers with a compressed built file when it can; false hands the request to Astro. */
async function serveCompressed(req: http.IncomingMessage, res: http.ServerResponse): Promise<boolean> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const encoding = chooseEncoding(req.headers['accept-encoding']);
  if (!encoding || !req.url) return false;
  const found = await builtFile(req.url);
  const type = found && TYPES[path.extname(found.file)];
  if (!found || !type || found.size < MIN_COMPRESS_BYTES) return false;
  const body = await compressed(found.file, found.mtimeMs, encoding);
  const etag = `W/"${found.size.toString(16)}-${Math.round(found.mtimeMs).toString(16)}-${encoding}"`;
  const hashed = new URL(req.url, 'http://x').pathname.startsWith('/_astro/');
  res.setHeader('Vary', 'Accept-Encoding');
  res.setHeader('ETag', etag);
  // Hashed assets never change under their name; everything else is checked on each visit.
  res.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'public, max-age=0');
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304).end();
    return true;
  }
  res.writeHead(200, { 'Content-Type': type, 'Content-Encoding': encoding, 'Content-Length': body.byteLength });
  res.end(req.method === 'HEAD' ? undefined : body);
  return true;
}

const listener: http.RequestListener = (request, response) => {
  for (const [name, value] of Object.entries(SITE_HEADERS)) response.setHeader(name, value);
  serveCompressed(request, response)
    .then((served) => served || handler(request, response))
    .catch((error: unknown) => {
      console.error('serve:', error);
      if (!response.headersSent) handler(request, response);
    });
};
const server =
  process.env.SERVER_CERT_PATH && process.env.SERVER_KEY_PATH
    ? https.createServer({ key: readFileSync(process.env.SERVER_KEY_PATH), cert: readFileSync(process.env.SERVER_CERT_PATH) }, listener)
    : http.createServer(listener);
const port = Number(process.env.PORT ?? 4321);
const host = process.env.HOST ?? '0.0.0.0';
server.listen(port, host, () => {
  console.log(`OCOP catalogue listening on http://${host}:${port} (compressed for clients that accept it)`);
  // Load the catalogue now rather than on a visitor's first request (seconds at national size): a
  // product page that does not exist makes the server read it, and answers 404. Then open the search
  // index in each language the same way (a search without words).
  const local = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const origin = `${server instanceof https.Server ? 'https' : 'http'}://${local}:${port}`;
  fetch(`${origin}/san-pham/-/`)
    .then(() => Promise.all(['vi', 'en'].map((locale) => fetch(`${origin}/api/search?locale=${locale}`))))
    .catch(() => undefined);
});
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => server.close(() => process.exit(0)).closeAllConnections());
