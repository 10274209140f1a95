/** Population per postcode and age group → postcode areas and figures (pure, no database). */
import { describe, expect, it } from 'vitest';
import type { Area } from '../areas/index.js';
import { parseAgeGroup, postcodeFigures } from './indicators.postcodes.js';
import type { PostcodeDatasetSeedT } from './indicators.types.js';

const GROUPS = [...Array.from({ length: 19 }, (_, i) => `${i * 5}-${i * 5 + 4}`), '95+'] as const;
const HEADER = ['postcode', 'plaats', 'gemeente', 'ggdregio', 'leeftijd', 'inwoners'];

const area = (code: string, name: string, level: Area['level'], parentCode: string | null) => ({
  code,
  name,
  level,
  parentCode,
  inRegion: true,
});
const AREAS = new Map<string, Area>(
  [
    area('NL01', 'Nederland', 'land', null),
    area('PV22', 'Drenthe', 'provincie', 'NL01'),
    area('GM1690', 'De Wolden', 'gemeente', 'PV22'),
    area('GM0106', 'Assen', 'gemeente', 'PV22'),
  ].map((a) => [a.code, a]),
);

const DATASET: PostcodeDatasetSeedT = {
  file: 'pc4.csv',
  source_code: 'cbs-pc4',
  source: 'CBS 83502NED',
  period: '2021',
  sum_to: ['gemeente', 'provincie'],
  measures: [
    { indicator: 'pc4-inwoners', min_age: 0, share: false },
    { indicator: 'pc4-65', min_age: 65, share: false },
    { indicator: 'pc4-aandeel-65', min_age: 65, share: true },
    { indicator: 'pc4-tieners', min_age: 10, max_age: 19, share: false },
  ],
};
const CODES = new Set(DATASET.measures.map((m) => m.indicator));

/** One row per age group of a postcode; `count(group index)` gives its inhabitants. */
function postcodeRows(
  postcode: string,
  plaats: string,
  gemeente: string,
  count: (i: number) => number,
) {
  return GROUPS.map((g, i) => [postcode, plaats, gemeente, 'GGD Drenthe', g, String(count(i))]);
}

function table(rows: string[][], header = HEADER) {
  return {
    columns: header,
    rows: rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? '']))),
    rowNumbers: rows.map((_, i) => i + 2),
  };
}

const read = (rows: string[][], dataset = DATASET) =>
  postcodeFigures(table(rows), dataset, AREAS, CODES, 7);
const value = (out: ReturnType<typeof read>, code: string, areaCode: string) =>
  out.rows.get(code)?.find((r) => r.areaCode === areaCode);

