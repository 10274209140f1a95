/** SQL of the Hulpwijzer's editors: listings with their parts, counts, review queue, metadata. */
import { randomUUID } from 'node:crypto';
import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { ReviewStatus, ServiceStatus } from '../../db/schema-directory.js';
import type { ListingInput } from './directory-editor.types.js';
import { ownedIds, ownedPhoneRows, ownedScheduleRow } from './directory-editor-parts.js';
import { taxonomyId, termId } from './directory-ids.js';
import { FRESHNESS_FROM_MONTHS, type Freshness } from './freshness.js';
import { LADDER_TAXONOMY, NEED_TAXONOMY, PROFILE_TAXONOMY } from './profile.js';

type Db = Kysely<Database>;
type Trx = Transaction<Database>;

/** When a listing was last checked: the search's own rule (never checked: when it was made). */
const CHECKED_ON = sql<string>`coalesce(s.assured_date, s.created_at::date)`;

const olderThan = (months: number) =>
  sql<boolean>`${CHECKED_ON} <= current_date - make_interval(months => ${months})`;

/** The listing's state by the age of its check, decided by PostgreSQL's date arithmetic. */
function freshnessSql(): RawBuilder<Freshness> {
  const { controleren, verouderd, verborgen } = FRESHNESS_FROM_MONTHS;
  return sql<Freshness>`case
    when ${olderThan(verborgen)} then 'verborgen'
    when ${olderThan(verouderd)} then 'verouderd'
    when ${olderThan(controleren)} then 'controleren'
    else 'actueel' end`;
}

const profileValues = (code: string) =>
  sql<string[]>`array(select a.value from hsds_attribute a
    where a.link_id = s.id and a.taxonomy_term_id = ${termId(PROFILE_TAXONOMY, code)}
    order by a.value)`;

/** The region's listings (or one plan organisation's), those needing attention first. */
export async function listListings(db: Db, regionId: number, planOrganisationId: number | null) {
  let query = db
    .selectFrom('hsds_service as s')
    .innerJoin('hsds_organization as o', 'o.id', 's.organization_id')
    .select([
      's.id',
      's.name',
      's.status',
      's.review_status',
      's.review_note',
      's.edited_since_review',
      's.assured_date',
      's.assured_by',
      's.is_demo',
      'o.name as organization_name',
      CHECKED_ON.as('checked_on'),
      freshnessSql().as('freshness'),
    ])
    .where('s.region_id', '=', regionId);
  if (planOrganisationId !== null)
    query = query.where('o.plan_organisation_id', '=', planOrganisationId);
  return query.orderBy('s.is_demo').orderBy('checked_on').orderBy('s.name').execute();
}
export type ListingRow = Awaited<ReturnType<typeof listListings>>[number];

/** One listing with everything its form, card and metadata need. */
export async function findListing(db: Db, id: string) {
  const owned = ownedIds(id);
  return db
    .selectFrom('hsds_service as s')
    .innerJoin('hsds_organization as o', 'o.id', 's.organization_id')
    .select([
      's.id',
      's.region_id',
      's.organization_id',
      's.name',
      's.description',
      's.eligibility_description',
      's.fees_description',
      's.url',
      's.email',
      's.status',
      's.assured_date',
      's.assured_by',
      's.review_status',
      's.review_note',
      's.reviewed_by',
      's.reviewed_at',
      's.submitted_by',
      's.edited_since_review',
      's.is_demo',
      's.seeded_from',
      's.created_at',
      's.last_modified',
      'o.name as organization_name',
      'o.plan_organisation_id',
      freshnessSql().as('freshness'),
      sql<string | null>`(select t.code from hsds_attribute a
        join hsds_taxonomy_term t on t.id = a.taxonomy_term_id
        where a.link_id = s.id and t.taxonomy_id = ${taxonomyId(LADDER_TAXONOMY)}
        limit 1)`.as('ladder'),
      sql<string[]>`array(select t.code from hsds_attribute a
        join hsds_taxonomy_term t on t.id = a.taxonomy_term_id
        where a.link_id = s.id and t.taxonomy_id = ${taxonomyId(NEED_TAXONOMY)}
        order by t.position)`.as('needs'),
      profileValues('regioplan-doel').as('goals'),
      profileValues('regioplan-initiatief').as('initiatives'),
      profileValues('bron').as('sources'),
      sql<string[]>`array(select sa.area_code from hsds_service_area sa
        where sa.service_id = s.id order by sa.area_code)`.as('areas'),
      // Phones, "wanneer" and address: the rows the form owns (directory-editor-parts.ts).
      sql<{ number: string; description: string | null }[]>`coalesce((select
        json_agg(json_build_object('number', p.number, 'description', p.description)
          order by array_position(${owned.phones}::uuid[], p.id))
        from hsds_phone p where p.id = any(${owned.phones}::uuid[])), '[]'::json)`.as('phones'),
      sql<string[]>`array(select sc.description from hsds_schedule sc
        where sc.id = ${owned.schedule} and sc.description is not null)`.as('schedules'),
      sql<{ option: string | null; amount: string | null; note: string | null } | null>`(select
        json_build_object('option', c.option, 'amount', c.amount::text,
          'note', c.amount_description)
        from hsds_cost_option c where c.service_id = s.id order by c.id limit 1)`.as('cost'),
      sql<{ street: string; postalCode: string; city: string } | null>`(select
        json_build_object('street', a.address_1, 'postalCode', a.postal_code, 'city', a.city)
        from hsds_service_at_location sal join hsds_address a on a.location_id = sal.location_id
        where sal.id = ${owned.serviceAtLocation} and sal.service_id = s.id
        order by a.id = ${owned.address} desc, a.id limit 1)`.as('address'),
    ])
    .where('s.id', '=', id)
    .executeTakeFirst();
}
export type ListingDetail = NonNullable<Awaited<ReturnType<typeof findListing>>>;

