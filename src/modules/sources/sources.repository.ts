/** SQL for the data source catalogue. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import { json, setExcluded } from '../../db/upsert.js';
import type { PolicyInput, SourceSeedT } from './sources.types.js';

type Db = Kysely<Database>;

/** Upserts by code; the disclosure rules of an existing entry stay as beheer set them. */
export async function upsertSources(db: Db, regionId: number, rows: SourceSeedT[]) {
  if (rows.length === 0) return;
  await db
    .insertInto('data_source')
    .values(
      rows.map((r) => ({
        region_id: regionId,
        code: r.code,
        provider: r.provider,
        dataset: r.dataset,
        licence: r.licence,
        url: r.url ?? null,
        description: r.description,
        refresh: r.refresh,
        threshold: r.threshold,
        decimals: r.decimals ?? null,
        count_base: r.count_base ?? null,
        updated_by: 'bestand',
      })),
    )
    .onConflict((oc) =>
      oc
        .columns(['region_id', 'code'])
        .doUpdateSet(setExcluded(['provider', 'dataset', 'licence', 'url', 'description'])),
    )
    .execute();
}

/** Every source with the number of its measurements and the time of its last import. */
export async function listSources(db: Db, regionId: number) {
  return db
    .selectFrom('data_source as s')
    .leftJoin('measurement as m', 'm.data_source_id', 's.id')
    .leftJoin('import_batch as b', 'b.id', 'm.import_batch_id')
    .select([
      's.id',
      's.code',
      's.provider',
      's.dataset',
      's.licence',
      's.url',
      's.description',
      's.refresh',
      's.threshold',
      's.decimals',
      's.count_base',
      's.is_demo',
      's.updated_at',
      sql<string>`count(m.id)`.as('measurements'),
      sql<Date | null>`max(b.applied_at)`.as('last_import'),
    ])
    .where('s.region_id', '=', regionId)
    .groupBy('s.id')
    .orderBy('s.provider')
    .orderBy('s.dataset')
    .execute();
}

export async function sourceIdsByCode(db: Db, regionId: number) {
  return db
    .selectFrom('data_source')
    .select(['id', 'code'])
    .where('region_id', '=', regionId)
    .execute();
}

export async function updatePolicy(
  db: Db,
  regionId: number,
  code: string,
  input: PolicyInput,
  actor: string,
) {
  return db
    .updateTable('data_source')
    .set({ ...input, updated_by: actor, updated_at: new Date() })
    .where('region_id', '=', regionId)
    .where('code', '=', code)
    .returning('id')
    .executeTakeFirst();
}

/** The disclosure rules of every source of a region, by id. */
export async function listPolicies(db: Db, regionId: number) {
  return db
    .selectFrom('data_source')
    .select(['id', 'threshold', 'decimals', 'count_base'])
    .where('region_id', '=', regionId)
    .execute();
}

/** The saved column mapping of a source's wide files (shape owned by the indicators module). */
export async function findImportMapping(db: Db, regionId: number, sourceId: number) {
  const row = await db
    .selectFrom('data_source')
    .select('import_mapping')
    .where('region_id', '=', regionId)
    .where('id', '=', sourceId)
    .executeTakeFirst();
  return row?.import_mapping ?? null;
}

export async function setImportMapping(
  db: Db,
  regionId: number,
  sourceId: number,
  mapping: unknown,
  actor: string,
) {
  return db
    .updateTable('data_source')
    .set({ import_mapping: json(mapping), updated_by: actor, updated_at: new Date() })
    .where('region_id', '=', regionId)
    .where('id', '=', sourceId)
    .returning(['code', 'import_mapping'])
    .executeTakeFirst();
}
