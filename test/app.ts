/** Builds an app on a test database, with a config that checks the data version on every request. */
import type { Kysely } from 'kysely';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import type { Database } from '../src/db/schema.js';

export function testApp(db: Kysely<Database>, env: Record<string, string> = {}) {
  const config = loadConfig({ MARKE_CACHE_CHECK_MS: '0', NODE_ENV: 'test', ...env });
  return createApp({ db, config });
}
