import { readFile } from 'node:fs/promises';
import type { APIRoute } from 'astro';
import { CARD_CACHE_DIR } from 'astro:env/server';
import { findProduct } from '../../data/catalogue.ts';
import { placeholderArt, productCard, renderCard } from '../../data/og-image.ts';
import { cachedCard, cardKey } from '../../server/card-cache.ts';
import { contentDirFrom, storedPhotoFile } from '../../server/photos/photo-files.ts';

/** A 1200×630 preview card per product, for Facebook, Zalo and other link previews, drawn on first request. */
export const prerender = false;

export const GET: APIRoute = async ({ params }) => {
  const product = await findProduct(params.slug ?? '');
  if (!product) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const card = productCard(product, 'vi');
  const { group } = product.data;
  const photo = product.data.photos[0];
  // The product's first photo, else its group's illustration (also if the photo cannot be read).
  const art = () =>
    photo ? readFile(storedPhotoFile(contentDirFrom(), product.slug, photo, 640, 'jpeg')).catch(() => placeholderArt(group)) : placeholderArt(group);
  const png = await cachedCard(CARD_CACHE_DIR, cardKey({ card, group, photo: photo?.file }), async () => renderCard(card, await art()));
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png', 'Cache-Control': 'public, max-age=86400' } });
};
