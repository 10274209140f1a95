/** Prints the datawerkplaats figures as tables (the JSON keeps every sample summary). */
import type { DatawerkplaatsResults } from './datawerkplaats.js';
import { printTable } from './report.js';

const ok = (met: boolean) => (met ? 'yes' : 'NO');

export function printDatawerkplaats(results: DatawerkplaatsResults): void {
  if ('skipped' in results) {
    console.log(`\nDatawerkplaats: overgeslagen (${results.skipped})`);
    return;
  }
  const { generated: g, mapApi: a, wijkPage: b, import: c } = results;
  printTable(
    `Datawerkplaats: national demo set on PostgreSQL ${results.postgres.settings.server_version} (${results.postgres.description})`,
    [
      {
        measurements: g.measurements,
        'of which buurt': g.buurtMeasurements,
        'roll-ups wijk/gemeente/provincie': Object.values(g.rollups).join('/'),
        primary: g.suppressed.primary,
        secondary: g.suppressed.secondary,
        reused: g.reused ? 'yes' : 'no',
        'insert s': g.seconds.measurements,
        'roll-ups + disclosure s': g.seconds.suppression,
        'vacuum s': g.seconds.vacuum,
      },
    ],
  );
  const apiMet = a.api.p50Ms <= a.goals.p50Ms && a.ratioP50 <= a.goals.ratio;
  printTable(
    `(a) map data, one indicator/year, ${a.buurtRows} buurten + ${a.otherCodes} gemeenten/references, ${a.pairs} different URLs (page-cache misses: ${JSON.stringify(a.cache)})`,
    [
      { what: 'API over HTTP (miss)', ...a.api, 'ratio p50': a.ratioP50, 'goal met': ok(apiMet) },
      { what: 'same SQL, plain pg client', ...a.rawSql, 'ratio p50': 1, 'goal met': '' },
      { what: 'SQL: buurt query only', ...a.rawSqlLevelQueryOnly, 'ratio p50': '', 'goal met': '' },
      {
        what: 'first request per indicator',
        ...a.firstPerIndicator,
        'ratio p50': '',
        'goal met': '',
      },
      {
        what: `same URL again (${a.repeatSameUrl.cache})`,
        ...a.repeatSameUrl,
        'ratio p50': '',
        'goal met': '',
      },
    ].map(({ cache: _cache, ...row }: Record<string, string | number>) => row),
  );
  console.log(
    `response: ${a.response.json} bytes of JSON, ${a.response.wire} on the wire (${a.response.encoding}); plan: ${a.plan.slice(0, 3).join(' | ')}`,
  );
  printTable(
    `(b) Drenthe wijk map ${b.url} (${b.pageBytes} bytes), goal p99 ≤ ${b.goalP99Ms} ms`,
    [
      {
        what: 'first render in this process (cold; not a goal row)',
        n: 1,
        p50Ms: b.firstRenderInProcessMs,
        p90Ms: '',
        p99Ms: '',
        maxMs: b.firstRenderInProcessMs,
        met: '',
      },
      {
        what: 'after a data change (memos recomputed)',
        ...b.afterChange,
        met: ok(b.afterChange.p99Ms <= b.goalP99Ms),
      },
      {
        what: `render, warm memos (${b.warmRender.urls} URLs)`,
        ...b.warmRender,
        met: ok(b.warmRender.p99Ms <= b.goalP99Ms),
      },
      {
        what: `cached, ${b.cached.connections} connections × ${b.cached.durationSeconds} s (${b.cached.requestsPerSec} req/s)`,
        n: '',
        p50Ms: b.cached.p50Ms,
        p90Ms: '',
        p99Ms: b.cached.p99Ms,
        maxMs: b.cached.maxMs,
        met: ok(b.cached.p99Ms <= b.goalP99Ms),
      },
    ].map(({ urls: _urls, ...row }: Record<string, string | number>) => row),
  );
  printTable(
    `(c) import of ${c.rows} values (${c.files} files, ${c.csvMegabytes} MB CSV), goal ≤ ${c.goalRatio}× COPY`,
    [
      {
        'COPY s': c.copySeconds ?? '-',
        'product path s': c.productSeconds,
        'read+check+stage s': c.stageSeconds,
        'apply s': c.applySeconds,
        'roll-ups + disclosure again s': c.decisionAgainSeconds,
        ratio: c.ratio ?? '-',
        met: c.ratio === null ? '-' : ok(c.ratio <= c.goalRatio),
      },
    ],
  );
}
