/** HEMA subregions: named from the file, assigned by a beheerder only, audited, shown publicly. */
import { expect, it } from 'vitest';
import { testApp } from '../../../test/app.js';
import { describeEachDatabase } from '../../../test/db.js';
import { postForm, signInAs } from '../../../test/session.js';

describeEachDatabase('HEMA subregions', (get) => {
  it('starts with four named subregions and no gemeenten (the plan does not say which)', async () => {
    const { app } = testApp(get().db);
    const html = await (await app.request('/datawerkplaats/subregios')).text();
    for (const name of ['Hoogeveen', 'Emmen', 'Meppel', 'Assen'])
      expect(html).toContain(`<strong>${name}</strong>: nog geen gemeenten ingedeeld`);
    expect(html).toContain('Nog niet ingedeeld: Aa en Hunze, Assen, Borger-Odoorn');
  });

  it('lets a beheerder assign gemeenten; others may not; bad input saves nothing', async () => {
    const { app } = testApp(get().db);
    const db = get().db;
    const data = await signInAs(app, db, 'data');
    expect(
      (await app.request('/beheer/subregios', { headers: { cookie: data.cookie } })).status,
    ).toBe(403);
    expect(
      (
        await postForm(
          app,
          '/beheer/subregios',
          { _csrf: data.csrf, 'gm-GM0106': 'assen' },
          data.cookie,
        )
      ).status,
    ).toBe(403);
    const admin = await signInAs(app, db, 'beheerder');
    const bad = await postForm(
      app,
      '/beheer/subregios',
      {
        _csrf: admin.csrf,
        'gm-GM0106': 'assen',
        'gm-GM0114': 'groningen',
        'gm-GM9999': 'emmen',
        'gm-constructor': 'emmen',
      },
      admin.cookie,
    );
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain('Kies een subregio uit de lijst.');
    expect(badHtml).toContain('Deze gemeente staat niet in de regio.');
    expect(await db.selectFrom('subregion_member').select('gemeente_code').execute()).toEqual([]);
    const ok = await postForm(
      app,
      '/beheer/subregios',
      {
        _csrf: admin.csrf,
        'gm-GM0106': 'assen',
        'gm-GM0114': 'emmen',
        'gm-GM1681': 'emmen',
        'gm-GM0118': '',
      },
      admin.cookie,
    );
    expect(ok.status).toBe(303);
    const html = await (await app.request('/datawerkplaats/subregios')).text();
    expect(html).toContain('<strong>Emmen</strong>: Borger-Odoorn, Emmen');
    expect(html).toContain('<strong>Assen</strong>: Assen');
    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('entity_type', '=', 'subregion')
      .executeTakeFirstOrThrow();
    expect(audit.action).toBe('subregions.assign');
    expect(JSON.stringify(audit.after)).toContain('"GM0114":"emmen"');
  });
});
