/**
 * Between a listing, its form and its card: the form values of a saved listing, and the resident
 * card of what is typed in the form (the preview), made for the very component residents see.
 */

import type { z } from 'zod';
import { isDutchPhoneNumber } from '../../lib/dutch-phone.js';
import { checkedCodes, type EditorRefs } from './directory-editor.form.js';
import type { ListingDetail } from './directory-editor.repository.js';
import {
  type CostKind,
  feesDescription,
  ListingForm,
  MAX_PHONES,
} from './directory-editor.types.js';
import { type CardBackground, draftContact } from './directory-editor-parts.js';
import type { Nearness, ServiceHit } from './search.service.js';

/** The form of a saved listing, as the form posts it. */
export function listingFormValues(l: ListingDetail): Record<string, string> {
  const cost = l.cost;
  const kind: CostKind =
    cost?.option === 'gratis' || cost?.option === 'betaald' ? cost.option : 'onbekend';
  const values: Record<string, string> = {
    organisatie: l.organization_id,
    naam: l.name,
    beschrijving: l.description ?? '',
    voor_wie: l.eligibility_description ?? '',
    kosten: kind,
    bedrag: kind === 'betaald' && cost?.amount ? cost.amount.replace('.', ',') : '',
    // Without a cost option (seeded listings) the free text is all there is.
    kosten_toelichting: (kind === 'onbekend' ? l.fees_description : cost?.note) ?? '',
    email: l.email ?? '',
    website: l.url ?? '',
    wanneer: l.schedules.join('; '),
    adres_straat: l.address?.street ?? '',
    adres_postcode: l.address?.postalCode ?? '',
    adres_plaats: l.address?.city ?? '',
    doelen: l.goals.join(', '),
    ladder: l.ladder ?? '',
  };
  for (const [i, phone] of l.phones.slice(0, MAX_PHONES).entries()) {
    values[`telefoon_${i + 1}`] = phone.number;
    values[`telefoon_${i + 1}_label`] = phone.description ?? '';
  }
  for (const code of l.needs) values[`hulpvraag:${code}`] = 'on';
  for (const code of l.areas) values[`gebied:${code}`] = 'on';
  for (const slug of l.initiatives) values[`initiatief:${slug}`] = 'on';
  return values;
}

export type PreviewFacts = {
  id: string;
  organizationName: string;
  isDemo: boolean;
  /** What the listing's check date will be once saved. */
  assuredDate: string | null;
  source: string | null;
};

type Shape = typeof ListingForm.shape;

/** One field of the form if it is valid on its own, else null (the preview shows what would be saved). */
function valid<K extends keyof Shape>(
  form: Record<string, string>,
  key: K,
): z.output<Shape[K]> | null {
  const parsed = ListingForm.shape[key].safeParse(form[key] ?? '');
  return parsed.success ? (parsed.data as z.output<Shape[K]>) : null;
}

/** How far, as a resident in the listing's own area would read it. */
function nearnessOf(areas: string[], refs: EditorRefs): Nearness {
  if (areas.some((a) => a.startsWith('WK') || a.startsWith('BU'))) return { kind: 'in-place' };
  const gemeente = refs.areas.find((a) => areas.includes(a.code) && a.level === 'gemeente');
  if (gemeente) return { kind: 'gemeente', name: gemeente.name };
  if (areas.includes('regio')) return { kind: 'regio' };
  if (areas.includes('online')) return { kind: 'online' };
  return { kind: 'unknown' };
}

/**
 * The resident card of the form as it stands; invalid fields are left out, as saving would. Its
 * contact part is the resident card's own, made from the form's parts and the listing's
 * `background` (its organisation and the parts the form does not write).
 */
export function previewHit(
  form: Record<string, string>,
  refs: EditorRefs,
  facts: PreviewFacts,
  background: CardBackground,
): ServiceHit {
  const kind = valid(form, 'kosten') ?? 'onbekend';
  const fees = feesDescription({
    kind,
    amount: valid(form, 'bedrag'),
    note: valid(form, 'kosten_toelichting'),
  });
  const phones = Array.from({ length: MAX_PHONES }, (_, i) => ({
    number: (form[`telefoon_${i + 1}`] ?? '').trim(),
    label: (form[`telefoon_${i + 1}_label`] ?? '').trim().slice(0, 100) || null,
  })).filter((p) => isDutchPhoneNumber(p.number));
  const street = valid(form, 'adres_straat');
  const postalCode = valid(form, 'adres_postcode');
  const city = valid(form, 'adres_plaats');
  const areas = checkedCodes(form, 'gebied');
  const email = valid(form, 'email');
  const url = valid(form, 'website');
  return {
    id: facts.id,
    name: valid(form, 'naam') ?? 'Nog zonder naam',
    description: valid(form, 'beschrijving'),
    eligibility_description: valid(form, 'voor_wie'),
    fees_description: fees,
    application_process: null,
    url,
    email,
    is_demo: facts.isDemo,
    assured_date: facts.assuredDate,
    organization_name: facts.organizationName,
    ladder: form.ladder ?? '',
    ladder_rank: 0,
    needs: checkedCodes(form, 'hulpvraag'),
    source: facts.source,
    areas,
    points: [],
    nearness: nearnessOf(areas, refs),
    contact: draftContact(background, {
      id: facts.id,
      email,
      url,
      phones,
      schedule: valid(form, 'wanneer'),
      address: street && postalCode && city ? { street, postalCode, city } : null,
    }),
  };
}
