/** Importing a measurement file in route tests, through the real upload and apply forms. */
import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import type { Database } from '../src/db/schema.js';
import type { testApp } from './app.js';
import { postForm, postUpload, signInAs } from './session.js';

type App = ReturnType<typeof testApp>['app'];

/**
 * Signs in as a data steward, uploads `body` as `name` and applies the preview; both steps must
 * redirect. `form` adds fields to the apply form (`opnieuw: 'ja'` for a file read before).
 */
export async function importMeasurements(
  app: App,
  db: Kysely<Database>,
  file: { name: string; body: string },
  form: Record<string, string> = {},
): Promise<void> {
  const data = await signInAs(app, db, 'data');
  const staged = await postUpload(
    app,
    '/beheer/metingen/import',
    { _csrf: data.csrf },
    { name: file.name, bytes: file.body },
    data.cookie,
  );
  expect(staged.status).toBe(303);
  const applied = await postForm(
    app,
    `${staged.headers.get('location') ?? ''}/toepassen`,
    { _csrf: data.csrf, ...form },
    data.cookie,
  );
  expect(applied.status).toBe(303);
}
