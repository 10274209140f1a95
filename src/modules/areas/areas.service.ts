/** Loading a region's areas from its `areas.csv`, and looking them up. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { readChangedSeedFile, seedFileChecksum, setSeedFileChecksum } from '../../db/seed-file.js';
import { err, ok, type Result } from '../../lib/result.js';
import { readTable } from '../../lib/tabular.js';
import { bumpDataVersion } from '../plan/index.js';
import * as repo from './areas.repository.js';
import { type Area, type AreaInput, AreaRow } from './areas.types.js';

const AREAS_FILE = 'areas.csv';

type Db = Kysely<Database>;

/** Validates every row (and that each parent exists) before writing any; upserts by code. */
export async function importAreas(
  db: Db,
  regionId: number,
  filename: string,
  bytes: Uint8Array,
): Promise<Result<number, string[]>> {
  const table = await readTable(filename, bytes);
  if (!table.ok) return err([table.error]);
  const errors: string[] = [];
  const rows: AreaInput[] = [];
  table.value.rows.forEach((raw, i) => {
    const parsed = AreaRow.safeParse(raw);
    if (parsed.success) rows.push(parsed.data);
    else
      errors.push(
        `${filename} rij ${table.value.rowNumbers?.[i] ?? i + 2}: ${parsed.error.issues[0]?.message}`,
      );
  });
  const codes = new Set<string>();
  for (const row of rows) {
    if (codes.has(row.code))
      errors.push(`${filename}: ${row.code} staat twee keer in het bestand.`);
    codes.add(row.code);
  }
  for (const row of rows)
    if (row.parent_code && !codes.has(row.parent_code))
      errors.push(
        `${filename}: ${row.code} hoort bij ${row.parent_code}, maar dat gebied ontbreekt.`,
      );
  if (errors.length > 0) return err(errors);
  // Area names show on public pages and in memoised reads: a change is a new data version.
  await db.transaction().execute(async (trx) => {
    await repo.upsertAreas(trx, regionId, rows);
    await bumpDataVersion(trx);
  });
  return ok(rows.length);
}

/**
 * Adds (or renames, or moves) areas that a data file defines rather than areas.csv, such as the
 * postcode areas of a population file. Run inside the caller's transaction, which also bumps the
 * data version. The caller builds the rows; a row that is no valid area (a code that does not
 * fit its level, an unknown parent) is a bug there, so it throws and nothing is written.
 */
export async function addAreas(db: Db, regionId: number, rows: AreaInput[]): Promise<void> {
  if (rows.length === 0) return;
  const known = new Set((await repo.listAreas(db, regionId)).map((a) => a.code));
  for (const row of rows) known.add(row.code);
  for (const row of rows) {
    const parsed = AreaRow.safeParse({ ...row, parent_code: row.parent_code ?? '' });
    if (!parsed.success) throw new Error(`${row.code}: ${parsed.error.issues[0]?.message}`);
    if (row.parent_code && !known.has(row.parent_code))
      throw new Error(`${row.code}: bovenliggend gebied ${row.parent_code} ontbreekt.`);
  }
  await repo.upsertAreas(db, regionId, rows);
}

/** A region directory's `areas.csv`, when it has one (0 when not). */
export async function importAreasFromDirectory(
  db: Db,
  regionId: number,
  dir: string,
): Promise<Result<number, string[]>> {
  // Unchanged file (same checksum as last time): nothing to do, so a restart stays fast.
  const changed = await readChangedSeedFile(db, regionId, dir, AREAS_FILE);
  if (!changed) return ok(0);
  const { bytes, checksum } = changed;
  const imported = await importAreas(db, regionId, AREAS_FILE, new Uint8Array(bytes));
  if (imported.ok) await setSeedFileChecksum(db, regionId, AREAS_FILE, checksum);
  return imported;
}

/**
 * The region's own areas (areas.csv), by code: what pages, pickers, imports and disclosure work
 * with. `national: true` adds the areas of national layers outside the region (other GGD
 * regions, other zorgkantoorregio's), for callers that name or draw those too.
 */
export async function areaIndex(
  db: Db,
  regionId: number,
  options: { national?: boolean } = {},
): Promise<Map<string, Area>> {
  const rows = await repo.listAreas(db, regionId, options);
  return new Map(
    rows.map((r) => [
      r.code,
      {
        code: r.code,
        name: r.name,
        level: r.level,
        parentCode: r.parent_code,
        inRegion: r.in_region,
      },
    ]),
  );
}

/** The same areas as `areaIndex`, as a list ordered by code. */
export async function listAreas(
  db: Db,
  regionId: number,
  options: { national?: boolean } = {},
): Promise<Area[]> {
  return [...(await areaIndex(db, regionId, options)).values()];
}

/** The checksum of the areas file last loaded (what other modules' decisions depend on). */
export async function areasChecksum(db: Db, regionId: number): Promise<string | undefined> {
  return seedFileChecksum(db, regionId, AREAS_FILE);
}
