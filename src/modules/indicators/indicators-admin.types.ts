/** Managing indicators in beheer: the form schemas, the names shown for their choices, the inputs. */
import { z } from 'zod';
import type { AreaLevel, Comparator, Direction, TargetKind, Track } from '../../db/schema.js';
import { PERIOD } from './indicators.types.js';

/** The same rule as the database check; `nieuw` is the address of the create page. */
export const INDICATOR_CODE = /^[a-z0-9][a-z0-9-]{1,79}$/;
export const RESERVED_CODES = new Set(['nieuw']);

export const AREA_LEVELS: Array<[AreaLevel, string]> = [
  ['land', 'Land'],
  ['provincie', 'Provincie'],
  ['ggd-regio', 'GGD-regio'],
  ['zorgkantoorregio', 'Zorgkantoorregio'],
  ['gemeente', 'Gemeente'],
  ['wijk', 'Wijk'],
  ['buurt', 'Buurt'],
  ['postcode', 'Postcode (4 cijfers)'],
];

export const COMPARATOR_CHOICES: Array<[Comparator, string]> = [
  ['>=', '≥ minstens'],
  ['<=', '≤ hoogstens'],
  ['=', '= gelijk aan'],
  ['>', '> meer dan'],
  ['<', '< minder dan'],
];

export const KIND_CHOICES: Array<[TargetKind, string]> = [
  ['absolute', 'Een waarde (bijvoorbeeld 46%)'],
  ['relative', 'Procent verandering ten opzichte van de nulmeting (bijvoorbeeld -20)'],
  ['change', 'Verandering ten opzichte van de nulmeting, in de eenheid (bijvoorbeeld +10)'],
];

/** Empty goal rows the form offers below the linked goals, for adding without JavaScript. */
export const EMPTY_GOAL_ROWS = 2;
/** The form reads at most this many goal rows. */
export const MAX_GOAL_ROWS = 40;

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} is hoogstens ${max} tekens.`)
    .transform((v) => (v === '' ? null : v));

const requiredText = (max: number, empty: string, label: string) =>
  z.string().trim().min(1, empty).max(max, `${label} is hoogstens ${max} tekens.`);

/** The indicator's own fields as posted (goals and area levels are read beside it). */
export const IndicatorFields = z.object({
  name: requiredText(200, 'Vul een naam in.', 'Een naam'),
  description: requiredText(
    2000,
    'Beschrijf in gewone woorden wat de indicator meet.',
    'De beschrijving',
  ),
  numerator: optionalText(500, 'De teller'),
  denominator: optionalText(500, 'De noemer'),
  unit: requiredText(40, 'Vul een eenheid in, bijvoorbeeld % of jaar.', 'De eenheid'),
  decimals: z
    .string()
    .trim()
    .regex(/^[0-4]$/, 'Kies 0, 1, 2, 3 of 4 cijfers achter de komma.')
    .transform(Number),
  direction: z.enum(['hoger', 'lager', 'neutraal'], {
    error: 'Kies of hoger of lager beter is, of geen richting.',
  }),
  source: requiredText(500, 'Noem de bron van de cijfers (of: Nog te kiezen).', 'De bron'),
  frequency: requiredText(
    100,
    'Vul in hoe vaak er gemeten wordt, bijvoorbeeld jaarlijks.',
    'Hoe vaak',
  ),
  track: z.enum(['2040', 'cyclus'], { error: 'Kies een spoor: 2040 of de driejarige cyclus.' }),
  is_public: z
    .string()
    .optional()
    .transform((v) => v === 'ja'),
});

export const CodeField = z
  .string()
  .trim()
  .regex(
    INDICATOR_CODE,
    'De code heeft 2 tot 80 tekens: kleine letters, cijfers en streepjes, bijvoorbeeld overgewicht-jongeren.',
  )
  .refine((code) => !RESERVED_CODES.has(code), 'De code "nieuw" kan niet; kies een andere code.');

const DECIMAL = /^[+-]?[0-9]+([.,][0-9]+)?$/;

/** A target as posted from the edit page; the area's existence is checked by the service. */
export const TargetFields = z.object({
  t_comparator: z.enum(['>=', '<=', '=', '>', '<'], {
    error: 'Kies een vergelijking: ≥, ≤, =, > of <.',
  }),
  t_kind: z.enum(['absolute', 'relative', 'change'], { error: 'Kies het soort streefwaarde.' }),
  t_value: z
    .string()
    .trim()
    .regex(DECIMAL, 'Vul als streefwaarde een getal in, bijvoorbeeld 46 of 12,5.')
    .transform((v) => Number(v.replace(',', '.'))),
  t_year: z
    .string()
    .trim()
    .regex(/^[0-9]{4}$/, 'Vul als streefjaar een jaar in tussen 2000 en 2100.')
    .transform(Number)
    .refine((y) => y >= 2000 && y <= 2100, 'Vul als streefjaar een jaar in tussen 2000 en 2100.'),
  t_area: z
    .string()
    .trim()
    .min(1, 'Vul de CBS-code van het gebied in, bijvoorbeeld PV22.')
    .max(12, 'Deze gebiedscode is te lang.'),
  t_baseline: z
    .string()
    .trim()
    .refine(
      (v) => v === '' || PERIOD.test(v),
      'Nulmeting: een periode als 2024, 2024-H1 of 2024-Q3.',
    )
    .transform((v) => (v === '' ? null : v)),
  t_source: requiredText(
    500,
    'Noem de bron van de streefwaarde, bijvoorbeeld het regioplan.',
    'De bron',
  ),
  t_note: z.string().trim().max(1000, 'De toelichting is hoogstens 1000 tekens.'),
});

export type GoalLink = { code: string; contribution: string };

export type IndicatorInput = {
  name: string;
  description: string;
  numerator: string | null;
  denominator: string | null;
  unit: string;
  decimals: number;
  direction: Direction;
  source: string;
  areaLevels: AreaLevel[];
  frequency: string;
  track: Track;
  isPublic: boolean;
  goals: GoalLink[];
};

export type TargetInput = {
  comparator: Comparator;
  kind: TargetKind;
  value: number;
  year: number;
  areaCode: string;
  baselinePeriod: string | null;
  source: string;
  note: string;
};
