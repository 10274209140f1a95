/** The data source catalogue: who publishes what, under which licence, with which disclosure rules. */
import { z } from 'zod';

const code = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,79}$/, 'Code: kleine letters, cijfers en streepjes.');

/** One entry of a region's `sources.yaml`. */
export const SourceSeed = z.object({
  code,
  provider: z.string().trim().min(1),
  dataset: z.string().trim().min(1),
  licence: z.string().trim().min(1),
  url: z.string().url().optional(),
  description: z.string().default(''),
  refresh: z.string().trim().min(1),
  threshold: z.number().int().min(1).max(1000).default(10),
  decimals: z.number().int().min(0).max(4).optional(),
  count_base: z.number().int().min(1).max(100).optional(),
});
export type SourceSeedT = z.infer<typeof SourceSeed>;
export const SourcesFile = z.object({ sources: z.array(SourceSeed) });

const optionalInt = (min: number, max: number, message: string) =>
  z
    .string()
    .trim()
    .transform((v, ctx) => {
      if (v === '') return null;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return n;
    });

/** The disclosure rules a data steward may change in beheer. */
export const PolicyForm = z.object({
  threshold: optionalInt(1, 1000, 'Een heel getal van 1 tot 1000.').refine((v) => v !== null, {
    message: 'Vul een drempel in (meestal 10).',
  }),
  decimals: optionalInt(0, 4, 'Leeg, of een heel getal van 0 tot 4.'),
  count_base: optionalInt(1, 100, 'Leeg, of een heel getal van 1 tot 100 (bijvoorbeeld 5).'),
  refresh: z
    .string()
    .trim()
    .min(1, 'Hoe vaak komt er nieuwe data?')
    .max(200, 'Hoogstens 200 tekens.'),
});
export type PolicyInput = {
  threshold: number;
  decimals: number | null;
  count_base: number | null;
  refresh: string;
};

export type DataSource = {
  id: number;
  code: string;
  provider: string;
  dataset: string;
  licence: string;
  url: string | null;
  description: string;
  refresh: string;
  threshold: number;
  decimals: number | null;
  countBase: number | null;
  isDemo: boolean;
  lastImport: Date | null;
  measurements: number;
};
