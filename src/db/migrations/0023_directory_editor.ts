/**
 * The Hulpwijzer's editors (issue 5 §3, ADR 0018): who last checked a listing (`assured_by`, the
 * checking organisation's name; HSDS only has `assurer_email`, and a person's address is not for
 * publishing), and whether an approved listing was changed by its organisation since a beheerder
 * last looked (`edited_since_review`: it stays published, the beheerder sees it in the queue).
 * Redacteuren find their directory organisations through `plan_organisation_id`, hence its index.
 */
import type { Kysely } from 'kysely';
import { runStatements } from '../statements.js';

/** Kysely's Migrator runs this on `migrate` and on every start. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    alter table hsds_service add column assured_by text;
    alter table hsds_service add column edited_since_review boolean not null default false;
    create index hsds_organization_plan_organisation
      on hsds_organization (plan_organisation_id) where plan_organisation_id is not null;
    create index hsds_service_review_queue on hsds_service (region_id)
      where review_status = 'ingediend' or edited_since_review
  `,
  );
}

/** Kysely's Migrator would call this on migrateDown; nothing in Marke does yet. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    drop index if exists hsds_service_review_queue;
    drop index if exists hsds_organization_plan_organisation;
    alter table hsds_service drop column if exists edited_since_review;
    alter table hsds_service drop column if exists assured_by
  `,
  );
}
