/**
 * Zod schemas for the human-editable plan data files under `data/regions/<region>/`.
 * These files are the reviewed transcription of a region's regioplan; the loader validates
 * them with these schemas before anything is written to the database.
 */
import { z } from 'zod';

const nonEmpty = z.string().trim().min(1, 'mag niet leeg zijn');

/** A slug: lowercase words joined by hyphens, used in stable URLs. */
export const Slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'moet een slug zijn (kleine letters, cijfers en streepjes)');

/** Strategic goal code as written in chapter 2, e.g. `2.1.1`. */
export const StrategicCode = z.string().regex(/^2\.[1-9]\.[1-9]$/, 'moet een code als 2.1.1 zijn');
/** Strategic goal code as written in chapter 1, e.g. `1.1.1`. */
export const Chapter1Code = z.string().regex(/^1\.[1-9]\.[1-9]$/, 'moet een code als 1.1.1 zijn');
/** Operational goal code in the plan's own notation, e.g. `2.1.1. A`. */
export const OperationalCode = z
  .string()
  .regex(/^2\.[1-9]\.[1-9]\. [A-Z]$/, "moet een code als '2.1.1. A' zijn");
/** Any goal code: strategic or operational. */
export const GoalCode = z.union([StrategicCode, OperationalCode]);

/**
 * A block of plan text. Plain strings are paragraphs; `**bold**` is the only inline markup.
 * Lists and headings keep the plan's structure without storing HTML.
 */
export const Block = z.union([
  nonEmpty,
  z.object({ list: z.array(nonEmpty).min(1), ordered: z.boolean().optional() }).strict(),
  z.object({ heading: nonEmpty }).strict(),
  z.object({ quote: nonEmpty, by: nonEmpty.optional() }).strict(),
]);
export const Blocks = z.array(Block);

/** The literal the plan uses for a cell that is still open. */
export const TBD = z.literal('nader te bepalen');

/** A party named in a goal's "Potentiële initiatiefnemers" cell. */
export const PartyRef = z.union([
  nonEmpty,
  z
    .object({
      name: nonEmpty,
      organisation: Slug.optional(),
      note: nonEmpty.optional(),
    })
    .strict(),
]);

export const OperationalGoalFile = z
  .object({
    code: OperationalCode,
    kind: z.enum(['operationeel_doel', 'oplossingsrichting']).default('operationeel_doel'),
    label: nonEmpty.optional(),
    text: nonEmpty.optional(),
    text_missing: z.literal(true).optional(),
    details: Blocks.default([]),
    planning: z.array(z.enum(['2024', '2025', '2026', '2027+'])).default([]),
    deadline_year: z.number().int().min(2023).max(2040).optional(),
    deadline_note: nonEmpty.optional(),
    target: nonEmpty.optional(),
    related: z.array(GoalCode).default([]),
    inspiration: z.union([TBD, z.array(nonEmpty)]).optional(),
    initiators: z.union([TBD, z.array(PartyRef)]).optional(),
  })
  .strict()
  .refine((goal) => goal.text !== undefined || goal.text_missing === true, {
    message: 'een operationeel doel heeft een tekst, of text_missing: true als de bron hem mist',
    path: ['text'],
  });

export const StrategicGoalFile = z
  .object({
    code: StrategicCode,
    chapter1_code: Chapter1Code,
    text_chapter1: nonEmpty,
    text_chapter2: nonEmpty,
    related: z.array(GoalCode).default([]),
    notes: Blocks.default([]),
    operational_goals: z.array(OperationalGoalFile),
  })
  .strict();

export const TitledBlocks = z.object({ title: nonEmpty, blocks: Blocks }).strict();

export const OpgaveFile = z
  .object({
    number: z.number().int().min(1).max(9),
    letter: z.string().regex(/^[a-z]$/),
    slug: Slug,
    name: nonEmpty,
    slogan: nonEmpty,
    keywords: z.array(nonEmpty).default([]),
    why: Blocks.min(1),
    strategic_intro: Blocks.default([]),
    focus: z.array(TitledBlocks).default([]),
    extra_sections: z.array(TitledBlocks).default([]),
    chapter2_intro: nonEmpty,
    chapter2_sections: z.array(TitledBlocks).default([]),
    strategic_goals: z.array(StrategicGoalFile).min(1),
  })
  .strict();

export const ThemeFile = z
  .object({
    number: z.number().int().min(1).max(9),
    slug: Slug,
    name: nonEmpty,
    motto: nonEmpty.optional(),
    ambition_2040: Blocks.min(1),
  })
  .strict();

export const RegionFile = z
  .object({
    region: z
      .object({
        code: Slug,
        name: nonEmpty,
        cbs_code: z
          .string()
          .regex(/^PV\d{2}$/, 'moet een CBS-provinciecode als PV22 zijn')
          .optional(),
      })
      .strict(),
    plan: z
      .object({
        title: nonEmpty,
        subtitle: nonEmpty.optional(),
        brand: nonEmpty.optional(),
        version: nonEmpty,
        published_on: z.iso.date().optional(),
        source: nonEmpty,
      })
      .strict(),
    ambition: z.object({ name: nonEmpty, horizon_year: z.number().int(), text: nonEmpty }).strict(),
    overarching_task: TitledBlocks.optional(),
    themes: z.array(ThemeFile).min(1),
    guiding_threads: z.array(z.object({ slug: Slug, name: nonEmpty }).strict()).min(1),
  })
  .strict();

