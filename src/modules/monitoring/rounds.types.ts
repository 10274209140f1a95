/** Monitoring rounds: the zod schemas of their forms. */
import { z } from 'zod';
import type { AgendaStatus, Priority } from '../../db/schema.js';
import { PERIOD_MESSAGE, PERIOD_PATTERN, periodsInOrder } from '../agenda/index.js';

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());
// The agenda's own period rules: the same pattern, and a year counts as its last quarter at the end.
const period = z.string().trim().regex(PERIOD_PATTERN, PERIOD_MESSAGE);

export const RoundForm = z.object({
  code: z
    .string()
    .trim()
    .regex(/^20[0-9]{2}(-(H[12]|Q[1-4]))?$/, 'Schrijf de ronde als 2025, 2025-H1 of 2025-Q3.'),
  title: z.string().trim().min(3, 'Geef de ronde een titel.').max(200, 'Hoogstens 200 tekens.'),
});

export const InterpretationForm = z.object({
  subject: z.string().regex(/^(opgave|doel|indicator):.{1,80}$/, 'Kies waar de duiding over gaat.'),
  text: z
    .string()
    .trim()
    .min(10, 'Schrijf de duiding in een paar zinnen (minstens 10 tekens).')
    .max(4000, 'Hoogstens 4000 tekens.'),
});

export const DialogueForm = z.object({
  held_on: z
    .string()
    .trim()
    .regex(/^20[0-9]{2}-[01][0-9]-[0-3][0-9]$/, 'Datum als 2026-03-14.'),
  participants: z
    .string()
    .trim()
    .min(3, 'Noem wie er meededen: per regel een rol en een organisatie.')
    .max(4000, 'Hoogstens 4000 tekens.'),
  notes: z.string().trim().min(10, 'Vat het gesprek samen.').max(8000, 'Hoogstens 8000 tekens.'),
});

export const DecisionForm = z
  .object({
    goal: z.string().trim().min(1, 'Kies het doel waar het besluit over gaat.'),
    reason: z
      .string()
      .trim()
      .min(10, 'Schrijf waarom (minstens 10 tekens).')
      .max(4000, 'Hoogstens 4000 tekens.'),
    priority: optional(
      z.enum(['must', 'should', 'could'], { message: 'Kies must, should of could.' }),
    ),
    status: optional(
      z.enum(['niet_gestart', 'loopt', 'risico', 'vertraagd', 'afgerond', 'gestopt'], {
        message: 'Kies een status.',
      }),
    ),
    planned_start: optional(period),
    planned_end: optional(period),
  })
  .refine((f) => f.priority || f.status || f.planned_start || f.planned_end, {
    message: 'Een besluit verandert iets: kies een prioriteit, status of planning.',
    path: ['priority'],
  })
  .refine((f) => periodsInOrder(f.planned_start, f.planned_end), {
    message: 'Het einde ligt vóór het begin.',
    path: ['planned_end'],
  });
export type DecisionInputForm = z.infer<typeof DecisionForm>;
export type { AgendaStatus, Priority };

export const CloseForm = z.object({
  summary: z
    .string()
    .trim()
    .min(10, 'Schrijf een korte samenvatting.')
    .max(8000, 'Hoogstens 8000 tekens.'),
  is_public: optional(z.literal('ja')),
});

/** "rol – organisatie" per line; people are never named, only their role. */
export function parseParticipants(text: string): Array<{ role: string; organisation: string }> {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(0, 100)
    .map((line) => {
      const [role, ...rest] = line.split(/\s+[–-]\s+|,\s*/);
      return { role: (role ?? '').slice(0, 120), organisation: rest.join(', ').slice(0, 200) };
    });
}
