/** SQL for areas. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import { setExcluded } from '../../db/upsert.js';
import type { AreaInput } from './areas.types.js';

type Db = Kysely<Database>;

export async function upsertAreas(db: Db, regionId: number, rows: AreaInput[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('area')
    .values(rows.map((r) => ({ region_id: regionId, ...r, in_region: true })))
    .onConflict((oc) =>
      oc
        .columns(['region_id', 'code'])
        .doUpdateSet(setExcluded(['name', 'level', 'parent_code', 'in_region'])),
    )
    .execute();
}

/**
 * Makes these the areas of the region's national layers: upserts them (never over an area of
 * the region's own areas.csv) and removes national areas no layer has any more.
 */
export async function replaceNationalAreas(db: Db, regionId: number, rows: AreaInput[]) {
  const codes = rows.map((r) => r.code);
  let stale = db
    .deleteFrom('area')
    .where('region_id', '=', regionId)
    .where('in_region', '=', false);
  if (codes.length > 0) stale = stale.where('code', 'not in', codes);
  await stale.execute();
  if (rows.length === 0) return;
  await db
    .insertInto('area')
    .values(rows.map((r) => ({ region_id: regionId, ...r, in_region: false })))
    .onConflict((oc) =>
      oc
        .columns(['region_id', 'code'])
        .doUpdateSet(setExcluded(['name', 'level', 'parent_code']))
        .where('area.in_region', '=', false),
    )
    .execute();
}

/** The region's own areas; with `national`, also those of national layers outside it. */
export async function listAreas(db: Db, regionId: number, options: { national?: boolean } = {}) {
  let query = db
    .selectFrom('area')
    .select(['code', 'name', 'level', 'parent_code', 'in_region'])
    .where('region_id', '=', regionId);
  if (!options.national) query = query.where('in_region', '=', true);
  return query.orderBy('code').execute();
}

/** Replaces all boundaries of a region by this set (the manifest is the whole truth). */
export async function replaceBoundaries(
  db: Db,
  regionId: number,
  rows: Array<{
    area_code: string;
    year: number;
    level: string;
    name: string;
    geometry: string;
    source: string;
  }>,
) {
  await db.deleteFrom('area_boundary').where('region_id', '=', regionId).execute();
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('area_boundary')
      .values(rows.slice(i, i + 200).map((r) => ({ region_id: regionId, ...r })))
      .execute();
}

/**
 * A level's boundaries of one year without their geometry, with a hash of each geometry (md5 of
 * its text, computed in the database): what a map needs to know whether it has drawn them before.
 */
export async function listBoundaryHashes(
  db: Db,
  regionId: number,
  filter: { level: string; year: number; codes?: string[] },
) {
  let query = db
    .selectFrom('area_boundary')
    .select(['area_code', 'name', 'year', 'source', sql<string>`md5(geometry::text)`.as('hash')])
    .where('region_id', '=', regionId)
    .where('level', '=', filter.level)
    .where('year', '=', filter.year);
  if (filter.codes) {
    if (filter.codes.length === 0) return [];
    query = query.where('area_code', 'in', filter.codes);
  }
  return query.orderBy('area_code').execute();
}

/** The geometries of these boundaries (with their hash), for those a map has not kept yet. */
export async function listBoundaryGeometries(
  db: Db,
  regionId: number,
  filter: { level: string; year: number; codes: string[] },
) {
  if (filter.codes.length === 0) return [];
  return db
    .selectFrom('area_boundary')
    .select(['geometry', sql<string>`md5(geometry::text)`.as('hash')])
    .where('region_id', '=', regionId)
    .where('level', '=', filter.level)
    .where('year', '=', filter.year)
    .where('area_code', 'in', filter.codes)
    .execute();
}

/** Every boundary's level, year, code, name and source (no geometry), for comparing years. */
export async function listBoundaryCodes(db: Db, regionId: number) {
  return db
    .selectFrom('area_boundary')
    .select(['level', 'year', 'area_code', 'name', 'source'])
    .where('region_id', '=', regionId)
    .orderBy('level')
    .orderBy('year')
    .orderBy('area_code')
    .execute();
}

/** The boundary years a level has, newest first. */
export async function boundaryYears(db: Db, regionId: number, level: string): Promise<number[]> {
  const rows = await db
    .selectFrom('area_boundary')
    .select('year')
    .distinct()
    .where('region_id', '=', regionId)
    .where('level', '=', level)
    .orderBy('year', 'desc')
    .execute();
  return rows.map((r) => r.year);
}
