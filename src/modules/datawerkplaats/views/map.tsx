/** The datawerkplaats pages: the list of figures per area, and one indicator as map and table. */
import {
  Choropleth,
  classLabel,
  type MapArea,
  MapLegend,
  mapClasses,
} from '../../../web/choropleth.js';
import { href, type PageContext } from '../../../web/context.js';
import { Layout } from '../../../web/layout.js';
import { AREA_LEVEL_NAMES, type AreaLevel } from '../../areas/index.js';
import { formatValue, type IndicatorSummary } from '../../indicators/index.js';
import type { MapRow, mapData } from '../map.service.js';
import { CompareButton, CompareCells, CompareHeaders, levelPlural } from './figures.js';

type MapView = Extract<Awaited<ReturnType<typeof mapData>>, { ok: true }>['value'];
export type SortKey = 'naam' | 'waarde';

/** The Dutch name of an area level ("gemeente", "wijk"). */
export const levelName = (level: string) => AREA_LEVEL_NAMES[level as AreaLevel] ?? level;
const CRUMB = { label: 'Datawerkplaats', href: '/datawerkplaats' };

export function DataIndexPage({
  ctx,
  indicators,
}: {
  ctx: PageContext;
  indicators: IndicatorSummary[];
}) {
  return (
    <Layout ctx={ctx} title="Datawerkplaats" nav="data" crumbs={[{ label: 'Datawerkplaats' }]}>
      <h1 class="utrecht-heading-1">Datawerkplaats: cijfers per gemeente en wijk</h1>
      <p class="utrecht-paragraph">
        Hoe verschillen gemeenten en wijken in {ctx.region.name}? Kies een cijfer. U ziet een kaart
        en een tabel met dezelfde getallen. Bij elk cijfer staat de bron en het jaar. Cijfers over
        te weinig mensen laten we niet zien (de drempel staat bij elke bron).{' '}
        <a class="utrecht-link" href={href(ctx, '/datawerkplaats/bronnen')}>
          Waar komen de cijfers vandaan?
        </a>{' '}
        <a class="utrecht-link" href={href(ctx, '/datawerkplaats/subregios')}>
          Welke gemeenten horen bij welke HEMA-subregio?
        </a>{' '}
        <a class="utrecht-link" href={href(ctx, '/datawerkplaats/gebiedsindeling')}>
          Welke gebieden en grenzen gebruiken we?
        </a>
      </p>
      <ul class="utrecht-unordered-list">
        {indicators.map((i) => (
          <li>
            <a class="utrecht-link" href={href(ctx, `/datawerkplaats/kaart/${i.code}`)}>
              {i.name}
            </a>{' '}
            <span class="marke-muted">
              ({i.area_levels.filter((l) => l === 'gemeente' || l === 'wijk').join(', ')};{' '}
              {i.source})
            </span>
            {i.is_demo ? <span class="marke-tag"> voorbeelddata</span> : null}
          </li>
        ))}
      </ul>
    </Layout>
  );
}

function mapUrl(ctx: PageContext, view: MapView, change: Record<string, string | undefined>) {
  const params = new URLSearchParams();
  const values: Record<string, string | undefined> = {
    niveau: view.level,
    periode: view.period,
    binnen: view.within?.code,
    ...change,
  };
  for (const [key, value] of Object.entries(values)) if (value) params.set(key, value);
  return href(ctx, `/datawerkplaats/kaart/${view.indicator.code}?${params.toString()}`);
}

function downloadUrl(ctx: PageContext, view: MapView, kind: 'csv' | 'geojson' | 'svg') {
  return mapUrl(ctx, view, {}).replace(
    `/kaart/${view.indicator.code}?`,
    `/kaart/${view.indicator.code}.${kind}?`,
  );
}

/** Where an area leads: the map of the level below when it has figures, else its profile. */
function drillHref(ctx: PageContext, view: MapView, row: MapRow) {
  if (!row.drillHref || !view.childLevel) return href(ctx, `/datawerkplaats/gebied/${row.code}`);
  return mapUrl(ctx, view, { niveau: view.childLevel, binnen: row.code });
}

function sorted(rows: MapRow[], key: SortKey): MapRow[] {
  if (key === 'naam') return [...rows].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  const value = (r: MapRow) => r.measurement?.value ?? Number.NEGATIVE_INFINITY;
  return [...rows].sort((a, b) => value(b) - value(a) || a.name.localeCompare(b.name, 'nl'));
}

