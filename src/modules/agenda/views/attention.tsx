/** "Aandacht nodig" and an organisation's own agenda ("waar zijn wij trekker of initiatiefnemer"). */
import { href, type PageContext } from '../../../web/context.js';
import { Layout } from '../../../web/layout.js';
import type { getAttention, getOrganisationAgenda } from '../agenda.service.js';
import { STALE_DAYS } from '../agenda.service.js';
import { PRIORITIES, STATUSES } from '../agenda.types.js';
import { GoalCell } from './agenda.js';

type Attention = Awaited<ReturnType<typeof getAttention>>;
type OrgAgenda = Awaited<ReturnType<typeof getOrganisationAgenda>>;

export function AttentionPage({ ctx, data }: { ctx: PageContext; data: Attention }) {
  return (
    <Layout
      ctx={ctx}
      title="Aandacht nodig"
      nav="doelen"
      crumbs={[
        { label: 'Werkagenda', href: href(ctx, '/werkagenda') },
        { label: 'Aandacht nodig' },
      ]}
    >
      <h1 class="utrecht-heading-1">Aandacht nodig</h1>
      <p class="utrecht-paragraph">
        Doelen met status risico of vertraagd, must-haves die nog niet gestart zijn, en lopende
        doelen zonder voortgangsbericht in de laatste {STALE_DAYS} dagen.
      </p>
      {data.items.length === 0 ? (
        <p class="utrecht-paragraph">Er zijn nu geen doelen die aandacht nodig hebben.</p>
      ) : (
        <div class="marke-table-wrap">
          <table class="utrecht-table">
            <caption class="utrecht-table__caption">
              {data.items.length} doelen hebben aandacht nodig
            </caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">
                  Doel
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  Status
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  Waarom
                </th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {data.items.map(({ row, reasons }) => (
                <tr class="utrecht-table__row">
                  <GoalCell ctx={ctx} code={row.code} />
                  <td class="utrecht-table__cell">{STATUSES[row.status ?? 'niet_gestart']}</td>
                  <td class="utrecht-table__cell">{reasons.join('; ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

export function OrganisationAgendaPage({
  ctx,
  name,
  slug,
  data,
}: {
  ctx: PageContext;
  name: string;
  slug: string;
  data: OrgAgenda;
}) {
  return (
    <Layout
      ctx={ctx}
      title={`Werkagenda van ${name}`}
      nav="doelen"
      crumbs={[{ label: 'Werkagenda', href: href(ctx, '/werkagenda') }, { label: name }]}
    >
      <h1 class="utrecht-heading-1">Waar is {name} trekker of initiatiefnemer?</h1>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={href(ctx, `/organisaties/${slug}`)}>
          Over {name}
        </a>
      </p>
      {data.rows.length === 0 ? (
        <p class="utrecht-paragraph">
          Deze organisatie is nog bij geen doel eigenaar, en het plan noemt haar niet als
          initiatiefnemer.
        </p>
      ) : (
        <div class="marke-table-wrap">
          <table class="utrecht-table">
            <caption class="utrecht-table__caption">Doelen van {name}</caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">
                  Doel
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  Rol
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  Status
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  Prioriteit
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  Voortgang
                </th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {data.rows.map(({ row, owner, named }) => (
                <tr class="utrecht-table__row">
                  <GoalCell ctx={ctx} code={row.code} />
                  <td class="utrecht-table__cell">
                    {[owner ? 'eigenaar' : '', named ? 'genoemd als initiatiefnemer' : '']
                      .filter(Boolean)
                      .join(', ')}
                  </td>
                  <td class="utrecht-table__cell">{STATUSES[row.status ?? 'niet_gestart']}</td>
                  <td class="utrecht-table__cell">
                    {row.priority ? PRIORITIES[row.priority] : '–'}
                  </td>
                  <td class="utrecht-table__cell">{row.item_id ? `${row.progress ?? 0}%` : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
