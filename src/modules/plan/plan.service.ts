/** Read services of the plan module: each returns the data one page or API call needs. */

import type { Kysely } from 'kysely';
import { memoByDataVersion } from '../../db/memo.js';
import type { Database } from '../../db/schema.js';
import { err, ok, type Result } from '../../lib/result.js';
import { isSlug } from '../../lib/slug.js';
import { compareGoalCodes, parseGoalCode } from './goal-codes.js';
import * as repo from './plan.repository.js';
import * as links from './plan-links.repository.js';

type Db = Kysely<Database>;
/** `cbsCode` is the region's own area (PV22 for Drenthe), where region-wide figures live. */
export type Region = { id: number; code: string; name: string; brand?: string; cbsCode?: string };
export type NotFound = 'RegionNotFound' | 'NotFound';

/** Every page, API call and CLI export starts from the URL's region or the default one. */
export async function getRegion(db: Db, code: string): Promise<Result<Region, NotFound>> {
  if (!isSlug(code)) return err('RegionNotFound');
  const region = await repo.findRegion(db, code);
  if (!region) return err('RegionNotFound');
  return ok({
    id: region.id,
    code: region.code,
    name: region.name,
    brand: region.brand ?? region.plan_title ?? `Regioplan ${region.name}`,
    cbsCode: region.cbs_code ?? undefined,
  });
}

/** Re-exported so app.tsx can serve /api/v1/regions through the module's public API. */
export const listRegions = repo.listRegions;

/** A region by id (sessions store the id), with its brand; RegionNotFound when it is gone. */
export async function getRegionById(db: Db, id: number): Promise<Result<Region, NotFound>> {
  const row = await repo.findRegionCode(db, id);
  return row ? getRegion(db, row.code) : err('RegionNotFound');
}
/** Re-exported so app.tsx can give the page cache its version check via the module API. */
export const currentDataVersion = repo.currentDataVersion;

/** Home page: the plan, its ambition, themes, rode draden and the opgaven with goal counts. */
export async function getOverview(db: Db, region: Region) {
  const plan = await repo.findPlan(db, region.id);
  if (!plan) return err('NotFound' as const);
  const [themes, threads, opgaven, strategic, operational, programmes] = await Promise.all([
    repo.listThemes(db, region.id),
    repo.listGuidingThreads(db, region.id),
    repo.listOpgaven(db, region.id),
    repo.listStrategicGoals(db, region.id),
    repo.listOperationalGoals(db, region.id),
    links.listProgrammes(db, region.id),
  ]);
  const counted = opgaven.map((o) => ({
    ...o,
    strategicCount: strategic.filter((g) => g.opgave_id === o.id).length,
    operationalCount: operational.filter((g) => g.opgave_slug === o.slug).length,
  }));
  return ok({
    plan,
    themes,
    threads,
    opgaven: counted,
    programmeCount: programmes.length,
    strategic,
    operational,
  });
}

/** One opgave with its strategic goals and operational goals (for the year timeline). */
export async function getOpgave(db: Db, region: Region, slugOrNumber: string) {
  const asNumber = /^[1-9][0-9]?$/.test(slugOrNumber) ? Number(slugOrNumber) : undefined;
  if (asNumber !== undefined) {
    const found = await repo.findOpgaveByNumber(db, region.id, asNumber);
    return found ? ok({ redirect: found.slug } as const) : err('NotFound' as const);
  }
  if (!isSlug(slugOrNumber)) return err('NotFound' as const);
  const opgave = await repo.findOpgave(db, region.id, slugOrNumber);
  if (!opgave) return err('NotFound' as const);
  const strategic = (await repo.listStrategicGoals(db, region.id)).filter(
    (g) => g.opgave_id === opgave.id,
  );
  const operational = (await repo.listOperationalGoals(db, region.id)).filter(
    (g) => g.opgave_slug === opgave.slug,
  );
  const contributions = (await links.listProgrammeContributions(db, region.id)).filter(
    (c) =>
      (c.target_kind === 'opgave' && c.target_code === opgave.slug) ||
      strategic.some((g) => c.target_code.startsWith(g.code)),
  );
  return ok({ opgave, strategic, operational, programmes: uniqueProgrammes(contributions) });
}

function uniqueProgrammes(rows: Array<{ slug: string; name: string; number: number }>) {
  const seen = new Map<string, { slug: string; name: string; number: number }>();
  for (const row of rows)
    if (!seen.has(row.slug))
      seen.set(row.slug, { slug: row.slug, name: row.name, number: row.number });
  return [...seen.values()].sort((a, b) => a.number - b.number);
}

/** Related goals of `codes`, in both directions, with short titles; excludes the goals themselves. */
async function relatedGoals(db: Db, region: Region, codes: string[]) {
  const relations = await repo.listRelations(db, region.id, codes);
  const outgoing = relations.filter((r) => codes.includes(r.source_code)).map((r) => r.target_code);
  const incoming = relations.filter((r) => codes.includes(r.target_code)).map((r) => r.source_code);
  const titles = new Map(
    (await repo.goalTitles(db, region.id, [...outgoing, ...incoming])).map((t) => [t.code, t.text]),
  );
  const entry = (code: string) => ({ code, text: titles.get(code) ?? '' });
  const unique = (list: string[]) =>
    [...new Set(list)].filter((c) => !codes.includes(c)).sort(compareGoalCodes);
  return { outgoing: unique(outgoing).map(entry), incoming: unique(incoming).map(entry) };
}

