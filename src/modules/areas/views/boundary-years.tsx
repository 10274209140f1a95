/** The public page on the area division: boundary years per level and codes that changed. */
import { href, type PageContext } from '../../../web/context.js';
import { Layout } from '../../../web/layout.js';
import type { AreaLevel } from '../areas.types.js';
import type { CodeName, LevelBoundaryYears } from '../boundary-years.js';

const PLURAL: Record<AreaLevel, string> = {
  land: 'Nederland',
  provincie: 'Provincies',
  'ggd-regio': "GGD-regio's",
  zorgkantoorregio: "Zorgkantoorregio's",
  gemeente: 'Gemeenten',
  wijk: 'Wijken',
  buurt: 'Buurten',
  postcode: 'Postcodegebieden',
};

const names = (list: CodeName[]) => list.map((a) => `${a.name} (${a.code})`).join(', ');

function Changes({ level }: { level: LevelBoundaryYears }) {
  if (level.changes.length === 0)
    return (
      <p class="utrecht-paragraph">
        We hebben grenzen van één jaar. Er is dus nog niets te vergelijken.
      </p>
    );
  return (
    <ul class="utrecht-unordered-list">
      {level.changes.map((c) => (
        <li>
          Van {c.from} naar {c.to}:{' '}
          {c.added.length === 0 && c.removed.length === 0
            ? 'dezelfde codes, er is geen code bijgekomen of verdwenen.'
            : null}
          {c.added.length > 0 ? `nieuw in ${c.to}: ${names(c.added)}. ` : null}
          {c.removed.length > 0 ? `niet meer in ${c.to}: ${names(c.removed)}.` : null}
        </li>
      ))}
    </ul>
  );
}

function Level({ ctx, level }: { ctx: PageContext; level: LevelBoundaryYears }) {
  const id = `niveau-${level.level}`;
  return (
    <section aria-labelledby={id}>
      <h2 class="utrecht-heading-2" id={id}>
        {PLURAL[level.level]}
      </h2>
      {level.national ? (
        <p class="utrecht-paragraph">
          Dit is een indeling van heel Nederland.{' '}
          {level.own.length > 0
            ? `${ctx.region.name} valt onder: ${names(level.own)}.`
            : `Geen van deze gebieden staat in de gebieden van ${ctx.region.name}.`}
        </p>
      ) : null}
      <div class="marke-table-wrap">
        <table class="utrecht-table">
          <caption class="utrecht-table__caption">
            Grenzen per jaar: {PLURAL[level.level].toLowerCase()}
          </caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">
                Jaar
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                Aantal gebieden
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                Bron
              </th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {level.years.map((y) => (
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="row">
                  {y.year}
                </th>
                <td class="utrecht-table__cell">{y.count}</td>
                <td class="utrecht-table__cell">{y.sources.join('; ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3 class="utrecht-heading-3">Veranderde codes</h3>
      <Changes level={level} />
    </section>
  );
}

export function BoundaryYearsPage({
  ctx,
  levels,
}: {
  ctx: PageContext;
  levels: LevelBoundaryYears[];
}) {
  return (
    <Layout
      ctx={ctx}
      title="Gebiedsindeling"
      nav="data"
      crumbs={[
        { label: 'Datawerkplaats', href: href(ctx, '/datawerkplaats') },
        { label: 'Gebiedsindeling' },
      ]}
    >
      <h1 class="utrecht-heading-1">Gebiedsindeling: gebieden en grenzen per jaar</h1>
      <p class="utrecht-paragraph">
        Elk gebied heeft een code van het CBS, zoals GM0106 voor de gemeente Assen. De indeling
        verandert soms: gemeenten gaan samen, of een wijk krijgt een nieuwe code. Daarom hoort elk
        cijfer bij de grenzen van zijn eigen jaar. Hebben we van dat jaar geen grenzen? Dan nemen we
        het laatste jaar ervoor. Is het cijfer ouder dan al onze grenzen, dan nemen we het oudste
        jaar.
      </p>
      <p class="utrecht-paragraph">
        Staat de code van een cijfer niet in de grenzen van dat jaar? Dan melden we dat. We zetten
        zo'n cijfer niet zomaar bij een ander gebied.
      </p>
      {levels.length === 0 ? (
        <p class="utrecht-paragraph">Voor deze regio zijn nog geen grenzen ingelezen.</p>
      ) : (
        levels.map((level) => <Level ctx={ctx} level={level} />)
      )}
    </Layout>
  );
}
