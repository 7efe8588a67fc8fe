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
  output: 'static',
  adapter: node({ mode: 'standalone' }),
  integrations: [react(), sitemap()],
  server: { port: Number(process.env.PORT ?? 4321), host: true },
  trailingSlash: 'ignore',
  build: { format: 'directory' },
});
