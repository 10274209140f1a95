/**
 * Import and export of a region's whole directory as HSDS 3.0 (issue 5 §3, ADR 0020). An import
 * reads the upload, checks it against the region's directory and writes it in one transaction:
 * any problem and nothing changes. Listings it adds or changes are approved (a beheerder's
 * import is a moderation act), no longer the seed's, and recorded in the audit trail and in the
 * HSDS change history.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { writeAudit } from '../../db/audit.js';
import { tidyTables } from '../../db/housekeeping.js';
import type { Database } from '../../db/schema.js';
import { err, ok, type Result } from '../../lib/result.js';
import { areaIndex } from '../areas/index.js';
import type { SessionUser } from '../auth/index.js';
import { bumpDataVersion, goalIndex, initiativeNames } from '../plan/index.js';
import { taxonomyId } from './directory-ids.js';
import { DIRECTORY_TABLES, STORED_TABLES, type StoredTable, TABLES } from './hsds-tables.js';
import { LADDER_TAXONOMY, NEED_TAXONOMY, PROFILE_TAXONOMY } from './profile.js';
import * as repo from './transfer.repository.js';
import type {
  ImportOutcome,
  ImportRefusal,
  Problem,
  Row,
  TableCounts,
  Upload,
} from './transfer.types.js';
import { planImport } from './transfer-check.js';
import { comparedColumns, type ImportPlan } from './transfer-diff.js';
import type { Known, TermKind } from './transfer-profile.js';
import { readUpload, type UploadFile } from './transfer-read.js';
import { loadSnapshot, publicSnapshot, type Snapshot } from './transfer-snapshot.js';

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
    return ok({ counts, notices: planned.plan.notices });
  });
  // A bulk change: PGlite has no autovacuum, so the import tidies what it wrote (ADR 0022).
  if (outcome.ok) await tidyTables(db, DIRECTORY_TABLES);
  return outcome;
}

function refusal(problems: Problem[]): ImportRefusal {
  const sorted = [...problems].sort(
    (a, b) =>
      a.file.localeCompare(b.file) || a.row - b.row || (a.path ?? '').localeCompare(b.path ?? ''),
  );
  return {
    status: 400,
    message: `Het bestand is niet ingelezen: ${problems.length} ${problems.length === 1 ? 'probleem' : 'problemen'}. Er is niets veranderd.`,
    problems: sorted.slice(0, MAX_PROBLEMS),
  };
}

async function knownReferences(trx: Trx, regionId: number, current: Snapshot): Promise<Known> {
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
    areaIndex(trx, regionId),
    goalIndex(trx, regionId),
    initiativeNames(trx, regionId),
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

async function writePlan(trx: Trx, regionId: number, plan: ImportPlan, actor: string) {
  for (const table of [...STORED_TABLES].reverse()) {
    const ids = plan.changes[table].removed.map((r) => r.id ?? '');
    await repo.deleteRows(trx, table, ids);
  }
  const now = new Date().toISOString();
  for (const table of STORED_TABLES) {
    const { added, changed } = plan.changes[table];
    const rows = [
      ...added.map((r) => toDbRow(table, r, { regionId, actor, now, added: true })),
      ...changed.map((r) => toDbRow(table, r, { regionId, actor, now, added: false })),
    ];
    await repo.upsertRows(trx, table, inWriteOrder(table, rows), updateColumns(table));
  }
  await repo.insertMetadata(trx, metadataRows(plan, actor));
}

const MARKE_UPDATES: Partial<Record<StoredTable, readonly string[]>> = {
  organization: ['is_demo', 'seeded_from', 'last_modified'],
  service: [
    'is_demo',
    'review_status',
    'reviewed_by',
    'reviewed_at',
    'edited_since_review',
    'seeded_from',
    'last_modified',
  ],
  location: ['is_demo', 'area_code'],
  service_area: ['area_code'],
};

function updateColumns(table: StoredTable): string[] {
  const own = TABLES[table].columns.filter((c) => c.stored && !c.derived && c.name !== 'id');
  return [...own.map((c) => c.name), ...(MARKE_UPDATES[table] ?? [])];
}

type WriteContext = { regionId: number; actor: string; now: string; added: boolean };

/** A checked row as the database takes it, with Marke's columns for a listing. */
function toDbRow(table: StoredTable, row: Row, ctx: WriteContext): repo.DbRow {
  const out: repo.DbRow = {};
  for (const column of TABLES[table].columns) {
    if (!column.stored || column.derived) continue;
    const value = row[column.name] ?? null;
    out[column.name] =
      value !== null && (column.type === 'integer' || column.type === 'number')
        ? Number(value)
        : value;
  }
  const isDemo = row.is_demo === 'true';
  // An added listing is as old as the file says; a changed one changes now.
  const since = ctx.added ? (row.last_modified ?? ctx.now) : ctx.now;
  switch (table) {
    case 'organization':
      return {
        ...out,
        region_id: ctx.regionId,
        is_demo: isDemo,
        seeded_from: null,
        last_modified: ctx.now,
      };
    case 'location':
      return { ...out, region_id: ctx.regionId, is_demo: isDemo, area_code: row.area_code ?? null };
    case 'service_area':
      return { ...out, area_code: row.area_code ?? null };
    case 'service':
      return {
        ...out,
        region_id: ctx.regionId,
        is_demo: isDemo,
        review_status: 'goedgekeurd',
        submitted_by: ctx.actor,
        reviewed_by: ctx.actor,
        reviewed_at: ctx.now,
        // A beheerder's import is a review: it clears the editors' "changed since review" mark.
        edited_since_review: false,
        seeded_from: null,
        last_modified: since,
        created_at: since,
      };
    default:
      return out;
  }
}

