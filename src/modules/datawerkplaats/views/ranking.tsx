/** The ranked list of the areas of a map: best first by the indicator's direction. */
import { href, type PageContext } from '../../../web/context.js';
import { Layout } from '../../../web/layout.js';
import type { Ranking } from '../ranking.service.js';
import { FigureFlags, figureText, trendHref } from './figures.js';
import { levelName } from './map.js';

/** The page for this ranking with some of niveau, periode and binnen changed. */
function rankingUrl(
  ctx: PageContext,
  ranking: Ranking,
  change: Record<string, string | undefined>,
  path = `/datawerkplaats/ranglijst/${ranking.indicator.code}`,
) {
  const values: Record<string, string | undefined> = {
    niveau: ranking.level,
    periode: ranking.period,
    binnen: ranking.within?.code,
    ...change,
  };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value) params.set(key, value);
  return href(ctx, `${path}?${params.toString()}`);
}

/** What "best" means here, in words; a descriptive figure implies no order of better or worse. */
function directionText(ranking: Ranking): string {
  const { direction, name } = ranking.indicator;
  if (direction === 'lager')
    return `Bij "${name}" is lager beter. Plaats 1 heeft het laagste cijfer.`;
  if (direction === 'hoger')
    return `Bij "${name}" is hoger beter. Plaats 1 heeft het hoogste cijfer.`;
  return `"${name}" beschrijft hoe het is; hoger is niet beter of slechter. We zetten de gebieden van hoog naar laag. Plaats 1 is dus niet "het beste".`;
}

function rankingTitle(ranking: Ranking, regionName: string): string {
  const where = ranking.within ? ranking.within.name : regionName;
  return `Ranglijst ${ranking.indicator.name} per ${levelName(ranking.level)} in ${where}, ${ranking.period}`;
}

function Switches({ ctx, ranking }: { ctx: PageContext; ranking: Ranking }) {
  return (
    <nav class="marke-filters" aria-label="Kies niveau en periode">
      <p class="utrecht-paragraph">
        Niveau:{' '}
        {ranking.levels.map((l) =>
          l === ranking.level ? (
            <strong aria-current="page">{levelName(l)} </strong>
          ) : (
            <a
              class="utrecht-link"
              href={rankingUrl(ctx, ranking, { niveau: l, binnen: undefined, periode: undefined })}
            >
              {levelName(l)}{' '}
            </a>
          ),
        )}
        · Periode:{' '}
        {ranking.periods.map((p) =>
          p === ranking.period ? (
            <strong aria-current="page">{p} </strong>
          ) : (
            <a class="utrecht-link" href={rankingUrl(ctx, ranking, { periode: p })}>
              {p}{' '}
            </a>
          ),
        )}
      </p>
    </nav>
  );
}

export function RankingPage({ ctx, ranking }: { ctx: PageContext; ranking: Ranking }) {
  const { indicator } = ranking;
  const title = rankingTitle(ranking, ctx.region.name);
  const mapHref = rankingUrl(ctx, ranking, {}, `/datawerkplaats/kaart/${indicator.code}`);
  const references = [ranking.withinFigure, ranking.reference].filter((m) => m !== undefined);
  const shared = (rank: number | undefined) =>
    rank !== undefined && ranking.rows.filter((r) => r.rank === rank).length > 1;
  return (
    <Layout
      ctx={ctx}
      title={title}
      nav="data"
      crumbs={[
        { label: 'Datawerkplaats', href: href(ctx, '/datawerkplaats') },
        { label: indicator.name, href: mapHref },
        { label: 'Ranglijst' },
      ]}
    >
      <h1 class="utrecht-heading-1">{title}</h1>
      <p class="utrecht-paragraph">{directionText(ranking)}</p>
      {indicator.is_demo ? (
        <p class="utrecht-paragraph">
          <span class="marke-tag">voorbeelddata</span> Deze cijfers zijn een voorbeeld, geen echte
          metingen.
        </p>
      ) : null}
      <Switches ctx={ctx} ranking={ranking} />
      {references.length > 0 ? (
        <p class="utrecht-paragraph">
          Ter vergelijking:{' '}
          {references
            .map((m) => `${m.areaName} ${figureText(m, indicator)} (${m.source}, ${m.period})`)
            .join('; ')}
          .
        </p>
      ) : null}
      <div class="marke-table-wrap">
        <table class="utrecht-table">
          <caption class="utrecht-table__caption">{title}</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">
                Plaats
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                {levelName(ranking.level)}
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                Waarde
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                Bron
              </th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {ranking.rows.map((row) => (
              <tr class="utrecht-table__row">
                <td class="utrecht-table__cell">
                  {row.rank === undefined ? 'geen plaats' : row.rank}
                  {shared(row.rank) ? ' (gedeeld)' : ''}
                </td>
                <th class="utrecht-table__header-cell" scope="row">
                  {row.measurement ? (
                    <a class="utrecht-link" href={trendHref(ctx, indicator.code, row.code)}>
                      {row.name}
                    </a>
                  ) : (
                    row.name
                  )}
                </th>
                <td class="utrecht-table__cell">
                  {figureText(row.measurement, indicator)}
                  <FigureFlags m={row.measurement} />
                </td>
                <td class="utrecht-table__cell">{row.measurement?.source ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="utrecht-paragraph marke-muted">
        Gebieden met hetzelfde cijfer (zoals getoond) delen een plaats. Gebieden zonder cijfer, of
        met te weinig waarnemingen, staan onderaan zonder plaats. Klik op een gebied voor alle
        periodes.
      </p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={mapHref}>
          Terug naar de kaart
        </a>
      </p>
    </Layout>
  );
}
