/** JSON API of the plan: `/api/v1/regions/{region}/...`. Lists use the export rows; details compose them. */
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { problem } from '../../web/errors.js';
import type { AppDeps, AppEnv } from '../../web/types.js';
import { getGovernance, getOrganisation, listBySector } from '../organisations/index.js';
import { parseGoalCode } from './goal-codes.js';
import * as plan from './plan.service.js';
import * as content from './plan-content.service.js';
import { EXPORT_ENTITIES, exportPlan, isExportEntity, toCsv } from './plan-export.service.js';
import { searchPlan } from './plan-search.service.js';

const GoalFilter = z
  .object({
    kind: z.enum(['strategic', 'operational']).optional(),
    opgave: z
      .string()
      .regex(/^[a-z0-9-]+$/)
      .optional(),
  })
  .strict();
const notFound = (c: Context, what: string) => problem(c, 404, 'Niet gevonden', what);
const SearchQuery = z.object({ q: z.string().trim().min(1).max(200) }).strict();

/** Absolute links from the region's API root to every resource and export. */
function apiLinks(region: string) {
  const base = `/api/v1/regions/${region}`;
  const resources = [
    'themes',
    'guiding-threads',
    'opgaven',
    'goals',
    'programmes',
    'initiatives',
    'organisations',
    'sectors',
    'governance',
    'glossary',
    'sections',
  ];
  return {
    ...Object.fromEntries(resources.map((name) => [name, `${base}/${name}`])),
    search: `${base}/search?q={zoekwoorden}`,
    openapi: '/api/openapi.json',
    export_json: `${base}/export.json`,
    export_csv: EXPORT_ENTITIES.map((entity) => `${base}/export/${entity}.csv`),
  };
}

