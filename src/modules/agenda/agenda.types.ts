/** Werkagenda: statuses, priorities, the roll-up rule and the zod schemas of its forms. */
import { z } from 'zod';
import type { AgendaStatus, Priority } from '../../db/schema.js';

export type { AgendaStatus, Priority };

export const STATUSES: Record<AgendaStatus, string> = {
  niet_gestart: 'Niet gestart',
  loopt: 'Loopt',
  risico: 'Risico',
  vertraagd: 'Vertraagd',
  afgerond: 'Afgerond',
  gestopt: 'Gestopt',
};
export const STATUS_NAMES = Object.keys(STATUSES) as AgendaStatus[];

export const PRIORITIES: Record<Priority, string> = {
  must: 'Must have',
  should: 'Should have',
  could: 'Could have',
};
export const PRIORITY_NAMES = Object.keys(PRIORITIES) as Priority[];

/** Roll-up weights: must-haves count three times, should-haves twice (regioplan 3.1: must first). */
export const PRIORITY_WEIGHT: Record<Priority | 'geen', number> = {
  must: 3,
  should: 2,
  could: 1,
  geen: 1,
};
export const ROLLUP_RULE =
  'Voortgang van een strategisch doel of opgave = gewogen gemiddelde van de voortgang van de operationele doelen eronder. Gewicht: must 3, should 2, could 1, geen prioriteit 1. Gestopte doelen tellen niet mee.';

/** A planned period: a year (`2025`) or a quarter (`2025-Q3`); the database checks the same. */
export const PERIOD_PATTERN = /^20[2-4][0-9](-Q[1-4])?$/;
export const PERIOD_MESSAGE = 'Schrijf een jaar (2025) of een kwartaal (2025-Q3).';
const period = z.string().trim().regex(PERIOD_PATTERN, PERIOD_MESSAGE);

/** A year counts as its first quarter at the start and its last quarter at the end. */
function quarterOf(value: string, edge: 'start' | 'end'): number {
  const quarter = value.includes('-Q') ? Number(value.slice(-1)) : edge === 'start' ? 1 : 4;
  return Number(value.slice(0, 4)) * 4 + quarter;
}

/** False when the end lies before the start (`2025-Q3` … `2025` is fine: 2025 ends in Q4). */
export function periodsInOrder(start: string | undefined, end: string | undefined): boolean {
  return !start || !end || quarterOf(start, 'start') <= quarterOf(end, 'end');
}
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

export const ItemForm = z
  .object({
    status: z.enum(STATUS_NAMES as [AgendaStatus, ...AgendaStatus[]], {
      message: 'Kies een status.',
    }),
    priority: optional(
      z.enum(PRIORITY_NAMES as [Priority, ...Priority[]], {
        message: 'Kies must, should of could.',
      }),
    ),
    progress: z.coerce
      .number({ message: 'Vul een getal in.' })
      .int('Vul een heel getal in.')
      .min(0, 'Minimaal 0%.')
      .max(100, 'Maximaal 100%.'),
    phase: optional(z.string().trim().max(120, 'Hoogstens 120 tekens.')),
    planned_start: optional(period),
    planned_end: optional(period),
    update: optional(
      z.string().trim().max(4000, 'Een voortgangsbericht is hoogstens 4000 tekens.'),
    ),
    decision: optional(z.string().trim().max(4000, 'Een besluit is hoogstens 4000 tekens.')),
  })
  .refine((f) => periodsInOrder(f.planned_start, f.planned_end), {
    message: 'Het einde ligt vóór het begin.',
    path: ['planned_end'],
  });
export type ItemInput = z.infer<typeof ItemForm>;

export const AgendaFilter = z
  .object({
    opgave: optional(z.string().regex(/^[a-z0-9-]{1,80}$/, 'Onbekende opgave.')),
    status: optional(
      z.enum(STATUS_NAMES as [AgendaStatus, ...AgendaStatus[]], { message: 'Onbekende status.' }),
    ),
    prioriteit: optional(
      z.enum(PRIORITY_NAMES as [Priority, ...Priority[]], { message: 'Onbekende prioriteit.' }),
    ),
    eigenaar: optional(z.string().regex(/^[a-z0-9-]{1,120}$/, 'Onbekende organisatie.')),
    jaar: optional(
      z.coerce
        .number({ message: 'Kies een jaar.' })
        .int('Kies een jaar.')
        .min(2023, 'Kies een jaar vanaf 2023.')
        .max(2040, 'Kies een jaar tot en met 2040.'),
    ),
  })
  .strict();
export type AgendaFilterInput = z.infer<typeof AgendaFilter>;

/** Columns of the agenda export; the import takes exactly these (same columns both ways). */
export const AGENDA_COLUMNS = [
  'code',
  'status',
  'priority',
  'progress',
  'phase',
  'planned_start',
  'planned_end',
  'owners',
  'updated_at',
  'updated_by',
] as const;
