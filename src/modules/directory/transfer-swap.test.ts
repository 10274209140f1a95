/**
 * Swaps in an import (ADR 0020): two areas of one service trading their CBS codes, two places of
 * a service trading their links, two locations trading their addresses. Each passes through a
 * moment where two rows share a unique key (service + area, service + location); the import must
 * apply it, keep what hangs on the rows, and the same file read again must change nothing.
 */
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/db.js';
import { stableId } from './directory-ids.js';
import { importDirectory } from './transfer.service.js';
import {
  addRichListing,
  beheerder,
  csvFiles,
  EMPTY_SCHEDULE,
  exportCsvs,
  header,
  records,
  rowCounts,
  toCsv,
} from './transfer.test-helpers.js';

const MARKEHUIS = stableId('service', 'drenthe', 'markehuis-grolloo');
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describeEachDatabase('Hulpwijzer import: swaps through a unique key', (get) => {
  /** The export with one table's rows changed. */
  const changed = (
    files: Map<string, string>,
    file: string,
    change: (rows: Array<Record<string, string>>) => void,
  ) => {
    const rows = records(files.get(file) ?? '');
    change(rows);
    const out = new Map(files);
    out.set(file, toCsv(header(files.get(file) ?? ''), rows));
    return out;
  };

  async function imported(files: Map<string, string>) {
    const db = get().db;
    const result = await importDirectory(db, await beheerder(db), csvFiles(files));
    if (!result.ok) throw new Error(JSON.stringify(result.error.problems.slice(0, 3)));
    return result.value;
  }

  it('two areas of one service swap their CBS codes', async () => {
    const db = get().db;
    // A second area beside the seed's WK168020 (Grolloo): the whole gemeente Aa en Hunze.
    await db
      .insertInto('hsds_service_area')
      .values({
        id: id(101),
        service_id: MARKEHUIS,
        name: 'Aa en Hunze',
        description: null,
        extent: null,
        extent_type: null,
        uri: null,
        area_code: 'GM1680',
      })
      .execute();
    const before = await exportCsvs(db);
    const areaIds = records(before.get('service_areas.csv') ?? '')
      .filter((a) => a.service_id === MARKEHUIS)
      .map((a) => a.id);
    expect(areaIds).toHaveLength(2);
    const swapped = changed(before, 'attributes.csv', (rows) => {
      for (const row of rows)
        if (row.link_type === 'cbs-gebiedscode' && areaIds.includes(row.link_id ?? ''))
          row.value = row.value === 'WK168020' ? 'GM1680' : 'WK168020';
    });
    const outcome = await imported(swapped);
    expect(outcome.counts.service_area).toMatchObject({ changed: 2, added: 0, removed: 0 });
    const codes = await db
      .selectFrom('hsds_service_area')
      .select(['id', 'area_code', 'name'])
      .where('service_id', '=', MARKEHUIS)
      .orderBy('name')
      .execute();
    // The names stay with their rows; the codes traded places.
    expect(codes).toEqual([
      { id: id(101), area_code: 'WK168020', name: 'Aa en Hunze' },
      expect.objectContaining({ area_code: 'GM1680', name: null }),
    ]);
    const counts = await rowCounts(db);
    const again = await importDirectory(db, await beheerder(db), csvFiles(swapped));
    expect(again.ok && again.value.counts.service_area.changed).toBe(0);
    expect({ ...(await rowCounts(db)), audit: counts.audit }).toEqual(counts);
  });

  it('two places of a service swap their locations, keeping their phones, contacts and hours', async () => {
    const db = get().db;
    await addRichListing(db, MARKEHUIS);
    const service = await db
      .selectFrom('hsds_service')
      .select(['region_id', 'organization_id'])
      .where('id', '=', MARKEHUIS)
      .executeTakeFirstOrThrow();
    await db
      .insertInto('hsds_location')
      .values({
        id: id(201),
        region_id: service.region_id,
        organization_id: service.organization_id,
        location_type: 'physical',
        name: 'Tweede testlocatie',
        area_code: 'GM1680',
        url: null,
        alternate_name: null,
        description: null,
        transportation: null,
        latitude: null,
        longitude: null,
        external_identifier: null,
        external_identifier_type: null,
      })
      .execute();
    await db
      .insertInto('hsds_address')
      .values({
        id: id(202),
        location_id: id(201),
        attention: null,
        address_1: 'Proefweg 2',
        address_2: null,
        city: 'Proefdorp',
        region: 'Drenthe',
        state_province: 'Drenthe',
        postal_code: '9401 BB',
        country: 'NL',
        address_type: 'physical',
      })
      .execute();
    await db
      .insertInto('hsds_service_at_location')
      .values({
        id: id(203),
        service_id: MARKEHUIS,
        location_id: id(201),
        description: 'Op vrijdag',
      })
      .execute();
    // What hangs on the first place (id(4) of addRichListing): a phone, a contact with a phone
    // and a language on that phone, opening hours.
    await db
      .insertInto('hsds_contact')
      .values({
        id: id(204),
        service_at_location_id: id(4),
        name: 'Gastvrouw',
        title: null,
        department: null,
        email: null,
        organization_id: null,
        service_id: null,
        location_id: null,
      })
      .execute();
    await db
      .insertInto('hsds_phone')
      .values([
        {
          id: id(205),
          service_at_location_id: id(4),
          number: '0592 000 002',
          extension: null,
          type: null,
          description: null,
          location_id: null,
          service_id: null,
          organization_id: null,
          contact_id: null,
        },
        {
          id: id(206),
          contact_id: id(204),
          number: '0592 000 003',
          extension: null,
          type: null,
          description: null,
          location_id: null,
          service_id: null,
          organization_id: null,
          service_at_location_id: null,
        },
      ])
      .execute();
    await db
      .insertInto('hsds_language')
      .values({
        id: id(207),
        phone_id: id(206),
        name: 'Nederlands',
        code: 'nl',
        note: null,
        service_id: null,
        location_id: null,
      })
      .execute();
    await db
      .insertInto('hsds_schedule')
      .values({
        ...EMPTY_SCHEDULE,
        id: id(208),
        service_at_location_id: id(4),
        freq: 'WEEKLY',
        byday: 'WE',
        opens_at: '10:00',
        closes_at: '12:00',
        description: 'Woensdag',
      })
      .execute();
    const before = await exportCsvs(db);
    const counts = await rowCounts(db);
    const swapped = changed(before, 'service_at_location.csv', (rows) => {
      for (const row of rows)
        if (row.id === id(4)) row.location_id = id(201);
        else if (row.id === id(203)) row.location_id = id(1);
    });
    const outcome = await imported(swapped);
    expect(outcome.counts.service_at_location).toMatchObject({ changed: 2, removed: 0 });
    expect(outcome.counts.phone).toMatchObject({ changed: 0, removed: 0, added: 0 });
    const links = await db
      .selectFrom('hsds_service_at_location')
      .select(['id', 'location_id'])
      .where('service_id', '=', MARKEHUIS)
      .orderBy('id')
      .execute();
    expect(links).toEqual([
      { id: id(4), location_id: id(201) },
      { id: id(203), location_id: id(1) },
    ]);
    // Nothing that hangs on the swapped places is lost, nothing is added.
    expect({ ...(await rowCounts(db)), audit: 0, metadata: 0, checksum: 0 }).toEqual({
      ...counts,
      audit: 0,
      metadata: 0,
      checksum: 0,
    });
    const language = await db
      .selectFrom('hsds_language')
      .select('phone_id')
      .where('id', '=', id(207))
      .executeTakeFirst();
    expect(language).toEqual({ phone_id: id(206) });
    const again = await exportCsvs(db);
    for (const name of ['phones.csv', 'contacts.csv', 'schedules.csv', 'languages.csv'])
      expect({ name, text: again.get(name) }).toEqual({ name, text: before.get(name) });
  });

  it('two locations swap their addresses', async () => {
    const db = get().db;
    const before = await exportCsvs(db);
    const swapped = changed(before, 'addresses.csv', (rows) => {
      for (const row of rows)
        if (row.id === id(2)) row.location_id = id(201);
        else if (row.id === id(202)) row.location_id = id(1);
    });
    const outcome = await imported(swapped);
    expect(outcome.counts.address).toMatchObject({ changed: 2, removed: 0 });
    const cities = await db
      .selectFrom('hsds_address')
      .select(['location_id', 'city'])
      .where('id', 'in', [id(2), id(202)])
      .orderBy('city')
      .execute();
    expect(cities).toEqual([
      { location_id: id(1), city: 'Proefdorp' },
      { location_id: id(201), city: 'Testdorp' },
    ]);
  });
});
