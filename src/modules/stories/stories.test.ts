/**
 * Stories end to end through app.request(): the form's unhappy paths (consent, contact details,
 * names, unknown area or goal, organisation, CSRF, anonymous), and the publish flow with audit rows
 * and what the public page and the API show.
 */
import { expect, it } from 'vitest';
import { testApp } from '../../../test/app.js';
import { describeEachDatabase } from '../../../test/db.js';
import { postForm, signInAs, type TestSession } from '../../../test/session.js';
import { getStory, listPublishedStories } from './index.js';
import { validStory } from './stories.fixtures.js';

type App = ReturnType<typeof testApp>['app'];

const idFrom = (res: Response) =>
  Number(/\/beheer\/verhalen\/(\d+)/.exec(res.headers.get('location') ?? '')?.[1]);

describeEachDatabase('stories', (get) => {
  const count = async () =>
    Number(
      (
        await get()
          .db.selectFrom('story')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const post = (app: App, s: TestSession, path: string, form: Record<string, string>) =>
    postForm(app, path, form, s.cookie);

  it('sends anonymous visitors to the login page and refuses a form without the CSRF token', async () => {
    const { app } = testApp(get().db);
    for (const path of ['/beheer/verhalen', '/beheer/verhalen/nieuw', '/beheer/verhalen/1']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(303);
      expect(res.headers.get('location')).toBe('/inloggen');
    }
    const anonymous = await postForm(app, '/beheer/verhalen', validStory('x'), '');
    expect(anonymous.status).toBe(303);
    const writer = await signInAs(app, get().db, 'redacteur', { organisation: 'ggd-drenthe' });
    const before = await count();
    const forged = await post(app, writer, '/beheer/verhalen', validStory('niet-het-token'));
    expect(forged.status).toBe(403);
    expect(await count()).toBe(before);
  });

  it('refuses a story without consent, keeps the input and saves nothing', async () => {
    const { app } = testApp(get().db);
    const writer = await signInAs(app, get().db, 'redacteur', { organisation: 'ggd-drenthe' });
    const before = await count();
    const form = validStory(writer.csrf, { consent_by: '', consent_method: '', consent_on: '' });
    const res = await post(app, writer, '/beheer/verhalen', form);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('Er zijn 3 fouten');
    expect(html).toContain('Leg vast wie toestemming gaf. Zonder toestemming kunt u niet opslaan.');
    expect(html).toContain('href="#consent_by"');
    expect(html).toContain('Sinds de koffieochtend in het dorpshuis');
    expect(html).toContain('Let op: niemand mag te herkennen zijn');
    expect(await count()).toBe(before);
  });

  it('refuses e-mail addresses and phone numbers until they are removed, keeping the input', async () => {
    const { app } = testApp(get().db);
    const writer = await signInAs(app, get().db, 'redacteur', { organisation: 'ggd-drenthe' });
    const before = await count();
    const text = 'Bel me gerust op 06-12345678 of mail naar iemand@example.org, zei ze toen.';
    const res = await post(app, writer, '/beheer/verhalen', validStory(writer.csrf, { text }));
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain(
      'Haal contactgegevens en adressen uit het verhaal: &quot;06-12345678&quot;, &quot;iemand@example.org&quot;.',
    );
    expect(html).toContain('mail naar iemand@example.org, zei ze toen.</textarea>');
    const confirmed = await post(
      app,
      writer,
      '/beheer/verhalen',
      validStory(writer.csrf, { text, privacy_confirmed: 'on' }),
    );
    expect(confirmed.status).toBe(400);
    expect(await count()).toBe(before);
    const cleaned = await post(
      app,
      writer,
      '/beheer/verhalen',
      validStory(writer.csrf, {
        text: 'Bel me gerust, zei ze toen. Dat deed ik ook en het hielp.',
      }),
    );
    expect(cleaned.status).toBe(303);
    expect(await count()).toBe(before + 1);
  });

  it('needs an explicit confirmation for probable names, shown fragment by fragment', async () => {
    const { app } = testApp(get().db);
    const writer = await signInAs(app, get().db, 'redacteur', { organisation: 'ggd-drenthe' });
    const before = await count();
    const text =
      'Toen kwam mevrouw Jansen uit Assen langs en later Gerrit ook. De GGD Drenthe hielp.';
    const first = await post(app, writer, '/beheer/verhalen', validStory(writer.csrf, { text }));
    expect(first.status).toBe(400);
    const html = await first.text();
    expect(html).toContain('<mark>mevrouw Jansen</mark>');
    expect(html).toContain('<mark>Gerrit</mark>');
    expect(html).not.toContain('<mark>Assen</mark>');
    expect(html).not.toContain('<mark>GGD Drenthe</mark>');
    expect(html).toContain('Ik heb gecontroleerd: er staan geen namen in');
    expect(html).toContain('name="checked_names" value="mevrouw Jansen | Gerrit"');
    // Confirming names the form never showed does not count.
    const blind = await post(
      app,
      writer,
      '/beheer/verhalen',
      validStory(writer.csrf, { text, privacy_confirmed: 'on', checked_names: 'iets anders' }),
    );
    expect(blind.status).toBe(400);
    expect(await count()).toBe(before);
    const ok = await post(
      app,
      writer,
      '/beheer/verhalen',
      validStory(writer.csrf, {
        text,
        privacy_confirmed: 'on',
        checked_names: 'mevrouw Jansen | Gerrit',
      }),
    );
    expect(ok.status).toBe(303);
    const saved = await getStory(get().db, idFrom(ok));
    expect(saved.ok && saved.value.privacyConfirmed).toBe(true);
    expect(saved.ok && saved.value.status).toBe('ingediend');
  });

  it('refuses an unknown area, goal or opgave and a date in the future', async () => {
    const { app } = testApp(get().db);
    const writer = await signInAs(app, get().db, 'redacteur', { organisation: 'ggd-drenthe' });
    const before = await count();
    const res = await post(
      app,
      writer,
      '/beheer/verhalen',
      validStory(writer.csrf, {
        area: 'GM9999',
        goals: '2.1.1.a, 9.9.9, onzin',
        'opgave:bestaat-niet': 'on',
        told_on: '2999-01',
      }),
    );
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('Dit gebied kennen we niet. Kies een gemeente of wijk uit de lijst.');
    expect(html).toContain('Deze doelen staan niet in het plan: 9.9.9, onzin.');
    expect(html).toContain('Kies opgaven uit de lijst.');
    expect(html).toContain('Vul een datum in als 2025-03-14 of een maand als 2025-03.');
    expect(html).toContain('value="2.1.1.a, 9.9.9, onzin"');
    const province = await post(
      app,
      writer,
      '/beheer/verhalen',
      validStory(writer.csrf, { area: 'PV22' }),
    );
    expect(province.status).toBe(400);
    expect(await count()).toBe(before);
  });

  it('keeps redacteuren to their own organisation and tells one without organisation why', async () => {
    const { app } = testApp(get().db);
    const { db } = get();
    const ggd = await signInAs(app, db, 'redacteur', { organisation: 'ggd-drenthe' });
    const other = await signInAs(app, db, 'redacteur', { organisation: 'dokter-drenthe' });
    const loose = await signInAs(app, db, 'redacteur');
    const created = await post(
      app,
      ggd,
      '/beheer/verhalen',
      validStory(ggd.csrf, { actie: 'concept' }),
    );
    const id = idFrom(created);
    expect(
      (await app.request(`/beheer/verhalen/${id}`, { headers: { cookie: other.cookie } })).status,
    ).toBe(403);
    expect(
      (await app.request(`/beheer/verhalen/${id}/bewerken`, { headers: { cookie: other.cookie } }))
        .status,
    ).toBe(403);
    const edit = await post(
      app,
      other,
      `/beheer/verhalen/${id}`,
      validStory(other.csrf, { text: 'Overschreven door een ander.' }),
    );
    expect(edit.status).toBe(403);
    const story = await getStory(db, id);
    expect(story.ok && story.value.text).toContain('koffieochtend');
    const list = await (
      await app.request('/beheer/verhalen', { headers: { cookie: other.cookie } })
    ).text();
    expect(list).not.toContain(`/beheer/verhalen/${id}"`);
    const form = await app.request('/beheer/verhalen/nieuw', { headers: { cookie: loose.cookie } });
    expect(form.status).toBe(403);
    expect(await form.text()).toContain('Uw account hoort nog niet bij een organisatie.');
    expect((await post(app, loose, '/beheer/verhalen', validStory(loose.csrf))).status).toBe(403);
    const reader = await signInAs(app, db, 'lezer');
    expect((await post(app, reader, '/beheer/verhalen', validStory(reader.csrf))).status).toBe(403);
    expect(
      (await app.request(`/beheer/verhalen/${id}`, { headers: { cookie: reader.cookie } })).status,
    ).toBe(403);
  });

  it('publishes only through a beheerder, audits each step and shows only published stories', async () => {
    const { app } = testApp(get().db);
    const { db } = get();
    const writer = await signInAs(app, db, 'redacteur', { organisation: 'ggd-drenthe' });
    const boss = await signInAs(app, db, 'beheerder');
    const reader = await signInAs(app, db, 'trekker', { organisation: 'cosis' });
    const text =
      'De buurtsportcoach haalde me over om mee te doen. Nu wandel ik elke week met de groep.';
    const created = await post(
      app,
      writer,
      '/beheer/verhalen',
      validStory(writer.csrf, { text, role: 'mantelzorger' }),
    );
    expect(created.status).toBe(303);
    const id = idFrom(created);
    const publicBefore = await (await app.request('/verhalen')).text();
    expect(publicBefore).not.toContain('buurtsportcoach');
    const readerView = await app.request(`/beheer/verhalen/${id}`, {
      headers: { cookie: reader.cookie },
    });
    expect(readerView.status).toBe(200);
    expect(await readerView.text()).not.toContain('/publiceren');

    expect(
      (await post(app, writer, `/beheer/verhalen/${id}/publiceren`, { _csrf: writer.csrf })).status,
    ).toBe(403);
    expect(
      (await post(app, reader, `/beheer/verhalen/${id}/publiceren`, { _csrf: reader.csrf })).status,
    ).toBe(403);
    expect(
      (await post(app, boss, `/beheer/verhalen/${id}/publiceren`, { _csrf: 'fout' })).status,
    ).toBe(403);
    const published = await post(app, boss, `/beheer/verhalen/${id}/publiceren`, {
      _csrf: boss.csrf,
    });
    expect(published.status).toBe(303);
    expect(published.headers.get('location')).toBe(`/beheer/verhalen/${id}?melding=gepubliceerd`);

    const page = await (await app.request('/verhalen')).text();
    expect(page).toContain('De buurtsportcoach haalde me over');
    expect(page).toContain('Een mantelzorger uit Assen');
    expect(page).toContain('href="/opgaven/sterke-sociale-basis"');
    expect(page).toContain('href="/opgaven/netwerkaanpak"');
    expect(page).toContain('href="/doelen/2.1.1.a"');
    expect(page).toContain('maart 2025');
    expect(page).not.toContain('wijkverpleegkundige, zorgorganisatie');
    const api = (await (await app.request('/api/v1/regions/drenthe/stories')).json()) as Array<
      Record<string, unknown>
    >;
    const mine = api.find((s) => s.id === id);
    expect(mine).toMatchObject({ role: 'mantelzorger', area_code: 'GM0106', goals: ['2.1.1. A'] });
    expect(mine?.opgaven).toEqual(['netwerkaanpak', 'sterke-sociale-basis']);
    expect(Object.keys(mine ?? {})).not.toContain('consent_recorded_by');
    expect((await app.request('/verhalen?rol=professional')).status).toBe(200);
    expect(await (await app.request('/verhalen?rol=professional')).text()).not.toContain(
      'buurtsportcoach',
    );
    expect(
      await (await app.request('/verhalen?opgave=netwerkaanpak&rol=mantelzorger')).text(),
    ).toContain('buurtsportcoach');
    expect(
      (await listPublishedStories(db, boss.user.regionId, { goalCode: '2.1.1' })).map((s) => s.id),
    ).toContain(id);
    expect(
      (await listPublishedStories(db, boss.user.regionId, { goalCode: '2.1.2' })).map((s) => s.id),
    ).not.toContain(id);

    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'actor', 'before', 'after'])
      .where('entity_type', '=', 'story')
      .where('entity_key', '=', String(id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['story.create', 'story.publish']);
    expect(audit[0]?.before).toBeNull();
    expect(audit[1]?.actor).toBe(`user:${boss.user.id}`);
    expect(audit[1]?.before).toMatchObject({ status: 'ingediend' });
    expect(audit[1]?.after).toMatchObject({
      status: 'gepubliceerd',
      published_by: `user:${boss.user.id}`,
    });

    // A redacteur can no longer edit the published story; a beheerder withdraws it with a reason.
    expect(
      (await post(app, writer, `/beheer/verhalen/${id}`, validStory(writer.csrf))).status,
    ).toBe(403);
    const noReason = await post(app, boss, `/beheer/verhalen/${id}/afwijzen`, {
      _csrf: boss.csrf,
      reason: '',
    });
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain('Schrijf waarom u het verhaal afwijst');
    const withdrawn = await post(app, boss, `/beheer/verhalen/${id}/afwijzen`, {
      _csrf: boss.csrf,
      reason: 'Te herkenbaar in een kleine wijk.',
    });
    expect(withdrawn.status).toBe(303);
    expect(await (await app.request('/verhalen')).text()).not.toContain('buurtsportcoach');
    const writerView = await (
      await app.request(`/beheer/verhalen/${id}`, { headers: { cookie: writer.cookie } })
    ).text();
    expect(writerView).toContain('Afgewezen: Te herkenbaar in een kleine wijk.');
    const last = await db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('entity_key', '=', String(id))
      .where('entity_type', '=', 'story')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(last.action).toBe('story.reject');
    expect((last.after as { rejection_reason: string }).rejection_reason).toBe(
      'Te herkenbaar in een kleine wijk.',
    );
  });

  it('lets the writer edit a rejected story and hand it in again, audited with before and after', async () => {
    const { app } = testApp(get().db);
    const { db } = get();
    const writer = await signInAs(app, db, 'redacteur', { organisation: 'ggd-drenthe' });
    const boss = await signInAs(app, db, 'beheerder');
    const id = idFrom(await post(app, writer, '/beheer/verhalen', validStory(writer.csrf)));
    await post(app, boss, `/beheer/verhalen/${id}/afwijzen`, {
      _csrf: boss.csrf,
      reason: 'Noem geen dorpshuis.',
    });
    const form = await app.request(`/beheer/verhalen/${id}/bewerken`, {
      headers: { cookie: writer.cookie },
    });
    expect(form.status).toBe(200);
    const html = await form.text();
    expect(html).toContain('Sinds de koffieochtend in het dorpshuis');
    expect(html).toContain('name="opgave:sterke-sociale-basis" value="on" checked=""');
    expect(html).toContain('value="wijkverpleegkundige, zorgorganisatie"');
    const text = 'Sinds de koffieochtend kom ik weer onder de mensen. Dat had ik niet verwacht.';
    const saved = await post(
      app,
      writer,
      `/beheer/verhalen/${id}`,
      validStory(writer.csrf, { text }),
    );
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`/beheer/verhalen/${id}?melding=ingediend`);
    const story = await getStory(db, id);
    expect(story.ok && [story.value.status, story.value.rejectionReason, story.value.text]).toEqual(
      ['ingediend', null, text],
    );
    const update = await db
      .selectFrom('audit_log')
      .select(['before', 'after'])
      .where('action', '=', 'story.update')
      .where('entity_key', '=', String(id))
      .executeTakeFirstOrThrow();
    expect(update.before).toMatchObject({
      status: 'afgewezen',
      rejection_reason: 'Noem geen dorpshuis.',
    });
    expect(update.after).toMatchObject({ status: 'ingediend', rejection_reason: null, text });
    const invalid = await post(
      app,
      writer,
      `/beheer/verhalen/${id}`,
      validStory(writer.csrf, { text: 'kort' }),
    );
    expect(invalid.status).toBe(400);
    expect(await invalid.text()).toContain(`action="/beheer/verhalen/${id}"`);
    expect(
      (await post(app, writer, '/beheer/verhalen/99999999', validStory(writer.csrf))).status,
    ).toBe(404);
  });

  it('answers unknown public filters with a 400 and shows demo stories as voorbeeld', async () => {
    const { app } = testApp(get().db);
    const { db } = get();
    expect((await app.request('/verhalen?pagina=2&x=1')).status).toBe(400);
    expect((await app.request('/verhalen?rol=burgemeester')).status).toBe(400);
    expect((await app.request('/api/v1/regions/drenthe/stories?role=burgemeester')).status).toBe(
      400,
    );
    expect((await app.request('/api/v1/regions/drenthe/stories?limit=5')).status).toBe(400);
    const boss = await signInAs(app, db, 'beheerder');
    const created = await post(
      app,
      boss,
      '/beheer/verhalen',
      validStory(boss.csrf, {
        is_demo: 'on',
        text: 'Een voorbeeldverhaal voor de training van redacteuren.',
      }),
    );
    const id = idFrom(created);
    await post(app, boss, `/beheer/verhalen/${id}/publiceren`, { _csrf: boss.csrf });
    const page = await (await app.request('/verhalen')).text();
    expect(page).toContain('<span class="marke-tag">Voorbeeld</span>');
    const api = (await (await app.request('/api/v1/regions/drenthe/stories')).json()) as Array<
      Record<string, unknown>
    >;
    expect(api.find((s) => s.id === id)?.is_demo).toBe(true);
  });
});
