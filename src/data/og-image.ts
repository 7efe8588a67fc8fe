import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import sharp, { type OverlayOptions } from 'sharp';
import { useTranslations, type Locale } from '../i18n/ui.ts';
import { displayName, type Product } from './catalogue.ts';

/**
 * Link-preview cards (1200×630) drawn at build time with sharp. Text is set in DejaVu from the
 * dejavu-fonts-ttf package, so Vietnamese renders the same on machines without system fonts.
 */
const fontDir = path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const REGULAR = path.join(fontDir, 'DejaVuSans.ttf');
const BOLD = path.join(fontDir, 'DejaVuSans-Bold.ttf');

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

export interface CardText {
  title: string;
  /** Gold line under the title, e.g. "★★★★ 4 sao · Tiềm năng 5 sao". */
  rating?: string;
  lines: string[];
  footer: string;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

async function textImage(markup: string, fontfile: string, font: string, width: number) {
  const { data, info } = await sharp({ text: { text: markup, fontfile, font, width, rgba: true, wrap: 'word' } })
    .png()
    .toBuffer({ resolveWithObject: true });
  return { input: data, height: info.height };
}

export async function renderCard(card: CardText, art?: Buffer): Promise<Buffer> {
  const pad = 64;
  const textWidth = art ? 700 : OG_WIDTH - pad * 2;
  const blocks = [
    await textImage(`<span foreground="#1d2327">${escape(card.title)}</span>`, BOLD, 'DejaVu Sans Bold 44', textWidth),
    ...(card.rating ? [await textImage(`<span foreground="#8a6100">${escape(card.rating)}</span>`, BOLD, 'DejaVu Sans Bold 26', textWidth)] : []),
    ...(await Promise.all(card.lines.map((line) => textImage(`<span foreground="#4a555c">${escape(line)}</span>`, REGULAR, 'DejaVu Sans 22', textWidth)))),
  ];
  const footer = await textImage(`<span foreground="#ffffff">${escape(card.footer)}</span>`, BOLD, 'DejaVu Sans Bold 22', OG_WIDTH - pad * 2);
  let top = pad + 10;
  const layers: OverlayOptions[] = [];
  for (const block of blocks) {
    if (top + block.height > OG_HEIGHT - 120) break;
    layers.push({ input: block.input, top, left: pad });
    top += block.height + 18;
  }
  if (art) layers.unshift({ input: await sharp(art).resize(340, 340, { fit: 'cover' }).png().toBuffer(), top: 100, left: OG_WIDTH - 340 - pad });
  layers.push({ input: footer.input, top: OG_HEIGHT - 40 - footer.height, left: pad });
  const background = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${OG_WIDTH}" height="${OG_HEIGHT}">
      <rect width="100%" height="100%" fill="#f6f4ef"/>
      <rect y="${OG_HEIGHT - 84}" width="100%" height="84" fill="#b3261e"/>
      <rect width="12" height="${OG_HEIGHT - 84}" fill="#b3261e"/>
    </svg>`,
  );
  return sharp(background).composite(layers).png({ compressionLevel: 9 }).toBuffer();
}

const artByGroup = new Map<string, Promise<Buffer>>();

/** The group's illustration from src/assets/placeholders, read once per group per build. */
export function placeholderArt(group: string): Promise<Buffer> {
  let art = artByGroup.get(group);
  if (!art) {
    art = readFile(path.resolve(process.cwd(), 'src/assets/placeholders', `${group}.png`));
    artByGroup.set(group, art);
  }
  return art;
}

/** What a product's card says: name, stars, producer and place. */
export function productCard(product: Product, locale: Locale): CardText {
  const t = useTranslations(locale);
  const { data, english, producer, district, province } = product;
  // Under the title, the name in the other language: one card then serves links in both.
  const otherName = locale === 'en' ? data.name : english?.name;
  return {
    title: displayName(product, locale),
    rating: `${'★'.repeat(data.stars)} ${t('stars.label', { stars: data.stars })}${data.potentialFiveStar ? ` · ${t('stars.potentialFive')}` : ''}`,
    lines: [...(otherName ? [otherName] : []), producer.data.name, [district, province].filter(Boolean).join(', ')],
    footer: `OCOP · ${t('site.tagline')}`,
  };
}
