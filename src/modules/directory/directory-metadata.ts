/**
 * HSDS `metadata` rows for every change (issue 5 §3): one row per changed field with the previous
 * and the new value as text, so the directory itself tells who changed what and when, also in an
 * export. Related tables (phones, areas, attributes) are fields of the service they belong to,
 * named after their HSDS table.
 */
import type { ListingDetail, MetadataRow } from './directory-editor.repository.js';

export type Snapshot = Record<string, string>;

const list = (values: readonly string[], separator = ', ') => values.join(separator);

/** A listing as field → text, in the order a reader of the history expects. */
export function listingSnapshot(l: ListingDetail): Snapshot {
  const cost = l.cost
    ? [l.cost.option, l.cost.amount !== null ? `${l.cost.amount} EUR` : '', l.cost.note ?? '']
        .filter(Boolean)
        .join(', ')
    : '';
  return {
    organization_id: l.organization_id,
    name: l.name,
    description: l.description ?? '',
    eligibility_description: l.eligibility_description ?? '',
    fees_description: l.fees_description ?? '',
    cost_options: cost,
    'attributes.hulpladder': l.ladder ?? '',
    'attributes.hulpvraag': list(l.needs),
    service_areas: list(l.areas),
    email: l.email ?? '',
    url: l.url ?? '',
    phones: list(
      l.phones.map((p) => (p.description ? `${p.number} (${p.description})` : p.number)),
      '; ',
    ),
    schedules: list(l.schedules, '; '),
    'service_at_locations.location.address': l.address
      ? `${l.address.street}, ${l.address.postalCode} ${l.address.city}`
      : '',
    'attributes.regioplan-doel': list(l.goals),
    'attributes.regioplan-initiatief': list(l.initiatives),
    'attributes.bron': list(l.sources, '; '),
    status: l.status,
    assured_date: l.assured_date ?? '',
    review_status: l.review_status,
    review_note: l.review_note ?? '',
  };
}

/** A directory organisation as field → text. */
export function organizationSnapshot(o: {
  name: string;
  description: string;
  email: string | null;
  website: string | null;
  plan_organisation_id: number | null;
}): Snapshot {
  return {
    name: o.name,
    description: o.description,
    email: o.email ?? '',
    website: o.website ?? '',
    plan_organisation_id: o.plan_organisation_id === null ? '' : String(o.plan_organisation_id),
  };
}

/**
 * The metadata rows between two snapshots: on create every filled field, on update every field
 * whose text changed. Nothing changed gives no rows.
 */
export function metadataRows(
  resource: { id: string; type: MetadataRow['resource_type'] },
  before: Snapshot | null,
  after: Snapshot,
  updatedBy: string,
): MetadataRow[] {
  return Object.entries(after).flatMap(([field, value]): MetadataRow[] => {
    const previous = before?.[field] ?? '';
    if (before ? previous === value : value === '') return [];
    return [
      {
        resource_id: resource.id,
        resource_type: resource.type,
        last_action_type: before ? 'update' : 'create',
        field_name: field,
        previous_value: previous,
        replacement_value: value,
        updated_by: updatedBy,
      },
    ];
  });
}
