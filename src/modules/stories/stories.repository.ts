/** SQL of stories: insert, update, status changes and the lists for signed-in and public pages. */
import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { Database, StoryRole, StoryStatus, StoryTable } from '../../db/schema.js';
import { json } from '../../db/upsert.js';

type Db = Kysely<Database> | Transaction<Database>;
export type StoryRow = Selectable<StoryTable> & { organisation_name: string | null };

/** What a form save writes; status and the publish fields change only through setStatus. */
export type StoryValues = {
  text: string;
  role: StoryRole;
  toldOn: string;
  areaCode: string;
  opgaveSlugs: string[];
  goalCodes: string[];
  targetGroups: string[];
  consentBy: 'verteller' | 'vertegenwoordiger';
  consentMethod: 'mondeling' | 'schriftelijk' | 'digitaal';
  consentRecordedBy: string;
  consentOn: string;
  privacyConfirmed: boolean;
  isDemo: boolean;
};

function columns(values: StoryValues) {
  return {
    text: values.text,
    role: values.role,
    told_on: values.toldOn,
    area_code: values.areaCode,
    opgave_slugs: json(values.opgaveSlugs),
    goal_codes: json(values.goalCodes),
    target_groups: json(values.targetGroups),
    consent_by: values.consentBy,
    consent_method: values.consentMethod,
    consent_recorded_by: values.consentRecordedBy,
    consent_on: values.consentOn,
    privacy_confirmed: values.privacyConfirmed,
    is_demo: values.isDemo,
  };
}

function selectStory(db: Db) {
  return db
    .selectFrom('story as s')
    .leftJoin('organisation as org', 'org.id', 's.organisation_id')
    .selectAll('s')
    .select('org.name as organisation_name');
}

export async function findStory(db: Db, id: number): Promise<StoryRow | undefined> {
  return selectStory(db).where('s.id', '=', id).executeTakeFirst();
}

/** Locks the row, so a publish and an edit of the same story cannot interleave. */
export async function lockStory(trx: Transaction<Database>, id: number) {
  return trx.selectFrom('story').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function insertStory(
  db: Db,
  story: {
    regionId: number;
    organisationId: number | null;
    status: StoryStatus;
    actor: string;
    values: StoryValues;
  },
) {
  return db
    .insertInto('story')
    .values({
      region_id: story.regionId,
      organisation_id: story.organisationId,
      status: story.status,
      created_by: story.actor,
      updated_by: story.actor,
      ...columns(story.values),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateStory(
  db: Db,
  id: number,
  change: { status: StoryStatus; actor: string; values: StoryValues },
) {
  return db
    .updateTable('story')
    .set({
      ...columns(change.values),
      status: change.status,
      rejection_reason: null,
      updated_by: change.actor,
      updated_at: sql<string>`now()`,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Publish, reject or return a story; the publish fields follow the status. */
export async function setStatus(
  db: Db,
  id: number,
  change: { status: StoryStatus; actor: string; reason?: string | null },
) {
  const published = change.status === 'gepubliceerd';
  return db
    .updateTable('story')
    .set({
      status: change.status,
      rejection_reason: change.status === 'afgewezen' ? (change.reason ?? null) : null,
      published_by: published ? change.actor : null,
      published_at: published ? sql<string>`now()` : null,
      updated_by: change.actor,
      updated_at: sql<string>`now()`,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Signed-in list: by organisation and/or statuses, newest story date first. */
export async function listStories(
  db: Db,
  regionId: number,
  scope: { organisationId?: number; statuses?: StoryStatus[] },
) {
  let query = selectStory(db).where('s.region_id', '=', regionId);
  if (scope.organisationId !== undefined)
    query = query.where('s.organisation_id', '=', scope.organisationId);
  if (scope.statuses?.length === 0) return [];
  if (scope.statuses) query = query.where('s.status', 'in', scope.statuses);
  return query.orderBy('s.told_on', 'desc').orderBy('s.id', 'desc').limit(500).execute();
}

export type PublishedFilter = {
  opgaveSlug?: string;
  goalCode?: string;
  role?: StoryRole;
  limit?: number;
  offset?: number;
};

/**
 * Published stories. A strategic goal code also finds stories tagged with one of its operational
 * goals ("2.1.1" finds "2.1.1. A"), so an evidence card of a strategic goal shows them all.
 */
function publishedQuery(db: Db, regionId: number, filter: PublishedFilter) {
  let query = selectStory(db)
    .where('s.region_id', '=', regionId)
    .where('s.status', '=', 'gepubliceerd');
  if (filter.opgaveSlug)
    query = query.where(sql<boolean>`s.opgave_slugs @> ${json([filter.opgaveSlug])}::jsonb`);
  if (filter.goalCode) {
    const code = filter.goalCode;
    query = query.where(
      sql<boolean>`exists (select 1 from jsonb_array_elements_text(s.goal_codes) as g(code) where g.code = ${code} or g.code like ${`${code}. %`})`,
    );
  }
  if (filter.role) query = query.where('s.role', '=', filter.role);
  return query;
}

export async function listPublished(db: Db, regionId: number, filter: PublishedFilter) {
  return publishedQuery(db, regionId, filter)
    .orderBy('s.told_on', 'desc')
    .orderBy('s.id', 'desc')
    .limit(filter.limit ?? 50)
    .offset(filter.offset ?? 0)
    .execute();
}

export async function countPublished(db: Db, regionId: number, filter: PublishedFilter) {
  const row = await publishedQuery(db, regionId, filter)
    .clearSelect()
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
