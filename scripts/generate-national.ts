// Writes a SYNTHETIC national catalogue for scale benchmarks: N products (default 20,000), about
// half as many producers, one point of sale per 20 products, a few fairs, and the 34 provinces of
// 2025 with some 700 invented districts. Deterministic: the same seed and size give the same files.
// Product names recombine the real names in content/products with invented brand and place words.
// Every file is marked `source.document: sample`; the folder must never be content/.
//
//   node scripts/generate-national.ts --out /tmp/ocop-20000 [--products 20000] [--seed 1]
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { readFolder } from './lib/content-files.ts';
import { NATIONAL_PROVINCES, PLACE_SYLLABLES, type NationalProvince } from './lib/national-provinces.ts';
import { slugify } from '../src/lib/text.ts';

const { values } = parseArgs({
  options: { out: { type: 'string' }, products: { type: 'string', default: '20000' }, seed: { type: 'string', default: '1' } },
});
const root = path.resolve(import.meta.dirname, '..');
if (!values.out) throw new Error('give --out <folder> (never content/)');
const out = path.resolve(values.out);
if (out === path.join(root, 'content') || out.startsWith(path.join(root, 'content') + path.sep)) throw new Error('refusing to write into content/');
const productCount = Number(values.products);

/** mulberry32: a tiny seeded generator, so every run writes the same catalogue. */
function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = seeded(Number(values.seed));
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
const jitter = (spread: number) => (random() - 0.5) * 2 * spread;
const round = (value: number) => Math.round(value * 1000) / 1000;

const realProducts = readFolder(path.join(root, 'content/products'), '.md').map((file) => file.data as { name: string; group: string });
// Our lists hold no community-tourism product yet; national ones do (homestays, tourist spots).
realProducts.push({ name: 'Điểm du lịch cộng đồng', group: 'community-tourism' }, { name: 'Homestay làng nghề', group: 'community-tourism' });
const placeName = () => `${pick(PLACE_SYLLABLES)} ${pick(PLACE_SYLLABLES)}`;

interface District { name: string; type: 'district' | 'town' | 'city'; lat: number; lng: number }
const districtsOf = new Map<NationalProvince, District[]>();
for (const province of NATIONAL_PROVINCES) {
  const names = new Set<string>();
  while (names.size < 18 + Math.floor(random() * 7)) names.add(placeName());
  districtsOf.set(
    province,
    [...names].map((name, index) => ({
      name,
      type: index === 0 ? 'city' : index < 3 ? 'town' : 'district',
      lat: round(province.lat + jitter(province.spread)),
      lng: round(province.lng + jitter(province.spread)),
    })),
  );
}
const UNIT = { city: 'thành phố', town: 'thị xã', district: 'huyện' } as const;
const provinceWord = (province: NationalProvince) => `${province.municipality ? 'thành phố' : 'tỉnh'} ${province.name}`;

const SAMPLE = { document: 'sample', notes: ['Synthetic national catalogue for scale benchmarks; not real data.'] };
const KINDS = [
  ['cooperative', 'Hợp tác xã'],
  ['enterprise', 'Công ty TNHH'],
  ['household', 'Hộ kinh doanh'],
  ['cooperative-group', 'Tổ hợp tác'],
] as const;

rmSync(out, { recursive: true, force: true });
for (const folder of ['products', 'producers', 'points-of-sale', 'events', 'regions']) mkdirSync(path.join(out, folder), { recursive: true });
const write = (folder: string, id: string, data: unknown, body?: string) =>
  writeFileSync(path.join(out, folder, `${id}.${body === undefined ? 'yaml' : 'md'}`), body === undefined ? stringify(data) : `---\n${stringify(data)}---\n${body}`);

NATIONAL_PROVINCES.forEach((province) =>
  write('regions', slugify(province.name), {
    code: province.code,
    name: province.name,
    type: province.municipality ? 'municipality' : 'province',
    centroid: { lat: province.lat, lng: province.lng },
    after2025: { province: province.name },
    districts: districtsOf.get(province)!.map((d, index) => ({ code: String(100 + index), name: d.name, type: d.type, centroid: { lat: d.lat, lng: d.lng } })),
  }),
);

