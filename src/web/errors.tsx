/** Dutch error pages for people, problem+json for the API. Never a bare 500. */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { href, type PageContext } from './context.js';
import { homeHref, Layout } from './layout.js';

const TITLES: Record<number, string> = {
  400: 'Deze vraag kunnen we niet beantwoorden',
  404: 'Deze pagina bestaat niet',
  405: 'Dat kan hier niet',
  413: 'Dit is te groot',
  500: 'Er ging iets mis',
};

/** Errors keep the site's layout and offer a way home or to search; htmlError renders it. */
export function ErrorPage({
  ctx,
  status,
  message,
}: {
  ctx: PageContext;
  status: number;
  message: string;
}) {
  return (
    <Layout ctx={ctx} title={TITLES[status] ?? 'Foutmelding'}>
      <h1 class="utrecht-heading-1">{TITLES[status] ?? 'Foutmelding'}</h1>
      <p class="utrecht-paragraph">{message}</p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={homeHref(ctx)}>
          Naar de homepagina
        </a>{' '}
        of{' '}
        <a class="utrecht-link" href={href(ctx, '/zoeken')}>
          zoek in het plan
        </a>
        .
      </p>
      <p class="utrecht-paragraph marke-muted">Foutcode {status}</p>
    </Layout>
  );
}

/** An RFC 9457 problem document. */
export function problem(
  c: Context,
  status: ContentfulStatusCode,
  title: string,
  detail?: string,
  extra: Record<string, unknown> = {},
) {
  return c.body(
    JSON.stringify({
      type: 'about:blank',
      title,
      status,
      detail,
      instance: new URL(c.req.url).pathname,
      ...extra,
    }),
    status,
    {
      'content-type': 'application/problem+json; charset=utf-8',
      'cache-control': 'no-store',
    },
  );
}

/** Renders an HTML error page with the right status; error pages are never cached. */
export function htmlError(
  c: Context,
  ctx: PageContext,
  status: ContentfulStatusCode,
  message: string,
) {
  c.header('cache-control', 'no-store');
  return c.html(<ErrorPage ctx={ctx} status={status} message={message} />, status);
}
