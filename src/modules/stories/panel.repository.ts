/** SQL of citizens' panel questions and their results (aggregates per period, area and option). */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { json } from '../../db/upsert.js';

type Db = Kysely<Database> | Transaction<Database>;

export type ResultRow = { period: string; area_code: string; option: string; count: number };

export async function insertQuestion(
  db: Db,
  question: {
    regionId: number;
    question: string;
    options: string[];
    source: string;
    isDemo: boolean;
    actor: string;
  },
) {
  return db
    .insertInto('panel_question')
    .values({
      region_id: question.regionId,
      question: question.question,
      options: json(question.options),
      source: question.source,
      is_demo: question.isDemo,
      created_by: question.actor,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findQuestion(db: Db, id: number) {
  return db.selectFrom('panel_question').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function lockQuestion(trx: Transaction<Database>, id: number) {
  return trx
    .selectFrom('panel_question')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function listQuestions(db: Db, regionId: number, publishedOnly: boolean) {
  let query = db.selectFrom('panel_question').selectAll().where('region_id', '=', regionId);
  if (publishedOnly) query = query.where('published', '=', true);
  return query.orderBy('id', 'desc').execute();
}

export async function setPublished(db: Db, id: number, published: boolean) {
  return db
    .updateTable('panel_question')
    .set({ published, updated_at: sql<string>`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listResults(db: Db, questionIds: number[]) {
  if (questionIds.length === 0) return [];
  return db
    .selectFrom('panel_result')
    .select(['question_id', 'period', 'area_code', 'option', 'count'])
    .where('question_id', 'in', questionIds)
    .execute();
}

/**
 * Replaces the distributions (period + area) the upload contains; other periods and areas stay.
 * Returns the rows that were replaced, for the audit row's "before".
 */
export async function replaceResults(
  trx: Transaction<Database>,
  questionId: number,
  rows: ResultRow[],
): Promise<ResultRow[]> {
  const keys = [...new Set(rows.map((r) => `${r.period}|${r.area_code}`))];
  const before: ResultRow[] = [];
  for (const key of keys) {
    const [period = '', areaCode = ''] = key.split('|');
    const removed = await trx
      .deleteFrom('panel_result')
      .where('question_id', '=', questionId)
      .where('period', '=', period)
      .where('area_code', '=', areaCode)
      .returning(['period', 'area_code', 'option', 'count'])
      .execute();
    before.push(...removed);
  }
  for (let i = 0; i < rows.length; i += 1000) {
    await trx
      .insertInto('panel_result')
      .values(rows.slice(i, i + 1000).map((r) => ({ question_id: questionId, ...r })))
      .execute();
  }
  await trx
    .updateTable('panel_question')
    .set({ updated_at: sql<string>`now()` })
    .where('id', '=', questionId)
    .execute();
  return before;
}
