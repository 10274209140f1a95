/**
 * Import and export of a region's whole directory as HSDS 3.0 (issue 5 §3, ADR 0020). An import
 * reads the upload, checks it against the region's directory and writes it in one transaction:
 * any problem and nothing changes. Listings it adds or changes are approved (a beheerder's
 * import is a moderation act), no longer the seed's, and recorded in the audit trail and in the
 * HSDS change history.
 */

import type { Kysely, Transaction } from 'kysely';
import { writeAudit } from '../../db/audit.js';
import { tidyTables } from '../../db/housekeeping.js';
import type { Database } from '../../db/schema.js';
import { dutchDate } from '../../lib/dutch-date.js';
import { err, ok, type Result } from '../../lib/result.js';
import { areaIndex } from '../areas/index.js';
import type { SessionUser } from '../auth/index.js';
import { bumpDataVersion, goalIndex, initiativeNames } from '../plan/index.js';
import { taxonomyId } from './directory-ids.js';
import { DIRECTORY_TABLES, STORED_TABLES, type StoredTable } from './hsds-tables.js';
import { LADDER_TAXONOMY, NEED_TAXONOMY, PROFILE_TAXONOMY } from './profile.js';
import * as repo from './transfer.repository.js';
import type {
  HiddenService,
  ImportOutcome,
  ImportRefusal,
  Place,
  Problem,
  TableCounts,
  Upload,
} from './transfer.types.js';
import { planImport } from './transfer-check.js';
import type { ImportPlan } from './transfer-diff.js';
import type { Known, TermKind } from './transfer-profile.js';
import { readUpload, type UploadFile } from './transfer-read.js';
import { loadSnapshot, publicSnapshot, type Snapshot } from './transfer-snapshot.js';
import { writePlan } from './transfer-write.js';
import { HIDDEN_AFTER_MONTHS } from './visibility.sql.js';

type Db = Kysely<Database>;
type Trx = Transaction<Database>;

/** More problems than this are counted, not kept: the first ones show what to fix. */
const MAX_PROBLEMS = 1000;

/** Reads, checks and applies an upload to the user's region, all or nothing. */
export async function importDirectory(
  db: Db,
  user: SessionUser,
  files: UploadFile[],
): Promise<Result<ImportOutcome, ImportRefusal>> {
  const read = await readUpload(files);
  if (!read.ok) return read;
  const upload = read.value;
  const actor = `user:${user.id}`;
  const outcome = await db.transaction().execute(async (trx) => {
    await repo.lockDirectory(trx, user.regionId);
    const current = await loadSnapshot(trx, user.regionId);
    const [known, elsewhere] = await Promise.all([
      knownReferences(trx, user.regionId, current),
      idsElsewhere(trx, upload),
    ]);
    const planned = planImport(upload, current, known, elsewhere);
    if (!planned.ok) return err(refusal(planned.problems));
    await writePlan(trx, user.regionId, planned.plan, actor);
    const hidden = await hiddenAfterImport(trx, planned.plan);
    const counts = countsOf(planned.plan);
    await writeAudit(trx, {
      actor,
      action: 'hulpwijzer.import',
      entityType: 'hulpwijzer',
      entityKey: files
        .map((f) => f.name)
        .join(', ')
        .slice(0, 200),
      regionId: user.regionId,
      before: null,
      after: { format: upload.format, counts },
    });
    await bumpDataVersion(trx);
    return ok({ counts, notices: planned.plan.notices, hidden });
  });
  // A bulk change: PGlite has no autovacuum, so the import tidies what it wrote (ADR 0022).
  if (outcome.ok) await tidyTables(db, DIRECTORY_TABLES);
  return outcome;
}

/**
 * The added and changed services residents will not see although the import approved them, each
 * at its row with the reason, so the report does not promise what the search will not show.
 */
