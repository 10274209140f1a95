/**
 * Applying an import writes only what changed and decides disclosure while it writes (see
 * `decideWhileWriting`). The decision must be exactly the one a fresh `refreshSuppression` would
 * take afterwards, and the bulk writer must carry any text unchanged.
 */
import { expect, it } from 'vitest';
import { testApp } from '../../../test/app.js';
import { describeEachDatabase } from '../../../test/db.js';
import { importMeasurements } from '../../../test/imports.js';
import { decideWhileWriting, refreshSuppression } from './indicators.disclosure.js';

const HEADER = 'indicator,area_code,period,value,numerator,denominator,sample_size,source,note';
const WIJKEN = ['WK169900', 'WK169901', 'WK169903', 'WK169904', 'WK169906'];
const CODE = 'hybride-zorg-gebruik';

describeEachDatabase('applying a measurement import', (get) => {
  const importFile = (name: string, body: string) =>
    importMeasurements(testApp(get().db).app, get().db, { name, body }, { opnieuw: 'ja' });
  const ids = async () => {
    const row = await get()
      .db.selectFrom('indicator')
      .innerJoin('region', 'region.id', 'indicator.region_id')
      .select(['indicator.id', 'region.id as regionId'])
      .where('indicator.code', '=', CODE)
      .where('region.code', '=', 'drenthe')
      .executeTakeFirstOrThrow();
    return { indicatorId: row.id, regionId: row.regionId };
  };
  const rows = () =>
    get()
      .db.selectFrom('measurement')
      .innerJoin('indicator', 'indicator.id', 'measurement.indicator_id')
      .innerJoin('import_batch', 'import_batch.id', 'measurement.import_batch_id')
      .select([
        'measurement.area_code',
        'measurement.period',
        'measurement.value',
        'measurement.suppressed',
        'measurement.source',
        'measurement.note',
        'import_batch.filename',
      ])
      .where('indicator.code', '=', CODE)
      .orderBy('area_code')
      .orderBy('period')
      .execute();

  it('decides what a fresh decision afterwards would decide, after new and after changed rows', async () => {
    const { indicatorId, regionId } = await ids();
    const first = WIJKEN.flatMap((code, i) =>
      ['2024', '2025'].map((period) =>
        i === 0
          ? `${CODE},${code},${period},40,2,5,5,Eerste bestand,`
          : `${CODE},${code},${period},${(100 * (10 + i)) / 40},${10 + i},40,40,Eerste bestand,`,
      ),
    );
    await importFile('eerste.csv', [HEADER, ...first].join('\n'));
    const hidden = (await rows()).filter((r) => r.suppressed !== null).map((r) => r.area_code);
    // The small wijk and the one that protects it, in both years.
    expect(hidden.sort()).toEqual(['WK169900', 'WK169900', 'WK169901', 'WK169901']);
    expect(await refreshSuppression(get().db, regionId, [indicatorId])).toMatchObject({
      changed: 0,
    });

    // The small wijk grows past the threshold in 2025: nothing needs hiding there any more.
    await importFile(
      'tweede.csv',
      [HEADER, `${CODE},WK169900,2025,25,5,20,20,Tweede bestand,`].join('\n'),
    );
    const after = await rows();
    expect(after.filter((r) => r.period === '2025' && r.suppressed !== null)).toEqual([]);
    expect(await refreshSuppression(get().db, regionId, [indicatorId])).toMatchObject({
      changed: 0,
    });
    // Only the changed row was written again: the others still come from the first file.
    const byFile = after.filter((r) => r.filename === 'tweede.csv').map((r) => r.area_code);
    expect(byFile).toEqual(['WK169900']);
  });

  it('carries quotes, commas, braces, backslashes and accents in text unchanged', async () => {
    const source = `"CBS", {tabel} \\ wijk; één 'citaat'`;
    const note = 'NULL';
    const quoted = (text: string) => `"${text.replaceAll('"', '""')}"`;
    await importFile(
      'tekst.csv',
      [HEADER, `${CODE},WK169903,2025,30,12,40,40,${quoted(source)},${note}`].join('\n'),
    );
    const row = (await rows()).find((r) => r.area_code === 'WK169903' && r.period === '2025');
    expect(row).toMatchObject({ source, note: 'NULL' });
  });

  it('writes nothing when the write fails, and reports the failure', async () => {
    const { indicatorId, regionId } = await ids();
    const before = await rows();
    const failing = get()
      .db.transaction()
      .execute((trx) =>
        decideWhileWriting(
          trx,
          regionId,
          () => new Map([[indicatorId, []]]),
          async () => {
            throw new Error('schijf vol');
          },
        ),
      );
    await expect(failing).rejects.toThrow('schijf vol');
    expect(await rows()).toEqual(before);
  });
});
