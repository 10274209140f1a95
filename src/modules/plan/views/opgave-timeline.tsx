/**
 * The year timeline of an opgave as a server-rendered SVG: one row per operational goal, a dot in
 * the year the text names as deadline and open squares in the years the plan's table marks. The
 * table below it on the page carries the same facts with links, for screen readers and keyboards.
 */
type TimelineGoal = {
  code: string;
  planning: string[];
  deadline_year: number | null;
  deadline_note: string | null;
};

const COLUMNS = ['2024', '2025', '2026', '2027', '2028', '2029–2040'] as const;
const LABEL_WIDTH = 84;
const COLUMN_WIDTH = 92;
const ROW_HEIGHT = 22;
const HEADER_HEIGHT = 26;

/** Which column a year falls in; years after 2028 share the last one. */
function columnOf(year: number): number {
  return Math.min(Math.max(year - 2024, 0), COLUMNS.length - 1);
}

/** Planning marks of the plan's table ('2027+' means 2027 and later: drawn at 2027). */
function plannedColumns(goal: TimelineGoal): number[] {
  return goal.planning.map((mark) => (mark === '2027+' ? 3 : columnOf(Number(mark))));
}

function rowTitle(goal: TimelineGoal): string {
  const deadline =
    goal.deadline_year !== null
      ? `doeljaar ${goal.deadline_year}`
      : `geen doeljaar${goal.deadline_note ? ` (${goal.deadline_note})` : ''}`;
  const planned = goal.planning.length > 0 ? `, gepland: ${goal.planning.join(', ')}` : '';
  return `${goal.code}: ${deadline}${planned}`;
}

/** The opgave page draws its goals' years as a picture; the table below carries the same facts. */
export function OpgaveTimelineSvg({
  goals,
  opgaveName,
}: {
  goals: TimelineGoal[];
  opgaveName: string;
}) {
  const width = LABEL_WIDTH + COLUMN_WIDTH * COLUMNS.length;
  const height = HEADER_HEIGHT + ROW_HEIGHT * goals.length + 4;
  const cx = (column: number) => LABEL_WIDTH + COLUMN_WIDTH * column + COLUMN_WIDTH / 2;
  const withDeadline = goals.filter((g) => g.deadline_year !== null).length;
  return (
    <svg
      class="marke-timeline-svg"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby="tijdlijn-titel tijdlijn-uitleg"
    >
      <title id="tijdlijn-titel">Tijdlijn van de operationele doelen van {opgaveName}</title>
      <desc id="tijdlijn-uitleg">
        {goals.length} doelen; {withDeadline} noemen een doeljaar (gevulde stip). Open vierkantjes
        zijn jaren die de planningstabel van het plan markeert. De tabel onder de figuur bevat
        dezelfde gegevens.
      </desc>
      {COLUMNS.map((label, column) => (
        <>
          <rect
            x={LABEL_WIDTH + COLUMN_WIDTH * column}
            y={0}
            width={COLUMN_WIDTH}
            height={height}
            class={column % 2 === 0 ? 'marke-tl-band' : 'marke-tl-band2'}
          />
          <text x={cx(column)} y={17} text-anchor="middle" class="marke-tl-head">
            {label}
          </text>
        </>
      ))}
      {goals.map((goal, row) => {
        const y = HEADER_HEIGHT + ROW_HEIGHT * row + ROW_HEIGHT / 2;
        return (
          <g>
            <title>{rowTitle(goal)}</title>
            <text x={4} y={y + 4} class="marke-tl-label">
              {goal.code}
            </text>
            <line x1={LABEL_WIDTH} x2={width} y1={y} y2={y} class="marke-tl-line" />
            {plannedColumns(goal).map((column) => (
              <rect x={cx(column) - 7} y={y - 7} width={14} height={14} class="marke-tl-planned" />
            ))}
            {goal.deadline_year !== null ? (
              <circle
                cx={cx(columnOf(goal.deadline_year))}
                cy={y}
                r={6}
                class="marke-tl-deadline"
              />
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}