interface Producer { id: string; name: string; province: NationalProvince; district: District }
const producers: Producer[] = [];
function address(province: NationalProvince, district: District) {
  const commune = `xã ${placeName()}`;
  const districtWords = `${UNIT[district.type]} ${district.name}`;
  return { asWritten: `${commune}, ${districtWords}, ${provinceWord(province)}`, commune, district: districtWords, province: provinceWord(province), currentProvince: province.name };
}
const producerCount = Math.max(1, Math.round(productCount / 2));
for (let index = 0; index < producerCount; index++) {
  // Hà Nội holds about a fifth of the country's products, as it does in reality.
  const province = random() < 0.19 ? NATIONAL_PROVINCES[0] : pick(NATIONAL_PROVINCES);
  const district = pick(districtsOf.get(province)!);
  const [kind, word] = pick(KINDS);
  const name = `${word} ${placeName()} ${district.name}`;
  const id = `${slugify(name)}-${index}`;
  producers.push({ id, name, province, district });
  write('producers', id, {
    name,
    kind,
    address: address(province, district),
    geo: { lat: round(district.lat + jitter(0.05)), lng: round(district.lng + jitter(0.05)), precision: 'district' },
    contacts: random() < 0.3 ? { phone: `0${Math.floor(200000000 + random() * 799999999)}` } : {},
    source: SAMPLE,
  });
}

const STARS = () => (random() < 0.01 ? 5 : random() < 0.3 ? 4 : 3);
for (let index = 0; index < productCount; index++) {
  const producer = producers[index % producers.length];
  const model = pick(realProducts);
  const name = `${model.name} ${producer.district.name}${index >= realProducts.length ? ` ${pick(PLACE_SYLLABLES)}` : ''}`;
  const stars = STARS();
  const year = 2021 + Math.floor(random() * 5);
  const slug = `${slugify(name)}-${index}`;
  write(
    'products',
    slug,
    {
      name,
      slug,
      stars,
      potentialFiveStar: stars === 4 && random() < 0.05,
      group: model.group,
      groupInferred: true,
      producer: producer.id,
      certificate: {
        level: stars === 5 ? 'national' : stars === 4 ? 'province' : 'district',
        issuedOn: `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-15`,
        status: 'valid',
      },
      ...(random() < 0.1 ? { price: { amount: 20000 + Math.floor(random() * 40) * 5000, unit: 'hộp', sample: true } } : {}),
      source: SAMPLE,
    },
    `${name} là sản phẩm OCOP ${stars} sao của ${producer.name}, ${producer.district.name}, ${producer.province.name}. Dữ liệu tổng hợp để đo tải.\n`,
  );
}

const POS_KINDS = ['showroom', 'ocop-shop', 'store', 'supermarket', 'tourist-site', 'specialty-centre'] as const;
for (let index = 0; index < Math.round(productCount / 20); index++) {
  const province = pick(NATIONAL_PROVINCES);
  const district = pick(districtsOf.get(province)!);
  const carried = Array.from({ length: 3 }, () => pick(producers)).filter((p) => p.province === province);
  write('points-of-sale', `diem-ban-${index}`, {
    name: `Điểm bán OCOP ${district.name} ${index}`,
    kind: pick(POS_KINDS),
    address: address(province, district),
    geo: { lat: round(district.lat + jitter(0.05)), lng: round(district.lng + jitter(0.05)), precision: 'district' },
    carries: { producers: [...new Set(carried.map((p) => p.id))], products: [] },
    source: SAMPLE,
  });
}

for (let index = 0; index < 10; index++) {
  const province = NATIONAL_PROVINCES[index * 3];
  const district = districtsOf.get(province)![0];
  write('events', `hoi-cho-tong-hop-${index}`, {
    name: `Hội chợ OCOP tổng hợp ${province.name} ${2027}`,
    kind: 'fair',
    year: 2027,
    location: { address: address(province, district), geo: { lat: district.lat, lng: district.lng, precision: 'district' } },
    booths: producers.filter((p) => p.province === province).slice(0, 8).map((p, booth) => ({ producer: p.id, label: `Gian ${booth + 1}` })),
    source: SAMPLE,
  });
}

const counts = ['products', 'producers', 'points-of-sale', 'events', 'regions'].map((folder) => `${readdirSync(path.join(out, folder)).length} ${folder}`);
console.log(`Synthetic catalogue in ${out}: ${counts.join(', ')}`);