function Switches({ ctx, view }: { ctx: PageContext; view: MapView }) {
  return (
    <nav class="marke-filters" aria-label="Kies niveau en periode">
      <p class="utrecht-paragraph">
        Niveau:{' '}
        {view.levels.map((l) =>
          l === view.level ? (
            <strong aria-current="page">{levelName(l)} </strong>
          ) : (
            <a
              class="utrecht-link"
              href={mapUrl(ctx, view, { niveau: l, binnen: undefined, periode: undefined })}
            >
              {levelName(l)}{' '}
            </a>
          ),
        )}
        · Periode:{' '}
        {view.periods.map((p) =>
          p === view.period ? (
            <strong aria-current="page">{p} </strong>
          ) : (
            <a class="utrecht-link" href={mapUrl(ctx, view, { periode: p })}>
              {p}{' '}
            </a>
          ),
        )}
      </p>
    </nav>
  );
}

function FigureTable({ ctx, view, sort }: { ctx: PageContext; view: MapView; sort: SortKey }) {
  const unit = view.indicator;
  const header = (key: SortKey, label: string) =>
    sort === key ? (
      <th
        class="utrecht-table__header-cell"
        scope="col"
        aria-sort={key === 'naam' ? 'ascending' : 'descending'}
      >
        {label}
      </th>
    ) : (
      <th class="utrecht-table__header-cell" scope="col">
        <a class="utrecht-link" href={mapUrl(ctx, view, { sorteer: key })}>
          {label}
        </a>
      </th>
    );
  return (
    <div class="marke-table-wrap">
      <table class="utrecht-table">
        <caption class="utrecht-table__caption">
          {view.indicator.name} per {levelName(view.level)}, {view.period}
          {view.within ? ` in ${view.within.name}` : ''} (klik op een kop om te sorteren)
        </caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            {header('naam', levelName(view.level))}
            {header('waarde', 'Waarde')}
            <th class="utrecht-table__header-cell" scope="col">
              Bron
            </th>
            <CompareHeaders />
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {sorted(view.rows, sort).map((row) => {
            const link = drillHref(ctx, view, row);
            const m = row.measurement;
            return (
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="row">
                  {link ? (
                    <a class="utrecht-link" href={link}>
                      {row.name}
                    </a>
                  ) : (
                    row.name
                  )}
                </th>
                <td class="utrecht-table__cell">
                  {m?.value != null
                    ? formatValue(m.value, unit)
                    : (m?.missingReason ?? 'geen cijfer')}
                  {m?.isDemo ? <span class="marke-tag"> voorbeelddata</span> : null}
                </td>
                <td class="utrecht-table__cell">{m?.source ?? '–'}</td>
                <CompareCells ctx={ctx} indicatorCode={view.indicator.code} row={row} />
              </tr>
            );
          })}
        </tbody>
      </table>
      <CompareButton ctx={ctx} indicatorCode={view.indicator.code} />
    </div>
  );
}

/** The map's areas with colour value and (on the page) drill-down link. */
function mapAreas(view: MapView, linkOf: (row: MapRow) => string | undefined): MapArea[] {
  return view.rows.flatMap((row) => {
    const geometry = view.geometry.get(row.code);
    if (!geometry) return [];
    return [
      {
        code: row.code,
        name: row.name,
        geometry,
        value: row.measurement?.value ?? null,
        missingText: row.measurement?.missingReason ?? 'geen cijfer',
        href: linkOf(row),
      },
    ];
  });
}

function mapTitle(view: MapView, regionName: string): string {
  const where = view.within ? ` in ${view.within.name}` : ` in ${regionName}`;
  return `${view.indicator.name} per ${levelName(view.level)}${where}, ${view.period}`;
}

function sourceText(view: MapView): string {
  const source = view.rows.find((r) => r.measurement)?.measurement?.source ?? view.indicator.source;
  return `Bron: ${source}, ${view.period}. Grenzen: ${view.boundarySource ?? 'onbekend'} (${view.boundaryYear}).`;
}

