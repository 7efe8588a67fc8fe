import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Helpers for checking a built site's HTML without a browser: which pages exist, what they link to,
 * and whether an internal link has a target in the build. Small regex parsing is enough for the
 * HTML Astro writes (attributes always double-quoted).
 */

/** Every built HTML file under a folder, as URL paths (`/san-pham/tuong-xay/`, `/404.html`). */
export function builtHtmlPaths(clientDir: string): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (entry.name === '_astro' || entry.name === 'pagefind') continue;
        walk(full);
      } else if (entry.name.endsWith('.html')) {
        const relative = path.relative(clientDir, full).split(path.sep).join('/');
        found.push(entry.name === 'index.html' ? `/${relative.slice(0, -'index.html'.length)}` : `/${relative}`);
      }
    }
  };
  walk(clientDir);
  return found.sort();
}

/** The HTML of a built page by URL path. */
export function readBuiltHtml(clientDir: string, urlPath: string): string {
  const file = urlPath.endsWith('.html') ? path.join(clientDir, urlPath) : path.join(clientDir, urlPath, 'index.html');
  return readFileSync(file, 'utf8');
}

const decode = (value: string) =>
  value.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');

/** The attributes of every tag of a kind: `<a href="…" rel="…">` → [{ href, rel }]. */
export function tagAttributes(html: string, tag: string): Array<Record<string, string>> {
  const tags = html.match(new RegExp(`<${tag}\\b[^>]*>`, 'gi')) ?? [];
  return tags.map((source) => {
    const attributes: Record<string, string> = {};
    for (const match of [...source.matchAll(/([\w:-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)].slice(1)) {
      attributes[match[1].toLowerCase()] = decode(match[2] ?? match[3] ?? match[4] ?? '');
    }
    return attributes;
  });
}

/** `<a href>` of a page plus the hrefs of its `<link rel=canonical|alternate>`. */
export function pageLinks(html: string): string[] {
  const anchors = tagAttributes(html, 'a').flatMap((a) => (a.href !== undefined ? [a.href] : []));
  const links = tagAttributes(html, 'link')
    .filter((l) => /\b(canonical|alternate)\b/i.test(l.rel ?? '') && l.href)
    .map((l) => l.href);
  return [...anchors, ...links];
}

/** The content of `<meta property|name="…">`. */
export function metaContent(html: string, key: string): string | undefined {
  return tagAttributes(html, 'meta').find((m) => m.property === key || m.name === key)?.content;
}

/**
 * The site path an href points to, or undefined for links that leave the site (other hosts,
 * mailto:, tel:, javascript:) or only move within the page. Query strings and fragments are dropped.
 */
export function internalPath(href: string, pageUrl: string, site: string): string | undefined {
  const trimmed = href.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return undefined;
  let url: URL;
  try {
    url = new URL(trimmed, new URL(pageUrl, site));
  } catch {
    return `invalid:${trimmed}`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.host !== new URL(site).host) return undefined;
  return decodeURIComponent(url.pathname);
}

export interface LinkTargets {
  clientDir: string;
  /** Paths the running server answered (pages rendered on demand, API routes, redirects). */
  served: ReadonlySet<string>;
}

/** Whether a site path has something to serve: a file, a folder with index.html, or a server answer. */
export function targetExists(sitePath: string, { clientDir, served }: LinkTargets): boolean {
  if (sitePath.startsWith('invalid:')) return false;
  if (served.has(sitePath)) return true;
  const file = path.join(clientDir, sitePath);
  if (!file.startsWith(clientDir)) return false;
  if (existsSync(file) && statSync(file).isFile()) return true;
  if (existsSync(path.join(file, 'index.html'))) return true;
  return !sitePath.endsWith('/') && existsSync(`${file}.html`);
}

/** Every internal link target of some pages, for asking the server which of them it serves. */
export function internalTargets(pages: Iterable<[string, string]>, site: string): Set<string> {
  const targets = new Set<string>();
  for (const [pageUrl, html] of pages) {
    for (const href of pageLinks(html)) {
      const target = internalPath(href, pageUrl, site);
      if (target !== undefined) targets.add(target);
    }
  }
  return targets;
}

/** Links of one page whose internal target is missing from the build. */
export function brokenLinks(html: string, pageUrl: string, site: string, targets: LinkTargets): string[] {
  return pageLinks(html).filter((href) => {
    const target = internalPath(href, pageUrl, site);
    return target !== undefined && !targetExists(target, targets);
  });
}

/** Width and height from a PNG's IHDR chunk, or undefined when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((byte, i) => bytes[i] !== byte)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') return undefined;
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
