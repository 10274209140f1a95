/** SQL writes of the plan import for linked entities: initiatives, initiators, programmes, texts, search. */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { json, setExcluded } from '../../db/upsert.js';
import type { GlossaryData, ProgrammeData, SectionData } from './plan-files.schema.js';

type Trx = Transaction<Database> | Kysely<Database>;

export type InitiativeRow = {
  slug: string;
  name: string;
  aliases: string[];
  description: unknown[];
};
export type PartyLink = {
  name: string;
  note: string | null;
  organisationId: number | null;
  sectorId: number | null;
};
export type SearchRow = {
  entity_type: string;
  entity_key: string;
  title: string;
  summary: string;
  body: string;
  url_path: string;
};

/** Upserts initiatives by slug; returns slug → id. */
export async function writeInitiatives(
  trx: Trx,
  regionId: number,
  rows: InitiativeRow[],
): Promise<Map<string, number>> {
  if (rows.length === 0) {
    await trx.deleteFrom('initiative').where('region_id', '=', regionId).execute();
    return new Map();
  }
  const written = await trx
    .insertInto('initiative')
    .values(
      rows.map((r) => ({
        region_id: regionId,
        slug: r.slug,
        name: r.name,
        aliases: json(r.aliases),
        description: json(r.description),
      })),
    )
    .onConflict((oc) =>
      oc
        .columns(['region_id', 'slug'])
        .doUpdateSet(setExcluded(['name', 'aliases', 'description'])),
    )
    .returning(['id', 'slug'])
    .execute();
  await trx
    .deleteFrom('initiative')
    .where('region_id', '=', regionId)
    .where(
      'slug',
      'not in',
      written.map((r) => r.slug),
    )
    .execute();
  return new Map(written.map((r) => [r.slug, r.id]));
}

/** Replaces the initiative and initiator links of the given operational goals. */
export async function writeGoalLinks(
  trx: Trx,
  goalIds: number[],
  initiatives: Array<{ goalId: number; initiativeId: number; label: string; position: number }>,
  initiators: Array<{ goalId: number; position: number } & PartyLink>,
): Promise<void> {
  if (goalIds.length === 0) return;
  await trx
    .deleteFrom('operational_goal_initiative')
    .where('operational_goal_id', 'in', goalIds)
    .execute();
  await trx
    .deleteFrom('operational_goal_initiator')
    .where('operational_goal_id', 'in', goalIds)
    .execute();
  if (initiatives.length > 0) {
    await trx
      .insertInto('operational_goal_initiative')
      .values(
        initiatives.map((l) => ({
          operational_goal_id: l.goalId,
          initiative_id: l.initiativeId,
          label: l.label,
          position: l.position,
        })),
      )
      .execute();
  }
  if (initiators.length > 0) {
    await trx
      .insertInto('operational_goal_initiator')
      .values(
        initiators.map((l) => ({
          operational_goal_id: l.goalId,
          position: l.position,
          name: l.name,
          note: l.note,
          organisation_id: l.organisationId,
          sector_id: l.sectorId,
        })),
      )
      .execute();
  }
}

/** Upserts programmes with their partners and contributions. */
export async function writeProgrammes(
  trx: Trx,
  regionId: number,
  programmes: ProgrammeData[],
  partners: Map<string, PartyLink[]>,
): Promise<void> {
  if (programmes.length === 0) {
    await trx.deleteFrom('programme').where('region_id', '=', regionId).execute();
    return;
  }
  const rows = await trx
    .insertInto('programme')
    .values(
      programmes.map((p) => ({
        region_id: regionId,
        number: p.number,
        slug: p.slug,
        name: p.name,
        objective: json(p.objective),
        context: json(p.context),
        contribution: json(p.contribution),
        more_info: p.more_info ?? null,
      })),
    )
    .onConflict((oc) =>
      oc
        .columns(['region_id', 'slug'])
        .doUpdateSet(
          setExcluded(['number', 'name', 'objective', 'context', 'contribution', 'more_info']),
        ),
    )
    .returning(['id', 'slug'])
    .execute();
  const ids = new Map(rows.map((r) => [r.slug, r.id]));
  await trx
    .deleteFrom('programme')
    .where('region_id', '=', regionId)
    .where('slug', 'not in', [...ids.keys()])
    .execute();
  await trx
    .deleteFrom('programme_partner')
    .where('programme_id', 'in', [...ids.values()])
    .execute();
  await trx
    .deleteFrom('programme_contribution')
    .where('programme_id', 'in', [...ids.values()])
    .execute();
  const partnerRows = programmes.flatMap((p) =>
    (partners.get(p.slug) ?? []).map((l, position) => ({
      programme_id: ids.get(p.slug) ?? -1,
      position,
      name: l.name,
      note: l.note,
      organisation_id: l.organisationId,
      sector_id: l.sectorId,
    })),
  );
  if (partnerRows.length > 0)
    await trx.insertInto('programme_partner').values(partnerRows).execute();
  const contributions = programmes.flatMap((p) => [
    ...p.contributes_to.goals.map((code) => ({
      programme_id: ids.get(p.slug) ?? -1,
      target_kind: 'goal' as const,
      target_code: code,
    })),
    ...p.contributes_to.opgaven.map((slug) => ({
      programme_id: ids.get(p.slug) ?? -1,
      target_kind: 'opgave' as const,
      target_code: slug,
    })),
  ]);
  if (contributions.length > 0)
    await trx.insertInto('programme_contribution').values(contributions).execute();
}

