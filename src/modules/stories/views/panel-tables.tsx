/** Panel distributions as tables (and one bar chart per period), shared by public and signed-in pages. */
import type { PanelDistribution, PanelQuestionView } from '../panel-results.service.js';

const BAR_WIDTH = 560;
const LABEL_HEIGHT = 18;
const ROW = 44;

/**
 * A horizontal bar per answer for the first shown distribution of a period (the largest area),
 * with a title, a description and the table beside it carrying the same figures.
 */
export function PanelBarChart({
  id,
  distribution,
  source,
}: {
  id: string;
  distribution: PanelDistribution;
  source: string;
}) {
  const height = distribution.counts.length * ROW + 4;
  const width = BAR_WIDTH + 80;
  return (
    <svg
      class="marke-panel-svg"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={`${id}-titel ${id}-uitleg`}
    >
      <title id={`${id}-titel`}>
        Antwoorden in {distribution.area.name}, {distribution.period}
      </title>
      <desc id={`${id}-uitleg`}>
        Percentage per antwoord van {distribution.n} antwoorden. Bron: {source}. De tabel hieronder
        bevat dezelfde cijfers.
      </desc>
      {distribution.counts.map((c, row) => {
        const y = row * ROW;
        const bar = Math.round(((c.percent ?? 0) / 100) * BAR_WIDTH);
        return (
          <g>
            <text x={0} y={y + 14} class="marke-tl-label">
              {c.option}
            </text>
            <rect
              x={0}
              y={y + LABEL_HEIGHT + 2}
              width={Math.max(bar, 1)}
              height={18}
              class="marke-panel-bar"
            />
            <text x={bar + 6} y={y + LABEL_HEIGHT + 16} class="marke-tl-label">
              {c.percent ?? 0}%
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function Row({ d, options }: { d: PanelDistribution; options: string[] }) {
  return (
    <tr class="utrecht-table__row">
      <th class="utrecht-table__header-cell" scope="row">
        {d.area.name} <span class="marke-muted marke-code">{d.area.code}</span>
      </th>
      {d.suppressed ? (
        <td class="utrecht-table__cell marke-muted" colspan={options.length + 1}>
          {d.status}
        </td>
      ) : (
        <>
          <td class="utrecht-table__cell">{d.n}</td>
          {d.counts.map((c) => (
            <td class="utrecht-table__cell">
              {c.percent}% ({c.count})
            </td>
          ))}
        </>
      )}
    </tr>
  );
}

/** One table per period: areas as rows, answers as columns (percentage and count), n beside. */
export function PanelTables({
  question,
  idPrefix,
}: {
  question: PanelQuestionView;
  idPrefix: string;
}) {
  if (question.distributions.length === 0)
    return <p class="utrecht-paragraph marke-muted">Nog geen resultaten voor deze vraag.</p>;
  return (
    <>
      {question.periods.map((period) => {
        const rows = question.distributions.filter((d) => d.period === period);
        const first = rows.find((d) => !d.suppressed);
        const chartId = `${idPrefix}-${period}`;
        return (
          <>
            <h3 class="utrecht-heading-3">Periode {period}</h3>
            {first ? (
              <PanelBarChart id={chartId} distribution={first} source={question.source} />
            ) : null}
            <div class="marke-table-wrap">
              <table class="utrecht-table">
                <caption class="utrecht-table__caption">
                  Antwoorden per gebied, {period}. Bron: {question.source}.
                </caption>
                <thead class="utrecht-table__header">
                  <tr class="utrecht-table__row">
                    <th class="utrecht-table__header-cell" scope="col">
                      Gebied
                    </th>
                    <th class="utrecht-table__header-cell" scope="col">
                      Aantal antwoorden
                    </th>
                    {question.options.map((o) => (
                      <th class="utrecht-table__header-cell" scope="col">
                        {o}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody class="utrecht-table__body">
                  {rows.map((d) => (
                    <Row d={d} options={question.options} />
                  ))}
                </tbody>
              </table>
            </div>
          </>
        );
      })}
    </>
  );
}
