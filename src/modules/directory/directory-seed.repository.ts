/** SQL for loading the profile and the region's listing files (directory seed). */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { HsdsTaxonomyTermTable } from '../../db/schema-directory.js';
import { json } from '../../db/upsert.js';
import type { OrganizationDraft, ServiceDraft } from './directory.types.js';
import { stableId } from './directory-ids.js';

type Db = Kysely<Database>;
type Trx = Transaction<Database>;

export type TermRow = Omit<HsdsTaxonomyTermTable, 'language' | 'keywords' | 'position'> & {
  keywords: string[];
  position: number;
};

/** Profile taxonomies and terms: inserted or brought up to date by id. */
export async function upsertProfile(
  trx: Trx,
  taxonomies: { id: string; name: string; description: string; version: string }[],
  terms: TermRow[],
): Promise<string[]> {
  for (const taxonomy of taxonomies)
    await trx
      .insertInto('hsds_taxonomy')
      .values({ ...taxonomy, uri: null })
      .onConflict((oc) =>
        oc.column('id').doUpdateSet({
          name: taxonomy.name,
          description: taxonomy.description,
          version: taxonomy.version,
        }),
      )
      .execute();
  for (const term of terms) {
    const values = { ...term, keywords: json(term.keywords) };
    await trx
      .insertInto('hsds_taxonomy_term')
      .values(values)
      .onConflict((oc) =>
        oc.column('id').doUpdateSet({
          name: values.name,
          description: values.description,
          keywords: values.keywords,
          position: values.position,
          code: values.code,
          parent_id: values.parent_id,
        }),
      )
      .execute();
  }
  return removeTermsLeftOut(trx, taxonomies, terms);
}

/**
 * The profile owns its taxonomies (an import may only use their terms): a term the profile no
 * longer lists is deleted, and with it (foreign key) every listing's link to it, so no search
 * still understands a need that is gone. Returns the codes removed.
 */
async function removeTermsLeftOut(
  trx: Trx,
  taxonomies: { id: string }[],
  terms: TermRow[],
): Promise<string[]> {
  if (taxonomies.length === 0) return [];
  const removed = await trx
    .deleteFrom('hsds_taxonomy_term')
    .where(
      'taxonomy_id',
      'in',
      taxonomies.map((t) => t.id),
    )
    .where((eb) =>
      terms.length > 0
        ? eb(
            'id',
            'not in',
            terms.map((t) => t.id),
          )
        : eb.lit(true),
    )
    .returning('code')
    .execute();
  return removed.map((r) => r.code).sort();
}

/** Of these ids, the rows that exist but belong to people now (changed after the seed). */
export async function editedIds(db: Db, regionId: number, ids: string[]) {
  if (ids.length === 0) return new Set<string>();
  const [organizations, services] = await Promise.all([
    db
      .selectFrom('hsds_organization')
      .select('id')
      .where('region_id', '=', regionId)
      .where('id', 'in', ids)
      .where('seeded_from', 'is', null)
      .execute(),
    db
      .selectFrom('hsds_service')
      .select('id')
      .where('region_id', '=', regionId)
      .where('id', 'in', ids)
      .where('seeded_from', 'is', null)
      .execute(),
  ]);
  return new Set([...organizations, ...services].map((r) => r.id));
}

export async function deleteSeeded(trx: Trx, regionId: number, file: string, keep: string[]) {
  let services = trx
    .deleteFrom('hsds_service')
    .where('region_id', '=', regionId)
    .where('seeded_from', '=', file);
  if (keep.length > 0) services = services.where('id', 'not in', keep);
  await services.execute();
  // An organization goes only when nothing else of it is left (people may have added services).
  let organizations = trx
    .deleteFrom('hsds_organization')
    .where('region_id', '=', regionId)
    .where('seeded_from', '=', file)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('hsds_service')
            .select('id')
            .whereRef('hsds_service.organization_id', '=', 'hsds_organization.id'),
        ),
      ),
    );
  if (keep.length > 0) organizations = organizations.where('id', 'not in', keep);
  await organizations.execute();
}

