/** Test helper: read a long-format measurement file in through the real import (preview, apply). */
import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import type { testApp } from '../../../test/app.js';
import { postForm, postUpload, signInAs } from '../../../test/session.js';
import type { Database } from '../../db/schema.js';

type App = ReturnType<typeof testApp>['app'];

export const IMPORT_HEADER = 'indicator,area_code,period,value,numerator,denominator,source';

/** Imports the rows (without header) as a data steward; fails the test when it is refused. */
export async function importRows(app: App, db: Kysely<Database>, name: string, rows: string[]) {
  const data = await signInAs(app, db, 'data');
  const staged = await postUpload(
    app,
    '/beheer/metingen/import',
    { _csrf: data.csrf },
    { name, bytes: [IMPORT_HEADER, ...rows].join('\n') },
    data.cookie,
  );
  expect(staged.status, await staged.clone().text()).toBe(303);
  const url = staged.headers.get('location') ?? '';
  const applied = await postForm(app, `${url}/toepassen`, { _csrf: data.csrf }, data.cookie);
  expect(applied.status).toBe(303);
}
