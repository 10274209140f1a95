/**
 * The Hulpwijzer's editors end to end through the routes: a redacteur's new listing waits for a
 * beheerder, an edit of a published listing stays published and is flagged for review, every
 * change leaves an audit row and HSDS metadata rows, and a seeded listing an editor touched is
 * never overwritten by a re-seed.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { testApp } from '../../../test/app.js';
import { describeEachDatabase } from '../../../test/db.js';
import { postForm, signInAs } from '../../../test/session.js';
import { importDirectoryFromDirectory } from './directory.seed.js';
import { GGZ_APP, GGZ_ORGANIZATION, validListing } from './directory-editor.fixtures.js';

const idFrom = (res: Response) =>
  /\/beheer\/hulpwijzer\/([0-9a-f-]{36})/.exec(res.headers.get('location') ?? '')?.[1] ?? '';

describeEachDatabase('Hulpwijzer editors', (get) => {
  const setup = async () => {
    const { db } = get();
    const { app } = testApp(db);
    const editor = await signInAs(app, db, 'redacteur', { organisation: 'ggz-drenthe' });
    const boss = await signInAs(app, db, 'beheerder');
    const page = async (url: string, cookie: string) =>
      (await app.request(url, { headers: { cookie } })).text();
    const search = async (query: string) => (await app.request(`/hulpwijzer?${query}`)).text();
    return { db, app, editor, boss, page, search };
  };
  const service = (id: string) =>
    get().db.selectFrom('hsds_service').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const metadata = (id: string) =>
    get()
      .db.selectFrom('hsds_metadata')
      .select([
        'field_name',
        'last_action_type',
        'previous_value',
        'replacement_value',
        'updated_by',
      ])
      .where('resource_id', '=', id)
      .orderBy('last_action_date')
      .orderBy('field_name')
      .execute();

  it('a redacteur’s new listing waits for a beheerder, who approves it; then residents find it', async () => {
    const { db, app, editor, boss, page, search } = await setup();
    const res = await postForm(
      app,
      '/beheer/hulpwijzer',
      validListing(editor.csrf, { beschrijving: 'Een gesprek zonder afspraak. Kwelderbloem.' }),
      editor.cookie,
    );
    expect(res.status).toBe(303);
    const id = idFrom(res);
    expect(res.headers.get('location')).toBe(`/beheer/hulpwijzer/${id}?melding=ingediend`);
    const row = await service(id);
    expect(row).toMatchObject({
      review_status: 'ingediend',
      status: 'active',
      organization_id: GGZ_ORGANIZATION,
      fees_description: 'Gratis.',
      assured_by: 'GGZ Drenthe',
      seeded_from: null,
      submitted_by: `user:${editor.user.id}`,
    });
    const today = await sql<{ d: string }>`select current_date::text as d`.execute(db);
    expect(row.assured_date).toBe(today.rows[0]?.d);
    const phones = await db
      .selectFrom('hsds_phone')
      .select(['number', 'description'])
      .where('service_id', '=', id)
      .execute();
    expect(phones).toEqual([{ number: '0592 123456', description: 'maandag tot en met vrijdag' }]);
    const address = await db
      .selectFrom('hsds_service_at_location as sal')
      .innerJoin('hsds_address as a', 'a.location_id', 'sal.location_id')
      .select(['a.address_1', 'a.postal_code', 'a.city', 'a.country'])
      .where('sal.service_id', '=', id)
      .execute();
    expect(address).toEqual([
      { address_1: 'Voorbeeldstraat 1', postal_code: '9401 AB', city: 'Assen', country: 'NL' },
    ]);
    const history = await metadata(id);
    expect(history.every((m) => m.last_action_type === 'create' && m.previous_value === '')).toBe(
      true,
    );
    expect(history).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field_name: 'name',
          replacement_value: 'Inloopspreekuur mantelzorg Assen',
          updated_by: 'Test redacteur',
        }),
        expect.objectContaining({
          field_name: 'attributes.hulpladder',
          replacement_value: 'dichtbij',
        }),
        expect.objectContaining({ field_name: 'service_areas', replacement_value: 'GM0106' }),
        expect.objectContaining({
          field_name: 'attributes.regioplan-doel',
          replacement_value: '2.2.2. C',
        }),
      ]),
    );
    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'actor', 'before'])
      .where('entity_key', '=', id)
      .execute();
    expect(audit).toEqual([
      { action: 'hulpwijzer.create', actor: `user:${editor.user.id}`, before: null },
    ]);

    expect(await search('vraag=Kwelderbloem')).not.toContain('Inloopspreekuur mantelzorg Assen');
    expect(await page('/beheer/hulpwijzer/beoordelen', boss.cookie)).toContain(
      'Inloopspreekuur mantelzorg Assen',
    );
    expect(await page('/account', boss.cookie)).toContain('1 vermelding wacht op beoordeling.');
    const approve = await postForm(
      app,
      `/beheer/hulpwijzer/${id}/beoordelen`,
      { _csrf: boss.csrf, besluit: 'goedkeuren' },
      boss.cookie,
    );
    expect(approve.status).toBe(303);
    expect((await service(id)).review_status).toBe('goedgekeurd');
    expect(await search('vraag=Kwelderbloem')).toContain('Inloopspreekuur mantelzorg Assen');
    expect(await page('/beheer/hulpwijzer/beoordelen', boss.cookie)).not.toContain(
      'Inloopspreekuur',
    );
  });

  it('a rejection carries a note the redacteur reads; their edit hands it in again', async () => {
    const { app, editor, boss, page } = await setup();
    const id = idFrom(
      await postForm(
        app,
        '/beheer/hulpwijzer',
        validListing(editor.csrf, { naam: 'Afwijzen test' }),
        editor.cookie,
      ),
    );
    const noNote = await postForm(
      app,
      `/beheer/hulpwijzer/${id}/beoordelen`,
      { _csrf: boss.csrf, besluit: 'afwijzen' },
      boss.cookie,
    );
    expect(noNote.status).toBe(400);
    expect(await noNote.text()).toContain('Schrijf de organisatie waarom u de vermelding afwijst');
    expect((await service(id)).review_status).toBe('ingediend');
    const reject = await postForm(
      app,
      `/beheer/hulpwijzer/${id}/beoordelen`,
      { _csrf: boss.csrf, besluit: 'afwijzen', opmerking: 'Noem ook de tijden van het spreekuur.' },
      boss.cookie,
    );
    expect(reject.status).toBe(303);
    expect(await page('/beheer/hulpwijzer', editor.cookie)).toContain(
      'Reden: Noem ook de tijden van het spreekuur.',
    );
    expect(await page(`/beheer/hulpwijzer/${id}`, editor.cookie)).toContain(
      'Noem ook de tijden van het spreekuur.',
    );
    const edit = await postForm(
      app,
      `/beheer/hulpwijzer/${id}`,
      validListing(editor.csrf, { naam: 'Afwijzen test', wanneer: 'Dinsdag 10-12 uur.' }),
      editor.cookie,
    );
    expect(edit.headers.get('location')).toBe(`/beheer/hulpwijzer/${id}?melding=ingediend`);
    expect((await service(id)).review_status).toBe('ingediend');
    expect(await page('/beheer/hulpwijzer/beoordelen', boss.cookie)).toContain(
      'Eerdere opmerking: Noem ook de tijden',
    );
  });

  it('an edit of a published (seeded) listing stays published, is flagged for review, audited and leaves the seed', async () => {
    const { db, app, editor, boss, page, search } = await setup();
    const before = await service(GGZ_APP);
    expect(before.seeded_from).toBe('hulpwijzer.yaml');
    const form = await page(`/beheer/hulpwijzer/${GGZ_APP}/bewerken`, editor.cookie);
    expect(form).toContain('value="Mantelzorg-app van GGZ Drenthe"');
    expect(form).toContain('name="gebied:online" value="on" checked=""');
    const res = await postForm(
      app,
      `/beheer/hulpwijzer/${GGZ_APP}`,
      validListing(editor.csrf, {
        naam: 'Mantelzorg-app van GGZ Drenthe (vernieuwd)',
        beschrijving: before.description ?? '',
        voor_wie: 'Mantelzorgers.',
        'hulpvraag:mantelzorg': 'on',
        'hulpvraag:digitaal': 'on',
        ladder: 'zelf',
        'gebied:GM0106': '',
        'gebied:online': 'on',
        kosten: 'onbekend',
        email: '',
        website: '',
        telefoon_1: '',
        telefoon_1_label: '',
        wanneer: '',
        adres_straat: '',
        adres_postcode: '',
        adres_plaats: '',
        doelen: '',
        'initiatief:mantelzorg-app-ggz-drenthe': 'on',
      }),
      editor.cookie,
    );
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/beheer/hulpwijzer/${GGZ_APP}?melding=goedgekeurd`);
    const after = await service(GGZ_APP);
    expect(after).toMatchObject({
      review_status: 'goedgekeurd',
      edited_since_review: true,
      seeded_from: null,
      name: 'Mantelzorg-app van GGZ Drenthe (vernieuwd)',
    });
    // Only what changed is recorded (the description, needs and areas did not change).
    const changed = (await metadata(GGZ_APP)).map((m) => m.field_name);
    expect(changed).toEqual(expect.arrayContaining(['name', 'assured_date', 'attributes.bron']));
    expect(changed).not.toContain('description');
    expect(changed).not.toContain('service_areas');
    expect(changed).not.toContain('attributes.hulpvraag');
    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'before', 'after'])
      .where('entity_key', '=', GGZ_APP)
      .executeTakeFirstOrThrow();
    expect(audit.action).toBe('hulpwijzer.update');
    expect(audit.before).toMatchObject({ name: 'Mantelzorg-app van GGZ Drenthe' });
    expect(audit.after).toMatchObject({ name: 'Mantelzorg-app van GGZ Drenthe (vernieuwd)' });
    expect(await search('vraag=vernieuwd')).toContain('Mantelzorg-app van GGZ Drenthe (vernieuwd)');
    const queue = await page('/beheer/hulpwijzer/beoordelen', boss.cookie);
    expect(queue).toContain('Gewijzigd na goedkeuring (1)');
    expect(queue).toContain('Mantelzorg-app van GGZ Drenthe (vernieuwd)');
    await postForm(
      app,
      `/beheer/hulpwijzer/${GGZ_APP}/beoordelen`,
      { _csrf: boss.csrf, besluit: 'goedkeuren' },
      boss.cookie,
    );
    expect((await service(GGZ_APP)).edited_since_review).toBe(false);

    // A re-seed of a changed file leaves the edit alone (and says so in its audit row).
    const original = await readFile('data/regions/drenthe/hulpwijzer.yaml', 'utf8');
    const dir = await mkdtemp(path.join(tmpdir(), 'marke-hulpwijzer-'));
    await writeFile(
      path.join(dir, 'hulpwijzer.yaml'),
      original.replace(
        'naam: Mantelzorg-app van GGZ Drenthe',
        'naam: Mantelzorg-app (uit het bestand)',
      ),
    );
    const region = await db
      .selectFrom('region')
      .select(['id', 'code'])
      .where('code', '=', 'drenthe')
      .executeTakeFirstOrThrow();
    const reseed = await importDirectoryFromDirectory(db, region, dir, 'test');
    expect(reseed.ok).toBe(true);
    const kept = await service(GGZ_APP);
    expect(kept).toMatchObject({
      name: 'Mantelzorg-app van GGZ Drenthe (vernieuwd)',
      review_status: 'goedgekeurd',
      assured_by: 'GGZ Drenthe',
    });
    const links = await db
      .selectFrom('hsds_service_area')
      .select('area_code')
      .where('service_id', '=', GGZ_APP)
      .execute();
    expect(links).toEqual([{ area_code: 'online' }]);
  });

  it('"laatst gecontroleerd": due after 6 months, flagged after 12, hidden after 15; a check makes it current again', async () => {
    const { db, app, editor, page, search } = await setup();
    const ids: Record<string, string> = {};
    for (const [key, months] of [
      ['zes', 7],
      ['twaalf', 13],
      ['vijftien', 16],
      ['vers', 2],
    ] as const) {
      const res = await postForm(
        app,
        '/beheer/hulpwijzer',
        validListing(editor.csrf, {
          naam: `Controle ${key}`,
          beschrijving: `Ouderdomstest ${key}`,
        }),
        editor.cookie,
      );
      ids[key] = idFrom(res);
      await db
        .updateTable('hsds_service')
        .set({
          review_status: 'goedgekeurd',
          assured_date: sql<string>`(current_date - make_interval(months => ${months}))::date`,
        })
        .where('id', '=', ids[key] ?? '')
        .execute();
    }
    const overview = await page('/beheer/hulpwijzer', editor.cookie);
    const row = (name: string) =>
      overview.slice(overview.indexOf(name), overview.indexOf('</tr>', overview.indexOf(name)));
    expect(row('Controle zes')).toContain('Controleer deze vermelding');
    expect(row('Controle twaalf')).toContain('Verouderd — wordt na 15 maanden verborgen');
    expect(row('Controle vijftien')).toContain('Verborgen voor inwoners');
    expect(row('Controle vers')).toContain('Actueel');
    expect(row('Controle vers')).not.toContain('Gecontroleerd, alles klopt nog');
    expect(overview).toContain('3 vermeldingen moeten gecontroleerd worden.');
    expect(await page('/account', editor.cookie)).toContain(
      '3 vermeldingen moeten gecontroleerd worden.',
    );

    expect(await search('vraag=Ouderdomstest+twaalf&plaats=Assen')).toContain('Controle twaalf');
    expect(await search('vraag=Ouderdomstest+vijftien&plaats=Assen')).not.toContain(
      'Controle vijftien',
    );

    const check = await postForm(
      app,
      `/beheer/hulpwijzer/${ids.vijftien}/gecontroleerd`,
      { _csrf: editor.csrf, terug: 'overzicht' },
      editor.cookie,
    );
    expect(check.status).toBe(303);
    expect(check.headers.get('location')).toBe('/beheer/hulpwijzer?melding=gecontroleerd');
    const checked = await service(ids.vijftien ?? '');
    const today = await sql<{ d: string }>`select current_date::text as d`.execute(db);
    expect(checked.assured_date).toBe(today.rows[0]?.d);
    expect(checked.assured_by).toBe('GGZ Drenthe');
    expect((await metadata(ids.vijftien ?? '')).at(-1)).toMatchObject({
      field_name: 'assured_date',
      last_action_type: 'update',
      replacement_value: today.rows[0]?.d,
    });
    const audit = await db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_key', '=', ids.vijftien ?? '')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    expect(audit?.action).toBe('hulpwijzer.verify');
    expect(await search('vraag=Ouderdomstest+vijftien&plaats=Assen')).toContain(
      'Controle vijftien',
    );
    expect(await page('/account', editor.cookie)).toContain(
      '2 vermeldingen moeten gecontroleerd worden.',
    );
  });

  it('ending a listing takes it off the resident pages; offering it again brings it back', async () => {
    const { app, editor, boss, search } = await setup();
    const id = idFrom(
      await postForm(
        app,
        '/beheer/hulpwijzer',
        validListing(editor.csrf, { naam: 'Eindigt binnenkort', beschrijving: 'Sluitpost.' }),
        editor.cookie,
      ),
    );
    await postForm(
      app,
      `/beheer/hulpwijzer/${id}/beoordelen`,
      { _csrf: boss.csrf, besluit: 'goedkeuren' },
      boss.cookie,
    );
    expect(await search('vraag=Sluitpost')).toContain('Eindigt binnenkort');
    const end = await postForm(
      app,
      `/beheer/hulpwijzer/${id}/beeindigen`,
      { _csrf: editor.csrf },
      editor.cookie,
    );
    expect(end.headers.get('location')).toBe(`/beheer/hulpwijzer/${id}?melding=beeindigd`);
    expect((await service(id)).status).toBe('inactive');
    expect(await search('vraag=Sluitpost')).not.toContain('Eindigt binnenkort');
    expect((await metadata(id)).at(-1)).toMatchObject({
      field_name: 'status',
      previous_value: 'active',
      replacement_value: 'inactive',
    });
    await postForm(
      app,
      `/beheer/hulpwijzer/${id}/heropenen`,
      { _csrf: editor.csrf },
      editor.cookie,
    );
    expect((await service(id)).status).toBe('active');
    expect(await search('vraag=Sluitpost')).toContain('Eindigt binnenkort');
  });
});
