/**
 * Imports a region's plan files into the database in one transaction: everything or nothing.
 * Re-importing unchanged files is a no-op (checksum), so `npm start` can run it every time.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { err, ok, type Result } from '../../lib/result.js';
import { slugify } from '../../lib/slug.js';
import { writeGovernance, writeOrganisations } from '../organisations/index.js';
import type { PlanFileError, PlanFiles } from './plan.types.js';
import { exportRows } from './plan-export.repository.js';
import { checksumPlanDirectory, loadPlanFiles } from './plan-files.js';
import {
  upsertPlan,
  upsertRegion,
  writeGoals,
  writeOpgaven,
  writeRelations,
  writeThemes,
} from './plan-import.repository.js';
import { diffSnapshots } from './plan-import-audit.js';
import {
  lastImportChecksum,
  lockPlanImports,
  type PartyLink,
  recordImport,
  writeAuditEntries,
  writeGoalLinks,
  writeInitiatives,
  writeProgrammes,
  writeSearchDocuments,
  writeTexts,
} from './plan-import-links.repository.js';
import {
  allOperationalGoals,
  initiativeCatalogue,
  organisationIndex,
  type PartyIndexes,
  relationPairs,
  resolveParty,
  searchDocuments,
  sectorIndex,
} from './plan-import-mapping.js';
import { regionCodeOf } from './plan-region-code.js';

export type ImportOutcome =
  | { status: 'unchanged'; region: string; checksum: string }
  | { status: 'imported'; region: string; checksum: string; counts: Record<string, number> };

export type ImportError = { kind: 'InvalidFiles'; errors: PlanFileError[] };

/** Reads, validates and imports the plan files in `dir`; `force` re-imports unchanged files. */
export async function importPlanFromDirectory(
  db: Kysely<Database>,
  dir: string,
  options: { actor: string; force?: boolean },
): Promise<Result<ImportOutcome, ImportError>> {
  if (!options.force) {
    const checksum = await checksumPlanDirectory(dir);
    const region = await regionCodeOf(dir);
    if (region && (await lastImportChecksum(db, region)) === checksum)
      return ok({ status: 'unchanged', region, checksum });
  }
  const loaded = await loadPlanFiles(dir);
  if (!loaded.ok) return err({ kind: 'InvalidFiles', errors: loaded.error });
  return ok(await importPlan(db, loaded.value, options));
}

/** Imports validated plan files; unchanged files (same checksum) are skipped unless forced. */
export async function importPlan(
  db: Kysely<Database>,
  files: PlanFiles,
  options: { actor: string; force?: boolean },
): Promise<ImportOutcome> {
  const region = files.region.region.code;
  return db.transaction().execute(async (trx): Promise<ImportOutcome> => {
    // Several app processes may start at once on one PostgreSQL: one imports, the others wait
    // for its transaction here and then find the new checksum.
    await lockPlanImports(trx);
    const previous = await lastImportChecksum(trx, region);
    if (previous === files.checksum && !options.force) {
      return { status: 'unchanged', region, checksum: files.checksum };
    }
    const counts = await writeAll(trx, files, options.actor, previous);
    return { status: 'imported', region, checksum: files.checksum, counts };
  });
}

async function writeAll(
  trx: Kysely<Database>,
  files: PlanFiles,
  actor: string,
  previousChecksum: string | null,
): Promise<Record<string, number>> {
  const regionId = await upsertRegion(trx, files.region.region);
  const before = previousChecksum ? await exportRows(trx, regionId) : null;
  await upsertPlan(trx, regionId, files.region, files.checksum);
  const themes = await writeThemes(trx, regionId, files.region);
  const opgaven = files.opgaven.map((o) => o.data);
  const opgaveIds = await writeOpgaven(trx, regionId, opgaven);
  const goalIds = await writeGoals(trx, regionId, opgaven, opgaveIds);
  await writeRelations(trx, regionId, relationPairs(files));
  const { organisations, sectors } = await writeOrganisations(trx, regionId, files.organisations);
  await writeGovernance(trx, regionId, files.governance, { organisations, themes });
  const catalogue = initiativeCatalogue(files);
  const initiativeIds = await writeInitiatives(trx, regionId, catalogue.rows);
  const parties: PartyIndexes = {
    organisations: organisationIndex(files),
    sectors: sectorIndex(files),
    organisationIds: organisations,
    sectorIds: sectors,
  };
  await writeLinks(trx, files, { goalIds, initiativeIds, slugOf: catalogue.slugOf, parties });
  const partners = new Map<string, PartyLink[]>(
    files.programmes.map((p) => [p.slug, p.partners.map((party) => resolveParty(party, parties))]),
  );
  await writeProgrammes(trx, regionId, files.programmes, partners);
  await writeTexts(trx, regionId, files.glossary, files.sections, slugify);
  const docs = searchDocuments(files, catalogue.rows);
  await writeSearchDocuments(trx, regionId, docs);
  const counts = {
    opgaven: opgaven.length,
    strategische_doelen: opgaven.flatMap((o) => o.strategic_goals).length,
    operationele_doelen: goalIds.size,
    organisaties: organisations.size,
    programmas: files.programmes.length,
    initiatieven: initiativeIds.size,
    zoekdocumenten: docs.length,
  };
  await recordImport(trx, { regionId, checksum: files.checksum, actor, counts, previousChecksum });
  if (before)
    await writeAuditEntries(
      trx,
      regionId,
      actor,
      diffSnapshots(before, await exportRows(trx, regionId)),
    );
  return counts;
}

async function writeLinks(
  trx: Kysely<Database>,
  files: PlanFiles,
  refs: {
    goalIds: Map<string, number>;
    initiativeIds: Map<string, number>;
    slugOf: (line: string) => string;
    parties: PartyIndexes;
  },
): Promise<void> {
  const initiativeLinks: Array<{
    goalId: number;
    initiativeId: number;
    label: string;
    position: number;
  }> = [];
  const initiatorLinks: Array<{ goalId: number; position: number } & PartyLink> = [];
  for (const goal of allOperationalGoals(files)) {
    const goalId = refs.goalIds.get(goal.code) ?? -1;
    if (Array.isArray(goal.inspiration)) {
      goal.inspiration.forEach((label, position) => {
        const initiativeId = refs.initiativeIds.get(refs.slugOf(label)) ?? -1;
        initiativeLinks.push({ goalId, initiativeId, label, position });
      });
    }
    if (Array.isArray(goal.initiators)) {
      goal.initiators.forEach((party, position) => {
        initiatorLinks.push({
          goalId,
          position,
          ...resolveParty(party, refs.parties),
        });
      });
    }
  }
  await writeGoalLinks(trx, [...refs.goalIds.values()], initiativeLinks, initiatorLinks);
}
