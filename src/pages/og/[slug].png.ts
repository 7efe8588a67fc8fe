import type { APIRoute } from 'astro';
import { CARD_CACHE_DIR } from 'astro:env/server';
import { findProduct } from '../../data/catalogue.ts';
import { placeholderArt, productCard, renderCard } from '../../data/og-image.ts';
import { cachedCard, cardKey } from '../../server/card-cache.ts';

/** A 1200×630 preview card per product, for Facebook, Zalo and other link previews, drawn on first request. */
export const prerender = false;

export const GET: APIRoute = async ({ params }) => {
  const product = await findProduct(params.slug ?? '');
  if (!product) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const card = productCard(product, 'vi');
  const png = await cachedCard(CARD_CACHE_DIR, cardKey({ card, group: product.data.group }), async () =>
    renderCard(card, await placeholderArt(product.data.group)),
  );
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png', 'Cache-Control': 'public, max-age=86400' } });
};
