/**
 * Directory organisations: a redacteur adds their own on first use (once, always linked to their
 * plan organisation); an edited seeded organisation leaves the seed and keeps its edit.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { testApp } from '../../../test/app.js';
import { describeEachDatabase } from '../../../test/db.js';
import { postForm, signInAs } from '../../../test/session.js';
import { importDirectoryFromDirectory } from './directory.seed.js';
import { GGZ_ORGANIZATION } from './directory-editor.fixtures.js';

describeEachDatabase('Hulpwijzer organisations', (get) => {
  const setup = async () => {
    const { db } = get();
    const { app } = testApp(db);
    const page = async (url: string, cookie: string) =>
      (await app.request(url, { headers: { cookie } })).text();
    return { db, app, page };
  };

  it('a redacteur adds their organisation on first use, once; editing a seeded organisation keeps it from the seed', async () => {
    const { db, app, page } = await setup();
    const newcomer = await signInAs(app, db, 'redacteur', { organisation: 'ggd-drenthe' });
    expect(await page('/beheer/hulpwijzer', newcomer.cookie)).toContain(
      'Uw organisatie staat nog niet in de Hulpwijzer',
    );
    const form = await app.request('/beheer/hulpwijzer/nieuw', {
      headers: { cookie: newcomer.cookie },
    });
    expect(form.status).toBe(303);
    expect(form.headers.get('location')).toBe('/beheer/hulpwijzer/organisaties/nieuw');
    expect(await page('/beheer/hulpwijzer/organisaties/nieuw', newcomer.cookie)).toContain(
      'value="GGD Drenthe"',
    );
    const empty = await postForm(
      app,
      '/beheer/hulpwijzer/organisaties',
      { _csrf: newcomer.csrf, naam: '', beschrijving: '' },
      newcomer.cookie,
    );
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('Vul de naam van de organisatie in.');
    const created = await postForm(
      app,
      '/beheer/hulpwijzer/organisaties',
      {
        _csrf: newcomer.csrf,
        naam: 'GGD Drenthe',
        beschrijving: 'De GGD van Drenthe.',
        plan_organisatie: '1',
      },
      newcomer.cookie,
    );
    expect(created.status).toBe(303);
    const org = await db
      .selectFrom('hsds_organization')
      .select(['id', 'plan_organisation_id', 'seeded_from'])
      .where('name', '=', 'GGD Drenthe')
      .executeTakeFirstOrThrow();
    // A redacteur's organisation is always linked to their own plan organisation, whatever is posted.
    expect(org.plan_organisation_id).toBe(newcomer.user.organisationId);
    const again = await postForm(
      app,
      '/beheer/hulpwijzer/organisaties',
      { _csrf: newcomer.csrf, naam: 'Nog een', beschrijving: 'Tweede.' },
      newcomer.cookie,
    );
    expect(again.status).toBe(403);
    expect(await page('/beheer/hulpwijzer/nieuw', newcomer.cookie)).toContain(
      `<option value="${org.id}" selected="">GGD Drenthe</option>`,
    );
    const meta = await db
      .selectFrom('hsds_metadata')
      .select(['field_name', 'resource_type'])
      .where('resource_id', '=', org.id)
      .execute();
    expect(meta).toEqual(
      expect.arrayContaining([{ field_name: 'name', resource_type: 'organization' }]),
    );

    const editor = await signInAs(app, db, 'redacteur', { organisation: 'ggz-drenthe' });
    const renamed = await postForm(
      app,
      `/beheer/hulpwijzer/organisaties/${GGZ_ORGANIZATION}`,
      {
        _csrf: editor.csrf,
        naam: 'GGZ Drenthe (ggz)',
        beschrijving: 'Geestelijke gezondheidszorg in Drenthe.',
        email: 'info@example.org',
      },
      editor.cookie,
    );
    expect(renamed.status).toBe(303);
    const seeded = await db
      .selectFrom('hsds_organization')
      .select(['name', 'seeded_from', 'plan_organisation_id'])
      .where('id', '=', GGZ_ORGANIZATION)
      .executeTakeFirstOrThrow();
    expect(seeded).toMatchObject({
      name: 'GGZ Drenthe (ggz)',
      seeded_from: null,
      plan_organisation_id: editor.user.organisationId,
    });
    const original = await readFile('data/regions/drenthe/hulpwijzer.yaml', 'utf8');
    const dir = await mkdtemp(path.join(tmpdir(), 'marke-hulpwijzer-'));
    await writeFile(path.join(dir, 'hulpwijzer.yaml'), `${original}\n# gewijzigd\n`);
    const region = await db
      .selectFrom('region')
      .select(['id', 'code'])
      .where('code', '=', 'drenthe')
      .executeTakeFirstOrThrow();
    expect((await importDirectoryFromDirectory(db, region, dir, 'test')).ok).toBe(true);
    const kept = await db
      .selectFrom('hsds_organization')
      .select('name')
      .where('id', '=', GGZ_ORGANIZATION)
      .executeTakeFirstOrThrow();
    expect(kept.name).toBe('GGZ Drenthe (ggz)');
  });
});
