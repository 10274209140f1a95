/**
 * Werkagenda sections of the goal and opgave pages. The data comes from the agenda module through
 * the AgendaProvider the app passes in; these views only show it.
 */
import { href, type PageContext } from '../../../web/context.js';
import { goalCodeToSegment } from '../goal-codes.js';
import type { AgendaGoalDetail, AgendaRollUp } from '../plan.types.js';
import { goalHref } from './goal-parts.js';

function percent(value: number | null): string {
  return value === null ? 'nog niet ingevuld' : `${value}%`;
}

/** Strategic goal: the roll-up, the rule, and each operational goal's status and progress. */
export function StrategicAgenda({ ctx, rollUp }: { ctx: PageContext; rollUp: AgendaRollUp }) {
  return (
    <section aria-labelledby="voortgang">
      <h2 class="utrecht-heading-2" id="voortgang">
        Voortgang op de werkagenda: {percent(rollUp.progress)}
      </h2>
      <p class="utrecht-paragraph marke-muted">{rollUp.rule}</p>
      <div class="marke-table-wrap">
        <table class="utrecht-table">
          <caption class="utrecht-table__caption">Operationele doelen op de werkagenda</caption>
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
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {rollUp.parts.map((p) => (
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="row">
                  <a class="utrecht-link marke-code" href={goalHref(ctx, p.code)}>
                    {p.code}
                  </a>
                </th>
                <td class="utrecht-table__cell">{p.status}</td>
                <td class="utrecht-table__cell">{p.priority ?? '–'}</td>
                <td class="utrecht-table__cell">{p.progress === null ? '–' : `${p.progress}%`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Opgave: the roll-up of the whole opgave and of each strategic goal, with the rule. */
export function OpgaveAgenda({
  ctx,
  slug,
  rollUp,
}: {
  ctx: PageContext;
  slug: string;
  rollUp: AgendaRollUp;
}) {
  return (
    <section aria-labelledby="voortgang">
      <h2 class="utrecht-heading-2" id="voortgang">
        Voortgang op de werkagenda: {percent(rollUp.progress)}
      </h2>
      <ul class="utrecht-unordered-list">
        {rollUp.parts.map((p) => (
          <li class="utrecht-unordered-list__item">
            <a class="utrecht-link" href={goalHref(ctx, p.code)}>
              Strategisch doel <span class="marke-code">{p.code}</span>
            </a>
            : {percent(p.progress)}
          </li>
        ))}
      </ul>
      <p class="utrecht-paragraph marke-muted">{rollUp.rule}</p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={href(ctx, `/werkagenda?opgave=${slug}`)}>
          Alle doelen van deze opgave op de werkagenda
        </a>
      </p>
    </section>
  );
}

/** Operational goal: status, priority, progress, planning, owners and the latest updates. */
export function OperationalAgenda({
  ctx,
  code,
  item,
}: {
  ctx: PageContext;
  code: string;
  item: AgendaGoalDetail;
}) {
  return (
    <section aria-labelledby="werkagenda">
      <h2 class="utrecht-heading-2" id="werkagenda">
        Werkagenda
      </h2>
      <dl class="marke-dl">
        <dt>Status</dt>
        <dd>{item.status}</dd>
        <dt>Prioriteit</dt>
        <dd>{item.priority ?? 'nog niet bepaald'}</dd>
        <dt>Voortgang</dt>
        <dd>{percent(item.progress)}</dd>
        <dt>Fase</dt>
        <dd>{item.phase ?? '–'}</dd>
        <dt>Planning</dt>
        <dd>{item.planned ?? 'nog niet gepland'}</dd>
        <dt>Eigenaren</dt>
        <dd>
          {item.owners.length === 0
            ? 'nog geen eigenaar'
            : item.owners.map((o, i) => (
                <>
                  {i > 0 ? ', ' : ''}
                  <a class="utrecht-link" href={href(ctx, `/organisaties/${o.slug}`)}>
                    {o.name}
                  </a>
                </>
              ))}
        </dd>
      </dl>
      <h3 class="utrecht-heading-3">Laatste berichten</h3>
      {item.updates.length === 0 ? (
        <p class="utrecht-paragraph marke-muted">Nog geen voortgangsberichten.</p>
      ) : (
        <ol class="utrecht-ordered-list">
          {item.updates.map((u) => (
            <li class="utrecht-ordered-list__item">
              <strong>{u.occurredOn}</strong> {u.kind === 'besluit' ? 'Besluit' : 'Voortgang'}:{' '}
              {u.text}
            </li>
          ))}
        </ol>
      )}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={href(ctx, '/werkagenda')}>
          Naar de werkagenda
        </a>{' '}
        · Trekker of beheerder?{' '}
        <a class="utrecht-link" href={`/beheer/werkagenda/${goalCodeToSegment(code)}`}>
          Werk dit doel bij
        </a>
      </p>
    </section>
  );
}