/** Locks the listing for the rest of the transaction (one editor's save at a time). */
export async function lockListing(trx: Trx, id: string): Promise<boolean> {
  const row = await trx
    .selectFrom('hsds_service')
    .select('id')
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return !!row;
}

/** Listings waiting for a beheerder: handed in, or changed by their organisation since approval. */
export async function reviewQueue(db: Db, regionId: number) {
  return db
    .selectFrom('hsds_service as s')
    .innerJoin('hsds_organization as o', 'o.id', 's.organization_id')
    .select([
      's.id',
      's.name',
      's.review_status',
      's.review_note',
      's.edited_since_review',
      's.last_modified',
      'o.name as organization_name',
    ])
    .where('s.region_id', '=', regionId)
    .where((eb) =>
      eb.or([eb('s.review_status', '=', 'ingediend'), eb('s.edited_since_review', '=', true)]),
    )
    .orderBy('s.last_modified')
    .execute();
}

/** How many active listings (of a plan organisation, or all) are due for a check. */
export async function countDueForCheck(
  db: Db,
  regionId: number,
  planOrganisationId: number | null,
) {
  let query = db
    .selectFrom('hsds_service as s')
    .innerJoin('hsds_organization as o', 'o.id', 's.organization_id')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('s.region_id', '=', regionId)
    .where('s.status', '=', 'active')
    .where('s.is_demo', '=', false)
    .where(olderThan(FRESHNESS_FROM_MONTHS.controleren));
  if (planOrganisationId !== null)
    query = query.where('o.plan_organisation_id', '=', planOrganisationId);
  return Number((await query.executeTakeFirst())?.n ?? 0);
}

