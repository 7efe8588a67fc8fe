import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, ROOT } from './server.ts';

/**
 * Debian's nginx in front of test servers, running the shipped deploy/nginx/ocop-catalogue.conf
 * with only what must differ here replaced: its ports, upstream servers, certificate and cache
 * folder. TLS with a throwaway self-signed certificate for 127.0.0.1.
 */
export const SHIPPED_CONFIG = path.join(ROOT, 'deploy/nginx/ocop-catalogue.conf');

export function nginxBinary(): string | undefined {
  return ['/usr/sbin/nginx', '/usr/bin/nginx'].find((file) => existsSync(file));
}

/** Why the proxy tests cannot run here, or undefined when they can. */
export function nginxUnavailable(): string | undefined {
  if (!nginxBinary()) return 'nginx is not installed (npm test installs it as root: apt-get install nginx)';
  if (!existsSync('/usr/bin/openssl')) return 'openssl is not installed (it makes the test certificate)';
  return undefined;
}

export interface TestProxy {
  /** https://127.0.0.1:<port>, the public address the servers behind it must be given as SITE_URL. */
  url: string;
  /** The plain-HTTP listener, which only redirects. */
  httpUrl: string;
  /** The certificate to trust. */
  ca: Buffer;
  /** Starts it in front of these servers (host:port each). */
  start(upstreams: string[]): Promise<void>;
  stop(): Promise<void>;
}

/** The shipped configuration with this machine's ports, servers, certificate and cache folder. */
export function localConfig(shipped: string, options: { httpPort: number; httpsPort: number; upstreams: string[]; dir: string }): string {
  const replaced = shipped
    .replace(/^\s*listen \[::\].*\n/gm, '')
    .replace(/listen 80;/, `listen 127.0.0.1:${options.httpPort};`)
    .replace(/listen 443 /, `listen 127.0.0.1:${options.httpsPort} `)
    .replace(/(upstream ocop_catalogue \{\n)(?:\s*#.*\n)*(?:\s*server .*\n)+/, `$1${options.upstreams.map((upstream) => `    server ${upstream};\n`).join('')}`)
    .replace(/ssl_certificate .*;.*/, `ssl_certificate ${options.dir}/cert.pem;`)
    .replace(/ssl_certificate_key .*;.*/, `ssl_certificate_key ${options.dir}/key.pem;`)
    .replace(/proxy_cache_path \S+/, `proxy_cache_path ${options.dir}/cache`);
  for (const [what, pattern] of Object.entries({ upstreams: /server 127\.0\.0\.1:4321/, certificate: /letsencrypt/, 'listen 80': /listen 80;/ })) {
    if (pattern.test(replaced)) throw new Error(`deploy/nginx/ocop-catalogue.conf changed: its ${what} could not be replaced for the test`);
  }
  return replaced;
}

export async function createTestProxy(): Promise<TestProxy> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ocop-nginx-'));
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=127.0.0.1',
    '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'),
  ], { stdio: 'pipe' });
  const [httpPort, httpsPort] = [await freePort(), await freePort()];
  let child: ReturnType<typeof spawn> | undefined;
  const proxy: TestProxy = {
    url: `https://127.0.0.1:${httpsPort}`,
    httpUrl: `http://127.0.0.1:${httpPort}`,
    ca: readFileSync(path.join(dir, 'cert.pem')),
    async start(upstreams) {
      const site = localConfig(readFileSync(SHIPPED_CONFIG, 'utf8'), { httpPort, httpsPort, upstreams, dir });
      writeFileSync(path.join(dir, 'site.conf'), site);
      writeFileSync(
        path.join(dir, 'nginx.conf'),
        `${process.getuid?.() === 0 ? 'user root;\n' : ''}daemon off;\nworker_processes 1;\npid ${dir}/nginx.pid;\nerror_log ${dir}/error.log warn;\n` +
          `events { worker_connections 512; }\nhttp {\n  include /etc/nginx/mime.types;\n  access_log off;\n  client_body_temp_path ${dir}/body;\n` +
          `  proxy_temp_path ${dir}/proxy;\n  include ${dir}/site.conf;\n}\n`,
      );
      const output: string[] = [];
      child = spawn(nginxBinary()!, ['-p', dir, '-c', path.join(dir, 'nginx.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
      child.stderr?.on('data', (chunk) => output.push(String(chunk)));
      for (let attempt = 0; ; attempt++) {
        if (child.exitCode !== null) throw new Error(`nginx exited: ${output.join('')}${existsSync(`${dir}/error.log`) ? readFileSync(`${dir}/error.log`, 'utf8') : ''}`);
        if (await proxyRequest(proxy, '/robots.txt').then(() => true, () => false)) return;
        if (attempt > 100) throw new Error(`nginx did not answer: ${output.join('')}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async stop() {
      if (child && child.exitCode === null) {
        const exited = new Promise((resolve) => child!.once('exit', resolve));
        child.kill('SIGQUIT');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return proxy;
}

export interface ProxyResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One HTTPS request through the proxy; `localAddress` (127.0.0.x) makes it come from another client. */
export function proxyRequest(
  proxy: Pick<TestProxy, 'url' | 'ca'>,
  pathname: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; localAddress?: string } = {},
): Promise<ProxyResponse> {
  return new Promise((resolve, reject) => {
    const request = https.request(new URL(pathname, proxy.url), { method: options.method ?? 'GET', headers: options.headers, ca: proxy.ca, localAddress: options.localAddress, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(options.body);
  });
}
