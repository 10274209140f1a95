/** A whole monitoring round: data → duiden → dialoog → doen, the agenda change and the report. */
import { expect, it } from 'vitest';
import { testApp } from '../../../test/app.js';
import { describeEachDatabase } from '../../../test/db.js';
import { postForm, signInAs } from '../../../test/session.js';
import { pdfAvailable } from '../../web/pdf.js';
import { bumpDataVersion } from '../plan/index.js';

describeEachDatabase('monitoring rounds', (get) => {
  it('runs a round to a decision that changes the agenda, with provenance, and publishes the report', async () => {
    const { app } = testApp(get().db);
    const { db } = get();
    await db
      .updateTable('indicator')
      .set({ is_public: false })
      .where('code', '=', 'roken-zwangeren')
      .execute();
    const admin = await signInAs(app, db, 'beheerder');
    const data = await signInAs(app, db, 'data');
    const trekker = await signInAs(app, db, 'trekker', { organisation: 'ggd-drenthe' });
    const lezer = await signInAs(app, db, 'lezer');

    expect(
      (
        await postForm(
          app,
          '/beheer/rondes',
          { _csrf: trekker.csrf, code: '2026-H1', title: 'Eerste ronde' },
          trekker.cookie,
        )
      ).status,
    ).toBe(403);
    const bad = await postForm(
      app,
      '/beheer/rondes',
      { _csrf: admin.csrf, code: 'voorjaar', title: 'Eerste ronde' },
      admin.cookie,
    );
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Schrijf de ronde als 2025, 2025-H1 of 2025-Q3.');
    const start = await postForm(
      app,
      '/beheer/rondes',
      { _csrf: admin.csrf, code: '2026-H1', title: 'Eerste ronde' },
      admin.cookie,
    );
    expect(start.headers.get('location')).toBe('/beheer/rondes/2026-H1');
    const twice = await postForm(
      app,
      '/beheer/rondes',
      { _csrf: admin.csrf, code: '2026-H1', title: 'Nog eens' },
      admin.cookie,
    );
    expect(await twice.text()).toContain('Deze ronde bestaat al.');

    const page = await (
      await app.request('/beheer/rondes/2026-H1', { headers: { cookie: lezer.cookie } })
    ).text();
    expect(page).toContain('1. Data');
    expect(page).toContain('Ouderen met proactieve zorgplanning (ACP)');
    expect(page).not.toContain('Duiding toevoegen');

    const base = '/beheer/rondes/2026-H1';
    expect(
      (
        await postForm(
          app,
          `${base}/duiding`,
          { _csrf: lezer.csrf, subject: 'doel:2.2.1. B', text: 'Lezers duiden niet.' },
          lezer.cookie,
        )
      ).status,
    ).toBe(403);
    const short = await postForm(
      app,
      `${base}/duiding`,
      { _csrf: data.csrf, subject: 'doel:2.2.1. B', text: 'kort' },
      data.cookie,
    );
    expect(short.status).toBe(400);
    expect(await short.text()).toContain('minstens 10 tekens');
    expect(
      (
        await postForm(
          app,
          `${base}/duiding`,
          { _csrf: data.csrf, subject: 'doel:9.9.9', text: 'Over een doel dat niet bestaat.' },
          data.cookie,
        )
      ).status,
    ).toBe(400);
    expect(
      (
        await postForm(
          app,
          `${base}/duiding`,
          {
            _csrf: data.csrf,
            subject: 'indicator:acp-ouderen',
            text: 'Er is nog geen meting van ACP; zonder registratie weten we niets.',
          },
          data.cookie,
        )
      ).status,
    ).toBe(303);
    const region = await db
      .selectFrom('region')
      .select('id')
      .where('code', '=', 'drenthe')
      .executeTakeFirstOrThrow();
    const story = await db
      .insertInto('story')
      .values({
        region_id: region.id,
        text: 'Mijn vader wil zelf bepalen hoe zijn laatste jaren eruitzien, maar niemand vroeg ernaar.',
        role: 'mantelzorger',
        told_on: '2026-02',
        area_code: 'GM0106',
        opgave_slugs: JSON.stringify(['sterke-sociale-basis']),
        goal_codes: JSON.stringify(['2.2.1. B']),
        target_groups: JSON.stringify(['mantelzorgers']),
        consent_by: 'verteller',
        consent_method: 'mondeling',
        consent_recorded_by: 'ouderenadviseur',
        consent_on: '2026-02-10',
        status: 'gepubliceerd',
        created_by: 'test',
        updated_by: 'test',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const withDraft = await postForm(
      app,
      `${base}/dialoog`,
      {
        _csrf: trekker.csrf,
        held_on: '2026-03-01',
        participants: 'huisarts – Dokter Drenthe',
        notes: 'Een verhaal dat niet gepubliceerd is.',
        story: '999999',
      },
      trekker.cookie,
    );
    expect(withDraft.status).toBe(400);
    expect(await withDraft.text()).toContain('Kies alleen gepubliceerde verhalen uit de lijst.');
    expect(
      (
        await postForm(
          app,
          `${base}/dialoog`,
          {
            _csrf: trekker.csrf,
            held_on: '2026-03-14',
            participants: 'huisarts – Dokter Drenthe\nouderenadviseur, welzijn',
            notes: 'ACP-gesprekken komen traag op gang; huisartsen vragen om één aanpak.',
            story: String(story.id),
          },
          trekker.cookie,
        )
      ).status,
    ).toBe(303);

    const view = await (await app.request(base, { headers: { cookie: admin.cookie } })).text();
    const duiding = /value="(duiding:\d+)"/.exec(view)?.[1] ?? '';
    const dialoog = /value="(dialoog:\d+)"/.exec(view)?.[1] ?? '';
    expect(duiding).not.toBe('');
    const noEvidence = await postForm(
      app,
      `${base}/besluit`,
      {
        _csrf: admin.csrf,
        goal: '2.2.1. B',
        priority: 'must',
        reason: 'ACP is de basis voor passende zorg.',
      },
      admin.cookie,
    );
    expect(noEvidence.status).toBe(400);
    expect(await noEvidence.text()).toContain('Kies minstens één duiding');
    const nothing = await postForm(
      app,
      `${base}/besluit`,
      { _csrf: admin.csrf, goal: '2.2.1. B', reason: 'Geen verandering hier.' },
      admin.cookie,
    );
    expect(await nothing.text()).toContain('Een besluit verandert iets');
    expect(
      (
        await postForm(
          app,
          `${base}/besluit`,
          {
            _csrf: trekker.csrf,
            goal: '2.2.1. B',
            priority: 'must',
            reason: 'Trekkers besluiten niet.',
          },
          trekker.cookie,
        )
      ).status,
    ).toBe(403);
    const body = new URLSearchParams({
      _csrf: admin.csrf,
      goal: '2.2.1. B',
      priority: 'must',
      status: 'loopt',
      planned_end: '2026-Q4',
      reason: 'ACP is de basis voor passende zorg; eerst dit.',
    });
    body.append('evidence', duiding);
    body.append('evidence', dialoog);
    body.append('evidence', `verhaal:${story.id}`);
    const decided = await app.request(`${base}/besluit`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: admin.cookie },
    });
    expect(decided.status).toBe(303);

    const item = await db
      .selectFrom('agenda_item')
      .innerJoin('operational_goal', 'operational_goal.id', 'agenda_item.operational_goal_id')
      .select(['priority', 'status', 'planned_end'])
      .where('operational_goal.code', '=', '2.2.1. B')
      .executeTakeFirstOrThrow();
    expect(item).toEqual({ priority: 'must', status: 'loopt', planned_end: '2026-Q4' });
    const decision = await db
      .selectFrom('round_decision')
      .select(['before', 'evidence'])
      .executeTakeFirstOrThrow();
    expect(decision.before).toMatchObject({ priority: null, status: 'niet_gestart' });
    expect(decision.evidence).toHaveLength(3);
    // While the round is not public, its decision's reason stays off the public pages.
    const hidden = await (await app.request('/voortgang/doelen/2.2.1.b')).text();
    expect(hidden).not.toContain('ACP is de basis voor passende zorg');
    expect(await (await app.request('/doelen/2.2.1.b')).text()).not.toContain(
      'ACP is de basis voor passende zorg',
    );
    const editPage = await app.request('/beheer/werkagenda/2.2.1.b', {
      headers: { cookie: admin.cookie },
    });
    expect(await editPage.text()).toContain('Besluit uit monitoringsronde 2026-H1');
    const audit = await db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_key', 'in', ['2026-H1', '2.2.1. B'])
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual([
      'agenda_item.decision',
      'round.decision',
      'round.dialogue',
      'round.interpretation',
      'round.start',
    ]);

    expect((await app.request('/rapporten/2026-H1')).status).toBe(404);
    expect(
      (
        await postForm(
          app,
          `${base}/afronden`,
          {
            _csrf: admin.csrf,
            summary: 'ACP krijgt voorrang; registratie volgt.',
            is_public: 'ja',
          },
          admin.cookie,
        )
      ).status,
    ).toBe(303);
    const card = await (await app.request('/voortgang/doelen/2.2.1.b')).text();
    expect(card).toContain(
      'Besluit uit monitoringsronde 2026-H1: ACP is de basis voor passende zorg; eerst dit.',
    );
    expect(card).toContain('href="/rapporten/2026-H1"');
    expect(
      (
        await postForm(
          app,
          `${base}/duiding`,
          { _csrf: data.csrf, subject: 'doel:2.2.1. B', text: 'Te laat voor deze ronde.' },
          data.cookie,
        )
      ).status,
    ).toBe(409);

    const report = await (await app.request('/rapporten/2026-H1')).text();
    expect(report).toContain('ACP krijgt voorrang; registratie volgt.');
    expect(report).toContain('Inhoud');
    expect(report).toContain('4. Doen: besluiten');
    expect(report).toContain('huisarts (Dokter Drenthe)');
    expect(report).toContain('Ingebrachte verhalen');
    expect(report).toContain('niemand vroeg ernaar');
    expect(report).toContain(`href="#verhaal-${story.id}"`);
    const opgaveCard = await (await app.request('/voortgang/opgaven/sterke-sociale-basis')).text();
    expect(opgaveCard).toContain('niemand vroeg ernaar');
    // As the reject flow does: the story leaves every public page (data version bumped).
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('story')
        .set({ status: 'afgewezen' })
        .where('id', '=', story.id)
        .execute();
      await bumpDataVersion(trx);
    });
    const withdrawn = await (await app.request('/rapporten/2026-H1')).text();
    expect(withdrawn).not.toContain('niemand vroeg ernaar');
    expect(withdrawn).toContain('niet meer gepubliceerd');
    expect(report).not.toContain('Zwangere vrouwen die roken');
    const internal = await (
      await app.request(`${base}/rapport`, { headers: { cookie: lezer.cookie } })
    ).text();
    expect(internal).toContain('Zwangere vrouwen die roken');
    const csv = await (await app.request('/rapporten/2026-H1/bijlage.csv')).text();
    expect(csv.split('\r\n')[0]).toBe(
      'onderdeel,code,naam,gebied,periode,waarde,eenheid,streefwaarde,status,soort,bron',
    );
    expect(csv).toContain(
      'indicator,ziekteverzuim-zorg,Ziekteverzuim in de Drentse zorg,PV22,2023,9.2,%',
    );
    expect(csv).toContain('werkagenda,2.2.1. B');
    expect(csv).toContain(
      'personeelstekort-zorg,Verwacht tekort aan zorgmedewerkers,PV22,2032,5000,medewerkers,,geen_streefwaarde,prognose',
    );
    expect(report).toContain('prognose');
    expect(csv).not.toContain('roken-zwangeren');
    // Hidden after the round: leaves the public report too.
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('indicator')
        .set({ is_public: false })
        .where('code', '=', 'ziekteverzuim-zorg')
        .execute();
      await bumpDataVersion(trx);
    });
    expect(await (await app.request('/rapporten/2026-H1')).text()).not.toContain(
      'Ziekteverzuim in de Drentse zorg',
    );
    expect((await app.request(`${base}/rapport.csv`)).status).toBe(303);
  }, 60_000);

  it('refuses contact details in round texts, which end up in the report', async () => {
    const { app } = testApp(get().db);
    const admin = await signInAs(app, get().db, 'beheerder');
    await postForm(
      app,
      '/beheer/rondes',
      { _csrf: admin.csrf, code: '2028', title: 'Privacyronde' },
      admin.cookie,
    );
    const mail = await postForm(
      app,
      '/beheer/rondes/2028/duiding',
      {
        _csrf: admin.csrf,
        subject: 'doel:2.1.1',
        text: 'Bel de trekker op 06-12345678 voor meer uitleg.',
      },
      admin.cookie,
    );
    expect(mail.status).toBe(400);
    const html = await mail.text();
    expect(html).toContain('deze tekst komt in het rapport');
    expect(html).toContain('06-12345678');
    const dialogue = await postForm(
      app,
      '/beheer/rondes/2028/dialoog',
      {
        _csrf: admin.csrf,
        held_on: '2026-04-01',
        participants: 'huisarts – j.jansen@example.org',
        notes: 'Een gesprek over de cijfers.',
      },
      admin.cookie,
    );
    expect(dialogue.status).toBe(400);
    const rows = await get()
      .db.selectFrom('round_interpretation')
      .innerJoin('monitoring_round', 'monitoring_round.id', 'round_interpretation.round_id')
      .select('round_interpretation.id')
      .where('monitoring_round.code', '=', '2028')
      .execute();
    expect(rows).toEqual([]);
  });

  it.skipIf(!pdfAvailable())(
    'renders the report as PDF through Chromium',
    async () => {
      const { app } = testApp(get().db);
      const admin = await signInAs(app, get().db, 'beheerder');
      await postForm(
        app,
        '/beheer/rondes',
        { _csrf: admin.csrf, code: '2027', title: 'PDF-ronde' },
        admin.cookie,
      );
      const res = await app.request('/beheer/rondes/2027/rapport.pdf', {
        headers: { cookie: admin.cookie },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
      expect(bytes.byteLength).toBeGreaterThan(5000);
    },
    60_000,
  );
});
