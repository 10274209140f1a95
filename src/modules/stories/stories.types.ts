/** Stories, process notes and panel results: fixed lists, and the zod schemas of forms and filters. */
import { z } from 'zod';
import type {
  ConsentBy,
  ConsentMethod,
  ProcessNoteSubject,
  StoryRole,
  StoryStatus,
} from '../../db/schema.js';

export type { ConsentBy, ConsentMethod, ProcessNoteSubject, StoryRole, StoryStatus };

export const STORY_ROLES: Record<StoryRole, string> = {
  inwoner: 'Inwoner',
  professional: 'Professional',
  mantelzorger: 'Mantelzorger',
};
export const STORY_ROLE_NAMES = Object.keys(STORY_ROLES) as StoryRole[];

export const STORY_STATUSES: Record<StoryStatus, string> = {
  concept: 'Concept',
  ingediend: 'Ingediend',
  gepubliceerd: 'Gepubliceerd',
  afgewezen: 'Afgewezen',
};
export const STORY_STATUS_NAMES = Object.keys(STORY_STATUSES) as StoryStatus[];

/**
 * Target groups as the regioplan names them: its definition of "kwetsbare groepen" (ouderen,
 * jeugd, mentale problemen, sociaaleconomisch kwetsbare positie, beperking), plus the groups its
 * opgaven address by name (kwetsbare ouderen, dementie, mantelzorgers, kansrijke start,
 * professionals and vrijwilligers). A fixed list, so stories can be counted per group.
 */
export const TARGET_GROUPS = {
  'alle-inwoners': 'Alle inwoners',
  jeugd: 'Jeugd (kinderen en jongeren)',
  'kansrijke-start': 'Zwangeren en jonge gezinnen (kansrijke start)',
  ouderen: 'Ouderen',
  'kwetsbare-ouderen': 'Kwetsbare ouderen',
  dementie: 'Mensen met dementie',
  mantelzorgers: 'Mantelzorgers',
  'psychische-kwetsbaarheid': 'Mensen met psychische kwetsbaarheid',
  'sociaaleconomisch-kwetsbaar': 'Inwoners in een sociaaleconomisch kwetsbare positie',
  beperking: 'Mensen met een beperking',
  professionals: 'Professionals in zorg en welzijn',
  vrijwilligers: 'Vrijwilligers',
} as const;
export type TargetGroup = keyof typeof TARGET_GROUPS;
export const TARGET_GROUP_NAMES = Object.keys(TARGET_GROUPS) as TargetGroup[];

export const CONSENT_BY: Record<ConsentBy, string> = {
  verteller: 'De verteller zelf',
  vertegenwoordiger: 'Een ouder, voogd of wettelijk vertegenwoordiger',
};
export const CONSENT_METHODS: Record<ConsentMethod, string> = {
  mondeling: 'Mondeling (en door u vastgelegd)',
  schriftelijk: 'Schriftelijk (op papier getekend)',
  digitaal: 'Digitaal (e-mail of online formulier)',
};

export const NOTE_SUBJECTS: Record<ProcessNoteSubject, string> = {
  opgave: 'Opgave',
  governance: 'Overleg of orgaan',
  samenwerking: 'De samenwerking in het algemeen',
};

/** Fewer respondents than this in an area and period: the distribution is not shown anywhere. */
export const PANEL_MIN_RESPONDENTS = 10;
export const PANEL_COLUMNS = ['period', 'area_code', 'option', 'count'] as const;
export const PANEL_IMPORT_KIND = 'panel';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;

/** A real calendar day (yyyy-mm-dd), not in the future. */
export function isPastDay(value: string, today = new Date()): boolean {
  const m = DAY.exec(value);
  if (!m) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return (
    !Number.isNaN(date.getTime()) &&
    date.toISOString().slice(0, 10) === value &&
    value <= today.toISOString().slice(0, 10) &&
    value >= '2000-01-01'
  );
}

/** A day (yyyy-mm-dd) or a month (yyyy-mm), not in the future: stories often only have a month. */
export function isPastDayOrMonth(value: string, today = new Date()): boolean {
  const m = MONTH.exec(value);
  if (!m) return isPastDay(value, today);
  const month = Number(m[2]);
  return (
    month >= 1 && month <= 12 && value <= today.toISOString().slice(0, 7) && value >= '2000-01'
  );
}

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());
const checkbox = z
  .string()
  .optional()
  .transform((v) => v === 'on' || v === '1' || v === 'true');

export const StoryForm = z.object({
  text: z
    .string({ message: 'Schrijf het verhaal.' })
    .trim()
    .min(10, 'Schrijf het verhaal (minstens 10 tekens).')
    .max(4000, 'Een verhaal is hoogstens 4000 tekens. Maak het korter.'),
  role: z.enum(STORY_ROLE_NAMES as [StoryRole, ...StoryRole[]], {
    message: 'Kies wie het verhaal vertelt: inwoner, professional of mantelzorger.',
  }),
  told_on: z
    .string({ message: 'Vul de datum van het verhaal in.' })
    .trim()
    .refine(
      (v) => isPastDayOrMonth(v),
      'Vul een datum in als 2025-03-14 of een maand als 2025-03.',
    ),
  area: z
    .string({ message: 'Kies een gemeente of wijk.' })
    .regex(/^(GM[0-9]{4}|WK[0-9]{6})$/, 'Kies een gemeente of wijk.'),
  goals: optional(z.string().trim().max(500, 'Hoogstens 500 tekens.')),
  consent_by: z.enum(Object.keys(CONSENT_BY) as [ConsentBy, ...ConsentBy[]], {
    message: 'Leg vast wie toestemming gaf. Zonder toestemming kunt u niet opslaan.',
  }),
  consent_method: z.enum(Object.keys(CONSENT_METHODS) as [ConsentMethod, ...ConsentMethod[]], {
    message: 'Leg vast hoe de toestemming is gegeven.',
  }),
  consent_recorded_by: z
    .string({ message: 'Vul in wie de toestemming vastlegde.' })
    .trim()
    .min(2, 'Vul in wie de toestemming vastlegde (functie en organisatie).')
    .max(200, 'Hoogstens 200 tekens.'),
  consent_on: z
    .string({ message: 'Vul de datum van de toestemming in.' })
    .trim()
    .refine((v) => isPastDay(v), 'Vul de datum van de toestemming in als 2025-03-14.'),
  is_demo: checkbox,
  privacy_confirmed: checkbox,
  checked_names: z.string().max(2000, 'Laad het formulier opnieuw.').optional(),
  actie: z
    .enum(['concept', 'indienen', 'opslaan'], { message: 'Kies opslaan als concept of indienen.' })
    .default('concept'),
});
export type StoryFormInput = z.infer<typeof StoryForm>;

