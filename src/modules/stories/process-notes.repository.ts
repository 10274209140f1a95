/** SQL of process-evaluation notes. */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database, ProcessNoteSubject } from '../../db/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export type NoteValues = {
  notedOn: string;
  subjectKind: ProcessNoteSubject;
  subjectKey: string | null;
  text: string;
  isPublic: boolean;
};

function columns(values: NoteValues) {
  return {
    noted_on: values.notedOn,
    subject_kind: values.subjectKind,
    subject_key: values.subjectKey,
    text: values.text,
    is_public: values.isPublic,
  };
}

export async function insertNote(
  db: Db,
  note: { regionId: number; actor: string; authorName: string; values: NoteValues },
) {
  return db
    .insertInto('process_note')
    .values({
      region_id: note.regionId,
      written_by: note.actor,
      author_name: note.authorName,
      updated_by: note.actor,
      ...columns(note.values),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function lockNote(trx: Transaction<Database>, id: number) {
  return trx
    .selectFrom('process_note')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function findNote(db: Db, id: number) {
  return db.selectFrom('process_note').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateNote(db: Db, id: number, actor: string, values: NoteValues) {
  return db
    .updateTable('process_note')
    .set({ ...columns(values), updated_by: actor, updated_at: sql<string>`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listNotes(
  db: Db,
  regionId: number,
  filter: {
    publicOnly?: boolean;
    subjectKind?: ProcessNoteSubject;
    subjectKey?: string;
    limit?: number;
  },
) {
  let query = db.selectFrom('process_note').selectAll().where('region_id', '=', regionId);
  if (filter.publicOnly) query = query.where('is_public', '=', true);
  if (filter.subjectKind) query = query.where('subject_kind', '=', filter.subjectKind);
  if (filter.subjectKey) query = query.where('subject_key', '=', filter.subjectKey);
  return query
    .orderBy('noted_on', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit ?? 200)
    .execute();
}
