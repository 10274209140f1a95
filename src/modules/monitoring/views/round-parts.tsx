/** Parts the round page and the report share: the snapshot tables and the four steps as text. */
import { href, type PageContext } from '../../../web/context.js';
import { PRIORITIES, STATUSES } from '../../agenda/index.js';
import { formatValue, STATUS_LABELS, type TargetStatus } from '../../indicators/index.js';
import { goalCodeToSegment } from '../../plan/index.js';
import type { RoundView } from '../rounds.service.js';
import { StoryList } from './evidence.js';

export function snapshotStatus(status: string): string {
  return status in STATUS_LABELS ? STATUS_LABELS[status as TargetStatus] : 'Geen streefwaarde';
}

export function IndicatorSnapshot({ view }: { view: RoundView }) {
  if (view.indicators.length === 0) return <p class="utrecht-paragraph">Geen indicatoren.</p>;
  return (
    <div class="marke-table-wrap">
      <table class="utrecht-table">
        <caption class="utrecht-table__caption">
          Indicatoren bij de start van de ronde (
          {new Date(view.round.started_at).toISOString().slice(0, 10)})
        </caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col">
              Indicator
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              Waarde
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              Streefwaarde
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              Status
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              Bron
            </th>
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {view.indicators.map((i) => (
            <tr class="utrecht-table__row">
              <th
                class="utrecht-table__header-cell"
                scope="row"
                id={`indicator-${i.indicator_code}`}
              >
                {i.indicator_name}
              </th>
              <td class="utrecht-table__cell">
                {i.period
                  ? `${formatValue(i.value, i)} (${i.area_name}, ${i.period})`
                  : 'nog geen meting'}
                {i.is_projection ? <span class="marke-tag">prognose</span> : null}
                {i.is_demo ? <span class="marke-tag">voorbeelddata</span> : null}
              </td>
              <td class="utrecht-table__cell">{i.target_text || '–'}</td>
              <td class="utrecht-table__cell">
                <span class={`marke-status-${i.status}`}>{snapshotStatus(i.status)}</span>
                <br />
                <span class="marke-muted">{i.status_reason}</span>
              </td>
              <td class="utrecht-table__cell">{i.source}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Agenda at the start, per status, with the goals at risk named. */
export function AgendaSnapshot({ view }: { view: RoundView }) {
  const counts = new Map<string, number>();
  for (const a of view.agenda) counts.set(a.status, (counts.get(a.status) ?? 0) + 1);
  const attention = view.agenda.filter((a) => a.status === 'risico' || a.status === 'vertraagd');
  return (
    <>
      <p class="utrecht-paragraph">
        {view.agenda.length} doelen:{' '}
        {[...counts]
          .map(([s, n]) => `${n} ${STATUSES[s as keyof typeof STATUSES]?.toLowerCase() ?? s}`)
          .join(', ')}
        .
      </p>
      {attention.length > 0 ? (
        <p class="utrecht-paragraph">
          Risico of vertraagd:{' '}
          {attention
            .map((a) => `${a.goal_code} (${STATUSES[a.status as keyof typeof STATUSES]})`)
            .join(', ')}
          .
        </p>
      ) : null}
    </>
  );
}

export function Interpretations({ view }: { view: RoundView }) {
  if (view.interpretations.length === 0) return <p class="utrecht-paragraph">Nog geen duiding.</p>;
  return (
    <ul class="utrecht-unordered-list">
      {view.interpretations.map((i) => (
        <li id={`duiding-${i.id}`}>
          <strong>
            {i.subject_kind} {i.subject_key}
          </strong>{' '}
          ({i.author_role}): {i.text}
        </li>
      ))}
    </ul>
  );
}

export function Dialogues({ ctx, view }: { ctx: PageContext; view: RoundView }) {
  if (view.dialogues.length === 0) return <p class="utrecht-paragraph">Nog geen dialoog.</p>;
  const known = new Set(view.stories.map((st) => st.id));
  return (
    <>
      <ul class="utrecht-unordered-list">
        {view.dialogues.map((d) => (
          <li id={`dialoog-${d.id}`}>
            <strong>{d.held_on}</strong>: {d.notes}
            <br />
            <span class="marke-muted">
              Deelnemers:{' '}
              {d.participants
                .map((p) => (p.organisation ? `${p.role} (${p.organisation})` : p.role))
                .join(', ')}
            </span>
          </li>
        ))}
      </ul>
      {view.stories.length > 0 ? (
        <>
          <h3 class="utrecht-heading-3">Ingebrachte verhalen</h3>
          <StoryList ctx={ctx} stories={view.stories} />
        </>
      ) : null}
      {view.dialogues.some((d) => d.story_ids.some((id) => !known.has(id))) ? (
        <p class="utrecht-paragraph marke-muted">
          Eén of meer ingebrachte verhalen zijn niet meer gepubliceerd en staan hier niet.
        </p>
      ) : null}
    </>
  );
}

function changeText(changes: Record<string, unknown>): string {
  const parts: string[] = [];
  if ('priority' in changes)
    parts.push(
      `prioriteit ${changes.priority ? PRIORITIES[changes.priority as keyof typeof PRIORITIES] : 'geen'}`,
    );
  if ('status' in changes)
    parts.push(`status ${STATUSES[changes.status as keyof typeof STATUSES] ?? changes.status}`);
  if ('planned_start' in changes) parts.push(`start ${changes.planned_start ?? 'geen'}`);
  if ('planned_end' in changes) parts.push(`einde ${changes.planned_end ?? 'geen'}`);
  return parts.join(', ');
}

export function Decisions({ ctx, view }: { ctx: PageContext; view: RoundView }) {
  if (view.decisions.length === 0) return <p class="utrecht-paragraph">Nog geen besluit.</p>;
  return (
    <ul class="utrecht-unordered-list">
      {view.decisions.map((d) => {
        const before = Object.fromEntries(
          Object.keys(d.changes).map((k) => [k, (d.before as Record<string, unknown>)[k] ?? null]),
        );
        return (
          <li id={`besluit-${d.id}`}>
            <a
              class="utrecht-link marke-code"
              href={href(ctx, `/doelen/${goalCodeToSegment(d.goal_code)}`)}
            >
              {d.goal_code}
            </a>
            : {changeText(d.changes)} (was: {changeText(before)}). {d.reason}
            <br />
            <span class="marke-muted">
              Besloten {d.decided_on}. Onderbouwing:{' '}
              {d.evidence.map((e, n) => (
                <>
                  {n > 0 ? ', ' : ''}
                  <a class="utrecht-link" href={`#${e.kind}-${e.ref}`}>
                    {e.kind} {e.ref}
                  </a>
                </>
              ))}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
