// @ts-check
import { defineConfig, envField } from 'astro/config';
import node from '@astrojs/node';
import react from '@astrojs/react';
import sitemap from '@astrojs/sitemap';

const site = process.env.SITE_URL ?? 'http://localhost:4321';

// Every catalogue page is prerendered; the Node adapter serves them and the few on-demand routes
// (checkout, webhook) that opt out with `export const prerender = false`.
export default defineConfig({
  site,
  // Tests build fixture sites with their own output and cache, leaving the real ones alone.
  outDir: process.env.OCOP_OUT_DIR ?? './dist',
  cacheDir: process.env.OCOP_CACHE_DIR ?? './node_modules/.astro',
  output: 'static',
  adapter: node({ mode: 'standalone' }),
  integrations: [react(), sitemap()],
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
    },
  },
  server: { port: Number(process.env.PORT ?? 4321), host: true },
  trailingSlash: 'ignore',
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
