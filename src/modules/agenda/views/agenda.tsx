/** The werkagenda table with filters and roll-ups, and the edit form of one item. */
import { href, type PageContext } from '../../../web/context.js';
import { Layout } from '../../../web/layout.js';
import { CsrfField, ErrorSummary, type FieldErrors } from '../../auth/index.js';
import { goalCodeToSegment } from '../../plan/index.js';
import type { getAgenda, getAgendaItem } from '../agenda.service.js';
import {
  type AgendaFilterInput,
  PRIORITIES,
  PRIORITY_NAMES,
  ROLLUP_RULE,
  STATUS_NAMES,
  STATUSES,
} from '../agenda.types.js';
import { AgendaTimelineSvg } from './agenda-timeline.js';

type Agenda = Awaited<ReturnType<typeof getAgenda>>;

const YEARS = [2024, 2025, 2026, 2027, 2028, 2029, 2030, 2035, 2040];

/** The row header of every agenda table: the goal code, linking to the goal page. */
export function GoalCell({ ctx, code }: { ctx: PageContext; code: string }) {
  return (
    <th class="utrecht-table__header-cell" scope="row">
      <a class="utrecht-link marke-code" href={href(ctx, `/doelen/${goalCodeToSegment(code)}`)}>
        {code}
      </a>
    </th>
  );
}

function percent(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : `${value}%`;
}

