/** The table of problems in an uploaded file, the same for every import. */
import type { CellProblem } from '../imports.types.js';

/** More than this many problems are counted, not listed: the first ones show what to fix. */
const MAX_PROBLEMS_SHOWN = 500;

export function ProblemTable({ problems }: { problems: CellProblem[] }) {
  if (problems.length === 0) return null;
  const shown = problems.slice(0, MAX_PROBLEMS_SHOWN);
  return (
    <>
      <div class="marke-table-wrap">
        <table class="utrecht-table" id="fouten">
          <caption class="utrecht-table__caption">
            {problems.length} {problems.length === 1 ? 'probleem' : 'problemen'} in het bestand (rij
            1 is de kopregel); er is niets opgeslagen
          </caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">
                Rij
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                Kolom
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                Waarde
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                Wat is er mis
              </th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {shown.map((p) => (
              <tr class="utrecht-table__row">
                <td class="utrecht-table__cell">{p.row === 0 ? 'bestand' : p.row}</td>
                <td class="utrecht-table__cell">
                  <code>{p.column}</code>
                </td>
                <td class="utrecht-table__cell">{p.value === '' ? '(leeg)' : p.value}</td>
                <td class="utrecht-table__cell">{p.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {problems.length > shown.length ? (
        <p class="utrecht-paragraph">
          En nog {problems.length - shown.length} problemen. Verbeter eerst de problemen hierboven.
        </p>
      ) : null}
    </>
  );
}
