/** Process notes: beheerders write (audited), every signed-in role reads, public-only for reports. */
import { expect, it } from 'vitest';
import { testApp } from '../../../test/app.js';
import { describeEachDatabase } from '../../../test/db.js';
import { postForm, signInAs } from '../../../test/session.js';
import { listProcessNotes } from './index.js';

describeEachDatabase('process notes', (get) => {
  it('lets a beheerder write and edit notes, refuses bad input, and audits each change', async () => {
    const { app } = testApp(get().db);
    const { db } = get();
    const boss = await signInAs(app, db, 'beheerder');
    const bad = await postForm(
      app,
      '/beheer/procesnotities',
      {
        _csrf: boss.csrf,
        noted_on: '14-03-2025',
        subject: 'opgave:bestaat-niet',
        text: 'Kort verslag van het overleg.',
      },
      boss.cookie,
    );
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('Vul de datum in als 2025-03-14.');
    expect(html).toContain('Dit onderwerp kennen we niet.');
    expect(html).toContain('Kort verslag van het overleg.</textarea>');
    expect(await db.selectFrom('process_note').select('id').execute()).toHaveLength(0);

    const made = await postForm(
      app,
      '/beheer/procesnotities',
      {
        _csrf: boss.csrf,
        noted_on: '2025-03-14',
        subject: 'opgave:netwerkaanpak',
        text: 'De partners vonden elkaar sneller dan vorig jaar.',
        is_public: 'on',
      },
      boss.cookie,
    );
    expect(made.status).toBe(303);
    await postForm(
      app,
      '/beheer/procesnotities',
      {
        _csrf: boss.csrf,
        noted_on: '2025-04-01',
        subject: 'samenwerking',
        text: 'Intern: de agenda was te vol.',
      },
      boss.cookie,
    );
    const notes = await listProcessNotes(db, boss.user.regionId);
    expect(notes.map((n) => [n.notedOn, n.subjectLabel, n.isPublic])).toEqual([
      ['2025-04-01', 'De samenwerking in het algemeen', false],
      ['2025-03-14', '1. Netwerkaanpak', true],
    ]);
    const publicOnly = await listProcessNotes(db, boss.user.regionId, { publicOnly: true });
    expect(publicOnly.map((n) => n.text)).toEqual([
      'De partners vonden elkaar sneller dan vorig jaar.',
    ]);
    expect(
      (await listProcessNotes(db, boss.user.regionId, { opgaveSlug: 'netwerkaanpak' })).length,
    ).toBe(1);

    const id = notes[1]?.id ?? 0;
    const edited = await postForm(
      app,
      `/beheer/procesnotities/${id}`,
      {
        _csrf: boss.csrf,
        noted_on: '2025-03-14',
        subject: 'opgave:netwerkaanpak',
        text: 'Aangepast verslag.',
      },
      boss.cookie,
    );
    expect(edited.status).toBe(303);
    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'before', 'after'])
      .where('entity_type', '=', 'process_note')
      .where('entity_key', '=', String(id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['process_note.create', 'process_note.update']);
    expect(audit[1]?.before).toMatchObject({
      is_public: true,
      text: 'De partners vonden elkaar sneller dan vorig jaar.',
    });
    expect(audit[1]?.after).toMatchObject({ is_public: false, text: 'Aangepast verslag.' });
    expect(
      (
        await postForm(
          app,
          '/beheer/procesnotities/999999',
          {
            _csrf: boss.csrf,
            noted_on: '2025-03-14',
            subject: 'samenwerking',
            text: 'Bestaat niet.',
          },
          boss.cookie,
        )
      ).status,
    ).toBe(404);
  });

  it('lets every role read the notes but only beheerders write them', async () => {
    const { app } = testApp(get().db);
    const reader = await signInAs(app, get().db, 'lezer');
    const list = await app.request('/beheer/procesnotities', {
      headers: { cookie: reader.cookie },
    });
    expect(list.status).toBe(200);
    expect(await list.text()).not.toContain('Nieuwe procesnotitie');
    expect(
      (await app.request('/beheer/procesnotities/nieuw', { headers: { cookie: reader.cookie } }))
        .status,
    ).toBe(403);
    const post = await postForm(
      app,
      '/beheer/procesnotities',
      { _csrf: reader.csrf, noted_on: '2025-03-14', subject: 'samenwerking', text: 'Mag niet.' },
      reader.cookie,
    );
    expect(post.status).toBe(403);
    const writer = await signInAs(app, get().db, 'redacteur', { organisation: 'ggd-drenthe' });
    expect(
      (await app.request('/beheer/procesnotities/nieuw', { headers: { cookie: writer.cookie } }))
        .status,
    ).toBe(403);
    expect((await app.request('/beheer/procesnotities')).status).toBe(303);
  });
});
