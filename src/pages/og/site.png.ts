import type { APIRoute } from 'astro';
import { getCatalogue } from '../../data/catalogue.ts';
import { renderCard } from '../../data/og-image.ts';
import { useTranslations } from '../../i18n/ui.ts';

/** The preview card for pages that are not about one product. */
export const GET: APIRoute = async () => {
  const t = useTranslations('vi');
  const { listedProducts: products, productsByProducer } = await getCatalogue();
  const png = await renderCard({
    title: t('home.title'),
    rating: '★★★ ★★★★ ★★★★★',
    lines: [t('home.counts', { products: products.length, producers: productsByProducer.size, provinces: 3 }), 'One Commune One Product · Vietnam'],
    footer: `OCOP · ${t('site.tagline')}`,
  });
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
