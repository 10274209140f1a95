/** The public /panel page: published panel questions with their distributions per area and period. */

import { DemoTag } from '../../../web/components.js';
import { href, type PageContext } from '../../../web/context.js';
import { Layout } from '../../../web/layout.js';
import { PANEL_RULE, type PanelQuestionView } from '../panel-results.service.js';
import { PanelTables } from './panel-tables.js';

export function PublicPanelPage({
  ctx,
  questions,
}: {
  ctx: PageContext;
  questions: PanelQuestionView[];
}) {
  return (
    <Layout
      ctx={ctx}
      title="Burgerpanel"
      description="Wat inwoners antwoorden in het burgerpanel, per gemeente, wijk en periode."
      crumbs={[{ label: 'Burgerpanel' }]}
    >
      <h1 class="utrecht-heading-1">Burgerpanel</h1>
      <p class="utrecht-paragraph">
        Inwoners beantwoorden vragen in een burgerpanel. Hier staan de antwoorden, opgeteld per
        gebied en periode. Antwoorden van één persoon staan hier nooit.
      </p>
      <p class="utrecht-paragraph marke-muted">{PANEL_RULE}</p>
      {questions.length === 0 ? (
        <p class="utrecht-paragraph marke-muted">Er zijn nog geen panelresultaten gepubliceerd.</p>
      ) : (
        questions.map((q) => (
          <section aria-labelledby={`vraag-${q.id}`}>
            <h2 class="utrecht-heading-2" id={`vraag-${q.id}`}>
              {q.question} {q.isDemo ? <DemoTag /> : null}
            </h2>
            <p class="utrecht-paragraph">
              Bron: {q.source}
              {q.isDemo ? ' (voorbeelddata, geen echte antwoorden)' : ''}. Antwoorden:{' '}
              {q.options.join(', ')}.
            </p>
            <PanelTables question={q} idPrefix={`vraag-${q.id}`} />
          </section>
        ))
      )}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={href(ctx, '/open-data')}>
          Deze cijfers als open data
        </a>
      </p>
    </Layout>
  );
}
