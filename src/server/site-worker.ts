// One worker of the production server (src/server/supervisor.ts forks them): Astro's Node handler
// for one build folder, behind a listener that puts the site-wide security headers on every
// response, static files included (the adapter's own server cannot), and sends built text files
// compressed to clients that accept it, each compressed once and kept in memory. Pages rendered on
// demand are compressed by src/middleware.ts. Routes may set stricter values (the API's
// no-referrer and default-src 'none'): those written by the route win. Every request is logged as
// one JSON line (request-log.ts); the client address comes through TRUSTED_PROXY only
// (client-address.ts); only /api/ takes other methods than GET and HEAD (allowed-methods.ts).
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { refuseWriteOutsideApi } from './allowed-methods.ts';
import { settleClientAddress } from './client-address.ts';
import { chooseEncoding, compress, MIN_COMPRESS_BYTES, type Encoding } from './compression.ts';
import { logRequest } from './request-log.ts';
import { contentDirFrom, servePhoto } from './photos/photo-files.ts';
import { readBuildInfo } from './releases/release-files.ts';
import { runShutdownHooks } from './shutdown.ts';

export const SITE_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
  // A <meta> CSP (Astro's, on prerendered pages) cannot forbid framing; this header only does that.
  'Content-Security-Policy': "frame-ancestors 'none'",
  'Permissions-Policy': 'camera=(), microphone=(), payment=(), geolocation=(self)',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

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

/**
 * Files whose names never change meaning: a page opened before a publish may still ask for the
 * scripts and search-index chunks of the release it came from, so these are also looked up in the
 * releases kept before the current one.
 */
const LASTING_ASSETS = /^\/(_astro|pagefind)\//;

export interface WorkerOptions {
  /** The build folder (client/ and server/), a release or dist/. */
  buildDir: string;
  /** Build folders of earlier releases still on disk, newest first. */
  earlierBuildDirs: string[];
  port: number;
  host: string;
  tls?: { key: string; cert: string };
  /** How long a stop waits for requests in flight before closing their connections. */
  drainMs: number;
  /** How long a stop keeps taking connections, answering them with Connection: close, before it closes. */
  lingerMs: number;
  /** Told once the worker has loaded the catalogue and answers on the shared port. */
  notify(message: { type: 'ready'; buildDir: string }): void;
}

interface FoundFile {
  file: string;
  size: number;
  mtimeMs: number;
}

