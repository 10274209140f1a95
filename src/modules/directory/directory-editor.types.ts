/**
 * The editors' forms of the Hulpwijzer (issue 5 §3): a listing (HSDS service with its phones,
 * schedule, cost option, areas, profile attributes and an optional address), a directory
 * organisation, and the beheerders' review. Field names are the form's (Dutch); messages are B1.
 */
import { z } from 'zod';
import type { LadderStep } from './directory.types.js';

export const MAX_NAME = 200;
export const MAX_DESCRIPTION = 2000;
export const MAX_PHONES = 3;

const optional = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `${what} is te lang: hoogstens ${max} tekens.`)
    .transform((v) => (v === '' ? null : v))
    .prefault('');

const optionalEmail = z
  .string()
  .trim()
  .max(254, 'Dit e-mailadres is te lang.')
  .refine((v) => v === '' || z.string().email().safeParse(v).success, {
    message: 'Vul een geldig e-mailadres in, zoals info@organisatie.nl.',
  })
  .transform((v) => (v === '' ? null : v.toLowerCase()))
  .prefault('');

const optionalUrl = z
  .string()
  .trim()
  .max(500, 'Dit webadres is te lang: hoogstens 500 tekens.')
  .refine((v) => v === '' || /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(v), {
    message: 'Vul een volledig webadres in dat begint met https://.',
  })
  .transform((v) => (v === '' ? null : v))
  .prefault('');

export const COST_KINDS = {
  gratis: 'Gratis',
  betaald: 'Er zijn kosten',
  onbekend: 'Niet bekend',
} as const;
export type CostKind = keyof typeof COST_KINDS;

/** The single-valued fields of the listing form; lists (needs, areas…) are checkboxes. */
export const ListingForm = z.object({
  organisatie: z.string({ message: 'Kies de organisatie.' }).min(1, 'Kies de organisatie.'),
  naam: z
    .string({ message: 'Vul de naam van de dienst in.' })
    .trim()
    .min(1, 'Vul de naam van de dienst in.')
    .max(MAX_NAME, `De naam is te lang: hoogstens ${MAX_NAME} tekens.`),
  beschrijving: z
    .string({ message: 'Beschrijf in een paar zinnen wat de dienst doet.' })
    .trim()
    .min(1, 'Beschrijf in een paar zinnen wat de dienst doet.')
    .max(
      MAX_DESCRIPTION,
      `De beschrijving is te lang: hoogstens ${MAX_DESCRIPTION} tekens. Houd het kort en eenvoudig.`,
    ),
  voor_wie: optional(1000, '"Voor wie"'),
  kosten: z.enum(['gratis', 'betaald', 'onbekend'], {
    message: 'Kies of de dienst gratis is, geld kost, of dat het niet bekend is.',
  }),
  bedrag: z
    .string()
    .trim()
    .refine((v) => v === '' || /^[0-9]{1,5}([.,][0-9]{1,2})?$/.test(v.replace(/^€\s*/, '')), {
      message: 'Schrijf het bedrag in euro als een getal, bijvoorbeeld 12,50.',
    })
    .transform((v) => (v === '' ? null : v.replace(/^€\s*/, '').replace(',', '.')))
    .prefault(''),
  kosten_toelichting: optional(500, 'De uitleg over de kosten'),
  email: optionalEmail,
  website: optionalUrl,
  wanneer: optional(500, '"Wanneer"'),
  adres_straat: optional(200, 'De straat en het huisnummer'),
  adres_postcode: z
    .string()
    .trim()
    .refine((v) => v === '' || /^[1-9][0-9]{3}\s?[A-Za-z]{2}$/.test(v), {
      message: 'Schrijf de postcode als 9401 AB.',
    })
    .transform((v) =>
      v === '' ? null : `${v.slice(0, 4)} ${v.slice(-2).toUpperCase()}`.replace(/\s+/, ' '),
    )
    .prefault(''),
  adres_plaats: optional(100, 'De plaats'),
  doelen: optional(500, 'De lijst met doelen'),
  actie: z.enum(['opslaan', 'voorbeeld']).default('opslaan'),
});

/** A checked listing, ready to be written. */
export type ListingInput = {
  organizationId: string;
  name: string;
  description: string;
  eligibility: string | null;
  cost: { kind: CostKind; amount: string | null; note: string | null };
  ladder: LadderStep;
  needs: string[];
  areas: string[];
  email: string | null;
  url: string | null;
  phones: { number: string; label: string | null }[];
  schedule: string | null;
  address: { street: string; postalCode: string; city: string } | null;
  goals: string[];
  initiatives: string[];
};

/** The text residents read under "Kosten", made from the cost choice. */
export function feesDescription(cost: ListingInput['cost']): string | null {
  const amount = cost.amount
    ? `€ ${Number(cost.amount).toLocaleString('nl-NL', { minimumFractionDigits: 2 })}`
    : null;
  switch (cost.kind) {
    case 'gratis':
      return cost.note ?? 'Gratis.';
    case 'betaald':
      if (amount) return cost.note ? `${amount}. ${cost.note}` : `${amount}.`;
      return cost.note ?? 'Er zijn kosten. Vraag ernaar.';
    case 'onbekend':
      return cost.note;
  }
}

export const OrganizationForm = z.object({
  naam: z
    .string({ message: 'Vul de naam van de organisatie in.' })
    .trim()
    .min(1, 'Vul de naam van de organisatie in.')
    .max(MAX_NAME, `De naam is te lang: hoogstens ${MAX_NAME} tekens.`),
  beschrijving: z
    .string({ message: 'Beschrijf de organisatie in een paar zinnen.' })
    .trim()
    .min(1, 'Beschrijf de organisatie in een paar zinnen.')
    .max(1000, 'De beschrijving is te lang: hoogstens 1000 tekens.'),
  email: optionalEmail,
  website: optionalUrl,
  plan_organisatie: z
    .string()
    .trim()
    .regex(/^[0-9]{0,9}$/, 'Kies een organisatie uit de lijst.')
    .transform((v) => (v === '' ? null : Number(v)))
    .prefault(''),
});
export type OrganizationInput = {
  name: string;
  description: string;
  email: string | null;
  website: string | null;
};

export const ReviewForm = z.object({
  besluit: z.enum(['goedkeuren', 'afwijzen'], { message: 'Kies goedkeuren of afwijzen.' }),
  opmerking: z
    .string()
    .trim()
    .max(1000, 'De opmerking is te lang: hoogstens 1000 tekens.')
    .transform((v) => (v === '' ? null : v))
    .prefault(''),
});

/** A listing's or organisation's id in a URL: checked before any query (uuid columns). */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
