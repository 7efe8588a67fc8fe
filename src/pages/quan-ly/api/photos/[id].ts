import type { APIRoute } from 'astro';
import { uploadProductPhoto } from '../../../../server/office/product-photos.ts';

export const prerender = false;

/** Adds an uploaded photo to a product (see src/server/office/product-photos.ts). */
export const POST: APIRoute = (context) => uploadProductPhoto(context, context.params.id ?? '');
