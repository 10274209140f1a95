/** A prioritair thema: its ambition for 2040, with links to its schrijfteam and the other themes. */
import type { OkValue } from '../../../lib/result.js';
import { Blocks } from '../../../web/components.js';
import { href, type PageContext } from '../../../web/context.js';
import { Layout } from '../../../web/layout.js';
import type { getTheme } from '../plan-content.service.js';

/** /themas/:slug: a theme's 2040 ambition, linking to who wrote it on the governance page. */
export function ThemePage({ ctx, data }: { ctx: PageContext; data: OkValue<typeof getTheme> }) {
  const { theme } = data;
  return (
    <Layout
      ctx={ctx}
      title={theme.name}
      crumbs={[{ label: "Thema's", href: href(ctx, '/#themas') }, { label: theme.name }]}
    >
      <p class="utrecht-paragraph marke-muted">Prioritair thema {theme.number}</p>
      <h1 class="utrecht-heading-1">{theme.name}</h1>
      {theme.motto ? <p class="utrecht-paragraph marke-lead">{theme.motto}</p> : null}
      <h2 class="utrecht-heading-2">Ambitie voor 2040</h2>
      <Blocks blocks={theme.ambition_2040} />
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={href(ctx, `/governance#schrijfteam-${theme.slug}`)}>
          Wie schreven aan dit thema: bestuurlijke trekkers en schrijfteam
        </a>
      </p>
      <h2 class="utrecht-heading-2">Andere thema's</h2>
      <ul class="utrecht-unordered-list">
        {data.themes
          .filter((t) => t.slug !== theme.slug)
          .map((t) => (
            <li class="utrecht-unordered-list__item">
              <a class="utrecht-link" href={href(ctx, `/themas/${t.slug}`)}>
                {t.name}
              </a>
            </li>
          ))}
      </ul>
    </Layout>
  );
}
