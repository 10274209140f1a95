/**
 * Werkagenda import: check a CSV/XLSX file row by row, stage it as a preview, and apply it
 * all-or-nothing through the same repository functions as the edit form (saveItem, owners),
 * with one audit row per changed item and one data-version bump.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { excerpt } from '../../lib/blocks.js';
import { err, ok, type Result } from '../../lib/result.js';
import { detectFormat, MAX_UPLOAD_BYTES, readTable } from '../../lib/tabular.js';
import type { SessionUser, Upload } from '../auth/index.js';
import {
  applyStaged,
  checksumOf,
  discardStaged,
  listImports,
  loadStaged,
  type StagedError,
  stageImport,
} from '../imports/index.js';
import { bumpDataVersion } from '../plan/index.js';
import * as repo from './agenda.repository.js';
import type { ItemInput } from './agenda.types.js';
import {
  AGENDA_IMPORT_KIND,
  type AgendaValues,
  type CellProblem,
  ImportPayload,
  type ImportRow,
  type PreviewRow,
} from './agenda-import.types.js';
import { changesOf, checkAgendaTable } from './agenda-import-rows.js';

type Db = Kysely<Database>;
type Tx = Kysely<Database> | Transaction<Database>;

export const TOO_LARGE =
  'Het bestand is groter dan 10 MB. Splits het bestand of laat kolommen weg, en probeer het opnieuw. Er is niets opgeslagen.';

type Current = { goalId: number; label: string; values: AgendaValues };

/** Every operational goal of the region with its item as the import compares it. */
async function currentAgenda(db: Tx, regionId: number): Promise<Map<string, Current>> {
  const rows = await repo.listAgendaRows(db, regionId);
  const owners = await repo.listOwners(db, regionId);
  return new Map(
    rows.map((r) => [
      r.code,
      {
        goalId: r.goal_id,
        label: r.label ?? excerpt(r.text ?? '', 80),
        values: {
          status: r.status ?? 'niet_gestart',
          priority: r.priority,
          progress: r.item_id ? (r.progress ?? 0) : 0,
          phase: r.phase,
          planned_start: r.planned_start,
          planned_end: r.planned_end,
          owners: owners
            .filter((o) => o.agenda_item_id === r.item_id)
            .map((o) => o.slug)
            .sort(),
        },
      },
    ]),
  );
}

export type FileRefusal = { status: 400 | 413; message: string; problems: CellProblem[] };

/** Reads and checks an uploaded file; when every row is valid, stages it and returns the preview id. */
export async function checkAgendaFile(
  db: Db,
  user: SessionUser,
  file: Upload | undefined,
): Promise<Result<{ id: number }, FileRefusal>> {
  const refuse = (status: 400 | 413, message: string, problems: CellProblem[] = []) =>
    err({ status, message, problems });
  if (!file) return refuse(400, 'Kies een CSV- of XLSX-bestand.');
  if (file.bytes.byteLength > MAX_UPLOAD_BYTES) return refuse(413, TOO_LARGE);
  const table = await readTable(file.name, file.bytes);
  if (!table.ok) return refuse(400, table.error);
  if (table.value.rows.length === 0)
    return refuse(400, 'Het bestand heeft alleen een kopregel en geen rijen met doelen.');
  const [current, organisations] = await Promise.all([
    currentAgenda(db, user.regionId),
    repo.listOrganisations(db, user.regionId),
  ]);
  const checked = checkAgendaTable(table.value, {
    goalCodes: new Set(current.keys()),
    organisationSlugs: new Set(organisations.map((o) => o.slug)),
    stripFormulaGuard: detectFormat(file.name, file.bytes) === 'csv',
  });
  if (!checked.ok) {
    const rows = new Set(checked.problems.map((p) => p.row)).size;
    return refuse(
      400,
      `Het bestand heeft ${checked.problems.length} ${checked.problems.length === 1 ? 'fout' : 'fouten'} in ${rows} ${rows === 1 ? 'rij' : 'rijen'}. Er is niets opgeslagen. Verbeter het bestand en lees het opnieuw in.`,
      checked.problems,
    );
  }
  const payload: ImportPayload = { checksum: checksumOf(file.bytes), rows: checked.rows };
  const staged = await stageImport(db, user, {
    kind: AGENDA_IMPORT_KIND,
    filename: file.name,
    bytes: file.bytes,
    rowCount: checked.rows.length,
    payload,
  });
  return ok({ id: staged.id });
}

/** `user:12` → the account's name (or e-mail address); other actors stay as they are. */
async function actorNames(db: Db, actors: Array<string | null>): Promise<Map<string, string>> {
  const ids = actors.flatMap((a) => (a && /^user:\d+$/.test(a) ? [Number(a.slice(5))] : []));
  const users = await repo.listUserNames(db, [...new Set(ids)]);
  return new Map(users.map((u) => [`user:${u.id}`, u.name || u.email]));
}