export async function countReviewQueue(db: Db, regionId: number) {
  const row = await db
    .selectFrom('hsds_service')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('region_id', '=', regionId)
    .where((eb) =>
      eb.or([eb('review_status', '=', 'ingediend'), eb('edited_since_review', '=', true)]),
    )
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export type ServiceValues = {
  organization_id: string;
  name: string;
  description: string;
  eligibility_description: string | null;
  fees_description: string | null;
  url: string | null;
  email: string | null;
};

export async function insertService(
  trx: Trx,
  row: ServiceValues & {
    id: string;
    region_id: number;
    review_status: ReviewStatus;
    submitted_by: string;
    assured_by: string | null;
    checked: boolean;
  },
): Promise<void> {
  const { checked, ...values } = row;
  await trx
    .insertInto('hsds_service')
    .values({
      ...values,
      status: 'active',
      assured_date: checked ? sql<string>`current_date` : null,
    })
    .execute();
}

/**
 * The day a save records as checked (`current_date`, as insertService and updateService write
 * it), so a preview promises the date the listing will really get — also in the hours around
 * midnight where the database's day and the Dutch day differ.
 */
export async function checkDay(db: Db): Promise<string> {
  const { rows } = await sql<{ day: string }>`select current_date::text as day`.execute(db);
  return rows[0]?.day ?? '';
}

/** Writes changed fields; every write through the editors takes the listing out of the seed. */
export async function updateService(
  trx: Trx,
  id: string,
  values: Partial<ServiceValues> & {
    status?: ServiceStatus;
    review_status?: ReviewStatus;
    review_note?: string | null;
    reviewed_by?: string;
    reviewed?: boolean;
    edited_since_review?: boolean;
    assured_by?: string | null;
    checked?: boolean;
    modified?: boolean;
  },
): Promise<void> {
  const { checked, reviewed, modified, ...rest } = values;
  await trx
    .updateTable('hsds_service')
    .set({
      ...rest,
      seeded_from: null,
      ...(checked ? { assured_date: sql<string>`current_date` } : {}),
      ...(reviewed ? { reviewed_at: sql<string>`now()` } : {}),
      ...(modified ? { last_modified: sql<string>`now()` } : {}),
    })
    .where('id', '=', id)
    .execute();
}

/**
 * Phones, schedule, cost option and address of a listing as the form has them. Only the rows the
 * form owns (ids stable per listing and slot, directory-editor-parts.ts) are replaced: phones,
 * opening hours and places that came in another way (an HSDS import) are left as they are.
 */
export async function replaceServiceParts(
  trx: Trx,
  service: { id: string; regionId: number; stateProvince: string },
  input: Pick<ListingInput, 'phones' | 'schedule' | 'cost' | 'address'>,
): Promise<void> {
  const { id } = service;
  const owned = ownedIds(id);
  await trx.deleteFrom('hsds_phone').where('id', 'in', owned.phones).execute();
  await trx.deleteFrom('hsds_schedule').where('id', '=', owned.schedule).execute();
  // The form shows one cost option and writes it back; cost options are not kept apart (yet).
  await trx.deleteFrom('hsds_cost_option').where('service_id', '=', id).execute();
  const phones = ownedPhoneRows(id, input.phones);
  if (phones.length > 0) await trx.insertInto('hsds_phone').values(phones).execute();
  const schedule = ownedScheduleRow(id, input.schedule);
  if (schedule) await trx.insertInto('hsds_schedule').values(schedule).execute();
  if (input.cost.kind !== 'onbekend')
    await trx
      .insertInto('hsds_cost_option')
      .values({
        id: owned.costOption,
        service_id: id,
        option: input.cost.kind,
        currency: 'EUR',
        amount: input.cost.kind === 'gratis' ? 0 : (input.cost.amount ?? undefined),
        amount_description: input.cost.note,
      })
      .execute();
  await replaceAddress(trx, service, input.address);
}

/**
 * The form's own place: written in place (what hangs on it stays), or taken away when the form
 * has no address. Other places of the listing are not the form's and stay.
 */
async function replaceAddress(
  trx: Trx,
  service: { id: string; regionId: number; stateProvince: string },
  address: ListingInput['address'],
): Promise<void> {
  const owned = ownedIds(service.id);
  if (!address) {
    await trx
      .deleteFrom('hsds_service_at_location')
      .where('id', '=', owned.serviceAtLocation)
      .execute();
    // The location goes too, unless another service is given there.
    await trx
      .deleteFrom('hsds_location')
      .where('id', '=', owned.location)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('hsds_service_at_location as o')
              .select('o.id')
              .whereRef('o.location_id', '=', 'hsds_location.id'),
          ),
        ),
      )
      .execute();
    return;
  }
  await trx
    .insertInto('hsds_location')
    .values({
      id: owned.location,
      region_id: service.regionId,
      location_type: 'physical',
      name: null,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  const street = {
    address_1: address.street,
    postal_code: address.postalCode,
    city: address.city,
    state_province: service.stateProvince,
  };
  await trx
    .insertInto('hsds_address')
    .values({
      id: owned.address,
      location_id: owned.location,
      ...street,
      country: 'NL',
      address_type: 'physical',
    })
    .onConflict((oc) => oc.column('id').doUpdateSet(street))
    .execute();
  await trx
    .insertInto('hsds_service_at_location')
    .values({ id: owned.serviceAtLocation, service_id: service.id, location_id: owned.location })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export type MetadataRow = {
  resource_id: string;
  resource_type: 'service' | 'organization';
  last_action_type: 'create' | 'update' | 'delete';
  field_name: string;
  previous_value: string;
  replacement_value: string;
  updated_by: string;
};

export async function insertMetadata(trx: Trx, rows: MetadataRow[]): Promise<void> {
  if (rows.length === 0) return;
  await trx
    .insertInto('hsds_metadata')
    .values(rows.map((row) => ({ ...row, id: randomUUID() })))
    .execute();
}

/** The change history of a listing or organisation, newest first. */
export async function listMetadata(db: Db, resourceId: string, limit = 50) {
  return db
    .selectFrom('hsds_metadata')
    .select([
      'last_action_date',
      'last_action_type',
      'field_name',
      'previous_value',
      'replacement_value',
      'updated_by',
    ])
    .where('resource_id', '=', resourceId)
    .orderBy('last_action_date', 'desc')
    .orderBy('field_name')
    .limit(limit)
    .execute();
}
