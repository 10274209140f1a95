/**
 * Loading a region directory: the plan first (it creates the region), then the region's other
 * data files (areas; later indicators and targets). Start, the CLI and the tests all call this.
 */
import type { Kysely } from 'kysely';
import type { Database } from './db/schema.js';
import {
  importAreasFromDirectory,
  importBoundariesFromDirectory,
  importSubregionsFromDirectory,
} from './modules/areas/index.js';
import { importDirectoryFromDirectory } from './modules/directory/index.js';
import {
  ensureSuppressionCurrent,
  importIndicatorsFromDirectory,
} from './modules/indicators/index.js';
import {
  getRegion,
  type ImportOutcome,
  importPlanFromDirectory,
  type PlanFileError,
} from './modules/plan/index.js';
import { importSourcesFromDirectory } from './modules/sources/index.js';

export type SeedOutcome = { plan: ImportOutcome; areas: number; indicators: string };
export type SeedError = { errors: PlanFileError[] };

export async function seedRegionDirectory(
  db: Kysely<Database>,
  dir: string,
  options: { actor: string; force?: boolean },
): Promise<{ ok: true; value: SeedOutcome } | { ok: false; error: SeedError }> {
  const plan = await importPlanFromDirectory(db, dir, options);
  if (!plan.ok) return { ok: false, error: { errors: plan.error.errors } };
  const region = await getRegion(db, plan.value.region);
  if (!region.ok) throw new Error(`Regio ${plan.value.region} ontbreekt na de import.`);
  const areas = await importAreasFromDirectory(db, region.value.id, dir);
  if (!areas.ok)
    return {
      ok: false,
      error: { errors: areas.error.map((message) => ({ file: 'areas.csv', path: '', message })) },
    };
  const boundaries = await importBoundariesFromDirectory(db, region.value.id, dir);
  if (!boundaries.ok)
    return {
      ok: false,
      error: {
        errors: boundaries.error.map((message) => ({ file: 'geo.yaml', path: '', message })),
      },
    };
  const subregions = await importSubregionsFromDirectory(db, region.value.id, dir);
  if (!subregions.ok)
    return {
      ok: false,
      error: {
        errors: subregions.error.map((message) => ({ file: 'subregions.yaml', path: '', message })),
      },
    };
  const sources = await importSourcesFromDirectory(db, region.value.id, dir);
  if (!sources.ok)
    return {
      ok: false,
      error: {
        errors: sources.error.map((message) => ({ file: 'sources.yaml', path: '', message })),
      },
    };
  const indicators = await importIndicatorsFromDirectory(db, region.value.id, dir, options.actor);
  if (!indicators.ok)
    return {
      ok: false,
      error: {
        errors: indicators.error.map((message) => ({ file: 'indicators.yaml', path: '', message })),
      },
    };
  const directory = await importDirectoryFromDirectory(db, region.value, dir, options.actor);
  if (!directory.ok)
    return {
      ok: false,
      error: {
        errors: directory.error.map((message) => ({ file: 'hulpwijzer.yaml', path: '', message })),
      },
    };
  // New or moved areas change which figures are siblings, and new rules change what is hidden:
  // decide disclosure again (the import paths do so for their own indicators).
  await ensureSuppressionCurrent(db, region.value.id);
  const loaded =
    indicators.value.status === 'loaded'
      ? `${indicators.value.indicators} indicatoren, ${indicators.value.measurements} metingen${
          indicators.value.skipped.length > 0
            ? `; niet overschreven omdat ze in beheer zijn aangepast: ${indicators.value.skipped.join(', ')}`
            : ''
        }`
      : 'ongewijzigd';
  return { ok: true, value: { plan: plan.value, areas: areas.value, indicators: loaded } };
}