async function hiddenAfterImport(trx: Trx, plan: ImportPlan): Promise<HiddenService[]> {
  const rows = await repo.hiddenServices(trx, [...plan.servicePlaces.keys()]);
  return rows
    .map((row) => ({
      ...(plan.servicePlaces.get(row.id) ?? { file: '', row: 0 }),
      id: row.id,
      name: row.name,
      message:
        row.status !== 'active'
          ? `Niet zichtbaar voor inwoners: de status is "${row.status}". Alleen diensten met status "active" zijn te vinden.`
          : `Laatst gecontroleerd op ${dutchDate(row.checked_on)}: langer dan ${HIDDEN_AFTER_MONTHS} maanden geleden, dus verborgen voor inwoners. Controleer de gegevens en vul bij assured_date de dag van die controle in.`,
    }))
    .sort(byPlace);
}

/** File, then spreadsheet row, then JSON path in the order of the file ([2] before [10]). */
const byPlace = (a: Place, b: Place) =>
  a.file.localeCompare(b.file) || a.row - b.row || comparePaths(a.path ?? '', b.path ?? '');

/** Paths compared piece by piece, the numbers in them as numbers: contents[2] before contents[10]. */
function comparePaths(a: string, b: string): number {
  const left = a.split(/(\d+)/);
  const right = b.split(/(\d+)/);
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const [x, y] = [left[i] ?? '', right[i] ?? ''];
    if (x === y) continue;
    // split with a capture group puts the numbers at the odd places.
    if (i % 2 === 1) return Number(x) - Number(y);
    return x < y ? -1 : 1;
  }
  return left.length - right.length;
}

function refusal(problems: Problem[]): ImportRefusal {
  const sorted = [...problems].sort(byPlace);
  return {
    status: 400,
    message: `Het bestand is niet ingelezen: ${problems.length} ${problems.length === 1 ? 'probleem' : 'problemen'}. Er is niets veranderd.`,
    problems: sorted.slice(0, MAX_PROBLEMS),
  };
}

/** What an upload may refer to: the profile's terms, the region's areas, goals, initiatives. */
export async function knownReferences(db: Db, regionId: number, current: Snapshot): Promise<Known> {
  const kinds = new Map<string, TermKind>([
    [taxonomyId(NEED_TAXONOMY), 'hulpvraag'],
    [taxonomyId(LADDER_TAXONOMY), 'hulpladder'],
    [taxonomyId(PROFILE_TAXONOMY), 'profiel'],
  ]);
  const terms: Known['terms'] = new Map();
  for (const [id, term] of current.taxonomy_term) {
    const kind = kinds.get(term.taxonomy_id ?? '');
    if (kind) terms.set(id, { code: term.code ?? '', kind });
  }
  const [areas, goals, initiatives] = await Promise.all([
    areaIndex(db, regionId),
    goalIndex(db, regionId),
    initiativeNames(db, regionId),
  ]);
  return {
    terms,
    areas: new Set([...areas.values()].filter((a) => a.inRegion).map((a) => a.code)),
    goals: new Set(goals.keys()),
    initiatives: new Set(initiatives.keys()),
  };
}

/** Per table, the upload's ids that Marke already has (in this region or another). */
async function idsElsewhere(trx: Trx, upload: Upload) {
  const out = {} as Record<StoredTable, Set<string>>;
  for (const table of STORED_TABLES) {
    const ids = upload.rows[table]
      .map((r) => (r.values.id ?? '').toLowerCase())
      .filter((id) => /^[0-9a-f-]{36}$/.test(id));
    out[table] = await repo.existingIds(trx, table, ids);
  }
  return out;
}

function countsOf(plan: ImportPlan): Record<StoredTable, TableCounts> {
  const counts = {} as Record<StoredTable, TableCounts>;
  for (const table of STORED_TABLES) {
    const c = plan.changes[table];
    counts[table] = {
      added: c.added.length,
      changed: c.changed.length,
      unchanged: c.unchanged.length,
      removed: c.removed.length,
    };
  }
  return counts;
}

/** What residents may see of the region's directory, as HSDS rows per table (open data). */
export async function publicDirectory(db: Db, regionId: number): Promise<Snapshot> {
  const [snapshot, listed] = await Promise.all([
    loadSnapshot(db, regionId),
    repo.listedServiceIds(db, regionId),
  ]);
  return publicSnapshot(snapshot, listed);
}
