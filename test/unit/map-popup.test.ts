import { describe, expect, it } from 'vitest';
import { buildMapFeatures } from '../../src/lib/map-features.ts';
import { escapeHtml, pointHtml, type PointText } from '../../src/lib/map-popup.ts';
import { events, pointsOfSale, producers, TODAY } from './map-data.fixture.ts';

const { features } = buildMapFeatures({ producers, pointsOfSale, events, today: TODAY });
const point = (id: string) => features.find((f) => f.properties.id === id)!.properties;
const text = (locale: 'vi' | 'en'): PointText => ({
  locale,
  label: (key, values = {}) => `[${key}${Object.values(values).map((v) => ` ${v}`).join('')}]`,
  date: (iso) => iso,
});

describe('pointHtml', () => {
  it('links a producer and its products in the reader’s language and marks approximate places', () => {
    const html = pointHtml(point('producer:htx-a'), text('en'));
    expect(html).toContain('<a href="/en/producers/htx-a/">HTX A</a>');
    expect(html).toContain('<a href="/en/products/mam-a/"><span lang="en">Fish paste A</span> <span lang="vi">(Mắm A)</span></a>');
    expect(html).toContain('[producer.precision.district]');
    expect(pointHtml(point('producer:htx-a'), text('vi'))).toContain('<a href="/san-pham/mam-a/">Mắm A</a>');
  });

  it('says nothing about approximation for exact places and escapes names', () => {
    const html = pointHtml(point('producer:cty-b'), text('vi'));
    expect(html).not.toContain('precision');
    expect(html).toContain('Công ty B &lt;&amp;&gt;');
  });

  it('gives opening hours and what a point of sale carries', () => {
    const html = pointHtml(point('pos:shop'), text('vi'));
    expect(html).toContain('[map.outlet.ocop-shop]');
    expect(html).toContain('[map.openingHours 7:00–21:00]');
    expect(html).toContain('<a href="/chu-the/htx-a/">HTX A</a>');
  });

  it('gives a booth its fair, dates, label and a sample-data badge', () => {
    const html = pointHtml(point('booth:next:1'), text('vi'), 4);
    expect(html).toContain('[map.eventDates 2027-01-10 2027-01-14]');
    expect(html).toContain('[map.booth A1]');
    expect(html).toContain('[map.sample]');
    expect(html).toContain('<h4');
  });

  it('escapes every HTML special character', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
