/**
 * The werkagenda's planning as a server-rendered SVG: one bar per planned goal from its planned
 * start to its planned end, per quarter 2024–2028. The table on the same page has the same facts.
 */
import { type AgendaStatus, STATUSES } from '../agenda.types.js';

type Planned = {
  code: string;
  planned_start: string | null;
  planned_end: string | null;
  status: AgendaStatus | null;
};

const FIRST_YEAR = 2024;
const YEARS = 5;
const QUARTER_WIDTH = 26;
const LABEL_WIDTH = 80;
const ROW_HEIGHT = 18;
const HEADER = 24;

/** Quarter index from 2024-Q1 (0); a bare year means its first quarter at the start, its last at the end. */
export function quarterIndex(period: string, edge: 'start' | 'end'): number {
  const year = Number(period.slice(0, 4));
  const quarter = period.includes('-Q') ? Number(period.slice(-1)) : edge === 'start' ? 1 : 4;
  return Math.min(Math.max((year - FIRST_YEAR) * 4 + quarter - 1, 0), YEARS * 4 - 1);
}

function label(goal: Planned): string {
  return `${goal.code}: ${goal.planned_start ?? '?'} tot ${goal.planned_end ?? '?'}, ${STATUSES[goal.status ?? 'niet_gestart']}`;
}

/** The /werkagenda page shows when each planned goal runs; unplanned goals are left out. */
export function AgendaTimelineSvg({ goals }: { goals: Planned[] }) {
  const planned = goals.filter((g) => g.planned_start || g.planned_end);
  if (planned.length === 0)
    return <p class="utrecht-paragraph marke-muted">Nog geen doelen met een planning.</p>;
  const width = LABEL_WIDTH + QUARTER_WIDTH * YEARS * 4;
  const height = HEADER + ROW_HEIGHT * planned.length + 4;
  return (
    <svg
      class="marke-timeline-svg marke-agenda-svg"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby="planning-titel planning-uitleg"
    >
      <title id="planning-titel">Planning van de werkagenda per kwartaal</title>
      <desc id="planning-uitleg">
        {planned.length} doelen met een planning, van 2024 tot en met 2028. Elke balk loopt van het
        geplande begin tot het geplande einde; de kleur hoort bij de status. De tabel hieronder
        bevat dezelfde gegevens.
      </desc>
      {Array.from({ length: YEARS }, (_, i) => (
        <>
          <rect
            x={LABEL_WIDTH + i * 4 * QUARTER_WIDTH}
            y={0}
            width={4 * QUARTER_WIDTH}
            height={height}
            class={i % 2 === 0 ? 'marke-tl-band' : 'marke-tl-band2'}
          />
          <text
            x={LABEL_WIDTH + i * 4 * QUARTER_WIDTH + 2 * QUARTER_WIDTH}
            y={16}
            text-anchor="middle"
            class="marke-tl-head"
          >
            {FIRST_YEAR + i}
          </text>
        </>
      ))}
      {planned.map((goal, row) => {
        const y = HEADER + row * ROW_HEIGHT;
        const start = quarterIndex(goal.planned_start ?? goal.planned_end ?? '2024', 'start');
        const end = quarterIndex(goal.planned_end ?? goal.planned_start ?? '2024', 'end');
        return (
          <g>
            <title>{label(goal)}</title>
            <text x={4} y={y + 13} class="marke-tl-label">
              {goal.code}
            </text>
            <rect
              x={LABEL_WIDTH + start * QUARTER_WIDTH + 1}
              y={y + 3}
              width={(end - start + 1) * QUARTER_WIDTH - 2}
              height={ROW_HEIGHT - 6}
              class={`marke-bar marke-bar--${goal.status ?? 'niet_gestart'}`}
            />
          </g>
        );
      })}
    </svg>
  );
}
