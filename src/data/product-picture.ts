import { photoUrlNear } from '../lib/photos.ts';
import type { Product } from './catalogue.ts';

/**
 * One plain image address for a product, where a single file is wanted (cart lines, search
 * results, the card payment page, structured data): its first photo as JPEG about `width` wide,
 * else its group's illustration.
 */
export function pictureSrc(product: Pick<Product, 'slug' | 'data' | 'illustration'>, width: number): string {
  const photo = product.data.photos[0];
  return photo ? photoUrlNear(product.slug, photo, width, 'jpeg') : product.illustration.src;
}
