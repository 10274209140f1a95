/**
 * Loading the Hulpwijzer's files: the real listings with their plan links, the demo listings per
 * gemeente, re-seeding that leaves people's edits alone, and files with mistakes refused whole.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { v4 as uuid } from 'uuid';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/db.js';
import { setSeedFileChecksum } from '../../db/seed-file.js';
import { importDirectoryFromDirectory } from './directory.seed.js';
import { stableId, taxonomyId, termId } from './directory-ids.js';
import { NEED_TAXONOMY } from './profile.js';

const REAL = 'data/regions/drenthe/hulpwijzer.yaml';

async function dirWith(listings: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'marke-hulpwijzer-'));
  await writeFile(path.join(dir, 'hulpwijzer.yaml'), listings);
  return dir;
}

describeEachDatabase('Hulpwijzer seed', (get) => {
  const region = async () =>
    get()
      .db.selectFrom('region')
      .select(['id', 'code'])
      .where('code', '=', 'drenthe')
      .executeTakeFirstOrThrow();

  it('loads the real listings with plan links and demo listings for every gemeente', async () => {
    const db = get().db;
    const markehuis = stableId('service', 'drenthe', 'markehuis-grolloo');
    const attributes = await db
      .selectFrom('hsds_attribute as a')
      .innerJoin('hsds_taxonomy_term as t', 't.id', 'a.taxonomy_term_id')
      .select(['t.code', 'a.value', 'a.link_type'])
      .where('a.link_id', '=', markehuis)
      .execute();
    expect(attributes).toEqual(
      expect.arrayContaining([
        { code: 'eenzaamheid', value: null, link_type: 'hulpvraag' },
        { code: 'samen', value: null, link_type: 'hulpladder' },
        { code: 'regioplan-doel', value: '2.2.2. C', link_type: 'regioplan-doel' },
      ]),
    );
    const real = await db
      .selectFrom('hsds_service')
      .select(['id', 'is_demo'])
      .where('is_demo', '=', false)
      .execute();
    expect(real.length).toBe(15);
    const lokets = await db
      .selectFrom('hsds_service')
      .select('name')
      .where('name', 'like', 'Mantelzorgloket %')
      .where('is_demo', '=', true)
      .execute();
    expect(lokets.length).toBe(12);
    const phones = await db.selectFrom('hsds_phone').select('id').execute();
    expect(phones).toEqual([]);
  });

  it('refuses a file with mistakes, names each, and changes nothing', async () => {
    const db = get().db;
    const { id, code } = await region();
    const text = (await readFile(REAL, 'utf8'))
      .replace(
        'hulpvragen: [informatie-advies, meedoen]',
        'hulpvragen: [informatie-advies, bestaat-niet]',
      )
      .replace('gebieden: [WK170111]', 'gebieden: [GM0363]')
      .replace("doelen: ['2.2.2. C']", "doelen: ['9.9.9. Z']");
    const before = await db
      .selectFrom('hsds_service')
      .select(({ fn }) => fn.countAll().as('n'))
      .executeTakeFirst();
    const result = await importDirectoryFromDirectory(
      db,
      { id, code },
      await dirWith(text),
      'test',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toEqual(
      expect.arrayContaining([
        'hulpwijzer.yaml: dienst grolloozorgt: hulpvraag bestaat-niet staat niet in het profiel.',
        'hulpwijzer.yaml: dienst de-borgstee-vledder: gebied GM0363 hoort niet bij de regio.',
        'hulpwijzer.yaml: dienst markehuis-grolloo: doel 9.9.9. Z staat niet in het plan.',
      ]),
    );
    const broken = await importDirectoryFromDirectory(
      db,
      { id, code },
      await dirWith('diensten: [unclosed'),
      'test',
    );
    expect(broken.ok).toBe(false);
    const after = await db
      .selectFrom('hsds_service')
      .select(({ fn }) => fn.countAll().as('n'))
      .executeTakeFirst();
    expect(after).toEqual(before);
  });

  it('refuses a value named twice in a listing, and a key used twice, with the place of each', async () => {
    const db = get().db;
    const { id, code } = await region();
    const text = (await readFile(REAL, 'utf8'))
      .replace(
        'hulpvragen: [informatie-advies, meedoen]',
        'hulpvragen: [informatie-advies, meedoen, meedoen]',
      )
      .replace('gebieden: [WK170111]', 'gebieden: [WK170111, WK170111]')
      .replace("doelen: ['2.2.2. C']", "doelen: ['2.2.2. C', '2.2.2. C']")
      .replace(
        '  - sleutel: markehuis-grolloo\n    naam: Markehuis in Grolloo',
        '  - sleutel: grolloozorgt\n    naam: Markehuis in Grolloo',
      );
    const result = await importDirectoryFromDirectory(
      db,
      { id, code },
      await dirWith(text),
      'test',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const said = result.error.join('\n');
    expect(said).toMatch(/dienst [a-z-]+: hulpvraag meedoen staat er twee keer in\./);
    expect(said).toMatch(/dienst [a-z-]+: gebied WK170111 staat er twee keer in\./);
    expect(said).toMatch(/dienst markehuis-grolloo: doel 2\.2\.2\. C staat er twee keer in\./);
    expect(said).toContain('de organisatie grolloozorgt staat er twee keer in.');
  });

  it('removes a need the profile no longer lists, with its links, and audits it', async () => {
    const db = get().db;
    const { id, code } = await region();
    const markehuis = stableId('service', 'drenthe', 'markehuis-grolloo');
    // A need an older profile had: a term, and a listing tagged with it.
    const old = termId(NEED_TAXONOMY, 'oude-hulpvraag');
    await db
      .insertInto('hsds_taxonomy_term')
      .values({
        id: old,
        taxonomy_id: taxonomyId(NEED_TAXONOMY),
        code: 'oude-hulpvraag',
        name: 'Oude hulpvraag',
        description: 'Stond in een vorig profiel.',
        parent_id: null,
        term_uri: null,
        keywords: JSON.stringify(['vroeger']),
        position: 99,
      })
      .execute();
    await db
      .insertInto('hsds_attribute')
      .values({
        id: uuid(),
        link_id: markehuis,
        link_type: 'hulpvraag',
        link_entity: 'service',
        taxonomy_term_id: old,
        value: null,
      })
      .execute();
    const needsOf = async () =>
      (
        await db
          .selectFrom('hsds_search_entry')
          .select('need_codes')
          .where('service_id', '=', markehuis)
          .executeTakeFirstOrThrow()
      ).need_codes;
    expect(await needsOf()).toContain('oude-hulpvraag');
    // The profile file is read again when its checksum differs from the one stored.
    await setSeedFileChecksum(db, id, 'hulpwijzer/profiel.yaml', 'vorige versie');
    const result = await importDirectoryFromDirectory(
      db,
      { id, code },
      await dirWith(await readFile(REAL, 'utf8')),
      'test',
    );
    expect(result.ok).toBe(true);
    expect(
      await db.selectFrom('hsds_taxonomy_term').select('id').where('id', '=', old).execute(),
    ).toEqual([]);
    expect(await needsOf()).not.toContain('oude-hulpvraag');
    expect(await needsOf()).toContain('eenzaamheid');
    const audit = await db
      .selectFrom('audit_log')
      .select(['actor', 'before'])
      .where('action', '=', 'hulpwijzer.profiel')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]?.before)).toContain('oude-hulpvraag');
  });

  it('re-seeds a changed file, removes listings taken out, and leaves edited listings alone', async () => {
    const db = get().db;
    const { id, code } = await region();
    const edited = stableId('service', code, 'markehuis-grolloo');
    await db
      .updateTable('hsds_service')
      .set({ description: 'Door de redacteur aangevuld.', seeded_from: null })
      .where('id', '=', edited)
      .execute();
    const original = await readFile(REAL, 'utf8');
    const changed = original
      .replace(
        'naam: Assen Bloeit\n    beschrijving: Initiatief in Assen-Oost. Hier',
        'naam: Assen Bloeit!\n    beschrijving: Initiatief in Assen-Oost. Hier',
      )
      .replace(
        / {2}- sleutel: de-borgstee-vledder\n {4}organisatie:[\s\S]*?bron: Regioplan Drenthe, hoofdstuk 1\.2\.\n/,
        '',
      )
      .replace(
        'naam: Markehuis in Grolloo\n    beschrijving: Het regioplan',
        'naam: Markehuis (nieuw)\n    beschrijving: Het regioplan',
      );
    const result = await importDirectoryFromDirectory(
      db,
      { id, code },
      await dirWith(changed),
      'test',
    );
    expect(result).toEqual({ ok: true, value: 13 });
    const names = await db
      .selectFrom('hsds_service')
      .select(['id', 'name', 'description'])
      .where('is_demo', '=', false)
      .execute();
    expect(names.map((n) => n.name)).toContain('Assen Bloeit!');
    expect(names.map((n) => n.name)).not.toContain('De Borgstee in Vledder');
    expect(names.find((n) => n.id === edited)?.description).toBe('Door de redacteur aangevuld.');
    const again = await importDirectoryFromDirectory(
      db,
      { id, code },
      await dirWith(changed),
      'test',
    );
    expect(again).toEqual({ ok: true, value: 0 });
    const audit = await db
      .selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'hulpwijzer.seed')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    expect(audit?.after).toEqual({ services: 13, skippedEdited: 1 });
  });
});