/** Applied agenda imports, newest first, with the name of who applied each. */
export async function listAgendaImports(db: Db, regionId: number) {
  const batches = await listImports(db, regionId, AGENDA_IMPORT_KIND);
  const names = await actorNames(
    db,
    batches.map((b) => b.applied_by),
  );
  return batches.map((b) => ({
    ...b,
    appliedBy: names.get(b.applied_by ?? '') ?? b.applied_by ?? 'onbekend',
  }));
}

/** The user's own open preview: every row with what it changes, the counts, and an earlier apply. */
export async function getImportPreview(db: Db, user: SessionUser, id: number) {
  const staged = await loadStaged(db, user, AGENDA_IMPORT_KIND, id);
  if (!staged.ok) return err('NotFound' as const);
  const payload = ImportPayload.safeParse(staged.value.payload);
  if (!payload.success) return err('NotFound' as const);
  const current = await currentAgenda(db, user.regionId);
  const rows: PreviewRow[] = payload.data.rows.map((row) => {
    const goal = current.get(row.code);
    return {
      row: row.row,
      code: row.code,
      label: goal?.label ?? 'Dit doel staat niet meer in het plan; toepassen lukt dan niet.',
      changes: goal ? changesOf(row, goal.values) : [],
    };
  });
  const earlier = (await listAgendaImports(db, user.regionId)).find(
    (b) => b.checksum === payload.data.checksum,
  );
  const changed = rows.filter((r) => r.changes.length > 0).length;
  return ok({
    id: staged.value.id,
    filename: staged.value.filename,
    rows,
    changed,
    unchanged: rows.length - changed,
    previous: earlier && { appliedAt: earlier.applied_at, appliedBy: earlier.appliedBy },
  });
}

/** A row that cannot be written when applying; thrown so the whole transaction rolls back. */
class RowFailure extends Error {
  constructor(readonly problem: CellProblem) {
    super(problem.message);
  }
}

function itemInput(values: AgendaValues): ItemInput {
  return {
    status: values.status,
    progress: values.progress,
    priority: values.priority ?? undefined,
    phase: values.phase ?? undefined,
    planned_start: values.planned_start ?? undefined,
    planned_end: values.planned_end ?? undefined,
  };
}

/** Writes the changed rows inside applyStaged's transaction; any failure throws (rollback). */
async function applyRows(
  trx: Transaction<Database>,
  user: SessionUser,
  rows: ImportRow[],
  batchId: number,
) {
  const actor = `user:${user.id}`;
  const current = await currentAgenda(trx, user.regionId);
  const organisations = new Map(
    (await repo.listOrganisations(trx, user.regionId)).map((o) => [o.slug, o.id]),
  );
  let changed = 0;
  for (const row of rows) {
    const goal = current.get(row.code);
    if (!goal)
      throw new RowFailure({
        row: row.row,
        column: 'code',
        value: row.code,
        message: `Doel ${row.code} staat niet meer in het plan.`,
      });
    const changes = changesOf(row, goal.values);
    if (changes.length === 0) continue;
    const next: AgendaValues = { ...goal.values, ...row.values };
    const ownerIds = next.owners.map((slug) => {
      const id = organisations.get(slug);
      if (id === undefined)
        throw new RowFailure({
          row: row.row,
          column: 'owners',
          value: slug,
          message: `Organisatie ${slug} staat niet meer in het plan.`,
        });
      return id;
    });
    const { before, after } = await repo.saveItem(trx, goal.goalId, itemInput(next), actor);
    if (changes.some((c) => c.field === 'owners'))
      await repo.replaceOwners(trx, after.id, ownerIds);
    await repo.auditAgenda(trx, {
      actor,
      regionId: user.regionId,
      code: row.code,
      action: 'agenda_item.import',
      before: before && { ...before, owners: goal.values.owners },
      after: { ...after, owners: next.owners, import_batch: batchId, row: row.row },
    });
    changed++;
  }
  if (changed > 0) await bumpDataVersion(trx);
  return { changed, unchanged: rows.length - changed };
}

export type ApplyError = StagedError | CellProblem;

/** Applies the user's preview in one transaction; a failing row rolls everything back. */
export async function applyAgendaImport(
  db: Db,
  user: SessionUser,
  id: number,
  options: { allowDuplicate: boolean },
): Promise<Result<{ changed: number; unchanged: number }, ApplyError>> {
  try {
    return await applyStaged(
      db,
      user,
      AGENDA_IMPORT_KIND,
      id,
      (trx, payload, batchId) => applyRows(trx, user, ImportPayload.parse(payload).rows, batchId),
      options,
    );
  } catch (error) {
    if (error instanceof RowFailure) return err(error.problem);
    throw error;
  }
}

/** Drops the user's own preview ("Annuleren"). */
export async function cancelAgendaImport(db: Db, user: SessionUser, id: number) {
  return discardStaged(db, user, AGENDA_IMPORT_KIND, id);
}
