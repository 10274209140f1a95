/**
 * The answers of the guided path ("Ik weet niet waar ik moet beginnen") and of the path for
 * carers ("Ik zoek hulp voor iemand anders"): for whom, about what, where. Each answer travels in
 * the URL of a GET form, so every step is a page of its own that survives back and forward.
 */

/** For whom: the resident, or someone they care for (then they get carer support too). */
export const RELATIONS = ['mezelf', 'partner', 'ouder', 'kind', 'buur-vriend'] as const;
export type Relation = (typeof RELATIONS)[number];
export const OTHERS: readonly Relation[] = RELATIONS.filter((r) => r !== 'mezelf');

/** The choice as the resident says it. */
export const RELATION_CHOICES: Record<Relation, string> = {
  mezelf: 'Voor mezelf',
  partner: 'Voor mijn partner',
  ouder: 'Voor mijn vader of moeder',
  kind: 'Voor mijn kind',
  'buur-vriend': 'Voor een buur, vriend of vriendin',
};

/** The person as the page speaks to the carer about them ("hulp voor je vader of moeder"). */
export const RELATION_WORDS: Record<Exclude<Relation, 'mezelf'>, string> = {
  partner: 'je partner',
  ouder: 'je vader of moeder',
  kind: 'je kind',
  'buur-vriend': 'je buur of vriend',
};

/** The need a carer's own support comes from (profile `hulpvraag`). */
export const CARER_NEED = 'mantelzorg';
/** The need of the general local entrance, and the choice "I don't know". */
export const GENERAL_NEED = 'informatie-advies';

/** Which path a page belongs to: the guided path or the one for carers. */
export type PathKind = 'begin' | 'ander';

export type PathAnswers = {
  voor: Relation | null;
  over: string | null;
  /** The place as typed; null when the step was not answered yet. */
  plaats: string | null;
};

export const isRelation = (value: string): value is Relation =>
  (RELATIONS as readonly string[]).includes(value);

export const isCarer = (relation: Relation | null): relation is Exclude<Relation, 'mezelf'> =>
  relation !== null && relation !== 'mezelf';
