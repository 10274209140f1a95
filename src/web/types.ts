/** Hono environment shared by all routes. */
import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { Database } from '../db/schema.js';
import type { PageContext } from './context.js';

export type AppDeps = { db: Kysely<Database>; config: Config; stylesheetPath: string };

export type AppEnv = {
  /** `sharedPage`: see SHARED_PAGE in page-cache.ts. */
  Variables: { ctx: PageContext; sharedPage?: boolean };
};
