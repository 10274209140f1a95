/**
 * The editors' overview (/beheer/hulpwijzer): the listings of their organisation with the date of
 * their last check and what that means (check now, out of date, hidden), oldest first, each with
 * the one-click "Gecontroleerd, alles klopt nog".
 */
import { DemoTag } from '../../../web/components.js';
import type { PageContext } from '../../../web/context.js';
import { Saved } from '../../../web/form-fields.js';
import { Layout } from '../../../web/layout.js';
import { CsrfField } from '../../auth/index.js';
import type { ListingRow } from '../directory-editor.repository.js';
import type { EditorOverview } from '../directory-editor-read.service.js';
import {
  CHECK_DUE_AFTER_MONTHS,
  FLAGGED_AFTER_MONTHS,
  FRESHNESS_TEXT,
  HIDDEN_AFTER_MONTHS,
  needsCheck,
} from '../freshness.js';
import { dutchDate, statusText } from './editor-parts.js';

const NO_ORGANISATION =
  'Uw account hoort nog niet bij een organisatie. Redacteuren houden de vermeldingen van hun eigen organisatie bij. Vraag een beheerder om uw organisatie aan uw account toe te voegen.';

function VerifyButton({ id, csrf, name }: { id: string; csrf: string; name: string }) {
  return (
    <form method="post" action={`/beheer/hulpwijzer/${id}/gecontroleerd`}>
      <CsrfField token={csrf} />
      <input type="hidden" name="terug" value="overzicht" />
      <button
        class="utrecht-button utrecht-button--secondary-action"
        type="submit"
        aria-label={`${name}: gecontroleerd, alles klopt nog`}
      >
        Gecontroleerd, alles klopt nog
      </button>
    </form>
  );
}

