import { existsSync } from 'node:fs';
import path from 'node:path';
import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import {
  eventSchema,
  pointOfSaleSchema,
  producerSchema,
  productSchema,
  regionSchema,
  type MissingPhotoFile,
} from './lib/content-schemas.ts';
import { PHOTO_FOLDER, photoFileNames } from './lib/photos.ts';

/** Tests point this at a fixture folder to prove that bad content fails the build. */
const contentRoot = process.env.OCOP_CONTENT_DIR ?? './content';

/**
 * Photos are read where they are stored, never from a frozen copy of the content (publishing
 * builds from one and names the real folder in OCOP_PHOTOS_DIR): they are written once under
 * their own hash and never change, so every build sees the same files.
 */
const photosRoot = process.env.OCOP_PHOTOS_DIR ?? path.join(contentRoot, PHOTO_FOLDER);
const missingPhotoFile: MissingPhotoFile = (slug, photo) =>
  photoFileNames(photo)
    .map((name) => path.join(photosRoot, slug, name))
    .find((file) => !existsSync(file));

/** Ids come from file names, never from a `slug` field, so a duplicate slug is caught, not merged. */
const byFileName = ({ entry }: { entry: string }) => entry.replace(/\.(md|ya?ml|json)$/, '');

/**
 * Raw bodies are not kept (`retainBody: false`): pages use the rendered HTML, and at 20,000 products
 * the raw copies double the data store. Product stories are rendered once when the content layer
 * syncs, not deferred: `deferRender` made every Markdown file a module in Vite's graph, which grew
 * the server and client bundles from 2 s to 133 s at national size (see BENCHMARKS.md).
 */
const files = (folder: string, pattern: string) =>
  glob({ base: `${contentRoot}/${folder}`, pattern, generateId: byFileName, retainBody: false });

export const collections = {
  products: defineCollection({
    loader: files('products', '**/*.md'),
    schema: productSchema(reference('producers'), missingPhotoFile),
  }),
  producers: defineCollection({ loader: files('producers', '**/*.yaml'), schema: producerSchema }),
  pointsOfSale: defineCollection({
    loader: files('points-of-sale', '**/*.yaml'),
    schema: pointOfSaleSchema(reference('producers'), reference('products')),
  }),
  events: defineCollection({ loader: files('events', '**/*.yaml'), schema: eventSchema(reference('producers')) }),
  regions: defineCollection({ loader: files('regions', '**/*.yaml'), schema: regionSchema }),
};
