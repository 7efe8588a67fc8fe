import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalogue, type Product } from '../../data/catalogue.ts';
import { placeholderArt, renderCard } from '../../data/og-image.ts';
import { useTranslations } from '../../i18n/ui.ts';

/** A 1200×630 preview card per product, for Facebook, Zalo and other link previews. */
export const getStaticPaths = (async () => {
  const { products } = await getCatalogue();
  return products.map((product) => ({ params: { slug: product.slug }, props: { product } }));
}) satisfies GetStaticPaths;

const t = useTranslations('vi');

export const GET: APIRoute = async ({ props }) => {
  const { data, producer, district, province } = (props as { product: Product }).product;
  const png = await renderCard(
    {
      title: data.name,
      rating: `${'★'.repeat(data.stars)} ${t('stars.label', { stars: data.stars })}${data.potentialFiveStar ? ` · ${t('stars.potentialFive')}` : ''}`,
      lines: [producer.data.name, [district, province].filter(Boolean).join(', ')],
      footer: `OCOP · ${t('site.tagline')}`,
    },
    await placeholderArt(data.group),
  );
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