/** The values of checkboxes named `<prefix>:<value>` (one name per box keeps forms simple). */
export function checkedValues(form: Record<string, string>, prefix: string): string[] {
  return Object.keys(form)
    .filter((key) => key.startsWith(`${prefix}:`) && form[key] !== '')
    .map((key) => key.slice(prefix.length + 1));
}

export const RejectForm = z.object({
  reason: z
    .string({ message: 'Schrijf waarom u het verhaal afwijst.' })
    .trim()
    .min(5, 'Schrijf waarom u het verhaal afwijst (minstens 5 tekens).')
    .max(1000, 'Hoogstens 1000 tekens.'),
});

const slug = z.string().regex(/^[a-z0-9-]{1,80}$/, 'Onbekende opgave.');

export const PublicStoryFilter = z
  .object({
    opgave: optional(slug),
    rol: optional(
      z.enum(STORY_ROLE_NAMES as [StoryRole, ...StoryRole[]], { message: 'Onbekende rol.' }),
    ),
    pagina: optional(
      z.coerce
        .number({ message: 'Onbekende pagina.' })
        .int('Onbekende pagina.')
        .min(1, 'Onbekende pagina.')
        .max(1000, 'Onbekende pagina.'),
    ),
  })
  .strict();
export type PublicStoryFilterInput = z.infer<typeof PublicStoryFilter>;

export const AdminStoryFilter = z
  .object({
    status: optional(
      z.enum(STORY_STATUS_NAMES as [StoryStatus, ...StoryStatus[]], {
        message: 'Onbekende status.',
      }),
    ),
    opgeslagen: z.string().optional(),
  })
  .strict();

export const ProcessNoteForm = z.object({
  noted_on: z
    .string({ message: 'Vul de datum in.' })
    .trim()
    .refine((v) => isPastDay(v), 'Vul de datum in als 2025-03-14.'),
  subject: z
    .string({ message: 'Kies waar de notitie over gaat.' })
    .regex(
      /^(samenwerking|opgave:[a-z0-9-]{1,80}|governance:[a-z0-9-]{1,120})$/,
      'Kies waar de notitie over gaat.',
    ),
  text: z
    .string({ message: 'Schrijf de notitie.' })
    .trim()
    .min(5, 'Schrijf de notitie (minstens 5 tekens).')
    .max(8000, 'Een notitie is hoogstens 8000 tekens.'),
  is_public: checkbox,
});
export type ProcessNoteInput = z.infer<typeof ProcessNoteForm>;

export const PanelQuestionForm = z.object({
  question: z
    .string({ message: 'Vul de vraag in.' })
    .trim()
    .min(5, 'Vul de vraag in (minstens 5 tekens).')
    .max(500, 'Een vraag is hoogstens 500 tekens.'),
  options: z
    .string({ message: 'Vul de antwoordmogelijkheden in.' })
    .transform((v) =>
      v
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(z.string().max(100, 'Een antwoordmogelijkheid is hoogstens 100 tekens.'))
        .min(2, 'Vul minstens 2 antwoordmogelijkheden in, elk op een eigen regel.')
        .max(20, 'Hoogstens 20 antwoordmogelijkheden.')
        .refine(
          (list) => new Set(list.map((o) => o.toLowerCase())).size === list.length,
          'Elke antwoordmogelijkheid mag maar één keer voorkomen.',
        ),
    ),
  source: z
    .string({ message: 'Vul de bron in.' })
    .trim()
    .min(2, 'Vul de bron in, bijvoorbeeld "Drents Panel".')
    .max(200, 'Hoogstens 200 tekens.'),
  is_demo: checkbox,
});
export type PanelQuestionInput = z.infer<typeof PanelQuestionForm>;

/** One row of a panel upload; the same columns as the CSV export of a question's results. */
export const PanelRow = z.object({
  period: z
    .string()
    .trim()
    .regex(
      /^20[0-9]{2}(-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$/,
      'Periode is een jaar (2025), halfjaar (2025-H1), kwartaal (2025-Q2) of maand (2025-03).',
    ),
  area_code: z.string().trim().min(1, 'Gebiedscode ontbreekt.'),
  option: z.string().trim().min(1, 'Antwoord ontbreekt.').max(100, 'Antwoord is te lang.'),
  count: z
    .string()
    .trim()
    .regex(/^[0-9]{1,7}$/, 'Aantal is een heel getal van 0 of meer.')
    .transform(Number),
});
export type PanelRowInput = z.infer<typeof PanelRow>;
