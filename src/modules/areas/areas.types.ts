/** Areas: CBS-coded places a figure, story or panel result belongs to. */
import { z } from 'zod';
import type { AreaLevel } from '../../db/schema.js';

export type { AreaLevel };

/** Every level, from the country down (the order pages list them in). */
export const AREA_LEVELS: readonly AreaLevel[] = [
  'land',
  'provincie',
  'ggd-regio',
  'zorgkantoorregio',
  'gemeente',
  'wijk',
  'buurt',
  'postcode',
];

export const AREA_LEVEL_NAMES: Record<AreaLevel, string> = {
  land: 'Nederland',
  provincie: 'provincie',
  'ggd-regio': 'GGD-regio',
  zorgkantoorregio: 'zorgkantoorregio',
  gemeente: 'gemeente',
  wijk: 'wijk',
  buurt: 'buurt',
  postcode: 'postcodegebied',
};

/**
 * CBS code shapes; the first characters also say the level. A 4-digit postcode area has no CBS
 * code: it is `PC` + its digits (`PC7705`), a prefix CBS does not use, so it cannot collide.
 */
export const AREA_CODE =
  /^(NL01|PV[0-9]{2}|GG[0-9]{4}|ZK[0-9]{2}|GM[0-9]{4}|WK[0-9]{6}|BU[0-9]{8}|PC[1-9][0-9]{3})$/;

/** The area code of a 4-digit postcode ("7705" → "PC7705"), or undefined when it is none. */
export function postcodeAreaCode(postcode: string): string | undefined {
  const digits = postcode.trim();
  return /^[1-9][0-9]{3}$/.test(digits) ? `PC${digits}` : undefined;
}

const LEVEL_OF_PREFIX: Record<string, AreaLevel> = {
  NL: 'land',
  PV: 'provincie',
  GG: 'ggd-regio',
  ZK: 'zorgkantoorregio',
  GM: 'gemeente',
  WK: 'wijk',
  BU: 'buurt',
  PC: 'postcode',
};

/**
 * The codes of a level as a range, `from` ≤ code < `to` (`BU` ≤ code < `BV`: the buurten): what
 * an index on the code can read directly. Holds because every area's code fits its level
 * (AreaRow checks it; migration 0019 makes it a constraint of the table).
 */
export function codeRangeOf(level: AreaLevel): { from: string; to: string } {
  const prefix = Object.entries(LEVEL_OF_PREFIX).find(([, l]) => l === level)?.[0];
  if (!prefix) throw new Error(`No code prefix for level ${level}`);
  const next = String.fromCharCode(prefix.charCodeAt(1) + 1);
  return { from: prefix, to: `${prefix.slice(0, 1)}${next}` };
}

/** The level a CBS code belongs to by its prefix (GM… a gemeente), or undefined for no code. */
export function levelOfCode(code: string): AreaLevel | undefined {
  return AREA_CODE.test(code) ? LEVEL_OF_PREFIX[code.slice(0, 2)] : undefined;
}

const levelWord = (level: AreaLevel) => (level === 'land' ? 'land' : AREA_LEVEL_NAMES[level]);

export const AreaRow = z
  .object({
    code: z.string().regex(AREA_CODE, 'Geen CBS-gebiedscode (PV22, GM0106, WK010600 …).'),
    name: z.string().trim().min(1, 'Naam ontbreekt.'),
    level: z.enum(AREA_LEVELS as [AreaLevel, ...AreaLevel[]], {
      message:
        'Niveau is land, provincie, ggd-regio, zorgkantoorregio, gemeente, wijk, buurt of postcode.',
    }),
    parent_code: z
      .string()
      .trim()
      .transform((v) => (v === '' ? null : v)),
  })
  .superRefine((row, ctx) => {
    const expected = levelOfCode(row.code);
    if (expected && expected !== row.level)
      ctx.addIssue({
        code: 'custom',
        path: ['level'],
        message: `${row.code} is een ${levelWord(expected)}, geen ${levelWord(row.level)}.`,
      });
  });
export type AreaInput = z.infer<typeof AreaRow>;

/** `inRegion` is false for an area of a national layer outside the region (e.g. GGD Groningen). */
export type Area = {
  code: string;
  name: string;
  level: AreaLevel;
  parentCode: string | null;
  inRegion: boolean;
};
