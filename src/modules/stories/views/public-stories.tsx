/** The public /verhalen page: published stories with their tags, filters by opgave and role. */

import { DemoTag } from '../../../web/components.js';
import { href, type PageContext } from '../../../web/context.js';
import { Layout } from '../../../web/layout.js';
import { goalCodeToSegment } from '../../plan/index.js';
import { type PublicStoryFilterInput, STORY_ROLES } from '../stories.types.js';
import type { PublicStory, publicStoriesPage } from '../stories-view.service.js';

type Page = Awaited<ReturnType<typeof publicStoriesPage>>;

function StoryCard({ ctx, story }: { ctx: PageContext; story: PublicStory }) {
  return (
    <article class="marke-card marke-story" aria-labelledby={`verhaal-${story.id}`}>
      <h2 class="utrecht-heading-3" id={`verhaal-${story.id}`}>
        Een {story.roleLabel.toLowerCase()} uit {story.area.name}{' '}
        {story.isDemo ? <DemoTag /> : null}
      </h2>
      <blockquote class="marke-quote">
        <p class="utrecht-paragraph marke-pre">{story.text}</p>
      </blockquote>
      <dl class="marke-dl">
        <dt>Verteld</dt>
        <dd>{story.dateLabel}</dd>
        <dt>Opgaven</dt>
        <dd>
          {story.opgaven.map((o, i) => (
            <>
              {i > 0 ? ', ' : ''}
              <a class="utrecht-link" href={href(ctx, `/opgaven/${o.slug}`)}>
                {o.name}
              </a>
            </>
          ))}
        </dd>
        {story.goals.length > 0 ? (
          <>
            <dt>Doelen</dt>
            <dd>
              {story.goals.map((code, i) => (
                <>
                  {i > 0 ? ', ' : ''}
                  <a
                    class="utrecht-link marke-code"
                    href={href(ctx, `/doelen/${goalCodeToSegment(code)}`)}
                  >
                    {code}
                  </a>
                </>
              ))}
            </dd>
          </>
        ) : null}
        {story.targetGroups.length > 0 ? (
          <>
            <dt>Doelgroepen</dt>
            <dd>{story.targetGroups.map((g) => g.label).join(', ')}</dd>
          </>
        ) : null}
      </dl>
    </article>
  );
}

function Filter({
  ctx,
  data,
  filter,
}: {
  ctx: PageContext;
  data: Page;
  filter: PublicStoryFilterInput;
}) {
  return (
    <form method="get" action={href(ctx, '/verhalen')} class="marke-search">
      <div class="utrecht-form-field">
        <label class="utrecht-form-label" for="opgave">
          Opgave
        </label>
        <select class="utrecht-select" id="opgave" name="opgave">
          <option value="">Alle</option>
          {data.opgaven.map((o) => (
            <option value={o.slug} selected={filter.opgave === o.slug}>
              {o.number}. {o.name}
            </option>
          ))}
        </select>
      </div>
      <div class="utrecht-form-field">
        <label class="utrecht-form-label" for="rol">
          Verteld door
        </label>
        <select class="utrecht-select" id="rol" name="rol">
          <option value="">Iedereen</option>
          {Object.entries(STORY_ROLES).map(([key, label]) => (
            <option value={key} selected={filter.rol === key}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <button class="utrecht-button utrecht-button--secondary-action" type="submit">
        Filteren
      </button>
    </form>
  );
}

function pageHref(ctx: PageContext, filter: PublicStoryFilterInput, page: number): string {
  const params = new URLSearchParams();
  if (filter.opgave) params.set('opgave', filter.opgave);
  if (filter.rol) params.set('rol', filter.rol);
  if (page > 1) params.set('pagina', String(page));
  const query = params.toString();
  return href(ctx, `/verhalen${query ? `?${query}` : ''}`);
}

export function PublicStoriesPage({
  ctx,
  data,
  filter,
  error,
}: {
  ctx: PageContext;
  data: Page;
  filter: PublicStoryFilterInput;
  error?: string;
}) {
  return (
    <Layout
      ctx={ctx}
      title="Verhalen"
      description="Verhalen van inwoners, professionals en mantelzorgers over zorg en welzijn in de regio."
      crumbs={[{ label: 'Verhalen' }]}
    >
      <h1 class="utrecht-heading-1">Verhalen</h1>
      <p class="utrecht-paragraph">
        Inwoners, professionals en mantelzorgers vertellen wat zij merken van zorg en welzijn.
        Zonder namen, en met hun toestemming. Een verhaal laat zien wat cijfers niet laten zien.
      </p>
      {error ? (
        <div class="utrecht-alert utrecht-alert--error" role="alert">
          <p class="utrecht-paragraph">{error}</p>
        </div>
      ) : null}
      <Filter ctx={ctx} data={data} filter={filter} />
      <p class="utrecht-paragraph" role="status">
        {data.total === 1 ? '1 verhaal' : `${data.total} verhalen`}
        {data.pages > 1 ? ` · pagina ${data.page} van ${data.pages}` : ''}
      </p>
      {data.stories.length === 0 ? (
        <p class="utrecht-paragraph marke-muted">
          Er zijn nog geen verhalen gepubliceerd
          {filter.opgave || filter.rol ? ' met dit filter' : ''}.
        </p>
      ) : (
        <div class="marke-stories">
          {data.stories.map((story) => (
            <StoryCard ctx={ctx} story={story} />
          ))}
        </div>
      )}
      {data.pages > 1 ? (
        <nav aria-label="Pagina's" class="marke-search">
          {data.page > 1 ? (
            <a class="utrecht-link" href={pageHref(ctx, filter, data.page - 1)}>
              Vorige pagina
            </a>
          ) : null}
          {data.page < data.pages ? (
            <a class="utrecht-link" href={pageHref(ctx, filter, data.page + 1)}>
              Volgende pagina
            </a>
          ) : null}
        </nav>
      ) : null}
    </Layout>
  );
}
