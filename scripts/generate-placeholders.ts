// Draws one placeholder picture per product group with sharp, for products without photos.
// The seed documents publish no photos; these are plainly illustrations, not product shots.
// Usage: npm run placeholders (writes src/assets/placeholders/<group>.png, committed).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { PRODUCT_GROUPS, type ProductGroup } from '../src/lib/groups.ts';

const WIDTH = 960;
const HEIGHT = 720;

/** Background colours and a simple line drawing (in a 200×200 box) per group. */
const ART: Record<ProductGroup, { from: string; to: string; drawing: string }> = {
  food: {
    from: '#fde7c2', to: '#f3b664',
    drawing: '<path d="M30 100 h140 a70 70 0 0 1 -140 0z"/><path d="M45 100 q55 -60 110 0" fill="none"/><circle cx="80" cy="80" r="6"/><circle cx="105" cy="72" r="6"/><circle cx="128" cy="82" r="6"/>',
  },
  beverages: {
    from: '#d8ecf6', to: '#7fb8d8',
    drawing: '<path d="M85 20 h30 v35 q25 15 25 45 v80 h-80 v-80 q0 -30 25 -45z"/><rect x="70" y="110" width="60" height="40" rx="6" fill="#ffffff66"/>',
  },
  herbal: {
    from: '#e2f2dc', to: '#8cc279',
    drawing: '<path d="M100 180 C40 140 40 60 100 20 C160 60 160 140 100 180z"/><path d="M100 175 V40 M100 80 l-25 -20 M100 110 l28 -22 M100 140 l-30 -22" fill="none"/>',
  },
  'textiles-garments': {
    from: '#f6dde6', to: '#d37fa0',
    drawing: '<path d="M60 30 l40 20 l40 -20 l40 40 l-25 25 l-15 -12 v97 h-80 v-97 l-15 12 l-25 -25z"/><path d="M70 120 h60 M70 140 h60 M70 160 h60" fill="none"/>',
  },
  'souvenirs-furniture-decoration': {
    from: '#efe4f7', to: '#a98ad0',
    drawing: '<path d="M80 25 h40 v20 q40 25 40 75 q0 55 -60 60 q-60 -5 -60 -60 q0 -50 40 -75z"/><path d="M55 115 q45 25 90 0" fill="none"/>',
  },
  'community-tourism': {
    from: '#dff3ef', to: '#6fc1b0',
    drawing: '<circle cx="140" cy="55" r="22"/><path d="M20 150 q40 -25 80 0 t80 0" fill="none"/><path d="M45 130 h110 l-20 25 h-70z"/><path d="M100 130 v-60 l35 45z"/>',
  },
  'handicrafts-decoration': {
    from: '#f5ead6', to: '#c79a5a',
    drawing: '<path d="M40 80 h120 l-15 95 h-90z"/><path d="M60 80 q40 -70 80 0" fill="none"/><path d="M48 110 h104 M52 140 h96" fill="none"/><path d="M75 80 l10 95 M100 80 v95 M125 80 l-10 95" fill="none"/>',
  },
};

function svg({ from, to, drawing }: (typeof ART)[ProductGroup]): string {
  const scale = 1.9;
  const x = (WIDTH - 200 * scale) / 2;
  const y = (HEIGHT - 200 * scale) / 2;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}">
  <defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>
  <rect width="100%" height="100%" fill="url(#bg)"/>
  <g transform="translate(${x} ${y}) scale(${scale})" fill="#ffffffb3" stroke="#3b3b3b55" stroke-width="4" stroke-linecap="round" stroke-linejoin="round">${drawing}</g>
</svg>`;
}

const outDir = path.resolve(import.meta.dirname, '../src/assets/placeholders');
mkdirSync(outDir, { recursive: true });
for (const group of PRODUCT_GROUPS) {
  const file = path.join(outDir, `${group}.png`);
  await sharp(Buffer.from(svg(ART[group]))).png({ compressionLevel: 9, palette: true, quality: 90 }).toFile(file);
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
