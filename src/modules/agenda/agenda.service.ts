/** Werkagenda services: the agenda with roll-ups, and saving an item with its update and audit row. */
import type { Kysely } from 'kysely';
import { memoByDataVersion } from '../../db/memo.js';
import type { Database, Priority } from '../../db/schema.js';
import { err, ok, type Result } from '../../lib/result.js';
import type { SessionUser } from '../auth/index.js';
import { bumpDataVersion, parseGoalCode } from '../plan/index.js';
import { canAssignOwners, canEditAgendaItem } from './agenda.policy.js';
import * as repo from './agenda.repository.js';
import { type AgendaFilterInput, type ItemInput, PRIORITY_WEIGHT } from './agenda.types.js';

type Db = Kysely<Database>;
type Row = Awaited<ReturnType<typeof repo.listAgendaRows>>[number];

/** Weighted progress of a set of goals by the rule in ROLLUP_RULE; null when nothing counts. */
export function rollUp(
  rows: Array<{ status: string | null; progress: number | null; priority: Priority | null }>,
): number | null {
  let weighted = 0;
  let weights = 0;
  for (const row of rows) {
    if (row.status === 'gestopt') continue;
    const weight = PRIORITY_WEIGHT[row.priority ?? 'geen'];
    weighted += weight * (row.progress ?? 0);
    weights += weight;
  }
  return weights === 0 ? null : Math.round(weighted / weights);
}

function groupRollUps(rows: Row[], key: (row: Row) => string): Map<string, number | null> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return new Map([...groups].map(([k, list]) => [k, rollUp(list)]));
}

/** A goal is "in" a year when its planned period covers it, or, unplanned, when it is its deadline year. */
export function inYear(
  row: { planned_start: string | null; planned_end: string | null; deadline_year: number | null },
  year: number,
): boolean {
  const start = row.planned_start ? Number(row.planned_start.slice(0, 4)) : undefined;
  const end = row.planned_end ? Number(row.planned_end.slice(0, 4)) : undefined;
  if (start === undefined && end === undefined) return row.deadline_year === year;
  return (start ?? end ?? year) <= year && year <= (end ?? start ?? year);
}

/** The agenda table (filtered) with owners and roll-ups per strategic goal and opgave (unfiltered). */
export async function getAgenda(db: Db, regionId: number, filter: AgendaFilterInput) {
  // Memoised until the data changes: every evidence card and report reads the whole agenda.
  const [rows, owners] = await memoByDataVersion(db, `agenda:${regionId}`, () =>
    Promise.all([repo.listAgendaRows(db, regionId), repo.listOwners(db, regionId)]),
  );
  const ownedBy = (r: Row, slug: string) =>
    owners.some((o) => o.agenda_item_id === r.item_id && o.slug === slug);
  const shown = rows.filter(
    (r) =>
      (!filter.opgave || r.opgave_slug === filter.opgave) &&
      (!filter.status || (r.status ?? 'niet_gestart') === filter.status) &&
      (!filter.prioriteit || r.priority === filter.prioriteit) &&
      (!filter.eigenaar || ownedBy(r, filter.eigenaar)) &&
      (filter.jaar === undefined || inYear(r, filter.jaar)),
  );
  return {
    rows: shown,
    total: rows.length,
    owners,
    byStrategic: groupRollUps(rows, (r) => r.strategic_code),
    byOpgave: groupRollUps(rows, (r) => r.opgave_slug),
    opgaven: [
      ...new Map(
        rows.map((r) => [
          r.opgave_slug,
          { slug: r.opgave_slug, name: r.opgave_name, number: r.opgave_number },
        ]),
      ).values(),
    ],
  };
}

export type AgendaError = 'NotFound' | 'Forbidden' | 'UnknownOrganisation';

/** One goal's agenda item for its edit page, with the right to edit checked. */
export async function getAgendaItem(db: Db, user: SessionUser, rawCode: string) {
  const code = parseGoalCode(rawCode);
  if (code?.kind !== 'operational') return err('NotFound' as const);
  const rows = await repo.listAgendaRows(db, user.regionId);
  const row = rows.find((r) => r.code === code.code);
  if (!row) return err('NotFound' as const);
  const owners = (await repo.listOwners(db, user.regionId)).filter(
    (o) => o.agenda_item_id === row.item_id,
  );
  if (
    !canEditAgendaItem(
      user,
      owners.map((o) => o.organisation_id),
    )
  )
    return err('Forbidden' as const);
  const updates = row.item_id ? await repo.listUpdates(db, row.item_id) : [];
  return ok({ row, owners, updates, canAssignOwners: canAssignOwners(user) });
}

