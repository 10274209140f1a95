/** SQL for the full export: every entity of a region, keyed by natural keys (codes, slugs), no ids. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database>;

/** Feeds the JSON/CSV export and API lists, and the before/after snapshots of the import audit. */
export async function exportRows(db: Db, regionId: number) {
  const q = db;
  const [
    plan,
    themes,
    threads,
    opgaven,
    strategic,
    operational,
    relations,
    initiatives,
    goalInitiatives,
    initiators,
    sectors,
    organisations,
    memberships,
    programmes,
    partners,
    contributions,
    bodies,
    roles,
    glossary,
    sections,
  ] = await Promise.all([
    q
      .selectFrom('plan')
      .innerJoin('region', 'region.id', 'plan.region_id')
      .select([
        'region.code as region',
        'region.name as region_name',
        'region.cbs_code',
        'plan.title',
        'plan.subtitle',
        'plan.brand',
        'plan.version',
        'plan.published_on',
        'plan.source',
        'plan.ambition_name',
        'plan.ambition_horizon',
        'plan.ambition_text',
        'plan.overarching_title',
        'plan.overarching_blocks',
        'plan.checksum',
      ])
      .where('plan.region_id', '=', regionId)
      .execute(),
    q
      .selectFrom('theme')
      .select(['number', 'slug', 'name', 'motto', 'ambition_2040'])
      .where('region_id', '=', regionId)
      .orderBy('number')
      .execute(),
    q
      .selectFrom('guiding_thread')
      .select(['position', 'slug', 'name'])
      .where('region_id', '=', regionId)
      .orderBy('position')
      .execute(),
    q
      .selectFrom('opgave')
      .select([
        'number',
        'letter',
        'slug',
        'name',
        'slogan',
        'keywords',
        'why',
        'focus',
        'strategic_intro',
        'extra_sections',
        'chapter2_intro',
        'chapter2_sections',
      ])
      .where('region_id', '=', regionId)
      .orderBy('number')
      .execute(),
    q
      .selectFrom('strategic_goal')
      .innerJoin('opgave', 'opgave.id', 'strategic_goal.opgave_id')
      .select([
        'strategic_goal.code',
        'strategic_goal.chapter1_code',
        'opgave.slug as opgave',
        'strategic_goal.text_chapter1',
        'strategic_goal.text_chapter2',
      ])
      .where('strategic_goal.region_id', '=', regionId)
      .orderBy('opgave.number')
      .orderBy('strategic_goal.position')
      .execute(),
    q
      .selectFrom('operational_goal')
      .innerJoin('strategic_goal', 'strategic_goal.id', 'operational_goal.strategic_goal_id')
      .innerJoin('opgave', 'opgave.id', 'strategic_goal.opgave_id')
      .select([
        'operational_goal.code',
        'strategic_goal.code as strategic_goal',
        'operational_goal.kind',
        'operational_goal.label',
        'operational_goal.text',
        'operational_goal.text_missing',
        'operational_goal.details',
        'operational_goal.planning',
        'operational_goal.deadline_year',
        'operational_goal.deadline_note',
        'operational_goal.target',
        'operational_goal.inspiration_tbd',
        'operational_goal.initiators_tbd',
      ])
      .where('operational_goal.region_id', '=', regionId)
      .orderBy('opgave.number')
      .orderBy('strategic_goal.position')
      .orderBy('operational_goal.position')
      .execute(),
    q
      .selectFrom('goal_relation')
      .select(['source_code', 'target_code'])
      .where('region_id', '=', regionId)
      .orderBy('source_code')
      .orderBy('target_code')
      .execute(),
    q
      .selectFrom('initiative')
      .select(['slug', 'name', 'aliases', 'description'])
      .where('region_id', '=', regionId)
      .orderBy('slug')
      .execute(),
    q
      .selectFrom('operational_goal_initiative as l')
      .innerJoin('operational_goal as g', 'g.id', 'l.operational_goal_id')
      .innerJoin('initiative as i', 'i.id', 'l.initiative_id')
      .select(['g.code as goal', 'l.position', 'i.slug as initiative', 'l.label'])
      .where('g.region_id', '=', regionId)
      .orderBy('g.code')
      .orderBy('l.position')
      .execute(),
    q
      .selectFrom('operational_goal_initiator as l')
      .innerJoin('operational_goal as g', 'g.id', 'l.operational_goal_id')
      .leftJoin('organisation as o', 'o.id', 'l.organisation_id')
      .leftJoin('sector as s', 's.id', 'l.sector_id')
      .select([
        'g.code as goal',
        'l.position',
        'l.name',
        'l.note',
        'o.slug as organisation',
        's.slug as sector',
      ])
      .where('g.region_id', '=', regionId)
      .orderBy('g.code')
      .orderBy('l.position')
      .execute(),
    q
      .selectFrom('sector')
      .select(['position', 'slug', 'name'])
      .where('region_id', '=', regionId)
      .orderBy('position')
      .execute(),
    q
      .selectFrom('organisation')
      .leftJoin('sector', 'sector.id', 'organisation.sector_id')
      .select([
        'organisation.slug',
        'organisation.name',
        'organisation.short_name',
        'organisation.aliases',
        'organisation.is_group',
        'sector.slug as sector',
        'organisation.description',
      ])
      .where('organisation.region_id', '=', regionId)
      .orderBy('organisation.slug')
      .execute(),
    q
      .selectFrom('coalition_membership as m')
      .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
      .innerJoin('sector as s', 's.id', 'm.sector_id')
      .select(['o.slug as organisation', 's.slug as sector', 'm.coalition'])
      .where('o.region_id', '=', regionId)
      .orderBy('s.position')
      .orderBy('o.slug')
      .execute(),
    q
      .selectFrom('programme')
      .select(['number', 'slug', 'name', 'objective', 'context', 'contribution', 'more_info'])
      .where('region_id', '=', regionId)
      .orderBy('number')
      .execute(),
    q
      .selectFrom('programme_partner as p')
      .innerJoin('programme', 'programme.id', 'p.programme_id')
      .leftJoin('organisation as o', 'o.id', 'p.organisation_id')
      .leftJoin('sector as s', 's.id', 'p.sector_id')
      .select([
        'programme.slug as programme',
        'p.position',
        'p.name',
        'p.note',
        'o.slug as organisation',
        's.slug as sector',
      ])
      .where('programme.region_id', '=', regionId)
      .orderBy('programme.number')
      .orderBy('p.position')
      .execute(),
    q
      .selectFrom('programme_contribution as c')
      .innerJoin('programme', 'programme.id', 'c.programme_id')
      .select(['programme.slug as programme', 'c.target_kind', 'c.target_code'])
      .where('programme.region_id', '=', regionId)
      .orderBy('programme.number')
      .orderBy('c.target_code')
      .execute(),
    q
      .selectFrom('governance_body as b')
      .leftJoin('theme', 'theme.id', 'b.theme_id')
      .select([
        'b.slug',
        'b.name',
        'b.kind',
        'theme.slug as theme',
        'b.motto',
        'b.description',
        'b.work_agenda',
      ])
      .where('b.region_id', '=', regionId)
      .orderBy('b.position')
      .execute(),
    q
      .selectFrom('governance_role as r')
      .innerJoin('governance_body as b', 'b.id', 'r.body_id')
      .leftJoin('organisation as o', 'o.id', 'r.organisation_id')
      .select([
        'b.slug as body',
        'r.position',
        'r.role',
        'o.slug as organisation',
        'r.name',
        'r.person',
        'r.function',
        'r.note',
      ])
      .where('b.region_id', '=', regionId)
      .orderBy('b.position')
      .orderBy('r.position')
      .execute(),
    q
      .selectFrom('glossary_entry')
      .select(['kind', 'slug', 'term', 'definition'])
      .where('region_id', '=', regionId)
      .orderBy('kind', 'desc')
      .orderBy('position')
      .execute(),
    q
      .selectFrom('plan_section')
      .select(['slug', 'chapter', 'title', 'blocks'])
      .where('region_id', '=', regionId)
      .orderBy('position')
      .execute(),
  ]);
  return {
    plan,
    themes,
    guiding_threads: threads,
    opgaven,
    strategic_goals: strategic,
    operational_goals: operational,
    goal_relations: relations,
    initiatives,
    goal_initiatives: goalInitiatives,
    goal_initiators: initiators,
    sectors,
    organisations,
    coalition_memberships: memberships,
    programmes,
    programme_partners: partners,
    programme_contributions: contributions,
    governance_bodies: bodies,
    governance_roles: roles,
    glossary,
    sections,
  };
}
