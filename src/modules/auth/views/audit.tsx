/** The audit trail for beheerders: who changed what, when, with the old and the new version. */
import type { PageContext } from '../../../web/context.js';
import { Layout } from '../../../web/layout.js';

type Entry = {
  id: string | number;
  occurred_at: Date;
  actor: string;
  action: string;
  entity_type: string;
  entity_key: string;
  before: unknown;
  after: unknown;
};

function Version({ label, value }: { label: string; value: unknown }) {
  if (value === null || value === undefined) return <span class="marke-muted">–</span>;
  return (
    <details>
      <summary>{label}</summary>
      <pre class="marke-pre">{JSON.stringify(value, null, 2)}</pre>
    </details>
  );
}

export function AuditPage({
  ctx,
  entries,
  filter,
  error,
}: {
  ctx: PageContext;
  entries: Entry[];
  filter: { soort?: string; sleutel?: string };
  error?: string;
}) {
  return (
    <Layout
      ctx={ctx}
      title="Wijzigingen"
      crumbs={[{ label: 'Mijn account', href: '/account' }, { label: 'Wijzigingen' }]}
    >
      <h1 class="utrecht-heading-1">Wijzigingen (audit)</h1>
      <p class="utrecht-paragraph">
        Elke wijziging aan plan, agenda en monitoring, met wie, wanneer, en de versie ervoor en
        erna. De nieuwste eerst (hoogstens 200).
      </p>
      {error ? (
        <div class="utrecht-alert utrecht-alert--error" role="alert">
          <p class="utrecht-paragraph">{error}</p>
        </div>
      ) : null}
      <form method="get" action="/beheer/audit" class="marke-search">
        <div class="utrecht-form-field">
          <label class="utrecht-form-label" for="soort">
            Soort (bijvoorbeeld operational_goal)
          </label>
          <input class="utrecht-textbox" id="soort" name="soort" value={filter.soort ?? ''} />
        </div>
        <div class="utrecht-form-field">
          <label class="utrecht-form-label" for="sleutel">
            Sleutel (bijvoorbeeld 2.1.1. A)
          </label>
          <input class="utrecht-textbox" id="sleutel" name="sleutel" value={filter.sleutel ?? ''} />
        </div>
        <button class="utrecht-button utrecht-button--secondary-action" type="submit">
          Filteren
        </button>
      </form>
      {entries.length === 0 ? (
        <p class="utrecht-paragraph">Geen wijzigingen gevonden.</p>
      ) : (
        <div class="marke-table-wrap">
          <table class="utrecht-table">
            <caption class="utrecht-table__caption">Wijzigingen</caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">
                  Wanneer
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  Wie
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  Wat
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  Onderdeel
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  Ervoor
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  Erna
                </th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {entries.map((e) => (
                <tr class="utrecht-table__row">
                  <td class="utrecht-table__cell">
                    {new Date(e.occurred_at).toISOString().replace('T', ' ').slice(0, 19)} UTC
                  </td>
                  <td class="utrecht-table__cell">{e.actor}</td>
                  <td class="utrecht-table__cell">{e.action}</td>
                  <td class="utrecht-table__cell">
                    <a
                      class="utrecht-link"
                      href={`/beheer/audit?soort=${encodeURIComponent(e.entity_type)}&sleutel=${encodeURIComponent(e.entity_key)}`}
                    >
                      {e.entity_type} {e.entity_key}
                    </a>
                  </td>
                  <td class="utrecht-table__cell">
                    <Version label="Toon" value={e.before} />
                  </td>
                  <td class="utrecht-table__cell">
                    <Version label="Toon" value={e.after} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
