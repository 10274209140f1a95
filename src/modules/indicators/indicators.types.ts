/** Indicators, targets and measurements: names, the seed-file schema and the import row schema. */
import { z } from 'zod';
import type { Comparator, Direction, TargetKind, Track } from '../../db/schema.js';

export type { Comparator, Direction, TargetKind, Track };

export const TRACK_NAMES: Record<Track, string> = {
  '2040': 'Lange termijn (2040)',
  cyclus: 'Driejarige cyclus',
};
export const DIRECTION_NAMES: Record<Direction, string> = {
  hoger: 'hoger is beter',
  lager: 'lager is beter',
  neutraal: 'geen richting (beschrijft de situatie)',
};
export const COMPARATOR_SIGNS: Record<Comparator, string> = {
  '>=': '≥',
  '<=': '≤',
  '=': '=',
  '>': '>',
  '<': '<',
};

/** CBS style: a year, a half year, a quarter or a month. */
export const PERIOD = /^[0-9]{4}(-(H[12]|Q[1-4]|(0[1-9]|1[0-2])))?$/;
const AREA = /^(NL01|PV[0-9]{2}|GG[0-9]{4}|ZK[0-9]{2}|GM[0-9]{4}|WK[0-9]{6}|BU[0-9]{8})$/;
const period = z.string().regex(PERIOD, 'Periode als 2024, 2024-H1, 2024-Q3 of 2024-05.');
const area = z.string().regex(AREA, 'Geen CBS-gebiedscode (PV22, GM0106 …).');

const TargetSeed = z.object({
  comparator: z.enum(['>=', '<=', '=', '>', '<']),
  kind: z.enum(['absolute', 'relative', 'change']).default('absolute'),
  value: z.number(),
  year: z.number().int().min(2000).max(2100),
  area,
  baseline_period: period.optional(),
  source: z.string().min(1),
  note: z.string().default(''),
});

const MeasurementSeed = z.object({
  area,
  period,
  value: z.number(),
  projection: z.boolean().default(false),
  source: z.string().min(1),
  note: z.string().default(''),
});

/** Values read from a real data file in the region directory (one column, one period). */
const MeasurementsFrom = z.object({
  file: z.string().regex(/^[a-z0-9-]+\.csv$/),
  area_column: z.string(),
  column: z.string(),
  period,
  source: z.string().min(1),
  /** The catalogue entry (sources.yaml) whose disclosure rules apply. */
  source_code: z.string().optional(),
});

export const IndicatorSeed = z.object({
  code: z.string().regex(/^[a-z0-9][a-z0-9-]{1,79}$/),
  name: z.string().min(1),
  description: z.string().min(1),
  numerator: z.string().optional(),
  denominator: z.string().optional(),
  unit: z.string().min(1),
  decimals: z.number().int().min(0).max(4).default(1),
  direction: z.enum(['hoger', 'lager', 'neutraal']),
  source: z.string().min(1),
  area_levels: z.array(z.string()).default([]),
  frequency: z.string().min(1),
  track: z.enum(['2040', 'cyclus']),
  // Background figures (population, housing) describe areas without serving one goal.
  goals: z.array(z.object({ code: z.string(), contribution: z.string().default('') })).default([]),
  targets: z.array(TargetSeed).default([]),
  measurements: z.array(MeasurementSeed).default([]),
  measurements_from: MeasurementsFrom.optional(),
});
export type IndicatorSeedT = z.infer<typeof IndicatorSeed>;

/**
 * A wide data file loaded with the region (one row per area, one column per indicator), with
 * the mapping of the wide import; the mapping is saved with its source for the next upload.
 */