async function fileIn(client: string, pathname: string): Promise<FoundFile | undefined> {
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

const decodedPath = (url: string) => {
  try {
    return decodeURI(new URL(url, 'http://x').pathname);
  } catch {
    return undefined;
  }
};

export async function runSiteWorker(options: WorkerOptions): Promise<void> {
  const client = path.join(options.buildDir, 'client');
  const earlierClients = options.earlierBuildDirs.map((dir) => path.join(dir, 'client'));
  process.env.ASTRO_NODE_AUTOSTART = 'disabled';
  // The build's own pages read build.json (the health endpoint) from here.
  process.env.OCOP_BUILD_DIR = options.buildDir;
  const { handler } = (await import(pathToFileURL(path.join(options.buildDir, 'server/entry.mjs')).href)) as { handler: http.RequestListener };

  const compressedFiles = new Map<string, { mtimeMs: number; body: Buffer }>();
  async function compressed(file: string, mtimeMs: number, encoding: Encoding): Promise<Buffer> {
    const key = `${encoding}:${file}`;
    const hit = compressedFiles.get(key);
    if (hit?.mtimeMs === mtimeMs) return hit.body;
    const body = compress(await readFile(file), encoding);
    compressedFiles.set(key, { mtimeMs, body });
    return body;
  }

  /** The built file for a GET: this release's, or for lasting assets an earlier release's. */
  async function builtFile(pathname: string): Promise<{ found: FoundFile; earlier: boolean } | undefined> {
    const own = await fileIn(client, pathname);
    if (own) return { found: own, earlier: false };
    if (!LASTING_ASSETS.test(pathname)) return undefined;
    for (const dir of earlierClients) {
      const found = await fileIn(dir, pathname);
      if (found) return { found, earlier: true };
    }
    return undefined;
  }

  /** Answers with a built file when it can (compressed when the client accepts it); false hands the request to Astro. */
  async function serveBuilt(req: http.IncomingMessage, res: http.ServerResponse): Promise<boolean> {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.url) return false;
    const pathname = decodedPath(req.url);
    const built = pathname === undefined ? undefined : await builtFile(pathname);
    if (!built) return false;
    const { found, earlier } = built;
    const type = TYPES[path.extname(found.file)];
    const encoding = chooseEncoding(req.headers['accept-encoding']);
    const compressible = Boolean(type && encoding && found.size >= MIN_COMPRESS_BYTES);
    // Astro serves this release's other files (images, fonts, small ones) itself.
    if (!earlier && !compressible) return false;
    const body = compressible ? await compressed(found.file, found.mtimeMs, encoding!) : await readFile(found.file);
    const etag = `W/"${found.size.toString(16)}-${Math.round(found.mtimeMs).toString(16)}${compressible ? `-${encoding}` : ''}"`;
    res.setHeader('Vary', 'Accept-Encoding');
    res.setHeader('ETag', etag);
    // Hashed assets never change under their name; everything else is checked on each visit.
    res.setHeader('Cache-Control', pathname!.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'public, max-age=0');
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304).end();
      return true;
    }
    res.writeHead(200, {
      'Content-Type': type ?? 'application/octet-stream',
      'Content-Length': body.byteLength,
      ...(compressible ? { 'Content-Encoding': encoding } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  }

  const buildId = (await readBuildInfo(options.buildDir).catch(() => undefined))?.id;
  // Uploaded photos live in the content folder, not in any build.
  const contentDir = contentDirFrom();
  /** Set once told to drain: 'swap' when a newer release takes over, 'stop' when the server stops. */
  let draining: 'swap' | 'stop' | undefined;
  let inFlight = 0;
  let settle: (() => void) | undefined;
  const listener: http.RequestListener = (request, response) => logRequest(request, response, () => {
    inFlight++;
    response.once('close', () => {
      inFlight--;
      if (draining && inFlight === 0) settle?.();
    });
    // The client's address (through TRUSTED_PROXY only) is settled first; a client already gone gets nothing.
    if (settleClientAddress(request) === undefined) return void response.destroy();
    for (const [name, value] of Object.entries(SITE_HEADERS)) response.setHeader(name, value);
    // Which release answered: for whoever checks that a publish is live (and the swap tests).
    if (buildId) response.setHeader('X-Build', buildId);
    // A draining worker answers what it has, then lets the client reconnect to a fresh one.
    if (draining) response.setHeader('Connection', 'close');
    // Only a server that is stopping is unhealthy; during a swap the next connection meets a fresh worker.
    if (draining === 'stop' && request.url?.split('?')[0] === '/healthz') {
      response.writeHead(503, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }).end(JSON.stringify({ status: 'draining' }));
      return;
    }
    if (refuseWriteOutsideApi(request, response)) return;
    servePhoto(request, response, contentDir)
      .then((served) => served || serveBuilt(request, response))
      .then((served) => served || handler(request, response))
      .catch((error: unknown) => {
        console.error('serve:', error);
        if (!response.headersSent) handler(request, response);
      });
  });
  const server = options.tls ? https.createServer(options.tls, listener) : http.createServer(listener);

  await warmUp(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  options.notify({ type: 'ready', buildDir: options.buildDir });
  // After taking visitors, not before: a swap waits for nothing the public pages do not need.
  void warmUp(handler, [WORKSPACE_WARM_UP]);

  let stopping: Promise<void> | undefined;
  const drain = (reason: 'swap' | 'stop') =>
    (stopping ??= (async () => {
      draining = reason;
      // Stopping, the worker keeps taking connections a moment while /healthz says it is going:
      // a proxy stops sending, and connections already queued for it are answered, not reset.
      // (During a swap a fresh worker takes the queue, so there is nothing to wait for.)
      if (reason === 'stop') await new Promise((resolve) => setTimeout(resolve, options.lingerMs));
      // net.Server's close, not http.Server's: the latter also drops idle keep-alive connections
      // at once, and a client that was just sending on one would see its request cut off. Idle
      // ones close at the keep-alive timeout as the client expects; busy ones after their answer.
      net.Server.prototype.close.call(server);
      const idle = new Promise<void>((resolve) => {
        settle = resolve;
        if (inFlight === 0) resolve();
      });
      const closed = new Promise<void>((resolve) => server.once('close', () => resolve()));
      const timeUp = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), options.drainMs).unref());
      if ((await Promise.race([idle.then(() => closed), timeUp])) === 'late') {
        console.error(`serve: ${inFlight} request(s) still open after ${options.drainMs} ms; closing them`);
      }
      server.closeAllConnections();
      await runShutdownHooks();
    })());
  return new Promise<void>((resolve) => {
    process.on('message', (message: { type?: string; reason?: 'swap' | 'stop' }) => {
      if (message?.type === 'drain') void drain(message.reason ?? 'stop').then(resolve);
    });
    // A worker is told to stop by its supervisor; a signal sent to it alone means the same. (A
    // terminal's Ctrl-C reaches every process of the group, the supervisor included.)
    for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void drain('stop').then(resolve));
  });
}

/** Each step's addresses (space-separated) are visited together, the steps one after another. */
const CATALOGUE_WARM_UP = ['/san-pham/-/', '/api/search?locale=vi /api/search?locale=en'];
/** The workspace's sign-in page reads the content's entries for the office's lists (./office/guard.ts). */
const WORKSPACE_WARM_UP = '/quan-ly/dang-nhap/';

/**
 * Loads the catalogue before taking visitors (seconds at national size), through a private
 * listener of this worker only: a product page that does not exist makes the server read it. Then
 * opens this release's search index in each language the same way (a search without words).
 */
async function warmUp(handler: http.RequestListener, paths: readonly string[] = CATALOGUE_WARM_UP): Promise<void> {
  const warm = http.createServer(handler);
  await new Promise<void>((resolve) => warm.listen({ port: 0, host: '127.0.0.1', exclusive: true }, () => resolve()));
  const { port } = warm.address() as net.AddressInfo;
  const visit = (urlPath: string) => fetch(`http://127.0.0.1:${port}${urlPath}`).then((response) => response.arrayBuffer()).catch(() => undefined);
  for (const step of paths) await Promise.all(step.split(' ').map(visit));
  warm.closeAllConnections();
  await new Promise((resolve) => warm.close(resolve));
}

export const readTls = (env: NodeJS.ProcessEnv) =>
  env.SERVER_CERT_PATH && env.SERVER_KEY_PATH ? { key: readFileSync(env.SERVER_KEY_PATH, 'utf8'), cert: readFileSync(env.SERVER_CERT_PATH, 'utf8') } : undefined;