/** Replaces glossary entries and plan sections (nothing else refers to them by id). */
export async function writeTexts(
  trx: Trx,
  regionId: number,
  glossary: GlossaryData,
  sections: SectionData[],
  slug: (s: string) => string,
): Promise<void> {
  await trx.deleteFrom('glossary_entry').where('region_id', '=', regionId).execute();
  const entries = [
    ...glossary.terms.map((t, position) => ({
      region_id: regionId,
      kind: 'begrip' as const,
      slug: slug(t.term),
      term: t.term,
      definition: json(t.definition),
      position,
    })),
    ...glossary.abbreviations.map((a, position) => ({
      region_id: regionId,
      kind: 'afkorting' as const,
      slug: slug(a.abbreviation),
      term: a.abbreviation,
      definition: json([a.meaning]),
      position,
    })),
  ];
  await trx
    .insertInto('glossary_entry')
    .values(entries)
    .onConflict((oc) => oc.doNothing())
    .execute();
  await trx.deleteFrom('plan_section').where('region_id', '=', regionId).execute();
  if (sections.length > 0) {
    await trx
      .insertInto('plan_section')
      .values(
        sections.map((s, position) => ({
          region_id: regionId,
          slug: s.slug,
          chapter: s.chapter,
          title: s.title,
          blocks: json(s.blocks),
          position,
        })),
      )
      .execute();
  }
}

/** Replaces the search documents of a region. */
export async function writeSearchDocuments(
  trx: Trx,
  regionId: number,
  docs: SearchRow[],
): Promise<void> {
  await trx.deleteFrom('search_document').where('region_id', '=', regionId).execute();
  for (let i = 0; i < docs.length; i += 200) {
    const chunk = docs.slice(i, i + 200).map((d) => ({ region_id: regionId, ...d }));
    await trx
      .insertInto('search_document')
      .values(chunk)
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

/** Records the import and its audit row, and bumps the data version so every cache refreshes. */
export async function recordImport(
  trx: Trx,
  entry: {
    regionId: number;
    checksum: string;
    actor: string;
    counts: Record<string, number>;
    previousChecksum: string | null;
  },
): Promise<void> {
  await trx
    .insertInto('plan_import')
    .values({
      region_id: entry.regionId,
      checksum: entry.checksum,
      actor: entry.actor,
      counts: json(entry.counts),
    })
    .execute();
  await trx
    .insertInto('audit_log')
    .values({
      actor: entry.actor,
      action: 'plan.import',
      entity_type: 'plan',
      entity_key: String(entry.regionId),
      region_id: entry.regionId,
      before: entry.previousChecksum ? json({ checksum: entry.previousChecksum }) : null,
      after: json({ checksum: entry.checksum, counts: entry.counts }),
    })
    .execute();
  await bumpDataVersion(trx);
}

/** Writes per-entity audit rows of a re-import (who, when, before, after). */
export async function writeAuditEntries(
  trx: Trx,
  regionId: number,
  actor: string,
  entries: Array<{
    action: string;
    entityType: string;
    entityKey: string;
    before: unknown;
    after: unknown;
  }>,
): Promise<void> {
  for (let i = 0; i < entries.length; i += 200) {
    const chunk = entries.slice(i, i + 200).map((e) => ({
      actor,
      action: `${e.entityType}.${e.action}`,
      entity_type: e.entityType,
      entity_key: e.entityKey,
      region_id: regionId,
      before: e.before === null ? null : json(e.before),
      after: e.after === null ? null : json(e.after),
    }));
    await trx.insertInto('audit_log').values(chunk).execute();
  }
}

/** Increments the data version that page caches of every app process compare against. */
export async function bumpDataVersion(trx: Trx): Promise<void> {
  await trx
    .updateTable('data_version')
    .set({ version: sql<string>`version + 1`, changed_at: sql<never>`now()` })
    .where('id', '=', 1)
    .execute();
}

/** Serialises plan imports across processes for the rest of the transaction. */
export async function lockPlanImports(trx: Trx): Promise<void> {
  await sql`select pg_advisory_xact_lock(7243001)`.execute(trx);
}

/** Checksum of the last import of a region, or null. */
export async function lastImportChecksum(trx: Trx, regionCode: string): Promise<string | null> {
  const row = await trx
    .selectFrom('plan')
    .innerJoin('region', 'region.id', 'plan.region_id')
    .select('plan.checksum')
    .where('region.code', '=', regionCode)
    .executeTakeFirst();
  return row?.checksum ?? null;
}
