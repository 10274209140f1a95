/** SQL writes of the plan import. Everything runs inside the caller's transaction. */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { json, setExcluded } from '../../db/upsert.js';
import type { OpgaveData, RegionData } from './plan-files.schema.js';

type Trx = Transaction<Database> | Kysely<Database>;

/** Creates the region when new; returns its id. */
export async function upsertRegion(trx: Trx, region: RegionData['region']): Promise<number> {
  const row = await trx
    .insertInto('region')
    .values({ code: region.code, name: region.name, cbs_code: region.cbs_code ?? null })
    .onConflict((oc) => oc.column('code').doUpdateSet(setExcluded(['name', 'cbs_code'])))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Writes the plan row with its ambition (one plan per region). */
export async function upsertPlan(
  trx: Trx,
  regionId: number,
  data: RegionData,
  checksum: string,
): Promise<void> {
  const values = {
    region_id: regionId,
    title: data.plan.title,
    subtitle: data.plan.subtitle ?? null,
    brand: data.plan.brand ?? null,
    version: data.plan.version,
    published_on: data.plan.published_on ?? null,
    source: data.plan.source,
    ambition_name: data.ambition.name,
    ambition_text: data.ambition.text,
    ambition_horizon: data.ambition.horizon_year,
    overarching_title: data.overarching_task?.title ?? null,
    overarching_blocks: json(data.overarching_task?.blocks ?? []),
    checksum,
    imported_at: new Date().toISOString(),
  };
  const { region_id: _region, ...update } = values;
  await trx
    .insertInto('plan')
    .values(values)
    .onConflict((oc) => oc.column('region_id').doUpdateSet(update))
    .execute();
}

/** Upserts themes and rode draden; returns theme slug → id. */
export async function writeThemes(
  trx: Trx,
  regionId: number,
  data: RegionData,
): Promise<Map<string, number>> {
  const rows = await trx
    .insertInto('theme')
    .values(
      data.themes.map((t) => ({
        region_id: regionId,
        number: t.number,
        slug: t.slug,
        name: t.name,
        motto: t.motto ?? null,
        ambition_2040: json(t.ambition_2040),
      })),
    )
    .onConflict((oc) =>
      oc
        .columns(['region_id', 'slug'])
        .doUpdateSet(setExcluded(['number', 'name', 'motto', 'ambition_2040'])),
    )
    .returning(['id', 'slug'])
    .execute();
  await trx
    .deleteFrom('theme')
    .where('region_id', '=', regionId)
    .where(
      'slug',
      'not in',
      rows.map((r) => r.slug),
    )
    .execute();
  await trx.deleteFrom('guiding_thread').where('region_id', '=', regionId).execute();
  await trx
    .insertInto('guiding_thread')
    .values(
      data.guiding_threads.map((g, position) => ({
        region_id: regionId,
        position,
        slug: g.slug,
        name: g.name,
      })),
    )
    .execute();
  return new Map(rows.map((r) => [r.slug, r.id]));
}

/** Upserts opgaven by slug; returns slug → id. */
export async function writeOpgaven(
  trx: Trx,
  regionId: number,
  opgaven: OpgaveData[],
): Promise<Map<string, number>> {
  // Park numbers out of the way first so a renumbering cannot trip the (region, number) key.
  await trx
    .updateTable('opgave')
    .set({ number: sql<number>`-number` })
    .where('region_id', '=', regionId)
    .execute();
  const rows = await trx
    .insertInto('opgave')
    .values(
      opgaven.map((o) => ({
        region_id: regionId,
        number: o.number,
        letter: o.letter,
        slug: o.slug,
        name: o.name,
        slogan: o.slogan,
        keywords: json(o.keywords),
        why: json(o.why),
        strategic_intro: json(o.strategic_intro),
        focus: json(o.focus),
        extra_sections: json(o.extra_sections),
        chapter2_intro: o.chapter2_intro,
        chapter2_sections: json(o.chapter2_sections),
      })),
    )
    .onConflict((oc) =>
      oc
        .columns(['region_id', 'slug'])
        .doUpdateSet(
          setExcluded([
            'number',
            'letter',
            'name',
            'slogan',
            'keywords',
            'why',
            'strategic_intro',
            'focus',
            'extra_sections',
            'chapter2_intro',
            'chapter2_sections',
          ]),
        ),
    )
    .returning(['id', 'slug'])
    .execute();
  await trx
    .deleteFrom('opgave')
    .where('region_id', '=', regionId)
    .where(
      'slug',
      'not in',
      rows.map((r) => r.slug),
    )
    .execute();
  return new Map(rows.map((r) => [r.slug, r.id]));
}

/** Upserts strategic goals and their operational goals by code; returns operational code → id. */
export async function writeGoals(
  trx: Trx,
  regionId: number,
  opgaven: OpgaveData[],
  opgaveIds: Map<string, number>,
): Promise<Map<string, number>> {
  const strategic = opgaven.flatMap((o) =>
    o.strategic_goals.map((g, position) => ({
      region_id: regionId,
      opgave_id: opgaveIds.get(o.slug) ?? -1,
      code: g.code,
      chapter1_code: g.chapter1_code,
      text_chapter1: g.text_chapter1,
      text_chapter2: g.text_chapter2,
      notes: json(g.notes),
      position,
    })),
  );
  const sgRows = await trx
    .insertInto('strategic_goal')
    .values(strategic)
    .onConflict((oc) =>
      oc
        .columns(['region_id', 'code'])
        .doUpdateSet(
          setExcluded([
            'opgave_id',
            'chapter1_code',
            'text_chapter1',
            'text_chapter2',
            'notes',
            'position',
          ]),
        ),
    )
    .returning(['id', 'code'])
    .execute();
  const sgIds = new Map(sgRows.map((r) => [r.code, r.id]));
  const operational = opgaven.flatMap((o) =>
    o.strategic_goals.flatMap((g) =>
      g.operational_goals.map((op, position) => ({
        region_id: regionId,
        strategic_goal_id: sgIds.get(g.code) ?? -1,
        code: op.code,
        kind: op.kind,
        label: op.label ?? null,
        text: op.text ?? null,
        text_missing: op.text_missing === true,
        details: json(op.details),
        planning: json(op.planning),
        deadline_year: op.deadline_year ?? null,
        deadline_note: op.deadline_note ?? null,
        target: op.target ?? null,
        inspiration_tbd: op.inspiration === 'nader te bepalen',
        initiators_tbd: op.initiators === 'nader te bepalen',
        position,
      })),
    ),
  );
  const ogRows = await trx
    .insertInto('operational_goal')
    .values(operational)
    .onConflict((oc) =>
      oc
        .columns(['region_id', 'code'])
        .doUpdateSet(
          setExcluded([
            'strategic_goal_id',
            'kind',
            'label',
            'text',
            'text_missing',
            'details',
            'planning',
            'deadline_year',
            'deadline_note',
            'target',
            'inspiration_tbd',
            'initiators_tbd',
            'position',
          ]),
        ),
    )
    .returning(['id', 'code'])
    .execute();
  await trx
    .deleteFrom('operational_goal')
    .where('region_id', '=', regionId)
    .where(
      'code',
      'not in',
      ogRows.map((r) => r.code),
    )
    .execute();
  await trx
    .deleteFrom('strategic_goal')
    .where('region_id', '=', regionId)
    .where(
      'code',
      'not in',
      sgRows.map((r) => r.code),
    )
    .execute();
  return new Map(ogRows.map((r) => [r.code, r.id]));
}

/** Replaces the "hangt samen met" links of a region (stored once, read in both directions). */
export async function writeRelations(
  trx: Trx,
  regionId: number,
  pairs: Array<[string, string]>,
): Promise<void> {
  await trx.deleteFrom('goal_relation').where('region_id', '=', regionId).execute();
  if (pairs.length === 0) return;
  await trx
    .insertInto('goal_relation')
    .values(
      pairs.map(([source_code, target_code]) => ({
        region_id: regionId,
        source_code,
        target_code,
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
}
