// Adds a photo to a product the way the office's upload does: checked by its content, made into
// its sizes once, stored under content/photos/<slug>/, and listed in the product file with its alt.
// Usage: npm run photo -- <product slug> <photo file> --alt "What the photo shows"
// (OCOP_CONTENT_DIR or --content names another content folder.)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { photoSchema } from '../src/lib/content-schemas.ts';
import { processPhoto } from '../src/server/photos/process-photo.ts';
import { storePhoto } from '../src/server/photos/photo-upload.ts';
import { readFolder, serialise, writeIfChanged } from './lib/content-files.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { alt: { type: 'string' }, content: { type: 'string', default: process.env.OCOP_CONTENT_DIR ?? 'content' } },
});
const [slug, photoPath] = positionals;
function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
if (!slug || !photoPath) fail('Usage: npm run photo -- <product slug> <photo file> --alt "What the photo shows"');

const contentDir = path.resolve(values.content);
const product = readFolder(path.join(contentDir, 'products'), '.md').find((file) => file.data.slug === slug) ?? fail(`No product with slug "${slug}" in ${contentDir}/products`);
const processed = await processPhoto(readFileSync(photoPath));
if (!processed.ok) fail(`${photoPath}: ${processed.detail} (${processed.reason})`);
const entry = photoSchema.safeParse({ ...processed.photo, alt: values.alt });
if (!entry.success) fail(`--alt: ${entry.error.issues[0].message}`);

await storePhoto(processed, { slug, contentDir });
const listed = (product.data.photos as { file: string }[] | undefined) ?? [];
const photos = listed.some((photo) => photo.file === entry.data.file) ? listed : [...listed, entry.data];
const written = writeIfChanged(product.file, serialise(product.file, { ...product.data, photos }, product.body));
console.log(`${path.relative(process.cwd(), product.file)}: ${written ? 'added' : 'already lists'} photo ${entry.data.file} (${entry.data.width}×${entry.data.height}, ${processed.files.length} files in ${path.relative(process.cwd(), path.join(contentDir, 'photos', slug))}/)`);
