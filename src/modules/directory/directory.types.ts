/** Types and file schemas of the Hulpwijzer (directory module): the profile and the listings. */
import { z } from 'zod';

const code = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'Gebruik kleine letters, cijfers en -.');
const text = z.string().trim().min(1, 'Mag niet leeg zijn.');
const words = z.array(text).default([]);

/** The help ladder, in the order results are shown (ADR 0016). */
export const LADDER = ['zelf', 'samen', 'dichtbij', 'eerste-lijn', 'verder-weg'] as const;
export type LadderStep = (typeof LADDER)[number];

/** A service area: a CBS gemeente, wijk or buurt code, the whole region, or online. */
export const SERVICE_AREA_CODE = /^(GM[0-9]{4}|WK[0-9]{6}|BU[0-9]{8}|regio|online)$/;
const serviceAreaCode = z
  .string()
  .regex(SERVICE_AREA_CODE, 'Gebruik een CBS-code (GM, WK of BU), "regio" of "online".');

export const ProfileFile = z.object({
  version: text,
  taxonomies: z.array(z.object({ code, name: text, description: text })),
  needs: z.array(
    z.object({ code, name: text, description: text, woorden: words, synoniemen: words }),
  ),
  ladder: z.array(z.object({ code: z.enum(LADDER), name: text, description: text })),
  profileTerms: z.array(z.object({ code, name: text, description: text })),
  crisis: z.object({
    lines: z.array(
      z.object({
        code: text,
        name: text,
        number: text.optional(),
        /** For a line without its own number: how to reach it. */
        hint: text.optional(),
        when: text,
        source: text,
      }),
    ),
    signals: z.object({ suicide: words, violence: words, acute: words }),
  }),
});
export type Profile = z.infer<typeof ProfileFile>;
export type CrisisLine = Profile['crisis']['lines'][number];
export type CrisisKind = keyof Profile['crisis']['signals'];

const listingFields = {
  sleutel: code,
  naam: text,
  beschrijving: text,
  voor_wie: text.optional(),
  kosten: text.optional(),
  ladder: z.enum(LADDER),
  hulpvragen: z.array(code).min(1, 'Noem minstens één hulpvraag.'),
};

export const ListingsFile = z.object({
  gecontroleerd: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Schrijf de datum als JJJJ-MM-DD.'),
  organisaties: z.array(
    z.object({ sleutel: code, naam: text, beschrijving: text, plan: code.optional() }),
  ),
  diensten: z.array(
    z.object({
      ...listingFields,
      organisatie: code,
      gebieden: z.array(serviceAreaCode).min(1, 'Noem minstens één gebied.'),
      doelen: z.array(text).default([]),
      initiatieven: z.array(code).default([]),
      bron: text,
    }),
  ),
});
export type Listings = z.infer<typeof ListingsFile>;

export const DemoListingsFile = z.object({
  organisatie: z.object({ naam: text, beschrijving: text }),
  per_gemeente: z.array(z.object(listingFields)),
  regio: z.array(z.object({ ...listingFields, gebieden: z.array(serviceAreaCode).min(1) })),
});
export type DemoListings = z.infer<typeof DemoListingsFile>;

/** One service as the seed writes it: the HSDS row plus its profile attributes and areas. */
export type ServiceDraft = {
  id: string;
  organizationId: string;
  name: string;
  description: string;
  eligibility: string | null;
  fees: string | null;
  ladder: LadderStep;
  needs: string[];
  areas: string[];
  goals: string[];
  initiatives: string[];
  source: string | null;
  assuredDate: string | null;
  isDemo: boolean;
};

export type OrganizationDraft = {
  id: string;
  name: string;
  description: string;
  planOrganisationId: number | null;
  isDemo: boolean;
};
