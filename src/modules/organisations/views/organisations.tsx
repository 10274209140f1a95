/** Organisations by sector, one organisation, and the governance page. */
import type { OkValue } from '../../../lib/result.js';
import { Blocks } from '../../../web/components.js';
import { href, type PageContext } from '../../../web/context.js';
import { Layout } from '../../../web/layout.js';
import type { getGovernance, getOrganisation, listBySector } from '../organisations.service.js';

type Org = { slug: string; name: string; is_group: boolean; goal_count: number };

function OrgList({ ctx, orgs }: { ctx: PageContext; orgs: Org[] }) {
  return (
    <ul class="utrecht-unordered-list">
      {orgs.map((o) => (
        <li class="utrecht-unordered-list__item">
          <a class="utrecht-link" href={href(ctx, `/organisaties/${o.slug}`)}>
            {o.name}
          </a>
          {o.is_group ? <span class="marke-muted"> (groep)</span> : null}
          {o.goal_count > 0 ? (
            <span class="marke-muted">
              {' '}
              · genoemd bij {o.goal_count} {o.goal_count === 1 ? 'doel' : 'doelen'}
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** /organisaties: who takes part, per sector and coalitie, and on how many goals each is named. */
export function OrganisationsPage({
  ctx,
  data,
}: {
  ctx: PageContext;
  data: Awaited<ReturnType<typeof listBySector>>;
}) {
  return (
    <Layout ctx={ctx} title="Organisaties" nav="organisaties" crumbs={[{ label: 'Organisaties' }]}>
      <h1 class="utrecht-heading-1">Organisaties per sector</h1>
      <p class="utrecht-paragraph">
        De <strong>leidende coalitie</strong> schreef het plan en ondertekende het. De{' '}
        <strong>brede coalitie</strong> wordt door hen vertegenwoordigd (bijlage B van het plan).
        Ook andere organisaties die het plan noemt staan hier.
      </p>
      {data.groups.map((g) => (
        <section aria-labelledby={`sector-${g.sector.slug}`}>
          <h2 class="utrecht-heading-2" id={`sector-${g.sector.slug}`}>
            {g.sector.name}
          </h2>
          {g.leidend.length > 0 ? (
            <>
              <h3 class="utrecht-heading-4">Leidende coalitie</h3>
              <OrgList ctx={ctx} orgs={g.leidend} />
            </>
          ) : null}
          {g.breed.length > 0 ? (
            <>
              <h3 class="utrecht-heading-4">Brede coalitie</h3>
              <OrgList ctx={ctx} orgs={g.breed} />
            </>
          ) : null}
          {g.others.length > 0 ? (
            <>
              <h3 class="utrecht-heading-4">Ook genoemd in het plan</h3>
              <OrgList ctx={ctx} orgs={g.others} />
            </>
          ) : null}
          {g.groupGoals.length > 0 ? (
            <p class="utrecht-paragraph">
              De hele sector {g.sector.name} wordt als groep genoemd als mogelijke initiatiefnemer
              bij:{' '}
              {g.groupGoals.map((code, index) => (
                <>
                  {index > 0 ? ', ' : ''}
                  <a
                    class="utrecht-link marke-code"
                    href={href(ctx, `/doelen/${code.replace('. ', '.').toLowerCase()}`)}
                  >
                    {code}
                  </a>
                </>
              ))}
              .
            </p>
          ) : null}
        </section>
      ))}
    </Layout>
  );
}

const ROLE_LABELS: Record<string, string> = {
  opdrachtgever: 'opdrachtgever',
  voorzitter: 'voorzitter',
  lid: 'lid',
  bestuurlijk_trekker: 'bestuurlijk trekker',
  schrijfteamlid: 'lid van het schrijfteam',
  facilitator: 'facilitator',
  programmamanager: 'programmamanager',
  coordinerend: 'coördinerende partij',
  intermediair: 'intermediair voor inwoners',
  ondertekenaar: 'ondertekenaar van het plan',
  uitvoerder: 'uitvoerder',
};

/** Roles are stored as codes; organisation and governance pages show them in plain Dutch. */
export function roleLabel(role: string): string {
  return ROLE_LABELS[role] ?? role;
}

/** /organisaties/:slug: where one organisation appears in the plan: coalitie, goals, roles. */
export function OrganisationPage({
  ctx,
  data,
}: {
  ctx: PageContext;
  data: OkValue<typeof getOrganisation>;
}) {
  const { organisation: org } = data;
  return (
    <Layout
      ctx={ctx}
      title={org.name}
      nav="organisaties"
      crumbs={[{ label: 'Organisaties', href: href(ctx, '/organisaties') }, { label: org.name }]}
    >
      <h1 class="utrecht-heading-1">{org.name}</h1>
      {org.short_name ? (
        <p class="utrecht-paragraph marke-muted">Afkorting: {org.short_name}</p>
      ) : null}
      {org.description ? <p class="utrecht-paragraph">{org.description}</p> : null}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={href(ctx, `/werkagenda/organisatie/${org.slug}`)}>
          Werkagenda: waar is {org.name} trekker of initiatiefnemer?
        </a>
      </p>
      <h2 class="utrecht-heading-2">Plaats in de coalitie</h2>
      {data.memberships.length > 0 ? (
        <ul class="utrecht-unordered-list">
          {data.memberships.map((m) => (
            <li class="utrecht-unordered-list__item">
              {m.coalition === 'leidend' ? 'Leidende coalitie' : 'Brede coalitie'}, sector{' '}
              {m.sector_name}
            </li>
          ))}
        </ul>
      ) : (
        <p class="utrecht-paragraph">
          Geen lid van de coalitie in bijlage B
          {org.sector_name ? `; sector: ${org.sector_name}` : ''}.
        </p>
      )}
      <h2 class="utrecht-heading-2">Genoemd als mogelijke initiatiefnemer</h2>
      {data.goals.length > 0 ? (
        <ul class="utrecht-unordered-list">
          {data.goals.map((g) => (
            <li class="utrecht-unordered-list__item">
              <a
                class="utrecht-link"
                href={href(ctx, `/doelen/${g.code.replace('. ', '.').toLowerCase()}`)}
              >
                <span class="marke-code">{g.code}</span> {g.label ?? g.text ?? ''}
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <p class="utrecht-paragraph marke-muted">
          Het plan noemt deze organisatie niet bij naam bij een operationeel doel.
        </p>
      )}
      {data.groupGoals.map((group) => (
        <p class="utrecht-paragraph">
          Het plan noemt ook de hele groep{' '}
          <a class="utrecht-link" href={href(ctx, `/organisaties#sector-${group.sectorSlug}`)}>
            {group.sector}
          </a>{' '}
          als mogelijke initiatiefnemer, bij {group.codes.length}{' '}
          {group.codes.length === 1 ? 'doel' : 'doelen'}:{' '}
          {group.codes.map((code, index) => (
            <>
              {index > 0 ? ', ' : ''}
              <a
                class="utrecht-link marke-code"
                href={href(ctx, `/doelen/${code.replace('. ', '.').toLowerCase()}`)}
              >
                {code}
              </a>
            </>
          ))}
          .
        </p>
      ))}
      {data.programmes.length > 0 ? (
        <>
          <h2 class="utrecht-heading-2">Partner in programma's</h2>
          <ul class="utrecht-unordered-list">
            {data.programmes.map((p) => (
              <li class="utrecht-unordered-list__item">
                <a class="utrecht-link" href={href(ctx, `/programmas/${p.slug}`)}>
                  {p.name}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {data.roles.length > 0 ? (
        <>
          <h2 class="utrecht-heading-2">Rollen in de governance</h2>
          <ul class="utrecht-unordered-list">
            {data.roles.map((r) => (
              <li class="utrecht-unordered-list__item">
                {roleLabel(r.role)} in{' '}
                <a class="utrecht-link" href={href(ctx, `/governance#${r.body_slug}`)}>
                  {r.body_name}
                </a>
                {r.person ? ` (${r.person}${r.function ? `, ${r.function}` : ''})` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Layout>
  );
}

/** /governance: how the collaboration is organised (chapter 4 and Bijlage B of the plan). */
export function GovernancePage({
  ctx,
  bodies,
}: {
  ctx: PageContext;
  bodies: Awaited<ReturnType<typeof getGovernance>>;
}) {
  return (
    <Layout ctx={ctx} title="Governance" nav="governance" crumbs={[{ label: 'Governance' }]}>
      <h1 class="utrecht-heading-1">Governance: wie stuurt en wie schrijft</h1>
      <p class="utrecht-paragraph">
        Hoe de samenwerking is georganiseerd, volgens hoofdstuk 4 en bijlage B van het plan.
      </p>
      <ul class="utrecht-unordered-list">
        {bodies.map((b) => (
          <li class="utrecht-unordered-list__item">
            <a class="utrecht-link" href={`#${b.slug}`}>
              {b.name}
            </a>
          </li>
        ))}
      </ul>
      {bodies.map((b) => (
        <section aria-labelledby={b.slug}>
          <h2 class="utrecht-heading-2" id={b.slug}>
            {b.name}
          </h2>
          {b.motto ? <p class="utrecht-paragraph marke-muted">{b.motto}</p> : null}
          {b.theme_name ? <p class="utrecht-paragraph">Thema: {b.theme_name}</p> : null}
          <Blocks blocks={b.description} />
          {b.roles.length > 0 ? (
            <ul class="utrecht-unordered-list">
              {b.roles.map((r) => (
                <li class="utrecht-unordered-list__item">
                  <span>{roleLabel(r.role)}: </span>
                  {r.organisation_slug ? (
                    <a
                      class="utrecht-link"
                      href={href(ctx, `/organisaties/${r.organisation_slug}`)}
                    >
                      {r.name ?? r.organisation_name}
                    </a>
                  ) : (
                    (r.name ?? '')
                  )}
                  {r.person ? ` ${r.name || r.organisation_slug ? '– ' : ''}${r.person}` : ''}
                  {r.function ? `, ${r.function}` : ''}
                  {r.note ? <span class="marke-muted"> ({r.note})</span> : null}
                </li>
              ))}
            </ul>
          ) : null}
          {Array.isArray(b.work_agenda) && b.work_agenda.length > 0 ? (
            <>
              <h3 class="utrecht-heading-4">Themaspecifieke werkagenda</h3>
              <ul class="utrecht-unordered-list">
                {b.work_agenda.map((w) => (
                  <li class="utrecht-unordered-list__item">{w}</li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ))}
    </Layout>
  );
}
