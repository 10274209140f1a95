/** Helpers for idempotent imports: upsert by natural key, then delete what the new data no longer has. */
import { type RawBuilder, sql } from 'kysely';

/** `SET col = excluded.col` for each column, for `ON CONFLICT ... DO UPDATE`. */
export function setExcluded<C extends string>(columns: readonly C[]): Record<C, RawBuilder<never>> {
  const entries = columns.map((column) => [column, sql.ref<never>(`excluded.${column}`)] as const);
  return Object.fromEntries(entries) as Record<C, RawBuilder<never>>;
}

/** JSON for a jsonb parameter (the pg driver would send JS arrays as PostgreSQL arrays). */
export function json(value: unknown): string {
  return JSON.stringify(value ?? null);
}
