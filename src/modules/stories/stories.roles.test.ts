/** Every signed-in route of the stories module × every role, against the policy (`can`). */
import { expect, it } from 'vitest';
import { testApp } from '../../../test/app.js';
import { describeEachDatabase } from '../../../test/db.js';
import { postForm, signInAs } from '../../../test/session.js';
import { type Action, can, ROLE_NAMES } from '../auth/index.js';
import { validStory } from './stories.fixtures.js';

type Route = {
  method: 'GET' | 'POST';
  path: string;
  action: Action;
  form?: (csrf: string) => Record<string, string>;
};

describeEachDatabase('stories routes × roles', (get) => {
  it('answers each route for each role as the policy says, and anonymous visitors go to /inloggen', async () => {
    const { app } = testApp(get().db);
    const { db } = get();
    const boss = await signInAs(app, db, 'beheerder', { organisation: 'ggd-drenthe' });
    const story = async () => {
      const res = await postForm(app, '/beheer/verhalen', validStory(boss.csrf), boss.cookie);
      return Number(/(\d+)/.exec(res.headers.get('location') ?? '')?.[1]);
    };
    const submitted = await story();
    const question = await postForm(
      app,
      '/beheer/panel',
      { _csrf: boss.csrf, question: 'Een vraag voor de test', options: 'Ja\nNee', source: 'Test' },
      boss.cookie,
    );
    const questionId = Number(/(\d+)/.exec(question.headers.get('location') ?? '')?.[1]);
    const note = (csrf: string) => ({
      _csrf: csrf,
      noted_on: '2025-01-15',
      subject: 'samenwerking',
      text: 'Notitie uit de rondgang.',
    });
    const panelQuestion = (csrf: string) => ({
      _csrf: csrf,
      question: 'Nog een vraag voor de test',
      options: 'Ja\nNee',
      source: 'Test',
    });

    const routes: Route[] = [
      { method: 'GET', path: '/beheer/verhalen', action: 'monitoring:read' },
      { method: 'GET', path: `/beheer/verhalen/${submitted}`, action: 'monitoring:read' },
      { method: 'GET', path: '/beheer/verhalen/nieuw', action: 'stories:write' },
      {
        method: 'POST',
        path: '/beheer/verhalen',
        action: 'stories:write',
        form: (c) => validStory(c),
      },
      { method: 'GET', path: '/beheer/procesnotities', action: 'monitoring:read' },
      { method: 'GET', path: '/beheer/procesnotities/nieuw', action: 'rounds:manage' },
      { method: 'POST', path: '/beheer/procesnotities', action: 'rounds:manage', form: note },
      { method: 'GET', path: '/beheer/panel', action: 'monitoring:read' },
      { method: 'GET', path: `/beheer/panel/${questionId}`, action: 'monitoring:read' },
      { method: 'GET', path: '/beheer/panel/nieuw', action: 'measurements:import' },
      { method: 'POST', path: '/beheer/panel', action: 'measurements:import', form: panelQuestion },
      {
        method: 'POST',
        path: `/beheer/panel/${questionId}/publiceren`,
        action: 'measurements:import',
        form: (c) => ({ _csrf: c, publiceren: '1' }),
      },
    ];
    for (const route of [...routes, { method: 'POST', path: '/beheer/verhalen/1/publiceren' }]) {
      const res =
        route.method === 'GET'
          ? await app.request(route.path)
          : await postForm(app, route.path, { _csrf: 'x' }, '');
      expect(res.status, `anoniem ${route.method} ${route.path}`).toBe(303);
      expect(res.headers.get('location')).toBe('/inloggen');
    }
    for (const role of ROLE_NAMES) {
      const session = await signInAs(app, db, role, { organisation: 'ggd-drenthe' });
      for (const route of routes) {
        const res =
          route.method === 'GET'
            ? await app.request(route.path, { headers: { cookie: session.cookie } })
            : await postForm(app, route.path, route.form?.(session.csrf) ?? {}, session.cookie);
        const allowed = can(session.user, route.action);
        const expected = allowed ? (route.method === 'GET' ? 200 : 303) : 403;
        expect(res.status, `${role} ${route.method} ${route.path}`).toBe(expected);
      }
      // Publishing: a fresh handed-in story per role, so an earlier publish does not change the answer.
      const id = await story();
      const publish = await postForm(
        app,
        `/beheer/verhalen/${id}/publiceren`,
        { _csrf: session.csrf },
        session.cookie,
      );
      expect(publish.status, `${role} publiceren`).toBe(
        can(session.user, 'stories:publish') ? 303 : 403,
      );
      const reject = await postForm(
        app,
        `/beheer/verhalen/${id}/afwijzen`,
        { _csrf: session.csrf, reason: 'Niet bij deze opgave.' },
        session.cookie,
      );
      expect(reject.status, `${role} afwijzen`).toBe(
        can(session.user, 'stories:publish') ? 303 : 403,
      );
    }
  }, 180_000);
});
