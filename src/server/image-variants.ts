import type { ImageMetadata } from 'astro';
import { getImage } from 'astro:assets';
import { getCatalogue } from '../data/catalogue.ts';
import { IMAGE_VARIANTS, variantFormats } from '../lib/image-variants.ts';
import { json } from './http.ts';

/**
 * /_image renders whatever it is asked for, and each render of a large AVIF costs about a second
 * of CPU. Only the catalogue's own pictures in the variants the pages emit are answered: the
 * addresses are made by the same getImage calls the components make, so they match exactly
 * (query string and all), and anything else is refused before a pixel is touched.
 */
let sources: Promise<Map<string, ImageMetadata>> | undefined;

/**
 * Every picture Astro optimises for a page, by its built address: the group illustrations.
 * (Uploaded photos are made once at upload and served as files, never through /_image.)
 */
function catalogueImages(): Promise<Map<string, ImageMetadata>> {
  sources ??= getCatalogue().then((catalogue) => new Map(catalogue.products.map(({ illustration }) => [illustration.src, illustration])));
  return sources;
}

const emitted = new Map<string, Promise<Set<string>>>();

/** The query strings of every variant of one picture, as pages address them. */
function emittedQueries(image: ImageMetadata): Promise<Set<string>> {
  let queries = emitted.get(image.src);
  if (!queries) {
    const made = IMAGE_VARIANTS.flatMap((variant) =>
      variantFormats(variant, image.format).map((format) => getImage({ src: image, ...variant, format: format as 'webp' })),
    );
    queries = Promise.all(made).then(
      (results) => new Set(results.flatMap((result) => [result.src, ...result.srcSet.values.map((entry) => entry.url)]).map((url) => new URL(url, 'http://x').search)),
    );
    emitted.set(image.src, queries);
  }
  return queries;
}

/** 400 for an /_image request the site never makes; undefined when it may be rendered. */
export async function refuseUnknownImage(url: URL): Promise<Response | undefined> {
  const image = (await catalogueImages()).get(url.searchParams.get('href') ?? '');
  if (image && (await emittedQueries(image)).has(url.search)) return undefined;
  return json({ error: 'unknown-image-variant' }, 400);
}
