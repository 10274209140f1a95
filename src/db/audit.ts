/** One audit row per change: who, when (the default), what entity, before and after. */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import { json } from './upsert.js';

export type AuditEntry = {
  actor: string;
  action: string;
  entityType: string;
  entityKey: string;
  regionId: number | null;
  before: unknown;
  after: unknown;
};

/** Call inside the transaction that makes the change, so the row and the change land together. */
export async function writeAudit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor: entry.actor,
      action: entry.action,
      entity_type: entry.entityType,
      entity_key: entry.entityKey,
      region_id: entry.regionId,
      before: entry.before === null || entry.before === undefined ? null : json(entry.before),
      after: entry.after === null || entry.after === undefined ? null : json(entry.after),
    })
    .execute();
}
