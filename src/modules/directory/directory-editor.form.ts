/**
 * Checking a posted listing form against the lists it chooses from: needs and ladder (profile),
 * service areas (the region's CBS areas, "regio", "online"), plan goals and initiatives, and the
 * organisations the editor maintains. Every problem is reported at once, per field, in Dutch.
 */
import type { Kysely } from 'kysely';
import { memoByDataVersion } from '../../db/memo.js';
import type { Database } from '../../db/schema.js';
import { isDutchPhoneNumber } from '../../lib/dutch-phone.js';
import { type Area, areaIndex } from '../areas/index.js';
import { type FieldErrors, fieldErrors } from '../auth/index.js';
import { goalIndex, initiativeNames, parseGoalCode } from '../plan/index.js';
import { LADDER, type LadderStep } from './directory.types.js';
import { ListingForm, type ListingInput, MAX_PHONES } from './directory-editor.types.js';
import { loadProfile } from './profile.js';

type Db = Kysely<Database>;
type Choice = { code: string; name: string };

export type EditorRefs = {
  needs: Choice[];
  ladder: (Choice & { description: string })[];
  /** The region's gemeenten, wijken and buurten: what a service area may be besides regio/online. */
  areas: Area[];
  goals: Set<string>;
  initiatives: Choice[];
};

/** The lists the listing form offers and checks against; they change only with the plan. */
export function loadEditorRefs(db: Db, regionId: number): Promise<EditorRefs> {
  return memoByDataVersion(db, `directory-editor-refs:${regionId}`, async () => {
    const [areas, goals, initiatives] = await Promise.all([
      areaIndex(db, regionId),
      goalIndex(db, regionId),
      initiativeNames(db, regionId),
    ]);
    const { profile } = loadProfile();
    return {
      needs: profile.needs.map(({ code, name }) => ({ code, name })),
      ladder: profile.ladder.map(({ code, name, description }) => ({ code, name, description })),
      areas: [...areas.values()].filter(
        (a) => a.inRegion && ['gemeente', 'wijk', 'buurt'].includes(a.level),
      ),
      goals: new Set(goals.keys()),
      initiatives: [...initiatives]
        .map(([code, name]) => ({ code, name }))
        .sort((a, b) => a.name.localeCompare(b.name, 'nl')),
    };
  });
}

/** The checkboxes of a group (`<prefix>:<code>`) that were ticked. */
export function checkedCodes(form: Record<string, string>, prefix: string): string[] {
  return Object.keys(form)
    .filter((key) => key.startsWith(`${prefix}:`) && form[key] !== '')
    .map((key) => key.slice(prefix.length + 1));
}

const PHONE_FIELDS = Array.from({ length: MAX_PHONES }, (_, i) => [
  `telefoon_${i + 1}`,
  `telefoon_${i + 1}_label`,
]).flat();

export const AREA_EVERYWHERE: Choice[] = [
  { code: 'regio', name: 'De hele regio' },
  { code: 'online', name: 'Online of telefonisch, voor iedereen' },
];

export type CheckedListing = { ok: true; input: ListingInput } | { ok: false; errors: FieldErrors };

/**
 * Checks the whole form. `repeated` names the fields posted more than once (a single choice
 * such as the ladder step cannot be two); `organizations` are the ids the editor may choose.
 */
export function checkListingForm(
  form: Record<string, string>,
  repeated: readonly string[],
  refs: EditorRefs,
  organizations: ReadonlySet<string>,
): CheckedListing {
  const parsed = ListingForm.safeParse(form);
  const errors: FieldErrors = parsed.success ? {} : fieldErrors(parsed.error);
  // A field of the form sent twice (a crafted or doubled request) is refused, not guessed.
  const single = new Set([...Object.keys(ListingForm.shape), ...PHONE_FIELDS]);
  for (const field of repeated.filter((f) => single.has(f) && f !== 'actie' && f !== 'ladder'))
    errors[field] ??= 'Dit veld is meer dan eens ingevuld. Vul het één keer in.';
  if (form.organisatie && !organizations.has(form.organisatie))
    errors.organisatie ??= 'Kies een organisatie uit de lijst.';
  const ladder = checkLadder(form, repeated, errors);
  const needs = checkChoices(form, 'hulpvraag', refs.needs, errors, {
    field: 'hulpvragen',
    none: 'Kies minstens één hulpvraag waarbij deze dienst helpt.',
    unknown: () => 'Kies hulpvragen uit de lijst.',
  });
  const areaChoices = [...AREA_EVERYWHERE, ...refs.areas];
  const areas = checkChoices(form, 'gebied', areaChoices, errors, {
    field: 'gebieden',
    none: 'Kies minstens één gebied: een gemeente, wijk, de hele regio of online.',
    unknown: (codes) =>
      `Kies gebieden uit de lijst. Deze gebieden kennen we niet in deze regio: ${codes
        .slice(0, 5)
        .map((c) => c.slice(0, 20))
        .join(', ')}.`,
  });
  const initiatives = checkChoices(form, 'initiatief', refs.initiatives, errors, {
    field: 'initiatieven',
    unknown: () => 'Kies initiatieven uit de lijst.',
  });
  const goals = checkGoals(form.doelen ?? '', refs.goals, errors);
  const phones = checkPhones(form, errors);
  const address = checkAddress(parsed.success ? parsed.data : null, errors);
  if (!parsed.success || Object.keys(errors).length > 0 || !ladder) return { ok: false, errors };
  const data = parsed.data;
  return {
    ok: true,
    input: {
      organizationId: data.organisatie,
      name: data.naam,
      description: data.beschrijving,
      eligibility: data.voor_wie,
      cost: { kind: data.kosten, amount: data.bedrag, note: data.kosten_toelichting },
      ladder,
      needs: refs.needs.map((n) => n.code).filter((c) => needs.includes(c)),
      areas: areaChoices.map((a) => a.code).filter((c) => areas.includes(c)),
      email: data.email,
      url: data.website,
      phones,
      schedule: data.wanneer,
      address,
      goals,
      initiatives,
    },
  };
}

