/** Glossary, plan text sections and search results. */
import { Blocks } from '../../../web/components.js';
import { href, type PageContext } from '../../../web/context.js';
import { Layout } from '../../../web/layout.js';
import type { listGlossary, listSections } from '../plan-content.service.js';
import type { SearchResults } from '../plan-search.service.js';

/** /begrippen: the plan uses many terms and abbreviations; this page explains them. */
export function GlossaryPage({
  ctx,
  entries,
}: {
  ctx: PageContext;
  entries: Awaited<ReturnType<typeof listGlossary>>;
}) {
  const terms = entries.filter((e) => e.kind === 'begrip');
  const abbreviations = entries.filter((e) => e.kind === 'afkorting');
  return (
    <Layout
      ctx={ctx}
      title="Begrippen en afkortingen"
      nav="begrippen"
      crumbs={[{ label: 'Begrippen en afkortingen' }]}
    >
      <h1 class="utrecht-heading-1">Begrippen en afkortingen</h1>
      <p class="utrecht-paragraph">
        Uit de begrippenlijst en de lijst met afkortingen van het plan.
      </p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="#afkortingen">
          Naar de afkortingen
        </a>
      </p>
      <h2 class="utrecht-heading-2">Begrippen</h2>
      <dl>
        {terms.map((t) => (
          <>
            <dt id={t.slug} class="utrecht-heading-4">
              {t.term}
            </dt>
            <dd>
              <Blocks blocks={t.definition} headingLevel={4} />
            </dd>
          </>
        ))}
      </dl>
      <h2 class="utrecht-heading-2" id="afkortingen">
        Afkortingen
      </h2>
      <dl class="marke-dl">
        {abbreviations.map((a) => (
          <>
            <dt id={`afk-${a.slug}`}>{a.term}</dt>
            <dd>{Array.isArray(a.definition) ? String(a.definition[0] ?? '') : ''}</dd>
          </>
        ))}
      </dl>
    </Layout>
  );
}

type Section = Awaited<ReturnType<typeof listSections>>[number];

/** /plan lists the chapters that have no page of their own (opgaven and goals do). */
export function SectionsPage({ ctx, sections }: { ctx: PageContext; sections: Section[] }) {
  return (
    <Layout ctx={ctx} title="Het plan" crumbs={[{ label: 'Het plan' }]}>
      <h1 class="utrecht-heading-1">Het plan: alle hoofdstukken</h1>
      <p class="utrecht-paragraph">
        De regio-opgaven en doelen staan op hun eigen pagina's. Hier vindt u de andere delen van het
        plan.
      </p>
      <ul class="utrecht-unordered-list">
        {sections.map((s) => (
          <li class="utrecht-unordered-list__item">
            <a class="utrecht-link" href={href(ctx, `/plan/${s.slug}`)}>
              {s.title}
            </a>
            <span class="marke-muted"> · {s.chapter}</span>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

/** /plan/:slug shows one chapter's text, so the whole plan can be read on the site. */
export function SectionPage({ ctx, section }: { ctx: PageContext; section: Section }) {
  return (
    <Layout
      ctx={ctx}
      title={section.title}
      crumbs={[{ label: 'Het plan', href: href(ctx, '/plan') }, { label: section.title }]}
    >
      <p class="utrecht-paragraph marke-muted">Hoofdstuk: {section.chapter}</p>
      <h1 class="utrecht-heading-1">{section.title}</h1>
      <Blocks blocks={section.blocks} headingLevel={3} />
    </Layout>
  );
}

const TYPE_LABELS: Record<string, string> = {
  opgave: 'Regio-opgaven',
  strategisch_doel: 'Strategische doelen',
  operationeel_doel: 'Operationele doelen',
  programma: "Programma's",
  initiatief: 'Initiatieven',
  organisatie: 'Organisaties',
  begrip: 'Begrippen',
  afkorting: 'Afkortingen',
  tekst: 'Tekst uit het plan',
  thema: "Thema's",
};

function Headline({ text }: { text: string }) {
  const parts = text.split(/<<|>>/);
  return <>{parts.map((part, i) => (i % 2 === 1 ? <mark>{part}</mark> : part))}</>;
}

/** /zoeken: the form works without JavaScript; results come grouped by type, highlighted. */
export function SearchPage({
  ctx,
  query,
  results,
  error,
}: {
  ctx: PageContext;
  query: string;
  results: SearchResults | null;
  error?: string;
}) {
  return (
    <Layout
      ctx={ctx}
      title={query ? `Zoeken: ${query}` : 'Zoeken'}
      nav="zoeken"
      crumbs={[{ label: 'Zoeken' }]}
    >
      <h1 class="utrecht-heading-1">Zoeken in het regioplan</h1>
      {error ? (
        <div class="utrecht-alert utrecht-alert--error" role="alert">
          <p class="utrecht-paragraph">{error}</p>
        </div>
      ) : null}
      <search>
        <form class="marke-search" action={href(ctx, '/zoeken')} method="get">
          <div class="utrecht-form-field">
            <label class="utrecht-form-label" for="zoekterm">
              Zoekwoorden
            </label>
            <input
              class="utrecht-textbox"
              id="zoekterm"
              name="q"
              type="search"
              value={query}
              maxlength={200}
            />
          </div>
          <button class="utrecht-button utrecht-button--primary-action" type="submit">
            Zoeken
          </button>
        </form>
      </search>
      {results ? (
        results.total === 0 ? (
          <p class="utrecht-paragraph">
            Niets gevonden voor "{query}". Probeer een ander woord of een kortere zoekvraag.
          </p>
        ) : (
          <>
            <p class="utrecht-paragraph" role="status">
              {results.total} {results.total === 1 ? 'resultaat' : 'resultaten'} voor "{query}".
            </p>
            {results.groups.map((group) => (
              <section>
                <h2 class="utrecht-heading-2">
                  {TYPE_LABELS[group.type] ?? group.type} ({group.items.length})
                </h2>
                <ul class="utrecht-unordered-list marke-results">
                  {group.items.map((item) => (
                    <li class="utrecht-unordered-list__item">
                      <a class="utrecht-link" href={href(ctx, item.url_path)}>
                        {item.title}
                      </a>
                      <div class="marke-muted">
                        <Headline text={item.headline} />
                      </div>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </>
        )
      ) : null}
    </Layout>
  );
}