/** Programmes that contribute to a goal directly, through its strategic goal, or through its opgave; says which. */
async function contributingProgrammes(db: Db, region: Region, codes: string[], opgaveSlug: string) {
  const rows = await links.listProgrammeContributions(db, region.id);
  const via = (row: (typeof rows)[number]): 'doel' | 'strategisch doel' | 'opgave' | undefined => {
    if (row.target_kind === 'opgave') return row.target_code === opgaveSlug ? 'opgave' : undefined;
    if (!codes.includes(row.target_code)) return undefined;
    return row.target_code === codes[0] ? 'doel' : 'strategisch doel';
  };
  const order = { doel: 0, 'strategisch doel': 1, opgave: 2 } as const;
  const best = new Map<
    string,
    { slug: string; name: string; number: number; via: 'doel' | 'strategisch doel' | 'opgave' }
  >();
  for (const row of rows) {
    const reason = via(row);
    if (!reason) continue;
    const current = best.get(row.slug);
    if (!current || order[reason] < order[current.via])
      best.set(row.slug, { slug: row.slug, name: row.name, number: row.number, via: reason });
  }
  return [...best.values()].sort((a, b) => order[a.via] - order[b.via] || a.number - b.number);
}

/** A goal page: strategic (with its operational goals) or operational (with everything linked). */
export async function getGoal(db: Db, region: Region, rawCode: string) {
  const parsed = parseGoalCode(rawCode);
  if (!parsed) return err('NotFound' as const);
  if (parsed.kind === 'strategic') {
    const goal = await repo.findStrategicGoal(db, region.id, parsed.code);
    if (!goal) return err('NotFound' as const);
    const operational = (await repo.listOperationalGoals(db, region.id)).filter(
      (g) => g.strategic_goal_id === goal.id,
    );
    const related = await relatedGoals(db, region, [goal.code]);
    const programmes = await contributingProgrammes(db, region, [goal.code], goal.opgave_slug);
    return ok({ kind: 'strategic' as const, goal, operational, related, programmes });
  }
  const goal = await repo.findOperationalGoal(db, region.id, parsed.code);
  if (!goal) return err('NotFound' as const);
  const [initiatives, initiators, related, programmes] = await Promise.all([
    links.listGoalInitiatives(db, [goal.id]),
    links.listGoalInitiators(db, [goal.id]),
    relatedGoals(db, region, [goal.code]),
    contributingProgrammes(db, region, [goal.code, goal.strategic_code], goal.opgave_slug),
  ]);
  return ok({ kind: 'operational' as const, goal, initiatives, initiators, related, programmes });
}

/** All goals in plan order, for the goal list and the API. */
export async function listGoals(db: Db, region: Region) {
  const [strategic, operational] = await Promise.all([
    repo.listStrategicGoals(db, region.id),
    repo.listOperationalGoals(db, region.id),
  ]);
  return { strategic, operational };
}

export type GoalIndexEntry = {
  code: string;
  kind: 'strategic' | 'operational';
  text: string;
  opgaveSlug: string;
  opgaveName: string;
  opgaveNumber: number;
  strategicCode: string;
};

/** Every goal of a region by code (plan notation, `2.1.1` and `2.1.1. A`), in plan order. */
export function goalIndex(db: Db, regionId: number): Promise<Map<string, GoalIndexEntry>> {
  return memoByDataVersion(db, `goal-index:${regionId}`, () => buildGoalIndex(db, regionId));
}

async function buildGoalIndex(db: Db, regionId: number): Promise<Map<string, GoalIndexEntry>> {
  const [strategic, operational] = await Promise.all([
    repo.listStrategicGoals(db, regionId),
    repo.listOperationalGoals(db, regionId),
  ]);
  const opgaven = new Map(strategic.map((g) => [g.opgave_slug, g.opgave_name]));
  const index = new Map<string, GoalIndexEntry>();
  for (const g of strategic) {
    index.set(g.code, {
      code: g.code,
      kind: 'strategic',
      text: g.text_chapter2 ?? g.text_chapter1 ?? '',
      opgaveSlug: g.opgave_slug,
      opgaveName: g.opgave_name,
      opgaveNumber: g.opgave_number,
      strategicCode: g.code,
    });
    for (const o of operational.filter((op) => op.strategic_goal_id === g.id))
      index.set(o.code, {
        code: o.code,
        kind: 'operational',
        text: o.text ?? o.label ?? '',
        opgaveSlug: o.opgave_slug,
        opgaveName: opgaven.get(o.opgave_slug) ?? '',
        opgaveNumber: o.opgave_number,
        strategicCode: o.strategic_code,
      });
  }
  return index;
}

/** The plan's initiatives by slug (the Hulpwijzer links its listings to them). */
export async function initiativeNames(db: Db, regionId: number): Promise<Map<string, string>> {
  const rows = await repo.listInitiativeNames(db, regionId);
  return new Map(rows.map((row) => [row.slug, row.name]));
}