export async function upsertOrganization(
  trx: Trx,
  regionId: number,
  file: string,
  org: OrganizationDraft,
): Promise<void> {
  const values = {
    name: org.name,
    description: org.description,
    plan_organisation_id: org.planOrganisationId,
    is_demo: org.isDemo,
    seeded_from: file,
    last_modified: new Date().toISOString(),
  };
  await trx
    .insertInto('hsds_organization')
    .values({
      id: org.id,
      region_id: regionId,
      alternate_name: null,
      email: null,
      website: null,
      year_incorporated: null,
      legal_status: null,
      logo: null,
      uri: null,
      parent_organization_id: null,
      ...values,
    })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
}

/** A seeded service with its areas and profile attributes, replaced as a whole. */
export async function upsertService(
  trx: Trx,
  regionId: number,
  file: string,
  service: ServiceDraft,
  termIds: LinkTermIds,
): Promise<void> {
  const values = {
    organization_id: service.organizationId,
    name: service.name,
    description: service.description,
    eligibility_description: service.eligibility,
    fees_description: service.fees,
    assured_date: service.assuredDate,
    is_demo: service.isDemo,
    review_status: 'goedgekeurd' as const,
    reviewed_by: `seed:${file}`,
    seeded_from: file,
    status: 'active' as const,
  };
  await trx
    .insertInto('hsds_service')
    .values({ id: service.id, region_id: regionId, submitted_by: `seed:${file}`, ...values })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({ ...values, last_modified: new Date().toISOString() }),
    )
    .execute();
  await replaceServiceLinks(trx, service, termIds);
}

export type ServiceLinks = Pick<
  ServiceDraft,
  'id' | 'areas' | 'goals' | 'initiatives' | 'source' | 'isDemo'
>;
export type LinkTermIds = { ladder: string; needs: string[]; profile: (code: string) => string };

/**
 * A service's areas and profile attributes (ladder, needs, plan links, source, demo), replaced as
 * a whole: the seed and the editors write them the same way.
 */
export async function replaceServiceLinks(
  trx: Trx,
  service: ServiceLinks,
  termIds: LinkTermIds,
): Promise<void> {
  await trx.deleteFrom('hsds_service_area').where('service_id', '=', service.id).execute();
  await trx.deleteFrom('hsds_attribute').where('link_id', '=', service.id).execute();
  for (const code of service.areas) {
    const areaId = stableId('service_area', service.id, code);
    await trx
      .insertInto('hsds_service_area')
      .values({ id: areaId, service_id: service.id, area_code: code, name: null })
      .execute();
    const areaTerm = termIds.profile('cbs-gebiedscode');
    await insertAttribute(trx, areaId, 'service_area', 'cbs-gebiedscode', areaTerm, code);
  }
  await insertAttribute(trx, service.id, 'service', 'hulpladder', termIds.ladder, null);
  for (const need of termIds.needs)
    await insertAttribute(trx, service.id, 'service', 'hulpvraag', need, null);
  const profileValues: [string, string][] = [
    ...service.goals.map((goal): [string, string] => ['regioplan-doel', goal]),
    ...service.initiatives.map((slug): [string, string] => ['regioplan-initiatief', slug]),
    ...(service.source ? [['bron', service.source] as [string, string]] : []),
    ...(service.isDemo ? [['voorbeeld', 'ja'] as [string, string]] : []),
  ];
  for (const [code, value] of profileValues)
    await insertAttribute(trx, service.id, 'service', code, termIds.profile(code), value);
}

async function insertAttribute(
  trx: Trx,
  linkId: string,
  linkEntity: 'service' | 'service_area',
  linkType: string,
  termId: string,
  value: string | null,
): Promise<void> {
  await trx
    .insertInto('hsds_attribute')
    .values({
      id: stableId('attribute', linkId, termId, value ?? ''),
      link_id: linkId,
      link_entity: linkEntity,
      link_type: linkType,
      taxonomy_term_id: termId,
      value,
    })
    .execute();
}