function ListingTable({ listings, csrf }: { listings: ListingRow[]; csrf: string }) {
  return (
    <div class="marke-table-wrap">
      <table class="utrecht-table">
        <caption class="marke-visually-hidden">Vermeldingen en hun laatste controle</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col">
              Vermelding
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              Status
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              Laatst gecontroleerd
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              Controle
            </th>
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {listings.map((l) => (
            <tr class="utrecht-table__row">
              <td class="utrecht-table__cell">
                <a class="utrecht-link" href={`/beheer/hulpwijzer/${l.id}`}>
                  {l.name}
                </a>{' '}
                {l.is_demo ? <DemoTag /> : null}
                <br />
                <span class="marke-muted">{l.organization_name}</span>
              </td>
              <td class="utrecht-table__cell">
                {statusText(l)}
                {l.review_status === 'afgewezen' && l.review_note ? (
                  <>
                    <br />
                    <span class="marke-muted">Reden: {l.review_note}</span>
                  </>
                ) : null}
              </td>
              <td class="utrecht-table__cell">
                {l.assured_date
                  ? `${dutchDate(l.assured_date)}${l.assured_by ? ` door ${l.assured_by}` : ''}`
                  : `Nog nooit (gemaakt ${dutchDate(l.checked_on)})`}
              </td>
              <td class="utrecht-table__cell">
                {needsCheck(l.freshness) ? (
                  <strong>{FRESHNESS_TEXT[l.freshness]}</strong>
                ) : (
                  FRESHNESS_TEXT[l.freshness]
                )}
                {needsCheck(l.freshness) && l.status === 'active' ? (
                  <VerifyButton id={l.id} csrf={csrf} name={l.name} />
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Organizations({ data }: { data: EditorOverview }) {
  if (data.scope.kind === 'organisation' && data.organizations.length === 0)
    return (
      <div class="marke-note">
        <h2 class="utrecht-heading-3">Uw organisatie staat nog niet in de Hulpwijzer</h2>
        <p class="utrecht-paragraph">
          Voeg eerst uw organisatie toe. Daarna kunt u de diensten van uw organisatie vermelden.
        </p>
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href="/beheer/hulpwijzer/organisaties/nieuw">
            Uw organisatie toevoegen
          </a>
        </p>
      </div>
    );
  if (data.scope.kind !== 'organisation') return null;
  return (
    <>
      <h2 class="utrecht-heading-2">Uw organisatie</h2>
      <ul class="utrecht-unordered-list">
        {data.organizations.map((o) => (
          <li class="utrecht-unordered-list__item">
            {o.name}{' '}
            <a class="utrecht-link" href={`/beheer/hulpwijzer/organisaties/${o.id}`}>
              Gegevens van {o.name} wijzigen
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}

/** What the user can start here: a listing (once there is an organisation), an organisation, the queue. */
function Actions({ data }: { data: EditorOverview }) {
  const links: [string, string][] = [
    ...(data.organizations.length > 0
      ? [['/beheer/hulpwijzer/nieuw', 'Nieuwe vermelding toevoegen'] as [string, string]]
      : []),
    ...(data.scope.kind === 'all'
      ? ([
          ['/beheer/hulpwijzer/organisaties/nieuw', 'Nieuwe organisatie toevoegen'],
          ['/beheer/hulpwijzer/beoordelen', 'Beoordelen'],
        ] as [string, string][])
      : []),
  ];
  if (links.length === 0) return null;
  return (
    <ul class="utrecht-unordered-list">
      {links.map(([href, text]) => (
        <li class="utrecht-unordered-list__item">
          <a class="utrecht-link" href={href}>
            {text}
          </a>
        </li>
      ))}
    </ul>
  );
}

export function EditorOverviewPage({
  ctx,
  data,
  csrf,
  notice,
}: {
  ctx: PageContext;
  data: EditorOverview;
  csrf: string;
  notice?: string;
}) {
  const due = data.listings.filter(
    (l) => l.status === 'active' && !l.is_demo && needsCheck(l.freshness),
  ).length;
  return (
    <Layout ctx={ctx} title="Hulpwijzer: vermeldingen" crumbs={[{ label: 'Hulpwijzer' }]}>
      <h1 class="utrecht-heading-1">Hulpwijzer: vermeldingen</h1>
      {notice ? <Saved text={notice} /> : null}
      {data.scope.kind === 'no-organisation' ? (
        <p class="utrecht-paragraph">{NO_ORGANISATION}</p>
      ) : (
        <>
          <p class="utrecht-paragraph">
            {data.scope.kind === 'all'
              ? 'Alle vermeldingen van de regio. Nieuwe en gewijzigde vermeldingen beoordeelt u op de pagina Beoordelen.'
              : 'De diensten van uw organisatie in de Hulpwijzer. Houd ze actueel: inwoners rekenen erop.'}
          </p>
          <p class="utrecht-paragraph">
            Controleer elke vermelding minstens elk half jaar. Na {CHECK_DUE_AFTER_MONTHS} maanden
            vragen we u om te controleren, na {FLAGGED_AFTER_MONTHS} maanden heet de vermelding
            verouderd en na {HIDDEN_AFTER_MONTHS} maanden zien inwoners haar niet meer. Marke stuurt
            geen e-mail: deze pagina en uw startpagina laten zien wat er te doen is.
          </p>
          {due > 0 ? (
            <div class="utrecht-alert utrecht-alert--warning" role="status">
              <p class="utrecht-paragraph">
                {due === 1
                  ? '1 vermelding moet gecontroleerd worden.'
                  : `${due} vermeldingen moeten gecontroleerd worden.`}
              </p>
            </div>
          ) : null}
          <Organizations data={data} />
          <Actions data={data} />
          <h2 class="utrecht-heading-2">Vermeldingen</h2>
          {data.listings.length === 0 ? (
            <p class="utrecht-paragraph">Er zijn (nog) geen vermeldingen.</p>
          ) : (
            <ListingTable listings={data.listings} csrf={csrf} />
          )}
        </>
      )}
    </Layout>
  );
}
