/**
 * Evidence cards ("alles over één opgave of doel op één pagina"): indicators with trend and target,
 * agenda progress, the latest updates and decisions. Also the provincial overview of all opgaven.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { err, ok } from '../../lib/result.js';
import { getAgenda, latestAgendaUpdates } from '../agenda/index.js';
import {
  type IndicatorSummary,
  indicatorsForGoals,
  listIndicatorSummaries,
} from '../indicators/index.js';
import { type GoalIndexEntry, goalIndex, parseGoalCode } from '../plan/index.js';
import {
  listProcessNotes,
  listPublishedStories,
  type Note,
  type PublicStory,
} from '../stories/index.js';

type Db = Kysely<Database>;
export type Scope = { regionId: number; regionAreaCode: string; publicOnly: boolean };
type AgendaData = Awaited<ReturnType<typeof getAgenda>>;
type AgendaRow = AgendaData['rows'][number];

export type StatusCounts = Record<string, number>;

function countStatuses(rows: AgendaRow[]): StatusCounts {
  const counts: StatusCounts = {};
  for (const r of rows)
    counts[r.status ?? 'niet_gestart'] = (counts[r.status ?? 'niet_gestart'] ?? 0) + 1;
  return counts;
}

function countTargets(indicators: IndicatorSummary[]): StatusCounts {
  const counts: StatusCounts = {};
  for (const t of indicators.flatMap((i) => i.targets))
    counts[t.status.status] = (counts[t.status.status] ?? 0) + 1;
  return counts;
}

export type Evidence = {
  kind: 'opgave' | 'doel';
  title: string;
  code: string;
  opgave: { slug: string; name: string; number: number };
  goals: GoalIndexEntry[];
  progress: number | null;
  agendaRows: AgendaRow[];
  statusCounts: StatusCounts;
  indicators: IndicatorSummary[];
  updates: Awaited<ReturnType<typeof latestAgendaUpdates>>;
  stories: PublicStory[];
  notes: Note[];
};

async function build(
  db: Db,
  scope: Scope,
  head: { kind: 'opgave' | 'doel'; title: string; code: string; opgave: GoalIndexEntry },
  goals: GoalIndexEntry[],
  agenda: AgendaData,
  progress: number | null,
): Promise<Evidence> {
  const codes = goals.map((g) => g.code);
  const operational = new Set(goals.filter((g) => g.kind === 'operational').map((g) => g.code));
  const agendaRows = agenda.rows.filter((r) => operational.has(r.code));
  const storyFilter =
    head.kind === 'opgave'
      ? { opgaveSlug: head.code, limit: 5 }
      : { goalCode: head.code, limit: 5 };
  const [indicators, updates, stories, notes] = await Promise.all([
    indicatorsForGoals(db, scope, codes),
    latestAgendaUpdates(db, scope.regionId, [...operational], {
      limit: 8,
      publicOnly: scope.publicOnly,
    }),
    listPublishedStories(db, scope.regionId, storyFilter),
    head.kind === 'opgave'
      ? listProcessNotes(db, scope.regionId, {
          publicOnly: scope.publicOnly,
          opgaveSlug: head.code,
          limit: 5,
        })
      : Promise.resolve([]),
  ]);
  return {
    kind: head.kind,
    title: head.title,
    code: head.code,
    opgave: {
      slug: head.opgave.opgaveSlug,
      name: head.opgave.opgaveName,
      number: head.opgave.opgaveNumber,
    },
    goals,
    progress,
    agendaRows,
    statusCounts: countStatuses(agendaRows),
    indicators,
    updates,
    stories,
    notes,
  };
}

/** The card of one opgave: all its goals. */
export async function evidenceForOpgave(db: Db, scope: Scope, slug: string) {
  const [index, agenda] = await Promise.all([
    goalIndex(db, scope.regionId),
    getAgenda(db, scope.regionId, {}),
  ]);
  const goals = [...index.values()].filter((g) => g.opgaveSlug === slug);
  const first = goals[0];
  if (!first) return err('NotFound' as const);
  return ok(
    await build(
      db,
      scope,
      { kind: 'opgave', title: first.opgaveName, code: slug, opgave: first },
      goals,
      agenda,
      agenda.byOpgave.get(slug) ?? null,
    ),
  );
}

/** The card of one goal: a strategic goal with its operational goals, or one operational goal. */
export async function evidenceForGoal(db: Db, scope: Scope, rawCode: string) {
  const parsed = parseGoalCode(rawCode);
  if (!parsed) return err('NotFound' as const);
  const [index, agenda] = await Promise.all([
    goalIndex(db, scope.regionId),
    getAgenda(db, scope.regionId, {}),
  ]);
  const goal = index.get(parsed.code);
  if (!goal) return err('NotFound' as const);
  const goals =
    goal.kind === 'strategic'
      ? [...index.values()].filter((g) => g.strategicCode === goal.code)
      : [goal];
  const progress =
    goal.kind === 'strategic'
      ? (agenda.byStrategic.get(goal.code) ?? null)
      : (() => {
          // No agenda item yet: unknown progress, as the plan page shows ("–"), not 0%.
          const row = agenda.rows.find((r) => r.code === goal.code);
          return row?.item_id ? (row.progress ?? 0) : null;
        })();
  return ok(
    await build(
      db,
      scope,
      { kind: 'doel', title: goal.text, code: goal.code, opgave: goal },
      goals,
      agenda,
      progress,
    ),
  );
}

/** The provincial overview: per opgave its progress, agenda statuses and indicator statuses. */
export async function provincialOverview(db: Db, scope: Scope) {
  const [index, agenda, indicators] = await Promise.all([
    goalIndex(db, scope.regionId),
    getAgenda(db, scope.regionId, {}),
    listIndicatorSummaries(db, scope),
  ]);
  const opgaven = agenda.opgaven.map((o) => {
    const codes = new Set(
      [...index.values()].filter((g) => g.opgaveSlug === o.slug).map((g) => g.code),
    );
    const own = indicators.filter((i) => i.goals.some((g) => codes.has(g.code)));
    const rows = agenda.rows.filter((r) => r.opgave_slug === o.slug);
    return {
      ...o,
      progress: agenda.byOpgave.get(o.slug) ?? null,
      goals: rows.length,
      statusCounts: countStatuses(rows),
      indicatorCount: own.length,
      targetCounts: countTargets(own),
    };
  });
  return {
    opgaven,
    targetCounts: countTargets(indicators),
    statusCounts: countStatuses(agenda.rows),
    total: agenda.total,
  };
}