export const DatasetSeed = z.object({
  file: z.string().regex(/^[a-z0-9-]+\.csv$/),
  /** The catalogue entry (sources.yaml) whose disclosure rules apply. */
  source_code: z.string(),
  /** The source text shown with every figure. */
  source: z.string().min(1),
  area_column: z.string().min(1),
  period: z.string().default(''),
  period_column: z.string().default(''),
  margin_column: z.string().default(''),
  filters: z.record(z.string(), z.string()).default({}),
  /** File column (as in the header) → indicator code. */
  columns: z.record(z.string(), z.string()),
});
export type DatasetSeedT = z.infer<typeof DatasetSeed>;

/**
 * A population file per 4-digit postcode and age group (one row per postcode × age group, as
 * CBS 83502NED "Bevolking en leeftijd per postcode" comes from the certegis package: columns
 * postcode, plaats, gemeente, leeftijd, inwoners). Loaded as postcode areas under the gemeente the
 * file names, and as figures per postcode, summed to the levels in `sum_to` (see
 * indicators.postcodes.ts).
 */
export const PostcodeDatasetSeed = z.object({
  file: z.string().regex(/^[a-z0-9-]+\.csv$/),
  /** The catalogue entry (sources.yaml) whose disclosure rules apply. */
  source_code: z.string(),
  /** The source text shown with every figure. */
  source: z.string().min(1),
  period,
  /** Also store the sums for the areas of these levels above the postcodes. */
  sum_to: z.array(z.enum(['gemeente', 'provincie'])).default([]),
  measures: z
    .array(
      z.object({
        indicator: z.string().regex(/^[a-z0-9][a-z0-9-]{1,79}$/),
        /** The age range counted, in whole years: from `min_age` up to and including `max_age`. */
        min_age: z.number().int().min(0).max(120).default(0),
        max_age: z.number().int().min(0).max(120).optional(),
        /** A share of all inhabitants (teller / noemer × 100) instead of a count. */
        share: z.boolean().default(false),
      }),
    )
    .min(1),
});
export type PostcodeDatasetSeedT = z.infer<typeof PostcodeDatasetSeed>;

export const IndicatorsFile = z.object({
  plan_source: z.string().optional(),
  indicators: z.array(IndicatorSeed).default([]),
  datasets: z.array(DatasetSeed).default([]),
  postcode_datasets: z.array(PostcodeDatasetSeed).default([]),
});

/** Columns of the measurement import (long format) and export; the same both ways. */
export const MEASUREMENT_COLUMNS = [
  'indicator',
  'area_code',
  'period',
  'value',
  'numerator',
  'denominator',
  'sample_size',
  'ci_low',
  'ci_high',
  'source',
  'note',
  'is_projection',
  'is_demo',
] as const;
export const REQUIRED_MEASUREMENT_COLUMNS = ['indicator', 'area_code', 'period', 'value'] as const;

/** CBS and GGD files mark a missing value with these; the reason is kept with the empty value. */
export const MISSING_MARKERS: Record<string, string> = {
  '.': 'geen cijfer beschikbaar (.)',
  x: 'geheim of te weinig waarnemingen (x)',
  '-': 'nul of niet van toepassing (-)',
  '?': 'onbekend (?)',
};

export type MeasurementRow = {
  indicator: string;
  areaCode: string;
  period: string;
  value: number | null;
  missingReason: string | null;
  numerator: number | null;
  denominator: number | null;
  sampleSize: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  source: string;
  note: string;
  /** A forecast, not a measurement (shown as "prognose"). */
  isProjection?: boolean;
  /** Generated or example data (shown as "voorbeelddata"). */
  isDemo?: boolean;
  /** The data source catalogue entry, when known (its disclosure rules apply). */
  dataSourceId?: number | null;
};

/** The yes/no columns of the import: `ja`/`nee` as the export writes them (also true/false, 1/0). */
export const FLAG_VALUES: ReadonlyMap<string, boolean> = new Map([
  ['', false],
  ['nee', false],
  ['false', false],
  ['0', false],
  ['ja', true],
  ['true', true],
  ['1', true],
]);

export type { CellProblem } from '../imports/index.js';
