import { escapeHtml } from './escape.ts';
import type { Locale } from './paths.ts';
import { producerPath, productPath } from './paths.ts';
import { isApproximate, type MapBooth, type MapPointProperties } from './map-features.ts';

export { escapeHtml };

/**
 * The HTML describing one map point: the map's popup and the list alternative share it, so both
 * always say the same thing. Labels come in from the page's dictionary; every content string is escaped.
 */
export interface PointText {
  locale: Locale;
  label(key: string, values?: Record<string, string | number>): string;
  date(iso: string): string;
}


const MAX_PRODUCTS = 6;

function productsHtml(point: MapPointProperties, text: PointText): string {
  const products = point.products ?? [];
  if (!products.length) return '';
  const items = products.slice(0, MAX_PRODUCTS).map((product) => {
    const stars = text.label('stars.label', { stars: product.stars });
    // English readers get the English name and the Vietnamese one the producer's labels carry.
    const name = text.locale === 'en' && product.nameEn
      ? `<span lang="en">${escapeHtml(product.nameEn)}</span> <span lang="vi">(${escapeHtml(product.name)})</span>`
      : escapeHtml(product.name);
    return `<li><a href="${productPath(product.slug, text.locale)}">${name}</a> <span class="map-point__stars">★ ${stars}</span></li>`;
  });
  const more = products.length > MAX_PRODUCTS ? `<li>${text.label('map.moreProducts', { count: products.length - MAX_PRODUCTS })}</li>` : '';
  return `<ul class="map-point__products">${items.join('')}${more}</ul>`;
}

function boothHtml(booth: MapBooth, text: PointText): string {
  const when = booth.startDate
    ? text.label('map.eventDates', { start: text.date(booth.startDate), end: text.date(booth.endDate ?? booth.startDate) })
    : text.label('map.eventYear', { year: booth.year });
  return `<p>${escapeHtml(booth.event)}<br>${when}<br>${text.label('map.booth', { label: escapeHtml(booth.label) })}</p>`;
}

function detailsHtml(point: MapPointProperties, text: PointText): string {
  switch (point.kind) {
    case 'producer':
      return productsHtml(point, text);
    case 'point-of-sale': {
      const hours = point.openingHours
        ? text.label('map.openingHours', { hours: escapeHtml(point.openingHours) })
        : text.label('map.openingHoursUnknown');
      const carries = (point.carries ?? []).map((p) => `<a href="${producerPath(p.id, text.locale)}">${escapeHtml(p.name)}</a>`);
      return `<p>${text.label(`map.outlet.${point.outlet}`)}</p><p>${hours}</p>${carries.length ? `<p>${text.label('map.carries')} ${carries.join(', ')}</p>` : ''}`;
    }
    case 'booth':
      return point.booth ? boothHtml(point.booth, text) : '';
  }
}

export function pointHtml(point: MapPointProperties, text: PointText, headingLevel: 2 | 3 | 4 = 3): string {
  const title = point.kind === 'producer' && point.producer
    ? `<a href="${producerPath(point.producer.id, text.locale)}">${escapeHtml(point.name)}</a>`
    : escapeHtml(point.name);
  const producerLink = point.kind === 'booth' && point.producer
    ? `<p><a href="${producerPath(point.producer.id, text.locale)}">${escapeHtml(point.producer.name)}</a></p>`
    : '';
  const sample = point.sample ? ` <span class="badge badge--gold">${text.label('map.sample')}</span>` : '';
  const approximate = isApproximate(point.precision)
    ? `<p class="map-point__approximate">≈ ${text.label(`producer.precision.${point.precision}`)}</p>`
    : '';
  return [
    `<p class="map-point__kind map-point__kind--${point.kind}">${text.label(`map.kind.${point.kind}`)}${sample}</p>`,
    `<h${headingLevel} class="map-point__name">${title}</h${headingLevel}>`,
    detailsHtml(point, text),
    producerLink,
    approximate,
  ].join('');
}