/** Saves status, priority, progress and planning, adds the dated update, audits and refreshes caches. */
export async function saveAgendaItem(
  db: Db,
  user: SessionUser,
  rawCode: string,
  input: ItemInput,
  ownerOrganisationIds: number[] | undefined,
): Promise<Result<{ code: string }, AgendaError>> {
  const found = await getAgendaItem(db, user, rawCode);
  if (!found.ok) return err(found.error);
  const { row } = found.value;
  const actor = `user:${user.id}`;
  await db.transaction().execute(async (trx) => {
    const { before, after } = await repo.saveItem(trx, row.goal_id, input, actor);
    if (ownerOrganisationIds && canAssignOwners(user))
      await repo.replaceOwners(trx, after.id, ownerOrganisationIds);
    const today = new Date().toISOString().slice(0, 10);
    const author = user.name || user.email;
    if (input.update)
      await repo.addUpdate(trx, after.id, { occurredOn: today, text: input.update, author });
    if (input.decision)
      await repo.addUpdate(trx, after.id, {
        occurredOn: today,
        text: input.decision,
        author,
        kind: 'besluit',
      });
    await repo.auditAgenda(trx, {
      actor,
      regionId: user.regionId,
      code: row.code,
      before,
      after: {
        ...after,
        owners: ownerOrganisationIds,
        update: input.update ?? null,
        decision: input.decision ?? null,
      },
    });
    await bumpDataVersion(trx);
  });
  return ok({ code: row.code });
}

/** An item needs attention after this many days without a progress update while it runs. */
export const STALE_DAYS = 90;

/**
 * "Aandacht nodig": items at risk or delayed, must-haves not started, and running items without
 * an update in STALE_DAYS days; each with the reason.
 */
export async function getAttention(db: Db, regionId: number, today = new Date()) {
  const [agenda, last] = await Promise.all([
    getAgenda(db, regionId, {}),
    repo.listLastUpdates(db, regionId),
  ]);
  const lastOn = new Map(last.map((l) => [l.agenda_item_id, String(l.last_on ?? '')]));
  const cutoff = new Date(today.getTime() - STALE_DAYS * 24 * 3600 * 1000)
    .toISOString()
    .slice(0, 10);
  const items = agenda.rows.flatMap((row) => {
    const reasons: string[] = [];
    const status = row.status ?? 'niet_gestart';
    if (status === 'risico' || status === 'vertraagd') reasons.push(`status ${status}`);
    if (row.priority === 'must' && status === 'niet_gestart')
      reasons.push('must have, nog niet gestart');
    const latest = row.item_id ? lastOn.get(row.item_id) : undefined;
    if (['loopt', 'risico', 'vertraagd'].includes(status) && (!latest || latest < cutoff)) {
      reasons.push(latest ? `laatste update ${latest}` : 'nog nooit een update');
    }
    return reasons.length > 0 ? [{ row, reasons }] : [];
  });
  return { items, total: agenda.total };
}

/** "Waar zijn wij trekker of initiatiefnemer": an organisation's owned and named goals. */
export async function getOrganisationAgenda(db: Db, regionId: number, organisationId: number) {
  const [agenda, named] = await Promise.all([
    getAgenda(db, regionId, {}),
    repo.listInitiatorGoalIds(db, organisationId),
  ]);
  const namedIds = new Set(named.map((n) => n.operational_goal_id));
  const ownedItems = new Set(
    agenda.owners.filter((o) => o.organisation_id === organisationId).map((o) => o.agenda_item_id),
  );
  const rows = agenda.rows
    .filter((r) => namedIds.has(r.goal_id) || (r.item_id !== null && ownedItems.has(r.item_id)))
    .map((r) => ({
      row: r,
      owner: r.item_id !== null && ownedItems.has(r.item_id),
      named: namedIds.has(r.goal_id),
    }));
  return { rows };
}

/** The agenda as export rows: one per operational goal, owners as `;`-separated slugs. */
export async function agendaExportRows(db: Db, regionId: number) {
  const agenda = await getAgenda(db, regionId, {});
  return agenda.rows.map((r) => ({
    code: r.code,
    status: r.status ?? 'niet_gestart',
    priority: r.priority ?? '',
    progress: r.item_id ? (r.progress ?? 0) : '',
    phase: r.phase ?? '',
    planned_start: r.planned_start ?? '',
    planned_end: r.planned_end ?? '',
    owners: agenda.owners
      .filter((o) => o.agenda_item_id === r.item_id)
      .map((o) => o.slug)
      .join(';'),
    updated_at: r.updated_at ? new Date(r.updated_at).toISOString() : '',
    updated_by: r.item_id ? (r.updated_by ?? '') : '',
  }));
}