function Select({
  id,
  label,
  options,
  value,
}: {
  id: string;
  label: string;
  options: Array<[string, string]>;
  value?: string;
}) {
  return (
    <div class="utrecht-form-field">
      <label class="utrecht-form-label" for={id}>
        {label}
      </label>
      <select class="utrecht-select" id={id} name={id}>
        <option value="">Alle</option>
        {options.map(([key, text]) => (
          <option value={key} selected={value === key}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

export function AgendaPage({
  ctx,
  data,
  filter,
  error,
}: {
  ctx: PageContext;
  data: Agenda;
  filter: AgendaFilterInput;
  error?: string;
}) {
  return (
    <Layout ctx={ctx} title="Werkagenda" nav="doelen" crumbs={[{ label: 'Werkagenda' }]}>
      <h1 class="utrecht-heading-1">Werkagenda</h1>
      <p class="utrecht-paragraph">Hoe ver is elk operationeel doel? De trekkers houden dit bij.</p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={href(ctx, '/werkagenda/aandacht')}>
          Aandacht nodig
        </a>
      </p>
      <p class="utrecht-paragraph">
        Download de werkagenda:{' '}
        <a class="utrecht-link" href={`/api/v1/regions/${ctx.region.code}/agenda.csv`}>
          CSV
        </a>{' '}
        of{' '}
        <a class="utrecht-link" href={`/api/v1/regions/${ctx.region.code}/agenda.xlsx`}>
          Excel (XLSX)
        </a>
        . Beheerders lezen hetzelfde bestand weer in.
      </p>
      {error ? (
        <div class="utrecht-alert utrecht-alert--error" role="alert">
          <p class="utrecht-paragraph">{error}</p>
        </div>
      ) : null}
      <h2 class="utrecht-heading-2">Voortgang per opgave</h2>
      <p class="utrecht-paragraph marke-muted">{ROLLUP_RULE}</p>
      <ul class="utrecht-unordered-list">
        {data.opgaven.map((o) => (
          <li class="utrecht-unordered-list__item">
            {o.number}. {o.name}: {percent(data.byOpgave.get(o.slug))}
          </li>
        ))}
      </ul>
      <h2 class="utrecht-heading-2">Alle doelen</h2>
      <form method="get" action={href(ctx, '/werkagenda')} class="marke-search">
        <Select
          id="opgave"
          label="Opgave"
          value={filter.opgave}
          options={data.opgaven.map((o) => [o.slug, `${o.number}. ${o.name}`])}
        />
        <Select
          id="status"
          label="Status"
          value={filter.status}
          options={STATUS_NAMES.map((s) => [s, STATUSES[s]])}
        />
        <Select
          id="prioriteit"
          label="Prioriteit"
          value={filter.prioriteit}
          options={PRIORITY_NAMES.map((p) => [p, PRIORITIES[p]])}
        />
        <Select
          id="eigenaar"
          label="Eigenaar"
          value={filter.eigenaar}
          options={[...new Map(data.owners.map((o) => [o.slug, o.name])).entries()].sort((a, b) =>
            a[1].localeCompare(b[1], 'nl'),
          )}
        />
        <Select
          id="jaar"
          label="Jaar"
          value={filter.jaar ? String(filter.jaar) : undefined}
          options={YEARS.map((y) => [String(y), String(y)])}
        />
        <button class="utrecht-button utrecht-button--secondary-action" type="submit">
          Filteren
        </button>
      </form>
      <p class="utrecht-paragraph" role="status">
        {data.rows.length} van de {data.total} doelen.
      </p>
      <h3 class="utrecht-heading-3">Planning per kwartaal</h3>
      <div class="marke-table-wrap">
        <AgendaTimelineSvg goals={data.rows} />
      </div>
      <div class="marke-table-wrap">
        <table class="utrecht-table">
          <caption class="utrecht-table__caption">Werkagenda</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">
                Doel
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                Status
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                Prioriteit
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                Voortgang
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                Planning
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                Eigenaren
              </th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {data.rows.map((r, index) => (
              <>
                {index === 0 || data.rows[index - 1]?.strategic_code !== r.strategic_code ? (
                  <tr class="utrecht-table__row marke-group-row">
                    <td class="utrecht-table__cell" colspan={6}>
                      Strategisch doel <span class="marke-code">{r.strategic_code}</span>: voortgang{' '}
                      {percent(data.byStrategic.get(r.strategic_code))}
                    </td>
                  </tr>
                ) : null}
                <tr class="utrecht-table__row">
                  <GoalCell ctx={ctx} code={r.code} />
                  <td class="utrecht-table__cell">{STATUSES[r.status ?? 'niet_gestart']}</td>
                  <td class="utrecht-table__cell">{r.priority ? PRIORITIES[r.priority] : '–'}</td>
                  <td class="utrecht-table__cell">{r.item_id ? percent(r.progress) : '–'}</td>
                  <td class="utrecht-table__cell">
                    {r.planned_start || r.planned_end
                      ? `${r.planned_start ?? '?'} – ${r.planned_end ?? '?'}`
                      : '–'}
                  </td>
                  <td class="utrecht-table__cell">
                    {data.owners
                      .filter((o) => o.agenda_item_id === r.item_id)
                      .map((o) => o.name)
                      .join(', ') || '–'}
                  </td>
                </tr>
              </>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}

type Item = Extract<Awaited<ReturnType<typeof getAgendaItem>>, { ok: true }>['value'];

export function AgendaEditPage({
  ctx,
  item,
  csrf,
  errors = {},
  values,
  saved,
}: {
  ctx: PageContext;
  item: Item;
  csrf: string;
  errors?: FieldErrors;
  values?: Record<string, string>;
  saved?: boolean;
}) {
  const r = item.row;
  const v = values ?? {
    status: r.status ?? 'niet_gestart',
    priority: r.priority ?? '',
    progress: String(r.progress ?? 0),
    phase: r.phase ?? '',
    planned_start: r.planned_start ?? '',
    planned_end: r.planned_end ?? '',
    owners: item.owners.map((o) => o.slug).join(', '),
  };
  const text = (id: string, label: string, hint?: string) => (
    <div class={`utrecht-form-field${errors[id] ? ' utrecht-form-field--invalid' : ''}`}>
      <label class="utrecht-form-label" for={id}>
        {label}
      </label>
      {hint ? <p class="marke-muted">{hint}</p> : null}
      {errors[id] ? <p class="utrecht-form-field-error-message">{errors[id]}</p> : null}
      <input
        class="utrecht-textbox"
        id={id}
        name={id}
        value={v[id] ?? ''}
        aria-invalid={errors[id] ? 'true' : undefined}
      />
    </div>
  );
  return (
    <Layout
      ctx={ctx}
      title={`Werkagenda ${r.code}`}
      crumbs={[{ label: 'Werkagenda', href: '/werkagenda' }, { label: r.code }]}
    >
      <h1 class="utrecht-heading-1">Werkagenda: {r.code}</h1>
      <p class="utrecht-paragraph">
        {r.label ? `${r.label}: ` : ''}
        {r.text ?? 'De tekst van dit doel ontbreekt in de bron.'}
      </p>
      {saved ? (
        <div class="utrecht-alert" role="status">
          <p class="utrecht-paragraph">Opgeslagen.</p>
        </div>
      ) : null}
      <ErrorSummary errors={errors} />
      <form method="post" action={`/beheer/werkagenda/${goalCodeToSegment(r.code)}`} novalidate>
        <CsrfField token={csrf} />
        <div class="utrecht-form-field">
          <label class="utrecht-form-label" for="status">
            Status
          </label>
          <select class="utrecht-select" id="status" name="status">
            {STATUS_NAMES.map((s) => (
              <option value={s} selected={v.status === s}>
                {STATUSES[s]}
              </option>
            ))}
          </select>
        </div>
        <div class="utrecht-form-field">
          <label class="utrecht-form-label" for="priority">
            Prioriteit
          </label>
          <select class="utrecht-select" id="priority" name="priority">
            <option value="">Nog niet bepaald</option>
            {PRIORITY_NAMES.map((p) => (
              <option value={p} selected={v.priority === p}>
                {PRIORITIES[p]}
              </option>
            ))}
          </select>
        </div>
        {text('progress', 'Voortgang in procenten (0 tot 100)')}
        {text('phase', 'Fase', 'Bijvoorbeeld: verkennen, plan van aanpak, uitvoeren.')}
        {text('planned_start', 'Gepland begin', 'Een jaar (2025) of kwartaal (2025-Q3).')}
        {text('planned_end', 'Gepland einde', 'Een jaar (2026) of kwartaal (2026-Q4).')}
        {item.canAssignOwners
          ? text(
              'owners',
              'Eigenaren (organisaties)',
              'Slugs gescheiden door komma’s, bijvoorbeeld ggd-drenthe, gemeente-assen.',
            )
          : null}
        <div class={`utrecht-form-field${errors.update ? ' utrecht-form-field--invalid' : ''}`}>
          <label class="utrecht-form-label" for="update">
            Voortgangsbericht (komt met de datum van vandaag op de tijdlijn)
          </label>
          {errors.update ? <p class="utrecht-form-field-error-message">{errors.update}</p> : null}
          <textarea class="utrecht-textarea" id="update" name="update" rows={4}>
            {v.update ?? ''}
          </textarea>
        </div>
        <div class={`utrecht-form-field${errors.decision ? ' utrecht-form-field--invalid' : ''}`}>
          <label class="utrecht-form-label" for="decision">
            Besluit (bijvoorbeeld van de programmaraad; komt als besluit op de tijdlijn)
          </label>
          {errors.decision ? (
            <p class="utrecht-form-field-error-message">{errors.decision}</p>
          ) : null}
          <textarea class="utrecht-textarea" id="decision" name="decision" rows={3}>
            {v.decision ?? ''}
          </textarea>
        </div>
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          Opslaan
        </button>
      </form>
      <h2 class="utrecht-heading-2">Tijdlijn</h2>
      {item.updates.length === 0 ? (
        <p class="utrecht-paragraph marke-muted">Nog geen voortgangsberichten.</p>
      ) : (
        <ol class="utrecht-ordered-list">
          {item.updates.map((u) => (
            <li class="utrecht-ordered-list__item">
              <strong>{u.occurred_on}</strong> {u.kind === 'besluit' ? 'Besluit' : 'Voortgang'} (
              {u.author}): {u.text}
            </li>
          ))}
        </ol>
      )}
    </Layout>
  );
}
