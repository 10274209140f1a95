/**
 * The monitoring report of one round: a printable page (print stylesheet with page numbers, a
 * table of contents) whose figures are also in the CSV appendix. The public version shows only
 * what is public: public indicators, and the round only when it was made public.
 */
import { href, type PageContext } from '../../../web/context.js';
import { Layout } from '../../../web/layout.js';
import { STATUS_RULE } from '../../indicators/index.js';
import type { listRounds, RoundView } from '../rounds.service.js';
import {
  AgendaSnapshot,
  Decisions,
  Dialogues,
  IndicatorSnapshot,
  Interpretations,
} from './round-parts.js';

const SECTIONS = [
  ['samenvatting', 'Samenvatting'],
  ['data', '1. Data: cijfers en werkagenda'],
  ['duiden', '2. Duiden: wat betekenen de cijfers?'],
  ['dialoog', '3. Dialoog: gesprekken'],
  ['doen', '4. Doen: besluiten'],
  ['bijlage', 'Bijlage en bronnen'],
] as const;

export function ReportPage({
  ctx,
  view,
  csvHref,
  pdfHref,
  publicVersion,
}: {
  ctx: PageContext;
  view: RoundView;
  csvHref: string;
  pdfHref?: string;
  publicVersion: boolean;
}) {
  const r = view.round;
  return (
    <Layout
      ctx={ctx}
      title={`Monitoringsrapport ${r.code}`}
      nav={publicVersion ? 'voortgang' : undefined}
      crumbs={
        publicVersion
          ? [
              { label: 'Voortgang', href: href(ctx, '/voortgang') },
              { label: 'Rapporten', href: href(ctx, '/rapporten') },
              { label: r.code },
            ]
          : [
              { label: 'Monitoringsrondes', href: '/beheer/rondes' },
              { label: r.code, href: `/beheer/rondes/${r.code}` },
              { label: 'Rapport' },
            ]
      }
    >
      <article class="marke-report">
        <h1 class="utrecht-heading-1">Monitoringsrapport {r.code}</h1>
        <p class="utrecht-paragraph">
          {r.title}. Ronde gestart op {new Date(r.started_at).toISOString().slice(0, 10)}
          {r.closed_at
            ? `, afgerond op ${new Date(r.closed_at).toISOString().slice(0, 10)}`
            : ', nog open'}
          .{publicVersion ? '' : ' Interne versie: ook niet-openbare indicatoren staan erin.'}
        </p>
        <nav class="marke-toc" aria-labelledby="inhoud">
          <h2 class="utrecht-heading-2" id="inhoud">
            Inhoud
          </h2>
          <ol>
            {SECTIONS.map(([id, label]) => (
              <li>
                <a class="utrecht-link" href={`#${id}`}>
                  {label}
                </a>
              </li>
            ))}
          </ol>
        </nav>
        <section id="samenvatting">
          <h2 class="utrecht-heading-2">Samenvatting</h2>
          <p class="utrecht-paragraph">
            {r.summary || 'De ronde is nog niet afgerond; er is nog geen samenvatting.'}
          </p>
        </section>
        <section id="data">
          <h2 class="utrecht-heading-2">1. Data: cijfers en werkagenda</h2>
          <AgendaSnapshot view={view} />
          <IndicatorSnapshot view={view} />
          <p class="utrecht-paragraph marke-muted">{STATUS_RULE}</p>
        </section>
        <section id="duiden">
          <h2 class="utrecht-heading-2">2. Duiden: wat betekenen de cijfers?</h2>
          <Interpretations view={view} />
        </section>
        <section id="dialoog">
          <h2 class="utrecht-heading-2">3. Dialoog: gesprekken</h2>
          <Dialogues ctx={ctx} view={view} />
        </section>
        <section id="doen">
          <h2 class="utrecht-heading-2">4. Doen: besluiten</h2>
          <Decisions ctx={ctx} view={view} />
        </section>
        <section id="bijlage">
          <h2 class="utrecht-heading-2">Bijlage en bronnen</h2>
          <p class="utrecht-paragraph">
            Alle cijfers uit dit rapport staan in de{' '}
            <a class="utrecht-link" href={csvHref}>
              CSV-bijlage
            </a>
            {pdfHref ? (
              <>
                {' '}
                en het rapport is ook als{' '}
                <a class="utrecht-link" href={pdfHref}>
                  PDF
                </a>{' '}
                te downloaden
              </>
            ) : null}
            . Bronnen: {[...new Set(view.indicators.map((i) => i.source))].join('; ') || 'geen'}.
          </p>
        </section>
      </article>
    </Layout>
  );
}

export function ReportListPage({
  ctx,
  rounds,
}: {
  ctx: PageContext;
  rounds: Awaited<ReturnType<typeof listRounds>>;
}) {
  return (
    <Layout
      ctx={ctx}
      title="Monitoringsrapporten"
      nav="voortgang"
      crumbs={[{ label: 'Voortgang', href: href(ctx, '/voortgang') }, { label: 'Rapporten' }]}
    >
      <h1 class="utrecht-heading-1">Monitoringsrapporten</h1>
      <p class="utrecht-paragraph">
        Na elke monitoringsronde leggen de partners vast wat de cijfers laten zien, wat zij erover
        bespraken en wat zij besloten.
      </p>
      {rounds.length === 0 ? (
        <p class="utrecht-paragraph">Er is nog geen openbaar rapport.</p>
      ) : (
        <ul class="utrecht-unordered-list">
          {rounds.map((r) => (
            <li>
              <a class="utrecht-link" href={href(ctx, `/rapporten/${r.code}`)}>
                {r.code}: {r.title}
              </a>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
