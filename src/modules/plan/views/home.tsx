/** Home: the Drentse Droom, the six opgaven, themes and how the plan is organised. */
import type { OkValue } from '../../../lib/result.js';
import { Blocks } from '../../../web/components.js';
import { href, type PageContext } from '../../../web/context.js';
import { Layout } from '../../../web/layout.js';
import type { getOverview } from '../plan.service.js';

type Data = OkValue<typeof getOverview>;

/** The region's front page: readers start from the Drentse Droom and the six opgaven. */
export function HomePage({ ctx, data }: { ctx: PageContext; data: Data }) {
  const { plan } = data;
  return (
    <Layout ctx={ctx} title={plan.title} nav="home" description={plan.ambition_text}>
      <h1 class="utrecht-heading-1">
        {plan.brand ?? plan.title}: {plan.subtitle ?? plan.title}
      </h1>
      <p class="utrecht-paragraph marke-lead">
        Zorg, welzijn, gemeenten, provincie, zorgverzekeraar en inwoners werken samen aan het{' '}
        {plan.title}. Hier leest u wat zij willen bereiken en wie wat doet.
      </p>
      <h2 class="utrecht-heading-2">De {plan.ambition_name}</h2>
      <blockquote class="marke-dream">
        <p>{plan.ambition_text}</p>
      </blockquote>
      <h2 class="utrecht-heading-2">Zes regio-opgaven</h2>
      <ul class="marke-cards">
        {data.opgaven.map((o) => (
          <li class="marke-card">
            <h3 class="utrecht-heading-3">
              <a class="utrecht-link" href={href(ctx, `/opgaven/${o.slug}`)}>
                {o.number}. {o.name}
              </a>
            </h3>
            <p class="utrecht-paragraph">{o.slogan}</p>
            <p class="utrecht-paragraph marke-muted">
              {o.strategicCount}{' '}
              {o.strategicCount === 1 ? 'strategisch doel' : 'strategische doelen'},{' '}
              {o.operationalCount}{' '}
              {o.operationalCount === 1 ? 'operationeel doel' : 'operationele doelen'}
            </p>
          </li>
        ))}
      </ul>
      <h2 class="utrecht-heading-2">Hoe het plan in elkaar zit</h2>
      <p class="utrecht-paragraph">
        Elke regio-opgave heeft <strong>strategische doelen</strong> voor 2040. Die zijn uitgewerkt
        in <strong>operationele doelen</strong> voor de komende jaren, met initiatieven die
        inspireren en organisaties die het kunnen oppakken. In totaal zijn het{' '}
        {data.strategic.length} strategische en {data.operational.length} operationele doelen.
        Daarnaast zijn er {data.programmeCount} transformatieprogramma's.
      </p>
      <ul class="utrecht-unordered-list">
        <li class="utrecht-unordered-list__item">
          <a class="utrecht-link" href={href(ctx, '/doelen')}>
            Alle doelen op een rij
          </a>
        </li>
        <li class="utrecht-unordered-list__item">
          <a class="utrecht-link" href={href(ctx, '/programmas')}>
            Transformatieprogramma's
          </a>
        </li>
        <li class="utrecht-unordered-list__item">
          <a class="utrecht-link" href={href(ctx, '/werkagenda')}>
            Werkagenda: hoe ver is elk doel?
          </a>
        </li>
        <li class="utrecht-unordered-list__item">
          <a class="utrecht-link" href={href(ctx, '/initiatieven')}>
            Initiatieven en projecten die het plan noemt
          </a>
        </li>
        <li class="utrecht-unordered-list__item">
          <a class="utrecht-link" href={href(ctx, '/organisaties')}>
            Organisaties en coalitie
          </a>
        </li>
        <li class="utrecht-unordered-list__item">
          <a class="utrecht-link" href={href(ctx, '/governance')}>
            Wie stuurt en wie schrijft: governance
          </a>
        </li>
        <li class="utrecht-unordered-list__item">
          <a class="utrecht-link" href={href(ctx, '/plan')}>
            De andere hoofdstukken van het plan
          </a>
        </li>
      </ul>
      {plan.overarching_title ? (
        <>
          <h2 class="utrecht-heading-2">Overkoepelende opgave: {plan.overarching_title}</h2>
          <Blocks blocks={plan.overarching_blocks} />
        </>
      ) : null}
      <h2 class="utrecht-heading-2" id="themas">
        Prioritaire thema's en hun ambitie voor 2040
      </h2>
      {data.themes.map((t) => (
        <section aria-labelledby={`thema-${t.slug}`}>
          <h3 class="utrecht-heading-3" id={`thema-${t.slug}`}>
            <a class="utrecht-link" href={href(ctx, `/themas/${t.slug}`)}>
              {t.number}. {t.name}
            </a>
          </h3>
          {t.motto ? <p class="utrecht-paragraph marke-muted">{t.motto}</p> : null}
          <Blocks blocks={t.ambition_2040} />
        </section>
      ))}
      <h2 class="utrecht-heading-2">Rode draden</h2>
      <p class="utrecht-paragraph">Deze onderwerpen lopen door alle opgaven heen:</p>
      <ul class="utrecht-unordered-list">
        {data.threads.map((t) => (
          <li class="utrecht-unordered-list__item">{t.name}</li>
        ))}
      </ul>
      <p class="utrecht-paragraph marke-muted">
        Bron: {plan.source}. Versie: {plan.version}.
      </p>
    </Layout>
  );
}
