/** SQL of the directory organisations the editors maintain, and the plan's organisations. */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database>;
type Trx = Transaction<Database>;

/** The region's directory organisations (or those linked to one plan organisation). */
export async function listOrganizations(
  db: Db,
  regionId: number,
  planOrganisationId: number | null,
) {
  let query = db
    .selectFrom('hsds_organization')
    .select([
      'id',
      'region_id',
      'name',
      'description',
      'email',
      'website',
      'plan_organisation_id',
      'is_demo',
    ])
    .where('region_id', '=', regionId);
  if (planOrganisationId !== null)
    query = query.where('plan_organisation_id', '=', planOrganisationId);
  return query.orderBy('is_demo').orderBy('name').execute();
}
export type OrganizationRow = Awaited<ReturnType<typeof listOrganizations>>[number];

export async function findOrganization(db: Db, id: string) {
  return db
    .selectFrom('hsds_organization')
    .select([
      'id',
      'region_id',
      'name',
      'description',
      'email',
      'website',
      'plan_organisation_id',
      'is_demo',
      'seeded_from',
    ])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The plan's organisations of the region, to link a directory organisation to. */
export async function listPlanOrganisations(db: Db, regionId: number) {
  return db
    .selectFrom('organisation')
    .select(['id', 'name'])
    .where('region_id', '=', regionId)
    .orderBy('name')
    .execute();
}

export async function planOrganisationName(db: Db, id: number): Promise<string | null> {
  const row = await db
    .selectFrom('organisation')
    .select('name')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.name ?? null;
}

export type OrganizationValues = {
  name: string;
  description: string;
  email: string | null;
  website: string | null;
};

export async function insertOrganization(
  trx: Trx,
  row: OrganizationValues & { id: string; region_id: number; plan_organisation_id: number | null },
): Promise<void> {
  await trx.insertInto('hsds_organization').values(row).execute();
}

/** An edited organisation is the editors' now: a re-seed leaves it alone. */
export async function updateOrganization(
  trx: Trx,
  id: string,
  values: OrganizationValues & { plan_organisation_id: number | null },
): Promise<void> {
  await trx
    .updateTable('hsds_organization')
    .set({ ...values, seeded_from: null, last_modified: sql<string>`now()` })
    .where('id', '=', id)
    .execute();
}
