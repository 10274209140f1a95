/** The page shell: skip link, header with navigation and search, breadcrumbs, main, footer. */
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { type Crumb, href, type PageContext } from './context.js';

type NavKey =
  | 'home'
  | 'opgaven'
  | 'doelen'
  | 'programmas'
  | 'organisaties'
  | 'governance'
  | 'begrippen'
  | 'zoeken'
  | 'voortgang'
  | 'data'
  | 'hulpwijzer';

const NAV: Array<{ key: NavKey; label: string; path: string }> = [
  { key: 'home', label: 'Home', path: '/' },
  { key: 'hulpwijzer', label: 'Hulpwijzer', path: '/hulpwijzer' },
  { key: 'doelen', label: 'Doelen', path: '/doelen' },
  { key: 'voortgang', label: 'Voortgang', path: '/voortgang' },
  { key: 'programmas', label: "Programma's", path: '/programmas' },
  { key: 'organisaties', label: 'Organisaties', path: '/organisaties' },
  { key: 'governance', label: 'Wie doet wat', path: '/governance' },
  { key: 'begrippen', label: 'Begrippen', path: '/begrippen' },
  { key: 'data', label: 'Open data', path: '/open-data' },
];

/** The region's home page: `/` or `/regio/<code>` (without a trailing slash, which is a 404). */
export function homeHref(ctx: PageContext): string {
  return ctx.base || '/';
}

export type LayoutProps = {
  ctx: PageContext;
  title: string;
  description?: string;
  crumbs?: Crumb[];
  nav?: NavKey;
  /** Same-origin progressive-enhancement scripts (the CSP allows no inline script). */
  scripts?: string[];
  children: Child;
};

function Breadcrumbs({ crumbs }: { crumbs: Crumb[] }) {
  return (
    <nav class="marke-breadcrumbs" aria-label="Kruimelpad">
      <ol>
        {crumbs.map((crumb, index) => (
          <li>
            {crumb.href && index < crumbs.length - 1 ? (
              <a class="utrecht-link" href={crumb.href}>
                {crumb.label}
              </a>
            ) : (
              <span aria-current="page">{crumb.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** Every page shares one shell, so skip link, navigation, breadcrumbs and titles stay alike. */
export function Layout({ ctx, title, description, crumbs, nav, scripts, children }: LayoutProps) {
  const fullTitle = `${title} · ${ctx.brand} ${ctx.region.name}`;
  const trail: Crumb[] = crumbs ? [{ label: 'Home', href: homeHref(ctx) }, ...crumbs] : [];
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang="nl">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{fullTitle}</title>
          {description ? <meta name="description" content={description} /> : null}
          <link rel="stylesheet" href={ctx.stylesheet} />
          {scripts?.map((src) => (
            <script src={src} defer />
          ))}
        </head>
        <body class="utrecht-document marke-theme">
          <a class="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#inhoud">
            Naar de inhoud
          </a>
          <header class="marke-header">
            <div class="marke-wrap marke-header__bar">
              <a class="marke-brand" href={homeHref(ctx)}>
                {ctx.brand}
                <small>Regioplan {ctx.region.name}</small>
              </a>
              <search>
                <form class="marke-search" action={href(ctx, '/zoeken')} method="get">
                  <label for="zoek-kop">Zoeken in het regioplan</label>
                  <input
                    class="utrecht-textbox"
                    id="zoek-kop"
                    name="q"
                    type="search"
                    placeholder="Zoek in het plan"
                  />
                  <button class="utrecht-button utrecht-button--secondary-action" type="submit">
                    Zoeken
                  </button>
                </form>
              </search>
            </div>
            <nav class="marke-nav marke-wrap" aria-label="Hoofdmenu">
              <ul>
                {NAV.map((item) => (
                  <li>
                    <a
                      href={item.key === 'home' ? homeHref(ctx) : href(ctx, item.path)}
                      aria-current={item.key === nav ? 'page' : undefined}
                    >
                      {item.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          </header>
          <div class="marke-wrap">{trail.length > 0 ? <Breadcrumbs crumbs={trail} /> : null}</div>
          <main id="inhoud" class="marke-main marke-wrap" tabindex={-1}>
            {children}
          </main>
          <footer class="marke-footer">
            <div class="marke-wrap">
              <p>
                {ctx.brand} · Regioplan {ctx.region.name}. De teksten komen uit het regioplan dat de
                partners samen schreven.
              </p>
              <p>
                <a class="utrecht-link" href={href(ctx, '/plan')}>
                  Het hele plan
                </a>{' '}
                ·{' '}
                <a class="utrecht-link" href={href(ctx, '/open-data')}>
                  Open data en API
                </a>{' '}
                · Deze site volgt u niet en zet geen cookies (behalve bij inloggen voor partners) ·{' '}
                <a class="utrecht-link" href="/inloggen">
                  Inloggen voor partners
                </a>
              </p>
            </div>
          </footer>
        </body>
      </html>
    </>
  );
}
