/**
 * Downloads of a map: CSV (one row per area), GeoJSON (the same rows with their boundaries) and
 * the map as an SVG file. They read the same disclosed figures as the page, so a hidden value is
 * hidden here too; every row carries its source, period and boundary year.
 */
import { stringify } from 'csv-stringify/sync';
import { toRfc7946 } from '../../web/choropleth.js';
import { csvCell } from '../plan/index.js';
import type { mapData } from './map.service.js';

type MapView = Extract<Awaited<ReturnType<typeof mapData>>, { ok: true }>['value'];

export const MAP_EXPORT_COLUMNS = [
  'area_code',
  'area_name',
  'level',
  'indicator',
  'period',
  'value',
  'unit',
  'missing_reason',
  'source',
  'boundary_year',
  'is_demo',
] as const;

function records(view: MapView) {
  return view.rows.map((row) => {
    const m = row.measurement;
    return {
      area_code: row.code,
      area_name: row.name,
      level: view.level,
      indicator: view.indicator.code,
      period: view.period,
      value: m?.value ?? null,
      unit: view.indicator.unit,
      missing_reason: m ? m.missingReason : 'geen cijfer',
      source: m?.source ?? view.indicator.source,
      boundary_year: view.boundaryYear,
      is_demo: m?.isDemo ? 'ja' : 'nee',
    };
  });
}

/** One row per area on the map, fixed columns, UTF-8 with BOM for spreadsheet programs. */
export function mapCsv(view: MapView): string {
  const rows = records(view).map((r) => MAP_EXPORT_COLUMNS.map((c) => csvCell(r[c])));
  const body = stringify(rows, {
    header: true,
    columns: [...MAP_EXPORT_COLUMNS],
    record_delimiter: '\r\n',
  });
  return `\uFEFF${body}`;
}

/** The map's areas with their figure as GeoJSON (RFC 7946: WGS84, outer rings counter-clockwise). */
export function mapGeoJson(view: MapView): string {
  const features = records(view).flatMap((record) => {
    const geometry = view.geometry.get(record.area_code);
    return geometry
      ? [
          {
            type: 'Feature',
            id: record.area_code,
            properties: record,
            geometry: toRfc7946(geometry),
          },
        ]
      : [];
  });
  return JSON.stringify({ type: 'FeatureCollection', features });
}
