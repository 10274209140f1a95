/**
 * Subregions (the HEMA subregions of Drenthe): names from `subregions.yaml`, the assignment of
 * gemeenten kept by a beheerder on a page, audited. The plan names the subregions but not their
 * gemeenten, so nothing is assigned until a beheerder does it.
 */
import type { Kysely, Transaction } from 'kysely';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { writeAudit } from '../../db/audit.js';
import type { Database } from '../../db/schema.js';
import { readChangedSeedFile, setSeedFileChecksum } from '../../db/seed-file.js';
import { err, ok, type Result } from '../../lib/result.js';
import { can, type SessionUser } from '../auth/index.js';
import { bumpDataVersion } from '../plan/index.js';
import * as areasRepo from './areas.repository.js';
import * as repo from './subregions.repository.js';

type Db = Kysely<Database>;
const FILE = 'subregions.yaml';
const File = z.object({
  subregions: z.array(
    z.object({
      code: z.string().regex(/^[a-z0-9][a-z0-9-]{1,79}$/),
      name: z.string().trim().min(1),
      description: z.string().default(''),
    }),
  ),
});

/** Loads the subregion names when the file changed (checksum first); the number loaded. */
export async function importSubregionsFromDirectory(
  db: Db,
  regionId: number,
  dir: string,
): Promise<Result<number, string[]>> {
  const changed = await readChangedSeedFile(db, regionId, dir, FILE);
  if (!changed) return ok(0);
  const { bytes, checksum } = changed;
  const parsed = File.safeParse(parseYaml(bytes.toString('utf8')));
  if (!parsed.success)
    return err(parsed.error.issues.map((i) => `${FILE} › ${i.path.join('.')}: ${i.message}`));
  await db.transaction().execute(async (trx) => {
    await repo.upsertSubregions(trx, regionId, parsed.data.subregions);
    await setSeedFileChecksum(trx, regionId, FILE, checksum);
    await bumpDataVersion(trx);
  });
  return ok(parsed.data.subregions.length);
}

export type SubregionView = {
  subregions: Array<{
    id: number;
    code: string;
    name: string;
    gemeenten: Array<{ code: string; name: string }>;
  }>;
  unassigned: Array<{ code: string; name: string }>;
  /** Gemeente code → subregion code, for the form. */
  assignment: Record<string, string>;
};

export async function subregionView(db: Db, regionId: number): Promise<SubregionView> {
  const [subregions, members, areas] = await Promise.all([
    repo.listSubregions(db, regionId),
    repo.listMembers(db, regionId),
    areasRepo.listAreas(db, regionId),
  ]);
  const gemeenten = areas
    .filter((a) => a.level === 'gemeente')
    .map((a) => ({ code: a.code, name: a.name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  const of = new Map(members.map((m) => [m.gemeente_code, m.subregion_id]));
  const codeOf = new Map(subregions.map((s) => [s.id, s.code]));
  return {
    subregions: subregions.map((s) => ({
      id: s.id,
      code: s.code,
      name: s.name,
      gemeenten: gemeenten.filter((g) => of.get(g.code) === s.id),
    })),
    unassigned: gemeenten.filter((g) => !of.has(g.code)),
    assignment: Object.fromEntries(
      gemeenten.map((g) => [g.code, codeOf.get(of.get(g.code) ?? -1) ?? '']),
    ),
  };
}

export function canManageAreas(user: SessionUser | undefined): boolean {
  return can(user, 'areas:manage');
}

/**
 * Saves the whole assignment from the form: field `gm-<code>` holds a subregion code or ''.
 * Unknown gemeenten or subregions are refused; nothing is saved then.
 */
export async function saveAssignment(
  db: Db,
  user: SessionUser,
  form: Record<string, string>,
  // Roll-ups and disclosure are decided again in the same transaction (injected, so this module
  // does not depend on the indicators module).
  afterChange: (trx: Transaction<Database>, regionId: number) => Promise<unknown> = async () => {},
) {
  if (!canManageAreas(user)) return err('Forbidden' as const);
  const view = await subregionView(db, user.regionId);
  const ids = new Map(view.subregions.map((s) => [s.code, s.id]));
  const members: Array<{ gemeente_code: string; subregion_id: number }> = [];
  const errors: Record<string, string> = {};
  for (const [field, value] of Object.entries(form)) {
    if (!field.startsWith('gm-')) continue;
    const code = field.slice(3);
    if (!Object.hasOwn(view.assignment, code))
      errors[field] = 'Deze gemeente staat niet in de regio.';
    else if (value !== '' && !ids.has(value)) errors[field] = 'Kies een subregio uit de lijst.';
    else if (value !== '') members.push({ gemeente_code: code, subregion_id: ids.get(value) ?? 0 });
  }
  if (Object.keys(errors).length > 0) return err({ errors } as const);
  await db.transaction().execute(async (trx) => {
    await repo.replaceMembers(trx, user.regionId, members);
    await writeAudit(trx, {
      actor: `user:${user.id}`,
      action: 'subregions.assign',
      entityType: 'subregion',
      entityKey: 'indeling',
      regionId: user.regionId,
      before: view.assignment,
      after: Object.fromEntries(
        Object.keys(view.assignment).map((g) => [
          g,
          members.find((m) => m.gemeente_code === g) ? form[`gm-${g}`] : '',
        ]),
      ),
    });
    await afterChange(trx, user.regionId);
    await bumpDataVersion(trx);
  });
  return ok(undefined);
}
