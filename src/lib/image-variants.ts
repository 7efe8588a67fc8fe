/**
 * Every optimised picture the site emits, as the components ask Astro for it. Pages rendered on
 * demand address these through /_image, which renders each on first request; the server answers
 * only these variants of the catalogue's own pictures (src/server/image-variants.ts) and refuses
 * any other size, format or quality, which would cost a second of CPU each.
 */
type Format = 'avif' | 'webp' | 'png' | 'jpg';

export interface PictureVariant {
  /** <Picture> sources, each followed by the source's own format (or PNG) as the fallback <img>. */
  formats: Format[];
  widths?: number[];
  width: number;
  height?: number;
}

export interface ImageVariant {
  format: Format;
  width: number;
  height?: number;
}

export const PRODUCT_PICTURE = { formats: ['avif', 'webp'], widths: [480, 960], width: 960, height: 720 } satisfies PictureVariant;
export const CARD_IMAGE = { format: 'webp', width: 480, height: 360 } satisfies ImageVariant;
/** A search result's picture: in the index's metadata (built) and in the server's answers (on demand). */
export const SEARCH_THUMBNAIL = { format: 'webp', width: 160, height: 120 } satisfies ImageVariant;

export const IMAGE_VARIANTS: ReadonlyArray<PictureVariant | ImageVariant> = [PRODUCT_PICTURE, CARD_IMAGE, SEARCH_THUMBNAIL];

/** Astro's <Picture> falls back to the source's format for these, else to PNG. */
export function pictureFallbackFormat(sourceFormat: string): string {
  return ['gif', 'svg', 'jpg', 'jpeg'].includes(sourceFormat) ? sourceFormat : 'png';
}

/** The formats a variant is emitted in, for a source of the given format. */
export function variantFormats(variant: PictureVariant | ImageVariant, sourceFormat: string): string[] {
  return 'formats' in variant ? [...variant.formats, pictureFallbackFormat(sourceFormat)] : [variant.format];
}
