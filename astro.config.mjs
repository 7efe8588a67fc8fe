// @ts-check
import { defineConfig } from 'astro/config';
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