function checkLadder(
  form: Record<string, string>,
  repeated: readonly string[],
  errors: FieldErrors,
): LadderStep | null {
  const step = form.ladder ?? '';
  if (repeated.includes('ladder')) {
    errors.ladder = 'Kies één stap van de hulpladder, niet meer.';
    return null;
  }
  if (!(LADDER as readonly string[]).includes(step)) {
    errors.ladder = 'Kies bij welke stap van de hulpladder deze dienst hoort.';
    return null;
  }
  return step as LadderStep;
}

function checkChoices(
  form: Record<string, string>,
  prefix: string,
  choices: Choice[],
  errors: FieldErrors,
  messages: { field: string; none?: string; unknown: (codes: string[]) => string },
): string[] {
  const picked = checkedCodes(form, prefix);
  const known = new Set(choices.map((c) => c.code));
  const unknown = picked.filter((code) => !known.has(code));
  if (unknown.length > 0) errors[messages.field] = messages.unknown(unknown);
  else if (picked.length === 0 && messages.none) errors[messages.field] = messages.none;
  return picked.filter((code) => known.has(code));
}

function checkGoals(text: string, known: Set<string>, errors: FieldErrors): string[] {
  const codes: string[] = [];
  const unknown: string[] = [];
  for (const part of text.split(/[,;\n]+/)) {
    const written = part.trim();
    if (!written) continue;
    const code = parseGoalCode(written)?.code;
    if (code && known.has(code)) codes.push(code);
    else unknown.push(written);
  }
  if (unknown.length > 0)
    errors.doelen ??= `Deze doelen staan niet in het plan: ${unknown
      .slice(0, 5)
      .map((c) => c.slice(0, 20))
      .join(', ')}. Schrijf codes als 2.1.1 of 2.1.1.a.`;
  return [...new Set(codes)];
}

function checkPhones(form: Record<string, string>, errors: FieldErrors): ListingInput['phones'] {
  const phones: ListingInput['phones'] = [];
  for (let i = 1; i <= MAX_PHONES; i++) {
    const number = (form[`telefoon_${i}`] ?? '').trim();
    const label = (form[`telefoon_${i}_label`] ?? '').trim();
    if (label.length > 100) errors[`telefoon_${i}_label`] = 'Hoogstens 100 tekens.';
    if (!number) {
      if (label) errors[`telefoon_${i}`] = 'Vul het telefoonnummer in, of haal de uitleg weg.';
      continue;
    }
    if (!isDutchPhoneNumber(number))
      errors[`telefoon_${i}`] =
        'Vul een Nederlands telefoonnummer in, zoals 0592 123456 of 06 12345678.';
    else phones.push({ number, label: label || null });
  }
  return phones;
}

type Parsed = {
  adres_straat: string | null;
  adres_postcode: string | null;
  adres_plaats: string | null;
};

/** An address is optional, but a resident cannot find half of one. */
function checkAddress(data: Parsed | null, errors: FieldErrors): ListingInput['address'] {
  if (!data) return null;
  const { adres_straat: street, adres_postcode: postalCode, adres_plaats: city } = data;
  if (!street && !postalCode && !city) return null;
  if (!street) errors.adres_straat ??= 'Vul de straat en het huisnummer in.';
  if (!postalCode) errors.adres_postcode ??= 'Vul de postcode in.';
  if (!city) errors.adres_plaats ??= 'Vul de plaats in.';
  return street && postalCode && city ? { street, postalCode, city } : null;
}
