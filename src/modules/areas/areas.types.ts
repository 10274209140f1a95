/** Areas: CBS-coded places a figure, story or panel result belongs to. */
import { z } from 'zod';
import type { AreaLevel } from '../../db/schema.js';

export type { AreaLevel };

export const AREA_LEVEL_NAMES: Record<AreaLevel, string> = {
  land: 'Nederland',
  provincie: 'provincie',
  'ggd-regio': 'GGD-regio',
  gemeente: 'gemeente',
  wijk: 'wijk',
  buurt: 'buurt',
};

/** CBS code shapes; the first characters also say the level. */
export const AREA_CODE =
  /^(NL01|PV[0-9]{2}|GG[0-9]{4}|ZK[0-9]{2}|GM[0-9]{4}|WK[0-9]{6}|BU[0-9]{8})$/;

export const AreaRow = z.object({
  code: z.string().regex(AREA_CODE, 'Geen CBS-gebiedscode (PV22, GM0106, WK010600 …).'),
  name: z.string().trim().min(1, 'Naam ontbreekt.'),
  level: z.enum(['land', 'provincie', 'ggd-regio', 'gemeente', 'wijk', 'buurt'], {
    message: 'Niveau is land, provincie, ggd-regio, gemeente, wijk of buurt.',
  }),
  parent_code: z
    .string()
    .trim()
    .transform((v) => (v === '' ? null : v)),
});
export type AreaInput = z.infer<typeof AreaRow>;

export type Area = { code: string; name: string; level: AreaLevel; parentCode: string | null };
