/** The gemeente profile's table of its postcode areas: inwoners, 65+, 75+ and shares. */
import { href, type PageContext } from '../../../web/context.js';
import { formatValue, type Measurement } from '../../indicators/index.js';
import type { PostcodeTable as Table } from '../postcodes.service.js';

function Figure({
  m,
  unit,
}: {
  m: Measurement | undefined;
  unit: { unit: string; decimals: number };
}) {
  if (!m) return <>–</>;
  if (m.value === null) return <span class="marke-muted">{m.missingReason ?? 'geen cijfer'}</span>;
  return <>{formatValue(m.value, unit)}</>;
}

export function PostcodeTable({
  ctx,
  gemeente,
  table,
}: {
  ctx: PageContext;
  gemeente: string;
  table: Table | undefined;
}) {
  if (!table) return null;
  const { indicators, period } = table;
  return (
    <>
      <h2 class="utrecht-heading-2" id="postcodes">
        Inwoners per postcode
      </h2>
      <p class="utrecht-paragraph">
        Hoeveel mensen er wonen in elk postcodegebied van {gemeente} (de vier cijfers van de
        postcode), en hoe oud ze zijn. Een postcodegebied kan over de gemeentegrens lopen: het telt
        mee bij één gemeente. Klik op een kolomnaam voor uitleg over het cijfer.
      </p>
      <div class="marke-table-wrap">
        <table class="utrecht-table">
          <caption class="utrecht-table__caption">
            Inwoners per postcode in {gemeente}, {period}
          </caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">
                Postcode
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                Plaats
              </th>
              {indicators.map((i) => (
                <th class="utrecht-table__header-cell" scope="col">
                  <a class="utrecht-link" href={href(ctx, `/indicatoren/${i.code}`)}>
                    {i.name}
                  </a>
                </th>
              ))}
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {table.rows.map((row) => (
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="row">
                  {row.postcode}
                </th>
                <td class="utrecht-table__cell">{row.plaats}</td>
                {indicators.map((i, n) => (
                  <td class="utrecht-table__cell">
                    <Figure m={row.figures[n]} unit={i} />
                  </td>
                ))}
              </tr>
            ))}
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="row" colspan={2}>
                Hele gemeente (de postcodes samen)
              </th>
              {indicators.map((i, n) => (
                <td class="utrecht-table__cell">
                  <Figure m={table.total[n]} unit={i} />
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      <p class="utrecht-paragraph">
        Periode: {period}. Bron: {table.sources.join('; ')}. Waar “te weinig waarnemingen” staat,
        gaat het cijfer over te weinig mensen, of zou het een verborgen cijfer verraden.
      </p>
    </>
  );
}
