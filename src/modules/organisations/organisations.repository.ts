/** SQL reads of the organisations module: sectors, coalition, roles on goals, governance. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database>;

/** The organisations page groups organisations by sector, in the plan's sector order. */
export async function listSectors(db: Db, regionId: number) {
  return db
    .selectFrom('sector')
    .select(['id', 'slug', 'name', 'position'])
    .where('region_id', '=', regionId)
    .orderBy('position')
    .execute();
}

/** The organisations page also lists organisations outside the coalitie, so it needs all. */
export async function listOrganisations(db: Db, regionId: number) {
  return db
    .selectFrom('organisation')
    .select(['id', 'slug', 'name', 'short_name', 'aliases', 'is_group', 'sector_id', 'description'])
    .where('region_id', '=', regionId)
    .orderBy('name')
    .execute();
}

/** Leidende or brede coalitie per sector (Bijlage B), for the organisation pages. */
export async function listMemberships(db: Db, regionId: number) {
  return db
    .selectFrom('coalition_membership as m')
    .innerJoin('sector', 'sector.id', 'm.sector_id')
    .innerJoin('organisation', 'organisation.id', 'm.organisation_id')
    .select([
      'm.organisation_id',
      'm.sector_id',
      'm.coalition',
      'sector.slug as sector_slug',
      'sector.name as sector_name',
      'organisation.slug as organisation_slug',
    ])
    .where('sector.region_id', '=', regionId)
    .execute();
}

/** Organisation pages and /organisations/:slug in the API address an organisation by slug. */
export async function findOrganisation(db: Db, regionId: number, slug: string) {
  return db
    .selectFrom('organisation')
    .leftJoin('sector', 'sector.id', 'organisation.sector_id')
    .select([
      'organisation.id',
      'organisation.slug',
      'organisation.name',
      'organisation.short_name',
      'organisation.aliases',
      'organisation.is_group',
      'organisation.description',
      'organisation.sector_id',
      'sector.name as sector_name',
    ])
    .where('organisation.region_id', '=', regionId)
    .where('organisation.slug', '=', slug)
    .executeTakeFirst();
}

/** Operational goals on which the organisation is named as potential initiator. */
export async function listInitiatorGoals(db: Db, organisationId: number) {
  return db
    .selectFrom('operational_goal_initiator as link')
    .innerJoin('operational_goal', 'operational_goal.id', 'link.operational_goal_id')
    .select([
      'operational_goal.code',
      'operational_goal.text',
      'operational_goal.label',
      'link.name as named_as',
      'link.note',
    ])
    .where('link.organisation_id', '=', organisationId)
    .orderBy('operational_goal.code')
    .execute();
}

/** An organisation page lists the programmes (Bijlage A) that name it as a partner. */
export async function listPartnerProgrammes(db: Db, organisationId: number) {
  return db
    .selectFrom('programme_partner as p')
    .innerJoin('programme', 'programme.id', 'p.programme_id')
    .select(['programme.slug', 'programme.name', 'programme.number'])
    .where('p.organisation_id', '=', organisationId)
    .orderBy('programme.number')
    .execute();
}

/** The governance page and API show every body in the plan's order, with its theme. */
export async function listGovernanceBodies(db: Db, regionId: number) {
  return db
    .selectFrom('governance_body')
    .leftJoin('theme', 'theme.id', 'governance_body.theme_id')
    .select([
      'governance_body.id',
      'governance_body.slug',
      'governance_body.name',
      'governance_body.kind',
      'governance_body.motto',
      'governance_body.description',
      'governance_body.work_agenda',
      'theme.slug as theme_slug',
      'theme.name as theme_name',
    ])
    .where('governance_body.region_id', '=', regionId)
    .orderBy('governance_body.position')
    .execute();
}

/** The governance page lists who sits in each body, linked to their organisation if known. */
export async function listGovernanceRoles(db: Db, regionId: number) {
  return db
    .selectFrom('governance_role as r')
    .innerJoin('governance_body as b', 'b.id', 'r.body_id')
    .leftJoin('organisation', 'organisation.id', 'r.organisation_id')
    .select([
      'r.body_id',
      'r.position',
      'r.role',
      'r.name',
      'r.person',
      'r.function',
      'r.note',
      'organisation.slug as organisation_slug',
      'organisation.name as organisation_name',
      'b.slug as body_slug',
      'b.name as body_name',
    ])
    .where('b.region_id', '=', regionId)
    .orderBy('r.body_id')
    .orderBy('r.position')
    .execute();
}

/** An organisation page shows its governance roles, e.g. bestuurlijk trekker of a theme. */
export async function listOrganisationRoles(db: Db, organisationId: number) {
  return db
    .selectFrom('governance_role as r')
    .innerJoin('governance_body as b', 'b.id', 'r.body_id')
    .select([
      'r.role',
      'r.person',
      'r.function',
      'r.note',
      'b.slug as body_slug',
      'b.name as body_name',
    ])
    .where('r.organisation_id', '=', organisationId)
    .orderBy('b.position')
    .execute();
}

/** Per organisation: on how many operational goals it is named as potential initiator. */
export async function countInitiatorGoals(db: Db, regionId: number) {
  return db
    .selectFrom('operational_goal_initiator as link')
    .innerJoin('organisation', 'organisation.id', 'link.organisation_id')
    .select([
      'organisation.id as organisation_id',
      (eb) => eb.fn.count<number>('link.operational_goal_id').distinct().as('goals'),
    ])
    .where('organisation.region_id', '=', regionId)
    .groupBy('organisation.id')
    .execute();
}

/** Goals on which a whole sector is named as a group ("Gemeenten", "Welzijn"), for the sector lists. */
export async function listSectorGoals(db: Db, regionId: number) {
  return db
    .selectFrom('operational_goal_initiator as link')
    .innerJoin('sector', 'sector.id', 'link.sector_id')
    .innerJoin('operational_goal', 'operational_goal.id', 'link.operational_goal_id')
    .select(['sector.id as sector_id', 'operational_goal.code', 'link.name as named_as'])
    .where('sector.region_id', '=', regionId)
    .orderBy('operational_goal.code')
    .execute();
}

/** Organisation ids by slug, for modules that refer to an organisation of the plan. */
export async function listOrganisationSlugs(db: Db, regionId: number) {
  return db
    .selectFrom('organisation')
    .select(['id', 'slug'])
    .where('region_id', '=', regionId)
    .execute();
}
