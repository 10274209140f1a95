/**
 * The order of a ladder step (issue 5 §2: "ordered by the ladder first, then by nearness"): the
 * place's own area first, then the gemeente, then the region and online; kilometres order only
 * within one of those, so an address far from the centre never moves a village's own help
 * behind the gemeente's, nor an address close by lifts region-wide help above local help.
 */
import type { Kysely } from 'kysely';
import { v4 as uuid } from 'uuid';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/db.js';
import type { Database } from '../../db/schema.js';
import { stableId } from './directory-ids.js';
import { resolvePlace } from './places.js';
import { searchDirectory } from './search.service.js';

const id = (key: string) => stableId('service', 'drenthe', key);
const MARKEHUIS = id('markehuis-grolloo');
const GROLLOOZORGT = id('grolloozorgt');
const ONTMOETING = id('voorbeeld/ontmoeting-dementie-GM1680');

/** Puts the service at a located place `km` north of the point. */
async function locate(db: Kysely<Database>, serviceId: string, from: [number, number], km: number) {
  const { region_id } = await db
    .selectFrom('hsds_service')
    .select('region_id')
    .where('id', '=', serviceId)
    .executeTakeFirstOrThrow();
  const location = uuid();
  await db
    .insertInto('hsds_location')
    .values({
      id: location,
      region_id,
      location_type: 'physical',
      longitude: from[0],
      latitude: from[1] + km / 111.2,
    })
    .execute();
  await db
    .insertInto('hsds_service_at_location')
    .values({ id: uuid(), service_id: serviceId, location_id: location })
    .execute();
}

describeEachDatabase('Hulpwijzer order within a ladder step', (get) => {
  const names = async (question: string, place: string) => {
    const db = get().db;
    const regionId = (await db.selectFrom('region').select('id').executeTakeFirstOrThrow()).id;
    const outcome = await searchDirectory(db, regionId, { question, place });
    expect(outcome.errors).toEqual([]);
    return outcome.sections[0]?.services.map((s) => `${s.ladder}: ${s.name}`) ?? [];
  };

  it('keeps local help first however far its address, and region-wide help after the gemeente', async () => {
    const db = get().db;
    const regionId = (await db.selectFrom('region').select('id').executeTakeFirstOrThrow()).id;
    const grolloo = (await resolvePlace(db, regionId, 'Grolloo')).place;
    const from = grolloo?.point;
    if (!from) throw new Error('Grolloo has no centre');
    expect(
      await db.selectFrom('hsds_service').select('id').where('id', '=', ONTMOETING).execute(),
    ).toHaveLength(1);
    // The village's own Markehuis 9 km away; a group for the whole region 1 km away.
    await locate(db, MARKEHUIS, from, 9);
    await db
      .updateTable('hsds_service_area')
      .set({ area_code: 'regio' })
      .where('service_id', '=', ONTMOETING)
      .execute();
    await locate(db, ONTMOETING, from, 1);
    const samen = (await names('eenzaamheid', 'Grolloo')).filter((n) => n.startsWith('samen'));
    expect(samen).toEqual([
      'samen: Markehuis in Grolloo',
      'samen: Maatjes Aa en Hunze',
      'samen: Ontmoetingsgroep dementie Aa en Hunze',
    ]);
  });

  it('orders by kilometres within the place’s own area', async () => {
    const db = get().db;
    const regionId = (await db.selectFrom('region').select('id').executeTakeFirstOrThrow()).id;
    const from = (await resolvePlace(db, regionId, 'Grolloo')).place?.point;
    if (!from) throw new Error('Grolloo has no centre');
    // Markehuis is 9 km away (above); GrollooZorgt now 12 km: Markehuis first, against the name.
    await locate(db, GROLLOOZORGT, from, 12);
    const samen = (await names('meedoen', 'Grolloo')).filter((n) => n.startsWith('samen'));
    expect(samen.slice(0, 2)).toEqual(['samen: Markehuis in Grolloo', 'samen: GrollooZorgt']);
  });
});
