/**
 * The Dutch profile's rules for imported listings (ADR 0016, 0020): which attribute may describe
 * what, what its value must be, and what every service needs to be found (one ladder step, a
 * need, an area). Marke's own columns are set from the attributes: `area_code` from
 * `cbs-gebiedscode`, `is_demo` from `voorbeeld`.
 */
import { LADDER } from './directory.types.js';
import type { StoredTable } from './hsds-tables.js';
import type { Place, Problem, Row } from './transfer.types.js';
import type { Snapshot } from './transfer-snapshot.js';
import { AREA_TERM, DEMO_TERM, DEMO_VALUE } from './transfer-snapshot.js';

export type TermKind = 'hulpvraag' | 'hulpladder' | 'profiel';
export type Known = {
  terms: Map<string, { code: string; kind: TermKind }>;
  /** CBS codes of the region's own areas (gemeente, wijk, buurt). */
  areas: ReadonlySet<string>;
  goals: ReadonlySet<string>;
  initiatives: ReadonlySet<string>;
};

const CBS = /^(GM[0-9]{4}|WK[0-9]{6}|BU[0-9]{8})$/;

type Rule = {
  entities: readonly StoredTable[];
  check?: (value: string | null, entity: string, known: Known) => string | undefined;
};

const PROFILE_RULES: Record<string, Rule> = {
  'cbs-gebiedscode': {
    entities: ['service_area', 'location'],
    check: (value, entity, known) => {
      if (entity === 'service_area' && (value === 'regio' || value === 'online')) return undefined;
      if (!value || !CBS.test(value))
        return entity === 'location'
          ? 'Gebruik een CBS-code van een gemeente, wijk of buurt (GM…, WK…, BU…).'
          : 'Gebruik een CBS-code (GM…, WK…, BU…), "regio" of "online".';
      return known.areas.has(value) ? undefined : `Gebied ${value} hoort niet bij deze regio.`;
    },
  },
  'regioplan-doel': {
    entities: ['service'],
    check: (value, _e, known) =>
      value && known.goals.has(value)
        ? undefined
        : `Doel ${value ?? '(leeg)'} staat niet in het regioplan.`,
  },
  'regioplan-initiatief': {
    entities: ['service'],
    check: (value, _e, known) =>
      value && known.initiatives.has(value)
        ? undefined
        : `Initiatief ${value ?? '(leeg)'} staat niet in het regioplan.`,
  },
  voorbeeld: {
    entities: ['organization', 'service', 'location'],
    check: (value) =>
      value === DEMO_VALUE ? undefined : `Een voorbeeld heeft de waarde "${DEMO_VALUE}".`,
  },
  bron: { entities: ['service'], check: (value) => (value ? undefined : 'Noem de bron.') },
};

/** The link_type Marke gives an attribute of this term (as the seed does), when none is given. */
export function defaultLinkType(term: { code: string; kind: TermKind }): string {
  return term.kind === 'profiel' ? term.code : term.kind;
}

/** Problems with one incoming attribute: the entity it may describe and its value. */
export function checkAttribute(attribute: Row, place: Place, known: Known): Problem[] {
  const term = known.terms.get(attribute.taxonomy_term_id ?? '');
  if (!term) return [];
  const entity = attribute.link_entity ?? '';
  const problem = (column: string, value: string, message: string): Problem[] => [
    { ...place, column, value, message },
  ];
  const rule: Rule =
    term.kind === 'profiel'
      ? (PROFILE_RULES[term.code] ?? { entities: ['service'] })
      : { entities: ['service'] };
  if (!rule.entities.includes(entity as StoredTable))
    return problem(
      'link_entity',
      entity,
      `Een kenmerk "${term.code}" hoort bij: ${rule.entities.join(', ')}.`,
    );
  const message = rule.check?.(attribute.value ?? null, entity, known);
  return message ? problem('value', attribute.value ?? '', message) : [];
}

/** Attributes per entity id in the final state, for the rules and the derived columns. */
export function attributesByLink(final: Snapshot): Map<string, Row[]> {
  const byLink = new Map<string, Row[]>();
  for (const a of final.attribute.values()) {
    const list = byLink.get(a.link_id ?? '') ?? [];
    list.push(a);
    byLink.set(a.link_id ?? '', list);
  }
  return byLink;
}

/** The final state with its rows indexed by owner, so a check per service is a lookup. */
export type ServiceContext = {
  final: Snapshot;
  areas: ReadonlyMap<string, readonly Row[]>;
  byLink: Map<string, Row[]>;
  known: Known;
};

/** What a service needs to be found: one ladder step, at least one need, at least one area. */
export function checkService(serviceId: string, place: Place, ctx: ServiceContext): Problem[] {
  const { final, byLink, known } = ctx;
  const kinds = (byLink.get(serviceId) ?? []).map(
    (a) => known.terms.get(a.taxonomy_term_id ?? '')?.kind,
  );
  const ladder = kinds.filter((k) => k === 'hulpladder').length;
  const needs = kinds.filter((k) => k === 'hulpvraag').length;
  const areas = ctx.areas.get(serviceId) ?? [];
  const problems: Problem[] = [];
  const add = (column: string, message: string) =>
    problems.push({ ...place, column, value: '', message });
  if (ladder !== 1)
    add(
      'attributes',
      ladder === 0
        ? `Deze dienst heeft geen trede van de hulpladder. Geef één kenmerk uit de taxonomie Hulpladder (${LADDER.join(', ')}).`
        : `Deze dienst heeft ${ladder} treden van de hulpladder; kies er één.`,
    );
  if (needs === 0)
    add(
      'attributes',
      'Deze dienst heeft geen hulpvraag. Geef minstens één kenmerk uit de taxonomie Hulpvraag.',
    );
  const assured = final.service.get(serviceId)?.assured_date;
  // A check date in the future would read "laatst gecontroleerd" on a day to come and keep the
  // listing visible past the 15 months.
  if (assured && assured > new Date().toISOString().slice(0, 10))
    problems.push({
      ...place,
      column: 'assured_date',
      value: assured,
      message:
        'Deze datum ligt in de toekomst. Vul de dag in waarop de gegevens zijn gecontroleerd.',
    });
  if (areas.length === 0)
    add(
      'service_areas',
      'Deze dienst heeft geen gebied. Geef minstens één gebied (service_area) met een CBS-gebiedscode, "regio" of "online".',
    );
  return problems;
}

/** Sets area_code and is_demo from the attributes; problems where an area has no single code. */
export function deriveColumns(
  table: 'service_area' | 'location' | 'organization' | 'service',
  row: Row,
  place: Place,
  byLink: Map<string, Row[]>,
): Problem[] {
  const attributes = byLink.get(row.id ?? '') ?? [];
  if (table === 'organization' || table === 'service' || table === 'location')
    row.is_demo = String(attributes.some((a) => a.taxonomy_term_id === DEMO_TERM));
  if (table !== 'service_area' && table !== 'location') return [];
  const codes = attributes.filter((a) => a.taxonomy_term_id === AREA_TERM).map((a) => a.value);
  row.area_code = codes[0] ?? null;
  if (codes.length > 1)
    return [
      {
        ...place,
        column: 'attributes',
        value: codes.join(', '),
        message: 'Geef één CBS-gebiedscode, niet meer.',
      },
    ];
  if (table === 'service_area' && codes.length === 0)
    return [
      {
        ...place,
        column: 'attributes',
        value: '',
        message:
          'Dit gebied heeft geen CBS-gebiedscode. Geef het een kenmerk "cbs-gebiedscode" met een CBS-code, "regio" of "online".',
      },
    ];
  return [];
}