/** The map as a file of its own: title, the areas and the source in the description. */
export function MapSvg({ view, regionName }: { view: MapView; regionName: string }) {
  const format = (v: number) => formatValue(v, view.indicator);
  const areas = mapAreas(view, () => undefined);
  return (
    <Choropleth
      id="kaart"
      title={mapTitle(view, regionName)}
      description={`${sourceText(view)} Kleurklassen (licht = laag, donker = hoog): ${mapClasses(
        areas.flatMap((a) => (a.value === null ? [] : [a.value])),
      )
        .map((c, i) => classLabel(c, i, format))
        .join('; ')}.`}
      areas={areas}
      classes={mapClasses(areas.flatMap((a) => (a.value === null ? [] : [a.value])))}
      format={format}
      standalone
    />
  );
}

export function MapPage({ ctx, view, sort }: { ctx: PageContext; view: MapView; sort: SortKey }) {
  const unit = view.indicator;
  const format = (v: number) => formatValue(v, unit);
  const areas = mapAreas(view, (row) => drillHref(ctx, view, row));
  const values = areas.flatMap((a) => (a.value === null ? [] : [a.value]));
  const classes = mapClasses(values);
  const title = mapTitle(view, ctx.region.name);
  return (
    <Layout
      ctx={ctx}
      title={title}
      nav="data"
      crumbs={[
        { label: CRUMB.label, href: href(ctx, CRUMB.href) },
        ...(view.within
          ? [
              {
                label: view.indicator.name,
                href: mapUrl(ctx, view, {
                  niveau: view.levels[0],
                  binnen: undefined,
                  periode: undefined,
                }),
              },
            ]
          : []),
        { label: view.within ? view.within.name : view.indicator.name },
      ]}
    >
      <h1 class="utrecht-heading-1">{title}</h1>
      <p class="utrecht-paragraph">{view.indicator.description}</p>
      {view.indicator.is_demo ? (
        <p class="utrecht-paragraph">
          <span class="marke-tag">voorbeelddata</span> Deze cijfers zijn een voorbeeld, geen echte
          metingen.
        </p>
      ) : null}
      <Switches ctx={ctx} view={view} />
      <div class="marke-map-wrap">
        <figure class="marke-figure">
          <Choropleth
            id="kaart"
            title={title}
            description={`Kaart met ${areas.length} gebieden in vijf kleurklassen, van licht (laag) naar donker (hoog). Dezelfde cijfers staan in de tabel.`}
            areas={areas}
            classes={classes}
            format={format}
          />
          <MapLegend
            classes={classes}
            format={format}
            hasMissing={areas.some((a) => a.value === null)}
          />
          <figcaption>
            {sourceText(view)}
            {view.childLevel
              ? ` Klik op een ${levelName(view.level)} voor de ${levelName(view.childLevel)}en.`
              : ''}
          </figcaption>
        </figure>
      </div>
      <ReferenceFigures view={view} />
      {view.unmatched.length > 0 ? (
        <div class="utrecht-alert" role="status">
          <p class="utrecht-paragraph">
            Deze gebieden hebben een cijfer maar geen grens in {view.boundaryYear}; ze staan niet op
            de kaart (de code is misschien veranderd):{' '}
            {view.unmatched.map((m) => m.areaCode).join(', ')}.
          </p>
        </div>
      ) : null}
      <FigureTable ctx={ctx} view={view} sort={sort} />
      <p class="utrecht-paragraph">
        Downloaden:{' '}
        <a class="utrecht-link" href={downloadUrl(ctx, view, 'csv')}>
          tabel (CSV)
        </a>
        ,{' '}
        <a class="utrecht-link" href={downloadUrl(ctx, view, 'geojson')}>
          kaart met cijfers (GeoJSON)
        </a>
        ,{' '}
        <a class="utrecht-link" href={downloadUrl(ctx, view, 'svg')}>
          kaart als afbeelding (SVG)
        </a>
        .
      </p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={mapUrl(ctx, view, {}).replace('/kaart/', '/ranglijst/')}>
          Ranglijst van de {levelPlural(view.level)}
        </a>
      </p>
    </Layout>
  );
}

function ReferenceFigures({ view }: { view: MapView }) {
  const items = [view.withinFigure, view.reference].filter((m) => m !== undefined);
  if (items.length === 0) return null;
  return (
    <p class="utrecht-paragraph">
      Ter vergelijking:{' '}
      {items
        .map((m) =>
          m
            ? `${m.areaName} ${m.value === null ? (m.missingReason ?? 'geen cijfer') : formatValue(m.value, view.indicator)} (${m.source}, ${m.period})`
            : '',
        )
        .join('; ')}
      .
    </p>
  );
}
