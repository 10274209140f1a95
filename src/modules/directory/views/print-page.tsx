/**
 * The print version of a Hulpwijzer result (/hulpwijzer/afdrukken): the same help, the crisis
 * numbers, the date and the address of the page, without the site's navigation, so it can be
 * printed, saved as pdf or handed to someone without a computer.
 */
import { raw } from 'hono/html';
import { dutchDate } from '../../../lib/dutch-date.js';
import type { PageContext } from '../../../web/context.js';
import type { CrisisLine } from '../directory.types.js';
import type { HelpPlan } from '../help-plan.service.js';
import { CrisisFirst } from './crisis.js';
import { CardList, EntranceBox, NeedSections } from './help-parts.js';

type Props = {
  ctx: PageContext;
  plan: HelpPlan;
  heading: string;
  /** Who the help is for, in the carer's words, when it is for someone else. */
  person: string | null;
  crisisLines: CrisisLine[];
  printedOn: string;
  /** The full address of the result page this prints (to find it again). */
  pageUrl: string;
};

export function PrintPage({ ctx, plan, heading, person, crisisLines, printedOn, pageUrl }: Props) {
  const { outcome } = plan;
  const hasDemo = [
    plan.entrance?.found?.service,
    ...[...plan.sections, ...plan.carerSections].flatMap((s) => s.services),
    ...outcome.byText,
  ].some((s) => s?.is_demo);
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang="nl">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{`${heading} - afdrukken · ${ctx.brand} ${ctx.region.name}`}</title>
          <meta name="robots" content="noindex" />
          <link rel="stylesheet" href={ctx.stylesheet} />
        </head>
        <body class="utrecht-document marke-theme marke-print">
          <a class="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#inhoud">
            Naar de inhoud
          </a>
          <header class="marke-wrap marke-no-print marke-print-bar">
            <p class="utrecht-paragraph">
              <a class="utrecht-link" href={pageUrl}>
                Terug naar de Hulpwijzer
              </a>
            </p>
            <p class="utrecht-paragraph">
              Druk deze pagina af met de afdrukknop van je browser (of Ctrl+P). Je kunt ook kiezen
              voor "Opslaan als pdf".
            </p>
          </header>
          <main id="inhoud" class="marke-wrap">
            <h1 class="utrecht-heading-1">{heading}</h1>
            <p class="utrecht-paragraph">
              Uit de Hulpwijzer van {ctx.brand}, regio {ctx.region.name}. Afgedrukt op{' '}
              {dutchDate(printedOn)}.
              {outcome.question && !plan.path ? ` Je vraag: "${outcome.question}".` : ''}
              {outcome.topic && !plan.path ? ` Onderwerp: ${outcome.topic.name}.` : ''}
            </p>
            <p class="utrecht-paragraph marke-print-url">Deze pagina op internet: {pageUrl}</p>
            <CrisisFirst lines={outcome.crisis} />
            <section class="marke-crisis-strip" aria-labelledby="nummers-kop">
              <h2 class="utrecht-heading-3" id="nummers-kop">
                Direct hulp nodig?
              </h2>
              <ul class="utrecht-unordered-list">
                {crisisLines.map((line) => (
                  <li>
                    <strong>{line.name}</strong>
                    {line.number ? `: ${line.number}` : line.hint ? `: ${line.hint}` : ''}.{' '}
                    {line.when}
                  </li>
                ))}
              </ul>
            </section>
            {plan.entrance ? <EntranceBox ctx={ctx} entrance={plan.entrance} /> : null}
            <NeedSections
              sections={plan.sections}
              prefix="hulp"
              title={(s) => (person ? `Voor ${person}: ${s.need.name}` : s.need.name)}
              showEmpty={plan.path !== null}
            />
            <NeedSections
              sections={plan.carerSections}
              prefix="jou"
              title={() => 'Voor jou: steun als mantelzorger'}
            />
            {outcome.byText.length > 0 ? (
              <section aria-labelledby="tekst-kop">
                <h2 class="utrecht-heading-2" id="tekst-kop">
                  Gevonden op je woorden
                </h2>
                <CardList services={outcome.byText} prefix="tekst" where={outcome.servedIn} />
              </section>
            ) : null}
            {hasDemo ? (
              <p class="marke-muted">
                Vermeldingen met "Voorbeeld" zijn verzonnen. Ze laten zien hoe de Hulpwijzer werkt
                en hebben geen echte contactgegevens.
              </p>
            ) : null}
          </main>
        </body>
      </html>
    </>
  );
}
