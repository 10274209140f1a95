/**
 * Citizens' panel: questions with ordered answer options, and their distributions per area and
 * period loaded from a CSV/XLSX upload through the staged all-or-nothing import. Aggregates only;
 * every output goes through disclosure control.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { writeAudit } from '../../db/audit.js';
import { isRowId } from '../../db/ids.js';
import type { Database } from '../../db/schema.js';
import { err, ok, type Result } from '../../lib/result.js';
import { readTable } from '../../lib/tabular.js';
import { areaIndex } from '../areas/index.js';
import { fieldErrors, type SessionUser } from '../auth/index.js';
import { applyStaged, discardStaged, loadStaged, stageImport } from '../imports/index.js';
import { bumpDataVersion } from '../plan/index.js';
import * as repo from './panel.repository.js';
import { canManagePanel } from './stories.policy.js';
import {
  PANEL_COLUMNS,
  PANEL_IMPORT_KIND,
  PANEL_MIN_RESPONDENTS,
  PanelQuestionForm,
  PanelRow,
  type PanelRowInput,
} from './stories.types.js';

type Db = Kysely<Database>;
const MAX_ROWS = 50_000;
const MAX_LISTED_ERRORS = 200;

export type PanelError =
  | 'NotFound'
  | 'Forbidden'
  | 'AlreadyApplied'
  | 'Duplicate'
  | { kind: 'Invalid'; errors: Record<string, string> };

/** Adds a question (not yet public); beheerders and data stewards. */
export async function createPanelQuestion(
  db: Db,
  user: SessionUser,
  form: Record<string, string>,
): Promise<Result<{ id: number }, PanelError>> {
  if (!canManagePanel(user)) return err('Forbidden');
  const parsed = PanelQuestionForm.safeParse(form);
  if (!parsed.success) return err({ kind: 'Invalid', errors: fieldErrors(parsed.error) });
  const row = await db.transaction().execute(async (trx) => {
    const inserted = await repo.insertQuestion(trx, {
      regionId: user.regionId,
      question: parsed.data.question,
      options: parsed.data.options,
      source: parsed.data.source,
      isDemo: parsed.data.is_demo,
      actor: `user:${user.id}`,
    });
    await writeAudit(trx, {
      actor: `user:${user.id}`,
      action: 'panel_question.create',
      entityType: 'panel_question',
      entityKey: String(inserted.id),
      regionId: user.regionId,
      before: null,
      after: inserted,
    });
    return inserted;
  });
  return ok({ id: row.id });
}

/** Shows or hides a question on the public /panel page and in the API. */
export async function setPanelQuestionPublished(
  db: Db,
  user: SessionUser,
  id: number,
  published: boolean,
): Promise<Result<{ id: number }, PanelError>> {
  if (!canManagePanel(user)) return err('Forbidden');
  if (!isRowId(id)) return err('NotFound');
  return db.transaction().execute(async (trx) => {
    const before = await repo.lockQuestion(trx, id);
    if (!before || before.region_id !== user.regionId) return err('NotFound' as const);
    const after = await repo.setPublished(trx, id, published);
    await writeAudit(trx, {
      actor: `user:${user.id}`,
      action: published ? 'panel_question.publish' : 'panel_question.unpublish',
      entityType: 'panel_question',
      entityKey: String(id),
      regionId: user.regionId,
      before,
      after,
    });
    await bumpDataVersion(trx);
    return ok({ id });
  });
}

export type RowProblem = { row: number; problems: string[] };
export type UploadCheck = {
  rows: PanelRowInput[];
  problems: RowProblem[];
  fileError?: string;
  ignoredColumns: string[];
};

