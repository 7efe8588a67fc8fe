// @ts-check
import { defineConfig, envField } from 'astro/config';
import node from '@astrojs/node';
import react from '@astrojs/react';
import sitemap from '@astrojs/sitemap';
import { localePaths } from './src/lib/paths.ts';
import { catalogueSitemap } from './src/integrations/catalogue-sitemap.ts';
import { photoFilesInDev } from './src/integrations/photo-files-in-dev.ts';
import { stylesInHead } from './src/integrations/styles-in-head.ts';
import { resolveSiteUrl } from './src/lib/site-url.ts';

// Stops a deployment build (OCOP_DEPLOY=1) without SITE_URL with a clear message; see src/lib/site-url.ts.
const site = resolveSiteUrl(process.env);
// Map tiles are the only images from elsewhere; the CSP below allows their origin and no other.
const tileOrigin = new URL((process.env.PUBLIC_MAP_TILE_URL ?? 'https://tile.openstreetmap.org/{z}/{x}/{y}.png').replace(/\{[a-z]\}/g, 'a')).origin;

// Pages that do not grow with the catalogue (home, search, map, statistics, cart) are prerendered.
// Product, producer and listing pages, short links and preview cards are rendered on demand by the
// Node server and cached (src/middleware.ts): prerendering 80,000 of them made a national build take
// half an hour (BENCHMARKS.md, "National scale"). The search index is built from catalogue data.
export default defineConfig({
  site,
  // Tests build fixture sites with their own output and cache, leaving the real ones alone.
  outDir: process.env.OCOP_OUT_DIR ?? './dist',
  cacheDir: process.env.OCOP_CACHE_DIR ?? './node_modules/.astro',
  output: 'static',
  adapter: node({ mode: 'standalone' }),
  integrations: [
    react(),
    stylesInHead(),
    photoFilesInDev(),
    sitemap({
      // The cart, checkout results and shortlist are personal pages, the office workspace is
      // private, and producers' update forms and their confirmation are not content: none to index.
      filter: (page) => !/\/(gio-hang|thanh-toan|danh-sach-chon|en\/cart|en\/checkout|en\/shortlist|quan-ly|cap-nhat|en\/update)\//.test(new URL(page).pathname),
      // Both locales, each URL with its hreflang pair (the locales' paths differ, so the
      // integration's prefix-based i18n option cannot pair them).
      serialize(item) {
        const pair = localePaths(new URL(item.url).pathname);
        if (pair) item.links = [{ lang: 'vi', url: new URL(pair.vi, site).href }, { lang: 'en', url: new URL(pair.en, site).href }];
        return item;
      },
    }),
    // After the sitemap integration: adds the on-demand pages' sitemap files to its index.
    catalogueSitemap(),
  ],
  env: {
    schema: {
      // Commerce, read by the server at run time and never bundled for the browser. All optional:
      // without a Stripe key the site runs and the cart offers other ways to buy. STRIPE_API_* point
      // the SDK at a local Stripe-compatible server in tests.
      STRIPE_SECRET_KEY: envField.string({ context: 'server', access: 'secret', optional: true }),
      STRIPE_WEBHOOK_SECRET: envField.string({ context: 'server', access: 'secret', optional: true }),
      STRIPE_API_HOST: envField.string({ context: 'server', access: 'secret', optional: true }),
      STRIPE_API_PORT: envField.number({ context: 'server', access: 'secret', optional: true, int: true }),
      STRIPE_API_PROTOCOL: envField.enum({ context: 'server', access: 'secret', optional: true, values: ['http', 'https'] }),
      SITE_URL: envField.string({ context: 'server', access: 'secret', optional: true, url: true }),
      ORDERS_DB_PATH: envField.string({ context: 'server', access: 'secret', optional: true }),
      // Preview cards drawn on demand are kept here, keyed by what they show.
      CARD_CACHE_DIR: envField.string({ context: 'server', access: 'public', default: 'data/cache/cards' }),
      // Bank transfer (VietQR): the order store (PostgreSQL when DATABASE_URL names it, else the
      // SQLite file), the bank-notification webhook's shared secret, e-mail notices, limits.
      BANK_TRANSFER: envField.boolean({ context: 'server', access: 'secret', default: true }),
      DATABASE_URL: envField.string({ context: 'server', access: 'secret', optional: true }),
      BANK_WEBHOOK_SECRET: envField.string({ context: 'server', access: 'secret', optional: true }),
      SMTP_URL: envField.string({ context: 'server', access: 'secret', optional: true }),
      MAIL_FROM: envField.string({ context: 'server', access: 'secret', default: 'OCOP <no-reply@ocop.invalid>' }),
      ORDERS_OFFICE_EMAIL: envField.string({ context: 'server', access: 'secret', optional: true }),
      ORDER_EXPIRY_HOURS: envField.number({ context: 'server', access: 'secret', default: 48, gt: 0 }),
      TRANSFER_CHECKOUT_LIMIT: envField.number({ context: 'server', access: 'secret', default: 10, int: true, gt: 0 }),
      TRANSFER_CHECKOUT_WINDOW_SECONDS: envField.number({ context: 'server', access: 'secret', default: 600, int: true, gt: 0 }),
      // Map tiles: OpenStreetMap by default; point these at another tile server (and credit it) if needed.
      PUBLIC_MAP_TILE_URL: envField.string({ context: 'client', access: 'public', default: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png' }),
      PUBLIC_MAP_TILE_ATTRIBUTION: envField.string({
        context: 'client',
        access: 'public',
        default: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
      }),
    },
  },
  server: { port: Number(process.env.PORT ?? 4321), host: true },
  // Content-Security-Policy through Astro: hashes of every script and style it emits, in a <meta> on
  // prerendered pages and a header on rendered ones. 'self' for Pagefind's script, loaded at run
  // time, and 'wasm-unsafe-eval' for its WebAssembly. Headers a <meta> cannot carry
  // (frame-ancestors, nosniff, referrer policy) come from the server: scripts/serve.ts.
  security: {
    // Every route that takes a write checks Origin itself against the public origin and answers a
    // JSON reason (src/server/public-origin.ts; the workspace's door, src/server/office/guard.ts).
    // Astro's own check compares with the request's Host, which a client names, and answers text.
    checkOrigin: false,
    csp: {
      directives: [
        "default-src 'self'",
        `img-src 'self' data: ${tileOrigin}`,
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
  // Vietnamese is the default locale at the root; English lives under /en/. Route names differ per
  // locale (san-pham / products), so pages pair up through src/lib/paths.ts.
  i18n: { locales: ['vi', 'en'], defaultLocale: 'vi', routing: { prefixDefaultLocale: false } },
  trailingSlash: 'ignore',
  // Product stories have no code blocks, and Shiki's inline styles would need 'unsafe-inline' under the CSP.
  markdown: { syntaxHighlight: false },
  build: { format: 'directory' },
  vite: {
    build: {
      rollupOptions: {
        // Astro marks deferred Markdown modules with a directive the bundler warns about once per
        // product; the warning is harmless and would bury real ones.
        onwarn(warning, warn) {
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
        },
      },
    },
  },
});
