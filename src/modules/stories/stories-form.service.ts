/**
 * Checking a posted story form: the zod schema, the tags against the plan and the areas, and the
 * privacy check. Pure apart from loading the reference lists once per request.
 */

import type { Kysely } from 'kysely';
import { memoByDataVersion } from '../../db/memo.js';
import type { Database } from '../../db/schema.js';
import { type Area, areaIndex } from '../areas/index.js';
import { fieldErrors } from '../auth/index.js';
import { parseGoalCode } from '../plan/index.js';
import {
  checkPrivacy,
  hasBlockingFlags,
  type KnownNames,
  nameSignature,
  type PrivacyFlag,
} from './stories.privacy.js';
import type { StoryValues } from './stories.repository.js';
import { checkedValues, StoryForm, TARGET_GROUP_NAMES, type TargetGroup } from './stories.types.js';
import * as refsRepo from './stories-references.repository.js';

export type StoryRefs = {
  opgaven: Array<{ slug: string; name: string; number: number }>;
  /** Goal code → slug of its opgave. */
  goals: Map<string, string>;
  areas: Map<string, Area>;
  knownNames: KnownNames;
};

/** The lists a story form chooses from and is checked against. */
export function loadStoryRefs(db: Kysely<Database>, regionId: number): Promise<StoryRefs> {
  // Every story list and evidence card needs these names; they change only with the plan.
  return memoByDataVersion(db, `story-refs:${regionId}`, () => buildStoryRefs(db, regionId));
}

async function buildStoryRefs(db: Kysely<Database>, regionId: number): Promise<StoryRefs> {
  const [opgaven, goals, areas, organisations] = await Promise.all([
    refsRepo.listOpgaven(db, regionId),
    refsRepo.listGoalRefs(db, regionId),
    areaIndex(db, regionId),
    refsRepo.listOrganisationNames(db, regionId),
  ]);
  return {
    opgaven,
    goals: new Map(goals.map((g) => [g.code, g.opgave_slug])),
    areas,
    knownNames: { places: placeNames([...areas.values()]), organisations },
  };
}

/** Area names and the place names inside wijk names ("Wijk 10 Coevorden" → "Coevorden"). */
function placeNames(areas: Area[]): string[] {
  return areas.flatMap((a) => {
    const bare = a.name.replace(/^Wijk\s+\d+\s+/i, '');
    return [a.name, bare, ...bare.split(/\s+en\s+|,\s*|\s*\/\s*/)];
  });
}

export type StoryFormFailure = {
  kind: 'Invalid';
  errors: Record<string, string>;
  flags: PrivacyFlag[];
};
export type CheckedStory = {
  values: StoryValues;
  action: 'concept' | 'indienen' | 'opslaan';
  flags: PrivacyFlag[];
};

function parseGoals(raw: string | undefined, refs: StoryRefs) {
  const codes: string[] = [];
  const unknown: string[] = [];
  for (const part of (raw ?? '').split(/[,;]+/)) {
    const text = part.trim();
    if (!text) continue;
    const code = parseGoalCode(text)?.code;
    if (code && refs.goals.has(code)) codes.push(code);
    else unknown.push(text);
  }
  return { codes: [...new Set(codes)], unknown };
}

/** Error texts about the privacy flags, or none when the text may be saved. */
function privacyErrors(
  flags: PrivacyFlag[],
  form: Record<string, string>,
  confirmed: boolean,
): Record<string, string> {
  const errors: Record<string, string> = {};
  if (hasBlockingFlags(flags)) {
    const found = flags.filter((f) => f.kind !== 'naam').map((f) => `"${f.fragment}"`);
    errors.text = `Haal contactgegevens en adressen uit het verhaal: ${found.join(', ')}.`;
  }
  const names = nameSignature(flags);
  if (names && !(confirmed && form.checked_names === names))
    errors.privacy_confirmed =
      'Er staan misschien namen in het verhaal. Controleer de gemarkeerde woorden. Staan er geen namen in? Vink dat dan aan.';
  return errors;
}

const MAX_STORY_SCAN = 4000;

/** Checks the whole form at once, so the error summary lists every problem together. */
export function checkStoryForm(
  form: Record<string, string>,
  refs: StoryRefs,
): { ok: true; value: CheckedStory } | { ok: false; error: StoryFormFailure } {
  // The length check (zod, 4000) comes first in effect: an overlong text is not scanned at all.
  const text = form.text ?? '';
  const flags = text.length <= MAX_STORY_SCAN ? checkPrivacy(text, refs.knownNames) : [];
  const parsed = StoryForm.safeParse(form);
  const errors: Record<string, string> = parsed.success ? {} : fieldErrors(parsed.error);
  const area = form.area ? refs.areas.get(form.area) : undefined;
  if (form.area && !errors.area && (!area || (area.level !== 'gemeente' && area.level !== 'wijk')))
    errors.area = 'Dit gebied kennen we niet. Kies een gemeente of wijk uit de lijst.';
  const goals = parseGoals(form.goals, refs);
  if (goals.unknown.length > 0)
    errors.goals = `Deze doelen staan niet in het plan: ${goals.unknown.join(', ')}. Schrijf codes als 2.1.1 of 2.1.1.a.`;
  const known = new Set(refs.opgaven.map((o) => o.slug));
  const picked = checkedValues(form, 'opgave');
  if (picked.some((slug) => !known.has(slug))) errors.opgaven = 'Kies opgaven uit de lijst.';
  const groups = checkedValues(form, 'doelgroep');
  if (groups.some((g) => !TARGET_GROUP_NAMES.includes(g as TargetGroup)))
    errors.target_groups = 'Kies doelgroepen uit de lijst.';
  const goalOpgaven = goals.codes.map((code) => refs.goals.get(code) ?? '');
  const opgaven = refs.opgaven
    .map((o) => o.slug)
    .filter((slug) => picked.includes(slug) || goalOpgaven.includes(slug));
  if (!errors.opgaven && !errors.goals && opgaven.length === 0)
    errors.opgaven = 'Kies minstens één opgave, of vul een doel in.';
  const privacy = privacyErrors(flags, form, parsed.success && parsed.data.privacy_confirmed);
  for (const [field, message] of Object.entries(privacy)) errors[field] ??= message;
  if (!parsed.success || Object.keys(errors).length > 0)
    return { ok: false, error: { kind: 'Invalid', errors, flags } };
  const data = parsed.data;
  return {
    ok: true,
    value: {
      action: data.actie,
      flags,
      values: {
        text: data.text,
        role: data.role,
        toldOn: data.told_on,
        areaCode: data.area,
        opgaveSlugs: opgaven,
        goalCodes: goals.codes,
        targetGroups: TARGET_GROUP_NAMES.filter((g) => groups.includes(g)),
        consentBy: data.consent_by,
        consentMethod: data.consent_method,
        consentRecordedBy: data.consent_recorded_by,
        consentOn: data.consent_on,
        privacyConfirmed: flags.some((f) => f.kind === 'naam'),
        isDemo: data.is_demo,
      },
    },
  };
}
