/** Indicators in the API: summaries with status, one indicator with its measurements, all as CSV. */
import { stringify } from 'csv-stringify/sync';
import { Hono } from 'hono';
import { problem } from '../../web/errors.js';
import type { AppDeps, AppEnv } from '../../web/types.js';
import { csvCell } from '../plan/index.js';
import { publicScope } from './indicators.routes.js';
import {
  allMeasurements,
  getIndicator,
  type IndicatorSummary,
  isSuppressedReason,
  listIndicatorSummaries,
  type Measurement,
} from './indicators.service.js';
import { MEASUREMENT_COLUMNS } from './indicators.types.js';
import { markerForReason } from './measurements-import.service.js';

function present(i: IndicatorSummary) {
  return {
    code: i.code,
    name: i.name,
    description: i.description,
    numerator: i.numerator,
    denominator: i.denominator,
    unit: i.unit,
    direction: i.direction,
    source: i.source,
    area_levels: i.area_levels,
    frequency: i.frequency,
    track: i.track,
    is_demo: i.is_demo,
    goals: i.goals,
    targets: i.targets.map((t) => ({
      comparator: t.comparator,
      kind: t.kind,
      value: t.value,
      year: t.year,
      area_code: t.areaCode,
      baseline_period: t.baselinePeriod,
      source: t.source,
      status: t.status.status,
      status_reason: t.status.reason,
    })),
    latest: i.latest ? presentMeasurement(i.latest) : null,
  };
}

function presentMeasurement(m: Measurement) {
  return {
    area_code: m.areaCode,
    period: m.period,
    value: m.value,
    missing_reason: m.missingReason,
    numerator: m.numerator,
    denominator: m.denominator,
    sample_size: m.sampleSize,
    ci_low: m.ciLow,
    ci_high: m.ciHigh,
    source: m.source,
    note: m.note,
    is_projection: m.isProjection,
    is_demo: m.isDemo,
  };
}

/** Mounted at `/api/v1/regions/:region`. */
export function indicatorsApi({ db }: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/indicators', async (c) =>
    c.json((await listIndicatorSummaries(db, publicScope(c.get('ctx')))).map(present)),
  );
  app.get('/indicators/:code', async (c) => {
    const detail = await getIndicator(db, publicScope(c.get('ctx')), c.req.param('code'));
    if (!detail.ok) return problem(c, 404, 'Niet gevonden', 'Deze indicator bestaat niet.');
    return c.json({
      ...present(detail.value.indicator),
      measurements: detail.value.measurements.map(presentMeasurement),
    });
  });
  app.get('/measurements.csv', async (c) => {
    const ctx = c.get('ctx');
    const rows: string[][] = [];
    for (const { indicator, m } of await allMeasurements(db, publicScope(ctx))) {
      const record: Record<(typeof MEASUREMENT_COLUMNS)[number], unknown> = {
        indicator,
        area_code: m.areaCode,
        period: m.period,
        value: m.value,
        numerator: m.numerator,
        denominator: m.denominator,
        sample_size: m.sampleSize,
        ci_low: m.ciLow,
        ci_high: m.ciHigh,
        source: m.source,
        note: m.note,
        is_projection: m.isProjection ? 'ja' : 'nee',
        is_demo: m.isDemo ? 'ja' : 'nee',
      };
      // A missing value is written as its marker ("-", "x", "-99999999"), raw: these come from a
      // fixed list, are no formula and must read back as the same marker.
      const marker = m.value === null ? markerForReason(m.missingReason, isSuppressedReason) : '';
      rows.push(
        MEASUREMENT_COLUMNS.map((col) =>
          col === 'value' && m.value === null ? marker : csvCell(record[col]),
        ),
      );
    }
    const body = stringify(rows, {
      header: true,
      columns: [...MEASUREMENT_COLUMNS],
      record_delimiter: '\r\n',
    });
    return c.body(`\uFEFF${body}`, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="marke-${ctx.region.code}-metingen.csv"`,
    });
  });
  return app;
}
