/** Areas: the Drenthe file loads (province, 12 gemeenten, 189 wijken), idempotently; bad rows refused. */
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/db.js';
import { getRegion } from '../plan/index.js';
import {
  addAreas,
  areaIndex,
  codeRangeOf,
  importAreas,
  importAreasFromDirectory,
  levelOfCode,
} from './index.js';

const csv = (text: string) => new TextEncoder().encode(text);

describeEachDatabase('areas', (get) => {
  it('has Drenthe, its 12 gemeenten and 189 wijken, each wijk under its gemeente', async () => {
    const region = await getRegion(get().db, 'drenthe');
    if (!region.ok) throw new Error('geen regio');
    const again = await importAreasFromDirectory(get().db, region.value.id, 'data/regions/drenthe');
    expect(again).toEqual({ ok: true, value: 0 });
    const areas = [...(await areaIndex(get().db, region.value.id)).values()];
    expect(areas.filter((a) => a.level === 'gemeente')).toHaveLength(12);
    expect(areas.filter((a) => a.level === 'wijk')).toHaveLength(189);
    const assen = areas.find((a) => a.code === 'GM0106');
    expect(assen).toMatchObject({ name: 'Assen', parentCode: 'PV22' });
    expect(areas.find((a) => a.code === 'WK010600')).toMatchObject({ parentCode: 'GM0106' });
  });

  it('refuses a whole file with a bad code or a missing parent, naming the row', async () => {
    const region = await getRegion(get().db, 'drenthe');
    if (!region.ok) throw new Error('geen regio');
    const bad = await importAreas(
      get().db,
      region.value.id,
      'x.csv',
      csv('code,name,level,parent_code\nGM9999,Nergens,gemeente,PV99\nXX12,Fout,wijk,\n'),
    );
    expect(bad.ok ? [] : bad.error).toEqual([
      'x.csv rij 3: Geen CBS-gebiedscode (PV22, GM0106, WK010600 …).',
      'x.csv: GM9999 hoort bij PV99, maar dat gebied ontbreekt.',
    ]);
    expect((await areaIndex(get().db, region.value.id)).has('GM9999')).toBe(false);
  });

  it('gives each level its codes as a range, and the table refuses a code of another level', async () => {
    expect(codeRangeOf('buurt')).toEqual({ from: 'BU', to: 'BV' });
    expect(codeRangeOf('gemeente')).toEqual({ from: 'GM', to: 'GN' });
    const region = await getRegion(get().db, 'drenthe');
    if (!region.ok) throw new Error('geen regio');
    // Every area's code lies in its level's range, and no other level's code does.
    const areas = [...(await areaIndex(get().db, region.value.id)).values()];
    expect(areas.length).toBeGreaterThan(200);
    for (const area of areas) {
      const { from, to } = codeRangeOf(area.level);
      expect(area.code >= from && area.code < to, area.code).toBe(true);
      expect(levelOfCode(area.code)).toBe(area.level);
    }
    // A writer that skips the file checks still cannot store a wijk code as a buurt.
    await expect(
      get()
        .db.insertInto('area')
        .values({
          region_id: region.value.id,
          code: 'WK019999',
          name: 'Verkeerd niveau',
          level: 'buurt',
          parent_code: 'GM0106',
          in_region: true,
        })
        .execute(),
    ).rejects.toThrow(/area_code_fits_level/);
  });

  it('refuses a duplicate code, an unknown level and a code that does not fit its level', async () => {
    const region = await getRegion(get().db, 'drenthe');
    if (!region.ok) throw new Error('geen regio');
    const bad = await importAreas(
      get().db,
      region.value.id,
      'x.csv',
      csv(
        [
          'code,name,level,parent_code',
          'GM0106,Assen,gemeente,',
          'GM0106,Assen (dubbel),gemeente,',
          'ZK07,Flevoland,zorgkantoor,',
          'GG0111,GGD Groningen,gemeente,',
        ].join('\n'),
      ),
    );
    expect(bad.ok ? [] : bad.error).toEqual([
      'x.csv rij 4: Niveau is land, provincie, ggd-regio, zorgkantoorregio, gemeente, wijk, buurt of postcode.',
      'x.csv rij 5: GG0111 is een GGD-regio, geen gemeente.',
      'x.csv: GM0106 staat twee keer in het bestand.',
    ]);
    expect((await areaIndex(get().db, region.value.id)).get('GM0106')?.name).toBe('Assen');
  });

  it('knows postcode areas (PC + four digits) under a gemeente, and refuses a code of another level', async () => {
    const region = await getRegion(get().db, 'drenthe');
    if (!region.ok) throw new Error('geen regio');
    const bad = await importAreas(
      get().db,
      region.value.id,
      'x.csv',
      csv(
        [
          'code,name,level,parent_code',
          'PC7705,7705 Drogteropslagen,gemeente,GM1690',
          'GM1690,De Wolden,postcode,PV22',
          'PC0705,0705 Nergens,postcode,GM1690',
        ].join('\n'),
      ),
    );
    expect(bad.ok ? [] : bad.error).toEqual([
      'x.csv rij 2: PC7705 is een postcodegebied, geen gemeente.',
      'x.csv rij 3: GM1690 is een gemeente, geen postcodegebied.',
      'x.csv rij 4: Geen CBS-gebiedscode (PV22, GM0106, WK010600 …).',
    ]);
    const { db } = get();
    await expect(
      addAreas(db, region.value.id, [
        { code: 'PC9999', name: '9999 Nergens', level: 'postcode', parent_code: 'GM9999' },
      ]),
    ).rejects.toThrow('GM9999 ontbreekt');
    await expect(
      addAreas(db, region.value.id, [
        { code: 'PC9999', name: '9999 Nergens', level: 'wijk', parent_code: 'GM1690' },
      ]),
    ).rejects.toThrow('geen wijk');
    await addAreas(db, region.value.id, [
      { code: 'PC9999', name: '9999 Ergens', level: 'postcode', parent_code: 'GM1690' },
    ]);
    expect((await areaIndex(db, region.value.id)).get('PC9999')).toMatchObject({
      level: 'postcode',
      parentCode: 'GM1690',
      inRegion: true,
    });
  });
});
