/** The beheerders' queue: new listings handed in, and approved listings changed since. */
import type { PageContext } from '../../../web/context.js';
import { Layout } from '../../../web/layout.js';
import { dutchDate } from './editor-parts.js';

type QueueRow = {
  id: string;
  name: string;
  review_status: string;
  review_note: string | null;
  edited_since_review: boolean;
  last_modified: Date;
  organization_name: string;
};

function QueueTable({ rows, caption }: { rows: QueueRow[]; caption: string }) {
  if (rows.length === 0) return <p class="utrecht-paragraph">Niets te beoordelen.</p>;
  return (
    <div class="marke-table-wrap">
      <table class="utrecht-table">
        <caption class="marke-visually-hidden">{caption}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col">
              Vermelding
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              Organisatie
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              Gewijzigd
            </th>
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {rows.map((r) => (
            <tr class="utrecht-table__row">
              <td class="utrecht-table__cell">
                <a class="utrecht-link" href={`/beheer/hulpwijzer/${r.id}`}>
                  {r.name}
                </a>
                {r.review_note ? (
                  <>
                    <br />
                    <span class="marke-muted">Eerdere opmerking: {r.review_note}</span>
                  </>
                ) : null}
              </td>
              <td class="utrecht-table__cell">{r.organization_name}</td>
              <td class="utrecht-table__cell">{dutchDate(r.last_modified)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ReviewQueuePage({ ctx, rows }: { ctx: PageContext; rows: QueueRow[] }) {
  const handedIn = rows.filter((r) => r.review_status === 'ingediend');
  const changed = rows.filter((r) => r.review_status !== 'ingediend' && r.edited_since_review);
  return (
    <Layout
      ctx={ctx}
      title="Hulpwijzer: beoordelen"
      crumbs={[{ label: 'Hulpwijzer', href: '/beheer/hulpwijzer' }, { label: 'Beoordelen' }]}
    >
      <h1 class="utrecht-heading-1">Hulpwijzer: beoordelen</h1>
      <p class="utrecht-paragraph">
        Nieuwe vermeldingen van redacteuren zien inwoners pas als u ze goedkeurt. Een gepubliceerde
        vermelding die de organisatie wijzigt, blijft zichtbaar; bekijk de wijziging en keur haar
        goed of wijs haar af.
      </p>
      <h2 class="utrecht-heading-2">Nieuw ingediend ({handedIn.length})</h2>
      <QueueTable rows={handedIn} caption="Ingediende vermeldingen" />
      <h2 class="utrecht-heading-2">Gewijzigd na goedkeuring ({changed.length})</h2>
      <QueueTable rows={changed} caption="Gepubliceerde vermeldingen met een wijziging" />
    </Layout>
  );
}
