import type { APIRoute } from 'astro';
import { methodNotAllowed } from '../../../../server/http.ts';
import { uploadProductPhoto } from '../../../../server/office/product-photos.ts';

export const prerender = false;

/** Adds an uploaded photo to a product (see src/server/office/product-photos.ts). */
export const POST: APIRoute = (context) => uploadProductPhoto(context, context.params.id ?? '');
export const ALL = methodNotAllowed('POST');