export const ProgrammeFile = z
  .object({
    number: z.number().int().min(1),
    slug: Slug,
    name: nonEmpty,
    objective: Blocks.min(1),
    context: Blocks.default([]),
    partners: z.array(PartyRef).default([]),
    contribution: Blocks.default([]),
    contributes_to: z
      .object({
        goals: z.array(GoalCode).default([]),
        opgaven: z.array(Slug).default([]),
      })
      .strict(),
    more_info: nonEmpty.optional(),
  })
  .strict();
export const ProgrammesFile = z.object({ programmes: z.array(ProgrammeFile) }).strict();

export const OrganisationFile = z
  .object({
    slug: Slug,
    name: nonEmpty,
    short_name: nonEmpty.optional(),
    aliases: z.array(nonEmpty).default([]),
    is_group: z.boolean().default(false),
    /** Sector of an organisation the plan names outside the Bijlage B coalition table. */
    sector: Slug.optional(),
    description: nonEmpty.optional(),
  })
  .strict();

export const SectorFile = z
  .object({
    slug: Slug,
    name: nonEmpty,
    /** Group names the plan uses for the whole sector ("Gemeenten", "Welzijn", "Huisartsen"). */
    aliases: z.array(nonEmpty).default([]),
    leidend: z.array(Slug).default([]),
    breed: z.array(Slug).default([]),
  })
  .strict();

export const OrganisationsFile = z
  .object({ sectors: z.array(SectorFile).min(1), organisations: z.array(OrganisationFile).min(1) })
  .strict();

export const GovernanceRole = z
  .object({
    role: z.enum([
      'opdrachtgever',
      'voorzitter',
      'lid',
      'bestuurlijk_trekker',
      'schrijfteamlid',
      'facilitator',
      'programmamanager',
      'coordinerend',
      'intermediair',
      'ondertekenaar',
      'uitvoerder',
    ]),
    organisation: Slug.optional(),
    name: nonEmpty.optional(),
    person: nonEmpty.optional(),
    function: nonEmpty.optional(),
    note: nonEmpty.optional(),
  })
  .strict()
  .refine((r) => r.organisation !== undefined || r.name !== undefined || r.person !== undefined, {
    message: 'een rol noemt een organisatie, een naam of een persoon',
  });

export const GovernanceBodyFile = z
  .object({
    slug: Slug,
    name: nonEmpty,
    kind: z.enum([
      'programmaraad',
      'programmateam',
      'schrijfteam',
      'samenwerkingsstructuur',
      'overleg',
      'coalitie',
      'ondertekening',
      'communicatie',
    ]),
    theme: Slug.optional(),
    motto: nonEmpty.optional(),
    description: Blocks.default([]),
    roles: z.array(GovernanceRole).default([]),
    work_agenda: z.array(nonEmpty).default([]),
  })
  .strict();

export const GovernanceFile = z
  .object({
    bodies: z.array(GovernanceBodyFile).min(1),
    shared_threads: z.array(nonEmpty).default([]),
  })
  .strict();

export const GlossaryFile = z
  .object({
    terms: z.array(z.object({ term: nonEmpty, definition: Blocks.min(1) }).strict()).min(1),
    abbreviations: z.array(z.object({ abbreviation: nonEmpty, meaning: nonEmpty }).strict()).min(1),
  })
  .strict();

export const SectionFile = z
  .object({
    slug: Slug,
    chapter: nonEmpty,
    title: nonEmpty,
    blocks: Blocks.min(1),
  })
  .strict();
export const SectionsFile = z.object({ sections: z.array(SectionFile) }).strict();

export const InitiativeFile = z
  .object({
    slug: Slug,
    name: nonEmpty,
    aliases: z.array(nonEmpty).default([]),
    description: Blocks.default([]),
  })
  .strict();
export const InitiativesFile = z.object({ initiatives: z.array(InitiativeFile) }).strict();

export type BlockT = z.infer<typeof Block>;
export type OperationalGoalData = z.infer<typeof OperationalGoalFile>;
export type StrategicGoalData = z.infer<typeof StrategicGoalFile>;
export type OpgaveData = z.infer<typeof OpgaveFile>;
export type RegionData = z.infer<typeof RegionFile>;
export type ProgrammeData = z.infer<typeof ProgrammeFile>;
export type OrganisationsData = z.infer<typeof OrganisationsFile>;
export type GovernanceData = z.infer<typeof GovernanceFile>;
export type GlossaryData = z.infer<typeof GlossaryFile>;
export type SectionData = z.infer<typeof SectionFile>;
export type InitiativeData = z.infer<typeof InitiativeFile>;
export type PartyRefData = z.infer<typeof PartyRef>;
