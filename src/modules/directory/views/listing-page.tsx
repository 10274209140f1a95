/**
 * One listing for its editors: its state (review, active, last check), the card residents see,
 * the actions (edit, checked, end or offer again; approve or reject for beheerders) and its
 * history from the HSDS metadata.
 */
import type { PageContext } from '../../../web/context.js';
import { type FieldErrors, Saved, TextArea } from '../../../web/form-fields.js';
import { Layout } from '../../../web/layout.js';
import { CsrfField, ErrorSummary } from '../../auth/index.js';
import type { ListingPageData } from '../directory-editor-read.service.js';
import { FRESHNESS_TEXT } from '../freshness.js';
import type { ServiceHit } from '../search.service.js';
import { CardPreview, dutchDate, statusText } from './editor-parts.js';

function PostButton({
  action,
  csrf,
  label,
  primary,
}: {
  action: string;
  csrf: string;
  label: string;
  primary?: boolean;
}) {
  return (
    <form method="post" action={action}>
      <CsrfField token={csrf} />
      <button
        class={`utrecht-button utrecht-button--${primary ? 'primary' : 'secondary'}-action`}
        type="submit"
      >
        {label}
      </button>
    </form>
  );
}

function ReviewForm({
  id,
  csrf,
  errors,
  note,
}: {
  id: string;
  csrf: string;
  errors: FieldErrors;
  note?: string;
}) {
  return (
    <section aria-labelledby="beoordelen-kop">
      <h2 class="utrecht-heading-2" id="beoordelen-kop">
        Beoordelen
      </h2>
      <form method="post" action={`/beheer/hulpwijzer/${id}/beoordelen`} novalidate>
        <CsrfField token={csrf} />
        <TextArea
          id="opmerking"
          label="Opmerking voor de organisatie"
          hint="Verplicht bij afwijzen: schrijf wat er anders moet. De redacteur van de organisatie ziet dit."
          errors={errors}
          value={note}
          rows={3}
        />
        <div class="marke-search">
          <button
            class="utrecht-button utrecht-button--primary-action"
            type="submit"
            id="besluit"
            name="besluit"
            value="goedkeuren"
          >
            Goedkeuren
          </button>
          <button
            class="utrecht-button utrecht-button--secondary-action"
            type="submit"
            name="besluit"
            value="afwijzen"
          >
            Afwijzen
          </button>
        </div>
      </form>
    </section>
  );
}

function History({ history }: { history: ListingPageData['history'] }) {
  if (history.length === 0)
    return <p class="utrecht-paragraph">Nog geen wijzigingen vastgelegd.</p>;
  return (
    <div class="marke-table-wrap">
      <table class="utrecht-table">
        <caption class="marke-visually-hidden">Wijzigingen van deze vermelding</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col">
              Wanneer
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              Wie
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              Veld
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              Nieuw
            </th>
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {history.map((h) => (
            <tr class="utrecht-table__row">
              <td class="utrecht-table__cell">{dutchDate(h.last_action_date)}</td>
              <td class="utrecht-table__cell">{h.updated_by}</td>
              <td class="utrecht-table__cell">
                <code>{h.field_name}</code>
              </td>
              <td class="utrecht-table__cell">
                {h.replacement_value.length > 120
                  ? `${h.replacement_value.slice(0, 120)}…`
                  : h.replacement_value || '(leeg)'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ListingPage({
  ctx,
  data,
  card,
  csrf,
  notice,
  errors = {},
  note,
}: {
  ctx: PageContext;
  data: ListingPageData;
  card: ServiceHit;
  csrf: string;
  notice?: string;
  errors?: FieldErrors;
  note?: string;
}) {
  const l = data.listing;
  const base = `/beheer/hulpwijzer/${l.id}`;
  return (
    <Layout
      ctx={ctx}
      title={l.name}
      crumbs={[{ label: 'Hulpwijzer', href: '/beheer/hulpwijzer' }, { label: l.name }]}
    >
      <h1 class="utrecht-heading-1">{l.name}</h1>
      <ErrorSummary errors={errors} />
      {notice ? <Saved text={notice} /> : null}
      <dl class="marke-dl">
        <dt>Organisatie</dt>
        <dd>{l.organization_name}</dd>
        <dt>Status</dt>
        <dd>{statusText(l)}</dd>
        {l.review_note ? (
          <>
            <dt>Opmerking van de beheerder</dt>
            <dd>{l.review_note}</dd>
          </>
        ) : null}
        <dt>Laatst gecontroleerd</dt>
        <dd>
          {l.assured_date
            ? `${dutchDate(l.assured_date)}${l.assured_by ? ` door ${l.assured_by}` : ''}`
            : 'Nog nooit door de organisatie zelf'}
          {' — '}
          {FRESHNESS_TEXT[l.freshness]}
        </dd>
      </dl>
      <div class="marke-actions">
        <a class="utrecht-link" href={`${base}/bewerken`}>
          Vermelding bewerken
        </a>
        {l.status === 'active' ? (
          <>
            <PostButton
              action={`${base}/gecontroleerd`}
              csrf={csrf}
              label="Gecontroleerd, alles klopt nog"
            />
            <PostButton
              action={`${base}/beeindigen`}
              csrf={csrf}
              label="Beëindigen (de dienst stopt)"
            />
          </>
        ) : (
          <PostButton action={`${base}/heropenen`} csrf={csrf} label="Weer aanbieden" />
        )}
      </div>
      {data.canModerate ? <ReviewForm id={l.id} csrf={csrf} errors={errors} note={note} /> : null}
      <CardPreview
        service={card}
        note={
          l.review_status === 'goedgekeurd' && l.status === 'active'
            ? 'Inwoners vinden deze vermelding in de Hulpwijzer.'
            : 'Inwoners zien deze vermelding nog niet (of niet meer).'
        }
      />
      <h2 class="utrecht-heading-2">Wijzigingen</h2>
      <History history={data.history} />
    </Layout>
  );
}