/**
 * Rows a search-row trigger follows (ADR 0017) grouped by their service: each statement rebuilds
 * the search row of every service it touches, so rows of one service in one batch rebuild it
 * once, not once per batch (an import of 5 000 services: 30 000 rebuilds became 5 000).
 */
const BY_SERVICE: Partial<Record<StoredTable, string>> = {
  attribute: 'link_id',
  service_area: 'service_id',
  service_at_location: 'service_id',
};

function inWriteOrder(table: StoredTable, rows: repo.DbRow[]): repo.DbRow[] {
  if (table === 'organization') return parentsFirst(rows);
  const column = BY_SERVICE[table];
  if (!column) return rows;
  const key = (row: repo.DbRow) => String(row[column] ?? '');
  return [...rows].sort((a, b) => key(a).localeCompare(key(b)));
}

/** Parent organizations before their children, so every batch's references already exist. */
function parentsFirst(rows: repo.DbRow[]): repo.DbRow[] {
  const byId = new Map(rows.map((r) => [r.id as string, r]));
  const out: repo.DbRow[] = [];
  const placed = new Set<string>();
  const place = (row: repo.DbRow, depth: number) => {
    const id = row.id as string;
    if (placed.has(id)) return;
    placed.add(id);
    const parent = byId.get(row.parent_organization_id as string);
    if (parent && depth < 100) place(parent, depth + 1);
    out.push(row);
  };
  for (const row of rows) place(row, 0);
  return out;
}

function metadataRows(plan: ImportPlan, actor: string): repo.MetadataRow[] {
  const rows: repo.MetadataRow[] = [];
  const add = (
    type: StoredTable,
    id: string,
    action: repo.MetadataRow['last_action_type'],
    field: string,
    before: string,
    after: string,
  ) =>
    rows.push({
      id: randomUUID(),
      resource_id: id,
      resource_type: type,
      last_action_type: action,
      field_name: field,
      previous_value: before,
      replacement_value: after,
      updated_by: actor,
    });
  for (const table of STORED_TABLES) {
    const { added, changed, removed } = plan.changes[table];
    // As the editors do: a new record names every field it was created with.
    for (const row of added)
      for (const field of comparedColumns(table).filter((f) => row[f]))
        add(table, row.id ?? '', 'create', field, '', row[field] ?? '');
    for (const row of removed) add(table, row.id ?? '', 'delete', 'id', row.id ?? '', '');
    for (const row of changed)
      for (const d of plan.diffs.get(row.id ?? '') ?? [])
        add(table, row.id ?? '', 'update', d.field, d.before, d.after);
  }
  return rows;
}

/** What residents may see of the region's directory, as HSDS rows per table (open data). */
export async function publicDirectory(db: Db, regionId: number): Promise<Snapshot> {
  const [snapshot, listed] = await Promise.all([
    loadSnapshot(db, regionId),
    repo.listedServiceIds(db, regionId),
  ]);
  return publicSnapshot(snapshot, listed);
}
