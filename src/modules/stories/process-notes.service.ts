/**
 * Process-evaluation notes on the collaboration: about an opgave, a governance body or the
 * collaboration in general; written by beheerders, read by every signed-in role, and public only
 * when marked so.
 */
import type { Kysely } from 'kysely';
import { writeAudit } from '../../db/audit.js';
import { isRowId } from '../../db/ids.js';
import type { Database, ProcessNoteSubject } from '../../db/schema.js';
import { err, ok, type Result } from '../../lib/result.js';
import { fieldErrors, type SessionUser } from '../auth/index.js';
import { bumpDataVersion } from '../plan/index.js';
import * as repo from './process-notes.repository.js';
import { canWriteNotes } from './stories.policy.js';
import { NOTE_SUBJECTS, ProcessNoteForm } from './stories.types.js';
import * as refsRepo from './stories-references.repository.js';

type Db = Kysely<Database>;

export type NoteSubjectOption = { value: string; label: string; group: string };

/** The subjects a note can be about, as options of one select (value `opgave:<slug>` …). */
export async function noteSubjects(db: Db, regionId: number): Promise<NoteSubjectOption[]> {
  const [opgaven, bodies] = await Promise.all([
    refsRepo.listOpgaven(db, regionId),
    refsRepo.listGovernanceBodies(db, regionId),
  ]);
  return [
    { value: 'samenwerking', label: NOTE_SUBJECTS.samenwerking, group: 'Algemeen' },
    ...opgaven.map((o) => ({
      value: `opgave:${o.slug}`,
      label: `${o.number}. ${o.name}`,
      group: 'Opgaven',
    })),
    ...bodies.map((b) => ({
      value: `governance:${b.slug}`,
      label: b.name,
      group: 'Overleg en organen',
    })),
  ];
}

export type Note = {
  id: number;
  notedOn: string;
  subjectKind: ProcessNoteSubject;
  subjectKey: string | null;
  subjectLabel: string;
  text: string;
  isPublic: boolean;
  authorName: string;
};

type NoteRow = Awaited<ReturnType<typeof repo.listNotes>>[number];

function toNote(row: NoteRow, subjects: NoteSubjectOption[]): Note {
  const value = row.subject_key ? `${row.subject_kind}:${row.subject_key}` : row.subject_kind;
  return {
    id: row.id,
    notedOn: row.noted_on,
    subjectKind: row.subject_kind,
    subjectKey: row.subject_key,
    subjectLabel: subjects.find((s) => s.value === value)?.label ?? value,
    text: row.text,
    isPublic: row.is_public,
    authorName: row.author_name,
  };
}

/**
 * Notes of a region, newest first. `publicOnly` is what public reports may show; `opgaveSlug`
 * gives the notes about one opgave (for the monitoring round's evidence per opgave).
 */
export async function listProcessNotes(
  db: Db,
  regionId: number,
  filter: { publicOnly?: boolean; opgaveSlug?: string; limit?: number } = {},
): Promise<Note[]> {
  const [rows, subjects] = await Promise.all([
    repo.listNotes(db, regionId, {
      publicOnly: filter.publicOnly,
      subjectKind: filter.opgaveSlug ? 'opgave' : undefined,
      subjectKey: filter.opgaveSlug,
      limit: filter.limit,
    }),
    noteSubjects(db, regionId),
  ]);
  return rows.map((row) => toNote(row, subjects));
}

export type NoteError =
  | 'NotFound'
  | 'Forbidden'
  | { kind: 'Invalid'; errors: Record<string, string> };

async function checkNoteForm(db: Db, regionId: number, form: Record<string, string>) {
  const parsed = ProcessNoteForm.safeParse(form);
  const errors: Record<string, string> = parsed.success ? {} : fieldErrors(parsed.error);
  const subjects = await noteSubjects(db, regionId);
  if (!errors.subject && !subjects.some((s) => s.value === form.subject))
    errors.subject = 'Dit onderwerp kennen we niet. Kies een onderwerp uit de lijst.';
  if (!parsed.success || Object.keys(errors).length > 0)
    return err({ kind: 'Invalid' as const, errors });
  const [kind, key] = parsed.data.subject.split(':') as [ProcessNoteSubject, string | undefined];
  return ok({
    notedOn: parsed.data.noted_on,
    subjectKind: kind,
    subjectKey: key ?? null,
    text: parsed.data.text,
    isPublic: parsed.data.is_public,
  });
}

/** Saves a new note or an edit, audited; public notes refresh the public page cache. */
export async function saveProcessNote(
  db: Db,
  user: SessionUser,
  form: Record<string, string>,
  id?: number,
): Promise<Result<{ id: number }, NoteError>> {
  if (!canWriteNotes(user)) return err('Forbidden');
  const checked = await checkNoteForm(db, user.regionId, form);
  if (!checked.ok) return checked;
  const actor = `user:${user.id}`;
  return db.transaction().execute(async (trx) => {
    const before = id === undefined ? undefined : await repo.lockNote(trx, id);
    if (id !== undefined && (!before || before.region_id !== user.regionId))
      return err('NotFound' as const);
    const after = before
      ? await repo.updateNote(trx, before.id, actor, checked.value)
      : await repo.insertNote(trx, {
          regionId: user.regionId,
          actor,
          authorName: user.name || user.email,
          values: checked.value,
        });
    await writeAudit(trx, {
      actor,
      action: before ? 'process_note.update' : 'process_note.create',
      entityType: 'process_note',
      entityKey: String(after.id),
      regionId: user.regionId,
      before: before ?? null,
      after,
    });
    if (after.is_public || before?.is_public) await bumpDataVersion(trx);
    return ok({ id: after.id });
  });
}

/** One note for its edit form. */
export async function getProcessNote(db: Db, user: SessionUser, id: number) {
  if (!isRowId(id)) return err('NotFound' as const);
  const row = await repo.findNote(db, id);
  if (!row || row.region_id !== user.regionId) return err('NotFound' as const);
  return ok(toNote(row, await noteSubjects(db, user.regionId)));
}
