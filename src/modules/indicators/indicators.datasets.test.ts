/** The region's wide data files: a column mapped twice is a problem with its file and column. */
import { expect, it } from 'vitest';
import { datasetRows } from './indicators.datasets.js';
import { DatasetSeed } from './indicators.types.js';

it('reports two columns mapped to one indicator instead of failing in the database', async () => {
  const dataset = DatasetSeed.parse({
    file: 'kern.csv',
    source_code: 'cbs',
    source: 'CBS',
    area_column: 'code',
    period: '2024',
    columns: { AantalInwoners_5: 'inwoners', Mannen_6: 'inwoners' },
  });
  const files = new Map([
    ['kern.csv', new TextEncoder().encode('code,AantalInwoners_5,Mannen_6\nGM0106,69000,34000\n')],
  ]);
  const { rows, problems } = await datasetRows(
    [dataset],
    files,
    new Set(['inwoners']),
    new Set(['GM0106']),
    new Map([['cbs', 1]]),
  );
  expect(problems).toEqual([
    'datasets › kern.csv, rij 2, kolom mannen_6: De kolommen aantalinwoners_5 en mannen_6 zijn aan dezelfde indicator gekoppeld.',
  ]);
  expect(rows.get('inwoners')?.map((r) => r.value)).toEqual([69000]);
});