/** Reads and checks an upload against the question's options and the region's areas; saves nothing. */
export async function checkPanelUpload(
  db: Db,
  regionId: number,
  question: { id: number; options: string[] },
  file: { name: string; bytes: Uint8Array },
): Promise<UploadCheck> {
  const { options } = question;
  const table = await readTable(file.name, file.bytes);
  if (!table.ok) return { rows: [], problems: [], fileError: table.error, ignoredColumns: [] };
  const missing = PANEL_COLUMNS.filter((c) => !table.value.columns.includes(c));
  const ignoredColumns = table.value.columns.filter(
    (c) => c !== '' && !(PANEL_COLUMNS as readonly string[]).includes(c),
  );
  if (missing.length > 0)
    return {
      rows: [],
      problems: [],
      ignoredColumns,
      fileError: `Deze kolommen ontbreken: ${missing.join(', ')}. De kopregel is: ${PANEL_COLUMNS.join(',')}.`,
    };
  if (table.value.rows.length === 0)
    return { rows: [], problems: [], ignoredColumns, fileError: 'Het bestand heeft geen rijen.' };
  if (table.value.rows.length > MAX_ROWS)
    return {
      rows: [],
      problems: [],
      ignoredColumns,
      fileError: `Hoogstens ${MAX_ROWS} rijen per bestand.`,
    };
  const areas = await areaIndex(db, regionId);
  const byLower = new Map(options.map((o) => [o.toLowerCase(), o]));
  const seen = new Map<string, number>();
  const rows: PanelRowInput[] = [];
  const problems: RowProblem[] = [];
  const lines = table.value.rowNumbers ?? table.value.rows.map((_, i) => i + 2);
  table.value.rows.forEach((input, i) => {
    const line = lines[i] ?? i + 2;
    // Our own CSV export guards cells that start with = + - @ by a quote; read them back without it.
    const raw: Record<string, string> = {
      ...input,
      option: (input.option ?? '').replace(/^'(?=[=+\-@\t\r])/, ''),
    };
    const list: string[] = [];
    const parsed = PanelRow.safeParse(raw);
    if (!parsed.success) list.push(...new Set(parsed.error.issues.map((issue) => issue.message)));
    const area = (raw.area_code ?? '').trim();
    if (area && !areas.has(area)) list.push(`Gebied "${area}" kennen we niet in deze regio.`);
    const option = byLower.get((raw.option ?? '').trim().toLowerCase());
    if ((raw.option ?? '').trim() && !option)
      list.push(
        `Antwoord "${raw.option}" hoort niet bij deze vraag. Kies uit: ${options.join(', ')}.`,
      );
    const key = `${(raw.period ?? '').trim()}|${area}|${option ?? raw.option}`;
    const earlier = seen.get(key);
    if (earlier) list.push(`Dezelfde periode, gebied en antwoord staan ook op rij ${earlier}.`);
    else seen.set(key, line);
    if (list.length > 0) problems.push({ row: line, problems: list });
    else if (parsed.success && option) rows.push({ ...parsed.data, area_code: area, option });
  });
  // Results of other periods stay (an upload replaces only its own periods and areas), so the
  // stored periods count too.
  const stored = await repo.listResults(db, [question.id]);
  const kinds = new Set([...stored, ...rows].map((r) => periodKind(r.period)));
  if (kinds.size > 1)
    return {
      rows: [],
      problems: [],
      ignoredColumns,
      fileError:
        'Gebruik één soort periode per vraag: alleen jaren, alleen halve jaren, alleen kwartalen of alleen maanden (ook samen met wat er al staat). Met een jaar en zijn halve jaren samen kan een verborgen klein aantal worden teruggerekend.',
    };
  return { rows, problems: problems.slice(0, MAX_LISTED_ERRORS), ignoredColumns };
}

/**
 * Year, half year, quarter or month. One kind per question means no period contains another, so
 * disclosure control (which compares areas within one period) cannot be undone by subtracting
 * a half year from its year.
 */
function periodKind(period: string): string {
  return /-H/.test(period) ? 'H' : /-Q/.test(period) ? 'Q' : /-\d{2}$/.test(period) ? 'M' : 'Y';
}

const Payload = z.object({
  questionId: z.number().int(),
  rows: z.array(
    z.object({
      period: z.string(),
      area_code: z.string(),
      option: z.string(),
      count: z.number().int().min(0),
    }),
  ),
});

/** A checked upload waits as a preview; nothing is stored in the results until it is applied. */
export async function stagePanelUpload(
  db: Db,
  user: SessionUser,
  questionId: number,
  file: { name: string; bytes: Uint8Array },
  rows: PanelRowInput[],
) {
  return stageImport(db, user, {
    kind: PANEL_IMPORT_KIND,
    filename: file.name,
    bytes: file.bytes,
    rowCount: rows.length,
    payload: { questionId, rows },
  });
}

/** The user's own open preview, with its question. */
export async function loadPanelPreview(db: Db, user: SessionUser, batchId: number) {
  if (!canManagePanel(user)) return err('Forbidden' as const);
  if (!isRowId(batchId)) return err('NotFound' as const);
  const staged = await loadStaged(db, user, PANEL_IMPORT_KIND, batchId);
  if (!staged.ok) return err('NotFound' as const);
  const payload = Payload.safeParse(staged.value.payload);
  if (!payload.success) return err('NotFound' as const);
  const question = await repo.findQuestion(db, payload.data.questionId);
  if (!question || question.region_id !== user.regionId) return err('NotFound' as const);
  return ok({ batch: staged.value, question, rows: payload.data.rows });
}

/** Thrown inside the apply transaction when the question was deleted since the preview. */
class QuestionGone extends Error {}

function applyPanelBatch(
  db: Db,
  user: SessionUser,
  batchId: number,
  options: { allowDuplicate?: boolean },
) {
  return applyStaged(
    db,
    user,
    PANEL_IMPORT_KIND,
    batchId,
    async (trx, raw) => {
      const payload = Payload.parse(raw);
      const question = await repo.lockQuestion(trx, payload.questionId);
      // Gone since the preview: throw, so the batch is not marked applied (all-or-nothing).
      if (!question || question.region_id !== user.regionId) throw new QuestionGone();
      const before = await repo.replaceResults(trx, question.id, payload.rows);
      await writeAudit(trx, {
        actor: `user:${user.id}`,
        action: 'panel_result.import',
        entityType: 'panel_question',
        entityKey: String(question.id),
        regionId: user.regionId,
        before: { results: before },
        after: { results: payload.rows },
      });
      await bumpDataVersion(trx);
      return { questionId: question.id, rows: payload.rows.length };
    },
    options,
  );
}

/** Applies a preview in one transaction: replaced distributions, audit row, cache refresh. */
export async function applyPanelUpload(
  db: Db,
  user: SessionUser,
  batchId: number,
  options: { allowDuplicate?: boolean } = {},
): Promise<Result<{ questionId: number; rows: number }, PanelError>> {
  if (!canManagePanel(user)) return err('Forbidden');
  if (!isRowId(batchId)) return err('NotFound');
  let applied: Awaited<ReturnType<typeof applyPanelBatch>>;
  try {
    applied = await applyPanelBatch(db, user, batchId, options);
  } catch (error) {
    if (error instanceof QuestionGone) return err('NotFound');
    throw error;
  }
  if (!applied.ok) return err(applied.error);
  return ok(applied.value);
}

/** Drops the user's own preview. */
export async function discardPanelUpload(db: Db, user: SessionUser, batchId: number) {
  if (!canManagePanel(user)) return err('Forbidden' as const);
  if (!isRowId(batchId)) return err('NotFound' as const);
  const discarded = await discardStaged(db, user, PANEL_IMPORT_KIND, batchId);
  return discarded.ok ? ok(batchId) : err('NotFound' as const);
}

export type PreviewDistribution = { period: string; areaCode: string; n: number; shown: boolean };

/** Totals per period and area of an upload, so the preview says which ones will stay hidden. */
export function previewSummary(rows: PanelRowInput[]): PreviewDistribution[] {
  const totals = new Map<string, PreviewDistribution>();
  for (const row of rows) {
    const key = `${row.period}|${row.area_code}`;
    const entry = totals.get(key) ?? {
      period: row.period,
      areaCode: row.area_code,
      n: 0,
      shown: true,
    };
    entry.n += row.count;
    totals.set(key, entry);
  }
  return [...totals.values()].map((d) => ({ ...d, shown: d.n >= PANEL_MIN_RESPONDENTS }));
}
