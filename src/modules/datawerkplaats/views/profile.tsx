/** The area profile page: figures next to the region's, the areas inside, the gemeente's goals. */
import { href, type PageContext } from '../../../web/context.js';
import { Layout } from '../../../web/layout.js';
import { formatValue, type Measurement } from '../../indicators/index.js';
import { goalCodeToSegment } from '../../plan/index.js';
import type { areaProfile } from '../profile.service.js';
import { compareHref, trendHref } from './figures.js';
import { levelName } from './map.js';
import { PostcodeTable } from './postcodes.js';

type Profile = Extract<Awaited<ReturnType<typeof areaProfile>>, { ok: true }>['value'];

function figure(m: Measurement, unit: { unit: string; decimals: number }) {
  return m.value === null ? (m.missingReason ?? 'geen cijfer') : formatValue(m.value, unit);
}

function FigureRows({ ctx, profile }: { ctx: PageContext; profile: Profile }) {
  const { area, rows } = profile;
  if (rows.length === 0)
    return <p class="utrecht-paragraph">Voor dit gebied zijn er nog geen cijfers.</p>;
  return (
    <div class="marke-table-wrap">
      <table class="utrecht-table">
        <caption class="utrecht-table__caption">
          Cijfers van {area.name}, het nieuwste jaar per cijfer
        </caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col">
              Cijfer
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              {area.name}
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              Ter vergelijking
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              Periode en bron
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              Alle periodes
            </th>
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {rows.map(({ indicator, here, compare }) => (
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="row">
                <a
                  class="utrecht-link"
                  href={href(
                    ctx,
                    `/datawerkplaats/kaart/${indicator.code}?niveau=${area.level}&periode=${here.period}${
                      profile.parent && area.level !== 'gemeente'
                        ? `&binnen=${profile.parent.code}`
                        : ''
                    }`,
                  )}
                >
                  {indicator.name}
                </a>
                {indicator.is_demo ? <span class="marke-tag"> voorbeelddata</span> : null}
              </th>
              <td class="utrecht-table__cell">{figure(here, indicator)}</td>
              <td class="utrecht-table__cell">
                {compare.length === 0
                  ? '–'
                  : compare.map((m) => `${m.areaName}: ${figure(m, indicator)}`).join('; ')}
              </td>
              <td class="utrecht-table__cell">
                {here.period}, {here.source}
              </td>
              <td class="utrecht-table__cell">
                <a class="utrecht-link" href={trendHref(ctx, indicator.code, area.code)}>
                  trend<span class="marke-visually-hidden"> van {indicator.name}</span>
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Goals({ ctx, profile }: { ctx: PageContext; profile: Profile }) {
  const org = profile.organisation;
  if (!profile.gemeente || !org) return null;
  const name = profile.gemeente.name;
  return (
    <>
      <h2 class="utrecht-heading-2">Waar werkt de gemeente {name} aan?</h2>
      {org.goals.length > 0 ? (
        <ul class="utrecht-unordered-list">
          {org.goals.map((g) => (
            <li>
              <a class="utrecht-link" href={href(ctx, `/doelen/${goalCodeToSegment(g.code)}`)}>
                {g.code}
              </a>{' '}
              {g.label ?? ''}
            </li>
          ))}
        </ul>
      ) : (
        <p class="utrecht-paragraph">Het plan noemt {name} bij geen doel apart.</p>
      )}
      {org.groupGoals.map((group) => (
        <p class="utrecht-paragraph">
          Doelen voor alle {group.sector.toLowerCase()}: {group.codes.length} (zie{' '}
          <a class="utrecht-link" href={href(ctx, `/organisaties/${org.organisation.slug}`)}>
            de pagina van {name}
          </a>
          ).
        </p>
      ))}
      <p class="utrecht-paragraph">
        <a
          class="utrecht-link"
          href={href(ctx, `/werkagenda/organisatie/${org.organisation.slug}`)}
        >
          Werkagenda van {name}
        </a>
      </p>
    </>
  );
}

export function ProfilePage({ ctx, profile }: { ctx: PageContext; profile: Profile }) {
  const { area, parent, children } = profile;
  const title = `Gebiedsprofiel ${area.name}`;
  return (
    <Layout
      ctx={ctx}
      title={title}
      nav="data"
      crumbs={[
        { label: 'Datawerkplaats', href: href(ctx, '/datawerkplaats') },
        ...(parent && parent.level !== 'provincie'
          ? [{ label: parent.name, href: href(ctx, `/datawerkplaats/gebied/${parent.code}`) }]
          : []),
        { label: area.name },
      ]}
    >
      <h1 class="utrecht-heading-1">{title}</h1>
      <p class="utrecht-paragraph">
        {area.name} is een {levelName(area.level)}
        {parent ? ` in ${parent.name}` : ''} (CBS-code {area.code}). Hier staan de cijfers van dit
        gebied naast die van de regio. Cijfers over te weinig mensen laten we niet zien.
      </p>
      <FigureRows ctx={ctx} profile={profile} />
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={compareHref(ctx, [area.code])}>
          Vergelijk {area.name} met andere gebieden
        </a>
      </p>
      {children.length > 0 ? (
        <>
          <h2 class="utrecht-heading-2">
            {children.length} {levelName(children[0]?.level ?? '')}en in {area.name}
          </h2>
          <ul class="utrecht-unordered-list">
            {children.map((c) => (
              <li>
                <a class="utrecht-link" href={href(ctx, `/datawerkplaats/gebied/${c.code}`)}>
                  {c.name}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <PostcodeTable ctx={ctx} gemeente={area.name} table={profile.postcodes} />
      <Goals ctx={ctx} profile={profile} />
    </Layout>
  );
}
