/** Stories and panel results in the public API: only published items, panel after disclosure control. */
import { stringify } from 'csv-stringify/sync';
import { Hono } from 'hono';
import { z } from 'zod';
import { problem } from '../../web/errors.js';
import type { AppDeps, AppEnv } from '../../web/types.js';
import { csvCell } from '../plan/index.js';
import {
  listPanelResults,
  PANEL_EXPORT_COLUMNS,
  panelExportRows,
} from './panel-results.service.js';
import { STORY_ROLE_NAMES, type StoryRole } from './stories.types.js';
import { listPublishedStories } from './stories-view.service.js';

const ApiStoryFilter = z
  .object({
    opgave: z
      .string()
      .regex(/^[a-z0-9-]{1,80}$/, 'Onbekende opgave.')
      .optional(),
    role: z
      .enum(STORY_ROLE_NAMES as [StoryRole, ...StoryRole[]], {
        message: `role is een van: ${STORY_ROLE_NAMES.join(', ')}.`,
      })
      .optional(),
  })
  .strict();

/** Mounted at `/api/v1/regions/:region` beside the plan API. */
export function storiesApi({ db }: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/stories', async (c) => {
    const filter = ApiStoryFilter.safeParse(c.req.query());
    if (!filter.success)
      return problem(
        c,
        400,
        'Ongeldig filter',
        filter.error.issues[0]?.message ?? 'Ongeldig filter.',
      );
    const stories = await listPublishedStories(db, c.get('ctx').region.id, {
      opgaveSlug: filter.data.opgave,
      role: filter.data.role,
      limit: 1000,
    });
    return c.json(
      stories.map((s) => ({
        id: s.id,
        text: s.text,
        role: s.role,
        told_on: s.toldOn,
        area_code: s.area.code,
        area_name: s.area.name,
        opgaven: s.opgaven.map((o) => o.slug),
        goals: s.goals,
        target_groups: s.targetGroups.map((g) => g.slug),
        is_demo: s.isDemo,
      })),
    );
  });
  app.get('/panel', async (c) => {
    const questions = await listPanelResults(db, c.get('ctx').region.id, { publishedOnly: true });
    return c.json(
      questions.map((q) => ({
        id: q.id,
        question: q.question,
        options: q.options,
        source: q.source,
        is_demo: q.isDemo,
        distributions: q.distributions.map((d) => ({
          period: d.period,
          area_code: d.area.code,
          area_name: d.area.name,
          status: d.status ?? 'getoond',
          n: d.n,
          counts: d.counts,
        })),
      })),
    );
  });
  app.get('/panel.csv', async (c) => {
    const questions = await listPanelResults(db, c.get('ctx').region.id, { publishedOnly: true });
    const rows = panelExportRows(questions);
    const body = stringify(
      rows.map((row) => PANEL_EXPORT_COLUMNS.map((column) => csvCell(row[column]))),
      { header: true, columns: [...PANEL_EXPORT_COLUMNS], record_delimiter: '\r\n' },
    );
    return c.body(`\uFEFF${body}`, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="marke-${c.get('ctx').region.code}-panel.csv"`,
    });
  });
  return app;
}
