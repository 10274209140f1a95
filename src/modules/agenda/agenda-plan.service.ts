/**
 * The werkagenda as the plan's public pages show it: roll-ups on strategic-goal and opgave pages,
 * and an operational goal's state, owners and latest updates. Implements the plan module's
 * AgendaProvider, so the plan module never imports this one (the app wires them together).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { AgendaGoalDetail, AgendaProvider, AgendaRollUp } from '../plan/index.js';
import * as repo from './agenda.repository.js';
import { getAgenda } from './agenda.service.js';
import { PRIORITIES, ROLLUP_RULE, STATUSES } from './agenda.types.js';

/** A goal page shows this many of the latest progress updates and decisions. */
export const LATEST_UPDATES = 5;

type Agenda = Awaited<ReturnType<typeof getAgenda>>;
type Row = Agenda['rows'][number];

function planned(row: Row): string | null {
  if (!row.planned_start && !row.planned_end) return null;
  return `${row.planned_start ?? '?'} tot en met ${row.planned_end ?? '?'}`;
}

function part(row: Row) {
  return {
    code: row.code,
    progress: row.item_id ? row.progress : null,
    status: STATUSES[row.status ?? 'niet_gestart'],
    priority: row.priority ? PRIORITIES[row.priority] : null,
  };
}

/** The provider the app hands to the plan routes. */
export function agendaForPlan(db: Kysely<Database>): AgendaProvider {
  return {
    async strategicGoal(regionId, code): Promise<AgendaRollUp> {
      const agenda = await getAgenda(db, regionId, {});
      return {
        progress: agenda.byStrategic.get(code) ?? null,
        rule: ROLLUP_RULE,
        parts: agenda.rows.filter((r) => r.strategic_code === code).map(part),
      };
    },
    async opgave(regionId, slug): Promise<AgendaRollUp> {
      const agenda = await getAgenda(db, regionId, { opgave: slug });
      const strategic = [...new Set(agenda.rows.map((r) => r.strategic_code))];
      return {
        progress: agenda.byOpgave.get(slug) ?? null,
        rule: ROLLUP_RULE,
        parts: strategic.map((code) => ({
          code,
          progress: agenda.byStrategic.get(code) ?? null,
        })),
      };
    },
    async operationalGoal(regionId, code): Promise<AgendaGoalDetail | undefined> {
      const agenda = await getAgenda(db, regionId, {});
      const row = agenda.rows.find((r) => r.code === code);
      if (!row) return undefined;
      const updates = row.item_id ? await repo.listUpdates(db, row.item_id, true) : [];
      return {
        ...part(row),
        phase: row.phase,
        planned: planned(row),
        owners: agenda.owners
          .filter((o) => o.agenda_item_id === row.item_id)
          .map((o) => ({ slug: o.slug, name: o.name })),
        // Text and date only: authors are partner staff, not published on the public site.
        updates: updates.slice(0, LATEST_UPDATES).map((u) => ({
          occurredOn: u.occurred_on,
          kind: u.kind,
          text: u.text,
        })),
      };
    },
  };
}