describe('population per postcode', () => {
  it('reads age groups such as 0-4 and 95+', () => {
    expect(parseAgeGroup('0-4')).toEqual({ from: 0, to: 4 });
    expect(parseAgeGroup('95+')).toEqual({ from: 95, to: Number.POSITIVE_INFINITY });
    expect(parseAgeGroup('9-5')).toBeUndefined();
    expect(parseAgeGroup('oud')).toBeUndefined();
  });

  it('makes postcode areas under their gemeente, counts, shares as teller/noemer, and sums', () => {
    const out = read([
      // 7705: 5 in each group (100 inhabitants), of whom 7 groups are 65+ (35).
      ...postcodeRows('7705', 'Drogteropslagen', 'De Wolden', () => 5),
      // 9401: 10 in each group (200), 65+ = 70.
      ...postcodeRows('9401', 'Assen', 'Assen', () => 10),
    ]);
    expect(out.problems).toEqual([]);
    expect(out.areas).toEqual([
      { code: 'PC7705', name: '7705 Drogteropslagen', level: 'postcode', parent_code: 'GM1690' },
      { code: 'PC9401', name: '9401 Assen', level: 'postcode', parent_code: 'GM0106' },
    ]);
    // A count rests on all inhabitants of the area (its n), like the share's noemer.
    expect(value(out, 'pc4-inwoners', 'PC7705')).toMatchObject({
      value: 100,
      sampleSize: 100,
      numerator: null,
      period: '2021',
      source: 'CBS 83502NED',
      dataSourceId: 7,
    });
    expect(value(out, 'pc4-65', 'PC7705')).toMatchObject({ value: 35, sampleSize: 100 });
    expect(value(out, 'pc4-aandeel-65', 'PC7705')).toMatchObject({
      value: 35,
      numerator: 35,
      denominator: 100,
      sampleSize: null,
    });
    expect(value(out, 'pc4-tieners', 'PC9401')).toMatchObject({ value: 20 });
    // Gemeente and province: sums of teller and noemer, never an average of percentages.
    expect(value(out, 'pc4-inwoners', 'GM0106')).toMatchObject({ value: 200 });
    expect(value(out, 'pc4-inwoners', 'PV22')).toMatchObject({ value: 300, sampleSize: 300 });
    expect(value(out, 'pc4-aandeel-65', 'PV22')).toMatchObject({
      value: 35,
      numerator: 105,
      denominator: 300,
    });
    expect(out.rows.get('pc4-inwoners')).toHaveLength(2 + 2 + 1);
  });

  it('keeps a share empty (with the reason) for a postcode without inhabitants', () => {
    const out = read(postcodeRows('7705', 'Drogteropslagen', 'De Wolden', () => 0));
    expect(value(out, 'pc4-aandeel-65', 'PC7705')).toMatchObject({
      value: null,
      missingReason: 'geen inwoners',
      sampleSize: 0,
    });
  });

  it('refuses a malformed row, an unknown gemeente, a duplicate row and a count that is no number', () => {
    const good = postcodeRows('7705', 'Drogteropslagen', 'De Wolden', () => 5);
    const rows = [
      ...good,
      ['7705', 'Drogteropslagen', 'De Wolden', 'GGD Drenthe', '0-4', '5'],
      ['770', 'Ergens', 'De Wolden', 'GGD Drenthe', '0-4', '5'],
      ['7706', 'Ergens'],
      ...postcodeRows('9999', 'Nergens', 'Atlantis', () => 5),
      ['7707', 'Echten', 'De Wolden', 'GGD Drenthe', 'oud', '5'],
      ['7708', 'Linde', 'De Wolden', 'GGD Drenthe', '0-4', '12,5'],
      ['7709', 'Fort', 'De Wolden', 'GGD Drenthe', '0-4', 'x'],
    ];
    const out = read(rows);
    expect(out.problems).toEqual([
      'rij 22: Postcode 7705, leeftijd 0-4 staat twee keer in het bestand.',
      'rij 23: "770" is geen postcode van vier cijfers (zoals 7705).',
      'rij 24: Gemeente "" staat niet in areas.csv.',
      'rij 24: "" is geen leeftijdsgroep (zoals 0-4, 5-9 of 95+).',
      'rij 24: "" is geen aantal inwoners (een heel getal, 0 of meer).',
      'rij 25: Gemeente "Atlantis" staat niet in areas.csv.',
      'rij 45: "oud" is geen leeftijdsgroep (zoals 0-4, 5-9 of 95+).',
      'rij 46: "12,5" is geen aantal inwoners (een heel getal, 0 of meer).',
      'rij 47: "x" is geen aantal inwoners (een heel getal, 0 of meer).',
    ]);
    // All or nothing: no areas and no figures when any row is wrong.
    expect(out.areas).toEqual([]);
    expect(out.rows.size).toBe(0);
  });

  it('refuses a postcode under two gemeenten, a missing age group and ages that are no group bounds', () => {
    const out = read(
      [
        ...postcodeRows('7705', 'Drogteropslagen', 'De Wolden', () => 5),
        ['7705', 'Drogteropslagen', 'Assen', 'GGD Drenthe', '95+', '5'],
        ...postcodeRows('9401', 'Assen', 'Assen', () => 5).slice(0, 19),
      ],
      {
        ...DATASET,
        measures: [
          { indicator: 'pc4-65', min_age: 67, share: false },
          { indicator: 'pc4-tieners', min_age: 10, max_age: 18, share: false },
          { indicator: 'onbekend', min_age: 0, share: false },
        ],
      },
    );
    expect(out.problems).toEqual([
      'onbekend: deze indicator staat in geen indicatorbestand.',
      'rij 22: Postcode 7705 staat in rij 2 bij Drogteropslagen (GM1690), hier bij Drogteropslagen (GM0106).',
      'Postcode 9401 mist leeftijdsgroep 95+.',
      'pc4-65: 67 is geen begin van een leeftijdsgroep in het bestand.',
      'pc4-tieners: 18 is geen einde van een leeftijdsgroep in het bestand.',
    ]);
  });

  it('refuses a file without the columns it needs, and age groups with a gap', () => {
    const noCount = postcodeFigures(
      table([['7705', 'Drogteropslagen', 'De Wolden', '0-4']], HEADER.slice(0, 5)),
      DATASET,
      AREAS,
      CODES,
      7,
    );
    expect(noCount.problems).toEqual(['Deze kolommen ontbreken: inwoners.']);
    const gap = read(
      postcodeRows('7705', 'Drogteropslagen', 'De Wolden', () => 5).filter((r) => r[4] !== '5-9'),
    );
    expect(gap.problems).toEqual([
      'De leeftijdsgroepen sluiten niet op elkaar aan bij 10-14 (verwacht vanaf 5).',
    ]);
  });
});
