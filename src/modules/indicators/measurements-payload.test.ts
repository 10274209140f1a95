import { describe, expect, it } from 'vitest';
import type { MeasurementRow } from './indicators.types.js';
import { packImport, unpackImport } from './measurements-payload.js';

const row = (areaCode: string, value: number | null, extra: Partial<MeasurementRow> = {}) => ({
  indicator: 'overgewicht',
  areaCode,
  period: '2024',
  value,
  missingReason: value === null ? 'geheim (x)' : null,
  numerator: value === null ? null : 12,
  denominator: value === null ? null : 100,
  sampleSize: null,
  ciLow: null,
  ciHigh: null,
  source: 'GGD Drenthe',
  note: '',
  isDemo: false,
  dataSourceId: 3,
  ...extra,
});

describe('staged measurement payload', () => {
  it('gives back the same rows, lines, skipped areas and mapping', () => {
    const rows: MeasurementRow[] = [
      row('GM0106', 12),
      row('GM0109', null),
      row('GM0114', 14.5, { isProjection: true, note: 'prognose' }),
    ];
    const validated = {
      rows,
      lines: [2, 5, 9],
      skippedAreas: ['GM0014'],
      mapping: { sourceId: 3, mapping: { area: 'Gemeente' } },
    };
    const packed = packImport(validated);
    const back = unpackImport(JSON.parse(JSON.stringify(packed)));
    // Optional fields a row did not have come back as null: the same to every reader.
    expect(back.rows).toEqual(rows.map((r) => ({ isProjection: null, ...r })));
    expect(back.lines).toEqual([2, 5, 9]);
    expect(back.skippedAreas).toEqual(['GM0014']);
    expect(back.mapping).toEqual(validated.mapping);
  });

  it('stores a value shared by every row once, and lines 2, 3, 4 … not at all', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => row(`BU${String(i).padStart(8, '0')}`, i));
    const packed = packImport({ rows, lines: rows.map((_, i) => i + 2) });
    expect(packed.columns.source).toEqual({ all: 'GGD Drenthe' });
    expect(packed.columns.indicator).toEqual({ all: 'overgewicht' });
    expect('each' in packed.columns.areaCode && packed.columns.areaCode.each).toHaveLength(1000);
    expect(packed.lines).toBeUndefined();
    const asRows = JSON.stringify({ rows, lines: rows.map((_, i) => i + 2) }).length;
    expect(JSON.stringify(packed).length).toBeLessThan(asRows / 3);
    expect(unpackImport(packed).lines.slice(0, 3)).toEqual([2, 3, 4]);
  });

  it('still reads a preview staged as row objects before this format', () => {
    const old = { rows: [row('GM0106', 12)], lines: [2] };
    expect(unpackImport(JSON.parse(JSON.stringify(old)))).toEqual(old);
  });

  it('packs an empty file', () => {
    expect(unpackImport(packImport({ rows: [], lines: [] }))).toEqual({
      rows: [],
      lines: [],
      skippedAreas: undefined,
      mapping: undefined,
    });
  });
});
