/**
 * What a result page of the guided path, the carer's path and the print page shows: the one
 * local entrance first, then the help found by the search (searchDirectory) for the person, and
 * for a carer also the support for themselves (need `mantelzorg`).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { CARER_NEED, isCarer, type Relation } from './help-path.types.js';
import { type Entrance, type EntranceKind, localEntrance } from './local-help.service.js';
import { type NeedSection, type SearchOutcome, searchDirectory } from './search.service.js';
import type { NeedTerm } from './vocabulary.js';

type Db = Kysely<Database>;

export type HelpPlan = {
  /** The search behind the page: its errors, place, crisis lines and what it understood. */
  outcome: SearchOutcome;
  /** For a path: the answers; for a free question: null. */
  path: { voor: Relation; need: NeedTerm } | null;
  entrance: Entrance | null;
  /** Help for the person the help is for (the resident, or whom they care for). */
  sections: NeedSection[];
  /** A carer's own support, when the help is for someone else. */
  carerSections: NeedSection[];
};

const empty = (outcome: SearchOutcome): HelpPlan => ({
  outcome,
  path: null,
  entrance: null,
  sections: [],
  carerSections: [],
});

/** The plan for a path's answers: the chosen need is the search's topic (by its code). */
export async function planForPath(
  db: Db,
  regionId: number,
  input: { voor: Relation; need: NeedTerm; carerNeed: NeedTerm | undefined; place: string },
): Promise<HelpPlan> {
  const { voor, need, carerNeed, place } = input;
  const outcome = await searchDirectory(db, regionId, { question: '', place, topic: need.code });
  if (outcome.errors.length > 0 || !outcome.place) return empty(outcome);
  const carer = isCarer(voor);
  const forCarer = carer && need.code !== CARER_NEED && carerNeed;
  const carerOutcome = forCarer
    ? await searchDirectory(db, regionId, { question: '', place, topic: carerNeed.code })
    : null;
  const wanted: EntranceKind = carer || need.code === CARER_NEED ? 'mantelzorg' : 'algemeen';
  const entrance = await localEntrance(db, regionId, outcome.place, wanted);
  const own = outcome.sections.filter((s) => s.need.code === need.code);
  // A carer who chose "mantelzorg" asks for their own support: one list, addressed to them.
  const personal = carer && need.code === CARER_NEED ? [] : own;
  const support = carer && need.code === CARER_NEED ? own : (carerOutcome?.sections ?? []);
  // The entrance first, then the person's help, then what is left for the carer.
  const shown = new Set([entrance.found?.service.id ?? '']);
  const sections = withoutShown(personal, shown);
  const carerSections = withoutShown(
    support.filter((s) => s.need.code === CARER_NEED),
    shown,
  );
  return { outcome, path: { voor, need }, entrance, sections, carerSections };
}

/** The plan for a free question or a topic (the print page of a search): local entrance first. */
export async function planForQuestion(
  db: Db,
  regionId: number,
  input: { question: string; place: string; topic?: string | undefined },
): Promise<HelpPlan> {
  const outcome = await searchDirectory(db, regionId, input);
  if (outcome.errors.length > 0) return empty(outcome);
  const first = outcome.sections[0]?.need.code;
  const entrance = outcome.place
    ? await localEntrance(
        db,
        regionId,
        outcome.place,
        first === CARER_NEED ? 'mantelzorg' : 'algemeen',
      )
    : null;
  const shown = new Set([entrance?.found?.service.id ?? '']);
  const sections = withoutShown(outcome.sections, shown);
  return {
    // A name found on its words is shown once too: not again below the entrance.
    outcome: { ...outcome, byText: outcome.byText.filter((s) => !shown.has(s.id)) },
    path: null,
    entrance,
    sections,
    carerSections: [],
  };
}

/** Each service once on a page: the entrance and earlier sections win. */
function withoutShown(sections: NeedSection[], shown: Set<string>): NeedSection[] {
  return sections.map((section) => {
    const services = section.services.filter((s) => !shown.has(s.id));
    for (const s of services) shown.add(s.id);
    return { ...section, services };
  });
}
