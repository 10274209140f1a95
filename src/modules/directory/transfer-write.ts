/**
 * Writes a checked import plan (ADR 0020) inside the import's transaction: removed rows first,
 * then added and changed rows parents first, then the HSDS change history. A row whose unique
 * key (service + area, service + location) changes is taken out before and written back after,
 * with what hangs on it, so a swap between two rows never meets itself half-way.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { STORED_TABLES, type StoredTable, TABLES } from './hsds-tables.js';
import * as repo from './transfer.repository.js';
import type { Row } from './transfer.types.js';
import { comparedColumns, type ImportPlan } from './transfer-diff.js';

type Trx = Transaction<Database>;

/** Applies the plan to the region's directory; the caller holds the region's lock. */
export async function writePlan(trx: Trx, regionId: number, plan: ImportPlan, actor: string) {
  for (const table of [...STORED_TABLES].reverse()) {
    const ids = plan.changes[table].removed.map((r) => r.id ?? '');
    await repo.deleteRows(trx, table, ids);
  }
  // Taken out now, written back below: with them, the rows the database cascades from them.
  const rewritten = await repo.deleteForRewrite(trx, keyChanges(plan));
  const now = new Date().toISOString();
  for (const table of STORED_TABLES) {
    const { added, changed, unchanged } = plan.changes[table];
    const back = new Set(rewritten[table] ?? []);
    const rows = [
      ...added.map((r) => toDbRow(table, r, { regionId, actor, now, added: true })),
      ...[...changed, ...unchanged.filter((r) => back.has(r.id ?? ''))].map((r) =>
        toDbRow(table, r, { regionId, actor, now, added: false }),
      ),
    ];
    await repo.upsertRows(
      trx,
      table,
      table === 'organization' ? parentsFirst(rows) : rows,
      updateColumns(table),
    );
  }
  await repo.insertMetadata(trx, metadataRows(plan, actor));
}

/** Changed rows whose unique key changes: updated in place, a swap would collide with itself. */
function keyChanges(plan: ImportPlan): repo.KeyedIds {
  const out: repo.KeyedIds = { service_area: [], service_at_location: [] };
  for (const table of repo.KEYED_TABLES)
    for (const row of plan.changes[table].changed) {
      const fields = (plan.diffs.get(row.id ?? '') ?? []).map((d) => d.field);
      if (repo.UNIQUE_KEYS[table].some((c) => fields.includes(c))) out[table].push(row.id ?? '');
    }
  return out;
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
  // An added listing keeps the file's change time (an export gives it back); a changed one
  // changes now.
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
        // Written for an added service only (not among the update columns): it enters this
        // directory now. Never checked, its check counts from here (visibility.sql.ts), so an
        // old last_modified in the file does not hide a listing the import just approved.
        created_at: ctx.now,
      };
    default:
      return out;
  }
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
    // As the editors do: a new record names every field it was created with (its id is the
    // record's resource_id already).
    const fields = comparedColumns(table).filter((f) => f !== 'id');
    for (const row of added)
      for (const field of fields)
        if (row[field]) add(table, row.id ?? '', 'create', field, '', row[field] ?? '');
    for (const row of removed) add(table, row.id ?? '', 'delete', 'id', row.id ?? '', '');
    for (const row of changed)
      for (const d of plan.diffs.get(row.id ?? '') ?? [])
        add(table, row.id ?? '', 'update', d.field, d.before, d.after);
  }
  return rows;
}
