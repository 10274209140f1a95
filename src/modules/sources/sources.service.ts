/** The data source catalogue: loaded from `sources.yaml`, read on public pages, rules set in beheer. */
import type { Kysely, Transaction } from 'kysely';
import { parse as parseYaml } from 'yaml';
import { writeAudit } from '../../db/audit.js';
import { lockRegionFigures } from '../../db/locks.js';
import type { Database } from '../../db/schema.js';
import { readChangedSeedFile, setSeedFileChecksum } from '../../db/seed-file.js';
import { err, ok, type Result } from '../../lib/result.js';
import { can, type SessionUser } from '../auth/index.js';
import type { DisclosurePolicy } from '../disclosure/index.js';
import { bumpDataVersion } from '../plan/index.js';
import * as repo from './sources.repository.js';
import { type DataSource, type PolicyInput, SourcesFile } from './sources.types.js';

type Db = Kysely<Database>;
const FILE = 'sources.yaml';

/** Loads a region directory's `sources.yaml` when it changed (checksum first); the number loaded. */
export async function importSourcesFromDirectory(
  db: Db,
  regionId: number,
  dir: string,
): Promise<Result<number, string[]>> {
  const changed = await readChangedSeedFile(db, regionId, dir, FILE);
  if (!changed) return ok(0);
  const { bytes, checksum } = changed;
  const parsed = SourcesFile.safeParse(parseYaml(bytes.toString('utf8')));
  if (!parsed.success)
    return err(parsed.error.issues.map((i) => `${FILE} › ${i.path.join('.')}: ${i.message}`));
  const codes = parsed.data.sources.map((s) => s.code);
  const double = codes.find((c, i) => codes.indexOf(c) !== i);
  if (double) return err([`${FILE}: de code ${double} staat er twee keer in.`]);
  await db.transaction().execute(async (trx) => {
    await repo.upsertSources(trx, regionId, parsed.data.sources);
    await setSeedFileChecksum(trx, regionId, FILE, checksum);
    await bumpDataVersion(trx);
  });
  return ok(parsed.data.sources.length);
}

export async function listSources(db: Db, regionId: number): Promise<DataSource[]> {
  const rows = await repo.listSources(db, regionId);
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    provider: r.provider,
    dataset: r.dataset,
    licence: r.licence,
    url: r.url,
    description: r.description,
    refresh: r.refresh,
    threshold: r.threshold,
    decimals: r.decimals,
    countBase: r.count_base,
    isDemo: r.is_demo,
    lastImport: r.last_import ? new Date(r.last_import) : null,
    measurements: Number(r.measurements),
  }));
}

/** Source ids by code, for the seed and imports that name a source. */
export async function sourceIdsByCode(db: Db, regionId: number): Promise<Map<string, number>> {
  return new Map((await repo.sourceIdsByCode(db, regionId)).map((s) => [s.code, s.id]));
}

/** The disclosure rules per source id (sources without an id use the default rules). */
export async function policiesById(
  db: Db,
  regionId: number,
): Promise<Map<number, DisclosurePolicy>> {
  const rows = await repo.listPolicies(db, regionId);
  return new Map(
    rows.map((r) => [
      r.id,
      {
        threshold: r.threshold,
        ...(r.decimals === null ? {} : { decimals: r.decimals }),
        ...(r.count_base === null ? {} : { countBase: r.count_base }),
      },
    ]),
  );
}

export function canManageSources(user: SessionUser | undefined): boolean {
  return can(user, 'indicators:manage');
}

/**
 * Changes a source's disclosure rules and refresh rhythm; `afterChange` decides disclosure again
 * in the same transaction (injected, so this module does not depend on the indicators module).
 */
export async function updateSourcePolicy(
  db: Db,
  user: SessionUser,
  code: string,
  input: PolicyInput,
  afterChange: (trx: Transaction<Database>, regionId: number) => Promise<unknown>,
) {
  if (!canManageSources(user)) return err('Forbidden' as const);
  const before = (await listSources(db, user.regionId)).find((s) => s.code === code);
  if (!before) return err('NotFound' as const);
  await db.transaction().execute(async (trx) => {
    // Wait for an import in progress: its rows must be written before the rules change, so the
    // change recomputes their shown figures too (db/locks.ts).
    await lockRegionFigures(trx, user.regionId);
    await repo.updatePolicy(trx, user.regionId, code, input, `user:${user.id}`);
    await writeAudit(trx, {
      actor: `user:${user.id}`,
      action: 'data_source.policy',
      entityType: 'data_source',
      entityKey: code,
      regionId: user.regionId,
      before: {
        threshold: before.threshold,
        decimals: before.decimals,
        count_base: before.countBase,
        refresh: before.refresh,
      },
      after: input,
    });
    await afterChange(trx, user.regionId);
    await bumpDataVersion(trx);
  });
  return ok(undefined);
}

/** The column mapping saved with this source by its last wide import (null: none yet). */
export function importMappingOf(db: Db, regionId: number, sourceId: number): Promise<unknown> {
  return repo.findImportMapping(db, regionId, sourceId);
}

/**
 * Saves the mapping for the next file of this source, audited when it changed. `actor` is
 * `user:<id>` or `seed`; called inside the import's transaction.
 */
export async function saveImportMapping(
  db: Db,
  regionId: number,
  sourceId: number,
  mapping: unknown,
  actor: string,
) {
  const before = await repo.findImportMapping(db, regionId, sourceId);
  // jsonb does not keep key order, so compare with keys sorted.
  if (canonicalJson(before) === canonicalJson(mapping)) return;
  const saved = await repo.setImportMapping(db, regionId, sourceId, mapping, actor);
  if (!saved) return;
  await writeAudit(db, {
    actor,
    action: 'data_source.import_mapping',
    entityType: 'data_source',
    entityKey: saved.code,
    regionId,
    before,
    after: mapping,
  });
}

function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}
