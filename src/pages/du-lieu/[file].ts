import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalogue } from '../../data/catalogue.ts';
import { DATA_FORMATS, dataFilePath, dataSets, expiringFilePath, exportMeta, productRecord, revokedSet, type DataFormat, type DataSet } from '../../data/exports.ts';
import { expiringWithin } from '../../lib/expiring.ts';
import { CSV_CONTENT_TYPE } from '../../lib/csv/write.ts';
import { recordsToCsv, recordsToGeoJson, recordsToJson } from '../../lib/exports/records.ts';

/**
 * Open-data downloads, written at build time: the whole catalogue and one file set per province
 * today (34 at most), never one per product. /du-lieu/ocop-<set>.<csv|json|geojson>, and per set the
 * certificates expiring within six months (ocop-<set>-het-han.csv). Revoked certificates are in
 * none of these, only in ocop-thu-hoi.csv.
 */
export const getStaticPaths = (async () => {
  const { today } = await getCatalogue();
  const revoked = await revokedSet();
  return [
    ...(await dataSets()).flatMap((set) => {
      const files = DATA_FORMATS.map((format) => ({ params: { file: fileName(dataFilePath(set.id, format)) }, props: { set, format } }));
      const expiring = { ...set, products: expiringWithin(set.products, today) };
      return [...files, { params: { file: fileName(expiringFilePath(set.id)) }, props: { set: expiring, format: 'csv' as const } }];
    }),
    { params: { file: fileName(dataFilePath(revoked.id, 'csv')) }, props: { set: revoked, format: 'csv' as const } },
  ];
}) satisfies GetStaticPaths;

const fileName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

const TYPES: Record<DataFormat, string> = {
  csv: CSV_CONTENT_TYPE,
  json: 'application/json; charset=utf-8',
  geojson: 'application/geo+json; charset=utf-8',
};

export const GET: APIRoute<{ set: DataSet; format: DataFormat }> = async ({ props: { set, format }, site }) => {
  const catalogue = await getCatalogue();
  const records = set.products.map((p) => productRecord(p, catalogue, site!));
  const meta = exportMeta(`OCOP – ${set.province ?? 'Việt Nam'}`, catalogue.today);
  const body = format === 'csv' ? recordsToCsv(records) : format === 'json' ? recordsToJson(records, meta) : recordsToGeoJson(records, meta);
  return new Response(body, { headers: { 'Content-Type': TYPES[format] } });
};
