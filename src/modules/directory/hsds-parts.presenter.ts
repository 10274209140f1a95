/**
 * The small HSDS objects nested in services, locations and organizations: taxonomy terms,
 * attributes (with the profile attributes Marke's own columns imply), change records, phones,
 * languages, schedules and contacts. Pure, like hsds.presenter.ts.
 */

import { stableId, termId } from './directory-ids.js';
import type { TaxonomyRow, TermRow } from './hsds.repository.js';
import type { Children } from './hsds-children.repository.js';
import { compact, day, emailOrNull, numberOrNull, rowsWhere, uriOrNull } from './hsds-format.js';
import { PROFILE_TAXONOMY } from './profile.js';

/** The taxonomy terms by id, to nest a term in every attribute that uses it. */
export type TermIndex = ReadonlyMap<string, TermRow>;

export function presentTaxonomy(row: TaxonomyRow) {
  return compact({
    id: row.id,
    name: row.name,
    description: row.description,
    uri: uriOrNull(row.uri),
    version: row.version,
  });
}

export type HsdsTaxonomy = ReturnType<typeof presentTaxonomy>;

/** A term; with its taxonomy nested as `taxonomy_detail` when given. */
export function presentTerm(row: TermRow, taxonomy?: TaxonomyRow) {
  return compact({
    id: row.id,
    code: row.code,
    name: row.name,
    description: row.description,
    parent_id: row.parent_id,
    taxonomy: row.taxonomy_name,
    taxonomy_detail: taxonomy ? presentTaxonomy(taxonomy) : null,
    language: row.language,
    taxonomy_id: row.taxonomy_id,
    term_uri: uriOrNull(row.term_uri),
  });
}

export type HsdsTaxonomyTerm = ReturnType<typeof presentTerm>;

export type AttributeRow = Children['attributes'][number];

function presentAttribute(row: AttributeRow, terms: TermIndex) {
  const term = terms.get(row.taxonomy_term_id);
  return compact({
    id: row.id,
    link_id: row.link_id,
    taxonomy_term_id: row.taxonomy_term_id,
    link_type: row.link_type,
    link_entity: row.link_entity,
    value: row.value,
    taxonomy_term: term ? presentTerm(term) : null,
  });
}

export type HsdsAttribute = ReturnType<typeof presentAttribute>;

/**
 * The stored attributes of one entity, plus the profile attributes its Marke columns imply
 * (`voorbeeld` for is_demo, `cbs-gebiedscode` for area_code) unless one is stored already.
 */
export function attributesFor(
  entity: { id: string; linkEntity: AttributeRow['link_entity'] },
  implied: { isDemo?: boolean; areaCode?: string | null },
  stored: readonly AttributeRow[],
  terms: TermIndex,
): HsdsAttribute[] {
  const own = rowsWhere(stored, 'link_id', entity.id);
  const derived: AttributeRow[] = [];
  const imply = (code: string, value: string) => {
    const term = termId(PROFILE_TAXONOMY, code);
    if (!terms.has(term) || own.some((a) => a.taxonomy_term_id === term)) return;
    derived.push({
      // The id the seed gives the same attribute, so the derived and the stored one are one.
      id: stableId('attribute', entity.id, term, value),
      link_id: entity.id,
      link_type: code,
      link_entity: entity.linkEntity,
      taxonomy_term_id: term,
      value,
    });
  };
  if (implied.isDemo) imply('voorbeeld', 'ja');
  if (implied.areaCode) imply('cbs-gebiedscode', implied.areaCode);
  return [...own, ...derived].map((a) => presentAttribute(a, terms));
}

/** Fields whose change records would show moderation notes or people. */
const PRIVATE_FIELDS = new Set([
  'review_status',
  'review_note',
  'submitted_by',
  'reviewed_by',
  'reviewed_at',
  'assurer_email',
  'seeded_from',
]);

/** Change records of one resource; who changed it is the editorial team, not a named person. */
export function metadataFor(id: string, rows: Children['metadata']) {
  return rowsWhere(rows, 'resource_id', id)
    .filter((m) => !PRIVATE_FIELDS.has(m.field_name))
    .map((m) => ({
      id: m.id,
      resource_id: m.resource_id,
      resource_type: m.resource_type,
      last_action_date: day(m.last_action_date),
      last_action_type: m.last_action_type,
      field_name: m.field_name,
      previous_value: m.previous_value,
      replacement_value: m.replacement_value,
      updated_by: m.updated_by.startsWith('seed:') ? m.updated_by : 'redactie Hulpwijzer',
    }));
}

export type Owner = {
  service_id?: string;
  service_at_location_id?: string;
  location_id?: string;
  organization_id?: string;
  contact_id?: string;
};

/** The child rows that belong to the owner: the owner's key (one, in practice) has its id. */
function ownedBy<T extends Record<string, unknown>>(
  rows: readonly T[],
  owner: Owner,
): readonly T[] {
  const [first, ...rest] = Object.entries(owner);
  if (!first) return rows;
  return rowsWhere(rows, first[0], first[1]).filter((row) =>
    rest.every(([key, id]) => row[key] === id),
  );
}

export function languagesFor(owner: Owner & { phone_id?: string }, rows: Children['languages']) {
  return ownedBy(rows, owner).map((l) =>
    compact({
      id: l.id,
      service_id: l.service_id,
      location_id: l.location_id,
      phone_id: l.phone_id,
      name: l.name,
      code: l.code,
      note: l.note,
    }),
  );
}

export function phonesFor(owner: Owner, c: Children) {
  return ownedBy(c.phones, owner).map((p) =>
    compact({
      id: p.id,
      location_id: p.location_id,
      service_id: p.service_id,
      organization_id: p.organization_id,
      contact_id: p.contact_id,
      service_at_location_id: p.service_at_location_id,
      number: p.number,
      extension: p.extension,
      type: p.type,
      description: p.description,
      languages: languagesFor({ phone_id: p.id }, c.languages),
    }),
  );
}

export function schedulesFor(owner: Owner, c: Children) {
  return ownedBy(c.schedules, owner).map((s) =>
    compact({
      id: s.id,
      service_id: s.service_id,
      location_id: s.location_id,
      service_at_location_id: s.service_at_location_id,
      valid_from: s.valid_from,
      valid_to: s.valid_to,
      dtstart: s.dtstart,
      timezone: numberOrNull(s.timezone),
      until: s.until,
      count: s.count,
      wkst: s.wkst,
      freq: s.freq,
      interval: s.interval,
      byday: s.byday,
      byweekno: s.byweekno,
      bymonthday: s.bymonthday,
      byyearday: s.byyearday,
      description: s.description,
      opens_at: s.opens_at,
      closes_at: s.closes_at,
      schedule_link: uriOrNull(s.schedule_link),
      attending_type: s.attending_type,
      notes: s.notes,
    }),
  );
}

export function contactsFor(owner: Owner, c: Children) {
  return ownedBy(c.contacts, owner).map((k) =>
    compact({
      id: k.id,
      organization_id: k.organization_id,
      service_id: k.service_id,
      service_at_location_id: k.service_at_location_id,
      location_id: k.location_id,
      name: k.name,
      title: k.title,
      department: k.department,
      email: emailOrNull(k.email),
      phones: phonesFor({ contact_id: k.id }, c),
    }),
  );
}

/** Everything a nested object needs: its children and the terms its attributes name. */
export type Context = { children: Children; terms: TermIndex };
