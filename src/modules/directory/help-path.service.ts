/**
 * The steps of the guided path and of the carer's path: which question a page asks next, given
 * the answers in its URL, and the result once all three are there. Bad answers (an unknown
 * choice, an unknown place, an overlong value) send the resident back to that step with a
 * Dutch message.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import {
  CARER_NEED,
  isRelation,
  type PathAnswers,
  type PathKind,
  type Relation,
} from './help-path.types.js';
import { type HelpPlan, planForPath } from './help-plan.service.js';
import { type NeedTerm, needVocabulary } from './vocabulary.js';

type Db = Kysely<Database>;

export type PathErrors = Partial<Record<'voor' | 'over' | 'plaats', string>>;

export type PathView =
  | { step: 'voor' | 'over'; errors: PathErrors }
  | { step: 'plaats'; errors: PathErrors; suggestions: string[] }
  | { step: 'klaar'; plan: HelpPlan };

export type PathState = { kind: PathKind; answers: PathAnswers; needs: NeedTerm[]; view: PathView };

const MESSAGES = {
  voor: 'Kies voor wie je hulp zoekt.',
  voorAnder:
    'Kies voor wie je hulp zoekt: je partner, je vader of moeder, je kind, of een buur of vriend.',
  over: 'Kies een onderwerp uit de lijst. Weet je het niet? Kies dan "Weet niet waar ik moet beginnen".',
  plaats: 'Vul je dorp, wijk of gemeente in, of je postcode.',
};

/** The steps whose answer can be changed afterwards (`wijzig=<step>`). */
const STEPS = ['voor', 'over', 'plaats'] as const;
type Step = (typeof STEPS)[number];
const isStep = (value: string | undefined): value is Step =>
  (STEPS as readonly (string | undefined)[]).includes(value);

/**
 * Reads the answers in the URL and works out the page to show. `wijzig` names an answered step
 * to show again, filled in with its answer, while the form keeps the other answers: "wijzigen"
 * works without JavaScript and goes straight back to the result.
 */
export async function walkPath(
  db: Db,
  regionId: number,
  kind: PathKind,
  query: { voor?: string; over?: string; plaats?: string; wijzig?: string },
): Promise<PathState> {
  const { terms: needs } = await needVocabulary(db);
  const voor = query.voor !== undefined && isRelation(query.voor) ? query.voor : null;
  const need = needs.find((n) => n.code === query.over) ?? null;
  const answers: PathAnswers = { voor, over: need?.code ?? null, plaats: query.plaats ?? null };
  const state = (view: PathView): PathState => ({ kind, answers, needs, view });
  // An unknown step to change is ignored: the path simply goes on from its answers.
  const change = isStep(query.wijzig) ? query.wijzig : null;
  if (query.voor === undefined) return state({ step: 'voor', errors: {} });
  if (!voor || (kind === 'ander' && voor === 'mezelf'))
    return state({
      step: 'voor',
      errors: { voor: kind === 'ander' ? MESSAGES.voorAnder : MESSAGES.voor },
    });
  if (change === 'voor') return state({ step: 'voor', errors: {} });
  if (query.over === undefined) return state({ step: 'over', errors: {} });
  if (!need) return state({ step: 'over', errors: { over: MESSAGES.over } });
  if (change === 'over') return state({ step: 'over', errors: {} });
  if (query.plaats === undefined || change === 'plaats')
    return state({ step: 'plaats', errors: {}, suggestions: [] });
  if (query.plaats.trim() === '')
    return state({ step: 'plaats', errors: { plaats: MESSAGES.plaats }, suggestions: [] });
  const plan = await planForPath(db, regionId, {
    voor: voor as Relation,
    need,
    carerNeed: needs.find((n) => n.code === CARER_NEED),
    place: query.plaats,
  });
  const placeError = plan.outcome.errors.find((e) => e.field === 'plaats');
  if (placeError)
    return state({
      step: 'plaats',
      errors: { plaats: placeError.message },
      suggestions: plan.outcome.placeSuggestions,
    });
  return state({ step: 'klaar', plan });
}

/** A page with a message for the resident answers 400, every other step 200. */
export function pathStatus(view: PathView): 200 | 400 {
  return view.step !== 'klaar' && Object.keys(view.errors).length > 0 ? 400 : 200;
}
