/** Environment parsed once with zod; everything else receives a typed Config. */
import { z } from 'zod';

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  MARKE_DATA_DIR: z.string().default('./var'),
  MARKE_PLAN_DIR: z.string().default('data/regions'),
  MARKE_DEFAULT_REGION: z.string().default('drenthe'),
  /** How long (ms) a process trusts its last data-version check before asking the database again. */
  MARKE_CACHE_CHECK_MS: z.coerce.number().int().min(0).default(250),
  /** Behind a reverse proxy: take the client address from X-Forwarded-For (login throttling per IP). */
  MARKE_TRUST_PROXY: z.enum(['0', '1']).default('0'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
});

export type Config = {
  port: number;
  host: string;
  database: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };
  planDir: string;
  defaultRegion: string;
  cacheCheckMs: number;
  trustProxy: boolean;
  production: boolean;
};

/** Parses the environment; throws with a readable message when a variable is malformed. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Ongeldige configuratie:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'pglite', dataDir: e.MARKE_DATA_DIR },
    planDir: e.MARKE_PLAN_DIR,
    defaultRegion: e.MARKE_DEFAULT_REGION,
    cacheCheckMs: e.MARKE_CACHE_CHECK_MS,
    trustProxy: e.MARKE_TRUST_PROXY === '1',
    production: e.NODE_ENV === 'production',
  };
}