/** Mounted at `/api/v1/regions/:region`; the region middleware has resolved `ctx.region`. */
export function planApi({ db }: AppDeps) {
  const app = new Hono<AppEnv>();

  app.get('/', async (c) => {
    const { region } = c.get('ctx');
    const data = await exportPlan(db, region);
    return c.json({
      region: data.plan[0] ?? null,
      themes: data.themes,
      guiding_threads: data.guiding_threads,
      links: apiLinks(c.get('ctx').region.code),
    });
  });

  app.get('/themes', async (c) => c.json((await exportPlan(db, c.get('ctx').region)).themes));
  app.get('/themes/:slug', async (c) => {
    const theme = (await exportPlan(db, c.get('ctx').region)).themes.find(
      (t) => t.slug === c.req.param('slug'),
    );
    return theme ? c.json(theme) : notFound(c, 'Dit thema bestaat niet.');
  });
  app.get('/guiding-threads', async (c) =>
    c.json((await exportPlan(db, c.get('ctx').region)).guiding_threads),
  );
  app.get('/sectors', async (c) => c.json((await exportPlan(db, c.get('ctx').region)).sectors));

  app.get('/opgaven', async (c) => c.json((await exportPlan(db, c.get('ctx').region)).opgaven));
  app.get('/opgaven/:slug', async (c) => {
    const result = await plan.getOpgave(db, c.get('ctx').region, c.req.param('slug'));
    if (!result.ok || 'redirect' in result.value) return notFound(c, 'Deze opgave bestaat niet.');
    const { opgave, strategic, operational, programmes } = result.value;
    const { id: _id, region_id: _r, ...rest } = opgave;
    return c.json({
      ...rest,
      strategic_goals: strategic.map((g) => g.code),
      operational_goals: operational.map((g) => g.code),
      programmes: programmes.map((p) => p.slug),
    });
  });

  app.get('/goals', async (c) => {
    const filter = GoalFilter.safeParse(c.req.query());
    if (!filter.success)
      return problem(
        c,
        400,
        'Ongeldige parameter',
        filter.error.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`).join('; '),
      );
    const data = await exportPlan(db, c.get('ctx').region);
    const { kind, opgave } = filter.data;
    const strategic = data.strategic_goals.filter((g) => !opgave || g.opgave === opgave);
    const operational = data.operational_goals.filter(
      (g) => !opgave || strategic.some((s) => s.code === g.strategic_goal),
    );
    return c.json({
      strategic_goals: kind === 'operational' ? [] : strategic,
      operational_goals: kind === 'strategic' ? [] : operational,
    });
  });

  app.get('/goals/:code', async (c) => {
    const code = c.req.param('code');
    if (!parseGoalCode(code))
      return problem(
        c,
        400,
        'Ongeldige doelcode',
        `"${code}" is geen doelcode zoals 2.1.1 of 2.1.1.a.`,
      );
    const result = await plan.getGoal(db, c.get('ctx').region, code);
    if (!result.ok) return notFound(c, `Doel ${code} staat niet in het plan.`);
    const data = result.value;
    const related = {
      mentions: data.related.outgoing.map((g) => g.code),
      mentioned_by: data.related.incoming.map((g) => g.code),
    };
    const programmes = data.programmes.map((p) => p.slug);
    if (data.kind === 'strategic') {
      const { id: _i, opgave_id: _o, position: _p, ...goal } = data.goal;
      return c.json({
        goal_type: 'strategic',
        ...goal,
        operational_goals: data.operational.map((g) => g.code),
        related,
        programmes,
      });
    }
    const { id: _i, strategic_goal_id: _s, position: _p, ...goal } = data.goal;
    return c.json({
      ...goal,
      goal_type: 'operational',
      initiatives: data.initiatives.map((i) => ({ slug: i.slug, label: i.label })),
      initiators: data.initiators.map((p) => ({
        name: p.name,
        note: p.note,
        organisation: p.organisation_slug,
      })),
      related,
      programmes,
    });
  });

  app.get('/programmes', async (c) =>
    c.json((await exportPlan(db, c.get('ctx').region)).programmes),
  );
  app.get('/programmes/:slug', async (c) => {
    const result = await content.getProgramme(db, c.get('ctx').region, c.req.param('slug'));
    if (!result.ok) return notFound(c, 'Dit programma bestaat niet.');
    const { id: _i, region_id: _r, ...programme } = result.value.programme;
    return c.json({
      ...programme,
      partners: result.value.partners.map((p) => ({
        name: p.name,
        note: p.note,
        organisation: p.organisation_slug,
      })),
      contributes_to: result.value.targets,
    });
  });

  app.get('/initiatives', async (c) =>
    c.json((await exportPlan(db, c.get('ctx').region)).initiatives),
  );
  app.get('/initiatives/:slug', async (c) => {
    const result = await content.getInitiative(db, c.get('ctx').region, c.req.param('slug'));
    if (!result.ok) return notFound(c, 'Dit initiatief bestaat niet.');
    const { id: _i, region_id: _r, ...initiative } = result.value.initiative;
    return c.json({ ...initiative, goals: result.value.goals.map((g) => g.code) });
  });

  app.get('/organisations', async (c) => {
    const data = await listBySector(db, c.get('ctx').region);
    return c.json(
      data.groups.map((g) => ({
        sector: g.sector.slug,
        name: g.sector.name,
        leidend: g.leidend.map((o) => o.slug),
        breed: g.breed.map((o) => o.slug),
        others: g.others.map((o) => o.slug),
      })),
    );
  });
  app.get('/organisations/:slug', async (c) => {
    const result = await getOrganisation(db, c.get('ctx').region, c.req.param('slug'));
    if (!result.ok) return notFound(c, 'Deze organisatie staat niet in het plan.');
    const { id: _i, ...organisation } = result.value.organisation;
    return c.json({
      ...organisation,
      coalition: result.value.memberships.map((m) => ({
        sector: m.sector_slug,
        coalition: m.coalition,
      })),
      initiator_on: result.value.goals.map((g) => g.code),
      programmes: result.value.programmes.map((p) => p.slug),
      roles: result.value.roles,
    });
  });

  app.get('/governance', async (c) => {
    const bodies = await getGovernance(db, c.get('ctx').region);
    return c.json(
      bodies.map(({ id: _i, roles, ...body }) => ({
        ...body,
        roles: roles.map(({ body_id: _b, body_slug: _s, body_name: _n, ...r }) => r),
      })),
    );
  });
  app.get('/glossary', async (c) => c.json((await exportPlan(db, c.get('ctx').region)).glossary));
  app.get('/sections', async (c) => c.json((await exportPlan(db, c.get('ctx').region)).sections));
  app.get('/sections/:slug', async (c) => {
    const result = await content.getSection(db, c.get('ctx').region, c.req.param('slug'));
    if (!result.ok) return notFound(c, 'Deze tekst bestaat niet.');
    const { id: _i, region_id: _r, ...section } = result.value;
    return c.json(section);
  });

  app.get('/search', async (c) => {
    const parsed = SearchQuery.safeParse(c.req.query());
    if (!parsed.success)
      return problem(c, 400, 'Ongeldige zoekvraag', 'Geef q mee: 1 tot 200 tekens.');
    const result = await searchPlan(db, c.get('ctx').region, parsed.data.q);
    if (!result.ok)
      return problem(
        c,
        400,
        'Ongeldige zoekvraag',
        'Typ minstens één woord van twee letters of meer.',
      );
    return c.json({
      total: result.value.total,
      groups: result.value.groups.map((g) => ({
        type: g.type,
        items: g.items.map(({ rank: _r, ...item }) => item),
      })),
    });
  });

  app.get('/export.json', async (c) => {
    const data = await exportPlan(db, c.get('ctx').region);
    c.header(
      'content-disposition',
      `attachment; filename="marke-${c.get('ctx').region.code}.json"`,
    );
    return c.json({ format: 'marke-plan-export', version: 1, entities: data });
  });
  app.get('/export/:file', async (c) => {
    const match = /^([a-z_]+)\.csv$/.exec(c.req.param('file'));
    const entity = match?.[1];
    if (!entity || !isExportEntity(entity))
      return notFound(
        c,
        `Onbekend exportbestand. Beschikbaar: ${EXPORT_ENTITIES.map((e) => `${e}.csv`).join(', ')}.`,
      );
    const rows = (await exportPlan(db, c.get('ctx').region))[entity] as ReadonlyArray<
      Record<string, unknown>
    >;
    return c.body(toCsv(entity, rows), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="marke-${c.get('ctx').region.code}-${entity}.csv"`,
    });
  });

  return app;
}
